/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-change.h"
#include "xaso-database-private.h"

/* Fields pulled before this program knew their column (migration 0023):
 * kept in kept_field until an upgrade adds the column, then written into
 * their rows with the versions the server gave them, so the next edit
 * builds on them. */

gboolean
_xaso_database_keep_field (XasoDatabase  *db,
                           const char    *table,
                           const char    *row_id,
                           const char    *field,
                           JsonNode      *value,
                           gint64         version,
                           gint64         hlc,
                           GError       **error)
{
  g_autofree char *text = value != NULL ? json_to_string (value, FALSE) : g_strdup ("null");
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT INTO kept_field (table_name, row_id, field, value, version, hlc) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (table_name, row_id, field) DO UPDATE SET value = excluded.value, version = excluded.version, "
    "hlc = excluded.hlc WHERE excluded.version > kept_field.version", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, version);
  sqlite3_bind_int64 (stmt, 6, hlc);
  return xaso_database_step_done (db, stmt, error);
}

/* Writes one kept column into its rows and versions, then forgets it. The
 * names come from kept_field but are checked against the schema first. */
static gboolean
fold_column (XasoDatabase  *db,
             const char    *table,
             const char    *field,
             GError       **error)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE \"%s\" SET \"%s\" = (SELECT json_extract (k.value, '$') FROM kept_field k WHERE k.table_name = ?1 "
    "AND k.field = ?2 AND k.row_id = \"%s\".id) "
    "WHERE id IN (SELECT row_id FROM kept_field WHERE table_name = ?1 AND field = ?2); "
    "INSERT INTO field_version (table_name, row_id, field, version, hlc) "
    "SELECT table_name, row_id, field, version, hlc FROM kept_field WHERE table_name = ?1 AND field = ?2 "
    "ON CONFLICT (table_name, row_id, field) DO UPDATE SET version = excluded.version, hlc = excluded.hlc "
    "WHERE excluded.version > field_version.version; "
    "DELETE FROM kept_field WHERE table_name = ?1 AND field = ?2", table, field, table);
  const char *next = sql;

  /* Three statements, each bound to the same two names. */
  while (next != NULL && *next != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      const char *tail = NULL;
      int rc = sqlite3_prepare_v2 (xaso_database_get_handle (db), next, -1, &stmt, &tail);

      if (rc != SQLITE_OK)
        return xaso_database_set_error (db, rc, error);
      if (stmt == NULL)
        break;
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return xaso_database_set_error (db, rc, error);
      next = tail;
    }
  return TRUE;
}

gboolean
_xaso_database_fold_kept_fields (XasoDatabase  *db,
                                 GError       **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (!_xaso_database_has_column (db, "kept_field", "field"))
    return TRUE;
  stmt = xaso_database_prepare (db, "SELECT DISTINCT table_name, field FROM kept_field", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = xaso_column_text (stmt, 0);
      const char *field = xaso_column_text (stmt, 1);

      if (g_strv_contains (xaso_change_get_tables (), table) && _xaso_database_has_column (db, table, field))
        {
          g_ptr_array_add (columns, g_strdup (table));
          g_ptr_array_add (columns, g_strdup (field));
        }
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < columns->len; i += 2)
    if (!fold_column (db, g_ptr_array_index (columns, i), g_ptr_array_index (columns, i + 1), error))
      return FALSE;
  return TRUE;
}
