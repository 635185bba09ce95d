/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-document-queue.h"
#include "xaso-document-view.h"
#include "xaso-documents-badge.h"
#include "xaso-document-steps.h"
#include "xaso-documents-page.h"
#include "xaso-edxml-receive.h"
#include "xaso-incoming-editor.h"
#include "xaso-outgoing-editor.h"
#include "xaso-pinned-bar.h"
#include "xaso-queue-bar.h"
#include "xaso-record-table.h"
#include "xaso-register-print-dialog.h"

struct _XasoDocumentsPage
{
  XasoPage          parent_instance;

  /* Template widgets */
  AdwLeaflet       *leaflet;
  GtkWidget        *list_box;
  GtkSearchEntry   *search_entry;
  GtkDropDown      *year_dropdown;
  GtkStringList    *year_list;
  GtkDropDown      *urgency_dropdown;
  GtkDropDown      *status_dropdown;
  GtkStringList    *status_list;
  GtkWidget        *add_button;
  GtkWidget        *print_button;
  GtkWidget        *receive_button;
  GCancellable     *badge_cancellable;
  GtkWidget        *lead_label;
  GtkDropDown      *lead_dropdown;
  GtkStringList    *lead_list;
  GStrv             lead_ids;     /* of lead_list's items; "" for anyone */
  XasoQueueBar     *queue_bar;
  XasoPinnedBar    *pinned_bar;
  GtkLabel         *count_label;
  XasoRecordTable  *table;
  XasoDocumentView *view;

  char             *direction;
  guint             refresh_source;
};

G_DEFINE_FINAL_TYPE (XasoDocumentsPage, xaso_documents_page, XASO_TYPE_PAGE)

enum { PROP_0, PROP_DIRECTION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char * const urgency_values[] = { NULL, "normal", "urgent", "very_urgent", "flash" };
static const char * const incoming_statuses[] = { NULL, "received", "registered", "presented", "directed",
                                                  "in_progress", "done" };
static const char * const outgoing_statuses[] = { NULL, "draft", "reviewing", "signing", "signed", "issued",
                                                  "revoked" };
#define N_YEARS 6
#define FIRST_SCREEN 60

static gboolean
is_incoming (XasoDocumentsPage *self)
{
  return g_strcmp0 (self->direction, "incoming") == 0;
}

static XasoContext *
context_of (XasoDocumentsPage *self)
{
  return xaso_page_get_context (XASO_PAGE (self));
}

static XasoUser *
user_of (XasoDocumentsPage *self)
{
  return context_of (self) ? xaso_context_get_user (context_of (self)) : NULL;
}

static const char * const *
statuses (XasoDocumentsPage *self)
{
  return is_incoming (self) ? incoming_statuses : outgoing_statuses;
}

/* A report's filter lists exactly what its figure counted; words typed in
 * the search box still narrow it. */
static XasoDocumentFilter *
read_pinned_filter (XasoDocumentsPage *self)
{
  XasoDocumentFilter *f = xaso_document_filter_copy (xaso_pinned_bar_get_filter (self->pinned_bar));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*text)
    {
      g_free (f->text);
      f->text = g_strdup (text);
    }
  return f;
}

static XasoDocumentFilter *
read_filter (XasoDocumentsPage *self)
{
  XasoQueue queue = xaso_queue_bar_get_queue (self->queue_bar);
  XasoDocumentFilter *f;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint year = gtk_drop_down_get_selected (self->year_dropdown);
  guint urgency = gtk_drop_down_get_selected (self->urgency_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint lead = gtk_drop_down_get_selected (self->lead_dropdown);
  g_autoptr(GDateTime) now = xaso_now ();

  if (xaso_pinned_bar_get_filter (self->pinned_bar) != NULL)
    return read_pinned_filter (self);
  f = xaso_queue_filter (queue, self->direction, user_of (self));
  f->text = *text ? g_strdup (text) : NULL;
  if (year != GTK_INVALID_LIST_POSITION && year > 0)
    f->year = g_date_time_get_year (now) - (int)year + 1;
  if (urgency != GTK_INVALID_LIST_POSITION && urgency > 0)
    f->urgency = g_strdup (urgency_values[urgency]);
  if (status != GTK_INVALID_LIST_POSITION && status > 0 && f->status == NULL)
    f->status = g_strdup (statuses (self)[status]);
  if (self->lead_ids != NULL && lead != GTK_INVALID_LIST_POSITION && lead > 0 &&
      lead < g_strv_length (self->lead_ids) && f->lead_user_id == NULL)
    f->lead_user_id = g_strdup (self->lead_ids[lead]);
  return f;
}

static GArray *
search_documents (XasoDatabase  *db,
                  gconstpointer  filter,
                  guint          limit,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return xaso_document_search_rowids (db, filter, limit, cancellable, error);
}

static void
search (XasoDocumentsPage *self)
{
  if (context_of (self) == NULL)
    return;
  xaso_record_table_search (self->table, read_filter (self), (GDestroyNotify)xaso_document_filter_free);
}

static void
filter_changed_cb (XasoDocumentsPage *self)
{
  search (self);
}

/* Choosing another list or filter leaves a report's list. */
static void
choice_changed_cb (XasoDocumentsPage *self)
{
  xaso_pinned_bar_unpin (self->pinned_bar);
  search (self);
}

static gboolean
xaso_documents_page_show_list (XasoPage    *page,
                               const char  *query,
                               const char  *description,
                               GError     **error)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (page);
  XasoDocumentFilter *f = xaso_document_filter_parse (query, error);

  if (f == NULL)
    return FALSE;
  f->direction = g_strdup (self->direction);
  xaso_pinned_bar_pin (self->pinned_bar, description, f, (GDestroyNotify)xaso_document_filter_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  search (self);
  return TRUE;
}

static void
counted_cb (XasoDocumentsPage *self,
            guint              n,
            const char        *error)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = g_strdup_printf (ngettext ("%s document", "%s documents", n), number);

  gtk_label_set_text (self->count_label, error ? error : text);
}

static void
show_document (XasoDocumentsPage *self,
               const char        *id)
{
  xaso_document_view_show (self->view, context_of (self), id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->view));
}

static void
selected_cb (XasoDocumentsPage *self,
             const char        *id)
{
  show_document (self, id);
}

static void
activated_cb (XasoDocumentsPage *self,
              const char        *id)
{
  show_document (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
search_activate_cb (XasoDocumentsPage *self)
{
  xaso_record_table_select_first (self->table);
}

/* ---- The queues of the signed-in user's roles ---- */

static void
queue_changed_cb (XasoDocumentsPage *self)
{
  choice_changed_cb (self);
}

static void
build_queue_bar (XasoDocumentsPage *self)
{
  XasoUser *user = user_of (self);
  XasoQueue queues[XASO_N_QUEUES];
  guint numbers[XASO_N_QUEUES];
  const char *labels[XASO_N_QUEUES];
  guint n = xaso_queue_list (self->direction, user ? xaso_user_get_roles (user) : 0, queues);

  for (guint i = 0; i < n; i++)
    {
      numbers[i] = queues[i];
      labels[i] = xaso_queue_label (queues[i]);
    }
  xaso_queue_bar_set_queues (self->queue_bar, numbers, labels, n);
}

static void
update_badge (XasoDocumentsPage *self)
{
  if (context_of (self) == NULL)
    return;
  g_cancellable_cancel (self->badge_cancellable);
  g_clear_object (&self->badge_cancellable);
  self->badge_cancellable = g_cancellable_new ();
  xaso_documents_badge_update (XASO_PAGE (self), context_of (self), self->direction, self->badge_cancellable);
}

/* The "handled by" filter offers whoever may handle documents. */
static void
leads_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XasoDocumentsPage) self = user_data;
  g_autoptr(GPtrArray) users = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (users == NULL)
    return;
  g_strv_builder_add (ids, "");
  for (guint i = 0; i < users->len; i++)
    {
      XasoUser *user = g_ptr_array_index (users, i);

      if (!xaso_user_is_active (user) || !xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_HANDLE))
        continue;
      g_ptr_array_add (names, (gpointer)xaso_user_get (user, XASO_USER_FULL_NAME));
      g_strv_builder_add (ids, xaso_record_get_id (XASO_RECORD (user)));
    }
  g_ptr_array_add (names, NULL);
  g_strfreev (self->lead_ids);
  self->lead_ids = g_strv_builder_end (ids);
  gtk_drop_down_set_selected (self->lead_dropdown, 0);
  gtk_string_list_splice (self->lead_list, 1, g_list_model_get_n_items (G_LIST_MODEL (self->lead_list)) - 1,
                          (const char * const *)names->pdata);
}

static void
load_leads (XasoDocumentsPage *self)
{
  gtk_widget_set_visible (self->lead_label, is_incoming (self));
  gtk_widget_set_visible (GTK_WIDGET (self->lead_dropdown), is_incoming (self));
  if (is_incoming (self) && context_of (self) != NULL && user_of (self) != NULL)
    xaso_context_run_async (context_of (self), xaso_document_step_list_users, NULL, NULL,
                            (GDestroyNotify)g_ptr_array_unref, NULL, leads_loaded_cb, g_object_ref (self));
}

/* The GUI shows only what the role may do; core refuses the rest anyway. */
static void
update_for_user (XasoDocumentsPage *self)
{
  XasoUser *user = user_of (self);
  XasoRoles roles = user ? xaso_user_get_roles (user) : 0;
  XasoRight add_right = is_incoming (self) ? XASO_RIGHT_REGISTER_INCOMING : XASO_RIGHT_HANDLE;
  gboolean can_receive = is_incoming (self) && xaso_roles_allow (roles, XASO_RIGHT_RECEIVE_INCOMING);

  gtk_widget_set_visible (self->add_button, xaso_roles_allow (roles, add_right));
  gtk_widget_set_visible (self->print_button, xaso_roles_allow (roles, XASO_RIGHT_PRINT_REGISTER));
  gtk_widget_set_visible (self->receive_button, can_receive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.receive-edxml", can_receive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.new", xaso_roles_allow (roles, add_right));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.print-register",
                                 xaso_roles_allow (roles, XASO_RIGHT_PRINT_REGISTER));
  build_queue_bar (self);
  load_leads (self);
  search (self);
  update_badge (self);
}

/* ---- Refreshing when documents change ---- */

static gboolean
refresh_cb (gpointer user_data)
{
  XasoDocumentsPage *self = user_data;

  self->refresh_source = 0;
  search (self);
  update_badge (self);
  return G_SOURCE_REMOVE;
}

static void
context_changed_cb (XasoDocumentsPage *self,
                    const char        *table)
{
  if (g_strcmp0 (table, "document") != 0)
    return;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (150, refresh_cb, self);
}

/* ---- Actions ---- */

static void
saved_cb (XasoDocumentsPage *self,
          const char        *id)
{
  show_document (self, id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWindow *editor;

  if (context_of (self) == NULL)
    return;
  if (is_incoming (self))
    editor = GTK_WINDOW (xaso_incoming_editor_new (parent, context_of (self)));
  else
    editor = GTK_WINDOW (xaso_outgoing_editor_new (parent, context_of (self), NULL));
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
print_register_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (widget);

  if (context_of (self) != NULL)
    xaso_register_print_dialog_start (GTK_WINDOW (gtk_widget_get_root (widget)), context_of (self), self->direction);
}

static void
receive_edxml_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (widget);

  if (context_of (self) != NULL)
    xaso_edxml_receive_start (GTK_WINDOW (gtk_widget_get_root (widget)), context_of (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Setting up ---- */

static void
add_columns (XasoDocumentsPage *self)
{
  XasoRecordTable *t = self->table;

  if (is_incoming (self))
    {
      xaso_record_table_add_column (t, _("No."), "number-display", XASO_COLUMN_NUMERIC);
      xaso_record_table_add_column (t, C_("document", "Received"), "date-display", XASO_COLUMN_NUMERIC);
      xaso_record_table_add_column (t, _("Notation"), "notation", 0);
      xaso_record_table_add_column (t, C_("document", "Issuer"), "issuer", XASO_COLUMN_ELLIPSIZE);
    }
  else
    {
      xaso_record_table_add_column (t, _("Notation"), "notation", 0);
      xaso_record_table_add_column (t, C_("document", "Date"), "date-display", XASO_COLUMN_NUMERIC);
    }
  xaso_record_table_add_column (t, C_("document", "Subject"), "subject", XASO_COLUMN_EXPAND | XASO_COLUMN_ELLIPSIZE);
  if (is_incoming (self))
    xaso_record_table_add_column (t, _("Deadline"), "deadline-display", XASO_COLUMN_NUMERIC);
  else
    xaso_record_table_add_column (t, _("Signer"), "signer", 0);
  xaso_record_table_add_column (t, _("Due"), "due-label", 0);
  xaso_record_table_add_column (t, _("Status"), "status-label", 0);
}

static void
fill_choices (XasoDocumentsPage *self)
{
  g_autoptr(GDateTime) now = xaso_now ();
  const char * const *values = statuses (self);

  gtk_string_list_append (self->year_list, _("Every year"));
  for (int i = 0; i < N_YEARS - 1; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now) - i);

      gtk_string_list_append (self->year_list, year);
    }
  gtk_string_list_append (self->status_list, _("Any status"));
  for (guint i = 1; values[i] != NULL; i++)
    gtk_string_list_append (self->status_list, xaso_document_status_label (values[i]));
}

static void
xaso_documents_page_context_set (XasoPage *page)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (page);
  XasoContext *context = xaso_page_get_context (page);

  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::user", G_CALLBACK (update_for_user), self, G_CONNECT_SWAPPED);
  xaso_record_table_set_source (self->table, context, XASO_TYPE_DOCUMENT, search_documents, FIRST_SCREEN);
  update_for_user (self);
}

static void
xaso_documents_page_constructed (GObject *object)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (object);
  gboolean incoming = is_incoming (self);
  const char *title = incoming ? _("Incoming Documents") : _("Outgoing Documents");
  const char *add = incoming ? _("Register an Incoming Document") : _("Draft an Outgoing Document");

  G_OBJECT_CLASS (xaso_documents_page_parent_class)->constructed (object);
  g_object_set (self, "title", title, "icon-name", incoming ? "mail-unread-symbolic" : "mail-send-symbolic",
                NULL);
  gtk_widget_set_tooltip_text (self->add_button, add);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, add, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  incoming ? _("Search incoming documents") : _("Search outgoing documents"), -1);
  xaso_record_table_set_label (self->table, title);
  xaso_record_table_set_empty (self->table, "edit-find-symbolic", _("No Documents"),
                               _("Nothing in this list matches. Choose another list, or change the words "
                                 "or the filters."));
  add_columns (self);
  fill_choices (self);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
}

static void
xaso_documents_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DIRECTION:
      g_free (self->direction);
      self->direction = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_documents_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DIRECTION:
      g_value_set_string (value, XASO_DOCUMENTS_PAGE (object)->direction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_documents_page_dispose (GObject *object)
{
  XasoDocumentsPage *self = XASO_DOCUMENTS_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->badge_cancellable);
  g_clear_object (&self->badge_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_DOCUMENTS_PAGE);
  g_clear_pointer (&self->direction, g_free);
  g_clear_pointer (&self->lead_ids, g_strfreev);
  G_OBJECT_CLASS (xaso_documents_page_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, year_list);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, urgency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, status_list);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, receive_button);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, lead_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, lead_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, lead_list);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, queue_bar);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, pinned_bar);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, table);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentsPage, view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, counted_cb);
}

static void
xaso_documents_page_class_init (XasoDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xaso_documents_page_constructed;
  object_class->dispose = xaso_documents_page_dispose;
  object_class->set_property = xaso_documents_page_set_property;
  object_class->get_property = xaso_documents_page_get_property;
  XASO_PAGE_CLASS (klass)->context_set = xaso_documents_page_context_set;
  XASO_PAGE_CLASS (klass)->show_list = xaso_documents_page_show_list;

  properties[PROP_DIRECTION] =
    g_param_spec_string ("direction", NULL, NULL, "incoming",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "documents.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "documents.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "documents.print-register", NULL, print_register_action);
  gtk_widget_class_install_action (widget_class, "documents.receive-edxml", NULL, receive_edxml_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "documents.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "documents.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "documents.print-register",
                                       NULL);
}

static void
xaso_documents_page_init (XasoDocumentsPage *self)
{
  g_type_ensure (XASO_TYPE_DOCUMENT);
  g_type_ensure (XASO_TYPE_QUEUE_BAR);
  g_type_ensure (XASO_TYPE_PINNED_BAR);
  g_type_ensure (XASO_TYPE_RECORD_TABLE);
  g_type_ensure (XASO_TYPE_DOCUMENT_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.print-register", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.receive-edxml", FALSE);
}
