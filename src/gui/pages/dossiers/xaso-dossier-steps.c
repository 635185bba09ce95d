/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-attachment.h"
#include "xaso-dossier-flow.h"
#include "xaso-dossier-step-dialog.h"
#include "xaso-dossier-steps.h"
#include "xaso-image-window.h"
#include "xaso-pdf-window.h"

static const struct
{
  const char *kind;
  const char *label;
} labels[] = {
  { "received", N_("Receive") },
  { "assigned", N_("Assign…") },
  { "forwarded", N_("Pass to the Next Step…") },
  { "supplement_requested", N_("Request a Supplement…") },
  { "supplement_received", N_("Supplement Received…") },
  { "payment_requested", N_("Request Payment…") },
  { "payment_received", N_("Payment Received…") },
  { "approved", N_("Approve and Sign…") },
  { "returned", N_("Return the Result…") },
  { "apologized", N_("Apologize and Set a New Date…") },
  { "refused", N_("Refuse…") },
  { "stopped", N_("Stop Processing…") },
  { "withdrawn", N_("Withdraw…") },
  { XASO_DOSSIER_STEP_ATTACH, N_("Attach a File…") },
  { XASO_DOSSIER_STEP_PRINT, N_("Print a Form…") },
};

const char *
xaso_dossier_steps_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return _(labels[i].label);
  return kind;
}

gboolean
xaso_dossier_steps_destructive (const char *kind)
{
  return g_strcmp0 (kind, "refused") == 0 || g_strcmp0 (kind, "stopped") == 0 ||
         g_strcmp0 (kind, "withdrawn") == 0;
}

static void
show_error (GtkWidget  *from,
            const char *title,
            const char *message)
{
  GtkRoot *root = gtk_widget_get_root (from);
  AdwMessageDialog *dialog;

  if (root == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), title, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
step_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) from = user_data;
  g_autoptr(GError) error = NULL;
  gpointer done = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (done != NULL)
    xaso_context_notify_changed (XASO_CONTEXT (source), "dossier");
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (from, _("The Step Could Not Be Taken"), error ? error->message : NULL);
}

void
xaso_dossier_steps_submit (GtkWidget       *from,
                           XasoContext     *context,
                           XasoContextFunc  func,
                           gpointer         job,
                           GDestroyNotify   job_free)
{
  xaso_context_run_async (context, func, job, job_free, NULL, NULL, step_done_cb, g_object_ref (from));
}

/* ---- Files ---- */

/* A file being opened: a copy of the attachment shown, and the path the
 * viewer reads (for a sensitive one, a private plaintext copy). */
typedef struct
{
  XasoAttachment attachment;
  char          *path;
  GdkTexture    *image;    /* a scanned image, decoded; its path is already released */
} Opened;

static void
opened_free (Opened *opened)
{
  g_free (opened->attachment.id);
  g_free (opened->attachment.sha256);
  g_free (opened->attachment.file_name);
  g_free (opened->path);
  g_clear_object (&opened->image);
  g_free (opened);
}

/* Scans come as PDFs or as images (JPEG, PNG, TIFF). */
static gboolean
is_image (const char *file_name)
{
  g_autofree char *type = g_content_type_guess (file_name, NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);

  return mime != NULL && g_str_has_prefix (mime, "image/");
}

static gpointer
open_in_thread (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  const XasoAttachment *a = data;
  Opened *opened = g_new0 (Opened, 1);

  opened->attachment = (XasoAttachment) { g_strdup (a->id), g_strdup (a->sha256), a->size, NULL,
                                          g_strdup (a->file_name), NULL, a->encrypted };
  opened->path = xaso_attachment_open_plain_path (db, a, error);
  if (opened->path == NULL)
    g_clear_pointer (&opened, opened_free);
  else if (is_image (a->file_name))
    {
      opened->image = gdk_texture_new_from_filename (opened->path, error);
      xaso_attachment_release_plain_path (&opened->attachment, opened->path);
      if (opened->image == NULL)
        g_clear_pointer (&opened, opened_free);
    }
  return opened;
}

/* The private copy of a sensitive file goes when its window closes. */
static void
viewer_destroyed_cb (GtkWidget *window,
                     Opened    *opened)
{
  xaso_attachment_release_plain_path (&opened->attachment, opened->path);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWidget) from = user_data;
  g_autoptr(GError) error = NULL;
  Opened *opened = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  g_autoptr(GFile) file = NULL;
  XasoPdfWindow *window;

  if (opened == NULL)
    {
      show_error (from, _("The File Could Not Be Opened"), error ? error->message : NULL);
      return;
    }
  if (opened->image != NULL)
    {
      gtk_window_present (GTK_WINDOW (xaso_image_window_new (GTK_APPLICATION (g_application_get_default ()),
                                                             opened->attachment.file_name, opened->image)));
      opened_free (opened);
      return;
    }
  file = g_file_new_for_path (opened->path);
  window = xaso_pdf_window_new (GTK_APPLICATION (g_application_get_default ()), file);
  g_object_set_data_full (G_OBJECT (window), "xaso-opened", opened, (GDestroyNotify)opened_free);
  g_signal_connect (window, "destroy", G_CALLBACK (viewer_destroyed_cb), opened);
  gtk_window_present (GTK_WINDOW (window));
}

static void
attachment_free (XasoAttachment *a)
{
  g_free (a->id);
  g_free (a->sha256);
  g_free (a->file_name);
  g_free (a);
}

void
xaso_dossier_steps_open_file (GtkWidget            *from,
                              XasoContext          *context,
                              const XasoAttachment *a)
{
  XasoAttachment *copy = g_new0 (XasoAttachment, 1);

  *copy = (XasoAttachment) { g_strdup (a->id), g_strdup (a->sha256), a->size, NULL, g_strdup (a->file_name), NULL,
                             a->encrypted };
  xaso_context_run_async (context, open_in_thread, copy, (GDestroyNotify)attachment_free,
                          (GDestroyNotify)opened_free, NULL, opened_cb, g_object_ref (from));
}

/* ---- Attaching ---- */

typedef struct
{
  XasoUser *actor;
  char     *id;
  char     *path;
  gboolean  sensitive;
} AttachJob;

static void
attach_job_free (AttachJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->id);
  g_free (job->path);
  g_free (job);
}

static gpointer
attach_in_thread (XasoDatabase  *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  AttachJob *job = data;

  return xaso_dossier_attach_file (db, job->actor, job->id, job->path, job->sensitive, error) ? GINT_TO_POINTER (1)
                                                                                              : NULL;
}

typedef struct
{
  AttachJob   *job;
  GtkWidget   *from;
  XasoContext *context;
  GtkEditable *path;
  GtkSwitch   *sensitive;
} Attaching;

static void
attaching_free (Attaching *a)
{
  g_clear_pointer (&a->job, attach_job_free);
  g_object_unref (a->from);
  g_object_unref (a->context);
  g_free (a);
}

static void
attach_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Attaching        *a)
{
  const char *path = gtk_editable_get_text (a->path);

  if (g_strcmp0 (response, "attach") != 0 || path == NULL || *path == '\0' || gtk_widget_get_root (a->from) == NULL)
    return;
  a->job->path = g_strdup (path);
  a->job->sensitive = gtk_switch_get_active (a->sensitive);
  xaso_dossier_steps_submit (a->from, a->context, attach_in_thread, g_steal_pointer (&a->job),
                             (GDestroyNotify)attach_job_free);
}

static void
path_changed_cb (GtkEditable      *path,
                 AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "attach", *gtk_editable_get_text (path) != '\0');
}

static void
browse_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    GtkEditable     *into)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)) != NULL)
    gtk_editable_set_text (into, path);
  g_object_unref (into);
  g_object_unref (chooser);
}

static void
browse_cb (GtkButton   *button,
           GtkEditable *into)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Attach a File to the Dossier"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF files and scanned images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (browse_response_cb), g_object_ref (into));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The file typed or chosen; scans of identity papers (ID cards, birth
 * certificates) are sensitive personal data, kept encrypted. */
static GtkWidget *
attach_form (Attaching *a)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *path = adw_entry_row_new ();
  GtkWidget *browse = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sensitive = gtk_switch_new ();

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (path), _("File (PDF or scanned image)"));
  gtk_widget_set_valign (browse, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (browse, _("Choose the File"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (browse), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the file"), -1);
  g_signal_connect (browse, "clicked", G_CALLBACK (browse_cb), path);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (path), browse);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Scan of an identity paper: keep encrypted"));
  gtk_widget_set_valign (sensitive, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sensitive);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sensitive);
  gtk_list_box_append (list, path);
  gtk_list_box_append (list, row);
  a->path = GTK_EDITABLE (path);
  a->sensitive = GTK_SWITCH (sensitive);
  return GTK_WIDGET (list);
}

static void
choose_file (GtkWidget          *from,
             XasoContext        *context,
             XasoDossierDetails *details)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (from)), _("Attach a File to the Dossier"),
    xaso_dossier_get (details->dossier, XASO_DOSSIER_CODE)));
  Attaching *a = g_new0 (Attaching, 1);

  a->job = g_new0 (AttachJob, 1);
  a->job->actor = g_object_ref (xaso_context_get_user (context));
  a->job->id = g_strdup (xaso_record_get_id (XASO_RECORD (details->dossier)));
  a->from = g_object_ref (from);
  a->context = g_object_ref (context);
  adw_message_dialog_set_extra_child (dialog, attach_form (a));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "attach", _("_Attach"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "attach", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "attach", FALSE);
  adw_message_dialog_set_default_response (dialog, "attach");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (a->path, "changed", G_CALLBACK (path_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (attach_response_cb), a, (GClosureNotify)attaching_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
xaso_dossier_steps_run (GtkWidget          *from,
                        XasoContext        *context,
                        XasoDossierDetails *details,
                        const char         *kind)
{
  if (xaso_context_get_user (context) == NULL)
    return;
  if (g_str_equal (kind, XASO_DOSSIER_STEP_ATTACH))
    choose_file (from, context, details);
  else if (g_str_equal (kind, XASO_DOSSIER_STEP_PRINT))
    xaso_dossier_print_form (from, context, details);
  else if (g_str_equal (kind, "approved"))
    xaso_dossier_sign_result (from, context, details);
  else
    xaso_dossier_step_dialog_present (from, context, details, kind);
}
