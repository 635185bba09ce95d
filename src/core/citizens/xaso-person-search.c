/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-fold.h"
#include "xaso-person-search.h"

XasoPersonFilter *
xaso_person_filter_new (void)
{
  XasoPersonFilter *filter = g_new0 (XasoPersonFilter, 1);

  filter->age_min = -1;
  filter->age_max = -1;
  return filter;
}

XasoPersonFilter *
xaso_person_filter_copy (const XasoPersonFilter *filter)
{
  XasoPersonFilter *copy = g_memdup2 (filter, sizeof *filter);

  copy->text = g_strdup (filter->text);
  copy->hamlet = g_strdup (filter->hamlet);
  return copy;
}

void
xaso_person_filter_free (XasoPersonFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->text);
  g_free (filter->hamlet);
  g_free (filter);
}

/* Builds the query from fixed pieces; every value the official typed is
 * bound, never pasted. Returns the number of parameters in @params order:
 * 1 commune, 2 fts match, 3 hamlet, 4 sex, 5 youngest birth year,
 * 6 oldest birth year, 7 limit. */
#define BROAD_MATCH 3000

/* Counts matches up to a bound: cheap, because the count stops early. */
static gboolean
match_is_broad (XasoDatabase *db,
                const char   *match)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT count(*) FROM (SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT ?)", NULL);
  gboolean broad = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, BROAD_MATCH);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    broad = sqlite3_column_int (stmt, 0) >= BROAD_MATCH;
  sqlite3_reset (stmt);
  return broad;
}

static char *
build_sql (const XasoPersonFilter *filter,
           gboolean                has_match,
           gboolean                broad)
{
  GString *sql = g_string_new (NULL);

  /* Two plans, because the best order depends on how much matches. A narrow
   * match drives the join (CROSS JOIN keeps it the outer loop; left to itself
   * the planner ran the match once per person, a second for a three-word
   * query at 20,000 persons) and the few rows are sorted. A broad match is
   * gathered into a set once, and the name-order index is walked until the
   * first screen is full, which comes quickly because matches are dense. */
  if (has_match && broad)
    g_string_append (sql, "SELECT p.rowid FROM person p WHERE p.commune_code = ?1 AND p.deleted = 0 "
                          "AND p.rowid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?2)");
  else if (has_match)
    g_string_append (sql, "SELECT p.rowid FROM person_fts f CROSS JOIN person p ON p.rowid = f.rowid "
                          "WHERE person_fts MATCH ?2 AND p.commune_code = ?1 AND p.deleted = 0");
  else
    g_string_append (sql, "SELECT p.rowid FROM person p WHERE p.commune_code = ?1 AND p.deleted = 0");
  if (filter->hamlet != NULL)
    g_string_append (sql, " AND p.hamlet = ?3");
  if (filter->sex != XASO_SEX_UNKNOWN)
    g_string_append (sql, " AND p.sex = ?4");
  if (filter->age_min >= 0)
    g_string_append (sql, " AND substr (p.birth_date, 1, 4) <= ?5");
  if (filter->age_max >= 0)
    g_string_append (sql, " AND substr (p.birth_date, 1, 4) >= ?6");
  if (filter->life == XASO_LIFE_LIVING)
    g_string_append (sql, " AND p.status <> 'deceased'");
  else if (filter->life == XASO_LIFE_DECEASED)
    g_string_append (sql, " AND p.status = 'deceased'");
  g_string_append (sql, " ORDER BY p.sort_key LIMIT ?7");
  return g_string_free (sql, FALSE);
}

/* Every word typed must start a word of the same field: a name, an ID
 * number or an address. "nguyen van an" finds Nguyễn Văn An and Nguyễn Ánh
 * Văn, but not Nguyễn Văn Bình of Ấp An Phú. */
static char *
make_match (const char *text)
{
  g_autofree char *words = text ? xaso_fold_query_to_fts (text) : NULL;

  if (words == NULL)
    return NULL;
  return g_strdup_printf ("{name_folded} : (%s) OR {id_number} : (%s) OR {address_folded} : (%s)",
                          words, words, words);
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

static void
bind_filter (sqlite3_stmt           *stmt,
             XasoDatabase           *db,
             const XasoPersonFilter *filter,
             const char             *match,
             guint                   limit)
{
  g_autoptr(GDateTime) now = xaso_now ();
  int year = g_date_time_get_year (now);
  char youngest[8], oldest[8];

  g_snprintf (youngest, sizeof youngest, "%04d", year - MAX (filter->age_min, 0));
  g_snprintf (oldest, sizeof oldest, "%04d", year - MAX (filter->age_max, 0));
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_TRANSIENT);
  xaso_bind_text (stmt, 2, match);
  xaso_bind_text (stmt, 3, filter->hamlet);
  sqlite3_bind_text (stmt, 4, filter->sex == XASO_SEX_FEMALE ? "female" : "male", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, youngest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, oldest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, limit ? (gint64)limit : G_MAXINT64);
}

GArray *
xaso_person_search_rowids (XasoDatabase            *db,
                           const XasoPersonFilter  *filter,
                           guint                    limit,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autofree char *match = make_match (filter->text);
  g_autofree char *sql = build_sql (filter, match != NULL, match != NULL && match_is_broad (db, match));
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  g_autoptr(GArray) rowids = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, db, filter, match, limit);
  rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit ? limit : 1024);
  if (cancellable != NULL)
    sqlite3_progress_handler (xaso_database_get_handle (db), 1000, check_cancelled, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  sqlite3_progress_handler (xaso_database_get_handle (db), 0, NULL, NULL);

  if (rc == SQLITE_INTERRUPT || g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The search was cancelled."));
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      xaso_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rowids);
}

GPtrArray *
xaso_person_load_rowids (XasoDatabase  *db,
                         const gint64  *rowids,
                         guint          n_rowids,
                         GError       **error)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (XASO_TYPE_PERSON);
  g_autofree char *sql = g_strdup_printf (
    "SELECT person.rowid, %s FROM json_each (?) j JOIN person ON person.rowid = j.value ORDER BY j.key",
    xaso_record_class_columns (klass));
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_rowids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", rowids[i]);
  g_string_append_c (list, ']');
  sqlite3_bind_text (stmt, 1, list->str, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      XasoPerson *person = g_object_new (XASO_TYPE_PERSON, NULL);

      xaso_record_load_columns (XASO_RECORD (person), stmt, 1);
      g_ptr_array_add (persons, person);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&persons);
}

GPtrArray *
xaso_person_search (XasoDatabase  *db,
                    const char    *text,
                    guint          limit,
                    GError       **error)
{
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autoptr(GArray) rowids = NULL;

  filter->text = g_strdup (text);
  rowids = xaso_person_search_rowids (db, filter, limit, NULL, error);
  if (rowids == NULL)
    return NULL;
  return xaso_person_load_rowids (db, (gint64 *)(gpointer)rowids->data, rowids->len, error);
}
