/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "xaso-bench-util.h"
#include "xaso-database.h"

/* The upgrade that brings a database of the previous version to one
 * Unicode form and to the sort keys of the Vietnamese order (issue 7): a
 * copy of the demo commune is put back the way the previous version left
 * it (schema 6, sort keys of the folded order), then opened, which runs
 * the upgrade. Budget at 1M persons: ≤ 60 s.
 *
 *   bench-upgrade [--runs N] --name NAME SOURCE.db WORKDIR */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("cannot copy %s: %s", from, error->message);
}

static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The previous version's state, written with plain SQLite: the key was the
 * folded given name, a space and the folded name. */
static void
make_old (const char *source,
          const char *path)
{
  sqlite3 *db = NULL;
  g_autoptr(XasoDatabase) opened = xaso_database_open (source, NULL);

  /* Opening the source checkpoints its log into the file copied. */
  g_assert_nonnull (opened);
  xaso_database_exec (opened, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  g_clear_object (&opened);
  copy_file (source, path);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("cannot open %s", path);
  exec_raw (db, "DROP INDEX IF EXISTS person_order; DROP INDEX IF EXISTS person_hamlet;"
                "UPDATE person SET sort_key = replace (name_folded, rtrim (name_folded, "
                "replace (name_folded, ' ', '')), '') || ' ' || name_folded;"
                "CREATE INDEX person_sort ON person (commune_code, sort_key);"
                "CREATE INDEX person_hamlet ON person (commune_code, hamlet, sort_key);"
                "DELETE FROM sync_state WHERE key = 'collation';"
                "PRAGMA user_version = 6;"
                "PRAGMA wal_checkpoint(TRUNCATE);");
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("SOURCE.db WORKDIR");
  g_autoptr(GArray) seconds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *name = NULL;
  int runs = 3;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Upgrades timed", "N" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Name of the figure", "NAME" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 3 || name == NULL)
    {
      g_printerr ("Usage: bench-upgrade [--runs N] --name NAME SOURCE.db WORKDIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[2], 0700);
  old = g_build_filename (argv[2], "old.db", NULL);
  make_old (argv[1], old);
  for (int run = 0; run < runs; run++)
    {
      g_autofree char *path = g_build_filename (argv[2], "upgrade.db", NULL);
      g_autoptr(XasoDatabase) db = NULL;
      gint64 started;
      double s;

      copy_file (old, path);
      started = g_get_monotonic_time ();
      db = xaso_database_open (path, &error);
      if (db == NULL)
        g_error ("upgrade failed: %s", error->message);
      s = (g_get_monotonic_time () - started) / 1e6;
      g_printerr ("# upgrade %d: %.1f s\n", run + 1, s);
      g_array_append_val (seconds, s);
      g_clear_object (&db);
      g_unlink (path);
    }
  g_unlink (old);
  printf ("bench %s: %.1f s\n", name, xaso_bench_percentile (seconds, 50));
  return 0;
}
