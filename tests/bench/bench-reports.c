/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "xaso-bench-util.h"
#include "xaso-dossier.h"
#include "xaso-dashboard.h"
#include "xaso-kpi.h"
#include "xaso-report-export.h"
#include "xaso-report-tallies.h"

/* The leader's figures on the reference commune (100,000 dossiers, 60,000
 * residents): every KPI of a year and of a month; the whole dashboard of a
 * year (its budget is 150 ms from a period change to drawn, of which this
 * is the counting); and the tallies counted again from nothing, as after a
 * large sync pull (rolled back: the reference database is left as it
 * was); a year's dossiers by unit exported to XLSX and to PDF (budget 2 s
 * each, counting included).
 * Usage: bench-reports REFERENCE.db */

#define ROUNDS 15

static void
bench_period (XasoDatabase *db,
              const char   *name,
              const char   *from,
              const char   *to)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();
  g_autoptr(GDateTime) now = xaso_dossier_parse_time ("2026-12-04 10:00");
  XasoKpi kpi = { 0 };

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!xaso_kpi_compute (db, from, to, NULL, now, &kpi, &error))
        g_error ("%s", error->message);
      xaso_bench_timings_add (timings, start);
    }
  g_printerr ("  kpi of %s (%s to %s): %u received, %u resolved; median %.1f ms, max %.1f ms\n", name, from, to,
              kpi.received, kpi.resolved, xaso_bench_percentile (timings, 50), xaso_bench_max (timings));
  g_print ("bench report-kpi-%s: %.1f ms\n", name, xaso_bench_percentile (timings, 50));
}

static void
bench_dashboard (XasoDatabase *db,
                 const char   *from,
                 const char   *to)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();
  g_autoptr(GDateTime) now = xaso_dossier_parse_time ("2026-12-04 10:00");
  guint persons = 0;

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(XasoDashboard) d = xaso_dashboard_compute (db, from, to, now, &error);

      if (d == NULL)
        g_error ("%s", error->message);
      xaso_bench_timings_add (timings, start);
      persons = d->persons;
    }
  g_printerr ("  dashboard of %s to %s (%u residents): median %.1f ms, max %.1f ms\n", from, to, persons,
              xaso_bench_percentile (timings, 50), xaso_bench_max (timings));
  g_print ("bench report-dashboard-year: %.1f ms\n", xaso_bench_percentile (timings, 50));
}

static void
bench_rebuild (XasoDatabase *db)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start;

      if (!xaso_database_begin (db, &error))
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      if (!xaso_tallies_rebuild (db, &error))
        g_error ("%s", error->message);
      xaso_bench_timings_add (timings, start);
      xaso_database_rollback (db);
    }
  g_printerr ("  tallies counted again from every dossier and resident: median %.0f ms\n",
              xaso_bench_percentile (timings, 50));
  g_print ("bench report-tallies-rebuild: %.0f ms\n", xaso_bench_percentile (timings, 50));
}

static void
bench_export (XasoDatabase     *db,
              XasoReportFormat  format,
              const char       *name)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();
  g_autoptr(GDateTime) now = xaso_dossier_parse_time ("2026-12-04 10:00");
  g_autofree char *dir = g_dir_make_tmp ("xaso-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st = { 0 };

  for (int round = 0; round < 5; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!xaso_report_export (db, NULL, XASO_REPORT_DOSSIERS, format, "2026-01-01", "2026-12-31", NULL, now, path,
                               NULL, &error))
        g_error ("%s", error->message);
      xaso_bench_timings_add (timings, start);
    }
  g_stat (path, &st);
  g_printerr ("  dossiers by unit of 2026 as %s (%ld bytes): median %.1f ms, max %.1f ms\n", name, (long)st.st_size,
              xaso_bench_percentile (timings, 50), xaso_bench_max (timings));
  g_print ("bench report-dossiers-%s-year: %.1f ms\n", format == XASO_REPORT_FORMAT_PDF ? "pdf" : "xlsx",
           xaso_bench_percentile (timings, 50));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(XasoDatabase) db = NULL;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("Usage: bench-reports REFERENCE.db\n");
      return 2;
    }
  db = xaso_database_open (argv[1], NULL);
  g_assert_nonnull (db);
  bench_period (db, "year", "2026-01-01", "2026-12-31");
  bench_period (db, "month", "2026-11-01", "2026-11-30");
  bench_dashboard (db, "2026-01-01", "2026-12-31");
  bench_rebuild (db);
  bench_export (db, XASO_REPORT_FORMAT_XLSX, "dossiers.xlsx");
  bench_export (db, XASO_REPORT_FORMAT_PDF, "dossiers.pdf");
  return 0;
}
