/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-database-private.h"

/* Migration 0012: roles and the password verifier as fields of the user
 * record. Each change is made only if it is not there yet, so the step
 * can meet a database that has it (tests and benchmarks replay upgrades). */

static gboolean
has_column (XasoDatabase *db,
            const char   *column)
{
  return _xaso_database_has_column (db, "user", column);
}

static gboolean
has_table (XasoDatabase *db,
           const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                          "AND name = '%s'", table);

  return _xaso_database_query_int (db, sql) > 0;
}

gboolean
_xaso_database_upgrade_accounts (XasoDatabase  *db,
                                 GError       **error)
{
  static const char * const unused[] = { "password_salt", "password_hash", "password_iterations" };

  if (!has_column (db, "roles") &&
      !xaso_database_exec (db, "ALTER TABLE user ADD COLUMN roles TEXT NOT NULL DEFAULT ''", error))
    return FALSE;
  if (!has_column (db, "password_verifier") &&
      !xaso_database_exec (db, "ALTER TABLE user ADD COLUMN password_verifier TEXT", error))
    return FALSE;
  if (has_table (db, "user_role") &&
      !xaso_database_exec (db, "UPDATE user SET roles = coalesce ((SELECT group_concat (role_code, ',') "
                               "FROM user_role WHERE user_id = user.id), '');"
                               "DROP TABLE user_role;", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (unused); i++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE user DROP COLUMN %s", unused[i]);

      if (has_column (db, unused[i]) && !xaso_database_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}
