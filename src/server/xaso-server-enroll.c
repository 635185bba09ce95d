/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-handlers.h"
#include "xaso-server-random.h"

/* POST /v1/enroll: a one-time code becomes a device token. */

#define MAX_DEVICE_NAME 200
#define MIN_RETRY_KEY 32
#define MAX_RETRY_KEY 128

typedef struct
{
  char *code;                /* normalised, or NULL when not a code at all */
  char *commune;
  char *device_id;           /* lower case */
  char *device_name;
  char *retry_key_hash;      /* SHA-256 of "retry_key", or NULL when none was sent */
} EnrollRequest;

static void
enroll_request_clear (EnrollRequest *r)
{
  g_free (r->code);
  g_free (r->commune);
  g_free (r->device_id);
  g_free (r->device_name);
  g_free (r->retry_key_hash);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EnrollRequest, enroll_request_clear)

JsonNode *
xaso_server_parse_body (GBytes  *body,
                        GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  return xaso_sync_parse_object (data, length, error);
}

/* 32–128 characters of A–Z a–z 0–9 - _, or absent. */
static gboolean
retry_key_valid (const char *key)
{
  gsize length;

  if (key == NULL)
    return TRUE;
  length = strlen (key);
  return length >= MIN_RETRY_KEY && length <= MAX_RETRY_KEY &&
         strspn (key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == length;
}

static gboolean
read_request (GBytes         *body,
              EnrollRequest  *r,
              GError        **error)
{
  g_autoptr(JsonNode) root = xaso_server_parse_body (body, error);
  JsonObject *object;
  const char *code, *device, *retry_key;
  g_autofree char *name = NULL;

  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);
  code = xaso_sync_member_string (object, "code");
  device = xaso_sync_member_string (object, "device_id");
  name = g_strdup (xaso_sync_member_string (object, "device_name"));
  retry_key = xaso_sync_member_string (object, "retry_key");
  if (name != NULL)
    g_strstrip (name);
  if (code == NULL || !xaso_sync_uuid_valid (device) || name == NULL || *name == '\0' ||
      g_utf8_strlen (name, -1) > MAX_DEVICE_NAME)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                           "Yêu cầu không hợp lệ: cần “code”, “device_id” (UUID) và “device_name” "
                           "(tối đa 200 ký tự).");
      return FALSE;
    }
  if ((json_object_has_member (object, "retry_key") && retry_key == NULL) || !retry_key_valid (retry_key))
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                           "Yêu cầu không hợp lệ: “retry_key” phải dài 32 đến 128 ký tự A–Z, a–z, 0–9, - hoặc _.");
      return FALSE;
    }
  r->retry_key_hash = retry_key != NULL ? xaso_sync_sha256_hex (retry_key) : NULL;
  r->code = xaso_server_enrollment_code_normalize (code);
  r->commune = r->code ? g_strndup (r->code, 5) : NULL;
  r->device_id = g_ascii_strdown (device, -1);
  r->device_name = g_steal_pointer (&name);
  return TRUE;
}

static gboolean
code_invalid (GError **error)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_ENROLLMENT_CODE_INVALID,
                       "Mã đăng ký không đúng, đã được dùng hoặc đã hết hạn.");
  return FALSE;
}

/* Spends the code, or finds it spent by this very request's desktop: the
 * same device with the same retry key, whose answer was lost, asks again
 * while the code is valid (a fresh token, the lost one revoked below). A
 * request without a retry key can never find its code spent for it. */
static gboolean
use_code (XasoPg         *pg,
          EnrollRequest  *r,
          GError        **error)
{
  g_autofree char *hash = xaso_sync_sha256_hex (r->code);
  const char *values[] = { r->commune, hash, r->device_id, r->retry_key_hash };
  g_autoptr(PGresult) result = NULL;

  result = xaso_pg_query (pg, "enroll_use",
                          "UPDATE enrollment SET used_at = coalesce (used_at, now()), used_by = $3, "
                          "used_key_hash = $4 "
                          "WHERE commune_code = $1 AND code_hash = $2 AND expires_at > now() "
                          "AND (used_at IS NULL OR (used_by = $3 AND used_key_hash = $4)) "
                          "RETURNING 1",
                          4, values, error);
  if (result == NULL)
    return FALSE;
  return PQntuples (result) == 1 || code_invalid (error);
}

/* A device enrolled again in its commune gets a new token hash, which
 * revokes the old token; one enrolled in another commune is refused by
 * device_one_commune. */
static gboolean
store_device (XasoPg         *pg,
              EnrollRequest  *r,
              const char     *secret,
              GError        **error)
{
  g_autofree char *hash = xaso_sync_sha256_hex (secret);
  const char *values[] = { r->commune, r->device_id, r->device_name, hash };
  g_autoptr(PGresult) updated = NULL;
  g_autoptr(PGresult) inserted = NULL;
  g_autoptr(GError) local = NULL;

  updated = xaso_pg_query (pg, "enroll_again",
                           "UPDATE device SET name = $3, token_hash = $4, revoked = false, enrolled_at = now() "
                           "WHERE commune_code = $1 AND device_id = $2 RETURNING 1",
                           4, values, error);
  if (updated == NULL)
    return FALSE;
  if (PQntuples (updated) == 1)
    return TRUE;
  inserted = xaso_pg_query (pg, "enroll_new",
                            "INSERT INTO device (commune_code, device_id, name, token_hash) VALUES ($1, $2, $3, $4)",
                            4, values, &local);
  if (inserted != NULL)
    return TRUE;
  if (g_error_matches (local, XASO_PG_ERROR, XASO_PG_ERROR_UNIQUE_VIOLATION))
    g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_DEVICE_ENROLLED,
                         "Thiết bị này đã được đăng ký cho một xã khác.");
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static char *
answer (XasoPg         *pg,
        EnrollRequest  *r,
        const char     *token,
        GError        **error)
{
  const char *values[] = { r->commune };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const names[] = { "code", "name", "province_code", "province_name", "agency_eid",
                                        "agency_name" };

  result = xaso_pg_query (pg, "enroll_commune",
                          "SELECT c.commune_code, c.name, c.province_code, c.province_name, c.agency_eid, "
                          "c.agency_name, n.next - 1 FROM commune c JOIN counter n USING (commune_code) "
                          "WHERE c.commune_code = $1",
                          1, values, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) != 1)
    return code_invalid (error), NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "commune");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, PQgetvalue (result, 0, (int) i));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "server_seq");
  json_builder_add_int_value (builder, g_ascii_strtoll (PQgetvalue (result, 0, 6), NULL, 10));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

XasoServerResponse *
xaso_server_enroll_handle (XasoPg                   *pg,
                           const XasoServerRequest  *request,
                           GError                  **error)
{
  g_autoptr(GBytes) body = xaso_server_request_json_body (request, error);
  g_auto(EnrollRequest) r = { NULL };
  g_autofree char *secret = xaso_server_random_secret ();
  g_autofree char *token = NULL;
  g_autofree char *text = NULL;

  if (body == NULL || !read_request (body, &r, error))
    return NULL;
  if (r.code == NULL)
    return code_invalid (error), NULL;
  token = xaso_sync_token_make (r.commune, r.device_id, secret);
  if (!xaso_pg_begin (pg, error) ||
      !xaso_pg_set_commune (pg, r.commune, error) ||
      !use_code (pg, &r, error) ||
      !store_device (pg, &r, secret, error) ||
      (text = answer (pg, &r, token, error)) == NULL ||
      !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  return xaso_server_response_json (200, g_steal_pointer (&text));
}
