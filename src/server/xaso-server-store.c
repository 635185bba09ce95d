/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-json.h"
#include "xaso-server-store.h"

PGresult *
xaso_server_store_run_set (XasoPg      *pg,
                           const char  *name,
                           const char  *sql,
                           const char  *commune,
                           GString     *records,
                           GError     **error)
{
  const char *values[] = { commune, records->str };

  return xaso_pg_query (pg, name, sql, 2, values, error);
}

void
xaso_server_store_defer_set (XasoPg     *pg,
                             const char *name,
                             const char *sql,
                             const char *commune,
                             GString    *records)
{
  const char *values[] = { commune, records->str };

  xaso_pg_defer (pg, name, sql, 2, values);
}

XasoApply *
xaso_server_store_begin (XasoPg      *pg,
                         const char  *commune,
                         const char  *device,
                         GError     **error)
{
  const char *values[] = { commune };
  g_autoptr(PGresult) result = NULL;

  result = xaso_pg_query (pg, "push_lock",
                          "SELECT next, checksum FROM counter WHERE commune_code = $1 FOR UPDATE",
                          1, values, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) != 1)
    {
      g_set_error (error, XASO_PG_ERROR, XASO_PG_ERROR_SQL, "commune %s has no counter row", commune);
      return NULL;
    }
  return xaso_apply_new (device, g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10), PQgetvalue (result, 0, 1));
}

void
xaso_server_store_add_key (GString    *keys,
                           const char *table,
                           const char *row)
{
  xaso_json_next_record (keys);
  g_string_append (keys, "{\"t\":");
  xaso_sync_json_append_string (keys, table);
  g_string_append (keys, ",\"r\":");
  xaso_sync_json_append_string (keys, row);
  g_string_append_c (keys, '}');
}

static void
mark_claimed (XasoApply *apply,
              PGresult  *claimed_rows)
{
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *key;
  XasoApplyRow *row;

  for (int i = 0; i < PQntuples (claimed_rows); i++)
    g_hash_table_add (claimed, g_strconcat (PQgetvalue (claimed_rows, i, 0), "/",
                                            PQgetvalue (claimed_rows, i, 1), NULL));
  g_hash_table_iter_init (&iter, xaso_apply_get_rows (apply));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &row))
    if (row->claimable && !row->held)
      row->claimable = row->held = g_hash_table_contains (claimed, key);
}

/* An id held by another commune is refused by row_head_one_commune, which
 * ON CONFLICT turns into "not returned" instead of an error that would end
 * the transaction. */
gboolean
xaso_server_store_claim (XasoPg      *pg,
                         const char  *commune,
                         XasoApply   *apply,
                         GString     *keys,
                         GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  result = xaso_server_store_run_set (pg, "push_claim",
                                      "INSERT INTO row_head (commune_code, table_name, row_id, deleted, version) "
                                      "SELECT $1, k.t, k.r, false, 0 FROM json_to_recordset($2::json) AS k(t text, r text) "
                                      "ON CONFLICT DO NOTHING RETURNING table_name, row_id",
                                      commune, keys, error);
  if (result == NULL)
    return FALSE;
  mark_claimed (apply, result);
  return TRUE;
}

static void
add_field_record (GString              *fields,
                  const XasoApplyRow   *row,
                  const char           *name,
                  const XasoApplyField *field)
{
  g_autoptr(GString) value = g_string_new (NULL);

  /* As JSON text, so that a JSON null stays a value, not SQL NULL. */
  xaso_sync_json_append_value (value, field->value);
  xaso_json_next_record (fields);
  g_string_append (fields, "{\"t\":");
  xaso_sync_json_append_string (fields, row->table);
  g_string_append (fields, ",\"r\":");
  xaso_sync_json_append_string (fields, row->row);
  g_string_append (fields, ",\"f\":");
  xaso_sync_json_append_string (fields, name);
  g_string_append (fields, ",\"j\":");
  xaso_sync_json_append_string (fields, value->str);
  g_string_append_printf (fields, ",\"v\":%" G_GINT64_FORMAT ",\"d\":", field->version);
  xaso_sync_json_append_string (fields, field->device);
  g_string_append_c (fields, '}');
}

static void
add_row_records (GString      *heads,
                 GString      *fields,
                 XasoApplyRow *row)
{
  GHashTableIter iter;
  const char *name;
  XasoApplyField *field;

  xaso_json_next_record (heads);
  g_string_append (heads, "{\"t\":");
  xaso_sync_json_append_string (heads, row->table);
  g_string_append (heads, ",\"r\":");
  xaso_sync_json_append_string (heads, row->row);
  g_string_append_printf (heads, ",\"d\":%s,\"v\":%" G_GINT64_FORMAT "}", row->deleted ? "true" : "false",
                          row->version);
  g_hash_table_iter_init (&iter, row->fields);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &field))
    if (field->dirty)
      add_field_record (fields, row, name, field);
}

/* The heads of new rows whose ids were not claimed before: inserted, not
 * upserted, so that an id another commune holds (row_head_one_commune) is
 * not returned instead of failing the transaction. */
static gboolean
store_new_heads (XasoPg      *pg,
                 const char  *commune,
                 GString     *heads,
                 guint        n_heads,
                 gboolean    *claimed_all,
                 GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  if (n_heads == 0)
    return TRUE;
  result = xaso_server_store_run_set (pg, "push_store_new_heads",
                                      "INSERT INTO row_head (commune_code, table_name, row_id, deleted, version) "
                                      "SELECT $1, r.t, r.r, r.d, r.v "
                                      "FROM json_to_recordset($2::json) AS r(t text, r text, d boolean, v bigint) "
                                      "ON CONFLICT DO NOTHING RETURNING 1",
                                      commune, heads, error);
  if (result == NULL)
    return FALSE;
  if ((guint) PQntuples (result) == n_heads)
    return TRUE;
  if (claimed_all == NULL)
    {
      g_set_error (error, XASO_PG_ERROR, XASO_PG_ERROR_SQL, "a new row's id is held by another commune");
      return FALSE;
    }
  *claimed_all = FALSE;
  return TRUE;
}

gboolean
xaso_server_store_rows (XasoPg      *pg,
                        const char  *commune,
                        XasoApply   *apply,
                        gboolean    *claimed_all,
                        GError     **error)
{
  g_autoptr(GString) heads = g_string_new ("[");
  g_autoptr(GString) new_heads = g_string_new ("[");
  g_autoptr(GString) fields = g_string_new ("[");
  g_autoptr(GString) new_fields = g_string_new ("[");
  g_autoptr(GString) unclaimed = g_string_new ("[");
  GHashTableIter iter;
  XasoApplyRow *row;
  guint n_new = 0;

  if (claimed_all != NULL)
    *claimed_all = TRUE;
  g_hash_table_iter_init (&iter, xaso_apply_get_rows (apply));
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    if (row->dirty && !row->held)
      {
        add_row_records (new_heads, new_fields, row);
        n_new++;
      }
    else if (row->dirty)
      add_row_records (heads, fields, row);
    else if (row->claimable && row->held)
      xaso_server_store_add_key (unclaimed, row->table, row->row);   /* its insert was rejected after all */
  g_string_append_c (heads, ']');
  g_string_append_c (new_heads, ']');
  g_string_append_c (fields, ']');
  g_string_append_c (new_fields, ']');
  g_string_append_c (unclaimed, ']');

  if (!store_new_heads (pg, commune, new_heads, n_new, claimed_all, error))
    return FALSE;
  if (claimed_all != NULL && !*claimed_all)
    return TRUE;
  if (heads->len > 2)
    xaso_server_store_defer_set (pg, "push_store_heads",
                                 "INSERT INTO row_head (commune_code, table_name, row_id, deleted, version) "
                                 "SELECT $1, r.t, r.r, r.d, r.v "
                                 "FROM json_to_recordset($2::json) AS r(t text, r text, d boolean, v bigint) "
                                 "ON CONFLICT (commune_code, table_name, row_id) "
                                 "DO UPDATE SET deleted = EXCLUDED.deleted, version = EXCLUDED.version",
                                 commune, heads);
  if (fields->len > 2)
    xaso_server_store_defer_set (pg, "push_store_fields",
                                 "INSERT INTO row_field (commune_code, table_name, row_id, field, value, "
                                 "version, device_id) SELECT $1, r.t, r.r, r.f, r.j::jsonb, r.v, r.d "
                                 "FROM json_to_recordset($2::json) "
                                 "AS r(t text, r text, f text, j text, v bigint, d text) "
                                 "ON CONFLICT (commune_code, table_name, row_id, field) "
                                 "DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version, "
                                 "device_id = EXCLUDED.device_id",
                                 commune, fields);
  /* A row whose head was just inserted has no field yet: plain inserts,
   * which spare each field the upsert's extra probe of the index. */
  if (new_fields->len > 2)
    xaso_server_store_defer_set (pg, "push_store_new_fields",
                                 "INSERT INTO row_field (commune_code, table_name, row_id, field, value, "
                                 "version, device_id) SELECT $1, r.t, r.r, r.f, r.j::jsonb, r.v, r.d "
                                 "FROM json_to_recordset($2::json) "
                                 "AS r(t text, r text, f text, j text, v bigint, d text)",
                                 commune, new_fields);
  if (unclaimed->len > 2)
    xaso_server_store_defer_set (pg, "push_unclaim",
                                 "DELETE FROM row_head h USING json_to_recordset($2::json) AS k(t text, r text) "
                                 "WHERE h.commune_code = $1 AND h.table_name = k.t AND h.row_id = k.r "
                                 "AND h.version = 0",
                                 commune, unclaimed);
  return TRUE;
}

gboolean
xaso_server_store_log (XasoPg      *pg,
                       const char  *commune,
                       const char  *device,
                       XasoApply   *apply,
                       GError     **error)
{
  GPtrArray *entries = xaso_apply_get_entries (apply);
  g_autoptr(GString) records = g_string_new ("[");
  const char *values[3] = { commune, NULL, device };

  if (entries->len == 0)
    return TRUE;
  for (guint i = 0; i < entries->len; i++)
    {
      XasoApplyEntry *entry = g_ptr_array_index (entries, i);

      xaso_json_next_record (records);
      g_string_append_printf (records, "{\"s\":%" G_GINT64_FORMAT ",\"q\":%" G_GINT64_FORMAT ",\"e\":",
                              entry->server_seq, entry->seq);
      xaso_sync_json_append_string (records, entry->entry);
      g_string_append_printf (records, ",\"c\":\"%s\"}", entry->checksum);
    }
  g_string_append_c (records, ']');
  values[1] = records->str;
  xaso_pg_defer (pg, "push_store_log",
                          "INSERT INTO log (commune_code, server_seq, device_id, seq, entry, checksum) "
                          "SELECT $1, r.s, $3, r.q, r.e, r.c "
                 "FROM json_to_recordset($2::json) AS r(s bigint, q bigint, e text, c text)",
                 3, values);
  return TRUE;
}

gboolean
xaso_server_store_counter (XasoPg      *pg,
                           const char  *commune,
                           XasoApply   *apply,
                           GError     **error)
{
  g_autofree char *next = g_strdup_printf ("%" G_GINT64_FORMAT, xaso_apply_get_next_server_seq (apply));
  const char *values[] = { commune, next, xaso_apply_get_checksum (apply) };

  if (xaso_apply_get_entries (apply)->len == 0)
    return TRUE;
  xaso_pg_defer (pg, "push_counter", "UPDATE counter SET next = $2, checksum = $3 WHERE commune_code = $1",
                 3, values);
  xaso_pg_defer (pg, "push_notify", "SELECT pg_notify('xaso_log', $1)", 1, values);
  return TRUE;
}
