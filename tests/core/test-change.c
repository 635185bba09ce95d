/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xaso-change.h"
#include "xaso-test-util.h"
#include "xaso-uuid.h"

static gboolean
insert_person (XasoDatabase  *db,
               const char    *id,
               const char    *name,
               const char    *sex,
               GError       **error)
{
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "person", id);

  xaso_change_set_text (change, "full_name", name);
  xaso_change_set_text (change, "name_folded", name);
  xaso_change_set_text (change, "sort_key", name);
  xaso_change_set_text (change, "sex", sex);
  return xaso_change_apply (change, db, "tester", error);
}

static JsonObject *
last_op_fields (XasoDatabase *db,
                JsonParser   *parser)
{
  g_autofree char *fields = xaso_test_string (db, "SELECT fields FROM outbox ORDER BY device_seq DESC LIMIT 1");

  g_assert_true (json_parser_load_from_data (parser, fields, -1, NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_insert_yields_one_op (void)
{
  g_autofree char *path = xaso_test_temp_path ("insert.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id = xaso_uuid_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL, *row = NULL, *actor = NULL;
  JsonObject *fields;

  g_assert_true (insert_person (db, id, "Nguyễn Văn An", "male", &error));
  g_assert_no_error (error);

  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 1);
  kind = xaso_test_string (db, "SELECT kind FROM outbox");
  row = xaso_test_string (db, "SELECT row_id FROM outbox WHERE table_name = 'person'");
  actor = xaso_test_string (db, "SELECT actor FROM outbox");
  g_assert_cmpstr (kind, ==, "insert");
  g_assert_cmpstr (row, ==, id);
  g_assert_cmpstr (actor, ==, "tester");
  g_assert_cmpint (xaso_test_count (db, "SELECT hlc FROM outbox"), >, 0);

  fields = last_op_fields (db, parser);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fields, "full_name"), "new"),
                   ==, "Nguyễn Văn An");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fields, "sex"), "new"),
                   ==, "male");
  g_assert_cmpint (json_object_get_size (fields), ==, 4);
}

static void
test_update_records_old_new_base (void)
{
  g_autofree char *path = xaso_test_temp_path ("update.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *sql = NULL;
  g_autoptr(XasoChange) change = NULL;
  JsonObject *fields, *name;

  g_assert_true (insert_person (db, id, "Trần Thị Bình", "female", NULL));
  /* The server had version 7 of the name when this device last pulled. */
  sql = g_strdup_printf ("INSERT INTO field_version VALUES ('person', '%s', 'full_name', 7, 1)", id);
  g_assert_true (xaso_database_exec (db, sql, NULL));

  change = xaso_change_new (XASO_CHANGE_UPDATE, "person", id);
  xaso_change_set_text (change, "full_name", "Trần Thị Bình An");
  xaso_change_set_text (change, "sex", "female");     /* unchanged: no field in the op */
  g_assert_true (xaso_change_apply (change, db, "tester", NULL));
  g_assert_cmpuint (xaso_change_get_n_changed (change), ==, 1);

  fields = last_op_fields (db, parser);
  g_assert_cmpint (json_object_get_size (fields), ==, 1);
  name = json_object_get_object_member (fields, "full_name");
  g_assert_cmpstr (json_object_get_string_member (name, "new"), ==, "Trần Thị Bình An");
  g_assert_cmpstr (json_object_get_string_member (name, "old"), ==, "Trần Thị Bình");
  g_assert_cmpint (json_object_get_int_member (name, "base"), ==, 7);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox WHERE kind = 'update'"), ==, 1);
}

static void
test_unchanged_write_yields_no_op (void)
{
  g_autofree char *path = xaso_test_temp_path ("same.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *id = xaso_uuid_new ();
  g_autoptr(XasoChange) change = NULL;

  g_assert_true (insert_person (db, id, "Lê Văn Cường", "male", NULL));
  change = xaso_change_new (XASO_CHANGE_UPDATE, "person", id);
  xaso_change_set_text (change, "full_name", "Lê Văn Cường");
  g_assert_true (xaso_change_apply (change, db, "tester", NULL));
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 1);
}

static void
test_failed_write_leaves_nothing (void)
{
  g_autofree char *path = xaso_test_temp_path ("fail.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *id = xaso_uuid_new ();
  g_autoptr(GError) error = NULL;

  /* A CHECK constraint fails after the clock row was already written in the
   * transaction: everything must roll back together. */
  g_assert_false (insert_person (db, id, "Phạm Văn Dũng", "robot", &error));
  g_assert_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_false (xaso_database_in_transaction (db));

  /* Inside a caller's transaction, a failure leaves the rollback to it. */
  g_clear_error (&error);
  g_assert_true (xaso_database_begin (db, NULL));
  g_clear_pointer (&id, g_free);
  id = xaso_uuid_new ();
  g_assert_true (insert_person (db, id, "Hoàng Thị Em", "female", NULL));
  g_assert_false (insert_person (db, id, "", "female", &error));
  xaso_database_rollback (db);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 0);
}

static void
test_delete_is_tombstone (void)
{
  g_autofree char *path = xaso_test_temp_path ("delete.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *id = xaso_uuid_new ();
  g_autoptr(XasoChange) change = NULL;
  g_autofree char *kind = NULL;

  g_assert_true (insert_person (db, id, "Vũ Văn Giang", "male", NULL));
  change = xaso_change_new (XASO_CHANGE_DELETE, "person", id);
  g_assert_true (xaso_change_apply (change, db, "tester", NULL));
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person WHERE deleted = 1"), ==, 1);
  kind = xaso_test_string (db, "SELECT kind FROM outbox ORDER BY device_seq DESC LIMIT 1");
  g_assert_cmpstr (kind, ==, "delete");
}

static void
test_unknown_field_refused (void)
{
  g_autofree char *path = xaso_test_temp_path ("field.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_UPDATE, "person", "x");
  g_autoptr(GError) error = NULL;

  xaso_change_set_text (change, "full_name\" = 'x'; --", "boom");
  g_assert_false (xaso_change_apply (change, db, "tester", &error));
  g_assert_nonnull (error);
}

/* The child writes records one transaction at a time until it is killed. */
static void G_GNUC_NORETURN
write_forever (const char *path)
{
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);

  for (guint i = 0; ; i++)
    {
      g_autofree char *id = xaso_uuid_new ();
      g_autofree char *name = g_strdup_printf ("Người %u", i);

      if (!insert_person (db, id, name, i % 2 ? "male" : "female", NULL))
        _exit (3);
    }
}

static void
test_sigkill_mid_write_loses_nothing_committed (void)
{
  g_autofree char *path = xaso_test_temp_path ("kill.db");
  g_autoptr(XasoDatabase) db = NULL;
  g_autofree char *integrity = NULL;
  gint64 seen = 0;
  int status = 0;
  pid_t pid;

  g_object_unref (xaso_test_open_commune (path));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    write_forever (path);

  /* Let it write thousands of records (or what a loaded machine manages in
   * 30 s), then kill it without warning: every record seen committed before
   * the kill must still be there after it. */
  for (guint i = 0; i < 600 && seen < 2000; i++)
    {
      g_autoptr(XasoDatabase) probe = xaso_database_open (path, NULL);

      if (probe != NULL)
        seen = xaso_test_count (probe, "SELECT count(*) FROM person");
      g_usleep (50000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_assert_true (WIFSIGNALED (status));

  db = xaso_database_open (path, NULL);
  g_assert_nonnull (db);
  integrity = xaso_test_string (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (seen, >, 100);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), >=, seen);
  g_assert_cmpint (xaso_test_count (db,
    "SELECT count(*) FROM person p WHERE NOT EXISTS "
    "(SELECT 1 FROM outbox o WHERE o.table_name = 'person' AND o.row_id = p.id)"), ==, 0);
  g_assert_cmpint (xaso_test_count (db,
    "SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = o.row_id)"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), ==,
                   xaso_test_count (db, "SELECT count(*) FROM outbox"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/change/insert-yields-one-op", test_insert_yields_one_op);
  g_test_add_func ("/store/change/update-records-old-new-base", test_update_records_old_new_base);
  g_test_add_func ("/store/change/unchanged-write-yields-no-op", test_unchanged_write_yields_no_op);
  g_test_add_func ("/store/change/failed-write-leaves-nothing", test_failed_write_leaves_nothing);
  g_test_add_func ("/store/change/delete-is-tombstone", test_delete_is_tombstone);
  g_test_add_func ("/store/change/unknown-field-refused", test_unknown_field_refused);
  g_test_add_func ("/store/change/sigkill-mid-write-loses-nothing-committed",
                   test_sigkill_mid_write_loses_nothing_committed);
  return g_test_run ();
}
