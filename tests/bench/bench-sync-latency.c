/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include "xaso-bench-util.h"
#include "xaso-change.h"
#include "xaso-sync-engine.h"
#include "xaso-uuid.h"

/* A change on desktop A visible on desktop B (DESIGN.md §7, issue 11): both
 * desktops enrolled with one server run their background engines, as the
 * app does; a resident saved on A (the engine poked, as after any save) is
 * timed until B's database holds it, B waiting on its long-poll.
 *
 * Usage: bench-sync-latency A.db B.db [N] */

static char *
save_resident (XasoDatabase *db,
               guint         n)
{
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *name = g_strdup_printf ("Người đo %u", n);
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "person", id);
  g_autoptr(GError) error = NULL;

  xaso_change_set_text (change, "full_name", name);
  xaso_change_set_text (change, "name_folded", name);
  xaso_change_set_text (change, "sort_key", name);
  if (!xaso_change_apply (change, db, "bench", &error))
    g_error ("Could not save on A: %s", error->message);
  return g_steal_pointer (&id);
}

static gboolean
holds (XasoDatabase *db,
       const char   *id)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT 1 FROM person WHERE id = ?", NULL);
  gboolean found;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();
  g_autoptr(XasoDatabase) a = NULL, b = NULL;
  g_autoptr(XasoSyncEngine) engine_a = NULL, engine_b = NULL;
  guint n = argc > 3 ? (guint) atoi (argv[3]) : 50;

  if (argc < 3)
    {
      g_printerr ("Usage: bench-sync-latency A.db B.db [N]\n");
      return 2;
    }
  a = xaso_database_open (argv[1], NULL);
  b = xaso_database_open (argv[2], NULL);
  engine_a = xaso_sync_engine_new (argv[1]);
  engine_b = xaso_sync_engine_new (argv[2]);
  xaso_sync_engine_start (engine_a);
  xaso_sync_engine_start (engine_b);
  g_usleep (2 * G_USEC_PER_SEC);     /* both through their first round, B waiting */
  for (guint i = 0; i < n; i++)
    {
      gint64 started = g_get_monotonic_time ();
      g_autofree char *id = save_resident (a, i);

      xaso_sync_engine_poke (engine_a);
      while (!holds (b, id))
        {
          while (g_main_context_iteration (NULL, FALSE))
            ;
          if (g_get_monotonic_time () - started > 30 * G_USEC_PER_SEC)
            g_error ("Change %u did not reach B in 30 s", i);
          g_usleep (2000);
        }
      xaso_bench_timings_add (timings, started);
      g_usleep (200 * 1000);
    }
  xaso_sync_engine_stop (engine_a);
  xaso_sync_engine_stop (engine_b);
  g_printerr ("  %u changes from A to B: median %.0f ms, p95 %.0f ms, max %.0f ms\n", n,
              xaso_bench_percentile (timings, 50), xaso_bench_percentile (timings, 95), xaso_bench_max (timings));
  g_print ("bench sync-a-to-b: p50 %.0f ms\n", xaso_bench_percentile (timings, 50));
  g_print ("bench sync-a-to-b: p95 %.0f ms\n", xaso_bench_percentile (timings, 95));
  return 0;
}
