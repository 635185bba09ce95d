/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "xaso-database-private.h"
#include "xaso-hlc.h"
#include "xaso-test-util.h"
#include "xaso-uuid.h"

static const char * const schema_tables[] = {
  "commune", "sync_state", "role", "user", "household", "person", "person_fts",
  "civil_status_event", "procedure", "dossier", "dossier_event", "register", "document",
  "document_event", "attachment", "audit_event", "calendar_day", "outbox", "field_version",
  "field_conflict", "quarantine", "dossier_code_block", "dossier_tally", "person_tally", "kept_field",
  "document_review", NULL
};

static void
test_creates_whole_schema (void)
{
  g_autofree char *path = xaso_test_temp_path ("new.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = xaso_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (xaso_database_get_schema_version (db), ==, 25);
  for (guint i = 0; schema_tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM sqlite_master WHERE name = '%s'", schema_tables[i]);

      g_assert_cmpint (xaso_test_count (db, sql), ==, 1);
    }
  g_assert_true (xaso_uuid_is_valid (xaso_database_get_device_id (db)));
  g_assert_null (xaso_database_get_commune_code (db));
}

/* SQLite checks a foreign key by looking the referring column up; without
 * an index that is a scan of the whole table for every write. References to
 * the commune are exempt: a commune row is never deleted or re-keyed, so
 * that lookup never happens. */
static void
test_every_reference_is_indexed (void)
{
  g_autofree char *path = xaso_test_temp_path ("fk.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list (m.name) f "
    "WHERE m.type = 'table' AND f.\"table\" <> 'commune' AND NOT EXISTS (SELECT 1 FROM pragma_index_list (m.name) i, "
    "pragma_index_info (i.name) c WHERE c.seqno = 0 AND c.name = f.\"from\")", NULL);
  guint missing = 0;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_test_message ("no index on %s.%s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
      missing++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (missing, ==, 0);
}

/* Foreign keys are checked by looking up the referring rows by value. The
 * indexes of references that are usually empty leave the empty rows out
 * (migration 0005), and must still serve those lookups. */
static void
test_reference_lookups_use_an_index (void)
{
  g_autofree char *path = xaso_test_temp_path ("lookup.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list (m.name) f "
    "WHERE m.type = 'table' AND f.\"table\" <> 'commune'", NULL);
  guint checked = 0;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN SELECT 1 FROM \"%s\" WHERE \"%s\" = ?",
                                              sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
      sqlite3_stmt *explain = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (xaso_database_get_handle (db), sql, -1, &explain, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (explain), ==, SQLITE_ROW);
      g_test_message ("%s: %s", sql, sqlite3_column_text (explain, 3));
      g_assert_nonnull (strstr ((const char *)sqlite3_column_text (explain, 3), "INDEX"));
      sqlite3_finalize (explain);
      checked++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (checked, >=, 10);
}

/* Records found by the numbers officials give them: a household by its
 * number, a person by the ID number, when importing or checking for
 * duplicates. Each is one index search, not a walk through the commune. */
static void
test_number_lookups_use_an_index (void)
{
  static const struct { const char *sql, *index; } lookups[] = {
    { "SELECT id FROM household WHERE commune_code = ? AND code = ? AND deleted = 0", "household_code" },
    { "SELECT full_name FROM person WHERE commune_code = ? AND id_number = ? AND id <> ? AND deleted = 0",
      "person_id_number" },
  };
  g_autofree char *path = xaso_test_temp_path ("numbers.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", lookups[i].sql, NULL);
      sqlite3_stmt *explain = xaso_database_prepare (db, sql, NULL);

      g_assert_nonnull (explain);
      g_assert_cmpint (sqlite3_step (explain), ==, SQLITE_ROW);
      g_test_message ("%s: %s", lookups[i].sql, sqlite3_column_text (explain, 3));
      g_assert_nonnull (strstr ((const char *)sqlite3_column_text (explain, 3), lookups[i].index));
      sqlite3_reset (explain);
    }
}

static void
test_settings_applied (void)
{
  g_autofree char *path = xaso_test_temp_path ("settings.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);
  g_autofree char *mode = xaso_test_string (db, "PRAGMA journal_mode");

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (xaso_test_count (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (xaso_test_count (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (xaso_test_count (db, "PRAGMA busy_timeout"), >=, 1000);
}

static gboolean
statement_uses_lookup_table (XasoDatabase *db,
                             const char   *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN ", sql, NULL);
  sqlite3_stmt *stmt = xaso_database_prepare (db, explain, NULL);
  gboolean found = FALSE;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    found |= g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), "OpenEphemeral") == 0;
  sqlite3_reset (stmt);
  return found;
}

#define OUTBOX_INSERT "INSERT INTO outbox (op_id, hlc, actor, table_name, row_id, kind, fields, created_at) " \
                      "VALUES ('o', 1, 'a', 'person', 'r', ?, '{}', 'now')"

/* A CHECK listing allowed values made SQLite build a lookup table for
 * every row written; the lists are written out as comparisons, with the
 * same meaning: other values are still refused. */
static void
test_checks_compare_in_place (void)
{
  g_autofree char *path = xaso_test_temp_path ("checks.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                        "AND sql LIKE '%CHECK%' AND sql LIKE '% IN (''%'"), ==, 0);
  g_assert_false (statement_uses_lookup_table (db, OUTBOX_INSERT));
  g_assert_false (statement_uses_lookup_table (db,
    "INSERT INTO person (id, commune_code, full_name, name_folded, sort_key, sex, status, created_at, updated_at) "
    "VALUES ('p', '12345', 'A', 'a', 'a', 'male', 'living', 'now', 'now')"));

  stmt = xaso_database_prepare (db, OUTBOX_INSERT, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, "upsert", -1, SQLITE_STATIC);
  g_assert_false (xaso_database_step_done (db, stmt, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  stmt = xaso_database_prepare (db, OUTBOX_INSERT, &error);
  sqlite3_bind_text (stmt, 1, "update", -1, SQLITE_STATIC);
  g_assert_true (xaso_database_step_done (db, stmt, &error));
  g_assert_no_error (error);
}

/* A database made before the rewrite gets it on opening, and reads back
 * whole. */
static void
test_checks_rewritten_on_upgrade (void)
{
  g_autofree char *path = xaso_test_temp_path ("old-checks.db");
  g_autoptr(XasoDatabase) db = NULL;
  sqlite3 *raw = NULL;
  int version = 0;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;

  db = xaso_test_open_commune (path);
  g_clear_object (&db);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA schema_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("PRAGMA writable_schema = ON;"
                         "UPDATE sqlite_schema SET sql = replace (sql, '(kind = ''insert'' OR kind = ''update'' "
                         "OR kind = ''delete'')', 'kind IN (''insert'', ''update'', ''delete'')') "
                         "WHERE name = 'outbox';"
                         "PRAGMA schema_version = %d; PRAGMA writable_schema = OFF; PRAGMA user_version = 9;",
                         version + 1);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = xaso_database_open (path, NULL);
  g_assert_nonnull (db);
  g_assert_false (statement_uses_lookup_table (db, OUTBOX_INSERT));
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'outbox' "
                                        "AND sql LIKE '%(kind = ''insert'' OR kind = ''update'' OR kind = ''delete'')%'"),
                   ==, 1);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
                   ==, 1);
}

/* The time stamped on every write: ISO 8601 with the local offset, read
 * back as the same instant, and never going back within a thread. */
static void
test_now_text (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *last = NULL;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *text = xaso_now_iso ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, utc);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_assert_nonnull (parsed);
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?(Z|[+-]\\d\\d(:\\d\\d)?)$",
                                           text, 0, 0));
      g_assert_cmpint (ABS (g_date_time_difference (now, parsed)), <, G_USEC_PER_SEC);
      if (last != NULL)
        {
          g_autoptr(GDateTime) before = g_date_time_new_from_iso8601 (last, utc);

          g_assert_cmpint (g_date_time_compare (before, parsed), <=, 0);
        }
      g_free (last);
      last = g_steal_pointer (&text);
    }
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size : -1;
}

/* A commit that takes the log past 1,000 pages does not fold it back
 * itself: a thread of the store does, beside the connection, which goes on
 * writing. Nothing is lost either way. */
static void
test_log_folded_back_off_the_writer (void)
{
  g_autofree char *path = xaso_test_temp_path ("fold.db");
  g_autofree char *log = g_strconcat (path, "-wal", NULL);
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  gint64 before;

  _xaso_database_wait_for_checkpoint (db);
  before = file_size (path);
  g_assert_true (xaso_database_exec (db, "CREATE TABLE filler (x TEXT);"
                                         "BEGIN; WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                         "WHERE i < 2000) INSERT INTO filler SELECT randomblob (3000) FROM n; COMMIT;",
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_size (log), >, 1000 * 4096);
  _xaso_database_wait_for_checkpoint (db);
  g_assert_cmpint (file_size (path), >, before + 1000 * 4096);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM filler"), ==, 2000);
  g_assert_true (xaso_database_exec (db, "INSERT INTO filler VALUES ('after')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  db = xaso_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM filler"), ==, 2001);
}

/* Closed right after a commit that queued a checkpoint, the database is
 * whole in its own file: the close waits for the checkpoint's connection,
 * so it is the last one and folds the log back. A copy of the file alone
 * (as a benchmark or an administrator makes) then lacks nothing. */
static void
test_close_leaves_no_log (void)
{
  g_autofree char *path = xaso_test_temp_path ("close.db");
  g_autofree char *log = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = xaso_test_temp_path ("close-copy.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (xaso_database_exec (db, "CREATE TABLE filler (x TEXT);"
                                         "BEGIN; WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                         "WHERE i < 10000) INSERT INTO filler SELECT randomblob (3000) FROM n; COMMIT;",
                                     &error));
  g_assert_no_error (error);
  /* Long enough for the checkpoint to have begun, not to have ended. */
  g_usleep (20000);
  g_clear_object (&db);
  g_assert_false (g_file_test (log, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  db = xaso_database_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM filler"), ==, 10000);
}

static void
test_reopen_keeps_identity (void)
{
  g_autofree char *path = xaso_test_temp_path ("reopen.db");
  g_autofree char *device = NULL;
  g_autoptr(XasoDatabase) second = NULL;

  {
    g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
    device = g_strdup (xaso_database_get_device_id (db));
  }
  second = xaso_database_open (path, NULL);
  g_assert_cmpstr (xaso_database_get_device_id (second), ==, device);
  g_assert_cmpstr (xaso_database_get_commune_code (second), ==, "12345");
}

static void
test_newer_database_refused (void)
{
  g_autofree char *path = xaso_test_temp_path ("newer.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;

  g_object_unref (xaso_database_open (path, NULL));
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = xaso_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));

  /* Refusing must not touch the file. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 99);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
}

static void
test_statement_cache (void)
{
  g_autofree char *path = xaso_test_temp_path ("cache.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);
  sqlite3_stmt *a = xaso_database_prepare (db, "SELECT 1", NULL);
  sqlite3_stmt *b = xaso_database_prepare (db, "SELECT 1", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (a == b);
  g_assert_null (xaso_database_prepare (db, "SELEC nonsense", &error));
  g_assert_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_SQL);
}

static void
test_unwritable_location_explained (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = xaso_database_open ("/proc/xaso/cannot/be.db", &error);

  g_assert_null (db);
  g_assert_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_OPEN);
}

static void
test_uuid_v7_ordered (void)
{
  g_autofree char *previous = NULL;
  gint64 now = g_get_real_time () / 1000;

  for (guint i = 0; i < 20000; i++)
    {
      char *id = xaso_uuid_new ();

      g_assert_true (xaso_uuid_is_valid (id));
      if (previous != NULL)
        g_assert_cmpstr (previous, <, id);
      g_free (previous);
      previous = id;
    }
  g_assert_cmpint (ABS (xaso_uuid_get_unix_ms (previous) - now), <, 60000);
}

static void
test_hlc_never_goes_back (void)
{
  XasoHlc h = xaso_hlc_tick (0, 1000);
  XasoHlc later;

  g_assert_cmpint (XASO_HLC_PHYSICAL (h), ==, 1000);
  later = xaso_hlc_tick (h, 900);          /* the wall clock went back */
  g_assert_cmpint (later, >, h);
  later = xaso_hlc_receive (later, (XasoHlc)5000 << 16, 1000);
  g_assert_cmpint (XASO_HLC_PHYSICAL (later), ==, 5000);
  g_assert_cmpint (XASO_HLC_LOGICAL (later), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/database/creates-whole-schema", test_creates_whole_schema);
  g_test_add_func ("/store/database/settings-applied", test_settings_applied);
  g_test_add_func ("/store/database/every-reference-is-indexed", test_every_reference_is_indexed);
  g_test_add_func ("/store/database/reference-lookups-use-an-index", test_reference_lookups_use_an_index);
  g_test_add_func ("/store/database/number-lookups-use-an-index", test_number_lookups_use_an_index);
  g_test_add_func ("/store/database/checks-compare-in-place", test_checks_compare_in_place);
  g_test_add_func ("/store/database/checks-rewritten-on-upgrade", test_checks_rewritten_on_upgrade);
  g_test_add_func ("/store/database/now-text", test_now_text);
  g_test_add_func ("/store/database/log-folded-back-off-the-writer", test_log_folded_back_off_the_writer);
  g_test_add_func ("/store/database/close-leaves-no-log", test_close_leaves_no_log);
  g_test_add_func ("/store/database/reopen-keeps-identity", test_reopen_keeps_identity);
  g_test_add_func ("/store/database/newer-database-refused", test_newer_database_refused);
  g_test_add_func ("/store/database/statement-cache", test_statement_cache);
  g_test_add_func ("/store/database/unwritable-location-explained", test_unwritable_location_explained);
  g_test_add_func ("/store/uuid/v7-ordered", test_uuid_v7_ordered);
  g_test_add_func ("/store/hlc/never-goes-back", test_hlc_never_goes_back);
  return g_test_run ();
}
