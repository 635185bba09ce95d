/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xaso-audit.h"
#include "xaso-test-util.h"

static void
append_many (XasoDatabase *db,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *detail = g_strdup_printf ("lần %u", i);
      g_autoptr(GError) error = NULL;

      g_assert_true (xaso_audit_append (db, "tester", i % 2 ? XASO_AUDIT_VIEW : XASO_AUDIT_EDIT,
                                        "person", "p-1", "tra cứu", detail, &error));
      g_assert_no_error (error);
    }
}

static void
test_chain_verifies (void)
{
  g_autofree char *path = xaso_test_temp_path ("audit.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  XasoAuditBreak brk = { 0 };
  guint64 n = 0;

  append_many (db, 25);
  g_assert_true (xaso_audit_verify (db, &n, &brk, NULL));
  g_assert_cmpuint (n, ==, 25);
  /* Audit events sync like any record. */
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox WHERE table_name = 'audit_event'"), ==, 25);
}

static void
test_edited_event_detected (void)
{
  g_autofree char *path = xaso_test_temp_path ("tamper.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  XasoAuditBreak brk = { 0 };

  append_many (db, 10);
  g_assert_true (xaso_database_exec (db, "UPDATE audit_event SET actor = 'someone else' WHERE seq = 6", NULL));
  g_assert_false (xaso_audit_verify (db, NULL, &brk, &error));
  g_assert_no_error (error);
  g_assert_cmpint (brk.seq, ==, 6);
  g_assert_cmpstr (brk.device_id, ==, xaso_database_get_device_id (db));
  xaso_audit_break_clear (&brk);
}

static void
test_removed_event_detected (void)
{
  g_autofree char *path = xaso_test_temp_path ("removed.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  XasoAuditBreak brk = { 0 };

  append_many (db, 10);
  g_assert_true (xaso_database_exec (db, "DELETE FROM audit_event WHERE seq = 4", NULL));
  g_assert_false (xaso_audit_verify (db, NULL, &brk, NULL));
  g_assert_cmpint (brk.seq, ==, 5);
  xaso_audit_break_clear (&brk);
}

static void
test_rehashed_event_detected (void)
{
  g_autofree char *path = xaso_test_temp_path ("rehash.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  XasoAuditBreak brk = { 0 };

  /* Someone who recomputes the hash of the row they edited still breaks the
   * link of the next one. */
  append_many (db, 10);
  g_assert_true (xaso_database_exec (db,
    "UPDATE audit_event SET hash = '1111111111111111111111111111111111111111111111111111111111111111' "
    "WHERE seq = 3", NULL));
  g_assert_false (xaso_audit_verify (db, NULL, &brk, NULL));
  g_assert_cmpint (brk.seq, ==, 3);
  xaso_audit_break_clear (&brk);
}

static void
test_check_command_reports_first_break (void)
{
  g_autofree char *path = xaso_test_temp_path ("cli.db");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { g_getenv ("XASOCTL"), "--db", path, "check", NULL };

  {
    g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);

    append_many (db, 8);
  }
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  {
    g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);

    g_assert_true (xaso_database_exec (db, "UPDATE audit_event SET detail = 'sửa tay' WHERE seq = 5", NULL));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, " 5 "));
}

static gpointer
load_found (XasoDatabase  *db,
            const char    *id,
            GError       **error)
{
  return g_strdup (id);
}

static gpointer
load_missing (XasoDatabase  *db,
              const char    *id,
              GError       **error)
{
  g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND, "gone");
  return NULL;
}

/* A look at a record is logged with who, what and why; a record that
 * could not be read is not logged as seen. */
static void
test_view_logged_once_read (void)
{
  g_autofree char *path = xaso_test_temp_path ("view.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = xaso_audit_view (db, "Cán bộ A", "person", "p-1", "tra cứu", load_found, g_free, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (shown, ==, "p-1");
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM audit_event WHERE action = 'view' AND actor = 'Cán bộ A' "
                                        "AND object_table = 'person' AND object_id = 'p-1' AND purpose = 'tra cứu'"),
                   ==, 1);
  g_assert_null (xaso_audit_view (db, "Cán bộ A", "person", "p-2", NULL, load_missing, g_free, &error));
  g_assert_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM audit_event WHERE object_id = 'p-2'"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/chain/verifies", test_chain_verifies);
  g_test_add_func ("/audit/chain/edited-event-detected", test_edited_event_detected);
  g_test_add_func ("/audit/chain/removed-event-detected", test_removed_event_detected);
  g_test_add_func ("/audit/chain/rehashed-event-detected", test_rehashed_event_detected);
  g_test_add_func ("/audit/check-command/reports-first-break", test_check_command_reports_first_break);
  g_test_add_func ("/audit/view/logged-once-read", test_view_logged_once_read);
  return g_test_run ();
}
