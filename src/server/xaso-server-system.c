/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "xaso-server-admin.h"
#include "xaso-server-random.h"
#include "xaso-server-system.h"
#include "xaso-sync-protocol.h"

#define MAX_NAME 200

gboolean
xaso_server_system_token_parse (const char  *token,
                                char       **system_id,
                                char       **secret)
{
  const char *id, *rest;

  if (token == NULL || !g_str_has_prefix (token, XASO_SYSTEM_TOKEN_PREFIX))
    return FALSE;
  id = token + strlen (XASO_SYSTEM_TOKEN_PREFIX);
  if (strlen (id) < 38 || id[36] != '.')
    return FALSE;
  rest = id + 37;
  if (strlen (rest) != 64 || strspn (rest, "0123456789abcdef") != 64)
    return FALSE;
  *system_id = g_ascii_strdown (id, 36);
  if (!xaso_sync_uuid_valid (*system_id))
    {
      g_clear_pointer (system_id, g_free);
      return FALSE;
    }
  *secret = g_strdup (rest);
  return TRUE;
}

static gboolean
name_valid (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = name ? g_strstrip (g_strdup (name)) : NULL;

  if (stripped == NULL || *stripped == '\0')
    return xaso_server_admin_fail (error, "Give the system's name with --name (Cổng DVC tỉnh …).");
  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > MAX_NAME)
    return xaso_server_admin_fail (error, "The system's name is UTF-8 text of at most %d characters.", MAX_NAME);
  return TRUE;
}

/* Each listed commune exists; the rows of system_commune are written
 * inside each commune's scope, as row-level security wants. */
static gboolean
link_communes (XasoPg              *pg,
               const char          *system_id,
               const char * const  *communes,
               GError             **error)
{
  for (guint i = 0; communes != NULL && communes[i] != NULL; i++)
    {
      const char *values[] = { communes[i], system_id };
      g_autoptr(PGresult) row = NULL;

      if (!xaso_sync_commune_code_valid (communes[i]))
        return xaso_server_admin_fail (error, "“%s” is not a commune code (5 digits).", communes[i]);
      if (!xaso_pg_set_commune (pg, communes[i], error) ||
          !xaso_server_admin_check_commune (pg, communes[i], error))
        return FALSE;
      row = xaso_pg_query (pg, "system_commune_add",
                           "INSERT INTO system_commune (commune_code, system_id) VALUES ($1, $2) "
                           "ON CONFLICT DO NOTHING", 2, values, error);
      if (row == NULL)
        return FALSE;
    }
  return TRUE;
}

char *
xaso_server_system_add (const XasoServerConfig  *config,
                        const char              *name,
                        const char * const      *communes,
                        char                   **system_id,
                        GError                 **error)
{
  g_autoptr(XasoPg) pg = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *secret = xaso_server_random_secret ();
  g_autofree char *hash = xaso_sync_sha256_hex (secret);
  g_autofree char *stripped = NULL;
  gboolean all = communes == NULL || communes[0] == NULL;
  const char *values[4];
  g_autoptr(PGresult) row = NULL;

  if (!name_valid (name, error) || (pg = xaso_server_admin_connect (config, error)) == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (name));
  values[0] = id;
  values[1] = stripped;
  values[2] = hash;
  values[3] = all ? "true" : "false";
  if (!xaso_pg_begin (pg, error) ||
      (row = xaso_pg_query (pg, "system_add",
                            "INSERT INTO system_client (system_id, name, token_hash, all_communes) "
                            "VALUES ($1, $2, $3, $4)", 4, values, error)) == NULL ||
      !link_communes (pg, id, communes, error) ||
      !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  *system_id = g_strdup (id);
  return g_strconcat (XASO_SYSTEM_TOKEN_PREFIX, id, ".", secret, NULL);
}

gboolean
xaso_server_system_list (const XasoServerConfig  *config,
                         GError                 **error)
{
  g_autoptr(XasoPg) pg = xaso_server_admin_connect (config, error);
  g_autoptr(PGresult) rows = NULL;

  if (pg == NULL)
    return FALSE;
  /* The read across communes of policy system_admin_list in schema.sql. */
  rows = xaso_pg_query (pg, "system_list",
                        "SELECT s.system_id, s.name, CASE WHEN s.all_communes THEN '*' ELSE coalesce("
                        "(SELECT string_agg(c.commune_code, ',' ORDER BY c.commune_code) FROM system_commune c "
                        "WHERE c.system_id = s.system_id), '') END, "
                        "to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI \"UTC\"'), "
                        "CASE WHEN s.revoked_at IS NULL THEN 'active' ELSE 'revoked' END "
                        "FROM system_client s ORDER BY s.created_at, s.system_id", 0, NULL, error);
  if (rows == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (rows); i++)
    for (int j = 0; j < PQnfields (rows); j++)
      {
        g_autofree char *cell = g_strdelimit (g_strdup (PQgetvalue (rows, i, j)), "\t\n\r", ' ');

        g_print ("%s%c", cell, j + 1 < PQnfields (rows) ? '\t' : '\n');
      }
  return TRUE;
}

gboolean
xaso_server_system_revoke (const XasoServerConfig  *config,
                           const char              *system_id,
                           GError                 **error)
{
  g_autoptr(XasoPg) pg = NULL;
  g_autofree char *id = NULL;
  const char *values[1];
  g_autoptr(PGresult) row = NULL;

  if (!xaso_sync_uuid_valid (system_id))
    return xaso_server_admin_fail (error, "Give the system's id, as “xaso-server system list” prints it.");
  if ((pg = xaso_server_admin_connect (config, error)) == NULL)
    return FALSE;
  values[0] = id = g_ascii_strdown (system_id, -1);
  row = xaso_pg_query (pg, "system_revoke",
                       "UPDATE system_client SET revoked_at = coalesce(revoked_at, now()) "
                       "WHERE system_id = $1::uuid RETURNING 1", 1, values, error);
  if (row == NULL)
    return FALSE;
  if (PQntuples (row) == 0)
    return xaso_server_admin_fail (error, "There is no system %s.", id);
  return TRUE;
}
