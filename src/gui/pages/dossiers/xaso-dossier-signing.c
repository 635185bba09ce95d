/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xaso-attachment.h"
#include "xaso-dossier-flow.h"
#include "xaso-dossier-step-dialog.h"
#include "xaso-dossier-steps.h"
#include "xaso-pdf-window.h"

/* The leader approves a dossier's result by signing it with the PDF engine
 * (issue: "approves by signing the result PDF"). The result draft is the
 * last PDF attached; a copy of it opens in the PDF window, and the file the
 * window signs is recorded with the approval, on the worker. */

static XasoAttachment *
result_draft (XasoDossierDetails *details)
{
  for (guint i = details->attachments->len; i-- > 0;)
    {
      XasoAttachment *a = g_ptr_array_index (details->attachments, i);

      if (g_str_has_suffix (a->file_name, ".pdf") || g_str_has_suffix (a->file_name, ".PDF"))
        return a;
    }
  return NULL;
}

typedef struct
{
  XasoAttachment  draft;     /* a copy */
  char           *dossier_id;
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_free (job->draft.id);
  g_free (job->draft.sha256);
  g_free (job->draft.file_name);
  g_free (job->dossier_id);
  g_free (job);
}

/* A copy of its own in the cache, so that the window's signed file is
 * written beside it and never in the file store. */
static gpointer
copy_in_thread (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  CopyJob *job = data;
  g_autofree char *plain = xaso_attachment_open_plain_path (db, &job->draft, error);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "xaso", "dossiers", job->dossier_id, NULL);
  g_autofree char *path = g_build_filename (dir, job->draft.file_name, NULL);
  g_autoptr(GFile) source = NULL, target = NULL;
  gboolean ok;

  if (plain == NULL)
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not make the folder “%s”."), dir);
      xaso_attachment_release_plain_path (&job->draft, plain);
      return NULL;
    }
  source = g_file_new_for_path (plain);
  target = g_file_new_for_path (path);
  ok = g_file_copy (source, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error);
  xaso_attachment_release_plain_path (&job->draft, plain);
  return ok ? g_steal_pointer (&path) : NULL;
}

typedef struct
{
  XasoUser *actor;
  char     *id;
  char     *path;
} ApproveJob;

static void
approve_job_free (ApproveJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->id);
  g_free (job->path);
  g_free (job);
}

static gpointer
approve_in_thread (XasoDatabase  *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ApproveJob *job = data;
  XasoDossierAction action = { "approved", NULL, NULL, NULL, NULL, NULL, NULL, job->path };

  return xaso_dossier_act (db, job->actor, job->id, &action, error) ? GINT_TO_POINTER (1) : NULL;
}

static void
signed_cb (XasoPdfWindow *window,
           GFile         *output,
           GtkWidget     *from)
{
  XasoContext *context = g_object_get_data (G_OBJECT (window), "xaso-context");
  ApproveJob *job = g_new0 (ApproveJob, 1);

  job->actor = g_object_ref (xaso_context_get_user (context));
  job->id = g_strdup (g_object_get_data (G_OBJECT (window), "xaso-dossier-id"));
  job->path = g_file_get_path (output);
  xaso_dossier_steps_submit (from, context, approve_in_thread, job, (GDestroyNotify)approve_job_free);
}

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWidget) from = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  g_autoptr(GFile) file = NULL;
  XasoPdfWindow *window;
  AdwMessageDialog *dialog;

  if (path == NULL && gtk_widget_get_root (from) != NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (from)),
                                                           _("The File Could Not Be Opened"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  window = xaso_pdf_window_new (GTK_APPLICATION (g_application_get_default ()), file);
  g_object_set_data_full (G_OBJECT (window), "xaso-context", g_object_ref (source), g_object_unref);
  g_object_set_data_full (G_OBJECT (window), "xaso-dossier-id",
                          g_strdup (g_object_get_data (G_OBJECT (from), "xaso-signing-dossier")), g_free);
  g_signal_connect_object (window, "signed", G_CALLBACK (signed_cb), from, 0);
  gtk_window_present (GTK_WINDOW (window));
  xaso_pdf_window_show_toast (window, _("Sign with the Sign menu: the signed file is the dossier’s result."));
}

void
xaso_dossier_sign_result (GtkWidget          *from,
                          XasoContext        *context,
                          XasoDossierDetails *details)
{
  XasoAttachment *draft = result_draft (details);
  CopyJob *job;

  if (draft == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
        GTK_WINDOW (gtk_widget_get_root (from)), _("No Result to Sign"),
        _("Attach the result as a PDF first (Attach a File…); it opens here to be signed.")));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  job = g_new0 (CopyJob, 1);
  job->draft = (XasoAttachment) { g_strdup (draft->id), g_strdup (draft->sha256), draft->size, NULL,
                                  g_strdup (draft->file_name), NULL, draft->encrypted };
  job->dossier_id = g_strdup (xaso_record_get_id (XASO_RECORD (details->dossier)));
  g_object_set_data_full (G_OBJECT (from), "xaso-signing-dossier", g_strdup (job->dossier_id), g_free);
  xaso_context_run_async (context, copy_in_thread, job, (GDestroyNotify)copy_job_free, g_free, NULL, copied_cb,
                          g_object_ref (from));
}
