/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xaso-dossier-forms.h"
#include "xaso-dossier-step-dialog.h"
#include "xaso-dossier-steps.h"
#include "xaso-pdf-window.h"

/* The forms of Circular 03/2025 — 01–06 of a dossier, and the guidance
 * the counter gives instead of a dossier — written on the worker (an
 * audited print) into the cache and opened in the PDF window, where the
 * official prints. */

typedef struct
{
  XasoDossierPrintFunc  write;
  gpointer              data;
  GDestroyNotify        data_free;
  char                 *folder;
  char                 *name;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->folder);
  g_free (job->name);
  g_free (job);
}

static gpointer
write_in_thread (XasoDatabase  *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  PdfJob *job = data;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "xaso", "dossiers", job->folder, NULL);
  g_autofree char *path = g_build_filename (dir, job->name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not make the folder “%s”."), dir);
      return NULL;
    }
  if (!job->write (db, job->data, path, cancellable, error))
    return NULL;
  return g_steal_pointer (&path);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) from = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;

  if (path != NULL)
    {
      file = g_file_new_for_path (path);
      gtk_window_present (GTK_WINDOW (xaso_pdf_window_new (GTK_APPLICATION (g_application_get_default ()), file)));
      xaso_context_notify_changed (XASO_CONTEXT (source), "dossier");
      return;
    }
  if (gtk_widget_get_root (from) == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (from)),
                                                       _("The Form Could Not Be Made"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
xaso_dossier_print_pdf (GtkWidget            *from,
                        XasoContext          *context,
                        const char           *folder,
                        const char           *name,
                        XasoDossierPrintFunc  write,
                        gpointer              data,
                        GDestroyNotify        data_free)
{
  PdfJob *job = g_new0 (PdfJob, 1);

  job->write = write;
  job->data = data;
  job->data_free = data_free;
  job->folder = g_strdup (folder);
  job->name = g_strdup (name);
  xaso_context_run_async (context, write_in_thread, job, (GDestroyNotify)pdf_job_free, g_free, NULL, written_cb,
                          g_object_ref (from));
}

/* ---- The forms of one dossier ---- */

typedef struct
{
  XasoUser        *actor;
  char            *id;
  XasoDossierForm  form;
} FormJob;

static void
form_job_free (FormJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->id);
  g_free (job);
}

static gboolean
write_form (XasoDatabase  *db,
            gpointer       data,
            const char    *output,
            GCancellable  *cancellable,
            GError       **error)
{
  FormJob *job = data;

  return xaso_dossier_form_print (db, job->actor, job->id, job->form, output, cancellable, error);
}

static void
print (GtkWidget       *from,
       XasoContext     *context,
       const char      *dossier_id,
       XasoDossierForm  form)
{
  FormJob *job = g_new0 (FormJob, 1);
  g_autofree char *name = g_strdup_printf ("mau-%02d.pdf", form);

  job->actor = g_object_ref (xaso_context_get_user (context));
  job->id = g_strdup (dossier_id);
  job->form = form;
  xaso_dossier_print_pdf (from, context, dossier_id, name, write_form, job, (GDestroyNotify)form_job_free);
}

void
xaso_dossier_print_slip (GtkWidget   *from,
                         XasoContext *context,
                         const char  *dossier_id)
{
  if (xaso_context_get_user (context) != NULL)
    print (from, context, dossier_id, XASO_DOSSIER_FORM_RECEIPT);
}

typedef struct
{
  GtkWidget   *from;
  XasoContext *context;
  char        *id;
} Choosing;

static void
choosing_free (Choosing *c)
{
  g_object_unref (c->from);
  g_object_unref (c->context);
  g_free (c->id);
  g_free (c);
}

static void
form_chosen_cb (AdwMessageDialog *dialog,
                const char       *response,
                Choosing         *c)
{
  XasoDossierForm form;

  if (xaso_dossier_form_from_string (response, &form) && gtk_widget_get_root (c->from) != NULL)
    print (c->from, c->context, c->id, form);
}

void
xaso_dossier_print_form (GtkWidget          *from,
                         XasoContext        *context,
                         XasoDossierDetails *details)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (from)), _("Print a Form"),
    _("The forms of Circular 03/2025 for this dossier. A form its history does not call for is refused.")));
  Choosing *c = g_new0 (Choosing, 1);

  c->from = g_object_ref (from);
  c->context = g_object_ref (context);
  c->id = g_strdup (xaso_record_get_id (XASO_RECORD (details->dossier)));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  for (XasoDossierForm form = XASO_DOSSIER_FORM_RECEIPT; form <= XASO_DOSSIER_FORM_CONTROL; form++)
    {
      g_autofree char *id = g_strdup_printf ("%02d", form);
      g_autofree char *label = g_strdup_printf (_("Form %02d: %s"), form, xaso_dossier_form_title (form));

      adw_message_dialog_add_response (dialog, id, label);
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (form_chosen_cb), c, (GClosureNotify)choosing_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
