/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-demo.h"
#include "xaso-document-flow.h"
#include "xaso-register-print.h"
#include "xaso-test-util.h"

/* The registers of Decree 30 printed (issue 8, §4), read back by a program
 * we did not write: pdftotext. Every column heading in its order on every
 * page, and every document of the period. */

typedef struct
{
  char         *dir;
  char         *path;
  XasoDatabase *db;
} Commune;

static Commune commune;

static void
make_demo_commune (void)
{
  g_autoptr(GError) error = NULL;

  commune.path = xaso_test_temp_path ("registers.db");
  commune.dir = g_path_get_dirname (commune.path);
  commune.db = xaso_database_open (commune.path, &error);
  g_assert_no_error (error);
  g_assert_true (xaso_demo_generate (commune.db, XASO_DEMO_SMALL, 7, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
pdftotext (const char *pdf,
           const char *mode,
           int         page)
{
  g_autofree char *out = NULL, *first = g_strdup_printf ("%d", page), *last = g_strdup_printf ("%d", page);
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", mode, "-f", first, "-l", last, pdf, "-", NULL };

  if (page <= 0)
    {
      argv[2] = pdf;
      argv[3] = "-";
      argv[4] = NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The words of @pdf run together, for looking a notation up. */
static char *
squeezed_text (const char *pdf)
{
  g_autofree char *raw = pdftotext (pdf, "-raw", 0);

  return without_spaces (raw);
}

static int
count_pages (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  const char *line;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + 6);
}

/* On each page after the cover, the headings come in the order given and
 * their numbers (1)…(n) follow on one line. */
static void
assert_headings_on_every_page (const char         *pdf,
                               const char * const *headings)
{
  int pages = count_pages (pdf);
  guint n = g_strv_length ((char **)headings);

  g_assert_cmpint (pages, >=, 2);
  for (int page = 2; page <= pages; page++)
    {
      g_autofree char *raw = pdftotext (pdf, "-raw", page);
      g_autofree char *layout = pdftotext (pdf, "-layout", page);
      g_autofree char *squeezed = without_spaces (raw);
      const char *at = squeezed;
      g_autofree char *numbers = NULL;
      g_autoptr(GString) expected = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *heading = without_spaces (headings[i]);
          const char *found = strstr (at, heading);

          if (found == NULL)
            g_error ("page %d: heading “%s” missing or out of order", page, headings[i]);
          at = found + strlen (heading);
        }
      numbers = without_spaces (layout);
      for (guint i = 1; i <= n; i++)
        g_string_append_printf (expected, "(%u)", i);
      g_assert_nonnull (strstr (numbers, expected->str));
    }
}

static char *
print_register (XasoRegisterBook  book,
                const char       *from,
                const char       *to,
                guint            *n)
{
  g_autoptr(XasoUser) clerk = xaso_user_find (commune.db, "vanthu", NULL);
  g_autofree char *name = g_strdup_printf ("register-%d.pdf", book);
  char *pdf = g_build_filename (commune.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_register_print (commune.db, clerk, book, from, to, pdf, NULL, n, &error));
  g_assert_no_error (error);
  return pdf;
}

/* Every document the register should hold shows in it, by its notation. */
static void
assert_every_row (const char *pdf,
                  const char *sql,
                  guint       expected)
{
  g_autofree char *raw = pdftotext (pdf, "-raw", 0);
  g_autofree char *squeezed = without_spaces (raw);
  sqlite3_stmt *stmt = xaso_database_prepare (commune.db, sql, NULL);
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *notation = without_spaces ((const char *)sqlite3_column_text (stmt, 0));

      if (strstr (squeezed, notation) == NULL)
        g_error ("%s is missing from %s", notation, pdf);
      n++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, ==, expected);
}

static void
test_incoming_register (void)
{
  static const char * const headings[] = {
    "Ngày đến", "Số đến", "Tác giả", "Số ký hiệu", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung",
    "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú", NULL,
  };
  guint n = 0;
  g_autofree char *pdf = print_register (XASO_REGISTER_BOOK_INCOMING, "2026-03-01", "2026-04-30", &n);
  g_autofree char *cover = pdftotext (pdf, "-layout", 1);

  g_assert_cmpuint (n, >, 50);
  g_assert_nonnull (strstr (cover, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"));
  g_assert_nonnull (strstr (cover, "Từ ngày 01/03/2026 đến ngày 30/04/2026"));
  assert_headings_on_every_page (pdf, headings);
  assert_every_row (pdf, "SELECT notation FROM document WHERE direction = 'incoming' "
                         "AND received_date BETWEEN '2026-03-01' AND '2026-04-30'", n);
}

static void
test_outgoing_register (void)
{
  static const char * const headings[] = {
    "Số ký hiệu", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký", "Nơi nhận văn bản",
    "Đơn vị người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú", NULL,
  };
  guint n = 0;
  g_autofree char *pdf = print_register (XASO_REGISTER_BOOK_OUTGOING, "2026-01-01", "2026-12-31", &n);
  g_autofree char *cover = pdftotext (pdf, "-layout", 1);

  g_assert_nonnull (strstr (cover, "SỔ ĐĂNG KÝ VĂN BẢN ĐI"));
  g_assert_nonnull (strstr (cover, "Năm 2026"));
  assert_headings_on_every_page (pdf, headings);
  assert_every_row (pdf, "SELECT notation FROM document WHERE direction = 'outgoing' AND number IS NOT NULL "
                         "AND issued_date BETWEEN '2026-01-01' AND '2026-12-31'", n);
}

static void
test_tracking_register (void)
{
  static const char * const headings[] = {
    "Số đến", "Tên loại, số, ký hiệu, ngày tháng văn bản, cơ quan ban hành", "Đơn vị hoặc người nhận",
    "Thời hạn giải quyết", "Tiến độ giải quyết", "Số, ký hiệu văn bản trả lời", "Ghi chú", NULL,
  };
  guint n = 0;
  g_autofree char *pdf = print_register (XASO_REGISTER_BOOK_TRACKING, "2026-06-01", "2026-08-31", &n);

  assert_headings_on_every_page (pdf, headings);
  assert_every_row (pdf, "SELECT notation FROM document WHERE direction = 'incoming' "
                         "AND received_date BETWEEN '2026-06-01' AND '2026-08-31' "
                         "AND (deadline IS NOT NULL OR lead_user_id IS NOT NULL)", n);
}

/* Printing needs the right, and is logged. */
static void
test_printing_is_audited (void)
{
  g_autoptr(XasoUser) officer = xaso_user_find (commune.db, "tuphap", NULL);
  g_autofree char *pdf = g_build_filename (commune.dir, "refused.pdf", NULL);
  g_autofree char *printed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = xaso_test_count (commune.db, "SELECT count(*) FROM audit_event WHERE action = 'print' "
                                               "AND object_table = 'register'");

  g_assert_false (xaso_register_print (commune.db, officer, XASO_REGISTER_BOOK_INCOMING, "2026-01-01",
                                       "2026-01-31", pdf, NULL, NULL, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  printed = print_register (XASO_REGISTER_BOOK_INCOMING, "2026-01-01", "2026-01-31", NULL);
  g_assert_cmpint (xaso_test_count (commune.db, "SELECT count(*) FROM audit_event WHERE action = 'print' "
                                                "AND object_table = 'register' AND actor = 'vanthu'"),
                   ==, before + 1);
}

/* A document received but not registered yet is in no register; once
 * the văn thư registers it, it is in the register of its received date. */
static void
test_received_not_in_register (void)
{
  g_autoptr(XasoUser) clerk = xaso_user_find (commune.db, "vanthu", NULL);
  g_autoptr(XasoDocument) doc = xaso_document_new ("incoming");
  g_autoptr(XasoDocument) received = NULL, registered = NULL;
  g_autofree char *pending_pdf = NULL, *pending_text = NULL, *pending_tracking = NULL, *tracking_text = NULL;
  g_autofree char *pdf = NULL, *text = NULL;
  g_autoptr(GError) error = NULL;
  guint before = 0, pending = 0, tracking = 0, after = 0;

  g_free (print_register (XASO_REGISTER_BOOK_INCOMING, "2026-01-01", "2026-01-31", &before));
  xaso_document_set (doc, XASO_DOCUMENT_ISSUER, "Sở Văn hóa tỉnh");
  xaso_document_set (doc, XASO_DOCUMENT_NOTATION, "987/SVH-CHO");
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "Văn bản chờ vào sổ");
  xaso_document_set (doc, XASO_DOCUMENT_RECEIVED_DATE, "2026-01-15");
  xaso_document_set (doc, XASO_DOCUMENT_DEADLINE, "2026-01-30");
  received = xaso_document_receive_incoming (commune.db, clerk, doc, NULL, FALSE, &error);
  g_assert_no_error (error);

  pending_pdf = print_register (XASO_REGISTER_BOOK_INCOMING, "2026-01-01", "2026-01-31", &pending);
  pending_text = squeezed_text (pending_pdf);
  g_assert_cmpuint (pending, ==, before);
  g_assert_null (strstr (pending_text, "987/SVH-CHO"));
  pending_tracking = print_register (XASO_REGISTER_BOOK_TRACKING, "2026-01-01", "2026-01-31", &tracking);
  tracking_text = squeezed_text (pending_tracking);
  g_assert_null (strstr (tracking_text, "987/SVH-CHO"));

  registered = xaso_document_register_received (commune.db, clerk, xaso_record_get_id (XASO_RECORD (received)),
                                                &error);
  g_assert_no_error (error);
  pdf = print_register (XASO_REGISTER_BOOK_INCOMING, "2026-01-01", "2026-01-31", &after);
  text = squeezed_text (pdf);
  g_assert_cmpuint (after, ==, before + 1);
  g_assert_nonnull (strstr (text, "987/SVH-CHO"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  make_demo_commune ();
  g_test_add_func ("/registers/incoming", test_incoming_register);
  g_test_add_func ("/registers/outgoing", test_outgoing_register);
  g_test_add_func ("/registers/tracking", test_tracking_register);
  g_test_add_func ("/registers/audited", test_printing_is_audited);
  g_test_add_func ("/registers/received-not-in-register", test_received_not_in_register);
  return g_test_run ();
}
