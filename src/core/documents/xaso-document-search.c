/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-document-flow-private.h"
#include "xaso-document-search.h"
#include "xaso-fold.h"

XasoDocumentFilter *
xaso_document_filter_new (void)
{
  return g_new0 (XasoDocumentFilter, 1);
}

XasoDocumentFilter *
xaso_document_filter_copy (const XasoDocumentFilter *f)
{
  XasoDocumentFilter *copy = g_memdup2 (f, sizeof *f);

  copy->text = g_strdup (f->text);
  copy->direction = g_strdup (f->direction);
  copy->status = g_strdup (f->status);
  copy->urgency = g_strdup (f->urgency);
  copy->lead_user_id = g_strdup (f->lead_user_id);
  copy->signer = g_strdup (f->signer);
  copy->issuer = g_strdup (f->issuer);
  copy->today = g_strdup (f->today);
  copy->due_soon_until = g_strdup (f->due_soon_until);
  copy->registered_from = g_strdup (f->registered_from);
  copy->registered_to = g_strdup (f->registered_to);
  copy->issued_from = g_strdup (f->issued_from);
  copy->issued_to = g_strdup (f->issued_to);
  return copy;
}

void
xaso_document_filter_free (XasoDocumentFilter *f)
{
  if (f == NULL)
    return;
  g_free (f->text);
  g_free (f->direction);
  g_free (f->status);
  g_free (f->urgency);
  g_free (f->lead_user_id);
  g_free (f->signer);
  g_free (f->issuer);
  g_free (f->today);
  g_free (f->due_soon_until);
  g_free (f->registered_from);
  g_free (f->registered_to);
  g_free (f->issued_from);
  g_free (f->issued_to);
  g_free (f);
}

/* The statuses at which a document still waits for someone, and the
 * deadline's sort key, written as the partial indexes of migration 0013
 * have them so that the planner uses them. */
#define OPEN_STATUSES "('registered', 'presented', 'directed', 'in_progress')"
#define DEADLINE_KEY "coalesce (d.deadline, '9999-12-31')"

static void
append_filters (GString                  *sql,
                const XasoDocumentFilter *f)
{
  if (f->direction != NULL)
    g_string_append (sql, " AND d.direction = :direction");
  if (f->year > 0)
    g_string_append (sql, " AND d.register_id IN (SELECT id FROM register WHERE year = :year)");
  if (f->status != NULL && strchr (f->status, ',') == NULL)
    g_string_append (sql, " AND d.status = :status");
  else if (f->status != NULL)
    g_string_append (sql, " AND d.status IN (SELECT value FROM json_each (:statuses))");
  if (f->urgency != NULL)
    g_string_append (sql, " AND d.urgency = :urgency");
  if (f->lead_user_id != NULL)
    g_string_append (sql, " AND d.lead_user_id = :lead");
  if (f->signer != NULL)
    g_string_append (sql, " AND d.signer = :signer");
  if (f->issuer != NULL)
    g_string_append (sql, " AND d.issuer = :issuer");
  if (f->due == XASO_DOCUMENT_DUE_OPEN)
    g_string_append (sql, " AND d.status IN " OPEN_STATUSES);
  if (f->due == XASO_DOCUMENT_DUE_OVERDUE)
    g_string_append (sql, " AND d.status IN " OPEN_STATUSES " AND d.deadline < :today");
  if (f->due == XASO_DOCUMENT_DUE_SOON)
    g_string_append (sql, " AND d.status IN " OPEN_STATUSES " AND d.deadline BETWEEN :today AND :soon");
  if (f->registered_from != NULL)
    g_string_append (sql, " AND d.direction = 'incoming' AND d.status <> 'received' "
                          "AND d.received_date BETWEEN :registered_from AND :registered_to");
  if (f->issued_from != NULL)
    g_string_append (sql, " AND d.status IN ('issued', 'done') AND d.issued_date BETWEEN :issued_from AND :issued_to");
  if (f->issued_late)
    g_string_append (sql, " AND d.signed_date IS NOT NULL AND xaso_document_issued_late (d.signed_date, d.issued_date)");
  /* By rowid, from the few documents to review: "d.id IN (…)" let the planner
   * walk every document of the direction instead (3.4 ms → 0.04 ms for 4,000
   * documents, without statistics). */
  if (f->needs_review)
    g_string_append (sql, " AND d.rowid IN (SELECT r.rowid FROM document_review v "
                          "JOIN document r ON r.id = v.document_id)");
}

static char *
build_sql (const XasoDocumentFilter *f,
           gboolean                  text)
{
  GString *sql = g_string_new ("SELECT d.rowid FROM ");

  if (text)
    g_string_append (sql, "document_fts f CROSS JOIN document d ON d.rowid = f.rowid "
                          "WHERE document_fts MATCH :match AND d.deleted = 0");
  else
    g_string_append (sql, "document d WHERE d.deleted = 0");
  append_filters (sql, f);
  if (f->order == XASO_DOCUMENT_ORDER_DEADLINE)
    g_string_append (sql, " ORDER BY " DEADLINE_KEY ", d.rowid");
  else
    g_string_append (sql, text ? " ORDER BY f.rowid DESC" : " ORDER BY d.rowid DESC");
  g_string_append (sql, " LIMIT :limit");
  return g_string_free (sql, FALSE);
}

static char *
statuses_json (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);
  g_autoptr(GString) json = g_string_new ("[");

  /* Statuses are words of [a-z_]; anything else matches nothing. */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *word = g_strstrip (parts[i]);

      if (*word != '\0' && strspn (word, "abcdefghijklmnopqrstuvwxyz_") == strlen (word))
        g_string_append_printf (json, "%s\"%s\"", json->len > 1 ? "," : "", word);
    }
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
bind_filters (sqlite3_stmt             *stmt,
              const XasoDocumentFilter *f,
              const char               *match,
              guint                     limit)
{
  g_autofree char *today = f->today ? g_strdup (f->today) : _xaso_flow_today ();
  g_autofree char *soon = f->due_soon_until ? g_strdup (f->due_soon_until)
                          : f->due == XASO_DOCUMENT_DUE_SOON ? _xaso_flow_working_days_from_today (2) : NULL;
  g_autofree char *statuses = f->status ? statuses_json (f->status) : NULL;

  xaso_bind_named (stmt, ":match", match);
  xaso_bind_named (stmt, ":direction", f->direction);
  if (sqlite3_bind_parameter_index (stmt, ":year") > 0)
    sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":year"), f->year);
  xaso_bind_named (stmt, ":statuses", statuses);
  xaso_bind_named (stmt, ":status", f->status);
  xaso_bind_named (stmt, ":urgency", f->urgency);
  xaso_bind_named (stmt, ":lead", f->lead_user_id);
  xaso_bind_named (stmt, ":signer", f->signer);
  xaso_bind_named (stmt, ":issuer", f->issuer);
  xaso_bind_named (stmt, ":today", today);
  xaso_bind_named (stmt, ":soon", soon);
  xaso_bind_named (stmt, ":registered_from", f->registered_from);
  xaso_bind_named (stmt, ":registered_to", f->registered_to);
  xaso_bind_named (stmt, ":issued_from", f->issued_from);
  xaso_bind_named (stmt, ":issued_to", f->issued_to);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit > 0 ? (gint64)limit : -1);
}

static void
issued_late_sql (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *signed_date = (const char *)sqlite3_value_text (argv[0]);
  const char *issued = (const char *)sqlite3_value_text (argv[1]);

  sqlite3_result_int (context, signed_date != NULL && issued != NULL &&
                               xaso_document_issued_late (signed_date, issued));
}

GArray *
xaso_document_search_rowids (XasoDatabase              *db,
                             const XasoDocumentFilter  *filter,
                             guint                      limit,
                             GCancellable              *cancellable,
                             GError                   **error)
{
  g_autofree char *match = filter->text ? xaso_fold_query_to_fts (filter->text) : NULL;
  g_autofree char *sql = build_sql (filter, match != NULL);
  sqlite3_stmt *stmt;

  /* The rule of a late issue is the working-day calendar's, in C. */
  if (filter->issued_late)
    sqlite3_create_function (xaso_database_get_handle (db), "xaso_document_issued_late", 2,
                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, issued_late_sql, NULL, NULL);
  stmt = xaso_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filters (stmt, filter, match, limit);
  return xaso_database_collect_rowids (db, stmt, cancellable, error);
}

GPtrArray *
xaso_document_search (XasoDatabase              *db,
                      const XasoDocumentFilter  *filter,
                      guint                      limit,
                      GError                   **error)
{
  g_autoptr(GArray) rowids = xaso_document_search_rowids (db, filter, limit, NULL, error);

  if (rowids == NULL)
    return NULL;
  return xaso_record_load_rowids (XASO_TYPE_DOCUMENT, db, (gint64 *)(gpointer)rowids->data, rowids->len, error);
}

GStrv
xaso_document_list_issuers (XasoDatabase  *db,
                            const char    *prefix,
                            guint          limit,
                            GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT issuer FROM document WHERE direction = 'incoming' AND issuer IS NOT NULL "
    "AND issuer LIKE ?1 || '%' GROUP BY issuer ORDER BY count(*) DESC, issuer LIMIT ?2", error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix ? prefix : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit ? (int)limit : -1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, xaso_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (names);
}
