/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-dossier-flow.h"
#include "xaso-dossier.h"
#include "xaso-report-export.h"
#include "xaso-seed.h"
#include "xaso-test-util.h"

/* The reports exported (issue 10): a commune of six dossiers in two units
 * whose every figure is counted by hand below, written as CSV, XLSX and
 * PDF and read back by programs we did not write (Python's csv module,
 * LibreOffice, pdftotext). The on-time rate of the totals row is 66.7, not
 * the 50.0 that averaging the units' 100.0 and 0.0 would give. */

#define FROM "2026-12-01"
#define TO "2026-12-31"

static const char * const dossier_rows[] = {
  "Unit|Received|Of which online|Online rate (%)|Resolved|Early|On time|Late|On-time rate (%)|In progress|"
  "Of which late|Refused|Returned",
  "Tư pháp|3|1|33.3|2|1|1|0|100.0|1|1|0|1",
  "Địa chính|3|1|33.3|1|0|0|1|0.0|1|0|1|0",
  "Total|6|2|33.3|3|1|1|1|66.7|2|1|1|1",
  NULL,
};

typedef struct
{
  char         *dir;
  XasoDatabase *db;
  XasoUser     *desk, *officer, *leader;
  GDateTime    *now;
} Office;

static void
act (Office            *o,
     XasoUser          *actor,
     const char        *id,
     XasoDossierAction  action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_dossier_act (o->db, actor, id, &action, &error));
  g_assert_no_error (error);
}

/* Received by @channel at @at for @unit's desk (the dossier's department). */
static char *
receive (Office     *o,
         const char *channel,
         const char *at,
         const char *applicant,
         const char *unit)
{
  XasoReception r = { .procedure_code = "1.004837", .channel = channel, .applicant_name = applicant,
                      .at = at, .all_papers = TRUE };
  g_autoptr(GError) error = NULL;
  char *id = xaso_dossier_receive (o->db, o->desk, &r, &error);
  g_autofree char *sql = g_strdup_printf ("UPDATE dossier SET department = '%s' WHERE id = '%s'", unit, id);

  g_assert_no_error (error);
  g_assert_true (xaso_database_exec (o->db, sql, &error));
  return id;
}

static void
approve (Office     *o,
         const char *id,
         const char *approved)
{
  act (o, o->desk, id, (XasoDossierAction) { .kind = "assigned", .at = "2026-12-01 11:30", .to_username = "tuphap" });
  act (o, o->officer, id, (XasoDossierAction) { .kind = "forwarded", .at = "2026-12-01 11:30",
                                                 .to_username = "chutich" });
  act (o, o->leader, id, (XasoDossierAction) { .kind = "approved", .at = approved });
}

/* The guardianship procedure (1.004837) takes 3 working days; December
 * 2026 has no holiday. Now is Monday 21/12 09:00. */
static void
build_fixture (Office *o)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *f = NULL, *h = NULL, *i = NULL;

  /* Tư pháp. A: Tue 1/12 09:00, due Fri 4/12 09:00, approved Thu 3/12: early; returned.
   * B: online, Tue 1/12 10:00, approved Fri 4/12 09:30: on time.
   * H: Mon 14/12 09:00, due Thu 17/12 09:00, open: late by Fri 18 and Mon 21, two working days. */
  a = receive (o, "direct", "2026-12-01 09:00", "Lê Văn An", "Tư pháp");
  approve (o, a, "2026-12-03 10:00");
  act (o, o->desk, a, (XasoDossierAction) { .kind = "returned", .at = "2026-12-03 14:00", .collected_by = "Lê Văn An" });
  b = receive (o, "online", "2026-12-01 10:00", "Trần Thị Bích", "Tư pháp");
  approve (o, b, "2026-12-04 09:30");
  h = receive (o, "direct", "2026-12-14 09:00", "Nguyễn Thị Hạnh", "Tư pháp");
  act (o, o->desk, h, (XasoDossierAction) { .kind = "assigned", .at = "2026-12-14 09:30", .to_username = "tuphap" });
  /* Địa chính. C: postal, Tue 1/12 11:00, due Fri 4/12 11:00, approved 15:00: late.
   * F: refused on the day. I: online, Wed 16/12 10:00, due Mon 21/12 10:00: open, not late yet. */
  c = receive (o, "postal", "2026-12-01 11:00", "Phạm Công Chính", "Địa chính");
  approve (o, c, "2026-12-04 15:00");
  f = receive (o, "direct", "2026-12-08 09:00", "Hoàng Văn Phúc", "Địa chính");
  act (o, o->desk, f, (XasoDossierAction) { .kind = "refused", .at = "2026-12-08 10:00", .note = "Sai thẩm quyền" });
  i = receive (o, "online", "2026-12-16 10:00", "Đỗ Thị Ích", "Địa chính");
}

static void
office_set_up (Office        *o,
               gconstpointer  data)
{
  g_autofree char *path = xaso_test_temp_path ("report.db");
  g_autoptr(GError) error = NULL;

  o->dir = g_path_get_dirname (path);
  o->db = xaso_test_open_commune (path);
  g_assert_true (xaso_seed_procedures (o->db, &error));
  o->desk = xaso_test_add_user (o->db, "motcua", "Võ Thị Mai", "tiep_nhan", "Tư pháp");
  o->officer = xaso_test_add_user (o->db, "tuphap", "Bùi Văn Phát", "chuyen_vien", "Tư pháp");
  o->leader = xaso_test_add_user (o->db, "chutich", "Ngô Quang Trung", "lanh_dao", "Tư pháp");
  o->now = xaso_dossier_parse_time ("2026-12-21 09:00");
  build_fixture (o);
}

static void
office_tear_down (Office        *o,
                  gconstpointer  data)
{
  g_clear_object (&o->desk);
  g_clear_object (&o->officer);
  g_clear_object (&o->leader);
  g_clear_object (&o->db);
  g_clear_pointer (&o->now, g_date_time_unref);
  g_free (o->dir);
}

static char *
export (Office           *o,
        XasoReportKind    kind,
        XasoReportFormat  format,
        const char       *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (o->dir, name, NULL);

  g_assert_true (xaso_report_export (o->db, o->desk, kind, format, FROM, TO, NULL, o->now, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The report's rows as tests/support/read-report.py reads them back. */
static char *
read_back (const char *mode,
           const char *path,
           const char *workdir)
{
  g_autofree char *script = g_build_filename (g_getenv ("XASO_SOURCE_DIR"), "tests", "support", "read-report.py",
                                              NULL);
  const char *argv[] = { "python3", script, mode, path, workdir, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-report.py %s %s: %s", mode, path, err);
  return g_steal_pointer (&out);
}

static void
assert_lines (const char         *text,
              const char * const *lines)
{
  g_auto(GStrv) got = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *)got, lines[i]));
}

static void
test_dossiers_csv (Office        *o,
                   gconstpointer  data)
{
  g_autofree char *path = export (o, XASO_REPORT_DOSSIERS, XASO_REPORT_FORMAT_CSV, "dossiers.csv");
  g_autofree char *rows = read_back ("csv", path, NULL);

  /* The header first, the totals last. */
  g_assert_true (g_str_has_prefix (rows, dossier_rows[0]));
  g_assert_true (g_str_has_suffix (rows, "Total|6|2|33.3|3|1|1|1|66.7|2|1|1|1\n"));
  assert_lines (rows, dossier_rows);
}

static void
test_dossiers_xlsx (Office        *o,
                    gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *path = NULL, *rows = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  path = export (o, XASO_REPORT_DOSSIERS, XASO_REPORT_FORMAT_XLSX, "dossiers.xlsx");
  rows = read_back ("xlsx", path, o->dir);
  /* The title above; the totals row computed by LibreOffice from the
   * formulas, their results in the file zeroed. */
  g_assert_true (g_str_has_prefix (rows, "Dossiers received and resolved by unit|"));
  assert_lines (rows, dossier_rows);
}

static char *
pdftotext (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_dossiers_pdf (Office        *o,
                   gconstpointer  data)
{
  g_autofree char *path = export (o, XASO_REPORT_DOSSIERS, XASO_REPORT_FORMAT_PDF, "dossiers.pdf");
  g_autofree char *text = pdftotext (path);
  g_autoptr(GRegex) totals = g_regex_new ("Total +6 +2 +33,3 +3 +1 +1 +1 +66,7 +2 +1 +1 +1\n", 0, 0, NULL);
  g_autoptr(GRegex) unit = g_regex_new ("Địa chính +3 +1 +33,3 +1 +0 +0 +1 +0,0 +1 +0 +1 +0\n", 0, 0, NULL);

  g_assert_nonnull (strstr (text, "ỦY BAN NHÂN DÂN"));
  g_assert_nonnull (strstr (text, "XÃ THỬ NGHIỆM"));
  g_assert_nonnull (strstr (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (text, "Xã Thử Nghiệm, ngày 21 tháng 12 năm 2026"));
  g_assert_nonnull (strstr (text, "DOSSIERS RECEIVED AND RESOLVED BY UNIT"));
  g_assert_nonnull (strstr (text, "Month 12 of 2026"));
  g_assert_true (g_regex_match (unit, text, 0, NULL));
  g_assert_true (g_regex_match (totals, text, 0, NULL));
}

static gint64
exports_logged (Office *o)
{
  return xaso_test_count (o->db, "SELECT count(*) FROM audit_event WHERE action = 'export'");
}

/* The overdue list names the applicants: its export is in the audit log,
 * as the desk's; the statistics name nobody and are not. */
static void
test_overdue_audited (Office        *o,
                      gconstpointer  data)
{
  gint64 before = exports_logged (o);
  g_autofree char *dossiers = export (o, XASO_REPORT_DOSSIERS, XASO_REPORT_FORMAT_CSV, "dossiers.csv");
  g_autofree char *path = NULL, *rows = NULL, *actor = NULL, *detail = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (exports_logged (o), ==, before);
  path = export (o, XASO_REPORT_OVERDUE, XASO_REPORT_FORMAT_CSV, "overdue.csv");
  g_assert_cmpint (exports_logged (o), ==, before + 1);
  actor = xaso_test_string (o->db, "SELECT actor FROM audit_event WHERE action = 'export' ORDER BY seq DESC");
  detail = xaso_test_string (o->db, "SELECT detail FROM audit_event WHERE action = 'export' ORDER BY seq DESC");
  g_assert_cmpstr (actor, ==, "motcua");
  g_assert_cmpstr (detail, ==, "overdue csv " FROM ".." TO " 1");
  /* Only H is past its appointment (I is due at 10:00), two working days. */
  rows = read_back ("csv", path, NULL);
  lines = g_strsplit (rows, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "Dossier code|Applicant|Procedure|Officer|Unit|Appointment|"));
  g_assert_true (g_str_has_suffix (lines[1], "|Nguyễn Thị Hạnh|Đăng ký giám hộ|Bùi Văn Phát|Tư pháp|"
                                             "17/12/2026 09:00|2"));
}

static guint
files_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Cancelled, or failing, an export leaves no file behind, not even its
 * temporary one; an earlier file of the same name stays as it was. */
static void
test_cancelled (Office        *o,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (o->dir, "cancelled.xlsx", NULL);
  g_autofree char *kept = g_build_filename (o->dir, "kept.pdf", NULL), *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = files_in (o->dir);

  g_cancellable_cancel (cancellable);
  for (XasoReportFormat f = XASO_REPORT_FORMAT_TSV; f <= XASO_REPORT_FORMAT_PDF; f++)
    {
      g_assert_false (xaso_report_export (o->db, o->desk, XASO_REPORT_OVERDUE, f, FROM, TO, NULL, o->now, path,
                                          cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (kept, "earlier", -1, NULL));
  g_assert_false (xaso_report_export (o->db, o->desk, XASO_REPORT_DOSSIERS, XASO_REPORT_FORMAT_PDF, TO, FROM, NULL,
                                      o->now, kept, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier");
  g_assert_cmpuint (files_in (o->dir), ==, n + 1);
}

/* Each report has its rows and its translated title; the sheet's name is
 * one a spreadsheet program accepts. */
static void
test_kinds (Office        *o,
            gconstpointer  data)
{
  static const char * const names[] = { "kpi", "dossiers", "documents", "population", "overdue" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XasoReportTable) t = NULL;
      XasoReportKind kind;

      g_assert_true (xaso_report_kind_from_string (names[i], &kind));
      g_assert_cmpstr (xaso_report_kind_to_string (kind), ==, names[i]);
      t = xaso_report_build (o->db, kind, FROM, TO, NULL, o->now, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (t->title, ==, xaso_report_kind_title (kind));
      g_assert_cmpint (g_utf8_strlen (t->sheet_name, -1), <=, 31);
      g_assert_null (strpbrk (t->sheet_name, "[]:*?/\\"));
      g_assert_cmpuint (t->lines->len, >=, 2);
    }
  g_assert_false (xaso_report_kind_from_string ("made-up", &(XasoReportKind) { 0 }));
}

static void
test_kpi_rows (Office        *o,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoReportTable) t = xaso_report_build (o->db, XASO_REPORT_KPI, FROM, TO, NULL, o->now, &error);
  g_autofree char *tsv = NULL;

  g_assert_no_error (error);
  tsv = xaso_report_table_to_tsv (t);
  g_assert_true (g_str_has_prefix (tsv, "Indicator\tDescription\tValue\nreceived\tDossiers received\t6\n"));
  g_assert_nonnull (strstr (tsv, "\non_time_rate\tOn-time rate (%)\t66.7\n"));
  g_assert_null (t->totals);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Office, NULL, office_set_up, fn, office_tear_down)
  ADD ("/report/export/dossiers-csv", test_dossiers_csv);
  ADD ("/report/export/dossiers-xlsx-recomputed-by-libreoffice", test_dossiers_xlsx);
  ADD ("/report/export/dossiers-pdf", test_dossiers_pdf);
  ADD ("/report/export/overdue-is-audited", test_overdue_audited);
  ADD ("/report/export/cancelled-leaves-no-file", test_cancelled);
  ADD ("/report/export/kinds", test_kinds);
  ADD ("/report/export/kpi-rows", test_kpi_rows);
  return g_test_run ();
}
