/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "xaso-audit.h"
#include "xaso-change.h"
#include "xaso-sync-conflicts.h"
#include "xaso-sync-history.h"

#define CONFLICT_COLUMNS \
  "id, table_name, row_id, field, remote_value, local_value, other_actor, other_device, " \
  "coalesce (kept_version, 0), coalesce (other_at, 0), detected_at"

void
xaso_sync_conflict_free (XasoSyncConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->id);
  g_free (conflict->table);
  g_free (conflict->row_id);
  g_free (conflict->record);
  g_free (conflict->field);
  g_free (conflict->kept);
  g_free (conflict->other);
  g_free (conflict->other_actor);
  g_free (conflict->other_device);
  g_free (conflict->detected_at);
  g_free (conflict);
}

static XasoSyncConflict *
read_conflict (XasoDatabase *db,
               sqlite3_stmt *stmt)
{
  XasoSyncConflict *c = g_new0 (XasoSyncConflict, 1);

  c->id = g_strdup (xaso_column_text (stmt, 0));
  c->table = g_strdup (xaso_column_text (stmt, 1));
  c->row_id = g_strdup (xaso_column_text (stmt, 2));
  c->field = g_strdup (xaso_column_text (stmt, 3));
  c->kept = g_strdup (xaso_column_text (stmt, 4));
  c->other = g_strdup (xaso_column_text (stmt, 5));
  c->other_actor = g_strdup (xaso_column_text (stmt, 6));
  c->other_device = g_strdup (xaso_column_text (stmt, 7));
  c->kept_at = sqlite3_column_int64 (stmt, 8);
  c->other_at = sqlite3_column_int64 (stmt, 9);
  c->detected_at = g_strdup (xaso_column_text (stmt, 10));
  c->other_is_mine = g_strcmp0 (c->other_device, xaso_database_get_device_id (db)) == 0;
  return c;
}

GPtrArray *
xaso_sync_conflicts_list (XasoDatabase  *db,
                          GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_sync_conflict_free);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT " CONFLICT_COLUMNS " FROM field_conflict WHERE resolved_at IS NULL ORDER BY detected_at, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_conflict (db, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error), NULL;
  for (guint i = 0; i < list->len; i++)
    {
      XasoSyncConflict *c = g_ptr_array_index (list, i);

      c->record = xaso_sync_record_label (db, c->table, c->row_id);
    }
  return g_steal_pointer (&list);
}

static XasoSyncConflict *
load_open (XasoDatabase  *db,
           const char    *id,
           GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT " CONFLICT_COLUMNS " FROM field_conflict WHERE id = ? AND resolved_at IS NULL", error);
  XasoSyncConflict *conflict = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    conflict = read_conflict (db, stmt);
  sqlite3_reset (stmt);
  if (conflict == NULL)
    g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND,
                 _("There is no open conflict “%s”."), id);
  return conflict;
}

/* The chosen value, as the field's change. */
static gboolean
set_value (XasoChange  *change,
           const char  *field,
           const char  *json,
           GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    xaso_change_set_text (change, field, NULL);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    xaso_change_set_int (change, field, json_node_get_int (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    xaso_change_set_double (change, field, json_node_get_double (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    xaso_change_set_text (change, field, json_node_get_string (node));
  else
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_CONSTRAINT,
                   _("The conflict’s value cannot be read."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  XasoSyncConflict *conflict;
  XasoChange       *change;
  const char       *actor;
} Resolution;

static gboolean
resolve_in_transaction (XasoDatabase  *db,
                        gpointer       data,
                        GError       **error)
{
  Resolution *r = data;
  g_autofree char *now = xaso_now_iso ();
  g_autofree char *detail = g_strdup_printf ("conflict %s, field %s", r->conflict->id, r->conflict->field);
  sqlite3_stmt *stmt;

  if (!xaso_change_apply (r->change, db, r->actor, error))
    return FALSE;
  stmt = xaso_database_prepare (db,
    "UPDATE field_conflict SET resolved_at = ?, resolved_by = ?, resolution = 'here' WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, r->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, r->conflict->id, -1, SQLITE_STATIC);
  if (!xaso_database_step_done (db, stmt, error))
    return FALSE;
  return xaso_audit_append (db, r->actor, XASO_AUDIT_EDIT, r->conflict->table, r->conflict->row_id,
                            "sync-conflict", detail, error);
}

gboolean
xaso_sync_conflict_resolve (XasoDatabase  *db,
                            const char    *id,
                            XasoSyncKeep   keep,
                            const char    *value,
                            const char    *actor,
                            GError       **error)
{
  g_autoptr(XasoSyncConflict) conflict = load_open (db, id, error);
  g_autoptr(XasoChange) change = NULL;
  g_autofree char *typed = NULL;
  const char *ids[] = { id, NULL };
  Resolution resolution;

  if (conflict == NULL)
    return FALSE;
  change = xaso_change_new (XASO_CHANGE_UPDATE, conflict->table, conflict->row_id);
  xaso_change_set_resolves (change, ids);
  if (keep == XASO_SYNC_KEEP_VALUE)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);

      typed = json_to_string (node, FALSE);
      if (!set_value (change, conflict->field, typed, error))
        return FALSE;
    }
  else if (!set_value (change, conflict->field, keep == XASO_SYNC_KEEP_KEPT ? conflict->kept : conflict->other, error))
    return FALSE;
  resolution = (Resolution) { conflict, change, actor };
  return xaso_database_run_atomically (db, resolve_in_transaction, &resolution, error);
}
