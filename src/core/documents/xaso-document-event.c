/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-change.h"
#include "xaso-document-event.h"
#include "xaso-document-fold.h"
#include "xaso-hlc.h"
#include "xaso-uuid.h"

void
xaso_document_event_free (XasoDocumentEvent *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->at);
  g_free (self->actor);
  g_free (self->to_user);
  g_free (self->note);
  g_free (self->data);
  g_free (self);
}

static const struct
{
  const char *kind;
  const char *label;
} labels[] = {
  { "received", N_("Received") },
  { "registered", N_("Registered") },
  { "presented", N_("Presented to a leader") },
  { "directed", N_("Directive given") },
  { "passed_on", N_("Passed on") },
  { "progress", N_("Progress noted") },
  { "done", N_("Handled") },
  { "viewed", N_("Viewed") },
  { "printed", N_("Printed") },
  { "drafted", N_("Drafted") },
  { "submitted_review", N_("Sent for review") },
  { "submitted_signing", N_("Sent for signature") },
  { "signed", N_("Signed") },
  { "numbered", N_("Numbered") },
  { "issued", N_("Issued") },
  { "sealed", N_("Sealed with the organization’s signature") },
  { "revoked", N_("Revoked") },
  { "replaced", N_("Replaced") },
  { "replied", N_("Replied") },
  { "file_attached", N_("File attached") },
  { "edxml_imported", N_("Received electronically (edXML)") },
  { "edxml_exported", N_("Sent electronically (edXML)") },
  { "edxml_status", N_("Status sent to the sender (edXML)") },
};

const char *
xaso_document_event_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return _(labels[i].label);
  return kind;
}

gboolean
xaso_document_event_append (XasoDatabase  *db,
                            const char    *document_id,
                            const char    *kind,
                            XasoUser      *actor,
                            XasoUser      *to,
                            const char    *note,
                            const char    *data,
                            GError       **error)
{
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *at = xaso_now_iso ();
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "document_event", id);
  const char *username = actor != NULL ? xaso_user_get (actor, XASO_USER_USERNAME) : NULL;

  xaso_change_set_text (change, "document_id", document_id);
  xaso_change_set_text (change, "kind", kind);
  xaso_change_set_text (change, "at", at);
  xaso_change_set_int (change, "hlc", xaso_hlc_next ());
  xaso_change_set_text (change, "actor_user_id", actor ? xaso_record_get_id (XASO_RECORD (actor)) : NULL);
  xaso_change_set_text (change, "to_user_id", to ? xaso_record_get_id (XASO_RECORD (to)) : NULL);
  xaso_change_set_text (change, "note", note);
  xaso_change_set_text (change, "data", data ? data : "{}");
  return xaso_change_apply (change, db, username, error);
}

/* The events are in the fold's order already; which it skipped depends on
 * their kinds alone. */
static void
flag_not_applied (GPtrArray *list)
{
  g_autofree XasoDocumentFoldEvent *fold = g_new0 (XasoDocumentFoldEvent, list->len + 1);
  g_auto(XasoDocumentState) state = { 0 };

  for (guint i = 0; i < list->len; i++)
    {
      XasoDocumentEvent *e = g_ptr_array_index (list, i);

      fold[i] = (XasoDocumentFoldEvent) { .kind = e->kind, .at = e->at, .note = e->note, .data = e->data };
    }
  xaso_document_fold (&state, fold, list->len);
  for (guint i = 0; i < state.refused->len; i++)
    ((XasoDocumentEvent *)g_ptr_array_index (list, g_array_index (state.refused, guint, i)))->not_applied = TRUE;
}

GPtrArray *
xaso_document_event_list (XasoDatabase  *db,
                          const char    *document_id,
                          GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT e.kind, e.at, a.full_name, t.full_name, e.note, e.data FROM document_event e "
    "LEFT JOIN user a ON a.id = e.actor_user_id LEFT JOIN user t ON t.id = e.to_user_id "
    "WHERE e.document_id = ? ORDER BY e.hlc, e.id", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_document_event_free);
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      XasoDocumentEvent *e = g_new0 (XasoDocumentEvent, 1);

      e->kind = g_strdup (xaso_column_text (stmt, 0));
      e->at = g_strdup (xaso_column_text (stmt, 1));
      e->actor = g_strdup (xaso_column_text (stmt, 2));
      e->to_user = g_strdup (xaso_column_text (stmt, 3));
      e->note = g_strdup (xaso_column_text (stmt, 4));
      e->data = g_strdup (xaso_column_text (stmt, 5));
      g_ptr_array_add (list, e);
    }
  sqlite3_reset (stmt);
  flag_not_applied (list);
  return list;
}
