/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-dossier-event.h"
#include "xaso-dossier-flow.h"

#define STATE_SQL \
  "UPDATE dossier SET status = ?2, needs_review = ?3, received_at = ?4, due_at = ?5, legal_due_at = ?6, " \
  "resolved_at = ?7, returned_at = ?8, assignee_user_id = ?9, step = ?10, step_due_at = ?11, paused_at = ?12, " \
  "timeliness = ?13 WHERE id = ?1 AND (status IS NOT ?2 OR needs_review IS NOT ?3 OR received_at IS NOT ?4 " \
  "OR due_at IS NOT ?5 OR legal_due_at IS NOT ?6 OR resolved_at IS NOT ?7 OR returned_at IS NOT ?8 " \
  "OR assignee_user_id IS NOT ?9 OR step IS NOT ?10 OR step_due_at IS NOT ?11 OR paused_at IS NOT ?12 " \
  "OR timeliness IS NOT ?13)"

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  if (time == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, xaso_dossier_format_time (time), -1, g_free);
}

/* The columns of the fold, in STATE_SQL's order, joined in one string as
 * the row holds them (row_fold) or as the fold finds them (state_fold), to
 * write only what changed. */
#define FOLD_COLUMNS "d.status, d.needs_review, d.received_at, d.due_at, d.legal_due_at, d.resolved_at, " \
  "d.returned_at, d.assignee_user_id, d.step, d.step_due_at, d.paused_at, d.timeliness"
#define N_FOLD_COLUMNS 12

static char *
row_fold (sqlite3_stmt *stmt,
          int           first)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (int i = 0; i < N_FOLD_COLUMNS; i++)
    {
      const char *text = xaso_column_text (stmt, first + i);

      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, text != NULL ? text : "");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
append_time (GString   *s,
             GDateTime *time)
{
  g_autofree char *text = xaso_dossier_format_time (time);

  g_string_append_c (s, '|');
  g_string_append (s, text != NULL ? text : "");
}

static char *
state_fold (const XasoDossierState *state)
{
  GDateTime *times[] = { state->received_at, state->due, state->legal_due, state->resolved_at, state->returned_at };
  g_autoptr(GString) s = g_string_new (NULL);
  const char *timeliness = xaso_timeliness_to_string (state->timeliness);

  g_string_printf (s, "%d|%d", state->status != 0 ? state->status : XASO_DOSSIER_NEW, state->needs_review);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    append_time (s, times[i]);
  g_string_append_c (s, '|');
  g_string_append (s, state->assignee != NULL ? state->assignee : "");
  g_string_append_printf (s, "|%u", state->step);
  append_time (s, state->step_due);
  append_time (s, state->paused_at);
  g_string_append_c (s, '|');
  g_string_append (s, timeliness != NULL ? timeliness : "");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Writes what the fold found, when it differs from the row. */
static gboolean
store_state (XasoDatabase            *db,
             const char              *dossier_id,
             const XasoDossierState  *state,
             gboolean                *changed,
             GError                 **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, STATE_SQL, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, dossier_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, state->status != 0 ? state->status : XASO_DOSSIER_NEW);
  sqlite3_bind_int (stmt, 3, state->needs_review);
  bind_time (stmt, 4, state->received_at);
  bind_time (stmt, 5, state->due);
  bind_time (stmt, 6, state->legal_due);
  bind_time (stmt, 7, state->resolved_at);
  bind_time (stmt, 8, state->returned_at);
  xaso_bind_text (stmt, 9, state->assignee);
  sqlite3_bind_int (stmt, 10, state->step);
  bind_time (stmt, 11, state->step_due);
  bind_time (stmt, 12, state->paused_at);
  xaso_bind_text (stmt, 13, xaso_timeliness_to_string (state->timeliness));
  if (!xaso_database_step_done (db, stmt, error))
    return FALSE;
  if (changed != NULL)
    *changed = sqlite3_changes (xaso_database_get_handle (db)) > 0;
  return TRUE;
}

/* @procedures: id → XasoProcedure already loaded, or NULL. */
static gboolean
refold_one (XasoDatabase  *db,
            const char    *dossier_id,
            GHashTable    *procedures,
            GError       **error)
{
  g_autoptr(XasoDossier) dossier = xaso_dossier_load (db, dossier_id, error);
  g_autoptr(XasoProcedure) procedure = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree XasoDossierFoldEvent *fold = NULL;
  g_auto(XasoDossierState) state = { 0 };
  const char *procedure_id;

  if (dossier == NULL)
    return FALSE;
  procedure_id = xaso_dossier_get (dossier, XASO_DOSSIER_PROCEDURE_ID);
  if (procedures != NULL && procedure_id != NULL && (procedure = g_hash_table_lookup (procedures, procedure_id)))
    xaso_procedure_ref (procedure);
  else if ((procedure = xaso_procedure_load (db, procedure_id, error)) != NULL && procedures != NULL &&
           procedure_id != NULL)
    g_hash_table_insert (procedures, g_strdup (procedure_id), xaso_procedure_ref (procedure));
  events = procedure != NULL ? xaso_dossier_event_list (db, dossier_id, error) : NULL;
  if (events == NULL)
    return FALSE;
  fold = xaso_dossier_event_to_fold (events);
  xaso_dossier_fold (&state, fold, events->len, procedure, xaso_dossier_get (dossier, XASO_DOSSIER_CHANNEL),
                     xaso_dossier_get (dossier, XASO_DOSSIER_RECEIVED_AT), xaso_dossier_calendar (), FALSE);
  return store_state (db, dossier_id, &state, NULL, error);
}

gboolean
xaso_dossier_refold (XasoDatabase  *db,
                     const char    *dossier_id,
                     GError       **error)
{
  return refold_one (db, dossier_id, NULL, error);
}

gboolean
xaso_dossier_refold_set (XasoDatabase  *db,
                         GHashTable    *dossier_ids,
                         GError       **error)
{
  g_autoptr(GHashTable) procedures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) xaso_procedure_unref);
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, dossier_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!refold_one (db, id, procedures, error))
      return FALSE;
  return TRUE;
}

/* The bulk refold walks every dossier with its events in one query, in the
 * table's order, keeping one dossier's events at a time. */
typedef struct
{
  XasoDatabase *db;
  GHashTable   *procedures;   /* id → XasoProcedure */
  GStringChunk *strings;
  GArray       *events;       /* XasoDossierFoldEvent */
  char         *id;
  char         *procedure_id;
  char         *channel;
  char         *received_at;
  char         *row_fold;     /* row_fold () of the dossier */
  gint64        changed;
} Refold;

static const char *
keep (Refold       *refold,
      sqlite3_stmt *stmt,
      int           column)
{
  const char *text = xaso_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert (refold->strings, text) : NULL;
}

static XasoProcedure *
procedure_for (Refold  *refold,
               GError **error)
{
  XasoProcedure *procedure = g_hash_table_lookup (refold->procedures, refold->procedure_id);

  if (procedure == NULL)
    {
      procedure = xaso_procedure_load (refold->db, refold->procedure_id, error);
      if (procedure != NULL)
        g_hash_table_insert (refold->procedures, g_strdup (refold->procedure_id), procedure);
    }
  return procedure;
}

static gboolean
flush (Refold  *refold,
       GError **error)
{
  g_auto(XasoDossierState) state = { 0 };
  XasoProcedure *procedure;
  gboolean changed = FALSE;
  g_autofree char *folded = NULL;

  if (refold->id == NULL)
    return TRUE;
  procedure = procedure_for (refold, error);
  if (procedure == NULL)
    return FALSE;
  /* Sorted here rather than by the query, which would sort each
   * dossier's events in a temporary b-tree. */
  xaso_dossier_fold_sort ((XasoDossierFoldEvent *)refold->events->data, refold->events->len);
  xaso_dossier_fold (&state, (XasoDossierFoldEvent *)refold->events->data, refold->events->len, procedure,
                     refold->channel, refold->received_at, xaso_dossier_calendar (), FALSE);
  folded = state_fold (&state);
  /* Most rows already hold their fold: comparing here spares an UPDATE. */
  if (g_strcmp0 (folded, refold->row_fold) != 0 && !store_state (refold->db, refold->id, &state, &changed, error))
    return FALSE;
  refold->changed += changed;
  g_array_set_size (refold->events, 0);
  g_string_chunk_clear (refold->strings);
  return TRUE;
}

static void
start_dossier (Refold       *refold,
               sqlite3_stmt *stmt)
{
  g_free (refold->id);
  g_free (refold->procedure_id);
  g_free (refold->channel);
  g_free (refold->received_at);
  g_free (refold->row_fold);
  refold->id = g_strdup (xaso_column_text (stmt, 0));
  refold->row_fold = row_fold (stmt, 10);
  refold->procedure_id = g_strdup (xaso_column_text (stmt, 1));
  refold->channel = g_strdup (xaso_column_text (stmt, 2));
  refold->received_at = g_strdup (xaso_column_text (stmt, 3));
}

static gboolean
walk_all (Refold        *refold,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_strcmp0 (refold->id, xaso_column_text (stmt, 0)) != 0)
        {
          if (!flush (refold, error))
            return FALSE;
          start_dossier (refold, stmt);
        }
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        g_array_append_val (refold->events, ((XasoDossierFoldEvent) {
          keep (refold, stmt, 4), sqlite3_column_int64 (stmt, 5), keep (refold, stmt, 6), keep (refold, stmt, 7),
          keep (refold, stmt, 8), keep (refold, stmt, 9) }));
    }
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (refold->db, rc, error);
  return flush (refold, error);
}

static gboolean
refold_all (XasoDatabase  *db,
            gpointer       data,
            GError       **error)
{
  Refold *refold = data;
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT d.id, d.procedure_id, d.channel, d.received_at, e.id, e.hlc, e.kind, e.at, e.to_user_id, e.data, "
    FOLD_COLUMNS " FROM dossier d LEFT JOIN dossier_event e ON e.dossier_id = d.id WHERE d.deleted = 0 "
    "ORDER BY d.rowid", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = walk_all (refold, stmt, error);
  sqlite3_reset (stmt);
  return ok;
}

gint64
xaso_dossier_refold_all (XasoDatabase  *db,
                         GError       **error)
{
  Refold refold = { db };
  gboolean ok;

  refold.procedures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)xaso_procedure_unref);
  refold.strings = g_string_chunk_new (4096);
  refold.events = g_array_new (FALSE, FALSE, sizeof (XasoDossierFoldEvent));
  ok = xaso_database_run_atomically (db, refold_all, &refold, error);
  g_hash_table_unref (refold.procedures);
  g_string_chunk_free (refold.strings);
  g_array_unref (refold.events);
  g_free (refold.id);
  g_free (refold.procedure_id);
  g_free (refold.channel);
  g_free (refold.received_at);
  g_free (refold.row_fold);
  return ok ? refold.changed : -1;
}
