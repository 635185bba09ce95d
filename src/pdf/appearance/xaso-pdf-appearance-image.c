/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-appearance-private.h"

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         pos;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *buffer,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->len - reader->pos)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buffer, reader->data + reader->pos, length);
  reader->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The size is read from the IHDR chunk, which a PNG must begin with, so a
 * huge image is refused before libpng allocates its pixels. */
static gboolean
check_header (const guint8  *data,
              gsize          len,
              GError       **error)
{
  guint32 width, height;

  if (len > XASO_PDF_APPEARANCE_MAX_IMAGE_BYTES)
    {
      g_set_error_literal (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_IMAGE,
                           _("The image file is larger than 8 MB."));
      return FALSE;
    }
  if (len < 33 || memcmp (data, png_signature, sizeof png_signature) != 0
      || memcmp (data + 12, "IHDR", 4) != 0)
    {
      g_set_error_literal (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_IMAGE,
                           _("The image is not a PNG file."));
      return FALSE;
    }
  width = read_be32 (data + 16);
  height = read_be32 (data + 20);
  if (width == 0 || height == 0
      || width > XASO_PDF_APPEARANCE_MAX_IMAGE_SIDE || height > XASO_PDF_APPEARANCE_MAX_IMAGE_SIDE)
    {
      g_set_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_IMAGE,
                   _("The image is %u × %u pixels; at most 4096 pixels on each side are allowed."),
                   width, height);
      return FALSE;
    }
  return TRUE;
}

/**
 * xaso_pdf_appearance_load_png:
 *
 * Decodes @png (a signature or, with @is_seal, a seal image) after checking
 * that it is a PNG of reasonable size.
 */
cairo_surface_t *
xaso_pdf_appearance_load_png (GBytes    *png,
                              gboolean   is_seal,
                              GError   **error)
{
  PngReader reader = { NULL, 0, 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (png, &reader.len);
  if (!check_header (reader.data, reader.len, error))
    goto fail;
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_destroy (surface);
  g_set_error_literal (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_IMAGE,
                       _("The PNG image is damaged and cannot be read."));
fail:
  g_prefix_error (error, "%s ", is_seal ? _("Seal image:") : _("Signature image:"));
  return NULL;
}
