/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-dossier-fee.h"
#include "xaso-dossier-flow.h"
#include "xaso-dossier-guidance.h"
#include "xaso-dossier-step-dialog.h"
#include "xaso-dossier-fold.h"
#include "xaso-fold.h"
#include "xaso-procedure-catalogue.h"
#include "xaso-reception-dialog-private.h"

G_DEFINE_FINAL_TYPE (XasoReceptionDialog, xaso_reception_dialog, ADW_TYPE_WINDOW)

enum { RECEIVED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define MAX_MATCHES 6

void
_xaso_reception_show_error (XasoReceptionDialog *self,
                            const char          *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- The procedure, typed ahead ---- */

static gboolean
procedure_matches (XasoProcedure *p,
                   const char    *folded)
{
  g_autofree char *name = xaso_fold (p->name);

  return *folded == '\0' || strstr (name, folded) != NULL || (p->code && g_str_has_prefix (p->code, folded));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_matches (XasoReceptionDialog *self)
{
  g_autofree char *folded = xaso_fold (gtk_editable_get_text (GTK_EDITABLE (self->procedure_row)));
  guint shown = 0;

  clear_list (self->procedure_matches);
  for (guint i = 0; self->catalogue != NULL && i < self->catalogue->len && shown < MAX_MATCHES; i++)
    {
      XasoProcedure *p = g_ptr_array_index (self->catalogue, i);
      GtkWidget *row;

      if (!procedure_matches (p, folded ? folded : ""))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->code ? p->code : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "procedure", p);
      gtk_list_box_append (self->procedure_matches, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->procedure_matches), shown > 0);
}

static void
procedure_typed_cb (XasoReceptionDialog *self)
{
  if (self->procedure != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->procedure_row)), self->procedure->name) == 0)
    return;
  show_matches (self);
}

static void form_changed_cb (XasoReceptionDialog *self);

static void
clear_papers (XasoReceptionDialog *self)
{
  for (guint i = 0; i < self->paper_rows->len; i += 2)
    adw_preferences_group_remove (self->papers_group, g_ptr_array_index (self->paper_rows, i));
  g_ptr_array_set_size (self->paper_rows, 0);
}

static void
fill_papers (XasoReceptionDialog *self)
{
  clear_papers (self);
  for (guint i = 0; self->procedure->papers[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->procedure->papers[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->procedure->papers[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (form_changed_cb), self);
      adw_preferences_group_add (self->papers_group, row);
      g_ptr_array_add (self->paper_rows, row);
      g_ptr_array_add (self->paper_rows, check);
    }
}

static void
choose_procedure (XasoReceptionDialog *self,
                  XasoProcedure       *procedure)
{
  g_clear_pointer (&self->procedure, xaso_procedure_unref);
  self->procedure = xaso_procedure_ref (procedure);
  gtk_editable_set_text (GTK_EDITABLE (self->procedure_row), procedure->name);
  gtk_widget_set_visible (GTK_WIDGET (self->procedure_matches), FALSE);
  fill_papers (self);
  form_changed_cb (self);
  if (self->paper_rows->len > 1)
    gtk_widget_grab_focus (g_ptr_array_index (self->paper_rows, 1));
}

static void
procedure_chosen_cb (XasoReceptionDialog *self,
                     GtkListBoxRow       *row)
{
  choose_procedure (self, g_object_get_data (G_OBJECT (row), "procedure"));
}

/* Enter takes the first match. */
static void
procedure_activated_cb (XasoReceptionDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->procedure_matches, 0);

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->procedure_matches)))
    procedure_chosen_cb (self, first);
}

/* ---- What the applicant sees before saving: fee and appointment ---- */

static const char * const exemptions[] = { NULL, "meritorious", "poor", "disabled" };

static const char *
exemption (XasoReceptionDialog *self)
{
  guint i = adw_combo_row_get_selected (self->exemption_row);

  return i < G_N_ELEMENTS (exemptions) ? exemptions[i] : NULL;
}

static const char *
channel (XasoReceptionDialog *self)
{
  return adw_combo_row_get_selected (self->channel_row) == 1 ? "postal" : "direct";
}

static void
show_fee_and_due (XasoReceptionDialog *self)
{
  XasoExemption which = XASO_EXEMPTION_NONE;
  g_autofree char *note = NULL, *money = NULL, *fee = NULL, *due_text = NULL;
  g_autoptr(GDateTime) now = xaso_now ();
  g_autoptr(GDateTime) due = NULL;

  xaso_exemption_from_string (exemption (self), &which);
  money = xaso_format_money (xaso_dossier_fee (self->procedure, which, &note));
  fee = note != NULL ? g_strdup_printf ("%s · %s", money, note) : g_strdup (money);
  adw_action_row_set_subtitle (self->fee_row, fee);
  /* Pure arithmetic on the calendar: no database. */
  due = xaso_dossier_deadline (xaso_dossier_calendar (), self->procedure, channel (self), now, NULL, 0);
  if (due != NULL)
    {
      g_autofree char *iso = xaso_dossier_format_time (due);

      due_text = xaso_dossier_display_time (iso);
    }
  adw_action_row_set_subtitle (self->due_row, due_text ? due_text : "");
}

static gboolean
ready (XasoReceptionDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  return self->procedure != NULL && name != NULL && *name != '\0' && self->dossier_id == NULL;
}

static void
form_changed_cb (XasoReceptionDialog *self)
{
  if (self->procedure != NULL)
    show_fee_and_due (self);
  gtk_widget_set_sensitive (self->receive_button, ready (self));
}

/* ---- Receiving, on the worker ---- */

typedef struct
{
  XasoUser  *actor;
  char      *procedure_code;
  char      *channel;
  char      *name, *id_number, *person_id, *phone, *address, *exemption;
  GArray    *papers;
  GPtrArray *scans;
  gboolean   sensitive;
} ReceiveJob;

static void
receive_job_free (ReceiveJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->procedure_code);
  g_free (job->channel);
  g_free (job->name);
  g_free (job->id_number);
  g_free (job->person_id);
  g_free (job->phone);
  g_free (job->address);
  g_free (job->exemption);
  g_array_unref (job->papers);
  g_ptr_array_unref (job->scans);
  g_free (job);
}

/* What the worker did: the dossier, and what failed after it was received
 * (a scan not attached), which loses nothing already saved. */
typedef struct
{
  char *id;
  char *code;
  char *warning;
} Received;

static void
received_free (Received *received)
{
  g_free (received->id);
  g_free (received->code);
  g_free (received->warning);
  g_free (received);
}

static XasoReception
job_reception (ReceiveJob *job)
{
  return (XasoReception) { job->procedure_code, job->channel, job->name, job->id_number, job->person_id,
                           job->phone, job->address, NULL, NULL, FALSE, (const guint *)(gpointer)job->papers->data,
                           job->papers->len, job->exemption };
}

static gpointer
receive_in_thread (XasoDatabase  *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ReceiveJob *job = data;
  XasoReception r = job_reception (job);
  g_autoptr(GError) scan_error = NULL;
  g_autoptr(XasoDossier) dossier = NULL;
  Received *received;
  char *id = xaso_dossier_receive (db, job->actor, &r, error);

  if (id == NULL)
    return NULL;
  received = g_new0 (Received, 1);
  received->id = id;
  dossier = xaso_dossier_load (db, id, NULL);
  received->code = dossier ? g_strdup (xaso_dossier_get (dossier, XASO_DOSSIER_CODE)) : g_strdup (id);
  for (guint i = 0; i < job->scans->len && scan_error == NULL; i++)
    if (!xaso_dossier_attach_file (db, job->actor, id, g_ptr_array_index (job->scans, i), job->sensitive,
                                   &scan_error))
      received->warning = g_strdup_printf (_("The dossier was received, but a scan could not be attached: %s"),
                                           scan_error->message);
  return received;
}

static char *
row_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? g_strstrip (g_strdup (text)) : NULL;
}

static ReceiveJob *
read_form (XasoReceptionDialog *self)
{
  ReceiveJob *job = g_new0 (ReceiveJob, 1);

  job->actor = g_object_ref (xaso_context_get_user (self->context));
  job->procedure_code = g_strdup (self->procedure->code);
  job->channel = g_strdup (channel (self));
  job->name = row_text (self->name_row);
  job->id_number = row_text (self->id_row);
  job->person_id = g_strdup (self->person_id);
  job->phone = row_text (self->phone_row);
  job->address = row_text (self->address_row);
  job->exemption = g_strdup (exemption (self));
  job->papers = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 1; i < self->paper_rows->len; i += 2)
    if (gtk_check_button_get_active (g_ptr_array_index (self->paper_rows, i)))
      {
        guint index = i / 2;

        g_array_append_val (job->papers, index);
      }
  job->scans = g_ptr_array_ref (self->scans);
  job->sensitive = gtk_switch_get_active (self->sensitive_switch);
  return job;
}

static void
show_done (XasoReceptionDialog *self,
           Received            *received)
{
  g_autofree char *description = g_strdup_printf (_("Dossier code %s. Appointment: %s."), received->code,
                                                  adw_action_row_get_subtitle (self->due_row));

  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_sensitive (self->receive_button, FALSE);
  _xaso_reception_show_error (self, received->warning);
  gtk_widget_grab_focus (self->print_button);
}

static void
received_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XasoReceptionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Received *received = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), TRUE);
  if (received == NULL)
    {
      _xaso_reception_show_error (self, error->message);
      gtk_widget_set_visible (self->guidance_button,
                              g_error_matches (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_PAPERS));
      gtk_widget_set_sensitive (self->receive_button, ready (self));
      return;
    }
  self->dossier_id = g_strdup (received->id);
  xaso_context_notify_changed (self->context, "dossier");
  g_signal_emit (self, signals[RECEIVED], 0, received->id);
  show_done (self, received);
  received_free (received);
}

static void
receive_clicked_cb (XasoReceptionDialog *self)
{
  if (!ready (self) || xaso_context_get_user (self->context) == NULL)
    return;
  _xaso_reception_show_error (self, NULL);
  gtk_widget_set_visible (self->guidance_button, FALSE);
  gtk_widget_set_sensitive (self->receive_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
  xaso_context_run_async (self->context, receive_in_thread, read_form (self), (GDestroyNotify)receive_job_free,
                          (GDestroyNotify)received_free, NULL, received_cb, g_object_ref (self));
}

/* ---- Papers missing: the guidance instead of a dossier ---- */

static gboolean
write_guidance (XasoDatabase  *db,
                gpointer       data,
                const char    *output,
                GCancellable  *cancellable,
                GError       **error)
{
  ReceiveJob *job = data;
  XasoReception r = job_reception (job);

  return xaso_dossier_guidance_print (db, job->actor, &r, output, cancellable, error);
}

static void
guidance_clicked_cb (XasoReceptionDialog *self)
{
  if (!ready (self) || xaso_context_get_user (self->context) == NULL)
    return;
  xaso_dossier_print_pdf (GTK_WIDGET (self), self->context, "guidance", "mau-02-huong-dan.pdf", write_guidance,
                          read_form (self), (GDestroyNotify)receive_job_free);
}

/* ---- After: the slip, another applicant ---- */

static void
print_slip_cb (XasoReceptionDialog *self)
{
  if (self->dossier_id != NULL)
    xaso_dossier_print_slip (GTK_WIDGET (self), self->context, self->dossier_id);
}

static void
another_cb (XasoReceptionDialog *self)
{
  g_clear_pointer (&self->dossier_id, g_free);
  g_clear_pointer (&self->procedure, xaso_procedure_unref);
  g_ptr_array_set_size (self->scans, 0);
  clear_papers (self);
  gtk_editable_set_text (GTK_EDITABLE (self->procedure_row), "");
  _xaso_reception_applicant_clear (self);
  adw_combo_row_set_selected (self->exemption_row, 0);
  adw_action_row_set_subtitle (self->fee_row, "");
  adw_action_row_set_subtitle (self->due_row, "");
  adw_action_row_set_subtitle (self->scans_row, _("None"));
  _xaso_reception_show_error (self, NULL);
  gtk_widget_set_visible (self->guidance_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->procedure_row));
}

static void
show_scans (XasoReceptionDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->scans->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (self->scans, i));

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }
  adw_action_row_set_subtitle (self->scans_row, names->len > 0 ? names->str : _("None"));
}

static void
scans_chosen_cb (GtkNativeDialog     *chooser,
                 int                  response,
                 XasoReceptionDialog *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (self->scans, path);
        }
      show_scans (self);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_scans_cb (XasoReceptionDialog *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Add Scanned Papers"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Add"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF files and scanned images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (scans_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Setting up ---- */

static gpointer
load_catalogue (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return xaso_procedure_catalogue_list (db, NULL, NULL, error);
}

static void
catalogue_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(XasoReceptionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *catalogue = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (catalogue == NULL)
    {
      _xaso_reception_show_error (self, error->message);
      return;
    }
  self->catalogue = catalogue;
  show_matches (self);
}

static void
xaso_reception_dialog_dispose (GObject *object)
{
  XasoReceptionDialog *self = XASO_RECEPTION_DIALOG (object);

  g_cancellable_cancel (self->person_cancellable);
  g_clear_object (&self->person_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_RECEPTION_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->catalogue, g_ptr_array_unref);
  g_clear_pointer (&self->procedure, xaso_procedure_unref);
  g_clear_pointer (&self->paper_rows, g_ptr_array_unref);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->scans, g_ptr_array_unref);
  g_clear_pointer (&self->dossier_id, g_free);
  G_OBJECT_CLASS (xaso_reception_dialog_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-reception-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, receive_button);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, guidance_button);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, procedure_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, procedure_matches);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, qr_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, person_search_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, person_matches);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, papers_group);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, exemption_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, scans_row);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, sensitive_switch);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, XasoReceptionDialog, print_button);
}

static void
bind_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, procedure_typed_cb);
  gtk_widget_class_bind_template_callback (widget_class, procedure_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, procedure_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, receive_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, guidance_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_slip_cb);
  gtk_widget_class_bind_template_callback (widget_class, another_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_scans_cb);
  gtk_widget_class_bind_template_callback (widget_class, _xaso_reception_qr_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, _xaso_reception_person_typed_cb);
  gtk_widget_class_bind_template_callback (widget_class, _xaso_reception_person_chosen_cb);
}

static void
xaso_reception_dialog_class_init (XasoReceptionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_reception_dialog_dispose;
  bind_template (widget_class);
  bind_callbacks (widget_class);
  signals[RECEIVED] = g_signal_new ("received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xaso_reception_dialog_init (XasoReceptionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paper_rows = g_ptr_array_new ();
  self->scans = g_ptr_array_new_with_free_func (g_free);
}

XasoReceptionDialog *
xaso_reception_dialog_new (GtkWindow   *parent,
                           XasoContext *context)
{
  XasoReceptionDialog *self = g_object_new (XASO_TYPE_RECEPTION_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  xaso_context_run_async (context, load_catalogue, NULL, NULL, (GDestroyNotify)g_ptr_array_unref, NULL,
                          catalogue_loaded_cb, g_object_ref (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->procedure_row));
  return self;
}
