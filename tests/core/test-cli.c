/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xaso-test-cli.h"
#include "xaso-test-util.h"


static void
test_lunar_and_solar (void)
{
  g_autofree char *out = NULL, *err = NULL;

  expect ("2025-06-01L\n", "lunar", "2025-07-25", NULL);
  expect ("2025-12-29\n", "lunar", "2026-02-16", NULL);
  expect ("2033-11-01L\n", "lunar", "2033-12-22", NULL);
  expect ("2025-07-25\n", "solar", "2025-06-01L", NULL);
  expect ("2026-02-17\n", "solar", "2026-01-01", NULL);
  g_assert_cmpint (run (&out, &err, "solar", "2026-06-01L", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "leap month"));
}

static void
test_deadline (void)
{
  expect ("2026-03-03 09:00\n", "deadline", "--from", "2026-03-02 09:00", "--working-days", "1", NULL);
  expect ("2026-08-22 16:00\n", "deadline", "--from", "2026-08-21 16:00", "--working-days", "1", NULL);
  expect ("2026-02-23 17:00\n", "deadline", "--from", "2026-02-13 16:00", "--same-day", NULL);
}

static void
test_calendar_year (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "calendar", "2026", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "2026-01-01\t"));
  g_assert_nonnull (strstr (out, "\n2026-02-17\t"));
  g_assert_nonnull (strstr (out, "\n2026-04-27\t"));
  g_assert_nonnull (strstr (out, "\n2026-09-01\t"));
  g_assert_null (strstr (out, "\n2026-08-22\t"));    /* the make-up Saturday is worked */
}

static void
test_id_check (void)
{
  g_autofree char *out = NULL, *err = NULL;

  expect ("valid\t001085012345\tHà Nội\tmale\t1985\n", "id-check", "001085012345", NULL);
  g_assert_cmpint (run (&out, &err, "id-check", "001185012345", "--sex", "male", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "female"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "id-check", "001085012345", "--birth-year", "1986", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "1986"));
}

static void
test_demo_search_import_export (void)
{
  g_autofree char *path = xaso_test_temp_path ("cli.db");
  g_autofree char *csv = xaso_test_temp_path ("persons.csv");
  g_autofree char *bad = xaso_test_temp_path ("bad.csv");
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (&out, &err, "--db", path, "demo", "--scale", "small", "--seed", "3", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--db", path, "search", "persons", "nguyen van", "--limit", "5", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  for (guint i = 0; i < 5; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_true (g_str_has_prefix (fields[1], "Nguyễn Văn"));
    }

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--db", path, "export", "persons", csv, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "20000 persons exported\n");
  g_assert_true (g_file_set_contents (bad, "full_name,birth_date\nĐào Văn Tốt,1980\n,1981\n", -1, NULL));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "--db", path, "import", "persons", bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Line 3"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--db", path, "search", "persons", "dao van tot", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");

  /* Re-importing the export updates nobody: the same values write no op. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--db", path, "import", "persons", csv, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--db", path, "check", NULL), ==, 0);
}

/* A file in TCVN3, written by glibc's iconv rather than by our tables. */
static char *
write_tcvn3 (const char *name,
             const char *utf8)
{
  char *path = xaso_test_temp_path (name);
  gsize len = 0;
  g_autofree char *bytes = g_convert (utf8, -1, "TCVN5712-1", "UTF-8", NULL, &len, NULL);

  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
  return path;
}

static void
test_text_convert_and_import (void)
{
  static const char csv[] = "full_name,hamlet\nNguyễn Văn An,Thôn Đông\nLê Văn Tám,Xóm Giữa\n";
  g_autofree char *file = write_tcvn3 ("tcvn3.csv", csv);
  g_autofree char *path = xaso_test_temp_path ("text.db");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "text", "convert", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, csv);
  g_assert_cmpstr (err, ==, "2 rows were in TCVN3 and were converted to Unicode.\n");
  g_assert_cmpint (run (&out, &err, "text", "convert", "--from", "tcvn3", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, csv);
  g_assert_cmpint (run (&out, &err, "text", "convert", "--from", "ebcdic", file, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "ebcdic"));

  g_assert_cmpint (run (&out, &err, "--db", path, "init", "--code", "12345", "--name", "Xã Thử",
                        "--province-code", "24", "--province", "Bắc Ninh", "--agency-id", "000.00.12.H56",
                        NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--db", path, "import", "persons", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2 rows were in TCVN3 and were converted to Unicode.\n2 persons imported\n");
  g_assert_cmpint (run (&out, &err, "--db", path, "search", "persons", "thon dong", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\tNguyễn Văn An\t"));
}

/* xasoctl search gives the register's order: the forty names, imported in
 * reverse, found by their hamlet. */
static void
test_search_in_register_order (void)
{
  g_autoptr(GPtrArray) names = xaso_test_register_order ();
  g_autoptr(GString) csv = g_string_new ("full_name,hamlet\n");
  g_autofree char *file = xaso_test_temp_path ("register.csv");
  g_autofree char *path = xaso_test_temp_path ("register.db");
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = names->len; i > 0; i--)
    g_string_append_printf (csv, "%s,Thôn Đông\n", (char *) g_ptr_array_index (names, i - 1));
  g_assert_true (g_file_set_contents (file, csv->str, -1, NULL));
  g_assert_cmpint (run (&out, &err, "--db", path, "init", "--code", "12345", "--name", "Xã Thử",
                        "--province-code", "24", "--province", "Bắc Ninh", "--agency-id", "000.00.12.H56",
                        NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--db", path, "import", "persons", file, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--db", path, "search", "persons", "thon dong", "--limit", "0", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, names->len + 1);
  for (guint i = 0; i < names->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpstr (fields[1], ==, g_ptr_array_index (names, i));
    }
}

static void
test_errors_in_plain_words (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = xaso_test_temp_path ("empty.db");

  g_assert_cmpint (run (&out, &err, "frobnicate", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "--db", path, "search", "persons", "an", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no commune"));
}

/* Runs xasoctl with @input on standard input; returns its exit status. */
/* Accounts from the command line: the administrator made with the
 * commune adds the others; a clerk may not; the list is tab-separated. */
static void
test_users (void)
{
  g_autofree char *path = xaso_test_temp_path ("users.db");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_with_input ("mat-khau-qt\n", &out, &err, "--db", path, "init", "--code", "12345",
                                   "--name", "Xã Thử", "--province-code", "25", "--province", "Phú Thọ",
                                   "--agency-id", "000.00.25.H43", "--admin", "quantri", "--password-stdin",
                                   NULL), ==, 0);
  g_assert_cmpint (run_with_input ("mat-khau-vt\n", &out, &err, "--db", path, "--as", "quantri", "user", "add",
                                   "vanthu", "--name", "Lê Thị Thư", "--role", "van_thu", "--password-stdin",
                                   NULL), ==, 0);
  g_assert_true (g_uuid_string_is_valid (g_strstrip (out)));
  g_assert_cmpint (run_with_input ("mat-khau-cv\n", &out, &err, "--db", path, "--as", "vanthu", "user", "add",
                                   "chuyenvien", "--name", "Trần Văn Một", "--role", "chuyen_vien",
                                   "--password-stdin", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Lê Thị Thư"));
  g_assert_cmpint (run_with_input ("ngan\n", &out, &err, "--db", path, "--as", "quantri", "user", "add",
                                   "chuyenvien", "--name", "Trần Văn Một", "--role", "chuyen_vien",
                                   "--password-stdin", NULL), ==, 1);
  g_assert_cmpint (run_with_input ("", &out, &err, "--db", path, "--as", "quantri", "user", "add", "chuyenvien",
                                   "--name", "Trần Văn Một", "--role", "thu_quy", "--password-stdin", NULL), ==, 1);
  expect ("quantri\tSystem administrator\tquan_tri\tactive\n"
          "vanthu\tLê Thị Thư\tvan_thu\tactive\n", "--db", path, "user", "list", NULL);
  g_assert_cmpint (run_with_input ("mat-khau-moi\n", &out, &err, "--db", path, "--as", "vanthu", "user",
                                   "set-password", "vanthu", "--password-stdin", NULL), ==, 0);
  expect ("", "--db", path, "--as", "quantri", "user", "deactivate", "vanthu", NULL);
  expect ("quantri\tSystem administrator\tquan_tri\tactive\n"
          "vanthu\tLê Thị Thư\tvan_thu\tinactive\n", "--db", path, "user", "list", NULL);
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "quantri", "user", "deactivate", "quantri", NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "khongco", "user", "deactivate", "vanthu", NULL), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/lunar-and-solar", test_lunar_and_solar);
  g_test_add_func ("/cli/deadline", test_deadline);
  g_test_add_func ("/cli/calendar-year", test_calendar_year);
  g_test_add_func ("/cli/id-check", test_id_check);
  g_test_add_func ("/cli/demo-search-import-export", test_demo_search_import_export);
  g_test_add_func ("/cli/errors-in-plain-words", test_errors_in_plain_words);
  g_test_add_func ("/cli/text-convert-and-import", test_text_convert_and_import);
  g_test_add_func ("/cli/search-in-register-order", test_search_in_register_order);
  g_test_add_func ("/cli/users", test_users);
  return g_test_run ();
}
