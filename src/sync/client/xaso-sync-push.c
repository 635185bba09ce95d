/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-remote-change.h"
#include "xaso-sync-blobs.h"
#include "xaso-sync-outbox-upcast.h"
#include "xaso-sync-push.h"
#include "xaso-sync-settings.h"
#include "xaso-uuid.h"

/* The waiting ops, oldest first, as PROTOCOL.md's push wants them, held
 * ones included: the push stops before them (hold_from). */
static GPtrArray *
read_batch (XasoDatabase  *db,
            GError       **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_sync_op_free);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT device_seq, op_id, hlc, actor, table_name, row_id, kind, fields, resolves FROM outbox "
    "WHERE state = 'pending' OR state = 'held' ORDER BY device_seq LIMIT " G_STRINGIFY (XASO_SYNC_MAX_OPS), error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XasoSyncOp *op = g_new0 (XasoSyncOp, 1);
      g_autoptr(JsonNode) fields = json_from_string (xaso_column_text (stmt, 7), NULL);
      g_autoptr(JsonNode) resolves = NULL;

      op->seq = sqlite3_column_int64 (stmt, 0);
      op->id = g_strdup (xaso_column_text (stmt, 1));
      op->hlc = sqlite3_column_int64 (stmt, 2);
      op->actor = g_strdup (xaso_column_text (stmt, 3));
      op->table = g_strdup (xaso_column_text (stmt, 4));
      op->row = g_strdup (xaso_column_text (stmt, 5));
      op->kind = g_strdup (xaso_column_text (stmt, 6));
      op->fields = fields != NULL && JSON_NODE_HOLDS_OBJECT (fields) ? json_object_ref (json_node_get_object (fields))
                                                                     : json_object_new ();
      if (xaso_column_text (stmt, 8) != NULL &&
          (resolves = json_from_string (xaso_column_text (stmt, 8), NULL)) != NULL && JSON_NODE_HOLDS_ARRAY (resolves))
        {
          JsonArray *ids = json_node_get_array (resolves);

          op->resolves = g_new0 (char *, json_array_get_length (ids) + 1);
          for (guint i = 0; i < json_array_get_length (ids); i++)
            op->resolves[i] = g_strdup (json_array_get_string_element (ids, i));
        }
      g_ptr_array_add (ops, op);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error), NULL;
  return g_steal_pointer (&ops);
}

static char *
encode_push (XasoDatabase *db,
             GPtrArray    *ops)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, xaso_database_get_device_id (db));
  /* The schema the ops are of: the outbox is upcast with each migration
   * (xaso-sync-outbox-upcast.c) before each push, so it is always this
   * database's. */
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, xaso_database_get_schema_version (db));
  json_builder_set_member_name (builder, "ops");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ops->len; i++)
    xaso_sync_op_to_json (g_ptr_array_index (ops, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* One receipt per op sent, in the same order: anything else means the
 * server and this desktop no longer agree on what was sent. */
static GPtrArray *
read_receipts (JsonNode   *answer,
               GPtrArray  *ops,
               GError    **error)
{
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_sync_receipt_free);
  JsonObject *object = json_node_get_object (answer);
  JsonArray *array;

  if (!json_object_has_member (object, "receipts") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "receipts")))
    goto bad;
  array = json_object_get_array_member (object, "receipts");
  if (json_array_get_length (array) != ops->len)
    goto bad;
  for (guint i = 0; i < ops->len; i++)
    {
      XasoSyncReceipt *receipt = xaso_sync_receipt_from_json (json_array_get_element (array, i), error);

      if (receipt == NULL)
        return NULL;
      g_ptr_array_add (receipts, receipt);
      if (receipt->seq != ((XasoSyncOp *) g_ptr_array_index (ops, i))->seq)
        goto bad;
    }
  return g_steal_pointer (&receipts);

bad:
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                       _("The server’s receipts do not match the changes sent."));
  return NULL;
}

static gboolean
store_receipt (XasoDatabase          *db,
               const XasoSyncOp      *op,
               const XasoSyncReceipt *receipt,
               const char            *now,
               GError               **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT OR REPLACE INTO sync_receipt (device_seq, op_id, table_name, row_id, outcome, server_seq, received_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, op->seq);
  sqlite3_bind_text (stmt, 2, op->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, op->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, op->row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, xaso_sync_outcome_name (receipt->outcome), -1, SQLITE_STATIC);
  if (receipt->outcome == XASO_SYNC_REJECTED)
    sqlite3_bind_null (stmt, 6);
  else
    sqlite3_bind_int64 (stmt, 6, receipt->server_seq);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

/* A refused op is kept, with the server's reason, to be shown and edited. */
static gboolean
quarantine (XasoDatabase          *db,
            const XasoSyncOp      *op,
            const XasoSyncReceipt *receipt,
            const char            *now,
            GError               **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = xaso_uuid_new ();
  sqlite3_stmt *stmt;

  xaso_sync_op_to_json (op, builder);
  node = json_builder_get_root (builder);
  text = json_to_string (node, FALSE);
  stmt = xaso_database_prepare (db,
    "INSERT INTO quarantine (id, op_id, table_name, row_id, op, reason_code, reason, received_at, device_seq, actor) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, op->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, op->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, op->row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, receipt->reason_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, receipt->reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, op->seq);
  sqlite3_bind_text (stmt, 10, op->actor, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

/* What the server accepted as it was is now the base of the next edit; a
 * conflict's fields get theirs from the pull that reports it. */
static gboolean
record_versions (XasoDatabase          *db,
                 const XasoSyncOp      *op,
                 const XasoSyncReceipt *receipt,
                 GError               **error)
{
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (receipt->outcome != XASO_SYNC_APPLIED && receipt->outcome != XASO_SYNC_MERGED)
    return TRUE;
  if (g_str_equal (op->kind, "insert"))
    return xaso_remote_change_set_row_version (db, op->table, op->row, receipt->server_seq, op->hlc, error);
  members = json_object_get_members (op->fields);
  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (names, l->data);
  g_ptr_array_add (names, NULL);
  return xaso_remote_change_set_versions (db, op->table, op->row, (const char **) names->pdata,
                                          receipt->server_seq, op->hlc, error);
}

static gboolean
forget_op (XasoDatabase  *db,
           gint64         seq,
           GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "DELETE FROM outbox WHERE device_seq = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  return xaso_database_step_done (db, stmt, error);
}

typedef struct
{
  GPtrArray      *ops;
  GPtrArray      *receipts;
  XasoSyncReport *report;
} Batch;

static gboolean
store_batch (XasoDatabase  *db,
             gpointer       data,
             GError       **error)
{
  Batch *batch = data;
  g_autofree char *now = xaso_now_iso ();

  for (guint i = 0; i < batch->ops->len; i++)
    {
      XasoSyncOp *op = g_ptr_array_index (batch->ops, i);
      XasoSyncReceipt *receipt = g_ptr_array_index (batch->receipts, i);

      if (!store_receipt (db, op, receipt, now, error) ||
          (receipt->outcome == XASO_SYNC_REJECTED && !quarantine (db, op, receipt, now, error)) ||
          !record_versions (db, op, receipt, error) ||
          !forget_op (db, op->seq, error))
        return FALSE;
      batch->report->outcomes[receipt->outcome]++;
    }
  batch->report->sent += batch->ops->len;
  return xaso_database_set_state (db, XASO_SYNC_KEY_LAST_PUSH, now, error);
}

static gboolean
set_held (XasoDatabase  *db,
          gint64         seq,
          const char    *name,
          GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "UPDATE outbox SET state = 'held', held_reason = ? WHERE device_seq = ? AND state != 'held'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seq);
  return xaso_database_step_done (db, stmt, error) && xaso_sync_blobs_queue_upload (db, name, error);
}

static gboolean
release_held (XasoDatabase  *db,
              const char    *name,
              GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "UPDATE outbox SET state = 'pending', held_reason = NULL WHERE state = 'held' AND held_reason = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

/* Ops held before whose blob the server now holds whole, or which this
 * desktop lost, go on: only the few held rows are looked at. */
static gboolean
release_settled (XasoDatabase  *db,
                 GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT DISTINCT held_reason FROM outbox WHERE state = 'held' AND held_reason IS NOT NULL", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (xaso_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < names->len; i++)
    if (!xaso_sync_blob_needs_upload (db, g_ptr_array_index (names, i)) &&
        !release_held (db, g_ptr_array_index (names, i), error))
      return FALSE;
  return TRUE;
}

/* An op naming a blob the server does not have whole yet is held, and the
 * batch stops before it (PROTOCOL.md, "Held ops"): the row must not reach
 * other desktops before its bytes can. It is marked at once, so a desktop
 * that cannot reach the server shows it held. Returns FALSE on a failed
 * write; *@upload is the blob to upload when the batch's first op is held. */
static gboolean
hold_from (XasoDatabase  *db,
           GPtrArray     *ops,
           char         **upload,
           GError       **error)
{
  const char *name = NULL;
  int held;
  XasoSyncOp *op;

  if (!release_settled (db, error))
    return FALSE;
  if ((held = xaso_sync_blobs_first_held (db, ops, &name)) < 0)
    return TRUE;
  op = g_ptr_array_index (ops, held);
  if (!set_held (db, op->seq, name, error))
    return FALSE;
  if (held == 0)
    *upload = g_strdup (name);
  g_ptr_array_set_size (ops, held);
  return TRUE;
}

/* The blob the next op waits for: once the server holds it whole, the ops
 * naming it go with the next batch. */
static int
upload_held (XasoDatabase          *db,
             XasoSyncHttp          *http,
             const char            *name,
             XasoSyncReport        *report,
             GCancellable          *cancellable,
             GError               **error)
{
  if (!xaso_sync_blob_upload (db, http, name, &report->blobs, cancellable, error) ||
      !release_held (db, name, error))
    return -1;
  report->uploaded++;
  return 1;
}

int
xaso_sync_push_batch (XasoDatabase    *db,
                      XasoSyncHttp    *http,
                      XasoSyncReport  *report,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *body = NULL;
  g_autofree char *blob = NULL;
  Batch batch;

  if (!xaso_sync_outbox_upcast (db, error) || (ops = read_batch (db, error)) == NULL ||
      !hold_from (db, ops, &blob, error))
    return -1;
  if (blob != NULL)
    return upload_held (db, http, blob, report, cancellable, error);
  if (ops->len == 0)
    return 0;
  body = encode_push (db, ops);
  answer = xaso_sync_http_call (http, "POST", "/v1/push", body, cancellable, &report->bytes_in, error);
  if (answer == NULL || (receipts = read_receipts (answer, ops, error)) == NULL)
    return -1;
  batch = (Batch) { ops, receipts, report };
  if (!xaso_database_run_atomically (db, store_batch, &batch, error))
    return -1;
  return (int) ops->len;
}
