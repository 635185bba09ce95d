/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-database-private.h"

/* CHECK constraints of the form "kind IN ('insert', 'update', 'delete')"
 * cost SQLite a lookup table built anew for every row written (3.40 builds
 * one for any list of three values or more): seven of them for a person
 * saved with its op and audit entry, a third of a bulk import's time. The
 * same rule written "(kind = 'insert' OR kind = 'update' OR kind = 'delete')"
 * compares in place. The rewrite changes no stored row, so it is made in
 * the schema text, the way SQLite documents for changing a CHECK
 * constraint, and the schema version is raised so every connection reads
 * it anew. */

#define LIST_PATTERN "\\b([a-z_]+) IN \\(((?:'[^']*'\\s*,\\s*)+'[^']*')\\)"

static gboolean
expand_list (const GMatchInfo *match,
             GString          *out,
             gpointer          data)
{
  g_autofree char *column = g_match_info_fetch (match, 1);
  g_autofree char *values = g_match_info_fetch (match, 2);
  g_auto(GStrv) items = g_strsplit (values, ",", -1);

  g_string_append_c (out, '(');
  for (guint i = 0; items[i] != NULL; i++)
    g_string_append_printf (out, "%s%s = %s", i ? " OR " : "", column, g_strstrip (items[i]));
  g_string_append_c (out, ')');
  return FALSE;
}

/* The schema text of a table with its value lists written out as
 * comparisons; NULL when it has none. Values hold no commas or quotes. */
char *
_xaso_check_lists_expand (const char *sql)
{
  static GRegex *list;

  if (g_once_init_enter (&list))
    g_once_init_leave (&list, g_regex_new (LIST_PATTERN, G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (list, sql, 0, NULL))
    return NULL;
  return g_regex_replace_eval (list, sql, -1, 0, 0, expand_list, NULL, NULL);
}

static GPtrArray *
tables_to_rewrite (XasoDatabase  *db,
                   GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%CHECK%'", error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *expanded = _xaso_check_lists_expand (xaso_column_text (stmt, 1));

      if (expanded != NULL)
        {
          g_ptr_array_add (found, g_strdup (xaso_column_text (stmt, 0)));
          g_ptr_array_add (found, expanded);
        }
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&found);
}

static gboolean
write_schema (XasoDatabase  *db,
              GPtrArray     *rewrites,
              GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rewrites->len; i += 2)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (rewrites, i + 1), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (rewrites, i), -1, SQLITE_STATIC);
      if (!xaso_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs inside the migration's transaction: a schema SQLite could not read
 * back fails the check at the end and the whole upgrade is rolled back. */
gboolean
_xaso_database_inline_check_lists (XasoDatabase  *db,
                                   GError       **error)
{
  g_autoptr(GPtrArray) rewrites = tables_to_rewrite (db, error);
  g_autofree char *bump = NULL;
  gboolean written;

  if (rewrites == NULL)
    return FALSE;
  if (rewrites->len == 0)
    return TRUE;
  bump = g_strdup_printf ("PRAGMA schema_version = %d", _xaso_database_query_int (db, "PRAGMA schema_version") + 1);
  if (!xaso_database_exec (db, "PRAGMA writable_schema = ON", error))
    return FALSE;
  written = write_schema (db, rewrites, error) && xaso_database_exec (db, bump, error);
  if (!xaso_database_exec (db, "PRAGMA writable_schema = OFF", written ? error : NULL) || !written)
    return FALSE;
  return xaso_database_exec (db, "SELECT count(*) FROM sqlite_schema", error);
}
