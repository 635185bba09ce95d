/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <json-glib/json-glib.h>

#include "xaso-server-admin.h"
#include "xaso-server-json.h"
#include "xaso-server-numbers.h"

/* init-db on a server that ran before numbers were claimed (DESIGN.md
 * §4.7): every number the commune's documents and dossiers hold in the
 * server's state becomes a claim, so a push that gives one of them to
 * another row is refused as a duplicate. Claims never move: a second run
 * finds them taken and adds nothing. */

/* Tables read and written across every commune at once. */
static const char * const tables[] = { "commune", "row_field", "number_claim" };

/* init-db runs as the tables' owner, whom FORCE ROW LEVEL SECURITY holds
 * to one commune like the server's roles; the backfill reads every commune,
 * so it lifts FORCE inside init-db's transaction and puts it back before
 * the commit: no other transaction ever sees it lifted. */
static gboolean
force_row_security (XasoPg    *pg,
                    gboolean   force,
                    GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s %s ROW LEVEL SECURITY", tables[i],
                                              force ? "FORCE" : "NO FORCE");

      if (!xaso_pg_exec (pg, sql, error))
        return FALSE;
    }
  return TRUE;
}

static JsonNode *
parse_value (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

/* One row's number fields, as (table, row, field, value, version) come in
 * row order: the row's claim, appended when the row's last field is read. */
typedef struct
{
  GString *records;
  guint    count;
} Claims;

static void
add_claim (Claims     *claims,
           const char *table,
           const char *row,
           JsonNode   *first,
           JsonNode   *second)
{
  g_autofree char *series = NULL;
  g_autofree char *number = NULL;

  if (!xaso_server_number_from (table, first, second, &series, &number))
    return;
  xaso_json_next_record (claims->records);
  g_string_append (claims->records, "{\"s\":");
  xaso_sync_json_append_string (claims->records, series);
  g_string_append (claims->records, ",\"n\":");
  xaso_sync_json_append_string (claims->records, number);
  g_string_append (claims->records, ",\"t\":");
  xaso_sync_json_append_string (claims->records, table);
  g_string_append (claims->records, ",\"r\":");
  xaso_sync_json_append_string (claims->records, row);
  g_string_append_printf (claims->records, ",\"i\":%u}", claims->count);
  claims->count++;
}

/* The numbers the commune's rows hold, the row that took its number first
 * (by the version of its number) first: where the log already holds a
 * duplicate from before claims, the earlier row keeps the claim. */
static gboolean
read_claims (XasoPg      *pg,
             const char  *commune,
             Claims      *claims,
             GError     **error)
{
  const char *values[] = { commune };
  g_autoptr(PGresult) result = NULL;

  result = xaso_pg_query (pg, "backfill_numbers",
                          "SELECT f.table_name, f.row_id, "
                          "max(f.value::text) FILTER (WHERE f.field IN ('code', 'register_id')), "
                          "max(f.value::text) FILTER (WHERE f.field = 'number') "
                          "FROM row_field f WHERE f.commune_code = $1 AND ((f.table_name = 'dossier' AND "
                          "f.field = 'code') OR (f.table_name = 'document' AND f.field IN ('register_id', 'number'))) "
                          "GROUP BY f.table_name, f.row_id ORDER BY max(f.version), f.table_name, f.row_id",
                          1, values, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_autoptr(JsonNode) first = PQgetisnull (result, i, 2) ? NULL : parse_value (PQgetvalue (result, i, 2));
      g_autoptr(JsonNode) second = PQgetisnull (result, i, 3) ? NULL : parse_value (PQgetvalue (result, i, 3));

      add_claim (claims, PQgetvalue (result, i, 0), PQgetvalue (result, i, 1), first, second);
    }
  return TRUE;
}

/* Inserts one commune's claims; *added says how many were not there. */
static gboolean
backfill_commune (XasoPg      *pg,
                  const char  *commune,
                  guint       *added,
                  GError     **error)
{
  Claims claims = { g_string_new ("["), 0 };
  g_autoptr(GString) records = claims.records;
  g_autoptr(PGresult) result = NULL;
  const char *values[2] = { commune };

  if (!read_claims (pg, commune, &claims, error))
    return FALSE;
  if (claims.count == 0)
    return TRUE;
  g_string_append_c (records, ']');
  values[1] = records->str;
  /* The rows in order, one statement: a number two rows hold goes to the
   * first, the second is left as the log has it. */
  result = xaso_pg_query (pg, "backfill_store",
                          "INSERT INTO number_claim (commune_code, series, number, table_name, row_id) "
                          "SELECT DISTINCT ON (r.s, r.n) $1, r.s, r.n, r.t, r.r FROM json_to_recordset($2::json) "
                          "AS r(s text, n text, t text, r text, i bigint) ORDER BY r.s, r.n, r.i "
                          "ON CONFLICT DO NOTHING", 2, values, error);
  if (result == NULL)
    return FALSE;
  *added += (guint) g_ascii_strtoull (PQcmdTuples (result), NULL, 10);
  return TRUE;
}

gboolean
xaso_server_backfill_numbers (XasoPg   *pg,
                              guint    *added,
                              GError  **error)
{
  g_autoptr(PGresult) communes = NULL;

  *added = 0;
  if (!force_row_security (pg, FALSE, error))
    return FALSE;
  communes = xaso_pg_query (pg, "backfill_communes", "SELECT commune_code FROM commune ORDER BY commune_code",
                            0, NULL, error);
  if (communes == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (communes); i++)
    if (!backfill_commune (pg, PQgetvalue (communes, i, 0), added, error))
      return FALSE;
  return force_row_security (pg, TRUE, error);
}
