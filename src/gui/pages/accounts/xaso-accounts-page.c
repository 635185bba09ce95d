/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-account-editor.h"
#include "xaso-accounts-page.h"
#include "xaso-user.h"

/* The Tài khoản page: the commune's accounts, for its administrators only
 * (the page hides itself from others; core refuses them anyway). */
struct _XasoAccountsPage
{
  XasoPage             parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *accounts_group;

  /* Owned references */
  GPtrArray           *rows;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (XasoAccountsPage, xaso_accounts_page, XASO_TYPE_PAGE)

static void
open_editor (XasoAccountsPage *self,
             const char       *user_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  XasoAccountEditor *editor = xaso_account_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       xaso_page_get_context (XASO_PAGE (self)), user_id);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_clicked_cb (XasoAccountsPage *self)
{
  open_editor (self, NULL);
}

static void
row_activated_cb (AdwActionRow     *row,
                  XasoAccountsPage *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "user-id"));
}

static void
add_row (XasoAccountsPage *self,
         XasoUser         *user)
{
  g_autofree char *roles = xaso_roles_describe (xaso_user_get_roles (user));
  g_autofree char *subtitle = g_strdup_printf (xaso_user_is_active (user) ? "%s · %s" : _("%s · %s · not active"),
                                               roles, xaso_user_get (user, XASO_USER_USERNAME));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xaso_user_get (user, XASO_USER_FULL_NAME));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (!xaso_user_is_active (user))
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data_full (G_OBJECT (row), "user-id", g_strdup (xaso_record_get_id (XASO_RECORD (user))), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  adw_preferences_group_add (self->accounts_group, row);
  g_ptr_array_add (self->rows, row);
}

static gpointer
list_thread (XasoDatabase  *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return xaso_user_list (db, error);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XasoAccountsPage) self = user_data;
  g_autoptr(GPtrArray) users = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);

  if (users == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < users->len; i++)
    add_row (self, g_ptr_array_index (users, i));
}

static void
reload (XasoAccountsPage *self)
{
  XasoContext *context = xaso_page_get_context (XASO_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  xaso_context_run_async (context, list_thread, NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                          self->cancellable, listed_cb, g_object_ref (self));
}

/* Shown to administrators only, and read when one signs in. */
static void
user_changed_cb (XasoAccountsPage *self)
{
  XasoUser *user = xaso_context_get_user (xaso_page_get_context (XASO_PAGE (self)));
  gboolean admin = user != NULL && xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_MANAGE_USERS);

  gtk_widget_set_visible (GTK_WIDGET (self), admin);
  if (admin)
    reload (self);
}

static void
context_changed_cb (XasoAccountsPage *self,
                    const char       *table)
{
  if (g_str_equal (table, "user") && gtk_widget_get_visible (GTK_WIDGET (self)))
    reload (self);
}

static void
xaso_accounts_page_context_set (XasoPage *page)
{
  XasoAccountsPage *self = XASO_ACCOUNTS_PAGE (page);
  XasoContext *context = xaso_page_get_context (page);

  g_signal_connect_object (context, "notify::user", G_CALLBACK (user_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  user_changed_cb (self);
}

static void
xaso_accounts_page_dispose (GObject *object)
{
  XasoAccountsPage *self = XASO_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_ACCOUNTS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (xaso_accounts_page_parent_class)->dispose (object);
}

static void
xaso_accounts_page_class_init (XasoAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_accounts_page_dispose;
  XASO_PAGE_CLASS (klass)->context_set = xaso_accounts_page_context_set;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoAccountsPage, accounts_group);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
xaso_accounts_page_init (XasoAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
