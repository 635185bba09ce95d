/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <math.h>

/* Helpers shared by the benchmarks: a list of timings in milliseconds and
 * its percentiles. Every benchmark prints its figures as
 * "bench <name>: <figure> <unit>" so that build-aux/dev bench and the
 * driver can read them back. */

static inline GArray *
xaso_bench_timings_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static inline void
xaso_bench_timings_add (GArray *timings,
                        gint64  started_us)
{
  double ms = (g_get_monotonic_time () - started_us) / 1000.0;

  g_array_append_val (timings, ms);
}

static inline int
xaso_bench_compare_double (gconstpointer a,
                           gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile: the smallest timing that at least
 * @percent % of the timings do not exceed. Sorts @timings in place. */
static inline double
xaso_bench_percentile (GArray *timings,
                       double  percent)
{
  guint rank;

  if (timings->len == 0)
    return 0;
  g_array_sort (timings, xaso_bench_compare_double);
  rank = (guint)MAX (1.0, ceil (percent / 100.0 * timings->len));
  return g_array_index (timings, double, MIN (rank, timings->len) - 1);
}

static inline double
xaso_bench_max (GArray *timings)
{
  return xaso_bench_percentile (timings, 100);
}
