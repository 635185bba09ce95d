/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-json.h"
#include "xaso-server-numbers.h"

/* A number's text whatever JSON type carried it: 5, 5.0 and "5" are the
 * same number; NULL for null or an empty text. */
static char *
number_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.17g", json_node_get_double (node));
    case G_TYPE_STRING:
      {
        g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));
        char *end = NULL;
        gint64 n = g_ascii_strtoll (text, &end, 10);

        if (*text == '\0')
          return NULL;
        /* "05" and "5" name the same document number. */
        if (end != text && *end == '\0')
          return g_strdup_printf ("%" G_GINT64_FORMAT, n);
        return g_steal_pointer (&text);
      }
    default:
      return NULL;
    }
}

/* The op's new value of a field when it sets one, else the row's. */
static JsonNode *
value_of (XasoApplyRow *row,
          JsonObject   *op_fields,
          const char   *name)
{
  JsonNode *change = op_fields ? json_object_get_member (op_fields, name) : NULL;
  XasoApplyField *field;

  if (change != NULL && JSON_NODE_HOLDS_OBJECT (change))
    return json_object_get_member (json_node_get_object (change), "new");
  field = g_hash_table_lookup (row->fields, name);
  return field ? field->value : NULL;
}

gboolean
xaso_server_number_from (const char  *table,
                         JsonNode    *first,
                         JsonNode    *second,
                         char       **series,
                         char       **number)
{
  g_autofree char *register_id = NULL;

  if (g_str_equal (table, "dossier"))
    {
      *number = number_text (first);
      if (*number == NULL)
        return FALSE;
      *series = g_strdup ("dossier");
      return TRUE;
    }
  if (!g_str_equal (table, "document"))
    return FALSE;
  register_id = number_text (first);
  *number = number_text (second);
  if (register_id == NULL || *number == NULL)
    {
      g_clear_pointer (number, g_free);
      return FALSE;
    }
  *series = g_strconcat ("register:", register_id, NULL);
  return TRUE;
}

gboolean
xaso_server_number_of (const char    *table,
                       XasoApplyRow  *row,
                       JsonObject    *op_fields,
                       char         **series,
                       char         **number)
{
  gboolean dossier = g_str_equal (table, "dossier");

  return xaso_server_number_from (table, value_of (row, op_fields, dossier ? "code" : "register_id"),
                                  dossier ? NULL : value_of (row, op_fields, "number"), series, number);
}

static void
add_pair (GString    *records,
          GHashTable *seen,
          const char *series,
          const char *number)
{
  g_autofree char *key = g_strconcat (series, "\n", number, NULL);

  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    return;
  xaso_json_next_record (records);
  g_string_append (records, "{\"s\":");
  xaso_sync_json_append_string (records, series);
  g_string_append (records, ",\"n\":");
  xaso_sync_json_append_string (records, number);
  g_string_append_c (records, '}');
}

/* Every (series, number) a row may hold during the batch: each register
 * and number it has or an op of the batch gives it, crossed. */
static void
add_candidates (GString          *records,
                GHashTable       *seen,
                XasoApply        *apply,
                GPtrArray        *ops,
                const XasoSyncOp *op)
{
  XasoApplyRow *row = xaso_apply_row (apply, op->table, op->row);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) seconds = g_ptr_array_new_with_free_func (g_free);
  gboolean dossier = g_str_equal (op->table, "dossier");
  const char *first_name = dossier ? "code" : "register_id";

  for (guint i = 0; i < ops->len; i++)
    {
      XasoSyncOp *other = g_ptr_array_index (ops, i);

      if (other == NULL || !g_str_equal (other->table, op->table) || !g_str_equal (other->row, op->row))
        continue;
      g_ptr_array_add (firsts, number_text (value_of (row, other->fields, first_name)));
      g_ptr_array_add (seconds, number_text (value_of (row, other->fields, "number")));
    }
  g_ptr_array_add (firsts, number_text (value_of (row, NULL, first_name)));
  g_ptr_array_add (seconds, number_text (value_of (row, NULL, "number")));
  for (guint i = 0; i < firsts->len; i++)
    {
      const char *first = g_ptr_array_index (firsts, i);
      g_autofree char *series = NULL;

      if (first == NULL)
        continue;
      if (dossier)
        {
          add_pair (records, seen, "dossier", first);
          continue;
        }
      series = g_strconcat ("register:", first, NULL);
      for (guint j = 0; j < seconds->len; j++)
        if (g_ptr_array_index (seconds, j) != NULL)
          add_pair (records, seen, series, g_ptr_array_index (seconds, j));
    }
}

static gboolean
load_claims (XasoPg      *pg,
             const char  *commune,
             XasoApply   *apply,
             GString     *records,
             GError     **error)
{
  const char *values[] = { commune, records->str };
  g_autoptr(PGresult) result = NULL;

  result = xaso_pg_query (pg, "numbers_claims",
                          "SELECT c.series, c.number, c.row_id FROM json_to_recordset($2::json) AS k(s text, n text) "
                          "CROSS JOIN LATERAL (SELECT * FROM number_claim WHERE commune_code = $1 "
                          "AND series = k.s AND number = k.n) c", 2, values, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    xaso_apply_add_claim (apply, PQgetvalue (result, i, 0), PQgetvalue (result, i, 1), PQgetvalue (result, i, 2));
  return TRUE;
}

static gboolean
load_holders (XasoPg      *pg,
              const char  *commune,
              XasoApply   *apply,
              GString     *registers,
              GError     **error)
{
  const char *values[] = { commune, registers->str };
  g_autoptr(PGresult) result = NULL;

  result = xaso_pg_query (pg, "numbers_holders",
                          "SELECT l.register_id, l.device_id FROM json_to_recordset($2::json) AS k(r text) "
                          "CROSS JOIN LATERAL (SELECT * FROM register_lease WHERE commune_code = $1 "
                          "AND register_id = lower(k.r)) l", 2, values, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    xaso_apply_add_holder (apply, PQgetvalue (result, i, 0), PQgetvalue (result, i, 1));
  return TRUE;
}

gboolean
xaso_server_numbers_load (XasoPg      *pg,
                          const char  *commune,
                          XasoApply   *apply,
                          GPtrArray   *ops,
                          GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) claims = g_string_new ("[");
  g_autoptr(GString) registers = g_string_new ("[");

  for (guint i = 0; i < ops->len; i++)
    {
      XasoSyncOp *op = g_ptr_array_index (ops, i);

      if (op == NULL)
        continue;
      if (g_str_equal (op->table, "document") || g_str_equal (op->table, "dossier"))
        add_candidates (claims, seen, apply, ops, op);
      else if (g_str_equal (op->table, "register") && json_object_has_member (op->fields, "last_number"))
        {
          xaso_json_next_record (registers);
          g_string_append (registers, "{\"r\":");
          xaso_sync_json_append_string (registers, op->row);
          g_string_append_c (registers, '}');
        }
    }
  g_string_append_c (claims, ']');
  g_string_append_c (registers, ']');
  return (claims->len == 2 || load_claims (pg, commune, apply, claims, error)) &&
         (registers->len == 2 || load_holders (pg, commune, apply, registers, error));
}

gboolean
xaso_server_numbers_store (XasoPg      *pg,
                           const char  *commune,
                           XasoApply   *apply,
                           GError     **error)
{
  GPtrArray *taken = xaso_apply_get_new_claims (apply);
  g_autoptr(GString) records = g_string_new ("[");
  const char *values[2] = { commune };

  if (taken->len == 0)
    return TRUE;
  for (guint i = 0; i < taken->len; i++)
    {
      XasoApplyClaim *claim = g_ptr_array_index (taken, i);

      xaso_json_next_record (records);
      g_string_append (records, "{\"s\":");
      xaso_sync_json_append_string (records, claim->series);
      g_string_append (records, ",\"n\":");
      xaso_sync_json_append_string (records, claim->number);
      g_string_append (records, ",\"t\":");
      xaso_sync_json_append_string (records, claim->table);
      g_string_append (records, ",\"r\":");
      xaso_sync_json_append_string (records, claim->row);
      g_string_append_c (records, '}');
    }
  g_string_append_c (records, ']');
  values[1] = records->str;
  xaso_pg_defer (pg, "numbers_store",
                 "INSERT INTO number_claim (commune_code, series, number, table_name, row_id) "
                 "SELECT $1, r.s, r.n, r.t, r.r FROM json_to_recordset($2::json) AS r(s text, n text, t text, r text) "
                 "ON CONFLICT DO NOTHING", 2, values);
  return TRUE;
}
