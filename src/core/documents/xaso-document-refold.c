/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include "xaso-document-fold.h"

/* The fold's fields written where they differ from the row, with a plain
 * UPDATE: no op, no field version. Each desktop folds the same events to
 * the same values, so they need not travel, and the digest leaves them out
 * (src/sync/protocol/xaso-sync-row-digest.c). A field the fold does not
 * know is written as it is (iif). */
static char *
state_sql (void)
{
  g_autoptr(GString) set = g_string_new (NULL);
  g_autoptr(GString) differs = g_string_new (NULL);

  for (guint i = 0; i < XASO_DOCUMENT_FOLD_N_FIELDS; i++)
    {
      const char *column = xaso_document_fold_column (i);
      g_autofree char *value = g_strdup_printf ("iif (?%u, ?%u, %s)", 2 * i + 2, 2 * i + 3, column);

      g_string_append_printf (set, "%s%s = %s", i > 0 ? ", " : "", column, value);
      g_string_append_printf (differs, "%s%s IS NOT %s", i > 0 ? " OR " : "", column, value);
    }
  return g_strdup_printf ("UPDATE document SET %s WHERE id = ?1 AND (%s)", set->str, differs->str);
}

static gboolean
store_state (XasoDatabase             *db,
             const char               *document_id,
             const XasoDocumentState  *state,
             gboolean                 *changed,
             GError                  **error)
{
  static char *sql;
  sqlite3_stmt *stmt;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, state_sql ());
  if ((stmt = xaso_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  for (guint i = 0; i < XASO_DOCUMENT_FOLD_N_FIELDS; i++)
    {
      sqlite3_bind_int (stmt, 2 * i + 2, (state->known & (1u << i)) != 0);
      xaso_bind_text (stmt, 2 * i + 3, state->values[i]);
    }
  if (!xaso_database_step_done (db, stmt, error))
    return FALSE;
  if (changed != NULL)
    *changed = sqlite3_changes (xaso_database_get_handle (db)) > 0;
  return TRUE;
}

/* Whether the document is in the "needs review" queue, kept in its own table
 * (migration 0025) as the fold found it: written where it changes only. */
static gboolean
store_review (XasoDatabase  *db,
              const char    *document_id,
              gboolean       needs_review,
              GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, needs_review
    ? "INSERT OR IGNORE INTO document_review (document_id) VALUES (?)"
    : "DELETE FROM document_review WHERE document_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

/* The document's events with the strings they point into. */
typedef struct
{
  GArray       *events;     /* XasoDocumentFoldEvent */
  GStringChunk *strings;
} Events;

static void
events_clear (Events *e)
{
  g_clear_pointer (&e->events, g_array_unref);
  g_clear_pointer (&e->strings, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Events, events_clear)

static const char *
keep (Events       *e,
      sqlite3_stmt *stmt,
      int           column)
{
  const char *text = xaso_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert (e->strings, text) : NULL;
}

static gboolean
load_events (XasoDatabase  *db,
             const char    *document_id,
             Events        *e,
             GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT id, hlc, kind, at, to_user_id, note, data FROM document_event WHERE document_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  e->events = g_array_new (FALSE, FALSE, sizeof (XasoDocumentFoldEvent));
  e->strings = g_string_chunk_new (1024);
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (e->events, ((XasoDocumentFoldEvent) {
      keep (e, stmt, 0), sqlite3_column_int64 (stmt, 1), keep (e, stmt, 2), keep (e, stmt, 3), keep (e, stmt, 4),
      keep (e, stmt, 5), keep (e, stmt, 6) }));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error);
  /* Sorted here, as the fold wants them, rather than by the query. */
  xaso_document_fold_sort ((XasoDocumentFoldEvent *)(gpointer)e->events->data, e->events->len);
  return TRUE;
}

static gboolean
refold_one (XasoDatabase  *db,
            const char    *document_id,
            gboolean      *changed,
            GError       **error)
{
  g_auto(Events) e = { 0 };
  g_auto(XasoDocumentState) state = { 0 };

  if (!load_events (db, document_id, &e, error))
    return FALSE;
  xaso_document_fold (&state, (XasoDocumentFoldEvent *)(gpointer)e.events->data, e.events->len);
  return store_state (db, document_id, &state, changed, error) &&
         store_review (db, document_id, state.needs_review, error);
}

gboolean
xaso_document_refold (XasoDatabase  *db,
                      const char    *document_id,
                      GError       **error)
{
  return refold_one (db, document_id, NULL, error);
}

typedef struct
{
  gint64 changed;
} RefoldAll;

static gboolean
refold_all (XasoDatabase  *db,
            gpointer       data,
            GError       **error)
{
  RefoldAll *all = data;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT id FROM document WHERE deleted = 0 ORDER BY rowid", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (xaso_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean changed = FALSE;

      if (!refold_one (db, g_ptr_array_index (ids, i), &changed, error))
        return FALSE;
      all->changed += changed;
    }
  return TRUE;
}

gint64
xaso_document_refold_all (XasoDatabase  *db,
                          GError       **error)
{
  RefoldAll all = { 0 };

  return xaso_database_run_atomically (db, refold_all, &all, error) ? all.changed : -1;
}
