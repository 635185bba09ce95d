/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "xaso-application.h"
#include "xaso-attachment.h"
#include "xaso-directive-dialog.h"
#include "xaso-document-actions.h"
#include "xaso-document-flow.h"
#include "xaso-document-step-dialogs.h"
#include "xaso-document-steps.h"
#include "xaso-outgoing-editor.h"
#include "xaso-pdf-window.h"

static const struct
{
  const char         *label;
  XasoDocumentAction  action;    /* what core must allow; N_ACTIONS for none */
} steps[XASO_N_DOCUMENT_STEPS] = {
  [XASO_STEP_OPEN_FILE] = { N_("Open the File"), XASO_N_ACTIONS },
  [XASO_STEP_REGISTER] = { N_("Register…"), XASO_ACTION_REGISTER },
  [XASO_STEP_PRESENT] = { N_("Present to a Leader…"), XASO_ACTION_PRESENT },
  [XASO_STEP_DIRECT] = { N_("Give a Directive…"), XASO_ACTION_DIRECT },
  [XASO_STEP_PROGRESS] = { N_("Note Progress…"), XASO_ACTION_PROGRESS },
  [XASO_STEP_REPLY] = { N_("Draft the Reply…"), XASO_ACTION_REPLY },
  [XASO_STEP_FINISH] = { N_("Finish Handling…"), XASO_ACTION_FINISH },
  [XASO_STEP_PASS_ON] = { N_("Pass On…"), XASO_ACTION_PASS_ON },
  [XASO_STEP_SUBMIT_REVIEW] = { N_("Send for Review"), XASO_ACTION_SUBMIT_REVIEW },
  [XASO_STEP_SUBMIT_SIGNING] = { N_("Send for Signature"), XASO_ACTION_SUBMIT_SIGNING },
  [XASO_STEP_SIGN] = { N_("Open and Sign…"), XASO_ACTION_SIGN },
  [XASO_STEP_ISSUE] = { N_("Number and Issue…"), XASO_ACTION_ISSUE },
  [XASO_STEP_SEAL] = { N_("Seal with the Number…"), XASO_ACTION_SEAL },
  [XASO_STEP_SEND_EDXML] = { N_("Save as edXML…"), XASO_ACTION_SEND_EDXML },
  [XASO_STEP_REVOKE] = { N_("Revoke…"), XASO_ACTION_REVOKE },
};

const char *
xaso_document_step_label (XasoDocumentStep step)
{
  return _(steps[step].label);
}

gboolean
xaso_document_step_applies (XasoDocumentStep     step,
                            XasoDocumentDetails *details,
                            XasoUser            *user)
{
  if (step == XASO_STEP_OPEN_FILE)
    return details->file_path != NULL;
  if ((step == XASO_STEP_SIGN || step == XASO_STEP_SEAL) && details->file_path == NULL)
    return FALSE;
  return xaso_document_can (details->doc, user, steps[step].action);
}

/* ---- Running a step on the worker ---- */

static void
step_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) from = user_data;
  g_autoptr(GError) error = NULL;
  gpointer done = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  GtkRoot *root = gtk_widget_get_root (from);
  AdwMessageDialog *dialog;

  if (done != NULL)
    {
      xaso_context_notify_changed (XASO_CONTEXT (source), "document");
      return;
    }
  if (root == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("The Step Could Not Be Taken"),
                                                       error ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
xaso_document_step_submit (GtkWidget       *from,
                           XasoContext     *context,
                           XasoContextFunc  func,
                           gpointer         job,
                           GDestroyNotify   job_free)
{
  xaso_context_run_async (context, func, job, job_free, NULL, NULL, step_done_cb, g_object_ref (from));
}

/* ---- Files ---- */

char *
xaso_document_step_copy_file (XasoDocumentDetails  *details,
                              GError              **error)
{
  const char *id = xaso_record_get_id (XASO_RECORD (details->doc));
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "xaso", "documents", id, NULL);
  XasoAttachment *last = g_ptr_array_index (details->files, details->files->len - 1);
  g_autofree char *path = g_build_filename (dir, last->file_name, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (details->file_path);
  g_autoptr(GFile) target = g_file_new_for_path (path);

  if (!xaso_attachment_check_here (details->file_path, error))
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not make the folder “%s”."), dir);
      return NULL;
    }
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&path);
}

static void
show_error (GtkWidget  *from,
            const char *message)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (from)),
                                                _("The File Could Not Be Opened"), message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

XasoPdfWindow *
xaso_document_step_open_copy (GtkWidget           *from,
                              XasoDocumentDetails *details)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xaso_document_step_copy_file (details, &error);
  g_autoptr(GFile) file = NULL;
  XasoPdfWindow *window;

  if (path == NULL)
    {
      show_error (from, error->message);
      return NULL;
    }
  file = g_file_new_for_path (path);
  window = xaso_pdf_window_new (GTK_APPLICATION (g_application_get_default ()), file);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
draft_reply (GtkWidget           *from,
             XasoContext         *context,
             XasoDocumentDetails *details)
{
  XasoOutgoingEditor *editor = xaso_outgoing_editor_new (GTK_WINDOW (gtk_widget_get_root (from)), context,
                                                         details->doc);

  gtk_window_present (GTK_WINDOW (editor));
}

/* The directive needs the accounts, read on the worker first. */
typedef struct
{
  GtkWidget *from;
  char      *id;
  char      *path;
} Directing;

gpointer
xaso_document_step_list_users (XasoDatabase  *db,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return xaso_user_list (db, error);
}

static void
users_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Directing *d = user_data;
  g_autoptr(GPtrArray) users = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);

  if (gtk_widget_get_root (d->from) != NULL)
    gtk_window_present (GTK_WINDOW (xaso_directive_dialog_new (d->from, XASO_CONTEXT (source), d->id, d->path,
                                                                users)));
  g_object_unref (d->from);
  g_free (d->id);
  g_free (d->path);
  g_free (d);
}

static void
direct (GtkWidget           *from,
        XasoContext         *context,
        XasoDocumentDetails *details)
{
  Directing *d = g_new0 (Directing, 1);

  d->from = g_object_ref (from);
  d->id = g_strdup (xaso_record_get_id (XASO_RECORD (details->doc)));
  d->path = g_strdup (details->file_path);
  xaso_context_run_async (context, xaso_document_step_list_users, NULL, NULL, (GDestroyNotify)g_ptr_array_unref, NULL,
                          users_loaded_cb, d);
}

void
xaso_document_step_run (XasoDocumentStep     step,
                        GtkWidget           *from,
                        XasoContext         *context,
                        XasoDocumentDetails *details)
{
  switch (step)
    {
    case XASO_STEP_OPEN_FILE:
      xaso_document_step_open_copy (from, details);
      break;
    case XASO_STEP_SIGN:
      xaso_document_step_sign (from, context, details);
      break;
    case XASO_STEP_SEAL:
      xaso_document_step_seal (from, context, details);
      break;
    case XASO_STEP_SEND_EDXML:
      xaso_document_step_send_edxml (from, context, details);
      break;
    case XASO_STEP_REPLY:
      draft_reply (from, context, details);
      break;
    case XASO_STEP_DIRECT:
      direct (from, context, details);
      break;
    default:
      xaso_document_step_dialog (step, from, context, details);
      break;
    }
}
