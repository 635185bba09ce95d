/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-fold.h"
#include "xaso-pdf-window.h"
#include "xaso-person-data-export.h"
#include "xaso-person-data-print.h"

typedef struct
{
  GtkWidget            *from;
  XasoContext          *context;
  char                 *person_id;
  XasoUser             *actor;
  XasoPersonDataFormat  format;
  char                 *path;
} Export;

static void
export_free (Export *e)
{
  g_clear_object (&e->from);
  g_clear_object (&e->context);
  g_clear_object (&e->actor);
  g_free (e->person_id);
  g_free (e->path);
  g_free (e);
}

gboolean
xaso_person_data_export_allowed (XasoContext *context)
{
  XasoUser *user = context != NULL ? xaso_context_get_user (context) : NULL;

  return user != NULL && xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_REPORT_PERSONAL_DATA);
}

/* Runs on the worker thread. */
static gpointer
write_in_thread (XasoDatabase  *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Export *e = data;

  if (!xaso_person_data_print (db, e->actor, e->person_id, e->format, e->path, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/* The PDF opens in the app's own window, where it can be printed; a CSV
 * in the program the desktop gives spreadsheets. */
static void
open_report (Export *e)
{
  g_autoptr(GFile) file = g_file_new_for_path (e->path);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (e->format == XASO_PERSON_DATA_PDF)
    {
      gtk_window_present (GTK_WINDOW (xaso_pdf_window_new (GTK_APPLICATION (g_application_get_default ()), file)));
      return;
    }
  uri = g_file_get_uri (file);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

static void
saved_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Export           *e)
{
  if (g_str_equal (response, "open"))
    open_report (e);
  export_free (e);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Export *e = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (e->from);
  AdwMessageDialog *dialog;

  if (xaso_context_run_finish (XASO_CONTEXT (source), result, &error) == NULL)
    {
      if (root != NULL)
        {
          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("The Report Could Not Be Made"),
                                                               error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      export_free (e);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (root ? GTK_WINDOW (root) : NULL, _("Report Saved"), NULL));
  adw_message_dialog_format_body (dialog, _("The personal data report was saved to “%s”. Making it was recorded in "
                                            "the access log."), e->path);
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  g_signal_connect (dialog, "response", G_CALLBACK (saved_response_cb), e);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Export          *e)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  XasoUser *user = xaso_context_get_user (e->context);

  g_object_unref (chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL || user == NULL || (e->path = g_file_get_path (file)) == NULL)
    {
      export_free (e);
      return;
    }
  e->actor = g_object_ref (user);
  e->format = g_str_has_suffix (e->path, ".csv") ? XASO_PERSON_DATA_CSV : XASO_PERSON_DATA_PDF;
  xaso_context_run_async (e->context, write_in_thread, e, NULL, NULL, NULL, written_cb, e);
}

/* "bao-cao-du-lieu-ca-nhan-nguyen-van-an.pdf": without diacritics, which
 * some file systems and mail programs mangle. */
static char *
file_name_for (const char *full_name)
{
  g_autofree char *folded = xaso_fold (full_name != NULL ? full_name : "");

  g_strdelimit (folded, " /\\", '-');
  return g_strconcat ("bao-cao-du-lieu-ca-nhan", *folded ? "-" : "", folded, ".pdf", NULL);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
xaso_person_data_export_start (GtkWidget   *from,
                               XasoContext *context,
                               const char  *person_id,
                               const char  *full_name)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (from));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save the Personal Data Report"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  g_autofree char *name = file_name_for (full_name);
  Export *e = g_new0 (Export, 1);

  e->from = g_object_ref (from);
  e->context = g_object_ref (context);
  e->person_id = g_strdup (person_id);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF documents"), "pdf", "application/pdf");
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV files"), "csv", "text/csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), e);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
