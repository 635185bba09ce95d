/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xaso-change.h"
#include "xaso-database-private.h"
#include "xaso-database.h"
#include "xaso-remote-change.h"
#include "xaso-sync-catalogue.h"
#include "xaso-sync-outbox-upcast.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-row-digest.h"
#include "xaso-sync-upcast.h"
#include "xaso-test-util.h"

/* The codec's catalogue of synced tables and columns and its upcasters
 * (PROTOCOL.md, "Catalogue and schema versions"), held to the desktop's own
 * schema: a migration that changes a synced column fails here until the
 * catalogue, and an upcaster for the ops made before it, say the same. */

static XasoDatabase *
fresh_database (const char *name)
{
  g_autofree char *path = xaso_test_temp_path (name);
  g_autoptr(GError) error = NULL;
  XasoDatabase *db = xaso_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

/* The desktop's columns of a table, but id and commune_code. */
static GPtrArray *
schema_columns (XasoDatabase *db,
                const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s') "
                                          "WHERE name NOT IN ('id', 'commune_code')", table);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return columns;
}

static void
test_matches_schema (void)
{
  g_autoptr(XasoDatabase) db = fresh_database ("catalogue.db");
  const char * const *tables = xaso_sync_get_tables ();
  const char * const *captured = xaso_change_get_tables ();
  guint n_tables = 0;

  g_assert_cmpint (xaso_database_get_schema_version (db), ==, XASO_SYNC_SCHEMA_VERSION);
  g_assert_cmpuint (g_strv_length ((char **) tables), ==, g_strv_length ((char **) captured));
  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autoptr(GPtrArray) columns = schema_columns (db, tables[t]);
      const char * const *catalogue = xaso_sync_catalogue_columns (tables[t]);

      g_assert_true (g_strv_contains (captured, tables[t]));
      g_assert_nonnull (catalogue);
      g_assert_cmpuint (columns->len, >, 4);
      for (guint c = 0; c < columns->len; c++)
        if (!g_strv_contains (catalogue, g_ptr_array_index (columns, c)))
          g_error ("%s.%s is in the desktop's schema, not in the codec's catalogue", tables[t],
                   (char *) g_ptr_array_index (columns, c));
      for (guint c = 0; catalogue[c] != NULL; c++)
        if (!g_ptr_array_find_with_equal_func (columns, catalogue[c], g_str_equal, NULL))
          g_error ("%s.%s is in the codec's catalogue, not in the desktop's schema", tables[t], catalogue[c]);
      n_tables++;
    }
  g_assert_cmpuint (n_tables, ==, 14);
  g_assert_null (xaso_sync_catalogue_columns ("sync_state"));
  g_assert_null (xaso_sync_catalogue_columns ("outbox"));
}

static JsonNode *
op_node (const char *json)
{
  JsonNode *node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return node;
}

static void
test_check_op (void)
{
  g_autoptr(JsonNode) good = op_node ("{\"table\":\"person\",\"kind\":\"update\","
                                      "\"fields\":{\"full_name\":{\"new\":\"A\",\"old\":\"B\",\"base\":1}}}");
  g_autoptr(JsonNode) field = op_node ("{\"table\":\"person\",\"kind\":\"update\","
                                       "\"fields\":{\"full_name\":{\"new\":\"A\"},\"shoe_size\":{\"new\":42}}}");
  g_autoptr(JsonNode) table = op_node ("{\"table\":\"salary\",\"kind\":\"insert\",\"fields\":{}}");
  g_autoptr(JsonNode) local = op_node ("{\"table\":\"outbox\",\"kind\":\"insert\",\"fields\":{}}");
  g_autoptr(JsonNode) shapeless = op_node ("{\"kind\":\"insert\"}");
  const char *code = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *reason2 = NULL;
  g_autofree char *reason3 = NULL;

  g_assert_true (xaso_sync_catalogue_check_op (good, &code, &reason));
  g_assert_null (reason);
  g_assert_true (xaso_sync_catalogue_check_op (shapeless, &code, &reason));
  g_assert_false (xaso_sync_catalogue_check_op (field, &code, &reason));
  g_assert_cmpstr (code, ==, "unknown_field");
  g_assert_nonnull (strstr (reason, "“shoe_size”"));
  g_assert_false (xaso_sync_catalogue_check_op (table, &code, &reason2));
  g_assert_cmpstr (code, ==, "unknown_table");
  g_assert_nonnull (strstr (reason2, "“salary”"));
  /* A table of the desktop that does not travel is as unknown. */
  g_assert_false (xaso_sync_catalogue_check_op (local, &code, &reason3));
  g_assert_cmpstr (code, ==, "unknown_table");
}

static char *
fields_text (JsonNode *op)
{
  return json_to_string (json_object_get_member (json_node_get_object (op), "fields"), FALSE);
}

/* Each kind of step, on steps made up for the test (no real migration
 * has renamed or split yet). */
static void
test_step_kinds (void)
{
  static const XasoSyncUpcastStep steps[] = {
    { 30, XASO_SYNC_STEP_RENAME_FIELD, "person", "phone", "phone_number" },
    { 31, XASO_SYNC_STEP_ADD_FIELD, "person", "consent", "0" },
    { 32, XASO_SYNC_STEP_RENAME_TABLE, "calendar_day", NULL, "holiday" },
    { 33, XASO_SYNC_STEP_MOVE_FIELD, "person", "death_date", "death" },
  };
  g_autoptr(JsonNode) update = op_node ("{\"seq\":3,\"table\":\"person\",\"kind\":\"update\","
                                        "\"fields\":{\"phone\":{\"new\":\"0901\",\"old\":null,\"base\":4}}}");
  g_autoptr(JsonNode) insert = op_node ("{\"table\":\"person\",\"kind\":\"insert\","
                                        "\"fields\":{\"full_name\":{\"new\":\"A\"}}}");
  g_autoptr(JsonNode) day = op_node ("{\"table\":\"calendar_day\",\"kind\":\"insert\",\"fields\":{}}");
  g_autoptr(JsonNode) death = op_node ("{\"table\":\"person\",\"kind\":\"update\","
                                       "\"fields\":{\"death_date\":{\"new\":\"2026-01-02\"}}}");
  g_autoptr(JsonNode) a = xaso_sync_upcast_op_by (update, 29, steps, G_N_ELEMENTS (steps));
  g_autoptr(JsonNode) b = xaso_sync_upcast_op_by (update, 30, steps, G_N_ELEMENTS (steps));
  g_autoptr(JsonNode) c = xaso_sync_upcast_op_by (insert, 29, steps, G_N_ELEMENTS (steps));
  g_autoptr(JsonNode) d = xaso_sync_upcast_op_by (day, 29, steps, G_N_ELEMENTS (steps));
  g_autoptr(JsonNode) e = xaso_sync_upcast_op_by (death, 29, steps, G_N_ELEMENTS (steps));
  g_autofree char *fa = fields_text (a);
  g_autofree char *fb = fields_text (b);
  g_autofree char *fc = fields_text (c);
  g_autofree char *fu = fields_text (update);

  g_assert_cmpstr (fa, ==, "{\"phone_number\":{\"new\":\"0901\",\"old\":null,\"base\":4}}");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (a), "seq"), ==, 3);
  g_assert_cmpstr (fu, ==, "{\"phone\":{\"new\":\"0901\",\"old\":null,\"base\":4}}");   /* the original stays */
  g_assert_true (b == update);          /* made after the rename: untouched, not even copied */
  g_assert_cmpstr (fb, ==, fu);
  g_assert_cmpstr (fc, ==, "{\"full_name\":{\"new\":\"A\"},\"consent\":{\"new\":0}}");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (d), "table"), ==, "holiday");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (e), "table"), ==, "death");
}

/* The real steps: each leads to a column of the catalogue, and a default
 * an older insert is given is the one the desktop's schema declares. */
static void
test_real_steps (void)
{
  guint n = 0;
  const XasoSyncUpcastStep *steps = xaso_sync_upcast_steps (&n);
  g_autoptr(JsonNode) block = op_node ("{\"table\":\"dossier_code_block\",\"kind\":\"insert\","
                                       "\"fields\":{\"day\":{\"new\":\"2026-12-07\"}}}");
  g_autoptr(JsonNode) old = xaso_sync_upcast_op (block, 20);
  g_autoptr(JsonNode) current = xaso_sync_upcast_op (block, XASO_SYNC_SCHEMA_VERSION);
  g_autofree char *fields = fields_text (old);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const char *column = steps[i].kind == XASO_SYNC_STEP_RENAME_FIELD ? steps[i].to : steps[i].field;

      g_assert_cmpint (steps[i].version, >, XASO_SYNC_SCHEMA_FIRST);
      g_assert_cmpint (steps[i].version, <=, XASO_SYNC_SCHEMA_VERSION);
      g_assert_true (i == 0 || steps[i].version >= steps[i - 1].version);
      if (column != NULL && steps[i].kind != XASO_SYNC_STEP_RENAME_TABLE)
        g_assert_true (xaso_sync_catalogue_has_field (steps[i].kind == XASO_SYNC_STEP_MOVE_FIELD ? steps[i].to :
                                                      steps[i].table, column));
      if (steps[i].kind == XASO_SYNC_STEP_ADD_FIELD)
        {
          g_autoptr(JsonNode) value = json_from_string (steps[i].to, NULL);

          g_assert_cmpstr (json_node_get_string (value), ==,
                           xaso_sync_digest_field_default (steps[i].table, steps[i].field));
        }
    }
  g_assert_cmpstr (fields, ==, "{\"day\":{\"new\":\"2026-12-07\"},\"source\":{\"new\":\"local\"}}");
  g_assert_true (current == block);
  g_assert_false (xaso_sync_schema_supported (XASO_SYNC_SCHEMA_FIRST - 1));
  g_assert_true (xaso_sync_schema_supported (XASO_SYNC_SCHEMA_FIRST));
  g_assert_false (xaso_sync_schema_supported (XASO_SYNC_SCHEMA_VERSION + 1));
}

/* A desktop of schema 20 with a block of codes waiting in its outbox,
 * upgraded while offline: the migration notes the outbox's schema, the
 * engine upcasts it before pushing, and the op says what the row holds. */
static void
test_outbox_upgraded_offline (void)
{
  g_autofree char *path = xaso_test_temp_path ("upgrade.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoChange) change = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *source = NULL;
  XasoDatabase *db;

  g_setenv ("XASO_TEST_SCHEMA_CEILING", "20", TRUE);
  db = xaso_test_open_commune (path);
  g_assert_cmpint (xaso_database_get_schema_version (db), ==, 20);
  change = xaso_change_new (XASO_CHANGE_INSERT, "dossier_code_block", "0190aaaa-0000-7000-8000-0000000000b1");
  xaso_change_set_text (change, "unit_eid", "000.00.12.H56");
  xaso_change_set_text (change, "day", "2026-12-07");
  xaso_change_set_text (change, "device_id", xaso_database_get_device_id (db));
  xaso_change_set_int (change, "first_seq", 1);
  xaso_change_set_int (change, "last_seq", 20);
  xaso_change_set_int (change, "next_seq", 1);
  g_assert_true (xaso_change_apply (change, db, "quantri", &error));
  g_assert_no_error (error);
  g_object_unref (db);

  g_unsetenv ("XASO_TEST_SCHEMA_CEILING");
  db = xaso_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_database_get_schema_version (db), ==, XASO_SYNC_SCHEMA_VERSION);
  kept = xaso_database_get_state (db, "outbox_schema");
  g_assert_cmpstr (kept, ==, "20");
  g_assert_true (xaso_sync_outbox_upcast (db, &error));
  g_assert_no_error (error);
  fields = xaso_test_string (db, "SELECT fields FROM outbox WHERE table_name = 'dossier_code_block'");
  g_assert_nonnull (strstr (fields, "\"source\":{\"new\":\"local\"}"));
  g_assert_nonnull (strstr (fields, "\"day\":{\"new\":\"2026-12-07\"}"));
  source = xaso_test_string (db, "SELECT source FROM dossier_code_block");
  g_assert_cmpstr (source, ==, "local");
  g_free (kept);
  kept = xaso_database_get_state (db, "outbox_schema");
  g_assert_cmpstr (kept, ==, G_STRINGIFY (XASO_SYNC_SCHEMA_VERSION));
  g_object_unref (db);
}

/* A desktop older than the server pulls a field it has no column for: the
 * value is kept, and the upgrade that adds the column writes it in. */
static void
test_kept_pulled_field (void)
{
  g_autofree char *path = xaso_test_temp_path ("kept.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) fields = op_node ("{\"full_name\":\"Mai Văn Sáu\",\"name_folded\":\"mai van sau\","
                                        "\"sort_key\":\"mai van sau\",\"shoe_size\":42}");
  const char *row = "0190aaaa-0000-7000-8000-0000000000c1";
  XasoRemoteChange change = { .table = "person", .row_id = row, .kind = "insert",
                              .fields = json_node_get_object (fields), .server_seq = 7, .hlc = 1 };
  g_autofree char *kept = NULL;
  g_autofree char *size = NULL;
  guint skipped = 0;

  g_assert_true (xaso_database_begin (db, &error));
  g_assert_true (xaso_remote_change_apply (db, &change, &skipped, &error));
  g_assert_no_error (error);
  g_assert_true (xaso_database_commit (db, &error));
  g_assert_cmpuint (skipped, ==, 1);
  kept = xaso_test_string (db, "SELECT row_id || ' ' || field || ' ' || value || ' ' || version FROM kept_field");
  g_assert_cmpstr (kept, ==, "0190aaaa-0000-7000-8000-0000000000c1 shoe_size 42 7");

  /* What a later migration adding the column does, then the fold every
   * migration ends with. */
  g_assert_true (xaso_database_begin (db, &error));
  g_assert_true (xaso_database_exec (db, "ALTER TABLE person ADD COLUMN shoe_size INTEGER", &error));
  g_assert_true (_xaso_database_fold_kept_fields (db, &error));
  g_assert_no_error (error);
  g_assert_true (xaso_database_commit (db, &error));
  size = xaso_test_string (db, "SELECT shoe_size || ' ' || full_name FROM person WHERE id = "
                               "'0190aaaa-0000-7000-8000-0000000000c1'");
  g_assert_cmpstr (size, ==, "42 Mai Văn Sáu");
  g_assert_cmpint (xaso_test_count (db, "SELECT version FROM field_version WHERE field = 'shoe_size'"), ==, 7);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM kept_field"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/catalogue/matches-schema", test_matches_schema);
  g_test_add_func ("/sync/catalogue/check-op", test_check_op);
  g_test_add_func ("/sync/upcast/step-kinds", test_step_kinds);
  g_test_add_func ("/sync/upcast/real-steps", test_real_steps);
  g_test_add_func ("/sync/upcast/outbox-upgraded-offline", test_outbox_upgraded_offline);
  g_test_add_func ("/sync/upcast/kept-pulled-field", test_kept_pulled_field);
  return g_test_run ();
}
