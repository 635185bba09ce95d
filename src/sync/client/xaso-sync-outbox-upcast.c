/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include "xaso-sync-outbox-upcast.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-upcast.h"

/* One outbox row as the part of an op the upcasters read and write. */
static JsonNode *
row_op (sqlite3_stmt *stmt)
{
  g_autoptr(JsonNode) fields = json_from_string (xaso_column_text (stmt, 3), NULL);
  JsonObject *op = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (op, "table", xaso_column_text (stmt, 1));
  json_object_set_string_member (op, "kind", xaso_column_text (stmt, 2));
  if (fields != NULL)
    json_object_set_member (op, "fields", json_node_ref (fields));
  json_node_take_object (node, op);
  return node;
}

static gboolean
rewrite (XasoDatabase  *db,
         gint64         seq,
         JsonNode      *op,
         GError       **error)
{
  JsonObject *object = json_node_get_object (op);
  g_autofree char *fields = json_to_string (json_object_get_member (object, "fields"), FALSE);
  sqlite3_stmt *stmt = xaso_database_prepare (db, "UPDATE outbox SET table_name = ?, fields = ? WHERE device_seq = ?",
                                              error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, xaso_sync_member_string (object, "table"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, fields, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, seq);
  return xaso_database_step_done (db, stmt, error);
}

static gboolean
upcast_all (XasoDatabase  *db,
            gpointer       data,
            GError       **error)
{
  gint64 from = *(gint64 *) data;
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *now = g_strdup_printf ("%d", xaso_database_get_schema_version (db));
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT device_seq, table_name, kind, fields FROM outbox "
                                                  "ORDER BY device_seq", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Read first, write after: the statement is not stepped while rows change. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) op = row_op (stmt);
      JsonNode *upcast = xaso_sync_upcast_op (op, from);

      if (upcast == op)
        {
          json_node_unref (upcast);
          continue;
        }
      g_array_append_val (seqs, ((gint64) { sqlite3_column_int64 (stmt, 0) }));
      g_ptr_array_add (ops, upcast);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error);
  for (guint i = 0; i < ops->len; i++)
    if (!rewrite (db, g_array_index (seqs, gint64, i), g_ptr_array_index (ops, i), error))
      return FALSE;
  return xaso_database_set_state (db, "outbox_schema", now, error);
}

gboolean
xaso_sync_outbox_upcast (XasoDatabase  *db,
                         GError       **error)
{
  g_autofree char *kept = xaso_database_get_state (db, "outbox_schema");
  gint64 from;

  if (kept == NULL || (from = g_ascii_strtoll (kept, NULL, 10)) >= xaso_database_get_schema_version (db))
    return TRUE;
  g_debug ("Upcasting the outbox from schema %" G_GINT64_FORMAT, from);
  return xaso_database_run_atomically (db, upcast_all, &from, error);
}
