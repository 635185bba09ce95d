/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <locale.h>

#include "xaso-bench-util.h"
#include "xaso-dossier.h"
#include "xaso-kpi.h"

/* The leader's figures on the reference commune (100,000 dossiers): every
 * KPI of a year and of a month, counted from the tables (the dashboard's
 * budget is 150 ms from a period change to drawn). Read only: the
 * reference database itself is opened.
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
  return 0;
}
