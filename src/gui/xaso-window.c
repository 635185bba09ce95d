/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-page.h"
#include "xaso-window-private.h"


G_DEFINE_FINAL_TYPE (XasoWindow, xaso_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_AUTO_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The count of what waits on a page, beside its title; read out with it. */
static void
badge_changed_cb (XasoPage   *page,
                  GParamSpec *pspec,
                  GtkLabel   *badge)
{
  guint count = xaso_page_get_badge_count (page);
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *said = g_strdup_printf (ngettext ("%u waiting", "%u waiting", count), count);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (badge), GTK_TYPE_LIST_BOX_ROW);

  gtk_label_set_text (badge, text);
  gtk_widget_set_visible (GTK_WIDGET (badge), count > 0);
  if (count > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *child = gtk_stack_page_get_child (page);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_set_visible (badge, FALSE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "page-name", g_strdup (gtk_stack_page_get_name (page)), g_free);
  g_object_set_data (G_OBJECT (row), "page-child", child);
  if (XASO_IS_PAGE (child))
    {
      g_signal_connect_object (child, "notify::badge-count", G_CALLBACK (badge_changed_cb), badge, 0);
      badge_changed_cb (XASO_PAGE (child), NULL, GTK_LABEL (badge));
    }
  return row;
}

/* Calls @func on every page of the window that is an XasoPage. */
static void
foreach_page (XasoWindow *self,
              void      (*func) (XasoWindow *self, XasoPage *page))
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (XASO_IS_PAGE (child))
      func (self, XASO_PAGE (child));
}

/* A page hidden from this user (the accounts page) leaves the sidebar too. */
static void
page_visibility_changed_cb (XasoWindow *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    {
      GtkWidget *child = g_object_get_data (G_OBJECT (row), "page-child");

      gtk_widget_set_visible (GTK_WIDGET (row), child == NULL || gtk_widget_get_visible (child));
    }
}

/* The sidebar shows a page by its own title and icon. */
static void
bind_page_heading (XasoWindow *self,
                   XasoPage   *page)
{
  GtkStackPage *stack_page = gtk_stack_get_page (self->pages, GTK_WIDGET (page));

  g_object_bind_property (page, "title", stack_page, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "icon-name", stack_page, "icon-name", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "notify::visible", G_CALLBACK (page_visibility_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
give_context (XasoWindow *self,
              XasoPage   *page)
{
  xaso_page_set_context (page, self->context);
}

static void
select_page (XasoWindow *self,
             const char *name)
{
  GtkSelectionModel *model = gtk_stack_get_pages (self->pages);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (gtk_stack_page_get_name (GTK_STACK_PAGE (page)), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
          return;
        }
    }
}

/* win.show-record ("citizens", id): one page links to a record of another,
 * as a dossier to its applicant's resident record. */
static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  XasoWindow *self = XASO_WINDOW (widget);
  const char *page_name, *id;
  GtkWidget *page;

  g_variant_get (param, "(&s&s)", &page_name, &id);
  page = gtk_stack_get_child_by_name (self->pages, page_name);
  if (!XASO_IS_PAGE (page) || !gtk_widget_get_visible (page))
    return;
  select_page (self, page_name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  xaso_page_show_record (XASO_PAGE (page), id);
}

/* win.show-list ("dossiers", "queue=overdue&assignee=…", "From the report:
 * Overdue — …"): a report's figure, or the Đồng bộ page's list of records
 * to review, opens the list of the records it counted. */
static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XasoWindow *self = XASO_WINDOW (widget);
  const char *page_name, *query, *description;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_variant_get (param, "(&s&s&s)", &page_name, &query, &description);
  page = gtk_stack_get_child_by_name (self->pages, page_name);
  if (!XASO_IS_PAGE (page) || !gtk_widget_get_visible (page))
    return;
  if (!xaso_page_show_list (XASO_PAGE (page), query, description, &error))
    {
      xaso_window_show_toast (self, error->message);
      return;
    }
  select_page (self, page_name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* win.show-sync: the state at a glance under the sidebar opens the page. */
static void
show_sync_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XasoWindow *self = XASO_WINDOW (widget);

  select_page (self, "sync");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* The sync's state under the sidebar, read out with what it opens. */
static void
sync_status_changed_cb (XasoWindow *self)
{
  const char *status = xaso_sync_page_get_status (self->sync_page);
  g_autofree char *said = g_strdup_printf (_("Synchronization: %s"), status != NULL ? status : "");

  gtk_label_set_text (self->sync_status_label, status != NULL ? status : "");
  gtk_image_set_from_icon_name (self->sync_status_icon, xaso_sync_page_get_status_icon_name (self->sync_page));
  gtk_widget_set_visible (GTK_WIDGET (self->sync_status_button), status != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_status_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  said, -1);
}

static void
sidebar_row_selected_cb (XasoWindow    *self,
                         GtkListBoxRow *row)
{
  const char *name;

  if (row == NULL)
    return;
  name = g_object_get_data (G_OBJECT (row), "page-name");
  gtk_stack_set_visible_child_name (self->pages, name);
  g_settings_set_string (self->settings, "last-page", name);
}

static void
sidebar_row_activated_cb (XasoWindow    *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
back_clicked_cb (XasoWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
visible_page_changed_cb (XasoWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->pages);

  if (child != NULL)
    adw_window_title_set_title (self->page_title,
                                gtk_stack_page_get_title (gtk_stack_get_page (self->pages, child)));
}

static void
show_error (XasoWindow *self,
            GError     *error)
{
  g_autofree char *text = g_strdup_printf (_("%s\n\nDatabase: %s"), error->message, self->database_path);

  adw_status_page_set_description (self->error_page, text);
  gtk_spinner_stop (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
context_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XasoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const XasoCommune *commune;

  self->context = xaso_context_open_finish (result, &error);
  if (self->context == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  commune = xaso_context_get_commune (self->context);
  adw_window_title_set_subtitle (self->sidebar_title, commune->name);
  gtk_spinner_stop (self->loading_spinner);
  _xaso_window_begin (self);
}

/* The pages get the context when someone first starts working, so no
 * personal data is read before the sign-in. */
void
_xaso_window_show_work (XasoWindow *self)
{
  g_autofree char *last = NULL;

  if (!self->pages_ready)
    {
      self->pages_ready = TRUE;
      foreach_page (self, give_context);
      last = g_settings_get_string (self->settings, "last-page");
      select_page (self, last[0] != '\0' ? last : "citizens");
    }
  gtk_stack_set_visible_child_name (self->main_stack, "work");
}

static void
open_database (XasoWindow *self)
{
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  xaso_context_open_async (self->database_path, self->cancellable, context_opened_cb, g_object_ref (self));
}

/* The administrator who set the commune up signs in first. */
static void
setup_done_cb (XasoWindow *self)
{
  const char *admin = xaso_setup_view_get_admin_username (self->setup_view);

  if (admin != NULL)
    g_settings_set_string (self->settings, "last-username", admin);
  open_database (self);
}

static void
xaso_window_constructed (GObject *object)
{
  XasoWindow *self = (XasoWindow *)object;

  G_OBJECT_CLASS (xaso_window_parent_class)->constructed (object);

  /* A missing database is a first start: ask what to set up rather than
   * creating an empty commune behind the official's back. */
  if (g_file_test (self->database_path, G_FILE_TEST_EXISTS))
    open_database (self);
  else
    {
      xaso_setup_view_set_database_path (self->setup_view, self->database_path);
      gtk_stack_set_visible_child_name (self->main_stack, "setup");
    }
}

static void
xaso_window_dispose (GObject *object)
{
  XasoWindow *self = (XasoWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_WINDOW);

  G_OBJECT_CLASS (xaso_window_parent_class)->dispose (object);
}

static void
xaso_window_finalize (GObject *object)
{
  XasoWindow *self = (XasoWindow *)object;

  g_clear_object (&self->idle_lock);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_pointer (&self->auto_user, g_free);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (xaso_window_parent_class)->finalize (object);
}

static void
xaso_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  XasoWindow *self = XASO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    case PROP_AUTO_USER:
      self->auto_user = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_window_class_init (XasoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xaso_window_constructed;
  object_class->dispose = xaso_window_dispose;
  object_class->finalize = xaso_window_finalize;
  object_class->set_property = xaso_window_set_property;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A demo account to sign in as at once (build-aux/dev run, the tests). */
  properties[PROP_AUTO_USER] =
    g_param_spec_string ("auto-user", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, setup_view);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, sign_in_view);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, user_button);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, sync_page);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, sync_status_button);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, sync_status_icon);
  gtk_widget_class_bind_template_child (widget_class, XasoWindow, sync_status_label);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_done_cb);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ss)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", "(sss)", show_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-sync", NULL, show_sync_action);
  _xaso_window_session_class_init (widget_class);
}

static void
xaso_window_init (XasoWindow *self)
{
  g_type_ensure (XASO_TYPE_CITIZENS_PAGE);
  g_type_ensure (XASO_TYPE_DOCUMENTS_PAGE);
  g_type_ensure (XASO_TYPE_DOSSIERS_PAGE);
  g_type_ensure (XASO_TYPE_REPORTS_PAGE);
  g_type_ensure (XASO_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (XASO_TYPE_SYNC_PAGE);
  g_type_ensure (XASO_TYPE_SETUP_VIEW);
  g_type_ensure (XASO_TYPE_SIGN_IN_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  xaso_application_add_pdf_drop_target (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  _xaso_window_session_init (self);
  foreach_page (self, bind_page_heading);
  g_signal_connect_object (self->sync_page, "notify::status", G_CALLBACK (sync_status_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sync_status_changed_cb (self);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (gtk_stack_get_pages (self->pages)),
                           create_sidebar_row, self, NULL);
  page_visibility_changed_cb (self);
}

XasoWindow *
xaso_window_new (XasoApplication *app,
                 const char      *database_path,
                 const char      *auto_user)
{
  return g_object_new (XASO_TYPE_WINDOW,
                       "application", app,
                       "database-path", database_path,
                       "auto-user", auto_user,
                       NULL);
}

void
xaso_window_show_toast (XasoWindow *self,
                        const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* A toast with a button ("Open" on a saved file); takes @toast. */
void
xaso_window_add_toast (XasoWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (XASO_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
