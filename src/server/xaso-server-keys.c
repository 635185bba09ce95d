/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-auth.h"
#include "xaso-server-handlers.h"
#include "xaso-sync-keys.h"

/* PUT /v1/keys/{key_id} and GET /v1/keys (PROTOCOL.md, "Keys"): a device
 * gives the key it encrypts sensitive attachments with, and fetches the keys
 * its commune's other devices gave, so a scan attached at one desk opens at
 * another. Each request works in its token's commune (row-level security):
 * another commune's keys are never seen. */

static gboolean
refuse (GError        **error,
        XasoSyncError   code,
        const char     *message)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, code, message);
  return FALSE;
}

/* Checks the body against the token's commune and the key id of the path;
 * the key's bytes end in @key. */
static gboolean
check_given (const XasoServerRequest  *request,
             JsonObject               *body,
             const char               *commune,
             guint8                    key[XASO_SYNC_KEY_SIZE],
             GError                  **error)
{
  const char *stated = xaso_sync_member_string (body, "commune_code");
  g_autofree char *id = NULL;

  if (!xaso_sync_key_parse_hex (xaso_sync_member_string (body, "key"), key))
    return refuse (error, XASO_SYNC_ERROR_BAD_REQUEST,
                   "Yêu cầu không hợp lệ: “key” phải là khóa 32 byte viết bằng 64 chữ số thập lục phân thường.");
  if (!xaso_sync_commune_code_valid (stated))
    return refuse (error, XASO_SYNC_ERROR_BAD_REQUEST,
                   "Yêu cầu không hợp lệ: “commune_code” phải là mã xã gồm 5 chữ số.");
  if (!g_str_equal (stated, commune))
    return refuse (error, XASO_SYNC_ERROR_WRONG_COMMUNE,
                   "Khóa này thuộc xã khác với xã của thiết bị; máy chủ không nhận.");
  id = xaso_sync_key_id_hex (key);
  if (!g_str_equal (id, request->name))
    return refuse (error, XASO_SYNC_ERROR_KEY_ID_MISMATCH,
                   "Mã khóa trong địa chỉ không khớp với khóa được gửi.");
  return TRUE;
}

static XasoServerResponse *
key_put (XasoPg                   *pg,
         const XasoServerRequest  *request,
         GError                  **error)
{
  g_autoptr(GBytes) body = xaso_server_request_json_body (request, error);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *commune = NULL, *device = NULL, *key_hex = NULL, *bytea = NULL, *text = NULL;
  g_autoptr(PGresult) result = NULL;
  guint8 key[XASO_SYNC_KEY_SIZE];
  XasoServerResponse *response;
  gboolean added;

  if (body == NULL || !xaso_server_auth_begin (pg, request, &commune, &device, error))
    return NULL;
  if ((root = xaso_server_parse_body (body, error)) == NULL ||
      !check_given (request, json_node_get_object (root), commune, key, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  key_hex = xaso_sync_key_to_hex (key);
  bytea = g_strconcat ("\\x", key_hex, NULL);
  /* Given again (a retry, another desktop with a copy): kept as it was. */
  result = xaso_pg_query (pg, "key_give",
                          "INSERT INTO commune_key (commune_code, key_id, key_bytes, device_id) "
                          "VALUES ($1, $2, $3::bytea, $4) ON CONFLICT (commune_code, key_id) DO NOTHING",
                          4, (const char *[]) { commune, request->name, bytea, device }, error);
  if (result == NULL)
    return NULL;
  added = g_str_equal (PQcmdTuples (result), "1");
  if (!xaso_pg_commit (pg, error))
    return NULL;
  text = g_strdup_printf ("{\"key_id\":\"%s\",\"added\":%s}", request->name, added ? "true" : "false");
  response = xaso_server_response_json (added ? 201 : 200, g_steal_pointer (&text));
  response->commune_code = g_steal_pointer (&commune);
  return response;
}

static XasoServerResponse *
keys_get (XasoPg                   *pg,
          const XasoServerRequest  *request,
          GError                  **error)
{
  g_autofree char *commune = NULL, *device = NULL;
  g_autoptr(PGresult) result = NULL;
  XasoServerResponse *response;
  GString *out;

  if (!xaso_server_auth_begin (pg, request, &commune, &device, error))
    return NULL;
  result = xaso_pg_query (pg, "keys_list",
                          "SELECT key_id, encode(key_bytes, 'hex'), device_id, "
                          "to_char(given_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                          "FROM commune_key WHERE commune_code = $1 ORDER BY given_at, key_id",
                          1, (const char *[]) { commune }, error);
  if (result == NULL || !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  out = g_string_new ("{\"keys\":[");
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_string_append (out, i > 0 ? ",{\"key_id\":" : "{\"key_id\":");
      xaso_sync_json_append_string (out, PQgetvalue (result, i, 0));
      g_string_append (out, ",\"key\":");
      xaso_sync_json_append_string (out, PQgetvalue (result, i, 1));
      g_string_append (out, ",\"device_id\":");
      xaso_sync_json_append_string (out, PQgetvalue (result, i, 2));
      g_string_append (out, ",\"given_at\":");
      xaso_sync_json_append_string (out, PQgetvalue (result, i, 3));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  response = xaso_server_response_json (200, g_string_free (out, FALSE));
  response->commune_code = g_steal_pointer (&commune);
  return response;
}

XasoServerResponse *
xaso_server_keys_handle (XasoPg                   *pg,
                         const XasoServerRequest  *request,
                         GError                  **error)
{
  if (request->endpoint == XASO_ENDPOINT_KEYS)
    return keys_get (pg, request, error);
  if (!xaso_sync_key_id_valid (request->name))
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                           "Yêu cầu không hợp lệ: mã khóa phải là 16 chữ số thập lục phân viết thường.");
      return NULL;
    }
  return key_put (pg, request, error);
}
