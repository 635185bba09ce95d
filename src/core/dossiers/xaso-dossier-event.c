/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-change.h"
#include "xaso-dossier-event.h"
#include "xaso-hlc.h"
#include "xaso-uuid.h"

void
xaso_dossier_event_free (XasoDossierEvent *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->kind);
  g_free (self->at);
  g_free (self->actor_id);
  g_free (self->actor);
  g_free (self->to_user_id);
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
  { "submitted", N_("Submitted online") },
  { "received", N_("Received at the counter") },
  { "refused", N_("Refused (form 03)") },
  { "rejected", N_("Refused (form 03)") },
  { "assigned", N_("Assigned") },
  { "forwarded", N_("Passed to the next step") },
  { "supplement_requested", N_("Supplement requested (form 02)") },
  { "supplement_received", N_("Supplement received") },
  { "payment_requested", N_("Payment requested") },
  { "payment_received", N_("Payment received") },
  { "apologized", N_("Apology and new date (form 04)") },
  { "withdrawn", N_("Withdrawn at the applicant’s request") },
  { "stopped", N_("Processing stopped (form 05)") },
  { "approved", N_("Result approved and signed") },
  { "returned", N_("Result returned") },
  { "viewed", N_("Viewed") },
  { "printed", N_("Printed") },
  { "file_attached", N_("File attached") },
};

const char *
xaso_dossier_event_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return _(labels[i].label);
  return kind;
}

gboolean
xaso_dossier_event_append (XasoDatabase  *db,
                           const char    *dossier_id,
                           const char    *kind,
                           const char    *at,
                           XasoUser      *actor,
                           const char    *to_user_id,
                           const char    *note,
                           const char    *data,
                           GError       **error)
{
  g_autofree char *id = xaso_uuid_new ();
  g_autoptr(GDateTime) now = xaso_now ();
  g_autofree char *now_iso = xaso_dossier_format_time (now);
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "dossier_event", id);

  xaso_change_set_text (change, "dossier_id", dossier_id);
  xaso_change_set_text (change, "kind", kind);
  xaso_change_set_text (change, "at", at != NULL ? at : now_iso);
  xaso_change_set_int (change, "hlc", xaso_hlc_next ());
  xaso_change_set_text (change, "actor_user_id", actor ? xaso_record_get_id (XASO_RECORD (actor)) : NULL);
  xaso_change_set_text (change, "to_user_id", to_user_id);
  xaso_change_set_text (change, "note", note);
  xaso_change_set_text (change, "data", data ? data : "{}");
  return xaso_change_apply (change, db, actor ? xaso_user_get (actor, XASO_USER_USERNAME) : NULL, error);
}

static XasoDossierEvent *
event_from_row (sqlite3_stmt *stmt)
{
  XasoDossierEvent *e = g_new0 (XasoDossierEvent, 1);

  e->id = g_strdup (xaso_column_text (stmt, 0));
  e->hlc = sqlite3_column_int64 (stmt, 1);
  e->kind = g_strdup (xaso_column_text (stmt, 2));
  e->at = g_strdup (xaso_column_text (stmt, 3));
  e->actor_id = g_strdup (xaso_column_text (stmt, 4));
  e->actor = g_strdup (xaso_column_text (stmt, 5));
  e->to_user_id = g_strdup (xaso_column_text (stmt, 6));
  e->to_user = g_strdup (xaso_column_text (stmt, 7));
  e->note = g_strdup (xaso_column_text (stmt, 8));
  e->data = g_strdup (xaso_column_text (stmt, 9));
  return e;
}

GPtrArray *
xaso_dossier_event_list (XasoDatabase  *db,
                         const char    *dossier_id,
                         GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT e.id, e.hlc, e.kind, e.at, e.actor_user_id, a.full_name, e.to_user_id, t.full_name, e.note, e.data "
    "FROM dossier_event e LEFT JOIN user a ON a.id = e.actor_user_id LEFT JOIN user t ON t.id = e.to_user_id "
    "WHERE e.dossier_id = ? ORDER BY e.hlc, e.id", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_dossier_event_free);
  sqlite3_bind_text (stmt, 1, dossier_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, event_from_row (stmt));
  sqlite3_reset (stmt);
  return list;
}

XasoDossierFoldEvent *
xaso_dossier_event_to_fold (GPtrArray *events)
{
  XasoDossierFoldEvent *fold = g_new0 (XasoDossierFoldEvent, MAX (events->len, 1));

  for (guint i = 0; i < events->len; i++)
    {
      XasoDossierEvent *e = g_ptr_array_index (events, i);

      fold[i] = (XasoDossierFoldEvent) { e->id, e->hlc, e->kind, e->at, e->to_user_id, e->data };
    }
  return fold;
}
