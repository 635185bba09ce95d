/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pdf-test-util.h"

/* Values and their syntax, through a one-object document: "1 0 obj" holds
 * the text under test and the catalog is object 2. */

static XasoPdfDocument *
document_with (const char *value)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.7\n");
  g_autoptr(GError) error = NULL;
  gsize o1, o2, xref;
  XasoPdfDocument *doc;

  o1 = pdf->len;
  g_string_append_printf (pdf, "1 0 obj\n%s\nendobj\n", value);
  o2 = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Catalog /Pages << /Type /Pages /Kids [] /Count 0 >> >>\nendobj\n");
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 3\n0000000000 65535 f\r\n%010zu 00000 n\r\n%010zu 00000 n\r\n"
                          "trailer\n<< /Size 3 /Root 2 0 R >>\nstartxref\n%zu\n%%%%EOF\n", o1, o2, xref);
  doc = pdf_test_open_bytes (pdf->str, pdf->len, &error);
  g_assert_no_error (error);
  return doc;
}

static void
test_scalars (void)
{
  g_autoptr(XasoPdfDocument) doc = document_with ("[true false null 42 -17 +3 3.25 -.5 4. 99999999999999999999 /A#20B 5 0 R]");
  XasoPdfObject *a = xaso_pdf_document_lookup (doc, 1, 0, NULL);
  double d = 0;

  g_assert_cmpuint (xaso_pdf_object_array_get_length (a), ==, 12);
  g_assert_true (xaso_pdf_object_get_bool (xaso_pdf_object_array_get (a, 0)));
  g_assert_cmpint (xaso_pdf_object_get_kind (xaso_pdf_object_array_get (a, 1)), ==, XASO_PDF_BOOL);
  g_assert_true (xaso_pdf_object_is_null (xaso_pdf_object_array_get (a, 2)));
  g_assert_cmpint (xaso_pdf_object_get_int (xaso_pdf_object_array_get (a, 3)), ==, 42);
  g_assert_cmpint (xaso_pdf_object_get_int (xaso_pdf_object_array_get (a, 4)), ==, -17);
  g_assert_cmpint (xaso_pdf_object_get_int (xaso_pdf_object_array_get (a, 5)), ==, 3);
  g_assert_true (xaso_pdf_object_get_number (xaso_pdf_object_array_get (a, 6), &d));
  g_assert_cmpfloat (d, ==, 3.25);
  g_assert_true (xaso_pdf_object_get_number (xaso_pdf_object_array_get (a, 7), &d));
  g_assert_cmpfloat (d, ==, -0.5);
  g_assert_cmpint (xaso_pdf_object_get_kind (xaso_pdf_object_array_get (a, 8)), ==, XASO_PDF_REAL);
  /* Too big for 64 bits: a real, not a wrapped integer. */
  g_assert_cmpint (xaso_pdf_object_get_kind (xaso_pdf_object_array_get (a, 9)), ==, XASO_PDF_REAL);
  g_assert_cmpstr (xaso_pdf_object_get_name (xaso_pdf_object_array_get (a, 10)), ==, "A B");
  g_assert_cmpuint (xaso_pdf_object_ref_get_num (xaso_pdf_object_array_get (a, 11)), ==, 5);
}

static void
test_strings (void)
{
  g_autoptr(XasoPdfDocument) doc = document_with ("[(a\\(b\\)c\\n\\101\\\r\nd (nested) ) <48 65 6C6C 6F7> <>]");
  XasoPdfObject *a = xaso_pdf_document_lookup (doc, 1, 0, NULL);
  gsize len = 0;
  const guint8 *s;

  s = xaso_pdf_object_get_string (xaso_pdf_object_array_get (a, 0), &len);
  g_assert_cmpmem (s, len, "a(b)c\nAd (nested) ", 18);
  /* Hex strings skip white space; an odd last digit counts as d0. */
  s = xaso_pdf_object_get_string (xaso_pdf_object_array_get (a, 1), &len);
  g_assert_cmpmem (s, len, "Hellop", 6);
  s = xaso_pdf_object_get_string (xaso_pdf_object_array_get (a, 2), &len);
  g_assert_cmpuint (len, ==, 0);
}

static void
test_dicts (void)
{
  g_autoptr(XasoPdfDocument) doc = document_with ("<< /A 1 /B << /C [1 2] >> /A 2 /Empty >>");
  XasoPdfObject *d = xaso_pdf_document_lookup (doc, 1, 0, NULL);

  /* The last of repeated keys wins; a key without a value is null. */
  g_assert_cmpint (xaso_pdf_object_get_int (xaso_pdf_object_dict_get (d, "A")), ==, 2);
  g_assert_cmpuint (xaso_pdf_object_array_get_length (
    xaso_pdf_object_dict_get (xaso_pdf_object_dict_get (d, "B"), "C")), ==, 2);
  g_assert_true (xaso_pdf_object_is_null (xaso_pdf_object_dict_get (d, "Empty")));
  g_assert_null (xaso_pdf_object_dict_get (d, "Missing"));
  g_assert_cmpstr (xaso_pdf_object_dict_get_key_at (d, 1), ==, "B");
}

static void
test_damaged_objects (void)
{
  const char *bad[] = { "<< /A (unterminated >>", "<< 1 2 >>", "[1 2", "<ZZ>", "<< /A ) >>", "bogus" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(XasoPdfDocument) doc = document_with (bad[i]);
      g_autoptr(GError) error = NULL;

      g_assert_null (xaso_pdf_document_lookup (doc, 1, 0, &error));
      g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED);
      /* The failure is remembered, not parsed again. */
      g_clear_error (&error);
      g_assert_null (xaso_pdf_document_lookup (doc, 1, 0, &error));
      g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED);
    }
}

static void
test_builders (void)
{
  g_autoptr(XasoPdfObject) dict = xaso_pdf_object_new_dict ();
  XasoPdfObject *array = xaso_pdf_object_new_array ();

  xaso_pdf_object_array_append (array, xaso_pdf_object_new_int (0));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_string ((const guint8 *)"\0x", 2));
  xaso_pdf_object_dict_set (dict, "ByteRange", array);
  xaso_pdf_object_dict_set (dict, "Type", xaso_pdf_object_new_name ("Sig"));
  xaso_pdf_object_dict_set (dict, "Type", xaso_pdf_object_new_name ("DocTimeStamp"));
  g_assert_cmpuint (xaso_pdf_object_dict_get_size (dict), ==, 2);
  g_assert_true (xaso_pdf_object_is_name (xaso_pdf_object_dict_get (dict, "Type"), "DocTimeStamp"));
  g_assert_true (xaso_pdf_object_dict_remove (dict, "Type"));
  g_assert_null (xaso_pdf_object_dict_get (dict, "Type"));
  g_assert_cmpstr (xaso_pdf_kind_to_string (XASO_PDF_STREAM), ==, "stream");
}

static void
test_text_strings (void)
{
  g_autofree char *utf16 = xaso_pdf_text_string_to_utf8 ((const guint8 *)"\xfe\xff\x00K\x00\xfd", 6);
  g_autofree char *latin = xaso_pdf_text_string_to_utf8 ((const guint8 *)"Signature1", 10);

  g_assert_cmpstr (utf16, ==, "Ký");
  g_assert_cmpstr (latin, ==, "Signature1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/object/scalars", test_scalars);
  g_test_add_func ("/pdf/object/strings", test_strings);
  g_test_add_func ("/pdf/object/dicts", test_dicts);
  g_test_add_func ("/pdf/object/damaged", test_damaged_objects);
  g_test_add_func ("/pdf/object/builders", test_builders);
  g_test_add_func ("/pdf/object/text-strings", test_text_strings);
  return g_test_run ();
}
