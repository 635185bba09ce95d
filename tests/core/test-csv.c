/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-csv.h"
#include "xaso-csv-prefetch.h"

/* A stream that hands out at most one byte per read, so every buffer
 * boundary inside the reader gets crossed, and that can fail on purpose.
 */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream parent_instance;
  char        *data;
  gsize        len;
  gsize        pos;
  gssize       fail_at;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);

  if (self->fail_at >= 0 && self->pos >= (gsize) self->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "unplugged");
      return -1;
    }
  if (self->pos == self->len || count == 0)
    return 0;

  ((char *) buffer)[0] = self->data[self->pos++];
  return 1;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  g_free (TEST_TRICKLE_STREAM (object)->data);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
  self->fail_at = -1;
}

static GInputStream *
trickle_stream_new (const char *data,
                    gssize      fail_at)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->data = g_strdup (data);
  self->len = strlen (data);
  self->fail_at = fail_at;
  return G_INPUT_STREAM (self);
}

/* Reads every record and renders them as "line:field|field;" so one string
 * comparison checks fields, record boundaries and line numbers at once.
 */
static char *
read_all (XasoCsvReader  *reader,
          GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *fields = NULL;

  while (xaso_csv_reader_next (reader, &fields, error))
    {
      g_string_append_printf (out, "%u:", xaso_csv_reader_get_line (reader));
      for (guint i = 0; i < fields->len; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                                (const char *) g_ptr_array_index (fields, i));
      g_string_append_c (out, ';');
      g_ptr_array_unref (fields);
    }

  g_assert_null (fields);
  if (error != NULL && *error != NULL)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_reads (const char *csv,
              const char *expected)
{
  g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new_from_data (csv, -1);
  g_autoptr(XasoCsvReader) trickle = NULL;
  g_autoptr(GInputStream) stream = trickle_stream_new (csv, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  g_autofree char *got_trickle = NULL;

  got = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);

  trickle = xaso_csv_reader_new (stream);
  got_trickle = read_all (trickle, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got_trickle, ==, expected);
}

static void
assert_fails (const char   *csv,
              XasoCsvError  code,
              const char   *line_text)
{
  g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new_from_data (csv, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;

  got = read_all (reader, &error);
  g_assert_null (got);
  g_assert_error (error, XASO_CSV_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, line_text));
}

static void
test_simple_records (void)
{
  assert_reads ("ho_ten,ngay_sinh\nNguyễn Văn A,01/02/1985\n",
                "1:ho_ten|ngay_sinh;2:Nguyễn Văn A|01/02/1985;");
}

static void
test_crlf_and_lf_line_ends (void)
{
  assert_reads ("a,b\r\nc,d\ne,f\rg,h\r\n", "1:a|b;2:c|d;3:e|f;4:g|h;");
}

static void
test_byte_order_mark_skipped (void)
{
  assert_reads ("\xEF\xBB\xBFso_cccd,ho_ten\r\n001085012345,Lê Thị B\r\n",
                "1:so_cccd|ho_ten;2:001085012345|Lê Thị B;");
  /* Only a mark at the very start is one; elsewhere it is text. */
  assert_reads ("a\n\xEF\xBB\xBF" "b\n", "1:a;2:\xEF\xBB\xBF" "b;");
}

static void
test_quoted_fields (void)
{
  assert_reads ("\"Số 5, ngõ 12\",\"Anh \"\"Tư\"\"\",\"\"\"\"\n",
                "1:Số 5, ngõ 12|Anh \"Tư\"|\";");
  /* A quote inside an unquoted field is kept as it is. */
  assert_reads ("ống 5\" dài,x\n", "1:ống 5\" dài|x;");
}

static void
test_empty_fields (void)
{
  assert_reads (",\n\"\"\na,,b,\n", "1:|;2:;3:a||b|;");
}

static void
test_empty_lines_skipped (void)
{
  assert_reads ("\n\r\na\n\n\nb\r\n\r\n", "3:a;6:b;");
  assert_reads ("", "");
  assert_reads ("\xEF\xBB\xBF", "");
}

static void
test_last_record_without_line_end (void)
{
  assert_reads ("a,b\nc,\"d\"", "1:a|b;2:c|d;");
}

static void
test_multiline_quoted_field_line_numbers (void)
{
  assert_reads ("id,dia_chi\n"
                "1,\"Thôn Đông\nxã Yên Phong\r\ntỉnh Bắc Ninh\"\n"
                "2,\"x\ry\"\n"
                "3,z\n",
                "1:id|dia_chi;"
                "2:1|Thôn Đông\nxã Yên Phong\r\ntỉnh Bắc Ninh;"
                "5:2|x\ry;"
                "7:3|z;");
}

static void
test_invalid_utf8_refused (void)
{
  /* Windows-1258 "Nguy\xea\xde" is what Excel writes for plain "CSV". */
  assert_fails ("a\nb\nNguy\xea\xden\n", XASO_CSV_ERROR_INVALID_UTF8, "Line 3 ");
  /* The line is exact inside a multi-line field. */
  assert_fails ("\"a\nb\nc\xff\"\n", XASO_CSV_ERROR_INVALID_UTF8, "Line 3 ");
}

static void
test_nul_byte_refused (void)
{
  static const char csv[] = "a\nb\0c\n";
  g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new_from_data (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *got = read_all (reader, &error);

  g_assert_error (error, XASO_CSV_ERROR, XASO_CSV_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "Line 2 "));
}

static void
test_unterminated_quote_refused (void)
{
  assert_fails ("a,b\nc,\"never\nclosed\n", XASO_CSV_ERROR_UNTERMINATED_QUOTE, "Line 2:");
}

static void
test_text_after_closing_quote_refused (void)
{
  assert_fails ("a\n\"x\"y,z\n", XASO_CSV_ERROR_BAD_QUOTE, "Line 2:");
}

static void
test_field_size_capped (void)
{
  g_autoptr(GString) csv = g_string_new ("a\nb,");
  g_autoptr(GString) fits = g_string_new (NULL);
  g_autoptr(XasoCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < XASO_CSV_MAX_FIELD_SIZE; i++)
    g_string_append_c (fits, 'x');

  reader = xaso_csv_reader_new_from_data (fits->str, fits->len);
  g_assert_true (xaso_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (g_ptr_array_index (fields, 0)), ==, XASO_CSV_MAX_FIELD_SIZE);

  g_string_append (csv, fits->str);
  g_string_append (csv, "x\n");
  assert_fails (csv->str, XASO_CSV_ERROR_FIELD_TOO_LARGE, "Line 2:");
}

static void
test_field_count_capped (void)
{
  g_autoptr(GString) row = g_string_new (NULL);
  g_autoptr(GString) csv = NULL;
  g_autoptr(XasoCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < XASO_CSV_MAX_FIELDS; i++)
    g_string_append (row, i > 0 ? ",x" : "x");

  reader = xaso_csv_reader_new_from_data (row->str, row->len);
  g_assert_true (xaso_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, XASO_CSV_MAX_FIELDS);

  csv = g_string_new ("a\n\n");
  g_string_append (csv, row->str);
  g_string_append (csv, ",x\n");
  assert_fails (csv->str, XASO_CSV_ERROR_TOO_MANY_FIELDS, "Line 3 ");
}

static void
test_errors_are_sticky (void)
{
  g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new_from_data ("\"x\"y\nok\n", -1);
  GPtrArray *fields = NULL;
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) second = NULL;

  g_assert_false (xaso_csv_reader_next (reader, &fields, &first));
  g_assert_error (first, XASO_CSV_ERROR, XASO_CSV_ERROR_BAD_QUOTE);
  g_assert_false (xaso_csv_reader_next (reader, &fields, &second));
  g_assert_error (second, XASO_CSV_ERROR, XASO_CSV_ERROR_BAD_QUOTE);
  g_assert_null (fields);
}

static void
test_read_error_propagated (void)
{
  g_autoptr(GInputStream) stream = trickle_stream_new ("a,b\nc,d\n", 6);
  g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  g_autofree char *got = read_all (reader, &error);

  g_assert_null (got);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE);
}

static void
test_cancelled_read (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new_from_data ("a\n", -1);
  GPtrArray *fields = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  xaso_csv_reader_set_cancellable (reader, cancellable);
  g_assert_false (xaso_csv_reader_next (reader, &fields, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_writer_quotes_when_needed (void)
{
  const char *row[] = { "plain", "Số 5, ngõ 12", "Anh \"Tư\"", "hai\ndòng", " lề", "", NULL };
  const char *single_empty[] = { "" };
  g_autoptr(GString) out = g_string_new (NULL);

  xaso_csv_write_bom (out);
  xaso_csv_write_row (out, row, G_N_ELEMENTS (row));
  xaso_csv_write_row (out, single_empty, 1);
  xaso_csv_write_row (out, NULL, 0);

  g_assert_cmpstr (out->str, ==,
                   "\xEF\xBB\xBF"
                   "plain,\"Số 5, ngõ 12\",\"Anh \"\"Tư\"\"\",\"hai\ndòng\",\" lề\",,\r\n"
                   "\"\"\r\n"
                   "\r\n");
}

static void
test_writer_round_trip (void)
{
  const char *row[] = { "001085012345", "Trần \"Bé\" Ba", "Thôn 3,\r\nxã Đông", "", "x" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(XasoCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  xaso_csv_write_bom (out);
  xaso_csv_write_row (out, row, G_N_ELEMENTS (row));
  xaso_csv_write_row (out, row, G_N_ELEMENTS (row));

  reader = xaso_csv_reader_new_from_data (out->str, out->len);
  for (guint record = 0; record < 2; record++)
    {
      g_clear_pointer (&fields, g_ptr_array_unref);
      g_assert_true (xaso_csv_reader_next (reader, &fields, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (xaso_csv_reader_get_line (reader), ==, 1 + 2 * record);
      g_assert_cmpuint (fields->len, ==, G_N_ELEMENTS (row));
      for (guint i = 0; i < fields->len; i++)
        g_assert_cmpstr (g_ptr_array_index (fields, i), ==, row[i]);
    }
}

/* Reading ahead on another thread. */

static GString *
numbered_rows (guint n,
               guint broken)
{
  GString *csv = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (csv, i == broken ? "\"%u\"x,b\n" : "%u,b\n", i);
  return csv;
}

static gint freed;

static void
count_free (gpointer item)
{
  g_atomic_int_inc (&freed);
  g_free (item);
}

static gpointer
prepare_first (GPtrArray  *row,
               gpointer    data,
               GError    **error)
{
  guint refuse = GPOINTER_TO_UINT (data);

  if (refuse != 0 && (guint) atoi (g_ptr_array_index (row, 0)) == refuse)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "refused");
      return NULL;
    }
  return g_strdup (g_ptr_array_index (row, 0));
}

static guint
read_ahead_all (XasoCsvPrefetch  *rows,
          guint            *line,
          GError          **error)
{
  gpointer item;
  guint n = 0;

  while (xaso_csv_prefetch_next (rows, &item, line, error))
    {
      g_autofree char *text = item;

      n++;
      g_assert_cmpuint (*line, ==, n);
      g_assert_cmpuint (atoi (text), ==, n);
    }
  return n;
}

static void
test_prefetch_in_order (void)
{
  g_autoptr(GString) csv = numbered_rows (5000, 0);
  g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new_from_data (csv->str, csv->len);
  g_autoptr(XasoCsvPrefetch) rows = xaso_csv_prefetch_new (reader, prepare_first, NULL, g_free);
  g_autoptr(GError) error = NULL;
  guint line = 0;

  g_assert_cmpuint (read_ahead_all (rows, &line, &error), ==, 5000);
  g_assert_no_error (error);
}

/* A row that cannot be prepared stops the reading there, and says which;
 * a file that cannot be read says so without a row. */
static void
test_prefetch_stops_at_errors (void)
{
  for (guint broken = 0; broken < 2; broken++)
    {
      g_autoptr(GString) csv = numbered_rows (3000, broken ? 1700 : 0);
      g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new_from_data (csv->str, csv->len);
      g_autoptr(XasoCsvPrefetch) rows = xaso_csv_prefetch_new (reader, prepare_first,
                                                               GUINT_TO_POINTER (broken ? 0 : 1234), g_free);
      g_autoptr(GError) error = NULL;
      gpointer item = NULL;
      guint line = 0;

      g_assert_cmpuint (read_ahead_all (rows, &line, &error), ==, broken ? 1699 : 1233);
      g_assert_nonnull (error);
      g_assert_cmpuint (line, ==, broken ? 0 : 1234);
      g_assert_false (xaso_csv_prefetch_next (rows, &item, &line, NULL));
    }
}

/* Stopping early, with the reader ahead or done, frees every row read. */
static void
test_prefetch_stopped_early (void)
{
  for (guint taken = 0; taken < 4000; taken += 997)
    {
      g_autoptr(GString) csv = numbered_rows (3000, 0);
      g_autoptr(XasoCsvReader) reader = xaso_csv_reader_new_from_data (csv->str, csv->len);
      XasoCsvPrefetch *rows = xaso_csv_prefetch_new (reader, prepare_first, NULL, count_free);
      gpointer item;
      guint line, n = 0;

      g_atomic_int_set (&freed, 0);
      while (n < taken && xaso_csv_prefetch_next (rows, &item, &line, NULL))
        {
          count_free (item);
          n++;
        }
      if (taken == 0)
        g_usleep (20000);
      xaso_csv_prefetch_free (rows);
      g_assert_cmpint (g_atomic_int_get (&freed), <=, 3000);
      g_assert_cmpint (g_atomic_int_get (&freed), >=, n);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/csv/simple-records", test_simple_records);
  g_test_add_func ("/text/csv/crlf-and-lf-line-ends", test_crlf_and_lf_line_ends);
  g_test_add_func ("/text/csv/byte-order-mark-skipped", test_byte_order_mark_skipped);
  g_test_add_func ("/text/csv/quoted-fields", test_quoted_fields);
  g_test_add_func ("/text/csv/empty-fields", test_empty_fields);
  g_test_add_func ("/text/csv/empty-lines-skipped", test_empty_lines_skipped);
  g_test_add_func ("/text/csv/last-record-without-line-end", test_last_record_without_line_end);
  g_test_add_func ("/text/csv/multiline-quoted-field-line-numbers",
                   test_multiline_quoted_field_line_numbers);
  g_test_add_func ("/text/csv/invalid-utf8-refused", test_invalid_utf8_refused);
  g_test_add_func ("/text/csv/nul-byte-refused", test_nul_byte_refused);
  g_test_add_func ("/text/csv/unterminated-quote-refused", test_unterminated_quote_refused);
  g_test_add_func ("/text/csv/text-after-closing-quote-refused",
                   test_text_after_closing_quote_refused);
  g_test_add_func ("/text/csv/field-size-capped", test_field_size_capped);
  g_test_add_func ("/text/csv/field-count-capped", test_field_count_capped);
  g_test_add_func ("/text/csv/errors-are-sticky", test_errors_are_sticky);
  g_test_add_func ("/text/csv/read-error-propagated", test_read_error_propagated);
  g_test_add_func ("/text/csv/cancelled-read", test_cancelled_read);
  g_test_add_func ("/text/csv/writer-quotes-when-needed", test_writer_quotes_when_needed);
  g_test_add_func ("/text/csv/writer-round-trip", test_writer_round_trip);
  g_test_add_func ("/text/csv/prefetch-in-order", test_prefetch_in_order);
  g_test_add_func ("/text/csv/prefetch-stops-at-errors", test_prefetch_stops_at_errors);
  g_test_add_func ("/text/csv/prefetch-stopped-early", test_prefetch_stopped_early);

  return g_test_run ();
}
