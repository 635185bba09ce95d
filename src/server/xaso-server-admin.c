/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pg/xaso-pg.h"
#include "xaso-server-admin.h"
#include "xaso-server-random.h"
#include "xaso-sync-protocol.h"

#define SCHEMA_VERSION 1
#define SCHEMA_RESOURCE "/io/github/xaso/XaSo/server/schema.sql"

gboolean
xaso_server_admin_fail (GError    **error,
                        const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (G_IO_ERROR, G_IO_ERROR_FAILED, format, args);
  va_end (args);
  return FALSE;
}

gboolean
xaso_server_admin_check_commune (XasoPg      *pg,
                                 const char  *commune,
                                 GError     **error)
{
  const char *values[] = { commune };
  g_autoptr(PGresult) exists = NULL;

  exists = xaso_pg_query (pg, "commune_exists", "SELECT 1 FROM commune WHERE commune_code = $1", 1, values, error);
  if (exists == NULL)
    return FALSE;
  if (PQntuples (exists) == 0)
    return xaso_server_admin_fail (error, "There is no commune %s: add it first with “xaso-server commune add”.",
                                   commune);
  return TRUE;
}

static XasoPg *
open_connection (const XasoServerConfig  *config,
                 const char              *role,
                 GError                 **error)
{
  g_autoptr(XasoPg) pg = xaso_pg_new (config->database, role);

  if (!xaso_pg_ensure (pg, error))
    return NULL;
  return g_steal_pointer (&pg);
}

XasoPg *
xaso_server_admin_connect (const XasoServerConfig  *config,
                           GError                 **error)
{
  return open_connection (config, XASO_PG_ROLE_ADMIN, error);
}

/* A database made by a newer xaso-server is left alone: this program would
 * not know what its changes mean. */
static gboolean
check_schema_version (XasoPg  *pg,
                      GError **error)
{
  g_autoptr(PGresult) exists = xaso_pg_query (pg, "schema_exists",
                                              "SELECT to_regclass('schema_version') IS NOT NULL", 0, NULL, error);
  g_autoptr(PGresult) version = NULL;

  if (exists == NULL)
    return FALSE;
  if (g_str_equal (PQgetvalue (exists, 0, 0), "f"))
    return TRUE;
  version = xaso_pg_query (pg, "schema_version", "SELECT coalesce(max(version), 0) FROM schema_version",
                           0, NULL, error);
  if (version == NULL)
    return FALSE;
  if (g_ascii_strtoll (PQgetvalue (version, 0, 0), NULL, 10) > SCHEMA_VERSION)
    return xaso_server_admin_fail (error, "The database has schema version %s, newer than this xaso-server (%d): "
                                   "upgrade xaso-server instead.", PQgetvalue (version, 0, 0), SCHEMA_VERSION);
  return TRUE;
}

static gboolean
apply_schema (XasoPg  *pg,
              GError **error)
{
  g_autoptr(GBytes) schema = g_resources_lookup_data (SCHEMA_RESOURCE, 0, error);
  g_autofree char *script = NULL;
  g_autofree char *record = g_strdup_printf ("DELETE FROM schema_version; "
                                             "INSERT INTO schema_version VALUES (%d)", SCHEMA_VERSION);

  if (schema == NULL)
    return FALSE;
  script = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  return xaso_pg_exec (pg, script, error) && xaso_pg_exec (pg, record, error);
}

gboolean
xaso_server_init_db (const XasoServerConfig  *config,
                     guint                   *claimed,
                     GError                 **error)
{
  g_autoptr(XasoPg) pg = open_connection (config, NULL, error);

  if (pg == NULL)
    return FALSE;
  /* The advisory lock keeps two init-db on one database from interleaving. */
  if (!xaso_pg_begin (pg, error) ||
      !xaso_pg_exec (pg, "SELECT pg_advisory_xact_lock(hashtext('xaso-server init-db'))", error) ||
      !xaso_pg_exec (pg, "SET LOCAL client_min_messages = warning", error) ||
      !check_schema_version (pg, error) ||
      !apply_schema (pg, error) ||
      !xaso_server_backfill_numbers (pg, claimed, error) ||
      !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
commune_valid (const XasoServerCommune  *commune,
               GError                  **error)
{
  if (!xaso_sync_commune_code_valid (commune->code))
    return xaso_server_admin_fail (error, "The commune code has 5 digits (the statistical code of the commune).");
  if (commune->province_code == NULL || strlen (commune->province_code) != 2 ||
      !g_ascii_isdigit (commune->province_code[0]) || !g_ascii_isdigit (commune->province_code[1]))
    return xaso_server_admin_fail (error, "The province code (--province-code) has 2 digits.");
  if (is_blank (commune->name) || is_blank (commune->province_name) ||
      is_blank (commune->agency_eid) || is_blank (commune->agency_name))
    return xaso_server_admin_fail (error, "Give --name, --province-name, --agency-eid and --agency-name.");
  const char *texts[] = { commune->name, commune->province_name, commune->agency_eid, commune->agency_name };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!g_utf8_validate (texts[i], -1, NULL))
      return xaso_server_admin_fail (error, "The names must be UTF-8 text.");
  return TRUE;
}

static gboolean
insert_commune (XasoPg                   *pg,
                const XasoServerCommune  *commune,
                GError                  **error)
{
  const char *values[] = { commune->code, commune->name, commune->province_code, commune->province_name,
                           commune->agency_eid, commune->agency_name };
  g_autoptr(PGresult) row = NULL;
  g_autoptr(PGresult) counter = NULL;

  row = xaso_pg_query (pg, "commune_add",
                       "INSERT INTO commune (commune_code, name, province_code, province_name, agency_eid, "
                       "agency_name) VALUES ($1, $2, $3, $4, $5, $6)", 6, values, error);
  if (row == NULL)
    return FALSE;
  counter = xaso_pg_query (pg, "counter_add", "INSERT INTO counter (commune_code) VALUES ($1)", 1, values, error);
  return counter != NULL;
}

gboolean
xaso_server_commune_add (const XasoServerConfig   *config,
                         const XasoServerCommune  *commune,
                         GError                  **error)
{
  g_autoptr(XasoPg) pg = NULL;
  g_autoptr(GError) local = NULL;

  if (!commune_valid (commune, error) || (pg = open_connection (config, XASO_PG_ROLE_ADMIN, error)) == NULL)
    return FALSE;
  /* The admin role writes inside the new commune's scope, like the server. */
  if (!xaso_pg_begin (pg, &local) ||
      !xaso_pg_set_commune (pg, commune->code, &local) ||
      !insert_commune (pg, commune, &local) ||
      !xaso_pg_commit (pg, &local))
    {
      xaso_pg_rollback (pg);
      if (g_error_matches (local, XASO_PG_ERROR, XASO_PG_ERROR_UNIQUE_VIOLATION))
        return xaso_server_admin_fail (error, "The commune %s already exists.", commune->code);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gboolean
xaso_server_commune_list (const XasoServerConfig  *config,
                          GError                 **error)
{
  g_autoptr(XasoPg) pg = open_connection (config, XASO_PG_ROLE_ADMIN, error);
  g_autoptr(PGresult) rows = NULL;

  if (pg == NULL)
    return FALSE;
  /* The one cross-commune read: policy commune_admin_list in schema.sql. */
  rows = xaso_pg_query (pg, "commune_list",
                        "SELECT commune_code, name, province_code, province_name, agency_eid, agency_name "
                        "FROM commune ORDER BY commune_code", 0, NULL, error);
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

static char *
store_code (XasoPg      *pg,
            const char  *commune_code,
            int          days,
            char       **expires_at,
            GError     **error)
{
  g_autofree char *letters = xaso_server_random_letters (XASO_ENROLLMENT_LETTERS);
  g_autofree char *code = g_strdup_printf ("%s-%s", commune_code, letters);
  g_autofree char *hash = xaso_sync_sha256_hex (code);
  g_autofree char *days_text = g_strdup_printf ("%d", days);
  const char *values[] = { commune_code, hash, days_text };
  g_autoptr(PGresult) row = NULL;

  if (!xaso_server_admin_check_commune (pg, commune_code, error))
    return NULL;
  row = xaso_pg_query (pg, "enrollment_add",
                       "INSERT INTO enrollment (commune_code, code_hash, expires_at) "
                       "VALUES ($1, $2, now() + make_interval(days => $3::int)) "
                       "RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI \"UTC\"')",
                       3, values, error);
  if (row == NULL)
    return NULL;
  *expires_at = g_strdup (PQgetvalue (row, 0, 0));
  return g_steal_pointer (&code);
}

char *
xaso_server_enroll (const XasoServerConfig  *config,
                    const char              *commune_code,
                    char                   **expires_at,
                    GError                 **error)
{
  g_autoptr(XasoPg) pg = NULL;
  g_autofree char *code = NULL;

  if (!xaso_sync_commune_code_valid (commune_code))
    return xaso_server_admin_fail (error, "The commune code has 5 digits (--commune)."), NULL;
  if ((pg = open_connection (config, XASO_PG_ROLE_ADMIN, error)) == NULL)
    return NULL;
  if (!xaso_pg_begin (pg, error) ||
      !xaso_pg_set_commune (pg, commune_code, error) ||
      (code = store_code (pg, commune_code, config->enrollment_days, expires_at, error)) == NULL ||
      !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  return g_steal_pointer (&code);
}

static void
print_rows (PGresult *rows)
{
  for (int i = 0; i < PQntuples (rows); i++)
    for (int j = 0; j < PQnfields (rows); j++)
      {
        g_autofree char *cell = g_strdelimit (g_strdup (PQgetvalue (rows, i, j)), "\t\n\r", ' ');

        g_print ("%s%c", cell, j + 1 < PQnfields (rows) ? '\t' : '\n');
      }
}

/* Runs one statement of the administrator inside the commune's scope. */
static PGresult *
commune_query (const XasoServerConfig  *config,
               const char              *commune_code,
               const char              *name,
               const char              *sql,
               int                      n_values,
               const char * const      *values,
               GError                 **error)
{
  g_autoptr(XasoPg) pg = NULL;
  PGresult *rows = NULL;

  if (!xaso_sync_commune_code_valid (commune_code))
    return xaso_server_admin_fail (error, "The commune code has 5 digits (--commune)."), NULL;
  if ((pg = open_connection (config, XASO_PG_ROLE_ADMIN, error)) == NULL)
    return NULL;
  if (!xaso_pg_begin (pg, error) || !xaso_pg_set_commune (pg, commune_code, error) ||
      (rows = xaso_pg_query (pg, name, sql, n_values, values, error)) == NULL ||
      !xaso_pg_commit (pg, error))
    {
      g_clear_pointer (&rows, PQclear);
      xaso_pg_rollback (pg);
      return NULL;
    }
  return rows;
}

#define LEASE_COLUMNS "l.register_id, l.year, l.device_id, coalesce(d.name, ''), " \
  "to_char(l.until AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

gboolean
xaso_server_lease_list (const XasoServerConfig  *config,
                        const char              *commune_code,
                        GError                 **error)
{
  const char *values[] = { commune_code };
  g_autoptr(PGresult) rows =
    commune_query (config, commune_code, "lease_list",
                   "SELECT " LEASE_COLUMNS " FROM register_lease l LEFT JOIN device d "
                   "ON d.commune_code = l.commune_code AND d.device_id = l.device_id "
                   "WHERE l.commune_code = $1 ORDER BY l.year, l.register_id", 1, values, error);

  if (rows == NULL)
    return FALSE;
  print_rows (rows);
  return TRUE;
}

gboolean
xaso_server_lease_release (const XasoServerConfig  *config,
                           const char              *commune_code,
                           const char              *register_id,
                           GError                 **error)
{
  g_autofree char *lower = register_id ? g_ascii_strdown (register_id, -1) : NULL;
  const char *values[] = { commune_code, lower };
  g_autoptr(PGresult) rows = NULL;

  if (lower == NULL || !xaso_sync_uuid_valid (lower))
    return xaso_server_admin_fail (error, "Give the register's id (--register, a UUID: xasoctl sync leases "
                                   "lists them).");
  rows = commune_query (config, commune_code, "lease_release",
                        "WITH gone AS (DELETE FROM register_lease WHERE commune_code = $1 AND register_id = $2 "
                        "RETURNING *) SELECT " LEASE_COLUMNS " FROM gone l LEFT JOIN device d "
                        "ON d.commune_code = l.commune_code AND d.device_id = l.device_id", 2, values, error);
  if (rows == NULL)
    return FALSE;
  if (PQntuples (rows) == 0)
    return xaso_server_admin_fail (error, "The register %s of commune %s has no lease.", lower, commune_code);
  print_rows (rows);
  return TRUE;
}
