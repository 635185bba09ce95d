/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-directive-dialog.h"
#include "xaso-document-flow.h"
#include "xaso-document-steps.h"
#include "xaso-pdf-preview.h"

/* The leader's directive (the blocks of the "phiếu giải quyết văn bản
 * đến"), written beside the document's preview: who leads, who co-operates,
 * the deadline in working days, and the leader's words. */
struct _XasoDirectiveDialog
{
  AdwWindow       parent_instance;

  GtkWidget      *from;
  XasoContext    *context;
  char           *document_id;
  GPtrArray      *handlers;     /* XasoUser who may lead */
  GtkDropDown    *lead_dropdown;
  GtkEditable    *unit_entry;
  GtkListBox     *co_list;
  GtkSpinButton  *days_spin;
  GtkEditable    *note_entry;
};

G_DEFINE_FINAL_TYPE (XasoDirectiveDialog, xaso_directive_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  XasoUser *actor;
  XasoUser *lead;
  char     *id;
  char     *unit;
  char     *co;
  char     *note;
  guint     days;
} DirectJob;

static void
direct_job_free (DirectJob *job)
{
  g_clear_object (&job->actor);
  g_clear_object (&job->lead);
  g_free (job->id);
  g_free (job->unit);
  g_free (job->co);
  g_free (job->note);
  g_free (job);
}

static gpointer
direct_in_thread (XasoDatabase  *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  DirectJob *job = data;
  XasoDirective d = { job->lead, job->unit, job->co, NULL, job->days, job->note };

  return xaso_document_direct (db, job->actor, job->id, &d, error) ? GINT_TO_POINTER (1) : NULL;
}

static char *
text_or_null (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  return *text ? g_strdup (text) : NULL;
}

static char *
read_co_handlers (XasoDirectiveDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  int i = 0;

  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (self->co_list, i)) != NULL; i++)
    {
      GtkWidget *check = gtk_list_box_row_get_child (row);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_string_append_printf (names, "%s%s", names->len ? "," : "", (char *)g_object_get_data (G_OBJECT (check),
                                                                                                  "username"));
    }
  return names->len ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static void
save_cb (XasoDirectiveDialog *self)
{
  DirectJob *job = g_new0 (DirectJob, 1);
  guint lead = gtk_drop_down_get_selected (self->lead_dropdown);

  job->actor = g_object_ref (xaso_context_get_user (self->context));
  if (lead != GTK_INVALID_LIST_POSITION && lead > 0 && lead <= self->handlers->len)
    job->lead = g_object_ref (g_ptr_array_index (self->handlers, lead - 1));
  job->id = g_strdup (self->document_id);
  job->unit = text_or_null (self->unit_entry);
  job->co = read_co_handlers (self);
  job->note = text_or_null (self->note_entry);
  job->days = (guint)gtk_spin_button_get_value_as_int (self->days_spin);
  xaso_document_step_submit (self->from, self->context, direct_in_thread, job, (GDestroyNotify)direct_job_free);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
labelled (const char *label,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static GtkWidget *
build_form (XasoDirectiveDialog *self)
{
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;

  g_strv_builder_add (names, _("A unit (no person yet)"));
  for (guint i = 0; i < self->handlers->len; i++)
    g_strv_builder_add (names, xaso_user_get (g_ptr_array_index (self->handlers, i), XASO_USER_FULL_NAME));
  shown = g_strv_builder_end (names);
  self->lead_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *)shown));
  gtk_drop_down_set_selected (self->lead_dropdown, self->handlers->len > 0 ? 1 : 0);
  self->unit_entry = GTK_EDITABLE (gtk_entry_new ());
  self->co_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->co_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->co_list), "boxed-list");
  for (guint i = 0; i < self->handlers->len; i++)
    {
      XasoUser *user = g_ptr_array_index (self->handlers, i);
      GtkWidget *check = gtk_check_button_new_with_label (xaso_user_get (user, XASO_USER_FULL_NAME));

      g_object_set_data_full (G_OBJECT (check), "username", g_strdup (xaso_user_get (user, XASO_USER_USERNAME)),
                              g_free);
      gtk_list_box_append (self->co_list, check);
    }
  self->days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 90, 1));
  gtk_spin_button_set_value (self->days_spin, 5);
  self->note_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_activates_default (GTK_ENTRY (self->note_entry), TRUE);
  gtk_box_append (GTK_BOX (form), labelled (_("_Lead"), GTK_WIDGET (self->lead_dropdown)));
  gtk_box_append (GTK_BOX (form), labelled (_("Lead _unit"), GTK_WIDGET (self->unit_entry)));
  gtk_box_append (GTK_BOX (form), labelled (_("_Co-operating"), GTK_WIDGET (self->co_list)));
  gtk_box_append (GTK_BOX (form), labelled (_("_Deadline in working days (0: none)"), GTK_WIDGET (self->days_spin)));
  gtk_box_append (GTK_BOX (form), labelled (_("_Directive"), GTK_WIDGET (self->note_entry)));
  return form;
}

static GtkWidget *
build_header (XasoDirectiveDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Give Directive"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  return header;
}

static void
build (XasoDirectiveDialog *self,
       const char          *file_path)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *preview = xaso_pdf_preview_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *form = build_form (self);

  gtk_widget_set_margin_top (form, 12);
  gtk_widget_set_margin_bottom (form, 12);
  gtk_widget_set_margin_start (form, 12);
  gtk_widget_set_margin_end (form, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), form);
  gtk_widget_set_size_request (scrolled, 340, -1);
  xaso_pdf_preview_set_path (XASO_PDF_PREVIEW (preview), file_path);
  gtk_paned_set_start_child (GTK_PANED (paned), preview);
  gtk_paned_set_end_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 560);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (content), build_header (self));
  gtk_box_append (GTK_BOX (content), paned);
  adw_window_set_content (ADW_WINDOW (self), content);
}

static void
xaso_directive_dialog_dispose (GObject *object)
{
  XasoDirectiveDialog *self = XASO_DIRECTIVE_DIALOG (object);

  g_clear_object (&self->from);
  g_clear_object (&self->context);
  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->handlers, g_ptr_array_unref);
  G_OBJECT_CLASS (xaso_directive_dialog_parent_class)->dispose (object);
}

static void
xaso_directive_dialog_class_init (XasoDirectiveDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xaso_directive_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xaso_directive_dialog_init (XasoDirectiveDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Directive"));
}

/* Officers before leaders: a directive mostly hands the work down. */
static int
officers_first (gconstpointer a,
                gconstpointer b)
{
  gboolean a_leads = xaso_roles_allow (xaso_user_get_roles (*(XasoUser **)a), XASO_RIGHT_DIRECT);
  gboolean b_leads = xaso_roles_allow (xaso_user_get_roles (*(XasoUser **)b), XASO_RIGHT_DIRECT);

  return a_leads - b_leads;
}

XasoDirectiveDialog *
xaso_directive_dialog_new (GtkWidget   *from,
                           XasoContext *context,
                           const char  *document_id,
                           const char  *file_path,
                           GPtrArray   *users)
{
  XasoDirectiveDialog *self = g_object_new (XASO_TYPE_DIRECTIVE_DIALOG,
                                            "transient-for", gtk_widget_get_root (from), NULL);

  self->from = g_object_ref (from);
  self->context = g_object_ref (context);
  self->document_id = g_strdup (document_id);
  self->handlers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      XasoUser *user = g_ptr_array_index (users, i);

      if (xaso_user_is_active (user) && xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_HANDLE))
        g_ptr_array_add (self->handlers, g_object_ref (user));
    }
  g_ptr_array_sort (self->handlers, officers_first);
  build (self, file_path);
  return self;
}
