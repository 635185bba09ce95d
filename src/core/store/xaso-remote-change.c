/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-change.h"
#include "xaso-database-private.h"
#include "xaso-hlc.h"
#include "xaso-remote-change.h"

/* The fields that local ops still waiting to be pushed change in a row,
 * read in one query (a set of interned names). */
static GHashTable *
pending_fields (XasoDatabase  *db,
                const char    *table,
                const char    *row_id,
                GError       **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT DISTINCT f.key FROM outbox o, json_each (o.fields) f WHERE o.row_id = ?1 AND o.table_name = ?2",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (fields, (gpointer) g_intern_string (xaso_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error), NULL;
  return g_steal_pointer (&fields);
}

/* A field to write, and its value as pulled. */
typedef struct
{
  const char *name;
  JsonNode   *node;
} Field;

/* The fields to write: those of this schema, not overridden by local work.
 * The table's columns are looked up once per row, not once per field. */
static GArray *
fields_to_write (XasoDatabase           *db,
                 const XasoRemoteChange *change,
                 gboolean                exists,
                 guint                  *n_skipped,
                 GError                **error)
{
  g_autoptr(GArray) fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), json_object_get_size (change->fields));
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GError) local = NULL;
  GHashTable *columns = _xaso_change_columns (db, change->table, &local);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), NULL;
  /* A row new here can have no local work waiting on it. */
  if (exists && (pending = pending_fields (db, change->table, change->row_id, error)) == NULL)
    return NULL;
  json_object_iter_init (&iter, change->fields);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (columns == NULL || !g_hash_table_contains (columns, name))
        {
          /* The server is newer than this program: the value is kept
           * aside, never dropped, until an upgrade adds its column. */
          if (!_xaso_database_keep_field (db, change->table, change->row_id, name, node, change->server_seq,
                                          change->hlc, error))
            return NULL;
          g_message ("Field “%s” of “%s” is not in this version's schema; kept until an upgrade adds it",
                     name, change->table);
          (*n_skipped)++;
          continue;
        }
      if (g_str_equal (name, "id") || g_str_equal (name, "commune_code"))
        continue;
      if (pending == NULL || !g_hash_table_contains (pending, g_intern_string (name)))
        g_array_append_val (fields, ((Field) { name, node }));
    }
  return g_steal_pointer (&fields);
}

static void
bind_json (sqlite3_stmt *stmt,
           int           index,
           JsonNode     *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (node));
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}

static gboolean
row_exists (XasoDatabase  *db,
            const char    *table,
            const char    *row_id,
            gboolean      *exists,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?", table);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_STATIC);
  *exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

typedef struct
{
  GTimeZone *zone;
  gint64     read_at;     /* monotonic µs */
  gint64     second;      /* of text, in zone */
  char      *text;
} LocalZone;

static void
local_zone_free (LocalZone *local)
{
  g_clear_pointer (&local->zone, g_time_zone_unref);
  g_free (local->text);
  g_free (local);
}

/* The local time zone, read again once a minute rather than for every row
 * (reading it looks at /etc/localtime each time): a pull writes thousands.
 * With it the last time written, as rows made in one second come together. */
static LocalZone *
local_zone (void)
{
  static GPrivate key = G_PRIVATE_INIT ((GDestroyNotify) local_zone_free);
  LocalZone *local = g_private_get (&key);
  gint64 now = g_get_monotonic_time ();

  if (local == NULL)
    {
      local = g_new0 (LocalZone, 1);
      g_private_set (&key, local);
    }
  if (local->zone == NULL || now - local->read_at > 60 * G_USEC_PER_SEC)
    {
      g_clear_pointer (&local->zone, g_time_zone_unref);
      g_clear_pointer (&local->text, g_free);
      local->zone = g_time_zone_new_local ();
      local->read_at = now;
    }
  return local;
}

/* The time a row made elsewhere was created, from its op's clock, so every
 * replica writes the same. */
static char *
hlc_to_iso (gint64 hlc)
{
  LocalZone *zone = local_zone ();
  gint64 second = XASO_HLC_PHYSICAL (hlc) / 1000;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (zone->text != NULL && zone->second == second)
    return g_strdup (zone->text);
  utc = g_date_time_new_from_unix_utc (second);
  if (utc == NULL)
    return xaso_now_iso ();
  local = g_date_time_to_timezone (utc, zone->zone);
  g_free (zone->text);
  zone->text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
  zone->second = second;
  return g_strdup (zone->text);
}

/* The names of @fields, NULL-terminated (borrowed from the change). */
static const char **
field_names (GArray *fields)
{
  const char **names = g_new (const char *, fields->len + 1);

  for (guint i = 0; i < fields->len; i++)
    names[i] = g_array_index (fields, Field, i).name;
  names[fields->len] = NULL;
  return names;
}

static gboolean
insert_row (XasoDatabase           *db,
            const XasoRemoteChange *change,
            GArray                 *fields,
            GError                **error)
{
  gboolean times = !xaso_change_table_is_history (change->table);
  g_autofree char *created = hlc_to_iso (change->hlc);
  g_autofree const char **names = field_names (fields);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int index = 3;

  sql = _xaso_change_insert_sql (change->table, names, fields->len);
  stmt = xaso_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  for (guint i = 0; i < fields->len; i++)
    bind_json (stmt, index++, g_array_index (fields, Field, i).node);
  if (times)
    {
      sqlite3_bind_text (stmt, index++, created, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, index++, created, -1, SQLITE_STATIC);
    }
  return xaso_database_step_done (db, stmt, error);
}

static gboolean
update_row (XasoDatabase           *db,
            const XasoRemoteChange *change,
            GArray                 *fields,
            GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *now = xaso_now_iso ();
  sqlite3_stmt *stmt;
  int index = 1;

  if (fields->len == 0)
    return TRUE;
  g_string_printf (sql, "UPDATE \"%s\" SET ", change->table);
  for (guint i = 0; i < fields->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?", i ? ", " : "", g_array_index (fields, Field, i).name);
  if (!xaso_change_table_is_history (change->table))
    g_string_append (sql, ", updated_at = ?");
  g_string_append (sql, " WHERE id = ?");
  stmt = xaso_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < fields->len; i++)
    bind_json (stmt, index++, g_array_index (fields, Field, i).node);
  if (!xaso_change_table_is_history (change->table))
    sqlite3_bind_text (stmt, index++, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, index, change->row_id, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

gboolean
xaso_remote_change_set_versions (XasoDatabase  *db,
                                 const char    *table,
                                 const char    *row_id,
                                 const char   **fields,
                                 gint64         server_seq,
                                 gint64         hlc,
                                 GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT INTO field_version (table_name, row_id, field, version, hlc) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (table_name, row_id, field) DO UPDATE SET version = excluded.version, hlc = excluded.hlc "
    "WHERE excluded.version > field_version.version", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; fields[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, fields[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, server_seq);
      sqlite3_bind_int64 (stmt, 5, hlc);
      if (!xaso_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
xaso_remote_change_set_row_version (XasoDatabase  *db,
                                    const char    *table,
                                    const char    *row_id,
                                    gint64         server_seq,
                                    gint64         hlc,
                                    GError       **error)
{
  const char *all[] = { "*", NULL };

  return xaso_remote_change_set_versions (db, table, row_id, all, server_seq, hlc, error);
}

gboolean
xaso_remote_change_apply (XasoDatabase           *db,
                          const XasoRemoteChange *change,
                          guint                  *n_skipped,
                          GError                **error)
{
  g_autoptr(GArray) fields = NULL;
  g_autofree const char **names = NULL;
  guint skipped = 0;
  gboolean exists;

  g_return_val_if_fail (xaso_database_in_transaction (db), FALSE);

  if (!row_exists (db, change->table, change->row_id, &exists, error))
    return FALSE;
  if (!exists && !g_str_equal (change->kind, "insert"))
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND,
                   _("The server changed a record this computer does not have (%s %s)."),
                   change->table, change->row_id);
      return FALSE;
    }
  fields = fields_to_write (db, change, exists, &skipped, error);
  if (n_skipped != NULL)
    *n_skipped = skipped;
  if (fields == NULL)
    return FALSE;
  if (!exists)
    return insert_row (db, change, fields, error) &&
           xaso_remote_change_set_row_version (db, change->table, change->row_id, change->server_seq,
                                               change->hlc, error);
  if (!update_row (db, change, fields, error))
    return FALSE;
  names = field_names (fields);
  return xaso_remote_change_set_versions (db, change->table, change->row_id, names, change->server_seq,
                                          change->hlc, error);
}
