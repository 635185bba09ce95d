/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xaso-change.h"
#include "xaso-remote-change.h"
#include "xaso-sync-conflicts.h"
#include "xaso-sync-engine.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-settings.h"
#include "xaso-sync-token.h"
#include "xaso-test-util.h"
#include "xaso-uuid.h"

/* The parts of sync that need no server: the protocol codec's checks, the
 * log's checksum, pulled changes written under pending local work, a
 * conflict settled by a new op, and the back-off. The engine against the
 * real server is tests/sync/test-sync-cli.py. */

#define ROW "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
#define DEVICE "0190a1b2-c3d4-7e5f-8a9b-000000000001"

static XasoSyncPush *
parse (const char  *json,
       GError     **error)
{
  return xaso_sync_push_parse (json, strlen (json), error);
}

static void
test_push_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoSyncPush) push = parse ("{\"device_id\":\"" DEVICE "\",\"ops\":[{\"seq\":1,\"id\":\"" ROW "\","
                                        "\"hlc\":5,\"actor\":\"u\",\"table\":\"person\",\"row\":\"" ROW "\","
                                        "\"kind\":\"update\",\"fields\":{\"full_name\":{\"new\":\"Nguyễn Văn An\","
                                        "\"old\":null,\"base\":3}},\"resolves\":[\"" ROW "\"]}]}", &error);
  static const char * const broken[] = {
    "not json",
    "[1]",
    "{\"device_id\":\"x\",\"ops\":[]}",
    "{\"device_id\":\"" DEVICE "\"}",
    /* an unknown table, an unsafe field name, id, a nested value, an update without its base */
    "{\"device_id\":\"" DEVICE "\",\"ops\":[{\"seq\":1,\"id\":\"" ROW "\",\"hlc\":1,\"actor\":\"u\",\"table\":\"sqlite_schema\",\"row\":\"" ROW "\",\"kind\":\"insert\",\"fields\":{\"a\":{\"new\":1}}}]}",
    "{\"device_id\":\"" DEVICE "\",\"ops\":[{\"seq\":1,\"id\":\"" ROW "\",\"hlc\":1,\"actor\":\"u\",\"table\":\"person\",\"row\":\"" ROW "\",\"kind\":\"insert\",\"fields\":{\"a\\\" = 1; --\":{\"new\":1}}}]}",
    "{\"device_id\":\"" DEVICE "\",\"ops\":[{\"seq\":1,\"id\":\"" ROW "\",\"hlc\":1,\"actor\":\"u\",\"table\":\"person\",\"row\":\"" ROW "\",\"kind\":\"insert\",\"fields\":{\"id\":{\"new\":1}}}]}",
    "{\"device_id\":\"" DEVICE "\",\"ops\":[{\"seq\":1,\"id\":\"" ROW "\",\"hlc\":1,\"actor\":\"u\",\"table\":\"person\",\"row\":\"" ROW "\",\"kind\":\"insert\",\"fields\":{\"a\":{\"new\":[1]}}}]}",
    "{\"device_id\":\"" DEVICE "\",\"ops\":[{\"seq\":1,\"id\":\"" ROW "\",\"hlc\":1,\"actor\":\"u\",\"table\":\"person\",\"row\":\"" ROW "\",\"kind\":\"update\",\"fields\":{\"a\":{\"new\":1}}}]}",
    /* two ops out of order */
    "{\"device_id\":\"" DEVICE "\",\"ops\":[{\"seq\":2,\"id\":\"" ROW "\",\"hlc\":1,\"actor\":\"u\",\"table\":\"person\",\"row\":\"" ROW "\",\"kind\":\"insert\",\"fields\":{\"a\":{\"new\":1}}},"
    "{\"seq\":1,\"id\":\"" ROW "\",\"hlc\":1,\"actor\":\"u\",\"table\":\"person\",\"row\":\"" ROW "\",\"kind\":\"insert\",\"fields\":{\"a\":{\"new\":1}}}]}",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (push->ops->len, ==, 1);
  g_assert_cmpstr (((XasoSyncOp *) g_ptr_array_index (push->ops, 0))->resolves[0], ==, ROW);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) e = NULL;
      g_autoptr(XasoSyncPush) p = parse (broken[i], &e);

      g_assert_null (p);
      g_assert_true (e->domain == XASO_SYNC_ERROR);
      g_assert_cmpint (e->code, ==, i < 2 ? XASO_SYNC_ERROR_BAD_JSON : XASO_SYNC_ERROR_BAD_REQUEST);
      g_assert_cmpuint (xaso_sync_error_http_status (e->code), ==, 400);
    }
}

static void
test_push_limits (void)
{
  g_autoptr(GString) json = g_string_new ("{\"device_id\":\"" DEVICE "\",\"ops\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoSyncPush) push = NULL;
  g_autofree char *huge = g_strnfill (XASO_SYNC_MAX_BODY + 1, ' ');

  for (int i = 1; i <= XASO_SYNC_MAX_OPS + 1; i++)
    g_string_append_printf (json, "%s{\"seq\":%d,\"id\":\"" ROW "\",\"hlc\":1,\"actor\":\"u\",\"table\":\"person\","
                            "\"row\":\"" ROW "\",\"kind\":\"insert\",\"fields\":{\"a\":{\"new\":1}}}", i > 1 ? "," : "", i);
  g_string_append (json, "]}");
  push = parse (json->str, &error);
  g_assert_null (push);
  g_assert_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (xaso_sync_push_parse (huge, strlen (huge), &error));
  g_assert_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOO_LARGE);
  g_assert_cmpuint (xaso_sync_error_http_status (XASO_SYNC_ERROR_TOO_LARGE), ==, 413);
}

/* The canonical text is fixed by PROTOCOL.md: any change to it breaks every
 * desktop's checksum, so the exact bytes are pinned here. */
static void
test_checksum (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"kind\":\"update\",\"row\":\"r\",\"table\":\"person\",\"seq\":7,"
                                               "\"device_id\":\"d\",\"server_seq\":12,\"hlc\":99,\"fields\":"
                                               "{\"z\":1.5,\"a\":\"Đ\\\"/\\n\",\"m\":null}}", NULL);
  g_autofree char *canonical = xaso_sync_entry_canonical (json_node_get_object (node));
  g_autofree char *first = xaso_sync_checksum_next (XASO_SYNC_CHECKSUM_ZERO, canonical);
  g_autofree char *expected = NULL;
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_cmpstr (canonical, ==, "{\"server_seq\":12,\"device_id\":\"d\",\"seq\":7,\"table\":\"person\",\"row\":\"r\","
                                  "\"kind\":\"update\",\"fields\":{\"a\":\"Đ\\\"/\\n\",\"m\":null,\"z\":1.5}}");
  g_checksum_update (sha, (const guchar *) XASO_SYNC_CHECKSUM_ZERO, -1);
  g_checksum_update (sha, (const guchar *) canonical, -1);
  g_assert_cmpstr (first, ==, g_checksum_get_string (sha));
}

static void
test_tokens (void)
{
  g_autofree char *token = xaso_sync_token_make ("80001", DEVICE, "s3cr3t-s3cr3t-s3cr3t");
  g_autofree char *commune = NULL, *device = NULL, *secret = NULL;

  g_assert_true (xaso_sync_token_parse (token, &commune, &device, &secret));
  g_assert_cmpstr (commune, ==, "80001");
  g_assert_cmpstr (device, ==, DEVICE);
  g_assert_cmpstr (secret, ==, "s3cr3t-s3cr3t-s3cr3t");
  g_assert_false (xaso_sync_token_parse ("80001." DEVICE ".short", &commune, &device, &secret));
  g_assert_false (xaso_sync_token_parse ("8000x." DEVICE ".s3cr3t-s3cr3t-s3cr3t", &commune, &device, &secret));
  g_assert_false (xaso_sync_token_parse ("80001.not-a-uuid.s3cr3t-s3cr3t-s3cr3t", &commune, &device, &secret));
  g_assert_false (xaso_sync_token_parse (NULL, &commune, &device, &secret));
}

/* The device token goes to the keyring where one answers; with none (no
 * session bus here, as in CI) or XASO_KEYRING=file it stays in the
 * database, and a keyring that later does not give it back is an error
 * that says what to do, not an empty token. */
static void
test_token_kept (void)
{
  g_autofree char *path = xaso_test_temp_path ("token.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL, *found = NULL, *missing = NULL;

  g_assert_null (xaso_sync_token_lookup (db, &error));
  g_assert_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOKEN_MISSING);
  g_clear_error (&error);

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/xaso-no-bus", TRUE);
  kept = xaso_sync_token_keep (db, "80001." DEVICE ".s3cr3t-s3cr3t-s3cr3t");
  g_assert_cmpstr (kept, ==, "80001." DEVICE ".s3cr3t-s3cr3t-s3cr3t");
  g_assert_true (xaso_database_set_state (db, XASO_SYNC_KEY_TOKEN, kept, &error));
  found = xaso_sync_token_lookup (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, kept);

  g_assert_true (xaso_database_set_state (db, XASO_SYNC_KEY_TOKEN, "@keyring", &error));
  missing = xaso_sync_token_lookup (db, &error);
  g_assert_null (missing);
  g_assert_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOKEN_MISSING);
  g_assert_cmpstr (error->message, !=, "");
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
}

static char *
add_person (XasoDatabase *db,
            const char   *name)
{
  g_autofree char *id = xaso_uuid_new ();
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "person", id);
  g_autoptr(GError) error = NULL;

  xaso_change_set_text (change, "full_name", name);
  xaso_change_set_text (change, "name_folded", name);
  xaso_change_set_text (change, "sort_key", name);
  g_assert_true (xaso_change_apply (change, db, "test", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

static char *
person_field (XasoDatabase *db,
              const char   *id,
              const char   *field)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM person WHERE id = '%s'", field, id);

  return xaso_test_string (db, sql);
}

static gboolean
apply_remote (XasoDatabase      *db,
              XasoRemoteChange  *change,
              GError           **error)
{
  return xaso_database_begin (db, error) && xaso_remote_change_apply (db, change, NULL, error) &&
         xaso_database_commit (db, error);
}

/* A pulled change never overwrites a field with local work waiting to be
 * pushed; its other fields are written, with their versions. */
static void
test_pull_under_pending_work (void)
{
  g_autofree char *path = xaso_test_temp_path ("sync.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *id = add_person (db, "Lê Văn Tám");
  g_autoptr(XasoChange) edit = xaso_change_new (XASO_CHANGE_UPDATE, "person", id);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *phone = NULL, *other = NULL;
  g_autofree char *other_id = xaso_uuid_new ();
  XasoRemoteChange change = { "person", id, "update", fields, 40, 1 };
  XasoRemoteChange insert = { "person", other_id, "insert", fields, 41, (gint64) 1700000000000 << 16 };

  /* The insert was pushed and acknowledged; the phone's edit still waits. */
  g_assert_true (xaso_database_exec (db, "DELETE FROM outbox", &error));
  xaso_change_set_text (edit, "phone", "0901234567");
  g_assert_true (xaso_change_apply (edit, db, "test", &error));
  json_object_set_string_member (fields, "phone", "0912000000");
  json_object_set_string_member (fields, "full_name", "Lê Văn Tám (đã sửa)");
  json_object_set_string_member (fields, "name_folded", "le van tam");
  json_object_set_string_member (fields, "sort_key", "tam");
  g_assert_true (apply_remote (db, &change, &error));
  g_assert_no_error (error);
  phone = person_field (db, id, "phone");
  name = person_field (db, id, "full_name");
  g_assert_cmpstr (phone, ==, "0901234567");
  g_assert_cmpstr (name, ==, "Lê Văn Tám (đã sửa)");
  g_assert_cmpint (xaso_test_count (db, "SELECT version FROM field_version WHERE field = 'full_name'"), ==, 40);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM field_version WHERE field = 'phone'"), ==, 0);

  /* A row made elsewhere is created, and no op is captured for it. */
  g_assert_true (apply_remote (db, &insert, &error));
  g_assert_no_error (error);
  other = person_field (db, other_id, "full_name");
  g_assert_cmpstr (other, ==, "Lê Văn Tám (đã sửa)");
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 1);
  /* Its fields' versions are one row, and the next edit builds on it. */
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM field_version WHERE version = 41 AND field = '*'"),
                   ==, 1);
  {
    g_autoptr(XasoChange) later = xaso_change_new (XASO_CHANGE_UPDATE, "person", other_id);
    g_autofree char *op = NULL;

    xaso_change_set_text (later, "phone", "0988000111");
    g_assert_true (xaso_change_apply (later, db, "test", &error));
    op = xaso_test_string (db, "SELECT fields FROM outbox ORDER BY device_seq DESC LIMIT 1");
    g_assert_nonnull (strstr (op, "\"base\":41"));
  }

  /* A change to a record this replica never had is refused, not invented. */
  change.row_id = ROW;
  g_assert_false (apply_remote (db, &change, &error));
  g_assert_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND);
  xaso_database_rollback (db);
}

static void
add_conflict (XasoDatabase *db,
              const char   *conflict_id,
              const char   *row_id,
              const char   *other_device)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO field_conflict (id, table_name, row_id, field, local_value, remote_value, detected_at, "
    "kept_version, other_actor, other_device) VALUES ('%s', 'person', '%s', 'phone', '\"0902\"', '\"0901\"', "
    "'2026-12-06T10:00:00+07:00', 5, 'someone', '%s')", conflict_id, row_id, other_device);
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_database_exec (db, sql, &error));
}

/* Settling a conflict is a new op naming it, sent even when the value kept
 * is the one already shown, and audited; the conflict leaves the list. */
static void
test_resolve (void)
{
  g_autofree char *path = xaso_test_temp_path ("sync.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *id = add_person (db, "Phạm Thị Hoa");
  g_autofree char *first = xaso_uuid_new (), *second = xaso_uuid_new ();
  g_autoptr(XasoChange) edit = xaso_change_new (XASO_CHANGE_UPDATE, "person", id);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resolves = NULL, *phone = NULL;

  xaso_change_set_text (edit, "phone", "0901");
  g_assert_true (xaso_change_apply (edit, db, "test", &error));
  g_assert_true (xaso_database_exec (db, "DELETE FROM outbox", &error));
  add_conflict (db, first, id, xaso_database_get_device_id (db));
  add_conflict (db, second, id, "elsewhere");
  open = xaso_sync_conflicts_list (db, &error);
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_true (((XasoSyncConflict *) g_ptr_array_index (open, 0))->other_is_mine !=
                 ((XasoSyncConflict *) g_ptr_array_index (open, 1))->other_is_mine);

  g_assert_true (xaso_sync_conflict_resolve (db, first, XASO_SYNC_KEEP_KEPT, NULL, "leader", &error));
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox WHERE table_name = 'person'"), ==, 1);
  resolves = xaso_test_string (db, "SELECT resolves FROM outbox WHERE table_name = 'person'");
  g_assert_nonnull (strstr (resolves, first));
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM audit_event WHERE purpose = 'sync-conflict'"), ==, 1);

  g_assert_true (xaso_sync_conflict_resolve (db, second, XASO_SYNC_KEEP_VALUE, "0903", "leader", &error));
  phone = person_field (db, id, "phone");
  g_assert_cmpstr (phone, ==, "0903");
  g_clear_pointer (&open, g_ptr_array_unref);
  open = xaso_sync_conflicts_list (db, &error);
  g_assert_cmpuint (open->len, ==, 0);
  g_assert_false (xaso_sync_conflict_resolve (db, second, XASO_SYNC_KEEP_KEPT, NULL, "leader", &error));
  g_assert_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND);
}

static void
test_backoff (void)
{
  g_assert_cmpfloat (xaso_sync_backoff_seconds (0, 0.7), ==, 0);
  g_assert_cmpfloat (xaso_sync_backoff_seconds (1, 0.0), ==, 1.0);
  g_assert_cmpfloat (xaso_sync_backoff_seconds (1, 1.0), ==, 3.0);
  g_assert_cmpfloat (xaso_sync_backoff_seconds (3, 0.5), ==, 8.0);
  for (guint n = 9; n < 40; n++)
    g_assert_cmpfloat (xaso_sync_backoff_seconds (n, 0.999), <=, 450.0);
  g_assert_cmpfloat (xaso_sync_backoff_seconds (30, 0.5), ==, 300.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/protocol/push-parse", test_push_parse);
  g_test_add_func ("/sync/protocol/limits", test_push_limits);
  g_test_add_func ("/sync/protocol/checksum", test_checksum);
  g_test_add_func ("/sync/protocol/tokens", test_tokens);
  g_test_add_func ("/sync/token/kept", test_token_kept);
  g_test_add_func ("/sync/pull/under-pending-work", test_pull_under_pending_work);
  g_test_add_func ("/sync/conflicts/resolve", test_resolve);
  g_test_add_func ("/sync/engine/backoff", test_backoff);
  return g_test_run ();
}
