/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-dossier.h"
#include "xaso-kpi.h"
#include "xaso-test-cli.h"
#include "xaso-test-util.h"

/* xasoctl report kpi: the figures of a period on a small demo commune, as
 * lines other tools read, the same as core counts them. */

static const char * const names[] = {
  "received", "received_online", "received_direct", "received_postal", "online_rate", "resolved",
  "resolved_early", "resolved_on_time", "resolved_late", "on_time_rate", "in_progress", "in_progress_late",
  "refused", "withdrawn", "stopped", "returned", "due_today", "due_tomorrow", "documents_incoming",
  "documents_overdue", "documents_outgoing", NULL,
};

static void
test_kpi (void)
{
  g_autofree char *path = xaso_test_temp_path ("report.db");
  g_autofree char *csv_path = xaso_test_temp_path ("kpi.csv");
  g_autofree char *out = NULL, *err = NULL, *csv = NULL;
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GDateTime) now = xaso_dossier_parse_time ("2026-06-30 12:00");
  g_auto(GStrv) lines = NULL, pairs = NULL;
  XasoKpi kpi;

  g_assert_cmpint (run (&out, &err, "--db", path, "demo", "--scale", "small", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--db", path, "report", "kpi", "--from", "2026-01-01", "--to", "2026-06-30",
                        "--now", "2026-06-30 12:00", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  db = xaso_database_open (path, NULL);
  g_assert_true (xaso_kpi_compute (db, "2026-01-01", "2026-06-30", NULL, now, &kpi, NULL));
  pairs = xaso_kpi_to_pairs (&kpi);
  /* Every documented name, in order, with core's value; a final newline. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%s\t%s", names[i], pairs[2 * i + 1]);

      g_assert_cmpstr (pairs[2 * i], ==, names[i]);
      g_assert_cmpstr (lines[i], ==, expected);
    }
  g_assert_cmpstr (lines[g_strv_length ((GStrv)names)], ==, "");
  g_assert_cmpuint (kpi.received, >, 0);

  /* CSV for spreadsheet programs: a BOM, a header, comma-separated. */
  g_assert_cmpint (run (&out, &err, "--db", path, "report", "kpi", "--from", "2026-01-01", "--to", "2026-06-30",
                        "--format", "csv", "--output", csv_path, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFname,value\r\nreceived,"));

  /* A period backwards, a format it does not write. */
  g_assert_cmpint (run (&out, &err, "--db", path, "report", "kpi", "--from", "2026-06-30", "--to", "2026-01-01",
                        NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "2026-06-30"));
  g_assert_cmpint (run (&out, &err, "--db", path, "report", "kpi", "--from", "2026-01-01", "--to", "2026-06-30",
                        "--format", "doc", NULL), ==, 2);
  /* A spreadsheet or a PDF goes to a file, never to the screen. */
  g_assert_cmpint (run (&out, &err, "--db", path, "report", "kpi", "--from", "2026-01-01", "--to", "2026-06-30",
                        "--format", "xlsx", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
}

/* The last line of a report's TSV, split: its totals row. */
static GStrv
totals (const char *tsv)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (lines[n - 1], ==, "");
  return g_strsplit (lines[n - 2], "\t", -1);
}

/* xasoctl report dossiers|population|overdue|documents: tables whose
 * totals are core's figures, and files in every format. */
static void
test_tables (void)
{
  g_autofree char *path = xaso_test_temp_path ("tables.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *xlsx = g_build_filename (dir, "kpi.xlsx", NULL), *pdf = g_build_filename (dir, "overdue.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *persons = NULL;
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GDateTime) now = xaso_dossier_parse_time ("2026-06-30 12:00");
  g_auto(GStrv) dossiers = NULL, population = NULL;
  XasoKpi kpi;

  g_assert_cmpint (run (&out, &err, "--db", path, "demo", "--scale", "small", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--db", path, "report", "dossiers", "--from", "2026-01-01", "--to",
                        "2026-06-30", "--now", "2026-06-30 12:00", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Unit\tReceived\tOf which online\tOnline rate (%)\tResolved\t"));
  dossiers = totals (out);
  db = xaso_database_open (path, NULL);
  g_assert_true (xaso_kpi_compute (db, "2026-01-01", "2026-06-30", NULL, now, &kpi, NULL));
  g_assert_cmpstr (dossiers[0], ==, "Total");
  g_assert_cmpuint (g_ascii_strtoull (dossiers[1], NULL, 10), ==, kpi.received);
  g_assert_cmpuint (g_ascii_strtoull (dossiers[4], NULL, 10), ==, kpi.resolved);
  g_assert_cmpuint (g_ascii_strtoull (dossiers[9], NULL, 10), ==, kpi.in_progress);

  g_assert_cmpint (run (&out, &err, "--db", path, "report", "population", "--from", "2026-01-01", "--to",
                        "2026-06-30", NULL), ==, 0);
  population = totals (out);
  persons = g_strdup_printf ("%" G_GINT64_FORMAT, xaso_test_count (db, "SELECT count(*) FROM person "
                                                                   "WHERE deleted = 0 AND status = 'living'"));
  g_assert_cmpstr (population[1], ==, persons);

  g_assert_cmpint (run (&out, &err, "--db", path, "report", "documents", "--from", "2026-01-01", "--to",
                        "2026-06-30", "--format", "csv", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "\xEF\xBB\xBFLead person,Overdue,"));
  g_assert_cmpint (run (&out, &err, "--db", path, "report", "kpi", "--from", "2026-01-01", "--to", "2026-06-30",
                        "--format", "xlsx", "--output", xlsx, NULL), ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "quantri", "report", "overdue", "--from", "2026-01-01",
                        "--to", "2026-06-30", "--format", "pdf", "--output", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  /* A report it does not know. */
  g_assert_cmpint (run (&out, &err, "--db", path, "report", "weather", "--from", "2026-01-01", NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/report/kpi", test_kpi);
  g_test_add_func ("/cli/report/tables", test_tables);
  return g_test_run ();
}
