/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <zlib.h>

#include "pdf-test-util.h"

/* Small PDFs built here, one structural feature or one kind of damage each. */

#define CATALOG "<< /Type /Catalog /Pages 2 0 R >>"
#define PAGES "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 300 144] /Rotate 90 >>"
#define PAGE "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"
#define CONTENT "BT /F1 18 Tf 0 0 Td (Hello) Tj ET"

static void
add_basic_objects (PdfBuilder *b)
{
  pdf_builder_object (b, 1, CATALOG);
  pdf_builder_object (b, 2, PAGES);
  pdf_builder_object (b, 3, PAGE);
  pdf_builder_stream (b, 4, "", CONTENT, strlen (CONTENT));
}

static GString *
build_classic (void)
{
  PdfBuilder b;
  gsize xref;
  GString *out;

  pdf_builder_init (&b, "1.4");
  add_basic_objects (&b);
  xref = pdf_builder_table (&b, "/Root 1 0 R");
  pdf_builder_finish (&b, xref);
  out = g_string_new_len (b.out->str, (gssize)b.out->len);
  pdf_builder_clear (&b);
  return out;
}

static XasoPdfDocument *
open_string (GString  *pdf,
             GError  **error)
{
  return pdf_test_open_bytes (pdf->str, pdf->len, error);
}

static void
assert_basic_document (XasoPdfDocument *doc)
{
  XasoPdfObject *rotate;
  g_autoptr(GBytes) content = NULL;
  XasoPdfObject *stream;
  guint32 num = 0;

  g_assert_cmpuint (xaso_pdf_document_get_n_pages (doc), ==, 1);
  g_assert_nonnull (xaso_pdf_document_get_page (doc, 0, &num, NULL));
  g_assert_cmpuint (num, ==, 3);
  /* /MediaBox and /Rotate come from the parent node. */
  g_assert_cmpuint (xaso_pdf_object_array_get_length (xaso_pdf_document_get_page_attribute (doc, 0, "MediaBox")), ==, 4);
  rotate = xaso_pdf_document_get_page_attribute (doc, 0, "Rotate");
  g_assert_cmpint (xaso_pdf_object_get_int (rotate), ==, 90);
  g_assert_null (xaso_pdf_document_get_page_attribute (doc, 0, "CropBox"));
  stream = xaso_pdf_document_lookup (doc, 4, 0, NULL);
  g_assert_cmpint (xaso_pdf_object_get_kind (stream), ==, XASO_PDF_STREAM);
  content = xaso_pdf_document_decode_stream (doc, stream, 0, NULL);
  g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), CONTENT, strlen (CONTENT));
}

static void
test_classic_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pdf = build_classic ();
  g_autoptr(XasoPdfDocument) doc = open_string (pdf, &error);
  guint64 start = 0, end = 0;
  const char *text;

  g_assert_no_error (error);
  g_assert_false (xaso_pdf_document_was_repaired (doc));
  g_assert_null (xaso_pdf_document_get_warnings (doc)[0]);
  g_assert_cmpstr (xaso_pdf_document_get_version (doc), ==, "1.4");
  g_assert_cmpint (xaso_pdf_document_get_last_xref_kind (doc), ==, XASO_PDF_XREF_TABLE);
  g_assert_cmpuint (xaso_pdf_document_get_n_revisions (doc), ==, 1);
  g_assert_cmpuint (xaso_pdf_document_get_revision (doc, 0)->end, ==, pdf->len);
  g_assert_cmpuint (xaso_pdf_document_get_next_object_number (doc), ==, 5);
  assert_basic_document (doc);
  /* An object's span runs from "N G obj" to just after "endobj". */
  g_assert_true (xaso_pdf_document_get_object_span (doc, 2, 0, &start, &end, NULL));
  text = pdf->str + start;
  g_assert_true (g_str_has_prefix (text, "2 0 obj"));
  g_assert_true (g_str_has_prefix (pdf->str + end - 6, "endobj"));
  /* A free or missing object is null, not an error. */
  g_assert_true (xaso_pdf_object_is_null (xaso_pdf_document_lookup (doc, 77, 0, &error)));
  g_assert_no_error (error);
  g_assert_true (xaso_pdf_object_is_null (xaso_pdf_document_lookup (doc, 2, 5, &error)));
}

static GBytes *
deflate_bytes (const void *data,
               gsize       len)
{
  uLongf out_len = compressBound ((uLong)len);
  guint8 *out = g_malloc (out_len);

  g_assert_cmpint (compress2 (out, &out_len, data, (uLong)len, 9), ==, Z_OK);
  return g_bytes_new_take (out, out_len);
}

/* Rows of /W [1 4 2] encoded with the PNG "Up" predictor (type 2). */
static GBytes *
xref_rows_up (const guint8 *rows,
              guint         n_rows)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 prev[7] = { 0 };

  for (guint r = 0; r < n_rows; r++)
    {
      guint8 line[8] = { 2 };

      for (guint i = 0; i < 7; i++)
        line[i + 1] = (guint8)(rows[r * 7 + i] - prev[i]);
      memcpy (prev, rows + r * 7, 7);
      g_byte_array_append (out, line, 8);
    }
  return deflate_bytes (out->data, out->len);
}

static void
put_row (guint8  *row,
         guint8   type,
         guint32  f2,
         guint16  f3)
{
  row[0] = type;
  row[1] = f2 >> 24; row[2] = f2 >> 16; row[3] = f2 >> 8; row[4] = f2;
  row[5] = f3 >> 8; row[6] = f3;
}

/* Objects 1–4 as given by @builder, object 5 the xref stream. With
 * @objstm, objects 1–3 live in object stream 6 instead. */
static GString *
build_xref_stream (gboolean objstm)
{
  PdfBuilder b;
  guint8 rows[7 * 7];
  g_autoptr(GBytes) encoded = NULL;
  g_autofree char *dict = NULL;
  gsize xref;
  GString *out;

  pdf_builder_init (&b, "1.5");
  if (objstm)
    {
      g_autofree char *body = g_strdup_printf ("%s\n%s\n%s", CATALOG, PAGES, PAGE);
      g_autofree char *header = g_strdup_printf ("1 0 2 %zu 3 %zu ", strlen (CATALOG) + 1,
                                                 strlen (CATALOG) + strlen (PAGES) + 2);
      g_autofree char *all = g_strconcat (header, body, NULL);
      g_autoptr(GBytes) z = deflate_bytes (all, strlen (all));
      g_autofree char *extra = g_strdup_printf ("/Type /ObjStm /N 3 /First %zu /Filter /FlateDecode", strlen (header));

      pdf_builder_stream (&b, 6, extra, g_bytes_get_data (z, NULL), g_bytes_get_size (z));
    }
  else
    {
      pdf_builder_object (&b, 1, CATALOG);
      pdf_builder_object (&b, 2, PAGES);
      pdf_builder_object (&b, 3, PAGE);
    }
  pdf_builder_stream (&b, 4, "", CONTENT, strlen (CONTENT));
  xref = b.out->len;
  put_row (rows, 0, 0, 65535);
  for (guint i = 1; i <= 3; i++)
    put_row (rows + 7 * i, objstm ? 2 : 1, objstm ? 6 : (guint32)g_array_index (b.offsets, gsize, i),
             objstm ? (guint16)(i - 1) : 0);
  put_row (rows + 7 * 4, 1, (guint32)g_array_index (b.offsets, gsize, 4), 0);
  put_row (rows + 7 * 5, 1, (guint32)xref, 0);
  put_row (rows + 7 * 6, objstm ? 1 : 0, objstm ? (guint32)g_array_index (b.offsets, gsize, 6) : 0, 0);
  encoded = xref_rows_up (rows, 7);
  dict = g_strdup_printf ("/Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode "
                          "/DecodeParms << /Predictor 12 /Columns 7 >>");
  pdf_builder_stream (&b, 5, dict, g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded));
  pdf_builder_finish (&b, xref);
  out = g_string_new_len (b.out->str, (gssize)b.out->len);
  pdf_builder_clear (&b);
  return out;
}

static void
test_xref_stream_png_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pdf = build_xref_stream (FALSE);
  g_autoptr(XasoPdfDocument) doc = open_string (pdf, &error);
  guint direct = 0, compressed = 0;

  g_assert_no_error (error);
  g_assert_false (xaso_pdf_document_was_repaired (doc));
  g_assert_cmpint (xaso_pdf_document_get_last_xref_kind (doc), ==, XASO_PDF_XREF_STREAM);
  /* The trailer view leaves out the stream's own keys. */
  g_assert_null (xaso_pdf_object_dict_get (xaso_pdf_document_get_trailer (doc), "W"));
  g_assert_nonnull (xaso_pdf_object_dict_get (xaso_pdf_document_get_last_trailer (doc), "W"));
  xaso_pdf_document_count_objects (doc, &direct, &compressed);
  g_assert_cmpuint (direct, ==, 5);
  g_assert_cmpuint (compressed, ==, 0);
  assert_basic_document (doc);
}

static void
test_object_stream (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pdf = build_xref_stream (TRUE);
  g_autoptr(XasoPdfDocument) doc = open_string (pdf, &error);
  guint32 objstm = 0;
  guint direct = 0, compressed = 0;

  g_assert_no_error (error);
  g_assert_false (xaso_pdf_document_was_repaired (doc));
  xaso_pdf_document_count_objects (doc, &direct, &compressed);
  g_assert_cmpuint (compressed, ==, 3);
  assert_basic_document (doc);
  /* Objects inside an object stream have no span of their own. */
  g_assert_false (xaso_pdf_document_get_object_span (doc, 2, 0, NULL, NULL, &objstm));
  g_assert_cmpuint (objstm, ==, 6);
}

/* The classic file plus an update that changes the pages node and adds
 * object 5. */
static GString *
build_two_revisions (gsize *first_len)
{
  GString *pdf = build_classic ();
  g_autoptr(GString) update = g_string_new (NULL);
  gsize obj2, obj5, xref;

  *first_len = pdf->len;
  obj2 = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>\nendobj\n");
  obj5 = pdf->len;
  g_string_append (pdf, "5 0 obj\n(new)\nendobj\n");
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 1\n0000000000 65535 f\r\n2 1\n%010zu 00000 n\r\n5 1\n%010zu 00000 n\r\n"
                          "trailer\n<< /Size 6 /Root 1 0 R /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n",
                          obj2, obj5, (gsize)strstr (pdf->str, "xref\n0 5") - (gsize)pdf->str, xref);
  return pdf;
}

static void
test_incremental_update (void)
{
  g_autoptr(GError) error = NULL;
  gsize first_len = 0;
  g_autoptr(GString) pdf = build_two_revisions (&first_len);
  g_autoptr(XasoPdfDocument) doc = open_string (pdf, &error);
  XasoPdfObject *box;
  double width = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (xaso_pdf_document_get_n_revisions (doc), ==, 2);
  /* Each revision ends after its %%EOF line: where a signature of that
   * revision would end its byte range. */
  g_assert_cmpuint (xaso_pdf_document_get_revision (doc, 0)->end, ==, first_len);
  g_assert_cmpuint (xaso_pdf_document_get_revision (doc, 1)->end, ==, pdf->len);
  g_assert_cmpint (xaso_pdf_object_get_int (xaso_pdf_object_dict_get (xaso_pdf_document_get_trailer (doc), "Size")), ==, 6);
  g_assert_nonnull (xaso_pdf_object_dict_get (xaso_pdf_document_get_last_trailer (doc), "Prev"));
  g_assert_null (xaso_pdf_object_dict_get (xaso_pdf_document_get_trailer (doc), "Prev"));
  box = xaso_pdf_document_get_page_attribute (doc, 0, "MediaBox");
  g_assert_true (xaso_pdf_object_get_number (xaso_pdf_object_array_get (box, 2), &width));
  g_assert_cmpfloat (width, ==, 612);
  g_assert_null (xaso_pdf_document_get_page_attribute (doc, 0, "Rotate"));
  g_assert_cmpint (xaso_pdf_object_get_kind (xaso_pdf_document_lookup (doc, 5, 0, NULL)), ==, XASO_PDF_STRING);
  g_assert_cmpuint (xaso_pdf_document_get_next_object_number (doc), ==, 6);
}

static void
test_truncated (void)
{
  g_autoptr(GString) pdf = build_two_revisions (&(gsize){ 0 });

  /* Every cut either opens (repaired, with a warning) or fails cleanly. */
  for (gsize len = 0; len < pdf->len; len += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XasoPdfDocument) doc = pdf_test_open_bytes (pdf->str, len, &error);

      if (doc == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == XASO_PDF_ERROR);
          continue;
        }
      (void)xaso_pdf_document_get_n_pages (doc);
    }
}

static void
test_truncated_half (void)
{
  g_autoptr(GString) pdf = build_classic ();
  g_autoptr(GError) error = NULL;
  /* The cut falls after the page objects but before the xref: the scan
   * finds the objects and the catalog by its /Type. */
  gsize cut = (gsize)(strstr (pdf->str, "xref\n") - pdf->str);
  g_autoptr(XasoPdfDocument) doc = pdf_test_open_bytes (pdf->str, cut, &error);

  g_assert_no_error (error);
  g_assert_true (xaso_pdf_document_was_repaired (doc));
  g_assert_nonnull (xaso_pdf_document_get_warnings (doc)[0]);
  assert_basic_document (doc);
  g_clear_object (&doc);
  /* Without a catalog there is nothing to show: a clear refusal. */
  doc = pdf_test_open_bytes ("%PDF-1.4\n1 0 obj\n(x)\nendobj\n", 27, &error);
  g_assert_null (doc);
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED);
}

static void
test_startxref_off_by_some (void)
{
  for (int delta = -12; delta <= 12; delta += 3)
    {
      g_autoptr(GString) pdf = build_classic ();
      g_autoptr(GError) error = NULL;
      g_autoptr(XasoPdfDocument) doc = NULL;
      gsize xref = (gsize)(strstr (pdf->str, "xref\n0 5") - pdf->str);
      char *tail = strstr (pdf->str, "startxref\n");

      g_string_truncate (pdf, (gsize)(tail - pdf->str));
      g_string_append_printf (pdf, "startxref\n%zu\n%%%%EOF\n", (gsize)((gssize)xref + delta));
      doc = open_string (pdf, &error);
      g_assert_no_error (error);
      assert_basic_document (doc);
      if (delta > 0)
        {
          g_assert_true (xaso_pdf_document_was_repaired (doc));
          g_assert_nonnull (xaso_pdf_document_get_warnings (doc)[0]);
        }
    }
}

static void
test_damaged_offsets (void)
{
  g_autoptr(GString) pdf = build_classic ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;

  /* Shift every object by inserting bytes after the header: the table's
   * offsets are now all wrong. */
  g_string_insert (pdf, 15, "% a comment that the xref does not know about\n");
  doc = open_string (pdf, &error);
  g_assert_no_error (error);
  g_assert_true (xaso_pdf_document_was_repaired (doc));
  g_assert_nonnull (xaso_pdf_document_get_warnings (doc)[0]);
  assert_basic_document (doc);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                                         "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n5 0 obj\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  gint64 t0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (pdf, '[');
  g_string_append (pdf, "\nendobj\ntrailer\n<< /Root 1 0 R >>\n");
  t0 = g_get_monotonic_time ();
  doc = open_string (pdf, &error);
  g_assert_no_error (error);
  g_assert_null (xaso_pdf_document_lookup (doc, 5, 0, &error));
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC);
}

static void
test_flate_bomb (void)
{
  gsize big = 64u << 20;
  g_autofree guint8 *zeros = g_malloc0 (big);
  g_autoptr(GBytes) z = deflate_bytes (zeros, big);
  g_autoptr(GString) pdf = build_classic ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  g_autoptr(GBytes) decoded = NULL;
  g_autofree char *head = g_strdup_printf ("9 0 obj\n<< /Length %zu /Filter /FlateDecode >>\nstream\n",
                                           g_bytes_get_size (z));
  gsize at = (gsize)(strstr (pdf->str, "xref\n") - pdf->str);
  XasoPdfObject *stream;

  g_string_insert (pdf, (gssize)at, "\nendstream\nendobj\n");
  g_string_insert_len (pdf, (gssize)at, g_bytes_get_data (z, NULL), (gssize)g_bytes_get_size (z));
  g_string_insert (pdf, (gssize)at, head);
  doc = open_string (pdf, &error);
  g_assert_no_error (error);
  stream = xaso_pdf_document_lookup (doc, 9, 0, &error);
  g_assert_no_error (error);
  /* 64 MiB of zeros compress more than a thousand to one: refused by ratio. */
  decoded = xaso_pdf_document_decode_stream (doc, stream, 0, &error);
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_TOO_LARGE);
  g_assert_null (decoded);
  g_clear_error (&error);
  decoded = xaso_pdf_document_decode_stream (doc, stream, 1 << 20, &error);
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_TOO_LARGE);
}

static void
test_encrypted_trailer (void)
{
  PdfBuilder b;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  gsize xref;

  pdf_builder_init (&b, "1.4");
  add_basic_objects (&b);
  pdf_builder_object (&b, 5, "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 >>");
  xref = pdf_builder_table (&b, "/Root 1 0 R /Encrypt 5 0 R");
  pdf_builder_finish (&b, xref);
  doc = pdf_test_open_bytes (b.out->str, b.out->len, &error);
  g_assert_null (doc);
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_ENCRYPTED);
  pdf_builder_clear (&b);
}

static void
test_loops (void)
{
  PdfBuilder b;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  gsize xref;

  pdf_builder_init (&b, "1.4");
  pdf_builder_object (&b, 1, "<< /Type /Catalog /Pages 2 0 R >>");
  /* A node that lists itself and a page that refers to itself. */
  pdf_builder_object (&b, 2, "<< /Type /Pages /Kids [2 0 R 3 0 R 3 0 R 6 0 R] /Count 3 >>");
  pdf_builder_object (&b, 3, "<< /Type /Page /Parent 2 0 R /Self 3 0 R /Contents 4 0 R >>");
  pdf_builder_object (&b, 4, "<< /Length 4 0 R >>\nstream\nabc\nendstream");
  pdf_builder_object (&b, 5, "5 0 R");
  pdf_builder_object (&b, 6, "<< /Type /Pages /Kids [2 0 R] /Parent 6 0 R >>");
  xref = pdf_builder_table (&b, "/Root 1 0 R");
  pdf_builder_finish (&b, xref);
  doc = pdf_test_open_bytes (b.out->str, b.out->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xaso_pdf_document_get_n_pages (doc), ==, 1);
  g_assert_null (xaso_pdf_document_get_page_attribute (doc, 0, "MediaBox"));
  /* A stream whose /Length refers to itself still ends at "endstream". */
  g_assert_cmpint (xaso_pdf_object_get_kind (xaso_pdf_document_lookup (doc, 4, 0, NULL)), ==, XASO_PDF_STREAM);
  g_assert_cmpuint (xaso_pdf_object_stream_get_length (xaso_pdf_document_lookup (doc, 4, 0, NULL)), ==, 3);
  (void)xaso_pdf_document_resolve (doc, xaso_pdf_document_lookup (doc, 5, 0, NULL), &error);
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED);
  pdf_builder_clear (&b);
}

/* Streams whose /Length is the next stream, 200,000 deep: reading the
 * first must end in a clear error or a stream, never exhaust the stack. */
static void
test_chain_of_lengths (void)
{
  PdfBuilder b;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  const guint n = 200000;
  XasoPdfObject *first;
  gsize xref;

  pdf_builder_init (&b, "1.4");
  add_basic_objects (&b);
  for (guint k = 5; k < n; k++)
    {
      g_autofree char *body = g_strdup_printf ("<< /Length %u 0 R >>\nstream\nabc\nendstream", k + 1);

      pdf_builder_object (&b, k, body);
    }
  pdf_builder_object (&b, n, "3");
  xref = pdf_builder_table (&b, "/Root 1 0 R");
  pdf_builder_finish (&b, xref);
  doc = pdf_test_open_bytes (b.out->str, b.out->len, &error);
  g_assert_no_error (error);
  first = xaso_pdf_document_lookup (doc, 5, 0, &error);
  g_assert_true (first != NULL || error != NULL);
  pdf_builder_clear (&b);
}

static void
test_unsupported_filter (void)
{
  PdfBuilder b;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  g_autoptr(GBytes) data = NULL;
  gsize xref;

  pdf_builder_init (&b, "1.4");
  add_basic_objects (&b);
  pdf_builder_stream (&b, 5, "/Filter [/ASCIIHexDecode /DCTDecode]", "41 42>", 6);
  pdf_builder_stream (&b, 6, "/Filter /ASCII85Decode", "87cURD]i,\"Ebo7~>", 16);
  xref = pdf_builder_table (&b, "/Root 1 0 R");
  pdf_builder_finish (&b, xref);
  doc = pdf_test_open_bytes (b.out->str, b.out->len, &error);
  g_assert_no_error (error);
  data = xaso_pdf_document_decode_stream (doc, xaso_pdf_document_lookup (doc, 5, 0, NULL), 0, &error);
  g_assert_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  data = xaso_pdf_document_decode_stream (doc, xaso_pdf_document_lookup (doc, 6, 0, NULL), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), "Hello World", 11);
  pdf_builder_clear (&b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/xref/classic-table", test_classic_table);
  g_test_add_func ("/pdf/limits/chain-of-lengths", test_chain_of_lengths);
  g_test_add_func ("/pdf/xref/stream-png-up", test_xref_stream_png_up);
  g_test_add_func ("/pdf/xref/object-stream", test_object_stream);
  g_test_add_func ("/pdf/xref/incremental-update", test_incremental_update);
  g_test_add_func ("/pdf/xref/startxref-off-by-some", test_startxref_off_by_some);
  g_test_add_func ("/pdf/repair/truncated-everywhere", test_truncated);
  g_test_add_func ("/pdf/repair/truncated-before-xref", test_truncated_half);
  g_test_add_func ("/pdf/repair/wrong-offsets", test_damaged_offsets);
  g_test_add_func ("/pdf/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/pdf/hostile/flate-bomb", test_flate_bomb);
  g_test_add_func ("/pdf/hostile/loops", test_loops);
  g_test_add_func ("/pdf/encrypted/trailer", test_encrypted_trailer);
  g_test_add_func ("/pdf/filter/unsupported-and-ascii", test_unsupported_filter);
  return g_test_run ();
}
