/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-change.h"
#include "xaso-collate.h"
#include "xaso-database-private.h"
#include "xaso-unicode.h"

/* Text stored before core kept one Unicode form, and keys made by another
 * version of the collation rules, brought up to date. */

/* Copies made from other columns, not text anyone typed. */
static gboolean
is_derived (const char *column)
{
  return g_str_has_suffix (column, "_folded") || g_str_equal (column, "sort_key") ||
         g_str_equal (column, "id") || g_str_equal (column, "commune_code");
}

static GPtrArray *
text_columns (XasoDatabase  *db,
              const char    *table,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') WHERE type = 'TEXT'", table);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (!is_derived (xaso_column_text (stmt, 0)))
      g_ptr_array_add (columns, g_strdup (xaso_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return g_steal_pointer (&columns);
}

/* One change per row that holds text in another form, written like any
 * edit: the op carries the NFC text to the other replicas with sync. */
static gboolean
normalize_row (XasoDatabase  *db,
               const char    *table,
               GPtrArray     *columns,
               sqlite3_stmt  *row,
               GError       **error)
{
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_UPDATE, table, xaso_column_text (row, 0));

  for (guint i = 0; i < columns->len; i++)
    {
      const char *text = xaso_column_text (row, i + 1);

      if (text != NULL && !xaso_unicode_is_nfc (text))
        {
          g_autofree char *nfc = xaso_unicode_nfc (text);

          xaso_change_set_text (change, g_ptr_array_index (columns, i), nfc);
        }
    }
  return xaso_change_apply (change, db, "xaso-upgrade", error);
}

static gboolean
normalize_table (XasoDatabase  *db,
                 const char    *table,
                 guint         *n_rows,
                 GError       **error)
{
  g_autoptr(GPtrArray) columns = text_columns (db, table, error);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autofree char *list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (columns == NULL)
    return FALSE;
  if (columns->len == 0)
    return TRUE;
  g_ptr_array_add (columns, NULL);
  list = g_strjoinv ("\", \"", (char **) columns->pdata);
  g_ptr_array_set_size (columns, columns->len - 1);
  g_string_append_printf (sql, ", \"%s\" FROM \"%s\" WHERE NOT xaso_is_nfc (\"%s\")", list, table, list);

  /* A statement of its own: the changes below use the cached ones. */
  if (sqlite3_prepare_v2 (xaso_database_get_handle (db), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return xaso_database_set_error (db, sqlite3_errcode (xaso_database_get_handle (db)), error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!normalize_row (db, table, columns, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      (*n_rows)++;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

/* Migration 0007: every stored text in NFC. */
gboolean
_xaso_database_normalize_text (XasoDatabase  *db,
                               GError       **error)
{
  const char * const *tables = xaso_change_get_tables ();
  guint n_rows = 0;

  /* History (events, audit) is append-only: it keeps what was written. */
  for (guint i = 0; tables[i] != NULL; i++)
    if (!xaso_change_table_is_history (tables[i]) && !normalize_table (db, tables[i], &n_rows, error))
      return FALSE;
  if (n_rows > 0)
    g_debug ("%u records held text in decomposed Unicode; they are now in NFC", n_rows);
  return TRUE;
}

/* The indexes over the sort key: dropped while every key is rewritten and
 * made again after, which is several times faster than keeping them up to
 * date row by row. */
static GPtrArray *
sort_key_indexes (XasoDatabase  *db,
                  GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql LIKE '%sort_key%'",
    error);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (indexes, g_strdup (xaso_column_text (stmt, 0)));
      g_ptr_array_add (indexes, g_strdup (xaso_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&indexes);
}

static gboolean
remake_sort_keys (XasoDatabase  *db,
                  GError       **error)
{
  g_autoptr(GPtrArray) indexes = sort_key_indexes (db, error);

  if (indexes == NULL)
    return FALSE;
  for (guint i = 0; i < indexes->len; i += 2)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (char *) g_ptr_array_index (indexes, i));

      if (!xaso_database_exec (db, drop, error))
        return FALSE;
    }
  if (!xaso_database_exec (db, "UPDATE person SET sort_key = xaso_name_key (full_name)", error))
    return FALSE;
  for (guint i = 1; i < indexes->len; i += 2)
    if (!xaso_database_exec (db, g_ptr_array_index (indexes, i), error))
      return FALSE;
  return TRUE;
}

/* Sort keys are remade whenever the collation rules that made them differ
 * from the program's (a database made before keys existed, or a newer ICU),
 * so stored keys and the keys of new records always agree. */
gboolean
_xaso_database_refresh_sort_keys (XasoDatabase  *db,
                                  GError       **error)
{
  g_autofree char *made_with = xaso_database_get_state (db, "collation");
  const char *current = xaso_collate_get_version ();
  g_autoptr(GError) busy = NULL;

  if (g_strcmp0 (made_with, current) == 0)
    return TRUE;
  /* Another program holding the database longer than the busy timeout (an
   * import, or one with another ICU remaking the keys) does not stop this
   * one from opening: the keys are remade at the next open. */
  if (!xaso_database_begin (db, &busy))
    {
      g_debug ("Sort keys not remade now: %s", busy->message);
      return TRUE;
    }
  g_free (made_with);
  made_with = xaso_database_get_state (db, "collation");
  if (g_strcmp0 (made_with, current) == 0)
    {
      xaso_database_rollback (db);
      return TRUE;
    }
  if (!remake_sort_keys (db, error) ||
      !xaso_database_set_state (db, "collation", current, error) ||
      !xaso_database_commit (db, error))
    {
      xaso_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}
