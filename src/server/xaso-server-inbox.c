/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-auth.h"
#include "xaso-server-author.h"
#include "xaso-server-handlers.h"
#include "xaso-server-inbox.h"
#include "xaso-server-system.h"

/* POST /v1/inbox/dossiers: an online dossier another system submits becomes
 * two entries of the commune's log written by the server, the dossier
 * (status 1, online) and its "submitted" event, so that every desktop pulls
 * it into its "to receive" queue. One transaction, holding the commune's
 * counter row: two submissions of one external id are answered in turn. */

typedef struct
{
  XasoPg              *pg;
  XasoInboxSubmission *s;
  char                *system_id;
  char                *system_name;
  char                *procedure_id;
  gint64               fee;
  char                *answer;        /* the JSON answered, now and on a replay */
  gboolean             replayed;
} Inbox;

static void
inbox_clear (Inbox *in)
{
  g_clear_pointer (&in->s, xaso_inbox_submission_free);
  g_free (in->system_id);
  g_free (in->system_name);
  g_free (in->procedure_id);
  g_free (in->answer);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inbox, inbox_clear)

static gboolean
refuse (GError        **error,
        XasoSyncError   code,
        const char     *message)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, code, message);
  return FALSE;
}

static gboolean
token_invalid (GError **error)
{
  return refuse (error, XASO_SYNC_ERROR_TOKEN_INVALID, "Mã xác thực của hệ thống không đúng hoặc đã bị thu hồi.");
}

/* The bearer token's shape, before the body is read. */
static gboolean
read_token (const XasoServerRequest  *request,
            char                    **system_id,
            char                    **secret,
            GError                  **error)
{
  const char *header = request->authorization;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return refuse (error, XASO_SYNC_ERROR_TOKEN_MISSING,
                   "Thiếu mã xác thực của hệ thống (Authorization: Bearer system.…).");
  header += 7;
  while (*header == ' ')
    header++;
  return xaso_server_system_token_parse (header, system_id, secret) || token_invalid (error);
}

/* The system holds this token and may serve the commune named. */
static gboolean
check_system (Inbox       *in,
              const char  *secret,
              GError     **error)
{
  const char *values[] = { in->system_id, in->s->commune };
  g_autoptr(PGresult) system = NULL;
  g_autoptr(PGresult) allowed = NULL;
  g_autofree char *hash = xaso_sync_sha256_hex (secret);

  system = xaso_pg_query (in->pg, "inbox_system",
                          "SELECT token_hash, name, all_communes FROM system_client "
                          "WHERE system_id = $1::uuid AND revoked_at IS NULL", 1, values, error);
  if (system == NULL)
    return FALSE;
  if (PQntuples (system) != 1 || !xaso_server_secret_equal (PQgetvalue (system, 0, 0), hash))
    return token_invalid (error);
  in->system_name = g_strdup (PQgetvalue (system, 0, 1));
  /* Row-level security shows this commune's rows only: a system limited to
   * other communes finds nothing here. */
  allowed = xaso_pg_query (in->pg, "inbox_allowed",
                           "SELECT EXISTS (SELECT 1 FROM system_commune WHERE system_id = $1::uuid "
                           "AND commune_code = $2), EXISTS (SELECT 1 FROM commune WHERE commune_code = $2)",
                           2, values, error);
  if (allowed == NULL)
    return FALSE;
  if (g_str_equal (PQgetvalue (system, 0, 2), "f") && g_str_equal (PQgetvalue (allowed, 0, 0), "f"))
    return refuse (error, XASO_SYNC_ERROR_WRONG_COMMUNE, "Hệ thống này không được gửi hồ sơ cho xã này.");
  if (g_str_equal (PQgetvalue (allowed, 0, 1), "f"))
    return refuse (error, XASO_SYNC_ERROR_UNKNOWN_COMMUNE, "Máy chủ không có xã này.");
  return TRUE;
}

/* The same external id again: the first answer, when the same system sent
 * it; another system's is a clash of codes. */
static gboolean
find_earlier (Inbox    *in,
              GError  **error)
{
  const char *values[] = { in->s->commune, in->s->external_id };
  g_autoptr(PGresult) earlier = NULL;

  earlier = xaso_pg_query (in->pg, "inbox_earlier",
                           "SELECT system_id::text, answer FROM inbox WHERE commune_code = $1 AND external_id = $2",
                           2, values, error);
  if (earlier == NULL)
    return FALSE;
  if (PQntuples (earlier) == 0)
    return TRUE;
  if (!g_str_equal (PQgetvalue (earlier, 0, 0), in->system_id))
    return refuse (error, XASO_SYNC_ERROR_DUPLICATE_CODE, "Mã hồ sơ này đã được một hệ thống khác gửi cho xã.");
  in->answer = g_strdup (PQgetvalue (earlier, 0, 1));
  in->replayed = TRUE;
  return TRUE;
}

/* The external id becomes the dossier's code, which is unique in the
 * commune: one a desk gave already is refused. */
static gboolean
check_code_free (Inbox    *in,
                 GError  **error)
{
  const char *values[] = { in->s->commune, in->s->external_id };
  g_autoptr(PGresult) taken = NULL;

  taken = xaso_pg_query (in->pg, "inbox_code_taken",
                         "SELECT 1 FROM row_field WHERE commune_code = $1 AND table_name = 'dossier' "
                         "AND field = 'code' AND value = to_jsonb($2::text) LIMIT 1",
                         2, values, error);
  if (taken == NULL)
    return FALSE;
  if (PQntuples (taken) > 0)
    return refuse (error, XASO_SYNC_ERROR_DUPLICATE_CODE, "Xã đã có một hồ sơ mang mã này.");
  return TRUE;
}

/* The version of the procedure valid on the day of submission, as the
 * desktop's reception picks it: not deleted, valid_from ≤ day < valid_to,
 * the highest version. Its fields are read from the commune's rows. */
static gboolean
find_procedure (Inbox    *in,
                GError  **error)
{
  g_autofree char *day = g_date_time_format (in->s->submitted_at, "%Y-%m-%d");
  const char *values[] = { in->s->commune, in->s->procedure_code, day };
  g_autoptr(PGresult) found = NULL;

  found = xaso_pg_query (in->pg, "inbox_procedure",
                         "SELECT p.row_id, coalesce(p.v->>'fee_amount', '0'), coalesce(p.v->>'fee_by_province', '0') "
                         "FROM (SELECT c.row_id, (SELECT jsonb_object_agg(f.field, f.value) FROM row_field f "
                         "  WHERE f.commune_code = $1 AND f.table_name = 'procedure' AND f.row_id = c.row_id) AS v "
                         "  FROM row_field c WHERE c.commune_code = $1 AND c.table_name = 'procedure' "
                         "  AND c.field = 'code' AND c.value = to_jsonb($2::text)) p "
                         "WHERE coalesce(p.v->>'deleted', '0') NOT IN ('1', 'true') AND p.v->>'valid_from' <= $3 "
                         "AND (p.v->>'valid_to' IS NULL OR p.v->>'valid_to' = '' OR p.v->>'valid_to' > $3) "
                         "ORDER BY CASE WHEN p.v->>'version' ~ '^[0-9]{1,9}$' THEN (p.v->>'version')::int ELSE 0 END "
                         "DESC, p.row_id LIMIT 1",
                         3, values, error);
  if (found == NULL)
    return FALSE;
  if (PQntuples (found) == 0)
    return refuse (error, XASO_SYNC_ERROR_UNKNOWN_PROCEDURE,
                   "Danh mục thủ tục của xã không có thủ tục này vào ngày nộp.");
  in->procedure_id = g_strdup (PQgetvalue (found, 0, 0));
  /* A fee the provincial council sets has no amount here (the desktop's rule). */
  in->fee = g_str_equal (PQgetvalue (found, 0, 2), "0") ? g_ascii_strtoll (PQgetvalue (found, 0, 1), NULL, 10) : 0;
  return TRUE;
}

static void
set_text (JsonObject *values,
          const char *name,
          const char *text)
{
  if (text != NULL)
    json_object_set_string_member (values, name, text);
}

/* The columns a desk's reception writes, for a dossier still to receive:
 * no papers checked, no desk, status 1 (the desktop folds it again from
 * the event). Numbers are text, as the desktops capture them. */
static JsonObject *
dossier_values (Inbox      *in,
                const char *received_at)
{
  JsonObject *values = json_object_new ();
  g_autofree char *fee = g_strdup_printf ("%" G_GINT64_FORMAT, in->fee);

  set_text (values, "code", in->s->external_id);
  set_text (values, "procedure_id", in->procedure_id);
  set_text (values, "channel", "online");
  set_text (values, "applicant_name", in->s->applicant_name);
  set_text (values, "applicant_folded", in->s->applicant_folded);
  set_text (values, "applicant_id_number", in->s->applicant_id_number);
  set_text (values, "applicant_phone", in->s->applicant_phone);
  set_text (values, "applicant_address", in->s->applicant_address);
  set_text (values, "status", "1");
  set_text (values, "needs_review", "0");
  set_text (values, "received_at", received_at);
  set_text (values, "fee_amount", fee);
  set_text (values, "papers", "[]");
  set_text (values, "step", "0");
  return values;
}

static JsonObject *
event_values (Inbox      *in,
              const char *dossier_id,
              const char *at,
              gint64      hlc)
{
  JsonObject *values = json_object_new ();
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *data_text = NULL;

  json_object_set_string_member (data, "external_id", in->s->external_id);
  json_object_set_string_member (data, "system", in->system_name);
  json_node_set_object (node, data);
  data_text = json_to_string (node, FALSE);
  set_text (values, "dossier_id", dossier_id);
  set_text (values, "kind", "submitted");
  set_text (values, "at", at);
  json_object_set_int_member (values, "hlc", hlc);
  json_object_set_null_member (values, "actor_user_id");
  json_object_set_null_member (values, "to_user_id");
  if (in->s->notes != NULL)
    set_text (values, "note", in->s->notes);
  else
    json_object_set_null_member (values, "note");
  set_text (values, "data", data_text);
  return values;
}

static char *
answer_text (const char *dossier_id,
             const char *code,
             const char *received_at,
             gint64      server_seq)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dossier_id");
  json_builder_add_string_value (builder, dossier_id);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "received_at");
  json_builder_add_string_value (builder, received_at);
  json_builder_set_member_name (builder, "server_seq");
  json_builder_add_int_value (builder, server_seq);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
remember (Inbox       *in,
          const char  *dossier_id,
          gint64       server_seq,
          GError     **error)
{
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, server_seq);
  const char *values[] = { in->s->commune, in->s->external_id, in->system_id, dossier_id, seq, in->answer };
  g_autoptr(PGresult) row = NULL;

  row = xaso_pg_query (in->pg, "inbox_remember",
                       "INSERT INTO inbox (commune_code, external_id, system_id, dossier_id, server_seq, answer) "
                       "VALUES ($1, $2, $3::uuid, $4, $5, $6)", 6, values, error);
  return row != NULL;
}

/* The dossier and its event, in the log; the answer, remembered. */
static gboolean
write_dossier (Inbox    *in,
               GError  **error)
{
  g_autoptr(XasoAuthor) author = xaso_author_begin (in->pg, in->s->commune, error);
  g_autofree char *dossier_id = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *at = xaso_inbox_format_time (in->s->submitted_at);
  g_autoptr(JsonObject) dossier = NULL;
  g_autoptr(JsonObject) event = NULL;
  gint64 hlc = xaso_author_hlc (in->s->submitted_at, 0);
  gint64 seq;

  /* Locked: a submission of the same id that committed meanwhile is seen. */
  if (author == NULL || !find_earlier (in, error))
    return FALSE;
  if (in->replayed)
    return TRUE;
  if (!check_code_free (in, error) || !find_procedure (in, error))
    return FALSE;
  dossier_id = xaso_author_row_id (in->s->submitted_at);
  event_id = xaso_author_row_id (in->s->submitted_at);
  dossier = dossier_values (in, at);
  /* The event comes just after the dossier in every desktop's fold. */
  event = event_values (in, dossier_id, at, hlc + 1);
  if ((seq = xaso_author_insert (author, "dossier", dossier_id, in->system_name, hlc, dossier, error)) == 0 ||
      xaso_author_insert (author, "dossier_event", event_id, in->system_name, hlc + 1, event, error) == 0 ||
      !xaso_author_store (author, error))
    return FALSE;
  in->answer = answer_text (dossier_id, in->s->external_id, at, seq);
  return remember (in, dossier_id, seq, error);
}

XasoServerResponse *
xaso_server_inbox_handle (XasoPg                   *pg,
                          const XasoServerRequest  *request,
                          GError                  **error)
{
  g_autoptr(GBytes) body = xaso_server_request_json_body (request, error);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *secret = NULL;
  g_auto(Inbox) in = { .pg = pg };
  XasoServerResponse *response;

  if (body == NULL || !read_token (request, &in.system_id, &secret, error) ||
      (root = xaso_server_parse_body (body, error)) == NULL ||
      (in.s = xaso_inbox_submission_read (json_node_get_object (root), error)) == NULL)
    return NULL;
  if (!xaso_pg_begin (pg, error) ||
      !xaso_pg_set_commune (pg, in.s->commune, error) ||
      !check_system (&in, secret, error) ||
      !write_dossier (&in, error) ||
      !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  response = xaso_server_response_json (in.replayed ? 200 : 201, g_steal_pointer (&in.answer));
  response->commune_code = g_strdup (in.s->commune);
  response->log_grew = !in.replayed;
  return response;
}
