/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

#include "xaso-pdf.h"

/* Helpers shared by the pdf tests. */

/* ../shared/testdata/pdf/NAME beside the checkout, as CI lays it out. */
static inline char *
pdf_test_sample_path (const char *name)
{
  const char *source = g_getenv ("XASO_SOURCE_DIR");

  g_assert_nonnull (source);
  return g_build_filename (source, "..", "shared", "testdata", "pdf", name, NULL);
}

static inline XasoPdfDocument *
pdf_test_open_bytes (const char  *data,
                     gsize        len,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return xaso_pdf_document_new_from_bytes (bytes, error);
}

/* Runs a command and returns its standard output, or NULL when the program
 * is missing or fails (the comparison is then skipped). */
static inline char *
pdf_test_run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  int status = 0;

  if (program == NULL)
    return NULL;
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* pdfinfo's "Pages:" line, or -1 when pdfinfo is missing or fails. */
static inline gint64
pdf_test_pdfinfo_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = pdf_test_run (argv);
  const char *line = out != NULL ? strstr (out, "\nPages:") : NULL;

  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + 7, NULL, 10);
}

/* Builds a PDF object by object, recording each offset, then writes a
 * classic xref table, an xref stream or nothing at all. */
typedef struct
{
  GString *out;
  GArray  *offsets;             /* of gsize, by object number; 0 = none */
} PdfBuilder;

static inline void
pdf_builder_init (PdfBuilder *b,
                  const char *version)
{
  b->out = g_string_new (NULL);
  b->offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_string_append_printf (b->out, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version);
}

static inline void
pdf_builder_clear (PdfBuilder *b)
{
  g_string_free (b->out, TRUE);
  g_array_unref (b->offsets);
}

static inline void
pdf_builder_object (PdfBuilder *b,
                    guint       num,
                    const char *body)
{
  if (num >= b->offsets->len)
    g_array_set_size (b->offsets, num + 1);
  g_array_index (b->offsets, gsize, num) = b->out->len;
  g_string_append_printf (b->out, "%u 0 obj\n%s\nendobj\n", num, body);
}

static inline void
pdf_builder_stream (PdfBuilder *b,
                    guint       num,
                    const char *dict_extra,
                    const void *data,
                    gsize       len)
{
  if (num >= b->offsets->len)
    g_array_set_size (b->offsets, num + 1);
  g_array_index (b->offsets, gsize, num) = b->out->len;
  g_string_append_printf (b->out, "%u 0 obj\n<< /Length %" G_GSIZE_FORMAT " %s >>\nstream\n",
                          num, len, dict_extra);
  g_string_append_len (b->out, data, (gssize)len);
  g_string_append (b->out, "\nendstream\nendobj\n");
}

/* A classic table covering objects 0..n-1; returns its offset. */
static inline gsize
pdf_builder_table (PdfBuilder *b,
                   const char *trailer_extra)
{
  gsize at = b->out->len;

  g_string_append_printf (b->out, "xref\n0 %u\n0000000000 65535 f\r\n", b->offsets->len);
  for (guint i = 1; i < b->offsets->len; i++)
    {
      gsize off = g_array_index (b->offsets, gsize, i);

      if (off == 0)
        g_string_append (b->out, "0000000000 00001 f\r\n");
      else
        g_string_append_printf (b->out, "%010" G_GSIZE_MODIFIER "u 00000 n\r\n", off);
    }
  g_string_append_printf (b->out, "trailer\n<< /Size %u %s >>\n", b->offsets->len, trailer_extra);
  return at;
}

static inline void
pdf_builder_finish (PdfBuilder *b,
                    gsize       startxref)
{
  g_string_append_printf (b->out, "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", startxref);
}
