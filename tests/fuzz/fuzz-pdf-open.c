/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-fuzz"

/* libFuzzer harness: opens any bytes as a PDF and walks what a viewer and
 * a signer would touch. Must never crash, hang or leak; errors are fine. */

#include <glib.h>

#include "xaso-pdf.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
walk_pages (XasoPdfDocument *doc)
{
  guint n = xaso_pdf_document_get_n_pages (doc);

  for (guint i = 0; i < n && i < 64; i++)
    {
      XasoPdfObject *contents = xaso_pdf_document_get_page_attribute (doc, i, "Contents");

      (void)xaso_pdf_document_get_page_attribute (doc, i, "MediaBox");
      (void)xaso_pdf_document_get_page_attribute (doc, i, "Resources");
      if (contents != NULL && xaso_pdf_object_get_kind (contents) == XASO_PDF_STREAM)
        {
          g_autoptr(GBytes) decoded = xaso_pdf_document_decode_stream (doc, contents, 4 << 20, NULL);

          (void)decoded;
        }
    }
}

static void
walk_signatures (XasoPdfDocument *doc)
{
  g_autoptr(GPtrArray) signatures = xaso_pdf_document_list_signatures (doc);

  for (guint i = 0; i < signatures->len; i++)
    {
      const XasoPdfSignature *signature = g_ptr_array_index (signatures, i);

      (void)signature->contents;
    }
}

static void
walk_objects (XasoPdfDocument *doc)
{
  guint32 n = MIN (xaso_pdf_document_get_next_object_number (doc), 256);

  for (guint32 num = 1; num < n; num++)
    {
      XasoPdfObject *object = xaso_pdf_document_lookup (doc, num, 0, NULL);
      guint64 start, end;

      (void)xaso_pdf_document_get_object_span (doc, num, 0, &start, &end, NULL);
      if (object != NULL && xaso_pdf_object_get_kind (object) == XASO_PDF_STREAM)
        {
          g_autoptr(GBytes) decoded = xaso_pdf_document_decode_stream (doc, object, 4 << 20, NULL);

          (void)decoded;
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;

  /* A critical or a warning from the library is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  bytes = g_bytes_new (data, size);
  doc = xaso_pdf_document_new_from_bytes (bytes, &error);

  if (doc == NULL)
    {
      g_assert (error != NULL && error->domain == XASO_PDF_ERROR);
      return 0;
    }
  g_assert (error == NULL);
  (void)xaso_pdf_document_get_trailer (doc);
  (void)xaso_pdf_document_get_version (doc);
  walk_pages (doc);
  walk_signatures (doc);
  walk_objects (doc);
  return 0;
}
