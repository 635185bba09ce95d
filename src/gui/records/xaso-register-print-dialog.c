/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-commune-calendar.h"
#include "xaso-dossier-book.h"
#include "xaso-pdf-window.h"
#include "xaso-day-text.h"
#include "xaso-register-print-dialog.h"
#include "xaso-register-print.h"

/* The registers a page prints: the three books of documents (Decree 30)
 * and the follow-up register of one-stop dossiers (Mẫu 07), which reports
 * its progress as it goes. */
#define DOSSIER_BOOK ((XasoRegisterBook)G_MAXINT)

typedef struct
{
  GtkWindow        *parent;
  XasoContext      *context;
  GtkDropDown      *book_dropdown;
  GtkEditable      *from_entry;
  GtkEditable      *to_entry;
  XasoRegisterBook  books[2];
  guint             n_books;
  AdwMessageDialog *progress;
  GtkProgressBar   *bar;
  guint             bar_timeout;
  int               permille;     /* written by the worker, read by bar_timeout */
  GCancellable     *cancellable;
} Printing;

static void
printing_free (Printing *p)
{
  g_clear_object (&p->parent);
  g_clear_object (&p->context);
  g_clear_object (&p->cancellable);
  g_clear_handle_id (&p->bar_timeout, g_source_remove);
  g_free (p);
}

typedef struct
{
  XasoUser         *actor;
  XasoRegisterBook  book;
  char             *from;
  char             *to;
  char             *output;
  int              *permille;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->from);
  g_free (job->to);
  g_free (job->output);
  g_free (job);
}

/* On the worker: how far the rows are. */
static void
progress_cb (goffset  current,
             goffset  total,
             gpointer data)
{
  g_atomic_int_set ((int *)data, total > 0 ? (int)(current * 1000 / total) : 0);
}

static gboolean
show_progress_cb (gpointer data)
{
  Printing *p = data;

  gtk_progress_bar_set_fraction (p->bar, g_atomic_int_get (&p->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static gpointer
print_in_thread (XasoDatabase  *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  PrintJob *job = data;

  if (job->book == DOSSIER_BOOK
        ? !xaso_dossier_book_print (db, job->actor, job->from, job->to, job->output, cancellable, progress_cb,
                                    job->permille, NULL, error)
        : !xaso_register_print (db, job->actor, job->book, job->from, job->to, job->output, cancellable, NULL,
                                error))
    return NULL;
  return g_strdup (job->output);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Printing *p = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  g_clear_handle_id (&p->bar_timeout, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (p->progress));
  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (output);

      gtk_window_present (GTK_WINDOW (xaso_pdf_window_new (GTK_APPLICATION (g_application_get_default ()), file)));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (p->parent, _("The Register Could Not Be Printed"), error->message);
  printing_free (p);
}

static void
stop_cb (AdwMessageDialog *dialog,
         const char       *response,
         Printing         *p)
{
  g_cancellable_cancel (p->cancellable);
}

/* Dates are typed dd/mm/yyyy, as on paper. */
static char *
iso_date (GtkEditable *entry)
{
  return xaso_day_from_display (gtk_editable_get_text (entry));
}

static void
start (Printing *p)
{
  PrintJob *job = g_new0 (PrintJob, 1);
  guint chosen = gtk_drop_down_get_selected (p->book_dropdown);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "xaso", "registers", NULL);
  g_autofree char *name = NULL;

  job->book = p->books[MIN (chosen, p->n_books - 1)];
  job->from = iso_date (p->from_entry);
  job->to = iso_date (p->to_entry);
  if (job->from == NULL || job->to == NULL || strcmp (job->from, job->to) > 0)
    {
      show_message (p->parent, _("Check the Period"), _("Write both dates as dd/mm/yyyy, the first not after the "
                                                        "second."));
      print_job_free (job);
      printing_free (p);
      return;
    }
  job->actor = g_object_ref (xaso_context_get_user (p->context));
  job->permille = &p->permille;
  name = g_strdup_printf ("%s-%s-%s.pdf", job->book == XASO_REGISTER_BOOK_INCOMING ? "so-van-ban-den"
                                          : job->book == XASO_REGISTER_BOOK_OUTGOING ? "so-van-ban-di"
                                          : job->book == DOSSIER_BOOK ? "so-theo-doi-ho-so"
                                          : "so-theo-doi-giai-quyet", job->from, job->to);
  g_mkdir_with_parents (dir, 0700);
  job->output = g_build_filename (dir, name, NULL);
  p->cancellable = g_cancellable_new ();
  p->progress = ADW_MESSAGE_DIALOG (adw_message_dialog_new (p->parent, _("Printing the Register…"),
                                                            _("Every entry of the period is written out.")));
  p->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
  adw_message_dialog_set_extra_child (p->progress, GTK_WIDGET (p->bar));
  if (job->book != DOSSIER_BOOK)
    gtk_widget_set_visible (GTK_WIDGET (p->bar), FALSE);
  p->bar_timeout = g_timeout_add (200, show_progress_cb, p);
  adw_message_dialog_add_response (p->progress, "stop", _("_Stop"));
  g_signal_connect (p->progress, "response", G_CALLBACK (stop_cb), p);
  gtk_window_present (GTK_WINDOW (p->progress));
  xaso_context_run_async (p->context, print_in_thread, job, (GDestroyNotify)print_job_free, g_free,
                          p->cancellable, printed_cb, p);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Printing         *p)
{
  if (g_str_equal (response, "print"))
    start (p);
  else
    printing_free (p);
}

static GtkEditable *
date_entry (GtkBox     *box,
            const char *label,
            const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (box, gtk_label_new (label));
  gtk_box_append (box, entry);
  return GTK_EDITABLE (entry);
}

void
xaso_register_print_dialog_start (GtkWindow   *parent,
                                  XasoContext *context,
                                  const char  *direction)
{
  Printing *p = g_new0 (Printing, 1);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Print a Register"), NULL));
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  g_autoptr(GDateTime) now = xaso_commune_now ();
  g_autofree char *first = g_date_time_format (now, "01/01/%Y");
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  const char *names[3] = { NULL };

  p->parent = g_object_ref (parent);
  p->context = g_object_ref (context);
  if (g_strcmp0 (direction, "incoming") == 0)
    {
      p->books[p->n_books++] = XASO_REGISTER_BOOK_INCOMING;
      p->books[p->n_books++] = XASO_REGISTER_BOOK_TRACKING;
    }
  else if (g_strcmp0 (direction, "dossiers") == 0)
    p->books[p->n_books++] = DOSSIER_BOOK;
  else
    p->books[p->n_books++] = XASO_REGISTER_BOOK_OUTGOING;
  for (guint i = 0; i < p->n_books; i++)
    names[i] = p->books[i] == DOSSIER_BOOK ? _("Dossier follow-up register (form 07)")
                                           : xaso_register_book_title (p->books[i]);
  p->book_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (names));
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->book_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Register"), -1);
  gtk_box_append (box, GTK_WIDGET (p->book_dropdown));
  p->from_entry = date_entry (box, _("From (dd/mm/yyyy)"), first);
  p->to_entry = date_entry (box, _("To (dd/mm/yyyy)"), today);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (box));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "print", _("_Print"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "print");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), p);
  gtk_window_present (GTK_WINDOW (dialog));
}
