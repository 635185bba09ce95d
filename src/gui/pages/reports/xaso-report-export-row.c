/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "xaso-pdf-window.h"
#include "xaso-report-export-row.h"
#include "xaso-window.h"

struct _XasoReportExportRow
{
  AdwActionRow    parent_instance;

  XasoReportKind  kind;
  XasoContext    *context;
  char           *from, *to;
  GtkWidget      *buttons;
  GtkWidget      *spinner;
  GtkWidget      *stop;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (XasoReportExportRow, xaso_report_export_row, ADW_TYPE_ACTION_ROW)

typedef struct
{
  XasoReportKind    kind;
  XasoReportFormat  format;
  XasoUser         *actor;
  char             *from, *to, *output;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->from);
  g_free (job->to);
  g_free (job->output);
  g_free (job);
}

static gpointer
export_in_thread (XasoDatabase  *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ExportJob *job = data;
  g_autofree char *dir = g_path_get_dirname (job->output);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return NULL;
    }
  if (!xaso_report_export (db, job->actor, job->kind, job->format, job->from, job->to, NULL, NULL, job->output,
                           cancellable, error))
    return NULL;
  return g_strdup (job->output);
}

static const char * const extensions[] = { "tsv", "csv", "xlsx", "pdf" };

/* PDFs to read and print go to the cache, as the registers do; the files
 * an official keeps or sends go to their Documents folder. The folder is
 * made on the worker, with the file. */
static char *
output_path (XasoReportExportRow *self,
             XasoReportFormat     format)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *dir = format == XASO_REPORT_FORMAT_PDF
                           ? g_build_filename (g_get_user_cache_dir (), "xaso", "reports", NULL)
                           : g_build_filename (documents ? documents : g_get_home_dir (), _("Xa So reports"), NULL);
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.%s", xaso_report_kind_to_string (self->kind), self->from,
                                           self->to, extensions[format]);

  return g_build_filename (dir, name, NULL);
}

static void
set_busy (XasoReportExportRow *self,
          gboolean             busy)
{
  gtk_widget_set_visible (self->buttons, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_widget_set_visible (self->stop, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
open_clicked_cb (AdwToast   *toast,
                 GtkWindow  *window)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_object_get_data (G_OBJECT (toast), "path"));
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
saved (XasoReportExportRow *self,
       const char          *path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *message = g_strdup_printf (_("Saved “%s” in your Documents folder"), base);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data_full (G_OBJECT (toast), "path", g_strdup (path), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_clicked_cb), root, 0);
  if (XASO_IS_WINDOW (root))
    xaso_window_add_toast (XASO_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XasoReportExportRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  set_busy (self, FALSE);
  if (output != NULL && g_str_has_suffix (output, ".pdf"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (output);

      gtk_window_present (GTK_WINDOW (xaso_pdf_window_new (GTK_APPLICATION (g_application_get_default ()), file)));
    }
  else if (output != NULL)
    saved (self, output);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && XASO_IS_WINDOW (root))
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be written: %s"), error->message);

      xaso_window_show_toast (XASO_WINDOW (root), message);
    }
}

static void
start (XasoReportExportRow *self,
       XasoReportFormat     format)
{
  ExportJob *job;

  if (self->context == NULL || self->from == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  job->kind = self->kind;
  job->format = format;
  job->actor = xaso_context_get_user (self->context) ? g_object_ref (xaso_context_get_user (self->context)) : NULL;
  job->from = g_strdup (self->from);
  job->to = g_strdup (self->to);
  job->output = output_path (self, format);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  xaso_context_run_async (self->context, export_in_thread, job, (GDestroyNotify)export_job_free, g_free,
                          self->cancellable, exported_cb, g_object_ref (self));
}

static void
format_clicked_cb (GtkButton           *button,
                   XasoReportExportRow *self)
{
  start (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "format")));
}

static void
stop_clicked_cb (XasoReportExportRow *self)
{
  g_cancellable_cancel (self->cancellable);
}

void
xaso_report_export_row_set_period (XasoReportExportRow *self,
                                   XasoContext         *context,
                                   const char          *from,
                                   const char          *to)
{
  g_set_object (&self->context, context);
  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
}

/* A button named after the report too ("Excel: Dossier statistics…"), so
 * a screen reader's list of buttons tells them apart. */
static GtkWidget *
format_button_new (XasoReportExportRow *self,
                   const char          *label,
                   XasoReportFormat     format)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *plain = g_strdelimit (g_strdup (label), "_", ' ');
  g_autofree char *name = g_strdup_printf ("%s: %s", g_strstrip (plain), xaso_report_kind_title (self->kind));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "format", GINT_TO_POINTER (format));
  g_signal_connect_object (button, "clicked", G_CALLBACK (format_clicked_cb), self, 0);
  return button;
}

static void
build (XasoReportExportRow *self)
{
  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->buttons), format_button_new (self, _("View and Print"), XASO_REPORT_FORMAT_PDF));
  gtk_box_append (GTK_BOX (self->buttons), format_button_new (self, _("Excel"), XASO_REPORT_FORMAT_XLSX));
  gtk_box_append (GTK_BOX (self->buttons), format_button_new (self, _("CSV"), XASO_REPORT_FORMAT_CSV));
  self->spinner = gtk_spinner_new ();
  self->stop = gtk_button_new_with_mnemonic (_("_Stop"));
  gtk_widget_set_valign (self->stop, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->stop, "clicked", G_CALLBACK (stop_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->spinner);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->stop);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->buttons);
  set_busy (self, FALSE);
}

static void
xaso_report_export_row_dispose (GObject *object)
{
  XasoReportExportRow *self = XASO_REPORT_EXPORT_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (xaso_report_export_row_parent_class)->dispose (object);
}

static void
xaso_report_export_row_finalize (GObject *object)
{
  XasoReportExportRow *self = XASO_REPORT_EXPORT_ROW (object);

  g_free (self->from);
  g_free (self->to);
  G_OBJECT_CLASS (xaso_report_export_row_parent_class)->finalize (object);
}

static void
xaso_report_export_row_class_init (XasoReportExportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xaso_report_export_row_dispose;
  G_OBJECT_CLASS (klass)->finalize = xaso_report_export_row_finalize;
}

static void
xaso_report_export_row_init (XasoReportExportRow *self)
{
}

XasoReportExportRow *
xaso_report_export_row_new (XasoReportKind  kind,
                            const char     *subtitle)
{
  XasoReportExportRow *self = g_object_new (XASO_TYPE_REPORT_EXPORT_ROW, NULL);

  self->kind = kind;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), xaso_report_kind_title (kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  build (self);
  return self;
}
