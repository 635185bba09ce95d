/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-edxml.h"
#include "xaso-edxml-receive.h"

typedef struct
{
  XasoUser  *actor;
  GPtrArray *paths;      /* char * */
} ReceiveJob;

static void
receive_job_free (ReceiveJob *job)
{
  g_clear_object (&job->actor);
  g_ptr_array_unref (job->paths);
  g_free (job);
}

typedef struct
{
  guint    received;
  GString *refused;      /* "file: reason" lines */
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_string_free (outcome->refused, TRUE);
  g_free (outcome);
}

/* Each package on its own: a refused one leaves nothing behind and does
 * not stop the others. */
static gpointer
receive_in_thread (XasoDatabase  *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ReceiveJob *job = data;
  Outcome *outcome = g_new0 (Outcome, 1);

  outcome->refused = g_string_new (NULL);
  for (guint i = 0; i < job->paths->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *path = g_ptr_array_index (job->paths, i);
      g_autoptr(GError) local = NULL;
      g_autoptr(XasoDocument) doc = xaso_edxml_import_file (db, job->actor, path, XASO_EDXML_IMPORT_PENDING,
                                                            &local);
      g_autofree char *name = g_path_get_basename (path);

      if (doc != NULL)
        outcome->received++;
      else
        g_string_append_printf (outcome->refused, "%s: %s\n", name, local->message);
    }
  return outcome;
}

static void
received_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  Outcome *job = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (job == NULL)
    heading = g_strdup (_("The Packages Could Not Be Received"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Document Received", "%u Documents Received",
                                            job->received), job->received);
  if (job != NULL && job->received > 0)
    xaso_context_notify_changed (XASO_CONTEXT (source), "document");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));
  if (job == NULL)
    adw_message_dialog_set_body (dialog, error->message);
  else if (job->refused->len > 0)
    adw_message_dialog_format_body (dialog, _("Refused, nothing of them kept:\n%s"), job->refused->str);
  else
    adw_message_dialog_set_body (dialog, _("They wait in “To register” for their arrival numbers."));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  if (job != NULL)
    outcome_free (job);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           XasoContext     *context)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  ReceiveJob *job;

  if (response == GTK_RESPONSE_ACCEPT && xaso_context_get_user (context) != NULL)
    {
      job = g_new0 (ReceiveJob, 1);
      job->actor = g_object_ref (xaso_context_get_user (context));
      job->paths = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_ptr_array_add (job->paths, g_file_get_path (file));
        }
      xaso_context_run_async (context, receive_in_thread, job, (GDestroyNotify)receive_job_free,
                              (GDestroyNotify)outcome_free, NULL, received_cb, g_object_ref (parent));
    }
  g_object_unref (context);
  g_object_unref (chooser);
}

void
xaso_edxml_receive_start (GtkWindow   *parent,
                          XasoContext *context)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Receive Electronic Documents"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Receive"), NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("edXML packages"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.edxml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), g_object_ref (context));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
