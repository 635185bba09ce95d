/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-form.h"
#include "xaso-pdf-sign-private.h"

/* Where each kind of signature goes when nobody drew its rectangle
 * (DOMAIN.md, "Signatures on documents"). Sizes are in points. */
#define PERSON_WIDTH   200.0
#define PERSON_HEIGHT   80.0
#define PERSON_MARGIN   42.0   /* about 15 mm from the right edge */
#define PERSON_BOTTOM   72.0   /* an inch above the bottom edge */
#define COPY_WIDTH     200.0
#define COPY_HEIGHT     42.0
#define SEAL_SIZE      113.0   /* a 40 mm round seal, real size */

/* A PDF rectangle [x1 y1 x2 y2] in any corner order. */
static gboolean
read_rect (XasoPdfObject          *array,
           XasoPdfAppearanceRect  *out)
{
  double v[4];

  if (xaso_pdf_object_get_kind (array) != XASO_PDF_ARRAY || xaso_pdf_object_array_get_length (array) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!xaso_pdf_object_get_number (xaso_pdf_object_array_get (array, i), &v[i]))
      return FALSE;
  *out = (XasoPdfAppearanceRect) { MIN (v[0], v[2]), MIN (v[1], v[3]), ABS (v[2] - v[0]), ABS (v[3] - v[1]) };
  return out->width > 0 && out->height > 0;
}

/* The page's visible box (the CropBox within the MediaBox) and rotation;
 * A4 when the file names none. */
static void
page_box (XasoPdfDocument       *document,
          guint                  index,
          XasoPdfAppearanceRect *media,
          XasoPdfAppearanceRect *crop,
          gboolean              *has_crop,
          int                   *rotate)
{
  double degrees = 0;

  if (!read_rect (xaso_pdf_document_get_page_attribute (document, index, "MediaBox"), media))
    *media = (XasoPdfAppearanceRect) { 0, 0, 595.28, 841.89 };
  *has_crop = read_rect (xaso_pdf_document_get_page_attribute (document, index, "CropBox"), crop);
  xaso_pdf_object_get_number (xaso_pdf_document_get_page_attribute (document, index, "Rotate"), &degrees);
  *rotate = (int)degrees;
}

static void
place_person (XasoPdfDocument *document,
              guint            index,
              double           rect[4])
{
  XasoPdfAppearanceRect media, crop, *box;
  gboolean has_crop;
  int rotate;

  page_box (document, index, &media, &crop, &has_crop, &rotate);
  box = has_crop ? &crop : &media;
  rect[2] = MIN (PERSON_WIDTH, box->width / 2);
  rect[3] = MIN (PERSON_HEIGHT, box->height / 4);
  rect[0] = box->x + box->width - rect[2] - MIN (PERSON_MARGIN, box->width / 10);
  rect[1] = box->y + MIN (PERSON_BOTTOM, box->height / 10);
}

static void
place_copy (XasoPdfDocument *document,
            double           rect[4])
{
  XasoPdfAppearanceRect media, crop, out;
  gboolean has_crop;
  int rotate;

  page_box (document, 0, &media, &crop, &has_crop, &rotate);
  xaso_pdf_appearance_copy_rect (&media, has_crop ? &crop : NULL, rotate, COPY_WIDTH, COPY_HEIGHT, &out);
  rect[0] = out.x, rect[1] = out.y, rect[2] = out.width, rect[3] = out.height;
}

/* The index of the page whose object is @page_ref, or -1. */
static int
page_index_of (XasoPdfDocument *document,
               XasoPdfObject   *page_ref)
{
  guint n = xaso_pdf_document_get_n_pages (document);

  if (xaso_pdf_object_get_kind (page_ref) != XASO_PDF_REF)
    return -1;
  for (guint i = 0; i < n; i++)
    {
      guint32 num = 0;
      guint16 gen = 0;

      if (xaso_pdf_document_get_page (document, i, &num, &gen) != NULL &&
          num == xaso_pdf_object_ref_get_num (page_ref))
        return (int)i;
    }
  return -1;
}

/* The signed field whose signature ends last in the file: the person's
 * signature the organization's seal goes over. */
static XasoPdfSignature *
last_signature (GPtrArray *signatures)
{
  XasoPdfSignature *last = NULL;
  gint64 last_end = -1;

  for (guint i = 0; i < signatures->len; i++)
    {
      XasoPdfSignature *sig = g_ptr_array_index (signatures, i);
      gint64 end;

      if (sig->field.value == NULL || sig->n_byte_range != 4)
        continue;
      end = sig->byte_range[2] + sig->byte_range[3];
      if (end > last_end)
        last = sig, last_end = end;
    }
  return last;
}

/* Over the left third of the last signature; where a person's goes when
 * the document has none, or its widget cannot be found. */
static void
place_seal (XasoPdfDocument *document,
            int             *page,
            double           rect[4])
{
  g_autoptr(GPtrArray) signatures = xaso_pdf_document_list_signatures (document);
  XasoPdfSignature *sig = last_signature (signatures);
  XasoPdfObject *widget = sig ? sig->field.dict : NULL;
  XasoPdfAppearanceRect leader, out;
  int index;

  if (widget != NULL && xaso_pdf_object_dict_get (widget, "Rect") == NULL)
    widget = xaso_pdf_document_resolve (document,
                                        xaso_pdf_object_array_get (xaso_pdf_document_dict_get (document, widget, "Kids"), 0),
                                        NULL);
  index = widget ? page_index_of (document, xaso_pdf_object_dict_get (widget, "P")) : -1;
  if (index < 0 || !read_rect (xaso_pdf_document_dict_get (document, widget, "Rect"), &leader))
    {
      *page = (int)xaso_pdf_document_get_n_pages (document) - 1;
      place_person (document, *page, rect);
      return;
    }
  xaso_pdf_appearance_organization_rect (&leader, SEAL_SIZE, &out);
  *page = index;
  rect[0] = out.x, rect[1] = out.y, rect[2] = out.width, rect[3] = out.height;
}

void
xaso_pdf_sign_place (XasoPdfDocument          *document,
                     const XasoPdfSignOptions *options,
                     int                      *page,
                     double                    rect[4])
{
  XasoPdfAppearanceKind kind = options->appearance ? options->appearance->kind : XASO_PDF_APPEARANCE_LEADER;
  guint n_pages = xaso_pdf_document_get_n_pages (document);

  *page = options->page;
  memcpy (rect, options->rect, sizeof options->rect);
  if (options->placement != XASO_PDF_PLACE_AUTO || n_pages == 0)
    return;
  if (kind == XASO_PDF_APPEARANCE_COPY)
    {
      *page = 0;
      place_copy (document, rect);
    }
  else if (kind == XASO_PDF_APPEARANCE_ORGANIZATION)
    place_seal (document, page, rect);
  else
    {
      *page = options->page < 0 || (guint)options->page >= n_pages ? (int)n_pages - 1 : options->page;
      place_person (document, *page, rect);
    }
}
