/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-document-file.h"

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             GtkEditable     *into)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      path = g_file_get_path (file);
      gtk_editable_set_text (into, path ? path : "");
    }
  g_object_unref (into);
  g_object_unref (chooser);
}

void
xaso_document_choose_file (GtkWindow   *parent,
                           GtkEditable *into)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose the Document’s File"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Choose"), _("_Cancel"));

  gtk_file_filter_set_name (filter, _("PDF files and scanned images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), g_object_ref (into));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
