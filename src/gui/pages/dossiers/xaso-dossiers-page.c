/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-catalogue-window.h"
#include "xaso-dossier-search.h"
#include "xaso-dossier-view.h"
#include "xaso-dossiers-choices.h"
#include "xaso-dossiers-page.h"
#include "xaso-reception-dialog.h"
#include "xaso-pinned-bar.h"
#include "xaso-queue-bar.h"
#include "xaso-record-table.h"
#include "xaso-register-print-dialog.h"
#include "xaso-rights.h"

struct _XasoDossiersPage
{
  XasoPage          parent_instance;

  /* Template widgets */
  AdwLeaflet       *leaflet;
  GtkWidget        *list_box;
  GtkSearchEntry   *search_entry;
  GtkDropDown      *procedure_dropdown;
  GtkStringList    *procedure_list;
  GtkDropDown      *field_dropdown;
  GtkStringList    *field_list;
  GtkDropDown      *channel_dropdown;
  GtkDropDown      *status_dropdown;
  GtkStringList    *status_list;
  GtkDropDown      *officer_dropdown;
  GtkStringList    *officer_list;
  GtkDropDown      *period_dropdown;
  GtkWidget        *receive_button;
  XasoQueueBar     *queue_bar;
  XasoPinnedBar    *pinned_bar;
  GtkLabel         *count_label;
  XasoRecordTable  *table;
  XasoDossierView  *view;

  XasoDossiersChoices *choices;  /* the filters' values, by position */
  GCancellable     *badge_cancellable;
  guint             refresh_source;
};

G_DEFINE_FINAL_TYPE (XasoDossiersPage, xaso_dossiers_page, XASO_TYPE_PAGE)

#define FIRST_SCREEN 60

static const char * const channel_values[] = { NULL, "direct", "online", "postal" };

static XasoContext *
context_of (XasoDossiersPage *self)
{
  return xaso_page_get_context (XASO_PAGE (self));
}

static XasoUser *
user_of (XasoDossiersPage *self)
{
  return context_of (self) ? xaso_context_get_user (context_of (self)) : NULL;
}

static guint
selected (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

/* A report's filter lists exactly what its figure counted; words typed in
 * the search box still narrow it. */
static XasoDossierFilter *
read_pinned_filter (XasoDossiersPage *self)
{
  XasoDossierFilter *f = xaso_dossier_filter_copy (xaso_pinned_bar_get_filter (self->pinned_bar));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*text)
    {
      g_free (f->text);
      f->text = g_strdup (text);
    }
  return f;
}

static XasoDossierFilter *
read_filter (XasoDossiersPage *self)
{
  XasoDossierFilter *f;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  XasoUser *user = user_of (self);

  if (xaso_pinned_bar_get_filter (self->pinned_bar) != NULL)
    return read_pinned_filter (self);
  f = xaso_dossier_filter_new ();
  f->queue = xaso_queue_bar_get_queue (self->queue_bar);
  f->user_id = user ? g_strdup (xaso_record_get_id (XASO_RECORD (user))) : NULL;
  f->text = *text ? g_strdup (text) : NULL;
  f->channel = g_strdup (channel_values[MIN (selected (self->channel_dropdown), G_N_ELEMENTS (channel_values) - 1)]);
  f->status = (int)selected (self->status_dropdown);
  /* The choices fill their lists as they are made, which asks for a search. */
  if (self->choices != NULL)
    xaso_dossiers_choices_apply (self->choices, f, selected (self->procedure_dropdown),
                                 selected (self->field_dropdown), selected (self->officer_dropdown),
                                 selected (self->period_dropdown));
  return f;
}

static GArray *
search_dossiers (XasoDatabase  *db,
                 gconstpointer  filter,
                 guint          limit,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return xaso_dossier_search_rowids (db, filter, limit, cancellable, error);
}

static void
search (XasoDossiersPage *self)
{
  if (context_of (self) == NULL)
    return;
  xaso_record_table_search (self->table, read_filter (self), (GDestroyNotify)xaso_dossier_filter_free);
}

static void
filter_changed_cb (XasoDossiersPage *self)
{
  search (self);
}

/* ---- A report's filter, pinned ---- */

static void
pinned_closed_cb (XasoDossiersPage *self)
{
  search (self);
}

/* Choosing another list or filter leaves the report's list. */
static void
choice_changed_cb (XasoDossiersPage *self)
{
  xaso_pinned_bar_unpin (self->pinned_bar);
  search (self);
}

static gboolean
xaso_dossiers_page_show_list (XasoPage    *page,
                              const char  *query,
                              const char  *description,
                              GError     **error)
{
  XasoDossiersPage *self = XASO_DOSSIERS_PAGE (page);
  XasoDossierFilter *f = xaso_dossier_filter_parse (query, error);

  if (f == NULL)
    return FALSE;
  xaso_pinned_bar_pin (self->pinned_bar, description, f, (GDestroyNotify)xaso_dossier_filter_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  search (self);
  return TRUE;
}

static void
counted_cb (XasoDossiersPage *self,
            guint             n,
            const char       *error)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = g_strdup_printf (ngettext ("%s dossier", "%s dossiers", n), number);

  gtk_label_set_text (self->count_label, error ? error : text);
}

static void
show_dossier (XasoDossiersPage *self,
              const char       *id)
{
  xaso_record_view_show (XASO_RECORD_VIEW (self->view), context_of (self), id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->view));
}

static void
selected_cb (XasoDossiersPage *self,
             const char       *id)
{
  show_dossier (self, id);
}

static void
activated_cb (XasoDossiersPage *self,
              const char       *id)
{
  show_dossier (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
search_activate_cb (XasoDossiersPage *self)
{
  xaso_record_table_select_first (self->table);
}

/* ---- The queues of the signed-in user's roles ---- */

static void
queue_changed_cb (XasoDossiersPage *self)
{
  choice_changed_cb (self);
}

static void
build_queue_bar (XasoDossiersPage *self)
{
  XasoUser *user = user_of (self);
  XasoDossierQueue queues[XASO_DOSSIER_N_QUEUES];
  guint numbers[XASO_DOSSIER_N_QUEUES];
  const char *labels[XASO_DOSSIER_N_QUEUES];
  guint n = xaso_dossier_queue_list (user ? xaso_user_get_roles (user) : 0, queues);

  for (guint i = 0; i < n; i++)
    {
      numbers[i] = queues[i];
      labels[i] = xaso_dossier_queue_label (queues[i]);
    }
  xaso_queue_bar_set_queues (self->queue_bar, numbers, labels, n);
}

/* ---- The count beside the sidebar entry ---- */

typedef struct
{
  char  *user_id;
  guint  roles;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->user_id);
  g_free (job);
}

static gpointer
count_in_thread (XasoDatabase  *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  CountJob *job = data;
  gint64 *count = g_new0 (gint64, 1);

  *count = xaso_dossier_count_waiting (db, job->user_id, job->roles, error);
  if (*count < 0)
    g_clear_pointer (&count, g_free);
  return count;
}

static void
badge_counted_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XasoPage) page = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *count = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (count != NULL)
    xaso_page_set_badge_count (page, (guint)*count);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The dossiers waiting could not be counted: %s", error->message);
}

static void
update_badge (XasoDossiersPage *self)
{
  XasoUser *user = user_of (self);
  CountJob *job;

  g_cancellable_cancel (self->badge_cancellable);
  g_clear_object (&self->badge_cancellable);
  if (user == NULL)
    {
      xaso_page_set_badge_count (XASO_PAGE (self), 0);
      return;
    }
  self->badge_cancellable = g_cancellable_new ();
  job = g_new0 (CountJob, 1);
  job->user_id = g_strdup (xaso_record_get_id (XASO_RECORD (user)));
  job->roles = xaso_user_get_roles (user);
  xaso_context_run_async (context_of (self), count_in_thread, job, (GDestroyNotify)count_job_free, g_free,
                          self->badge_cancellable, badge_counted_cb, g_object_ref (self));
}

/* The GUI shows only what the role may do; core refuses the rest anyway. */
static void
update_for_user (XasoDossiersPage *self)
{
  XasoUser *user = user_of (self);
  gboolean can_receive = user && xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_RECEIVE_DOSSIER);
  gboolean can_print = user && xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_PROCESS_DOSSIER);

  gtk_widget_set_visible (self->receive_button, can_receive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.receive", can_receive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.print-register", can_print);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.catalogue", user != NULL);
  build_queue_bar (self);
  search (self);
  update_badge (self);
}

/* ---- Refreshing when dossiers change ---- */

static gboolean
refresh_cb (gpointer user_data)
{
  XasoDossiersPage *self = user_data;

  self->refresh_source = 0;
  search (self);
  update_badge (self);
  return G_SOURCE_REMOVE;
}

static void
context_changed_cb (XasoDossiersPage *self,
                    const char       *table)
{
  if (g_strcmp0 (table, "dossier") != 0)
    return;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (150, refresh_cb, self);
}

/* ---- Actions ---- */

static void
received_cb (XasoDossiersPage *self,
             const char       *id)
{
  show_dossier (self, id);
}

static void
receive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  XasoDossiersPage *self = XASO_DOSSIERS_PAGE (widget);
  XasoReceptionDialog *dialog;

  if (context_of (self) == NULL)
    return;
  dialog = xaso_reception_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), context_of (self));
  g_signal_connect_object (dialog, "received", G_CALLBACK (received_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
catalogue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XasoDossiersPage *self = XASO_DOSSIERS_PAGE (widget);

  if (context_of (self) != NULL)
    gtk_window_present (GTK_WINDOW (xaso_catalogue_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                               context_of (self))));
}

static void
print_register_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  XasoDossiersPage *self = XASO_DOSSIERS_PAGE (widget);

  if (context_of (self) != NULL)
    xaso_register_print_dialog_start (GTK_WINDOW (gtk_widget_get_root (widget)), context_of (self), "dossiers");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XasoDossiersPage *self = XASO_DOSSIERS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Setting up ---- */

static void
add_columns (XasoDossiersPage *self)
{
  XasoRecordTable *t = self->table;

  xaso_record_table_add_column (t, _("Code"), "code", XASO_COLUMN_NUMERIC);
  xaso_record_table_add_column (t, C_("dossier", "Received"), "received-display", XASO_COLUMN_NUMERIC);
  xaso_record_table_add_column (t, _("Applicant"), "applicant-name", XASO_COLUMN_EXPAND | XASO_COLUMN_ELLIPSIZE);
  xaso_record_table_add_column (t, _("Appointment"), "due-display", XASO_COLUMN_NUMERIC);
  xaso_record_table_add_column (t, _("Due"), "due-label", 0);
  xaso_record_table_add_column (t, _("Status"), "status-label", 0);
}

static void
fill_statuses (XasoDossiersPage *self)
{
  gtk_string_list_append (self->status_list, _("Any status"));
  for (XasoDossierStatus s = XASO_DOSSIER_NEW; s <= XASO_DOSSIER_RETURNED; s++)
    {
      g_autofree char *label = g_strdup_printf ("%d. %s", s, xaso_dossier_status_label (s));

      gtk_string_list_append (self->status_list, label);
    }
  gtk_drop_down_set_selected (self->status_dropdown, 0);
}

static void
choices_loaded_cb (XasoDossiersPage *self)
{
  search (self);
}

static void
xaso_dossiers_page_context_set (XasoPage *page)
{
  XasoDossiersPage *self = XASO_DOSSIERS_PAGE (page);
  XasoContext *context = xaso_page_get_context (page);

  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::user", G_CALLBACK (update_for_user), self, G_CONNECT_SWAPPED);
  xaso_record_table_set_source (self->table, context, XASO_TYPE_DOSSIER, search_dossiers, FIRST_SCREEN);
  xaso_dossier_view_watch (self->view, context);
  self->choices = xaso_dossiers_choices_new (context, self->procedure_list, self->field_list, self->officer_list);
  g_signal_connect_object (self->choices, "loaded", G_CALLBACK (choices_loaded_cb), self, G_CONNECT_SWAPPED);
  update_for_user (self);
}

static void
xaso_dossiers_page_dispose (GObject *object)
{
  XasoDossiersPage *self = XASO_DOSSIERS_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->badge_cancellable);
  g_clear_object (&self->badge_cancellable);
  g_clear_object (&self->choices);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_DOSSIERS_PAGE);
  G_OBJECT_CLASS (xaso_dossiers_page_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-dossiers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, procedure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, procedure_list);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, field_list);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, status_list);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, officer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, officer_list);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, receive_button);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, queue_bar);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, pinned_bar);
  gtk_widget_class_bind_template_callback (widget_class, pinned_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, table);
  gtk_widget_class_bind_template_child (widget_class, XasoDossiersPage, view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, counted_cb);
}

static void
xaso_dossiers_page_class_init (XasoDossiersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_dossiers_page_dispose;
  XASO_PAGE_CLASS (klass)->context_set = xaso_dossiers_page_context_set;
  XASO_PAGE_CLASS (klass)->show_list = xaso_dossiers_page_show_list;
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "dossiers.receive", NULL, receive_action);
  gtk_widget_class_install_action (widget_class, "dossiers.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "dossiers.print-register", NULL, print_register_action);
  gtk_widget_class_install_action (widget_class, "dossiers.catalogue", NULL, catalogue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "dossiers.receive", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "dossiers.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "dossiers.print-register",
                                       NULL);
}

static void
xaso_dossiers_page_init (XasoDossiersPage *self)
{
  g_type_ensure (XASO_TYPE_DOSSIER);
  g_type_ensure (XASO_TYPE_QUEUE_BAR);
  g_type_ensure (XASO_TYPE_PINNED_BAR);
  g_type_ensure (XASO_TYPE_RECORD_TABLE);
  g_type_ensure (XASO_TYPE_DOSSIER_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.receive", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.print-register", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.catalogue", FALSE);
  xaso_record_table_set_label (self->table, _("One-Stop Dossiers"));
  xaso_record_table_set_empty (self->table, "edit-find-symbolic", _("No Dossiers"),
                               _("No dossier in this list matches. Choose another list, or change the words "
                                 "or the filters."));
  add_columns (self);
  fill_statuses (self);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, 0);
}
