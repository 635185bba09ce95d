/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include "xaso-fold.h"
#include "xaso-household-search.h"

XasoHouseholdFilter *
xaso_household_filter_new (void)
{
  return g_new0 (XasoHouseholdFilter, 1);
}

void
xaso_household_filter_free (XasoHouseholdFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->text);
  g_free (filter->hamlet);
  g_free (filter);
}

XasoHouseholdFilter *
xaso_household_filter_parse (const char  *query,
                             GError     **error)
{
  g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, error);
  XasoHouseholdFilter *filter;

  if (params == NULL)
    return NULL;
  filter = xaso_household_filter_new ();
  filter->hamlet = g_strdup (g_hash_table_lookup (params, "hamlet"));
  filter->text = g_strdup (g_hash_table_lookup (params, "text"));
  return filter;
}

/* Each word typed must be found in the household's number, its head's
 * folded name or its folded address; a household register holds a few
 * thousand rows, so a scan answers in milliseconds. */
static char *
build_sql (const XasoHouseholdFilter *filter,
           guint                      n_words)
{
  GString *sql = g_string_new ("SELECT h.rowid FROM household h LEFT JOIN person p ON p.id = h.head_person_id "
                               "WHERE h.commune_code = :commune AND h.deleted = 0");

  if (filter->hamlet != NULL)
    g_string_append (sql, " AND h.hamlet = :hamlet");
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (sql, " AND (instr (coalesce (h.code, ''), :w%u) > 0 "
                                 "OR instr (coalesce (p.name_folded, ''), :w%u) > 0 "
                                 "OR instr (xaso_fold (h.address), :w%u) > 0)", i, i, i);
  g_string_append (sql, " ORDER BY h.code, h.rowid LIMIT :limit");
  return g_string_free (sql, FALSE);
}

GArray *
xaso_household_search_rowids (XasoDatabase               *db,
                              const XasoHouseholdFilter  *filter,
                              guint                       limit,
                              GCancellable               *cancellable,
                              GError                    **error)
{
  g_auto(GStrv) words = filter->text ? xaso_fold_query_words (filter->text) : NULL;
  guint n_words = words ? g_strv_length (words) : 0;
  g_autofree char *sql = build_sql (filter, n_words);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *name = g_strdup_printf (":w%u", i);

      xaso_bind_named (stmt, name, words[i]);
    }
  xaso_bind_named (stmt, ":commune", xaso_database_get_commune_code (db));
  xaso_bind_named (stmt, ":hamlet", filter->hamlet);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit > 0 ? (gint64)limit : -1);
  return xaso_database_collect_rowids (db, stmt, cancellable, error);
}
