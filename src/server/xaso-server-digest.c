/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-auth.h"
#include "xaso-server-digest.h"
#include "xaso-server-handlers.h"
#include "xaso-sync-row-digest.h"

/* GET /v1/digest[?table=T]: the digest of each synced table of the commune,
 * or the non-empty buckets of one table, read in one snapshot with the log
 * position it holds. The rows are streamed and hashed one by one: a commune's
 * two million fields never sit in memory together. */

gboolean
xaso_server_digest_begin (XasoPg                   *pg,
                          const XasoServerRequest  *request,
                          char                    **commune_code,
                          gint64                   *server_seq,
                          GError                  **error)
{
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  g_autoptr(PGresult) counter = NULL;
  const char *values[1];

  if (!xaso_server_auth_begin (pg, request, &commune, &device, error))
    return FALSE;
  /* The token is checked; the snapshot is a transaction of its own. */
  if (!xaso_pg_commit (pg, error) ||
      !xaso_pg_exec (pg, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error) ||
      !xaso_pg_set_commune (pg, commune, error))
    return FALSE;
  values[0] = commune;
  counter = xaso_pg_query (pg, "digest_counter", "SELECT next - 1 FROM counter WHERE commune_code = $1",
                           1, values, error);
  if (counter == NULL)
    return FALSE;
  *server_seq = PQntuples (counter) > 0 ? g_ascii_strtoll (PQgetvalue (counter, 0, 0), NULL, 10) : 0;
  *commune_code = g_steal_pointer (&commune);
  return TRUE;
}

const char *
xaso_server_digest_table (const XasoServerRequest  *request,
                          gboolean                  required,
                          GError                  **error)
{
  const char *table = request->query ? g_hash_table_lookup (request->query, "table") : NULL;

  if (table == NULL && !required)
    return NULL;
  if (table == NULL || xaso_sync_table_index (table) < 0)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                           "Yêu cầu không hợp lệ: “table” phải là một bảng được đồng bộ.");
      return NULL;
    }
  return table;
}

char *
xaso_server_digest_value (const char *type,
                          const char *text)
{
  if (type == NULL || g_str_equal (type, "null"))
    return NULL;
  if (g_str_equal (type, "number"))
    return xaso_sync_digest_number (g_ascii_strtod (text, NULL));
  if (g_str_equal (type, "boolean"))
    return g_strdup (g_str_equal (text, "true") ? "1" : "0");
  return g_strdup (text);
}

typedef struct
{
  const char        *only_table;     /* NULL: every table */
  char              *table;          /* of the row being hashed */
  char              *row_id;
  XasoSyncRowHasher *hasher;
  GHashTable        *sums;           /* table name or bucket → XasoSyncDigestSum */
} Scan;

static void
scan_finish_row (Scan *scan)
{
  guint8 hash[XASO_SYNC_DIGEST_HASH_SIZE];
  gpointer key;
  XasoSyncDigestSum *sum;

  if (scan->hasher == NULL)
    return;
  xaso_sync_row_hasher_finish (g_steal_pointer (&scan->hasher), hash);
  key = scan->only_table != NULL ? GUINT_TO_POINTER (xaso_sync_digest_bucket (scan->row_id) + 1)
                                 : (gpointer) g_intern_string (scan->table);
  sum = g_hash_table_lookup (scan->sums, key);
  if (sum == NULL)
    g_hash_table_insert (scan->sums, key, (sum = g_new0 (XasoSyncDigestSum, 1)));
  xaso_sync_digest_sum_add (sum, hash);
}

/* Columns: table_name, row_id, deleted, field, jsonb_typeof, text. */
static void
scan_row (PGresult *row,
          gpointer  user_data)
{
  Scan *scan = user_data;
  const char *table = PQgetvalue (row, 0, 0);
  const char *row_id = PQgetvalue (row, 0, 1);

  if (scan->hasher == NULL || !g_str_equal (table, scan->table) || !g_str_equal (row_id, scan->row_id))
    {
      scan_finish_row (scan);
      g_free (scan->table);
      g_free (scan->row_id);
      scan->table = g_strdup (table);
      scan->row_id = g_strdup (row_id);
      scan->hasher = xaso_sync_row_hasher_new (table, row_id, g_str_equal (PQgetvalue (row, 0, 2), "t"));
    }
  if (!PQgetisnull (row, 0, 3))
    {
      g_autofree char *value = xaso_server_digest_value (PQgetisnull (row, 0, 4) ? NULL : PQgetvalue (row, 0, 4),
                                                         PQgetvalue (row, 0, 5));

      xaso_sync_row_hasher_add (scan->hasher, PQgetvalue (row, 0, 3), value);
    }
}

/* Each row's fields by an index lookup from the row, in the order of
 * row_head's primary key: rows come out grouped as the hash needs, in
 * bounded memory, from the first row on. OFFSET 0 keeps the planner from
 * flattening the lookup into a join of the whole tables, which it prefers
 * by its costs: a hash join of every field spilled to temporary files, then
 * a sort of them on disk (7.7 s for the small demo commune's 1.3 million
 * fields; EXPLAIN ANALYZE in the commit that made this). */
#define SCAN_SQL \
  "SELECT h.table_name, h.row_id, h.deleted, f.field, f.type, f.text FROM row_head h " \
  "LEFT JOIN LATERAL (SELECT f.field, jsonb_typeof (f.value) AS type, " \
  "CASE WHEN jsonb_typeof (f.value) IN ('object', 'array') THEN f.value::text ELSE f.value #>> '{}' END AS text " \
  "FROM row_field f " \
  "WHERE f.commune_code = h.commune_code AND f.table_name = h.table_name AND f.row_id = h.row_id OFFSET 0) f " \
  "ON true " \
  "WHERE h.commune_code = $1 AND ($2::text IS NULL OR h.table_name = $2) " \
  "ORDER BY h.table_name, h.row_id"

/* A JIT compilation of the plan costs more than it saves on a query this
 * simple (the planner's estimate of its rows is far too high), and a
 * desktop's background check takes no parallel workers. Both end with the
 * snapshot's transaction. */
#define SCAN_SETTINGS "SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0"

static gboolean
scan_commune (XasoPg      *pg,
              const char  *commune,
              Scan        *scan,
              GError     **error)
{
  const char *values[] = { commune, scan->only_table };
  gboolean ok = xaso_pg_exec (pg, SCAN_SETTINGS, error) &&
                xaso_pg_stream (pg, SCAN_SQL, 2, values, scan_row, scan, error);

  scan_finish_row (scan);
  g_clear_pointer (&scan->table, g_free);
  g_clear_pointer (&scan->row_id, g_free);
  return ok;
}

static void
append_sum (GString                 *out,
            const XasoSyncDigestSum *sum)
{
  g_autofree char *hex = xaso_sync_digest_sum_hex (sum);

  g_string_append_printf (out, "{\"rows\":%" G_GINT64_FORMAT ",\"hash\":\"%s\"}", sum->rows, hex);
}

/* Every synced table is named, an empty one with 0 rows. */
static char *
tables_body (gint64      server_seq,
             GHashTable *sums)
{
  const char * const *tables = xaso_sync_get_tables ();
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "{\"server_seq\":%" G_GINT64_FORMAT ",\"tables\":{", server_seq);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      XasoSyncDigestSum empty = { 0 };
      XasoSyncDigestSum *sum = g_hash_table_lookup (sums, g_intern_string (tables[i]));

      g_string_append_printf (out, "%s\"%s\":", i > 0 ? "," : "", tables[i]);
      append_sum (out, sum != NULL ? sum : &empty);
    }
  g_string_append (out, "}}");
  return g_string_free (out, FALSE);
}

static char *
buckets_body (gint64      server_seq,
              const char *table,
              GHashTable *sums)
{
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append_printf (out, "{\"server_seq\":%" G_GINT64_FORMAT ",\"table\":\"%s\",\"buckets\":{",
                          server_seq, table);
  for (guint b = 0; b < XASO_SYNC_DIGEST_BUCKETS; b++)
    {
      XasoSyncDigestSum *sum = g_hash_table_lookup (sums, GUINT_TO_POINTER (b + 1));

      if (sum == NULL)
        continue;
      g_string_append_printf (out, "%s\"%u\":", first ? "" : ",", b);
      append_sum (out, sum);
      first = FALSE;
    }
  g_string_append (out, "}}");
  return g_string_free (out, FALSE);
}

XasoServerResponse *
xaso_server_digest_handle (XasoPg                   *pg,
                           const XasoServerRequest  *request,
                           GError                  **error)
{
  g_autofree char *commune = NULL;
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  GError *local = NULL;
  Scan scan = { 0 };
  gint64 server_seq = 0;
  XasoServerResponse *response;

  scan.only_table = xaso_server_digest_table (request, FALSE, &local);
  scan.sums = sums;
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (!xaso_server_digest_begin (pg, request, &commune, &server_seq, error) ||
      !scan_commune (pg, commune, &scan, error) ||
      !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  response = xaso_server_response_json (200, scan.only_table != NULL
                                               ? buckets_body (server_seq, scan.only_table, sums)
                                               : tables_body (server_seq, sums));
  response->commune_code = g_steal_pointer (&commune);
  return response;
}
