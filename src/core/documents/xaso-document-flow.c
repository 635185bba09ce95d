/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-attachment.h"
#include "xaso-commune-calendar.h"
#include "xaso-document-flow-private.h"
#include "xaso-document-fold.h"

typedef struct
{
  XasoFlow     *flow;
  const char   *document_id;
  XasoFlowStep  step;
} Run;

static gboolean
run_in_transaction (XasoDatabase  *db,
                    gpointer       data,
                    GError       **error)
{
  Run *run = data;

  if (run->document_id != NULL)
    {
      run->flow->doc = xaso_document_load (db, run->document_id, error);
      if (run->flow->doc == NULL)
        return FALSE;
    }
  /* The step appends its event; the state follows from the events. */
  return run->step (run->flow, error) &&
         xaso_document_refold (db, xaso_record_get_id (XASO_RECORD (run->flow->doc)), error);
}

gboolean
_xaso_flow_run (XasoDatabase   *db,
                XasoUser       *actor,
                XasoRight       right,
                const char     *document_id,
                XasoFlowStep    step,
                gconstpointer   args,
                GError        **error)
{
  XasoFlow flow = { db, actor, NULL, NULL, args };
  Run run = { &flow, document_id, step };
  gboolean ok;

  if (!xaso_user_check_right (actor, right, error))
    return FALSE;
  flow.username = xaso_user_get (actor, XASO_USER_USERNAME);
  ok = xaso_database_run_atomically (db, run_in_transaction, &run, error);
  g_clear_object (&flow.doc);
  return ok;
}

gboolean
_xaso_flow_expect (XasoFlow           *flow,
                   const char         *direction,
                   const char * const *statuses,
                   GError            **error)
{
  const char *status = xaso_document_get (flow->doc, XASO_DOCUMENT_STATUS);

  if (g_strcmp0 (xaso_document_get (flow->doc, XASO_DOCUMENT_DIRECTION), direction) != 0)
    {
      g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE,
                           g_str_equal (direction, "incoming")
                             ? _("This action is for incoming documents.")
                             : _("This action is for outgoing documents."));
      return FALSE;
    }
  if (g_strv_contains (statuses, status ? status : ""))
    return TRUE;
  g_set_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE,
               _("The document is at the step “%s”; this action does not apply to it now."),
               xaso_document_status_label (status));
  return FALSE;
}

gboolean
_xaso_flow_save (XasoFlow  *flow,
                 GError   **error)
{
  return xaso_record_save (XASO_RECORD (flow->doc), flow->db, flow->username, error);
}

gboolean
_xaso_flow_event (XasoFlow    *flow,
                  const char  *kind,
                  XasoUser    *to,
                  const char  *note,
                  const char  *data,
                  GError     **error)
{
  return xaso_document_event_append (flow->db, xaso_record_get_id (XASO_RECORD (flow->doc)), kind, flow->actor,
                                     to, note, data, error);
}

gboolean
_xaso_flow_store_file (XasoDatabase  *db,
                       const char    *path,
                       XasoFlowFile  *file,
                       GError       **error)
{
  file->sha256 = xaso_attachment_store_file (db, path, &file->size, error);
  file->name = g_path_get_basename (path);
  return file->sha256 != NULL;
}

void
_xaso_flow_file_clear (XasoFlowFile *file)
{
  g_clear_pointer (&file->sha256, g_free);
  g_clear_pointer (&file->name, g_free);
}

gboolean
_xaso_flow_attach (XasoFlow            *flow,
                   const XasoFlowFile  *file,
                   GError             **error)
{
  g_autofree char *id = NULL;

  if (file->sha256 == NULL)
    return TRUE;
  id = xaso_attachment_add (flow->db, "document", xaso_record_get_id (XASO_RECORD (flow->doc)), file->sha256,
                            file->size, file->name, flow->username, error);
  return id != NULL && _xaso_flow_event (flow, "file_attached", NULL, file->name, NULL, error);
}

/* The new file becomes the document's; the one it replaces stays in the
 * store and in the history (file_removed, file_attached). */
gboolean
_xaso_flow_replace_file (XasoFlow            *flow,
                         const XasoFlowFile  *file,
                         GError             **error)
{
  g_autoptr(GPtrArray) files = xaso_attachment_list (flow->db, "document",
                                                     xaso_record_get_id (XASO_RECORD (flow->doc)), error);
  XasoAttachment *current;

  if (files == NULL)
    return FALSE;
  current = files->len > 0 ? g_ptr_array_index (files, files->len - 1) : NULL;
  if (current != NULL && !xaso_attachment_remove (flow->db, current->id, flow->username, error))
    return FALSE;
  return _xaso_flow_attach (flow, file, error);
}

char *
_xaso_flow_today (void)
{
  g_autoptr(GDateTime) now = xaso_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
_xaso_flow_working_days_from_today (guint days)
{
  XasoCalendar *calendar = xaso_commune_calendar ();
  g_autoptr(GDateTime) now = xaso_now ();
  g_autoptr(GDateTime) due = xaso_calendar_add_working_days (calendar, now, days, NULL, 0);

  return due != NULL ? g_date_time_format (due, "%Y-%m-%d") : NULL;
}

XasoDocument *
_xaso_flow_copy (XasoDocument *doc)
{
  XasoDocument *copy = xaso_document_new (xaso_document_get (doc, XASO_DOCUMENT_DIRECTION));

  for (guint i = 0; i < XASO_DOCUMENT_N_FIELDS; i++)
    xaso_document_set (copy, i, xaso_document_get (doc, i));
  return copy;
}

/* ---- Any document ---- */

static gboolean
note_access_step (XasoFlow  *flow,
                  GError   **error)
{
  return _xaso_flow_event (flow, flow->args, NULL, NULL, NULL, error);
}

gboolean
xaso_document_note_access (XasoDatabase  *db,
                           XasoUser      *actor,
                           const char    *document_id,
                           const char    *kind,
                           GError       **error)
{
  XasoFlow flow = { db, actor, actor ? xaso_user_get (actor, XASO_USER_USERNAME) : NULL, NULL, kind };
  gboolean ok;

  g_return_val_if_fail (g_strcmp0 (kind, "viewed") == 0 || g_strcmp0 (kind, "printed") == 0, FALSE);
  if (actor == NULL)
    return TRUE;
  flow.doc = xaso_document_load (db, document_id, error);
  ok = flow.doc != NULL && note_access_step (&flow, error);
  g_clear_object (&flow.doc);
  return ok;
}

char *
xaso_document_get_file (XasoDatabase *db,
                        XasoDocument *doc)
{
  g_autoptr(GPtrArray) files = xaso_attachment_list (db, "document", xaso_record_get_id (XASO_RECORD (doc)), NULL);
  XasoAttachment *last;

  if (files == NULL || files->len == 0)
    return NULL;
  last = g_ptr_array_index (files, files->len - 1);
  return xaso_attachment_get_path (db, last->sha256);
}
