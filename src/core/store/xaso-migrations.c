/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "xaso-database-private.h"

#define MIGRATIONS_PATH "/io/github/xaso/XaSo/migrations"

/* Migrations are named NNNN-what.sql; their number is the schema version
 * they produce. */
static int
migration_number (const char *name)
{
  return (int)g_ascii_strtoll (name, NULL, 10);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return migration_number (*(char **)a) - migration_number (*(char **)b);
}

static GPtrArray *
list_migrations (GError **error)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *list;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql") && migration_number (names[i]) > 0)
      g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

/* Migrations that SQL alone cannot do run after the SQL of their number. */
static const struct
{
  int        number;
  gboolean (*run) (XasoDatabase *db, GError **error);
} code_steps[] = {
  { 7, _xaso_database_normalize_text },
  { 10, _xaso_database_inline_check_lists },
  { 12, _xaso_database_upgrade_accounts },
  { 13, _xaso_database_upgrade_documents },
  { 15, _xaso_database_upgrade_document_seal },
  { 16, _xaso_database_upgrade_dossiers },
  { 18, _xaso_database_add_report_tallies },
  { 19, _xaso_database_upgrade_sync },
  { 21, _xaso_database_upgrade_number_leases },
  { 24, _xaso_database_upgrade_sync_log },
};

static gboolean
run_code_step (XasoDatabase  *self,
               int            number,
               GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (code_steps); i++)
    if (code_steps[i].number == number)
      return code_steps[i].run (self, error);
  return TRUE;
}

static gboolean
apply_one (XasoDatabase  *self,
           const char    *name,
           GError       **error)
{
  g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!xaso_database_exec (self, sql, &local_error) ||
      !run_code_step (self, migration_number (name), &local_error))
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_MIGRATION,
                   _("Could not upgrade the database (step %s): %s"), name, local_error->message);
      return FALSE;
    }
  version = g_strdup_printf ("PRAGMA user_version = %d", migration_number (name));
  return xaso_database_exec (self, version, error);
}

/* The newest migration to apply. XASO_TEST_SCHEMA_CEILING (tests only:
 * tests/sync/test-sync-schema.py) stops at an older one, to make a
 * database as an older release of the program made it. */
static int
ceiling (int latest)
{
  const char *value = g_getenv ("XASO_TEST_SCHEMA_CEILING");
  int wanted = value != NULL ? atoi (value) : 0;

  return wanted > 0 && wanted < latest ? wanted : latest;
}

/* Ops waiting in the outbox were made at the schema being left: the oldest
 * such schema is kept (state "outbox_schema") so the sync engine upcasts
 * them before it pushes (src/sync/client/xaso-sync-outbox-upcast.c). A
 * person's pending work then reaches the server in the current schema,
 * however long the desktop was offline across upgrades. */
static gboolean
note_outbox_schema (XasoDatabase  *self,
                    int            current,
                    GError       **error)
{
  g_autofree char *kept = NULL;
  g_autofree char *value = NULL;

  if (current == 0 || _xaso_database_query_int (self, "SELECT EXISTS (SELECT 1 FROM outbox)") == 0)
    return TRUE;
  kept = xaso_database_get_state (self, "outbox_schema");
  if (kept != NULL && atoi (kept) <= current)
    return TRUE;
  value = g_strdup_printf ("%d", current);
  return xaso_database_set_state (self, "outbox_schema", value, error);
}

/* Applies every migration newer than the database in one transaction, so a
 * failure leaves the database exactly as it was. */
gboolean
_xaso_database_migrate (XasoDatabase  *self,
                        GError       **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations (error);
  int current, latest;

  if (migrations == NULL)
    return FALSE;

  current = xaso_database_get_schema_version (self);
  latest = migrations->len > 0 ? migration_number (g_ptr_array_index (migrations, migrations->len - 1)) : 0;
  if (current > latest)
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_TOO_NEW,
                   _("This database was made by a newer version of Xã Số (schema %d; this program "
                     "knows up to %d). Update the program; the database was not changed."),
                   current, latest);
      return FALSE;
    }
  latest = ceiling (latest);
  if (current >= latest)
    return TRUE;

  if (!xaso_database_begin (self, error))
    return FALSE;
  if (!note_outbox_schema (self, current, error))
    {
      xaso_database_rollback (self);
      return FALSE;
    }
  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);

      if (migration_number (name) <= current || migration_number (name) > latest)
        continue;
      if (!apply_one (self, name, error))
        {
          xaso_database_rollback (self);
          return FALSE;
        }
    }
  /* Pulled fields kept for a column this upgrade may have added. */
  if (!_xaso_database_fold_kept_fields (self, error))
    {
      xaso_database_rollback (self);
      return FALSE;
    }
  return xaso_database_commit (self, error);
}
