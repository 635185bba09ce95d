/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-auth.h"

gboolean
xaso_server_secret_equal (const char *a,
                          const char *b)
{
  gsize length = strlen (a);
  guint8 difference = 0;

  if (length != strlen (b))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    difference |= (guint8) (a[i] ^ b[i]);
  return difference == 0;
}

static const char *
bearer_token (const char *authorization)
{
  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return NULL;
  authorization += 7;
  while (*authorization == ' ')
    authorization++;
  return authorization;
}

char *
xaso_server_token_commune (const char *authorization)
{
  const char *token = bearer_token (authorization);
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  g_autofree char *secret = NULL;

  if (token == NULL || !xaso_sync_token_parse (token, &commune, &device, &secret))
    return NULL;
  return g_steal_pointer (&commune);
}

static gboolean
token_invalid (GError **error)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOKEN_INVALID,
                       "Thiết bị chưa được đăng ký hoặc đã bị thu hồi.");
  return FALSE;
}

static gboolean
device_holds (XasoPg      *pg,
              const char  *commune_code,
              const char  *device_id,
              const char  *secret,
              GError     **error)
{
  const char *values[] = { commune_code, device_id };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *hash = NULL;

  result = xaso_pg_query (pg, "auth_device",
                          "SELECT token_hash FROM device "
                          "WHERE commune_code = $1 AND device_id = $2 AND NOT revoked",
                          2, values, error);
  if (result == NULL)
    return FALSE;
  hash = xaso_sync_sha256_hex (secret);
  if (PQntuples (result) != 1 || !xaso_server_secret_equal (PQgetvalue (result, 0, 0), hash))
    return token_invalid (error);
  return TRUE;
}

gboolean
xaso_server_auth_begin (XasoPg                   *pg,
                        const XasoServerRequest  *request,
                        char                    **commune_code,
                        char                    **device_id,
                        GError                  **error)
{
  const char *token = bearer_token (request->authorization);
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *lower = NULL;

  if (token == NULL)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOKEN_MISSING,
                           "Thiếu mã xác thực của thiết bị (Authorization: Bearer).");
      return FALSE;
    }
  if (!xaso_sync_token_parse (token, &commune, &device, &secret))
    return token_invalid (error);
  /* Device ids are kept in lower case (enrollment normalises them). */
  lower = g_ascii_strdown (device, -1);
  if (!xaso_pg_begin (pg, error) ||
      !xaso_pg_set_commune (pg, commune, error) ||
      !device_holds (pg, commune, lower, secret, error))
    {
      xaso_pg_rollback (pg);
      return FALSE;
    }
  *commune_code = g_steal_pointer (&commune);
  *device_id = g_steal_pointer (&lower);
  return TRUE;
}
