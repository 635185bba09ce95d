/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pdf-test-util.h"

/* The hard cases of ../shared/testdata/pdf (from pyHanko's test data). */

static XasoPdfDocument *
open_sample (const char  *name,
             GError     **error)
{
  g_autofree char *path = pdf_test_sample_path (name);

  return xaso_pdf_document_new_from_file (path, error);
}

static void
assert_pages_match_pdfinfo (XasoPdfDocument *doc,
                            const char      *name)
{
  g_autofree char *path = pdf_test_sample_path (name);
  gint64 expected = pdf_test_pdfinfo_pages (path);

  if (expected >= 0)
    g_assert_cmpint (xaso_pdf_document_get_n_pages (doc), ==, expected);
}

static void
test_hybrid (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = open_sample (name, &error);
  const XasoPdfRevision *last;

  g_assert_no_error (error);
  g_assert_false (xaso_pdf_document_was_repaired (doc));
  g_assert_cmpuint (xaso_pdf_document_get_n_pages (doc), ==, 1);
  assert_pages_match_pdfinfo (doc, name);
  last = xaso_pdf_document_get_revision (doc, xaso_pdf_document_get_n_revisions (doc) - 1);
  /* A hybrid file's update must be a table: the last section is one. */
  g_assert_cmpint (xaso_pdf_document_get_last_xref_kind (doc), ==, XASO_PDF_XREF_TABLE);
  g_assert_cmpint (last->kind, ==, XASO_PDF_XREF_TABLE);
  g_assert_cmpint (last->xref_stream, >, 0);
  g_assert_nonnull (xaso_pdf_document_get_page_attribute (doc, 0, "MediaBox"));
}

static void
test_encrypted (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = open_sample (data, &error);

  g_assert_null (doc);
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "encrypted"));
}

static void
test_broken_xref_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = open_sample ("minimal-broken-xref-size.pdf", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (xaso_pdf_document_get_n_pages (doc), ==, 1);
  g_assert_cmpuint (xaso_pdf_document_get_n_revisions (doc), ==, 2);
  /* /Size says 6 but object 6 exists: an update must not reuse it. */
  g_assert_cmpuint (xaso_pdf_document_get_next_object_number (doc), >=, 7);
}

static void
test_startxref_off_by_one (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = open_sample ("minimal-startxref-obo1.pdf", &error);

  /* startxref names the end of line before "xref": white space before a
   * section is harmless, so this opens as a sound file. Offsets that land
   * inside a keyword are in test-synthetic. */
  g_assert_no_error (error);
  g_assert_cmpuint (xaso_pdf_document_get_n_pages (doc), ==, 1);
  g_assert_cmpuint (xaso_pdf_document_get_n_revisions (doc), ==, 1);
  g_assert_cmpuint (xaso_pdf_document_get_revision (doc, 0)->startxref, ==, 564);
}

static void
test_broken_objstream (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = open_sample ("broken-objstream1.pdf", &error);

  /* Either refused with a clear error or opened with what can be read. */
  if (doc == NULL)
    {
      g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED);
      return;
    }
  g_assert_no_error (error);
  (void)xaso_pdf_document_get_n_pages (doc);
  g_assert_cmpuint (xaso_pdf_document_get_n_revisions (doc), >=, 1);
}

static void
assert_signature (XasoPdfDocument        *doc,
                  const XasoPdfSignature *signature)
{
  gsize len = 0;

  xaso_pdf_document_get_data (doc, &len);
  g_assert_nonnull (signature->field.value);
  g_assert_cmpuint (signature->n_byte_range, ==, 4);
  g_assert_cmpint (signature->byte_range[0], ==, 0);
  g_assert_nonnull (signature->contents);
  g_assert_cmpuint (g_bytes_get_size (signature->contents), >, 100);
  /* The byte range's hole is exactly the /Contents hex string. */
  g_assert_true (signature->contents_located);
  g_assert_cmpuint (signature->contents_start, ==, (guint64)signature->byte_range[1]);
  g_assert_cmpuint (signature->contents_end, ==, (guint64)signature->byte_range[2]);
  g_assert_cmpuint ((guint64)(signature->byte_range[2] + signature->byte_range[3]), <=, len);
}

static void
test_signed_twice (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = open_sample (name, &error);
  g_autoptr(GPtrArray) signatures = NULL;
  const XasoPdfSignature *first, *second;
  gsize len = 0;

  g_assert_no_error (error);
  g_assert_nonnull (xaso_pdf_document_get_acroform (doc));
  signatures = xaso_pdf_document_list_signatures (doc);
  g_assert_cmpuint (signatures->len, ==, 2);
  first = g_ptr_array_index (signatures, 0);
  second = g_ptr_array_index (signatures, 1);
  assert_signature (doc, first);
  assert_signature (doc, second);
  g_assert_cmpstr (first->field.name, !=, second->field.name);
  g_assert_cmpint (first->byte_range[3] + first->byte_range[2], !=,
                   second->byte_range[3] + second->byte_range[2]);
  /* The later signature covers the whole file; each ends at a revision's end. */
  xaso_pdf_document_get_data (doc, &len);
  g_assert_cmpuint (MAX (first->byte_range[2] + first->byte_range[3],
                         second->byte_range[2] + second->byte_range[3]), ==, len);
  g_assert_cmpuint (xaso_pdf_document_get_n_revisions (doc), >=, 2);
  assert_pages_match_pdfinfo (doc, name);
}

static void
test_not_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("XASO_SOURCE_DIR"), "meson.build", NULL);
  g_autoptr(XasoPdfDocument) doc = xaso_pdf_document_new_from_file (path, &error);

  g_assert_null (doc);
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_NOT_PDF);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = xaso_pdf_document_new_from_file ("/nonexistent/x.pdf", &error);

  g_assert_null (doc);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/pdf/samples/hybrid", "minimal-hybrid-xref.pdf", test_hybrid);
  g_test_add_data_func ("/pdf/samples/hybrid-msword-style", "minimal-hybrid-xref-mswordstyle.pdf",
                        test_hybrid);
  g_test_add_data_func ("/pdf/samples/encrypted-aes256", "minimal-aes256.pdf", test_encrypted);
  g_test_add_data_func ("/pdf/samples/encrypted-rc4", "minimal-rc4.pdf", test_encrypted);
  g_test_add_func ("/pdf/samples/broken-xref-size", test_broken_xref_size);
  g_test_add_func ("/pdf/samples/startxref-off-by-one", test_startxref_off_by_one);
  g_test_add_func ("/pdf/samples/broken-object-stream", test_broken_objstream);
  g_test_add_data_func ("/pdf/samples/signed-twice", "minimal-signed-twice-both-created.pdf",
                        test_signed_twice);
  g_test_add_data_func ("/pdf/samples/two-fields-signed-twice", "minimal-two-fields-signed-twice.pdf",
                        test_signed_twice);
  g_test_add_func ("/pdf/samples/not-pdf", test_not_pdf);
  g_test_add_func ("/pdf/samples/missing-file", test_missing_file);
  return g_test_run ();
}
