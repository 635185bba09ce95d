/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xaso-change.h"
#include "xaso-sync-run.h"
#include "xaso-uuid.h"

/* The desktops of test-sync-offline.py (sync-anchors.md T10, long offline):
 * desktop A and desktop B share the same residents; A goes offline and
 * makes LOCAL edits while B makes REMOTE ones and syncs them as it goes;
 * then A comes back. Nothing A made may be lost or reset: every op gets its
 * receipt, stale edits become conflicts, and both end with the same
 * residents. Prints, tab-separated: the milliseconds A took to reconcile,
 * then for A and B the state hash, ops waiting, receipts, last op seq and
 * conflicts.
 *
 * Usage: sync-offline SEED LOCAL REMOTE DB-A DB-B */

#define RESIDENTS 300

static const char * const fields[] = { "phone", "occupation", "notes", "hamlet" };

static void
apply (XasoChange   *change,
       XasoDatabase *db)
{
  g_autoptr(GError) error = NULL;

  if (!xaso_change_apply (change, db, "offline", &error))
    g_error ("edit: %s", error->message);
}

static void
sync_until_quiet (XasoDatabase *db)
{
  for (guint round = 0; round < 100; round++)
    {
      g_autoptr(GError) error = NULL;
      XasoSyncReport report = { 0 };

      if (!xaso_sync_run_once (db, &report, NULL, &error))
        g_error ("sync: %s", error->message);
      if (report.sent == 0 && report.pulled == 0)
        return;
    }
  g_error ("sync: still busy after 100 rounds");
}

static void
add_residents (XasoDatabase *db,
               GPtrArray    *ids)
{
  for (guint i = 0; i < RESIDENTS; i++)
    {
      g_autofree char *id = xaso_uuid_new ();
      g_autofree char *name = g_strdup_printf ("Cư dân %03u", i);
      g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "person", id);

      xaso_change_set_text (change, "full_name", name);
      xaso_change_set_text (change, "name_folded", name);
      xaso_change_set_text (change, "sort_key", name);
      apply (change, db);
      g_ptr_array_add (ids, g_steal_pointer (&id));
    }
}

/* One field of a known resident set to a value tagged with its desktop, so
 * two desktops' edits of one field differ (a conflict), while the same
 * desktop's later edits build on its own. */
static void
edit (XasoDatabase *db,
      GPtrArray    *ids,
      GRand        *rand,
      const char   *who,
      guint         n)
{
  const char *id = g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len));
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_UPDATE, "person", id);
  g_autofree char *value = g_strdup_printf ("%s %u", who, n);

  xaso_change_set_text (change, fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (fields))], value);
  apply (change, db);
}

static gint64
count (XasoDatabase *db,
       const char   *sql)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);
  gint64 n = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;

  sqlite3_reset (stmt);
  return n;
}

/* The residents as both desktops must hold them, hashed. */
static char *
state_hash (XasoDatabase *db)
{
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT id, full_name, phone, occupation, notes, hamlet, "
                                                  "deleted FROM person ORDER BY id", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const char *text = xaso_column_text (stmt, c);

        g_checksum_update (sha, (const guchar *) (text ? text : "\x01"), -1);
        g_checksum_update (sha, (const guchar *) "\x1f", 1);
      }
  sqlite3_reset (stmt);
  return g_strdup (g_checksum_get_string (sha));
}

static void
print_desktop (XasoDatabase *db)
{
  g_autofree char *hash = state_hash (db);

  g_print ("\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT,
           hash, count (db, "SELECT count(*) FROM outbox"), count (db, "SELECT count(*) FROM sync_receipt"),
           count (db, "SELECT coalesce (max (device_seq), 0) FROM sync_receipt"),
           count (db, "SELECT count(*) FROM field_conflict"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(XasoDatabase) a = NULL, b = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  guint local, remote;
  gint64 start;

  if (argc != 6)
    {
      g_printerr ("Usage: sync-offline SEED LOCAL REMOTE DB-A DB-B\n");
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32) atoi (argv[1]));
  local = (guint) atoi (argv[2]);
  remote = (guint) atoi (argv[3]);
  if ((a = xaso_database_open (argv[4], &error)) == NULL || (b = xaso_database_open (argv[5], &error)) == NULL)
    g_error ("%s", error->message);

  add_residents (b, ids);
  sync_until_quiet (b);
  sync_until_quiet (a);
  /* A is offline from here: its edits wait while B's reach the server. */
  for (guint i = 0; i < local; i++)
    edit (a, ids, rand, "A", i);
  for (guint i = 0; i < remote; i++)
    {
      edit (b, ids, rand, "B", i);
      if (i % 500 == 499)
        sync_until_quiet (b);
    }
  sync_until_quiet (b);

  start = g_get_monotonic_time ();
  sync_until_quiet (a);
  g_print ("%" G_GINT64_FORMAT, (g_get_monotonic_time () - start) / 1000);
  sync_until_quiet (b);
  sync_until_quiet (a);
  print_desktop (a);
  print_desktop (b);
  g_print ("\n");
  return 0;
}
