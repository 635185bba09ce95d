/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-change.h"
#include "xaso-collate.h"
#include "xaso-fold.h"
#include "xaso-procedure-catalogue.h"
#include "xaso-procedure-private.h"
#include "xaso-uuid.h"

/* A procedure with the key it sorts by, while a list is made. */
typedef struct
{
  XasoProcedure *procedure;
  char          *key;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->procedure, xaso_procedure_unref);
  g_free (entry->key);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Entry *) a)->key, ((const Entry *) b)->key);
}

/* "1.0011" is a code being typed: it is matched against codes only, or
 * its "1" would find every name with a number in it. */
static gboolean
looks_like_code (const char *text)
{
  if (!g_ascii_isdigit (*text))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      return FALSE;
  return TRUE;
}

static gboolean
matches (XasoProcedure      *procedure,
         const char         *query,
         const char * const *words)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (looks_like_code (query))
    return procedure->code != NULL && g_str_has_prefix (procedure->code, query);
  text = g_strjoin (" ", procedure->code ? procedure->code : "", procedure->name,
                    procedure->field ? procedure->field : "", NULL);
  folded = xaso_fold (text);
  return xaso_fold_words_start_words (words, folded);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = xaso_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Several versions could overlap on a day only through a sync that joined
 * two offices' edits; the highest version then counts, as in
 * xaso_procedure_find(). */
static gboolean
read_valid (XasoDatabase  *db,
            const char    *date,
            GArray        *entries,
            GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT " XASO_PROCEDURE_COLUMNS " FROM procedure WHERE deleted = 0 AND valid_from <= ?1 "
    "AND (valid_to IS NULL OR valid_to > ?1) ORDER BY code, version DESC", error);
  g_autofree char *last_code = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = xaso_column_text (stmt, 1);
      Entry entry = { NULL, NULL };

      if (code != NULL && g_strcmp0 (code, last_code) == 0)
        continue;
      g_free (last_code);
      last_code = g_strdup (code);
      entry.procedure = _xaso_procedure_from_row (stmt);
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

GPtrArray *
xaso_procedure_catalogue_list (XasoDatabase  *db,
                               const char    *search,
                               const char    *date,
                               GError       **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autofree char *day = date != NULL ? g_strdup (date) : today ();
  g_autofree char *query = g_strstrip (g_strdup (search ? search : ""));
  g_auto(GStrv) words = xaso_fold_query_words (query);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_procedure_unref);

  g_array_set_clear_func (entries, entry_clear);
  if (!read_valid (db, day, entries, error))
    {
      g_ptr_array_unref (list);
      return NULL;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      const char *parts[] = { entry->procedure->field ? entry->procedure->field : "", entry->procedure->name };

      entry->key = xaso_collate_key_parts (parts, G_N_ELEMENTS (parts));
    }
  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      XasoProcedure *procedure = g_array_index (entries, Entry, i).procedure;

      if (*query == '\0' || matches (procedure, query, (const char * const *) words))
        g_ptr_array_add (list, xaso_procedure_ref (procedure));
    }
  return list;
}

GPtrArray *
xaso_procedure_catalogue_versions (XasoDatabase  *db,
                                   const char    *code,
                                   GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT " XASO_PROCEDURE_COLUMNS " FROM procedure WHERE code = ? AND deleted = 0 "
    "ORDER BY version, valid_from", error);
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_procedure_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, _xaso_procedure_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      xaso_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

gboolean
_xaso_procedure_current (XasoDatabase   *db,
                         const char     *code,
                         XasoProcedure **current,
                         GError        **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT " XASO_PROCEDURE_COLUMNS " FROM procedure WHERE code = ? AND deleted = 0 AND valid_to IS NULL "
    "ORDER BY version DESC LIMIT 1", error);
  int rc;

  *current = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *current = _xaso_procedure_from_row (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

static gboolean
close_version (XasoDatabase   *db,
               XasoProcedure  *current,
               const char     *valid_to,
               const char     *actor,
               GError        **error)
{
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_UPDATE, "procedure", current->id);

  xaso_change_set_text (change, "valid_to", valid_to);
  return xaso_change_apply (change, db, actor, error);
}

char *
_xaso_procedure_write_version (XasoDatabase   *db,
                               XasoProcedure  *current,
                               XasoProcedure  *content,
                               const char     *valid_from,
                               const char     *actor,
                               GError        **error)
{
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *papers = _xaso_procedure_papers_json (content);
  g_autofree char *steps = _xaso_procedure_steps_json (content);
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "procedure", id);

  if (current != NULL && !close_version (db, current, valid_from, actor, error))
    return NULL;
  xaso_change_set_text (change, "code", content->code);
  xaso_change_set_int (change, "version", current != NULL ? current->version + 1 : 1);
  xaso_change_set_text (change, "name", content->name);
  xaso_change_set_text (change, "field", content->field);
  xaso_change_set_text (change, "time_unit", xaso_time_unit_to_string (content->time_unit));
  xaso_change_set_double (change, "time_limit_direct", content->limit_direct);
  xaso_change_set_double (change, "time_limit_online", content->limit_online);
  xaso_change_set_int (change, "fee_amount", content->fee_by_province ? 0 : content->fee_amount);
  xaso_change_set_int (change, "fee_by_province", content->fee_by_province);
  xaso_change_set_text (change, "fee_note", content->fee_note);
  xaso_change_set_text (change, "papers", papers);
  xaso_change_set_text (change, "steps", steps);
  xaso_change_set_text (change, "note", content->note);
  xaso_change_set_text (change, "valid_from", valid_from);
  if (!xaso_change_apply (change, db, actor, error))
    return NULL;
  return g_steal_pointer (&id);
}

typedef struct
{
  XasoProcedure *edited;
  const char    *valid_from;
  const char    *actor;
  char          *id;
} NewVersion;

static gboolean
refuse (GError     **error,
        const char  *problem)
{
  g_autofree char *sentence = _xaso_procedure_sentence (problem);

  g_set_error_literal (error, XASO_PROCEDURE_ERROR, XASO_PROCEDURE_ERROR_INVALID, sentence);
  return FALSE;
}

static gboolean
make_new_version (XasoDatabase  *db,
                  gpointer       data,
                  GError       **error)
{
  NewVersion *job = data;
  g_autoptr(XasoProcedure) current = NULL;
  g_autofree char *problem = NULL;

  if (!_xaso_procedure_current (db, job->edited->code, &current, error))
    return FALSE;
  if (current != NULL && g_strcmp0 (job->valid_from, current->valid_from) <= 0)
    problem = g_strdup_printf (_("a new version of the procedure “%s” must begin after %s, "
                                 "the day its current version began"), job->edited->code, current->valid_from);
  else if (current != NULL && _xaso_procedure_same_content (current, job->edited))
    problem = g_strdup_printf (_("the procedure “%s” has not changed: there is no new version to make"),
                               job->edited->code);
  if (problem != NULL)
    return refuse (error, problem);
  job->id = _xaso_procedure_write_version (db, current, job->edited, job->valid_from, job->actor, error);
  return job->id != NULL;
}

char *
xaso_procedure_new_version (XasoDatabase   *db,
                            XasoUser       *actor,
                            XasoProcedure  *edited,
                            const char     *valid_from,
                            GError        **error)
{
  NewVersion job = { edited, valid_from, NULL, NULL };
  g_autofree char *problem = NULL;

  g_return_val_if_fail (edited != NULL, NULL);

  if (!xaso_user_check_right (actor, XASO_RIGHT_EDIT_CATALOGUE, error))
    return NULL;
  if (!_xaso_procedure_is_date (valid_from))
    problem = g_strdup_printf (_("the first day of a version must be a date as YYYY-MM-DD, not “%s”"),
                               valid_from ? valid_from : "");
  else if (edited->code == NULL)
    problem = g_strdup_printf (_("the procedure “%s” has no code"), edited->name ? edited->name : "");
  if (problem == NULL)
    _xaso_procedure_check (edited, &problem, NULL);
  if (problem != NULL)
    {
      refuse (error, problem);
      return NULL;
    }
  job.actor = xaso_user_get (actor, XASO_USER_USERNAME);
  if (!xaso_database_run_atomically (db, make_new_version, &job, error))
    {
      g_free (job.id);
      return NULL;
    }
  return job.id;
}
