/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "pdf-test-util.h"
#include "xaso-pdf-graft.h"
#include "xaso-pdf-serialize.h"
#include "xaso-pdf-update.h"

/* The incremental writer: what it appends reads back with our reader and
 * with qpdf, and the original bytes stay as they were. */

static GBytes *
small_pdf (void)
{
  PdfBuilder b;
  gsize xref;
  const char *content = "0 0 1 rg 10 10 50 50 re f\n";
  GBytes *bytes;

  pdf_builder_init (&b, "1.4");
  pdf_builder_object (&b, 1, "<< /Type /Catalog /Pages 2 0 R >>");
  pdf_builder_object (&b, 2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf_builder_object (&b, 3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
                             "/Resources << /Font << /F1 5 0 R >> >> >>");
  pdf_builder_stream (&b, 4, "", content, strlen (content));
  pdf_builder_object (&b, 5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  xref = pdf_builder_table (&b, "/Root 1 0 R /ID [<0102> <0102>]");
  pdf_builder_finish (&b, xref);
  bytes = g_bytes_new (b.out->str, b.out->len);
  pdf_builder_clear (&b);
  return bytes;
}

static GBytes *
apply (XasoPdfUpdate *update)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) tail = xaso_pdf_update_build (update, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_assert_true (xaso_pdf_update_write (update, tail, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
check_with_qpdf (GBytes *bytes)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("xaso-write-XXXXXX.pdf", &path, NULL);
  const char *argv[] = { "qpdf", "--check", NULL, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize)g_bytes_get_size (bytes), NULL));
  argv[2] = path;
  out = pdf_test_run (argv);
  if (out != NULL)
    g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
  g_unlink (path);
}

static void
test_table_update (void)
{
  g_autoptr(GBytes) original = small_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = xaso_pdf_document_new_from_bytes (original, &error);
  g_autoptr(XasoPdfUpdate) update = xaso_pdf_update_new (doc);
  g_autoptr(GBytes) result = NULL;
  g_autoptr(XasoPdfDocument) again = NULL;
  XasoPdfObject *catalog, *added;
  guint32 num;

  catalog = xaso_pdf_update_edit (update, 1, 0, &error);
  g_assert_no_error (error);
  num = xaso_pdf_update_add (update, xaso_pdf_object_new_string ((const guint8 *)"a (b) \\ c", 9));
  xaso_pdf_object_dict_set (catalog, "Added", xaso_pdf_object_new_ref (num, 0));
  result = apply (update);
  /* The original bytes come first, untouched. */
  g_assert_cmpmem (g_bytes_get_data (result, NULL), g_bytes_get_size (original),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  again = xaso_pdf_document_new_from_bytes (result, &error);
  g_assert_no_error (error);
  g_assert_false (xaso_pdf_document_was_repaired (again));
  g_assert_cmpuint (xaso_pdf_document_get_n_revisions (again), ==, 2);
  g_assert_cmpint (xaso_pdf_document_get_revision (again, 1)->kind, ==, XASO_PDF_XREF_TABLE);
  added = xaso_pdf_document_dict_get (again, xaso_pdf_document_get_catalog (again), "Added");
  g_assert_cmpmem (xaso_pdf_object_get_string (added, NULL), 9, "a (b) \\ c", 9);
  g_assert_cmpuint (xaso_pdf_document_get_n_pages (again), ==, 1);
  /* /ID keeps its first half. */
  g_assert_cmpmem (xaso_pdf_object_get_string (xaso_pdf_object_array_get (xaso_pdf_object_dict_get (xaso_pdf_document_get_last_trailer (again), "ID"), 0), NULL), 2, "\x01\x02", 2);
  check_with_qpdf (result);
}

static void
test_stream_update (void)
{
  const char *path = "/usr/share/doc/libtasn1-doc/libtasn1.pdf";
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  g_autoptr(XasoPdfUpdate) update = NULL;
  g_autoptr(GBytes) result = NULL;
  g_autoptr(XasoPdfDocument) again = NULL;
  guint n;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("libtasn1-doc is not installed");
      return;
    }
  doc = xaso_pdf_document_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_pdf_document_get_last_xref_kind (doc), ==, XASO_PDF_XREF_STREAM);
  update = xaso_pdf_update_new (doc);
  xaso_pdf_object_dict_set (xaso_pdf_update_edit (update, xaso_pdf_object_ref_get_num (xaso_pdf_object_dict_get (xaso_pdf_document_get_trailer (doc), "Root")), 0, &error),
                            "Lang", xaso_pdf_object_new_string ((const guint8 *)"vi", 2));
  g_assert_no_error (error);
  result = apply (update);
  again = xaso_pdf_document_new_from_bytes (result, &error);
  g_assert_no_error (error);
  n = xaso_pdf_document_get_n_revisions (again);
  g_assert_cmpuint (n, ==, xaso_pdf_document_get_n_revisions (doc) + 1);
  g_assert_cmpint (xaso_pdf_document_get_revision (again, n - 1)->kind, ==, XASO_PDF_XREF_STREAM);
  g_assert_cmpuint (xaso_pdf_document_get_n_pages (again), ==, xaso_pdf_document_get_n_pages (doc));
  g_assert_nonnull (xaso_pdf_object_dict_get (xaso_pdf_document_get_catalog (again), "Lang"));
  check_with_qpdf (result);
}

static void
test_graft (void)
{
  g_autoptr(GBytes) target_bytes = small_pdf ();
  g_autoptr(GBytes) source_bytes = small_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) target = xaso_pdf_document_new_from_bytes (target_bytes, &error);
  g_autoptr(XasoPdfDocument) source = xaso_pdf_document_new_from_bytes (source_bytes, &error);
  g_autoptr(XasoPdfUpdate) update = xaso_pdf_update_new (target);
  g_autoptr(GBytes) result = NULL;
  g_autoptr(XasoPdfDocument) again = NULL;
  g_autoptr(GBytes) decoded = NULL;
  XasoPdfObject *xobject, *font;
  double bbox[4];
  guint32 num;

  num = xaso_pdf_graft_page (update, source, 0, bbox, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bbox[2], ==, 200);
  result = apply (update);
  again = xaso_pdf_document_new_from_bytes (result, &error);
  xobject = xaso_pdf_document_lookup (again, num, 0, &error);
  g_assert_no_error (error);
  g_assert_true (xaso_pdf_object_is_name (xaso_pdf_object_dict_get (xobject, "Subtype"), "Form"));
  decoded = xaso_pdf_document_decode_stream (again, xobject, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (decoded, NULL), (gssize)g_bytes_get_size (decoded), "re f"));
  /* The font came along under a new number. */
  font = xaso_pdf_document_dict_get (again, xaso_pdf_document_dict_get (again, xaso_pdf_object_dict_get (xobject, "Resources"), "Font"), "F1");
  g_assert_true (xaso_pdf_object_is_name (xaso_pdf_object_dict_get (font, "BaseFont"), "Helvetica"));
  g_assert_cmpuint (xaso_pdf_object_ref_get_num (xaso_pdf_object_dict_get (xaso_pdf_object_dict_get (xaso_pdf_object_dict_get (xobject, "Resources"), "Font"), "F1")), >=, 6);
  check_with_qpdf (result);
}

static void
test_serialize (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(XasoPdfObject) array = xaso_pdf_object_new_array ();

  xaso_pdf_object_array_append (array, xaso_pdf_object_new_name ("A B#(c)"));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_real (0.5));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_real (-2.0));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_string ((const guint8 *)"\xfe\xff\x00\x41", 4));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_bool (TRUE));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_null ());
  xaso_pdf_serialize (out, array);
  /* A Vietnamese locale must not turn 0.5 into "0,5". */
  g_assert_cmpstr (out->str, ==, "[/A#20B#23#28c#29 0.5 -2 <FEFF0041> true null]");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (g_getenv ("XASO_TEST_LANG") != NULL)
    setlocale (LC_NUMERIC, g_getenv ("XASO_TEST_LANG"));
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/write/serialize", test_serialize);
  g_test_add_func ("/pdf/write/table-update-keeps-original", test_table_update);
  g_test_add_func ("/pdf/write/stream-update-for-stream-files", test_stream_update);
  g_test_add_func ("/pdf/write/graft-page-as-form", test_graft);
  return g_test_run ();
}
