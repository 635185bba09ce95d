/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xaso-person-csv.h"
#include "xaso-person-import.h"

typedef struct
{
  GtkWindow        *parent;
  XasoContext      *context;
  GCancellable     *cancellable;
  AdwMessageDialog *progress;
  GFile            *file;
  char             *actor;
} Import;

typedef struct
{
  guint            n_rows;
  XasoTextDecoding decoding;
} Imported;

static void
import_free (Import *import)
{
  g_clear_object (&import->parent);
  g_clear_object (&import->context);
  g_clear_object (&import->cancellable);
  g_clear_object (&import->progress);
  g_clear_object (&import->file);
  g_free (import->actor);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

/* Runs on the worker thread. */
static gpointer
import_in_thread (XasoDatabase  *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Import *import = data;
  g_autoptr(GFileInputStream) input = g_file_read (import->file, cancellable, error);
  g_autofree Imported *imported = g_new0 (Imported, 1);

  if (input == NULL ||
      !xaso_person_csv_import (db, G_INPUT_STREAM (input), import->actor, &imported->n_rows,
                               &imported->decoding, cancellable, error))
    return NULL;
  return g_steal_pointer (&imported);
}

static void
show_result (GtkWindow  *parent,
             const char *heading,
             const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_imported (Import         *import,
               const Imported *imported)
{
  g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person imported",
                                                           "%u persons imported", imported->n_rows),
                                              imported->n_rows);
  g_autofree char *converted = xaso_text_decoding_describe (&imported->decoding);

  show_result (import->parent, heading, converted);
  xaso_context_notify_changed (import->context, "household");
  xaso_context_notify_changed (import->context, "person");
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree Imported *imported = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  /* Cancel has closed it already; otherwise it goes now, without a response. */
  g_signal_handlers_disconnect_by_data (import->progress, import->cancellable);
  if (gtk_widget_get_visible (GTK_WIDGET (import->progress)))
    gtk_window_destroy (GTK_WINDOW (import->progress));
  if (imported != NULL)
    show_imported (import, imported);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result (import->parent, _("Nothing Was Imported"), error->message);
  else
    {
      /* Core hears a cancel up to its commit; one pressed during the commit
       * itself comes too late, and the lists must show what was kept. */
      xaso_context_notify_changed (import->context, "household");
      xaso_context_notify_changed (import->context, "person");
    }
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/* Stays until the import ends; Cancel (or Escape) stops it, and nothing of
 * the file is kept. */
static void
show_progress (Import *import)
{
  g_autofree char *name = g_file_get_basename (import->file);
  g_autofree char *body = g_strdup_printf (_("Reading “%s”. Nothing is kept unless every row is right."), name);

  import->progress = g_object_ref (ADW_MESSAGE_DIALOG (adw_message_dialog_new (import->parent,
                                                                                _("Importing Residents…"), body)));
  adw_message_dialog_set_extra_child (import->progress, g_object_new (GTK_TYPE_SPINNER, "spinning", TRUE, NULL));
  adw_message_dialog_add_response (import->progress, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (import->progress, "cancel");
  g_signal_connect_object (import->progress, "response", G_CALLBACK (progress_response_cb),
                           import->cancellable, 0);
  gtk_window_present (GTK_WINDOW (import->progress));
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(Import) import = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      import->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      show_progress (import);
      xaso_context_run_async (import->context, import_in_thread, import, NULL, g_free, import->cancellable,
                              import_done_cb, import);
      g_steal_pointer (&import);
    }
  g_object_unref (chooser);
}

void
xaso_person_import_start (GtkWindow   *parent,
                          XasoContext *context)
{
  Import *import = g_new0 (Import, 1);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  import->parent = g_object_ref (parent);
  import->context = g_object_ref (context);
  import->cancellable = g_cancellable_new ();
  import->actor = g_strdup (xaso_context_get_actor (context));
  chooser = gtk_file_chooser_native_new (_("Import Residents from a CSV File"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), import);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
