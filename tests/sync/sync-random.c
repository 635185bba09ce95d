/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xaso-change.h"
#include "xaso-sync-run.h"
#include "xaso-uuid.h"

/* The desktops of test-sync-random.py (sync-anchors.md T1, T2): random
 * edits of residents on every desktop — new ones, changes of one field or
 * several, the same values and different ones, deletions — and random
 * syncs, a desktop left out of a round being offline; then every desktop
 * syncs until quiet, and each prints a hash of what it holds (the residents
 * and the conflicts, open or settled) and its counts.
 *
 * test-sync-faults.py syncs through a fault-injecting proxy with xasoctl,
 * which it may kill, so it asks for the edits and the hashes apart:
 *
 * Usage: sync-random SEED ROUNDS DB…
 *        sync-random --edit SEED N DB   (N random edits)
 *        sync-random --state DB         (the line each desktop prints above) */

static const char * const fields[] = { "phone", "occupation", "notes", "hamlet" };
static const char * const values[] = { "0901", "0902", "Nông dân", "Giáo viên", NULL, "Ấp 1", "Ấp 2" };

static GPtrArray *
resident_ids (XasoDatabase *db)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT id FROM person WHERE deleted = 0 ORDER BY id", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (xaso_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return ids;
}

static void
apply (XasoChange   *change,
       XasoDatabase *db)
{
  g_autoptr(GError) error = NULL;

  if (!xaso_change_apply (change, db, "random", &error))
    g_error ("edit: %s", error->message);
}

static void
random_edit (XasoDatabase *db,
             GRand        *rand)
{
  g_autoptr(GPtrArray) ids = resident_ids (db);
  double dice = g_rand_double (rand);

  if (ids->len == 0 || dice < 0.25)
    {
      g_autofree char *id = xaso_uuid_new ();
      g_autofree char *name = g_strdup_printf ("Người %u", g_rand_int_range (rand, 0, 100000));
      g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "person", id);

      xaso_change_set_text (change, "full_name", name);
      xaso_change_set_text (change, "name_folded", name);
      xaso_change_set_text (change, "sort_key", name);
      apply (change, db);
    }
  else
    {
      const char *id = g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len));
      g_autoptr(XasoChange) change =
        xaso_change_new (dice < 0.3 ? XASO_CHANGE_DELETE : XASO_CHANGE_UPDATE, "person", id);
      guint n = g_rand_int_range (rand, 1, 3);

      for (guint i = 0; dice >= 0.3 && i < n; i++)
        xaso_change_set_text (change, fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (fields))],
                              values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))]);
      apply (change, db);
    }
}

static void
sync_desktop (XasoDatabase *db)
{
  g_autoptr(GError) error = NULL;
  XasoSyncReport report = { 0 };

  if (!xaso_sync_run_once (db, &report, NULL, &error))
    g_error ("sync: %s", error->message);
}

/* The residents and the conflicts, in a fixed order, hashed. */
static char *
state_hash (XasoDatabase *db)
{
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  static const char * const queries[] = {
    "SELECT id, full_name, phone, occupation, notes, hamlet, deleted FROM person ORDER BY id",
    "SELECT id, table_name, row_id, field, local_value, remote_value, resolved_at IS NULL FROM field_conflict "
    "ORDER BY id",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = xaso_database_prepare (db, queries[q], NULL);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = xaso_column_text (stmt, c);

            g_checksum_update (sha, (const guchar *) (text ? text : "\x01"), -1);
            g_checksum_update (sha, (const guchar *) "\x1f", 1);
          }
      sqlite3_reset (stmt);
    }
  return g_strdup (g_checksum_get_string (sha));
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

static void
print_state (const char   *name,
             XasoDatabase *db)
{
  g_autofree char *hash = state_hash (db);

  g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
           name, hash, count (db, "SELECT count(*) FROM outbox"),
           count (db, "SELECT count(*) FROM sync_receipt"),
           count (db, "SELECT count(*) FROM field_conflict"),
           count (db, "SELECT coalesce (max (device_seq), 0) FROM sync_receipt"));
}

static XasoDatabase *
open_or_die (const char *path)
{
  g_autoptr(GError) error = NULL;
  XasoDatabase *db = xaso_database_open (path, &error);

  if (db == NULL)
    g_error ("%s: %s", path, error->message);
  return db;
}

/* One step of test-sync-faults.py: edits, or what a desktop holds. */
static int
one_step (int    argc,
          char **argv)
{
  if (g_str_equal (argv[1], "--edit") && argc == 5)
    {
      g_autoptr(XasoDatabase) db = open_or_die (argv[4]);
      g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) atoi (argv[2]));

      for (int e = atoi (argv[3]); e > 0; e--)
        random_edit (db, rand);
      return 0;
    }
  if (g_str_equal (argv[1], "--state") && argc == 3)
    {
      g_autoptr(XasoDatabase) db = open_or_die (argv[2]);

      print_state (argv[2], db);
      return 0;
    }
  g_printerr ("Usage: sync-random --edit SEED N DB | --state DB\n");
  return 2;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) dbs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = NULL;
  guint rounds;

  if (argc > 1 && g_str_has_prefix (argv[1], "--"))
    return one_step (argc, argv);
  if (argc < 5)
    {
      g_printerr ("Usage: sync-random SEED ROUNDS DB DB…\n");
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32) atoi (argv[1]));
  rounds = (guint) atoi (argv[2]);
  for (int i = 3; i < argc; i++)
    g_ptr_array_add (dbs, open_or_die (argv[i]));
  for (guint r = 0; r < rounds; r++)
    {
      for (guint d = 0; d < dbs->len; d++)
        for (guint e = g_rand_int_range (rand, 0, 4); e > 0; e--)
          random_edit (g_ptr_array_index (dbs, d), rand);
      for (guint d = 0; d < dbs->len; d++)
        if (g_rand_double (rand) < 0.5)
          sync_desktop (g_ptr_array_index (dbs, d));
    }
  /* Everybody back online: two rounds carry every change everywhere. */
  for (guint quiet = 0; quiet < 3; quiet++)
    for (guint d = 0; d < dbs->len; d++)
      sync_desktop (g_ptr_array_index (dbs, d));
  for (guint d = 0; d < dbs->len; d++)
    print_state (argv[3 + d], g_ptr_array_index (dbs, d));
  return 0;
}
