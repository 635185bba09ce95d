/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "xaso-server-admin.h"
#include "xaso-server-author.h"
#include "xaso-server-password.h"
#include "xaso-server-random.h"
#include "xaso-server-users.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-rights.h"

#define MAX_NAME 200

/* As the desktop wants it: 3 to 32 lower-case ASCII letters, digits, dots,
 * dashes or underscores. */
static gboolean
username_valid (const char *username)
{
  gsize length = username ? strlen (username) : 0;

  return length >= 3 && length <= 32 && strspn (username, "abcdefghijklmnopqrstuvwxyz0123456789._-") == length;
}

/* "lanh_dao, van_thu" → "van_thu,lanh_dao": known codes, in the desktop's
 * order, each once. */
static char *
roles_normalize (const char  *text,
                 GError     **error)
{
  g_auto(GStrv) names = g_strsplit (text ? text : "", ",", -1);
  guint roles = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      guint role = xaso_sync_roles_parse (name);

      if (*name != '\0' && role == 0)
        return xaso_server_admin_fail (error, "“%s” is not a role. The roles are van_thu, tiep_nhan, "
                                       "chuyen_vien, lanh_dao and quan_tri.", name), NULL;
      roles |= role;
    }
  if (roles == 0)
    return xaso_server_admin_fail (error, "Give the account at least one role (--role)."), NULL;
  return xaso_sync_roles_to_codes (roles);
}

static gboolean
check_user (const XasoServerUser  *user,
            GError               **error)
{
  if (!xaso_sync_commune_code_valid (user->commune))
    return xaso_server_admin_fail (error, "Give the commune's 5-digit code with --commune.");
  if (!username_valid (user->username))
    return xaso_server_admin_fail (error, "A username has 3 to 32 lower-case letters without accents, digits, "
                                   "dots, dashes or underscores, for example “nguyen.van.a”.");
  if (user->full_name == NULL || !g_utf8_validate (user->full_name, -1, NULL) ||
      g_utf8_strlen (user->full_name, -1) > MAX_NAME)
    return xaso_server_admin_fail (error, "Give the holder's full name with --name (at most %d characters).", MAX_NAME);
  if (user->password != NULL &&
      (!g_utf8_validate (user->password, -1, NULL) ||
       g_utf8_strlen (user->password, -1) < XASO_SERVER_PASSWORD_MIN_LENGTH))
    return xaso_server_admin_fail (error, "A password has at least %d characters.", XASO_SERVER_PASSWORD_MIN_LENGTH);
  if (user->password != NULL && g_ascii_strcasecmp (user->password, user->username) == 0)
    return xaso_server_admin_fail (error, "The password may not be the username.");
  return TRUE;
}

/* A username an account of the commune (not deleted) holds already. */
static gboolean
check_username_free (XasoPg      *pg,
                     const char  *commune,
                     const char  *username,
                     GError     **error)
{
  const char *values[] = { commune, username };
  g_autoptr(PGresult) taken = NULL;

  taken = xaso_pg_query (pg, "user_taken",
                         "SELECT 1 FROM row_field f JOIN row_head h USING (commune_code, table_name, row_id) "
                         "WHERE f.commune_code = $1 AND f.table_name = 'user' AND f.field = 'username' "
                         "AND f.value = to_jsonb($2::text) AND NOT h.deleted LIMIT 1",
                         2, values, error);
  if (taken == NULL)
    return FALSE;
  if (PQntuples (taken) > 0)
    return xaso_server_admin_fail (error, "The commune %s already has an account “%s”.", commune, username);
  return TRUE;
}

/* The fields the desktop's account has when an administrator adds one. */
static JsonObject *
user_values (const XasoServerUser *user,
             const char           *full_name,
             const char           *roles,
             const char           *verifier)
{
  JsonObject *values = json_object_new ();

  json_object_set_string_member (values, "username", user->username);
  json_object_set_string_member (values, "full_name", full_name);
  json_object_set_string_member (values, "roles", roles);
  json_object_set_string_member (values, "active", "1");
  json_object_set_string_member (values, "password_verifier", verifier);
  return values;
}

static char *
make_password (void)
{
  /* 16 letters without I or O: easy to read off a screen, 73 bits. */
  return xaso_server_random_letters (16);
}

char *
xaso_server_user_add (const XasoServerConfig  *config,
                      const XasoServerUser    *user,
                      char                   **made_password,
                      GError                 **error)
{
  g_autoptr(XasoPg) pg = NULL;
  g_autoptr(XasoAuthor) author = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *password = NULL;
  g_autofree char *verifier = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (!check_user (user, error) || (roles = roles_normalize (user->roles, error)) == NULL)
    return NULL;
  full_name = g_utf8_normalize (user->full_name, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_strstrip (full_name);
  if (*full_name == '\0')
    return xaso_server_admin_fail (error, "Give the holder's full name with --name."), NULL;
  password = user->password ? g_strdup (user->password) : make_password ();
  /* Derived before the transaction: it takes about a second. */
  verifier = xaso_server_password_verifier (password, XASO_SERVER_PASSWORD_ITERATIONS);
  id = xaso_author_row_id (now);
  values = user_values (user, full_name, roles, verifier);
  if ((pg = xaso_server_admin_connect (config, error)) == NULL)
    return NULL;
  if (!xaso_pg_begin (pg, error) ||
      !xaso_pg_set_commune (pg, user->commune, error) ||
      !xaso_server_admin_check_commune (pg, user->commune, error) ||
      (author = xaso_author_begin (pg, user->commune, error)) == NULL ||
      !check_username_free (pg, user->commune, user->username, error) ||
      xaso_author_insert (author, "user", id, "xaso-server", xaso_author_hlc (now, 0), values, error) == 0 ||
      !xaso_author_store (author, error) ||
      !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  if (user->password == NULL)
    *made_password = g_steal_pointer (&password);
  return g_steal_pointer (&id);
}

gboolean
xaso_server_user_list (const XasoServerConfig  *config,
                       const char              *commune,
                       GError                 **error)
{
  g_autoptr(XasoPg) pg = NULL;
  g_autoptr(PGresult) rows = NULL;
  const char *values[] = { commune };

  if (!xaso_sync_commune_code_valid (commune))
    return xaso_server_admin_fail (error, "Give the commune's 5-digit code with --commune.");
  if ((pg = xaso_server_admin_connect (config, error)) == NULL)
    return FALSE;
  if (!xaso_pg_begin (pg, error) || !xaso_pg_set_commune (pg, commune, error) ||
      !xaso_server_admin_check_commune (pg, commune, error))
    {
      xaso_pg_rollback (pg);
      return FALSE;
    }
  rows = xaso_pg_query (pg, "user_list",
                        "SELECT u.v->>'username', coalesce(u.v->>'full_name', ''), coalesce(u.v->>'roles', ''), "
                        "CASE WHEN coalesce(u.v->>'active', '1') IN ('0', 'false') THEN '0' ELSE '1' END "
                        "FROM (SELECT (SELECT jsonb_object_agg(f.field, f.value) FROM row_field f "
                        "  WHERE f.commune_code = $1 AND f.table_name = 'user' AND f.row_id = h.row_id) AS v "
                        "  FROM row_head h WHERE h.commune_code = $1 AND h.table_name = 'user' AND NOT h.deleted "
                        "  AND h.version > 0) u "
                        "WHERE u.v->>'username' IS NOT NULL ORDER BY 1",
                        1, values, error);
  xaso_pg_rollback (pg);
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
