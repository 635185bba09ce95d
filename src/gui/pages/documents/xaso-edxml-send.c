/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-document-steps.h"
#include "xaso-edxml.h"

/* An issued outgoing document leaves for the document axis (trục liên
 * thông) as an edXML package with its signed file; the văn thư saves it
 * where the axis's client picks it up. Writing it is in the history. */

typedef struct
{
  XasoUser *actor;
  char     *id;
  char     *path;
} SendJob;

static void
send_job_free (SendJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->id);
  g_free (job->path);
  g_free (job);
}

static gpointer
write_in_thread (XasoDatabase  *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SendJob *job = data;

  return xaso_edxml_write_document (db, job->actor, job->id, job->path, error) ? GINT_TO_POINTER (1) : NULL;
}

typedef struct
{
  GtkWidget   *from;
  XasoContext *context;
  char        *id;
} Saving;

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Saving          *saving)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  XasoUser *user = xaso_context_get_user (saving->context);

  if (response == GTK_RESPONSE_ACCEPT && file != NULL && user != NULL)
    {
      SendJob *job = g_new0 (SendJob, 1);

      job->actor = g_object_ref (user);
      job->id = g_strdup (saving->id);
      job->path = g_file_get_path (file);
      xaso_document_step_submit (saving->from, saving->context, write_in_thread, job, (GDestroyNotify)send_job_free);
    }
  g_object_unref (saving->from);
  g_object_unref (saving->context);
  g_free (saving->id);
  g_free (saving);
  g_object_unref (chooser);
}

/* "15-QĐ-UBND.edxml": the notation, without the slashes a file name cannot hold. */
static char *
file_name_for (XasoDocument *doc)
{
  g_autofree char *notation = g_strdup (xaso_document_get (doc, XASO_DOCUMENT_NOTATION) ?: "van-ban");

  g_strdelimit (notation, "/\\", '-');
  return g_strconcat (notation, ".edxml", NULL);
}

void
xaso_document_step_send_edxml (GtkWidget           *from,
                               XasoContext         *context,
                               XasoDocumentDetails *details)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (from));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save as edXML"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  g_autofree char *name = file_name_for (details->doc);
  Saving *saving = g_new0 (Saving, 1);

  saving->from = g_object_ref (from);
  saving->context = g_object_ref (context);
  saving->id = g_strdup (xaso_record_get_id (XASO_RECORD (details->doc)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), saving);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
