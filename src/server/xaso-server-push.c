/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-apply.h"
#include "xaso-server-auth.h"
#include "xaso-server-handlers.h"
#include "xaso-server-json.h"
#include "xaso-sync-catalogue.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-upcast.h"
#include "xaso-sync-rights.h"
#include "xaso-server-metrics.h"
#include "xaso-server-numbers.h"
#include "xaso-server-store.h"

/* POST /v1/push: one transaction per batch. Reads and writes go by whole
 * sets (a JSON parameter unnested by json_to_recordset), so a batch of 500
 * ops costs about a dozen round trips, not a few per op. Reads look each key
 * up through a LATERAL subquery: a join would let the planner scan the whole
 * commune, which grows with every push. */

typedef struct
{
  XasoPg     *pg;
  const char *commune;
  const char *device;
  JsonArray  *ops;            /* the request's op nodes */
  gint64      schema;         /* the desktop schema the ops were made at */
  GPtrArray  *nodes;          /* each op upcast to the current schema */
  GPtrArray  *parsed;         /* XasoSyncOp or NULL, one per op */
  GPtrArray  *invalid;        /* the codec's reason, or NULL, one per op */
  GPtrArray  *codes;          /* the rejection's reason_code, or NULL */
  GHashTable *stored;         /* seq → stored receipt text */
  XasoApply  *apply;
  gboolean    claim_first;    /* new ids claimed before deciding, not as stored */
  gboolean    foreign;        /* a new id turned out to be another commune's */
} Push;

/* The envelope is the codec's to check; the device must also be the
 * token's. What is wrong inside one op is that op's rejection. */
static JsonArray *
read_envelope (JsonObject  *root,
               const char  *token_device,
               GError     **error)
{
  const char *device = NULL;
  JsonArray *ops = xaso_sync_push_read_envelope (root, &device, error);

  if (ops != NULL && g_ascii_strcasecmp (device, token_device) != 0)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_WRONG_COMMUNE,
                           "Yêu cầu nêu một thiết bị khác với thiết bị của mã xác thực.");
      return NULL;
    }
  return ops;
}

/* The schema the desktop made its ops at (PROTOCOL.md, "Catalogue and
 * schema versions"): absent, the first that synced, whose ops upcast the
 * same as any later one's. A desktop newer than the server keeps its ops
 * until the server is upgraded. */
static gboolean
read_schema (JsonObject  *root,
             gint64      *schema,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "schema");

  *schema = XASO_SYNC_SCHEMA_FIRST;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < XASO_SYNC_SCHEMA_FIRST)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                   "“schema” phải là số phiên bản cơ sở dữ liệu của máy, từ %d trở lên.", XASO_SYNC_SCHEMA_FIRST);
      return FALSE;
    }
  *schema = json_node_get_int (node);
  if (!xaso_sync_schema_supported (*schema))
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_SCHEMA_TOO_NEW,
                   "Máy này dùng phiên bản dữ liệu %" G_GINT64_FORMAT " mới hơn máy chủ (%d). Các thay đổi vẫn "
                   "được giữ trên máy; hãy đề nghị quản trị nâng cấp máy chủ.", *schema, XASO_SYNC_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static PGresult *
run_set (Push        *p,
         const char  *name,
         const char  *sql,
         GString     *records,
         GError     **error)
{
  return xaso_server_store_run_set (p->pg, name, sql, p->commune, records, error);
}

static gboolean
lock_counter (Push    *p,
              GError **error)
{
  p->apply = xaso_server_store_begin (p->pg, p->commune, p->device, error);
  return p->apply != NULL;
}

static gboolean
load_stored_receipts (Push    *p,
                      GError **error)
{
  guint n = json_array_get_length (p->ops);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *values[4] = { p->commune, p->device };
  g_autoptr(PGresult) result = NULL;

  if (n == 0)
    return TRUE;
  values[2] = first = g_strdup_printf ("%" G_GINT64_FORMAT, xaso_sync_op_seq (json_array_get_element (p->ops, 0)));
  values[3] = last = g_strdup_printf ("%" G_GINT64_FORMAT, xaso_sync_op_seq (json_array_get_element (p->ops, n - 1)));
  result = xaso_pg_query (p->pg, "push_receipts",
                          "SELECT seq, receipt FROM receipt "
                          "WHERE commune_code = $1 AND device_id = $2 AND seq BETWEEN $3 AND $4",
                          4, values, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    g_hash_table_insert (p->stored, g_strdup (PQgetvalue (result, i, 0)), g_strdup (PQgetvalue (result, i, 1)));
  return TRUE;
}

static const char *
stored_receipt (Push  *p,
                gint64 seq)
{
  char key[32];

  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, seq);
  return g_hash_table_lookup (p->stored, key);
}

/* Brings each new op to the current schema, then checks it against the
 * catalogue and the codec; replays are not looked at again. */
static void
parse_ops (Push *p)
{
  for (guint i = 0; i < json_array_get_length (p->ops); i++)
    {
      JsonNode *node = xaso_sync_upcast_op (json_array_get_element (p->ops, i), p->schema);
      g_autoptr(GError) invalid = NULL;
      const char *code = NULL;
      char *reason = NULL;
      XasoSyncOp *op = NULL;

      g_ptr_array_add (p->nodes, node);
      if (stored_receipt (p, xaso_sync_op_seq (node)) == NULL &&
          xaso_sync_catalogue_check_op (node, &code, &reason))
        op = xaso_sync_op_from_json (node, &invalid);
      g_ptr_array_add (p->parsed, op);
      g_ptr_array_add (p->invalid, reason ? reason : invalid ? g_strdup (invalid->message) : NULL);
      g_ptr_array_add (p->codes, (gpointer) code);
    }
}

/* Whether the commune has an account yet: its first, an administrator,
 * is made by no one else (xaso-sync-rights.h). */
static gboolean
load_any_account (Push    *p,
                  GError **error)
{
  const char *values[1] = { p->commune };
  g_autoptr(PGresult) result = NULL;

  if (g_hash_table_size (xaso_apply_get_accounts (p->apply)) > 0)
    return TRUE;
  result = xaso_pg_query (p->pg, "push_any_account",
                          "SELECT EXISTS (SELECT 1 FROM row_head WHERE commune_code = $1 AND table_name = 'user' "
                          "AND NOT deleted)", 1, values, error);
  if (result == NULL)
    return FALSE;
  if (g_str_equal (PQgetvalue (result, 0, 0), "t"))
    xaso_apply_set_has_accounts (p->apply);
  return TRUE;
}

/* The accounts the valid ops name as their actors, with their roles, for
 * the rights of xaso-sync-rights.h: one read, the actors as a JSON array.
 * An actor is a username or, as a conflict's resolution names it, the
 * account's row id. */
static gboolean
load_accounts (Push    *p,
               GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) actors = g_string_new ("[");
  g_autoptr(PGresult) result = NULL;

  for (guint i = 0; i < p->parsed->len; i++)
    {
      XasoSyncOp *op = g_ptr_array_index (p->parsed, i);

      if (op == NULL || !g_hash_table_add (seen, op->actor))
        continue;
      xaso_json_next_record (actors);
      xaso_sync_json_append_string (actors, op->actor);
    }
  g_string_append_c (actors, ']');
  if (actors->len == 2)
    return TRUE;
  result = run_set (p, "push_accounts",
                    "SELECT u.row_id, a.name, (SELECT r.value #>> '{}' FROM row_field r "
                    "  WHERE r.commune_code = $1 AND r.table_name = 'user' AND r.row_id = u.row_id "
                    "  AND r.field = 'roles') "
                    "FROM json_array_elements_text($2::json) AS a(name) CROSS JOIN LATERAL "
                    "(SELECT f.row_id FROM row_field f JOIN row_head h USING (commune_code, table_name, row_id) "
                    "  WHERE f.commune_code = $1 AND f.table_name = 'user' AND f.field = 'username' "
                    "  AND f.value = to_jsonb(a.name) AND NOT h.deleted "
                    " UNION ALL SELECT h.row_id FROM row_head h WHERE h.commune_code = $1 AND h.table_name = 'user' "
                    "  AND h.row_id = a.name AND NOT h.deleted) u",
                    actors, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    xaso_apply_add_account (p->apply, PQgetvalue (result, i, 1), PQgetvalue (result, i, 0),
                            xaso_sync_roles_parse (PQgetvalue (result, i, 2)));
  return load_any_account (p, error);
}

/* The distinct rows the valid ops touch, as [{"t","r"}]. */
static GString *
touched_rows (Push *p)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *keys = g_string_new ("[");

  for (guint i = 0; i < p->parsed->len; i++)
    {
      XasoSyncOp *op = g_ptr_array_index (p->parsed, i);

      if (op != NULL && g_hash_table_add (seen, g_strconcat (op->table, "/", op->row, NULL)))
        xaso_server_store_add_key (keys, op->table, op->row);
    }
  g_string_append_c (keys, ']');
  return keys;
}

/* The head of each row the ops touch and the fields of those the server
 * has, in one query: a row the server has never seen has no head and so no
 * field to look for, which spares a batch of new rows the second lookup. */
static gboolean
load_rows (Push     *p,
           GString  *keys,
           GError  **error)
{
  g_autoptr(PGresult) result = NULL;

  result = run_set (p, "push_rows_fields",
                    "SELECT h.table_name, h.row_id, h.deleted, h.version, f.field, jsonb_typeof(f.value), "
                    "f.value #>> '{}', f.version, f.device_id "
                    "FROM json_to_recordset($2::json) AS k(t text, r text) CROSS JOIN LATERAL "
                    "(SELECT * FROM row_head WHERE commune_code = $1 AND table_name = k.t AND row_id = k.r) h "
                    "LEFT JOIN LATERAL (SELECT * FROM row_field WHERE commune_code = $1 "
                    "AND table_name = h.table_name AND row_id = h.row_id) f ON true",
                    keys, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      XasoApplyRow *row = xaso_apply_row (p->apply, PQgetvalue (result, i, 0), PQgetvalue (result, i, 1));
      g_autoptr(JsonNode) value = NULL;

      row->exists = row->held = TRUE;
      row->deleted = g_str_equal (PQgetvalue (result, i, 2), "t");
      row->version = g_ascii_strtoll (PQgetvalue (result, i, 3), NULL, 10);
      if (PQgetisnull (result, i, 4))
        continue;
      value = xaso_json_value_new (PQgetvalue (result, i, 5), PQgetvalue (result, i, 6));
      xaso_apply_set_field (row, PQgetvalue (result, i, 4), value,
                            g_ascii_strtoll (PQgetvalue (result, i, 7), NULL, 10), PQgetvalue (result, i, 8));
    }
  return TRUE;
}

/* The conflicts the ops' "resolves" name; ids are UUIDs (the codec checked),
 * so the array literal holds nothing but hex digits, dashes and commas. */
static gboolean
load_conflicts (Push    *p,
                GError **error)
{
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(PGresult) result = NULL;
  const char *values[2] = { p->commune };

  for (guint i = 0; i < p->parsed->len; i++)
    {
      XasoSyncOp *op = g_ptr_array_index (p->parsed, i);

      for (char **id = op ? op->resolves : NULL; id != NULL && *id != NULL; id++)
        g_string_append_printf (ids, "%s%s", ids->len > 1 ? "," : "", *id);
    }
  if (ids->len == 1)
    return TRUE;
  g_string_append_c (ids, '}');
  values[1] = ids->str;
  result = xaso_pg_query (p->pg, "push_conflicts",
                          "SELECT id::text, table_name, row_id, field, kept_version, resolved_seq IS NOT NULL "
                          "FROM conflict WHERE commune_code = $1 AND id = ANY ($2::uuid[])",
                          2, values, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    xaso_apply_add_conflict (p->apply, PQgetvalue (result, i, 0), PQgetvalue (result, i, 1),
                             PQgetvalue (result, i, 2), PQgetvalue (result, i, 3),
                             g_ascii_strtoll (PQgetvalue (result, i, 4), NULL, 10),
                             g_str_equal (PQgetvalue (result, i, 5), "t"));
  return TRUE;
}

/* Inserts of rows this commune has not seen may take their ids. Usually
 * every id is free, and each is taken as its row is stored, by the head's
 * one write (xaso_server_store_rows). A batch that finds one held by another
 * commune runs again with claim_first: its ids are claimed now, before the
 * ops are decided, so that only the inserts of the foreign ids are refused.
 * row_head_one_commune refuses such an id, which ON CONFLICT turns into "not
 * returned" instead of an error that would end the batch. */
static gboolean
claim_new_rows (Push    *p,
                GError **error)
{
  g_autoptr(GString) keys = g_string_new ("[");
  guint n = 0;

  for (guint i = 0; i < p->parsed->len; i++)
    {
      XasoSyncOp *op = g_ptr_array_index (p->parsed, i);
      XasoApplyRow *row = op ? xaso_apply_row (p->apply, op->table, op->row) : NULL;

      if (row == NULL || row->exists || row->claimable || !g_str_equal (op->kind, "insert"))
        continue;
      row->claimable = TRUE;   /* until the database says otherwise */
      xaso_server_store_add_key (keys, op->table, op->row);
      n++;
    }
  g_string_append_c (keys, ']');
  if (n == 0 || !p->claim_first)
    return TRUE;
  return xaso_server_store_claim (p->pg, p->commune, p->apply, keys, error);
}

static void
decide_ops (Push *p)
{
  for (guint i = 0; i < json_array_get_length (p->ops); i++)
    {
      JsonNode *node = g_ptr_array_index (p->nodes, i);
      XasoSyncOp *op = g_ptr_array_index (p->parsed, i);
      const char *invalid = g_ptr_array_index (p->invalid, i);
      const char *code = g_ptr_array_index (p->codes, i);
      const char *stored = stored_receipt (p, xaso_sync_op_seq (node));

      if (stored != NULL)
        xaso_apply_replayed (p->apply, xaso_sync_op_seq (node), stored);
      else if (op == NULL)
        xaso_apply_reject (p->apply, xaso_sync_op_seq (node), node, code ? code : "invalid", invalid);
      else
        xaso_apply_op (p->apply, op, node);
    }
}

/* Sends a write whose $1 is the commune, $2 the records and $3 the device,
 * deferred to the COMMIT's round trip (xaso_pg_defer). */
static void
defer_device_set (Push       *p,
                  const char *name,
                  const char *sql,
                  GString    *records)
{
  const char *values[] = { p->commune, records->str, p->device };

  xaso_pg_defer (p->pg, name, sql, 3, values);
}

static void
store_receipts (Push *p)
{
  GPtrArray *receipts = xaso_apply_get_receipts (p->apply);
  g_autoptr(GString) records = g_string_new ("[");

  for (guint i = 0; i < receipts->len; i++)
    {
      XasoApplyReceipt *receipt = g_ptr_array_index (receipts, i);

      if (receipt->replayed)
        continue;
      xaso_json_next_record (records);
      g_string_append_printf (records, "{\"q\":%" G_GINT64_FORMAT ",\"o\":\"%s\",\"s\":", receipt->seq,
                              xaso_sync_outcome_name (receipt->outcome));
      if (receipt->outcome == XASO_SYNC_REJECTED)
        g_string_append (records, "null");
      else
        g_string_append_printf (records, "%" G_GINT64_FORMAT, receipt->server_seq);
      g_string_append (records, ",\"x\":");
      xaso_sync_json_append_string (records, receipt->text);
      g_string_append_c (records, '}');
    }
  g_string_append_c (records, ']');
  if (records->len > 2)
    defer_device_set (p, "push_store_receipts",
                      "INSERT INTO receipt (commune_code, device_id, seq, outcome, server_seq, receipt) "
                      "SELECT $1, $3, r.q, r.o, r.s, r.x "
                      "FROM json_to_recordset($2::json) AS r(q bigint, o text, s bigint, x text)",
                      records);
}

static void
add_conflict_record (GString                 *records,
                     const XasoApplyConflict *conflict)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autoptr(GString) other = g_string_new (NULL);

  xaso_sync_json_append_value (kept, conflict->kept);
  xaso_sync_json_append_value (other, conflict->other);
  xaso_json_next_record (records);
  g_string_append_printf (records, "{\"id\":\"%s\",\"t\":", conflict->id);
  xaso_sync_json_append_string (records, conflict->table);
  g_string_append (records, ",\"r\":");
  xaso_sync_json_append_string (records, conflict->row);
  g_string_append (records, ",\"f\":");
  xaso_sync_json_append_string (records, conflict->field);
  g_string_append (records, ",\"k\":");
  xaso_sync_json_append_string (records, kept->str);
  g_string_append_printf (records, ",\"kv\":%" G_GINT64_FORMAT ",\"o\":", conflict->kept_version);
  xaso_sync_json_append_string (records, other->str);
  g_string_append (records, ",\"a\":");
  xaso_sync_json_append_string (records, conflict->other_actor);
  g_string_append_printf (records, ",\"q\":%" G_GINT64_FORMAT ",\"s\":%" G_GINT64_FORMAT "}",
                          conflict->other_seq, conflict->server_seq);
}

static void
store_conflicts (Push *p)
{
  GPtrArray *conflicts = xaso_apply_get_conflicts (p->apply);
  GPtrArray *resolutions = xaso_apply_get_resolutions (p->apply);
  g_autoptr(GString) records = g_string_new ("[");
  g_autoptr(GString) settled = g_string_new ("[");

  for (guint i = 0; i < conflicts->len; i++)
    add_conflict_record (records, g_ptr_array_index (conflicts, i));
  g_string_append_c (records, ']');
  for (guint i = 0; i < resolutions->len; i++)
    {
      XasoApplyResolution *resolution = g_ptr_array_index (resolutions, i);

      xaso_json_next_record (settled);
      g_string_append_printf (settled, "{\"id\":\"%s\",\"s\":%" G_GINT64_FORMAT "}", resolution->id,
                              resolution->server_seq);
    }
  g_string_append_c (settled, ']');

  if (conflicts->len > 0)
    defer_device_set (p, "push_store_conflicts",
                      "INSERT INTO conflict (commune_code, id, table_name, row_id, field, kept, kept_version, "
                      "other, other_actor, other_device, other_seq, server_seq) "
                      "SELECT $1, r.id, r.t, r.r, r.f, r.k::jsonb, r.kv, r.o::jsonb, r.a, $3, r.q, r.s "
                      "FROM json_to_recordset($2::json) AS r(id uuid, t text, r text, f text, k text, "
                      "kv bigint, o text, a text, q bigint, s bigint)",
                      records);
  if (resolutions->len > 0)
    xaso_server_store_defer_set (p->pg, "push_settle_conflicts",
                                 "UPDATE conflict SET resolved_seq = r.s "
                                 "FROM json_to_recordset($2::json) AS r(id uuid, s bigint) "
                                 "WHERE conflict.commune_code = $1 AND conflict.id = r.id "
                                 "AND conflict.resolved_seq IS NULL",
                                 p->commune, settled);
}

static void
store_rejections (Push *p)
{
  GPtrArray *rejections = xaso_apply_get_rejections (p->apply);
  g_autoptr(GString) records = g_string_new ("[");

  if (rejections->len == 0)
    return;
  for (guint i = 0; i < rejections->len; i++)
    {
      XasoApplyRejection *rejection = g_ptr_array_index (rejections, i);

      xaso_json_next_record (records);
      g_string_append_printf (records, "{\"q\":%" G_GINT64_FORMAT ",\"o\":", rejection->seq);
      xaso_sync_json_append_string (records, rejection->op);
      g_string_append (records, ",\"c\":");
      xaso_sync_json_append_string (records, rejection->reason_code);
      g_string_append (records, ",\"m\":");
      xaso_sync_json_append_string (records, rejection->reason);
      g_string_append_c (records, '}');
    }
  g_string_append_c (records, ']');
  defer_device_set (p, "push_store_quarantine",
                    "INSERT INTO quarantine (commune_code, device_id, seq, op, reason_code, reason) "
                    "SELECT $1, $3, r.q, r.o, r.c, r.m "
                    "FROM json_to_recordset($2::json) AS r(q bigint, o text, c text, m text)",
                    records);
}

static char *
receipts_body (Push *p)
{
  GPtrArray *receipts = xaso_apply_get_receipts (p->apply);
  GString *out = g_string_new ("{\"receipts\":[");

  for (guint i = 0; i < receipts->len; i++)
    {
      XasoApplyReceipt *receipt = g_ptr_array_index (receipts, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, receipt->text);
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

static gboolean
apply_batch (Push    *p,
             GError **error)
{
  g_autoptr(GString) keys = NULL;
  gboolean claimed_all = TRUE;

  if (!lock_counter (p, error) || !load_stored_receipts (p, error))
    return FALSE;
  parse_ops (p);
  keys = touched_rows (p);
  if (!load_rows (p, keys, error) || !load_conflicts (p, error) || !load_accounts (p, error) ||
      !claim_new_rows (p, error) || !xaso_server_numbers_load (p->pg, p->commune, p->apply, p->parsed, error))
    return FALSE;
  decide_ops (p);
  if (!xaso_server_store_rows (p->pg, p->commune, p->apply, &claimed_all, error))
    return FALSE;
  if (!claimed_all)
    {
      p->foreign = TRUE;   /* nothing committed: push_apply runs the batch again */
      return TRUE;
    }
  /* The writes below are deferred: they reach PostgreSQL with the COMMIT,
   * in one round trip, which answers with their first error if any. */
  store_receipts (p);
  store_conflicts (p);
  store_rejections (p);
  return xaso_server_store_log (p->pg, p->commune, p->device, p->apply, error) &&
         xaso_server_store_counter (p->pg, p->commune, p->apply, error) &&
         xaso_server_numbers_store (p->pg, p->commune, p->apply, error) &&
         xaso_pg_commit (p->pg, error);
}

static void
push_clear (Push *p)
{
  g_clear_pointer (&p->nodes, g_ptr_array_unref);
  g_clear_pointer (&p->parsed, g_ptr_array_unref);
  g_clear_pointer (&p->codes, g_ptr_array_unref);
  g_clear_pointer (&p->invalid, g_ptr_array_unref);
  g_clear_pointer (&p->stored, g_hash_table_unref);
  g_clear_pointer (&p->apply, xaso_apply_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Push, push_clear)

static void
push_init (Push *p)
{
  push_clear (p);
  p->parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_sync_op_free);
  p->invalid = g_ptr_array_new_with_free_func (g_free);
  p->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  p->codes = g_ptr_array_new ();
  p->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p->foreign = FALSE;
}

/* The batch in one transaction. Should a new id be another commune's, that
 * transaction is rolled back and the batch decided again in a new one (the
 * device checked again) that claims the new ids first. */
static gboolean
push_apply (Push                     *p,
            const XasoServerRequest  *request,
            GError                  **error)
{
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;

  if (!apply_batch (p, error))
    return FALSE;
  if (!p->foreign)
    return TRUE;
  xaso_pg_rollback (p->pg);
  push_init (p);
  p->claim_first = TRUE;
  return xaso_server_auth_begin (p->pg, request, &commune, &device, error) && apply_batch (p, error);
}

XasoServerResponse *
xaso_server_push_handle (XasoPg                   *pg,
                         const XasoServerRequest  *request,
                         GError                  **error)
{
  g_autoptr(GBytes) body = xaso_server_request_json_body (request, error);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  g_auto(Push) p = { .pg = pg };
  XasoServerResponse *response;

  if (body == NULL || !xaso_server_auth_begin (pg, request, &commune, &device, error))
    return NULL;
  p.commune = commune;
  p.device = device;
  push_init (&p);
  if ((root = xaso_server_parse_body (body, error)) == NULL ||
      (p.ops = read_envelope (json_node_get_object (root), device, error)) == NULL ||
      !read_schema (json_node_get_object (root), &p.schema, error) ||
      !push_apply (&p, request, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  xaso_server_metrics_ops (xaso_apply_get_counts (p.apply));
  response = xaso_server_response_json (200, receipts_body (&p));
  response->commune_code = g_steal_pointer (&commune);
  response->log_grew = xaso_apply_get_entries (p.apply)->len > 0;
  return response;
}
