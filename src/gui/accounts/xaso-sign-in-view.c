/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-password.h"
#include "xaso-sign-in-view.h"
#include "xaso-user.h"

struct _XasoSignInView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *commune_label;
  GtkLabel            *notice_label;
  AdwEntryRow         *username_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *error_label;
  GtkButton           *sign_in_button;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *demo_group;

  /* Owned references */
  XasoContext         *context;
  GCancellable        *cancellable;
  GPtrArray           *demo_rows;
};

G_DEFINE_FINAL_TYPE (XasoSignInView, xaso_sign_in_view, ADW_TYPE_BIN)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (XasoSignInView *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_group), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
show_error (XasoSignInView *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XasoSignInView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xaso_context_sign_in_finish (XASO_CONTEXT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

static void
sign_in_as (XasoSignInView *self,
            const char     *username,
            const char     *password)
{
  if (self->context == NULL)
    return;
  show_error (self, NULL);
  set_busy (self, TRUE);
  xaso_context_sign_in_async (self->context, username, password, self->cancellable, signed_in_cb,
                              g_object_ref (self));
}

static void
sign_in_cb (XasoSignInView *self)
{
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));

  if (username[0] == '\0')
    {
      show_error (self, _("Enter your username."));
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }
  sign_in_as (self, username, gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
}

static void
username_activated_cb (XasoSignInView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
demo_row_activated_cb (AdwActionRow   *row,
                       XasoSignInView *self)
{
  const char *username = g_object_get_data (G_OBJECT (row), "username");

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  sign_in_as (self, username, XASO_DEMO_PASSWORD);
}

static void
add_demo_row (XasoSignInView *self,
              XasoUser       *user)
{
  g_autofree char *roles = xaso_roles_describe (xaso_user_get_roles (user));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", roles, xaso_user_get (user, XASO_USER_USERNAME));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xaso_user_get (user, XASO_USER_FULL_NAME));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "username", g_strdup (xaso_user_get (user, XASO_USER_USERNAME)), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (demo_row_activated_cb), self);
  adw_preferences_group_add (self->demo_group, row);
  g_ptr_array_add (self->demo_rows, row);
}

static gpointer
list_users_thread (XasoDatabase  *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return xaso_user_list (db, error);
}

static void
demo_users_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(XasoSignInView) self = user_data;
  g_autoptr(GPtrArray) users = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);

  if (users == NULL)
    return;
  for (guint i = 0; i < users->len; i++)
    if (xaso_user_is_active (g_ptr_array_index (users, i)))
      add_demo_row (self, g_ptr_array_index (users, i));
  gtk_widget_set_visible (GTK_WIDGET (self->demo_group), self->demo_rows->len > 0);
}

static void
clear_demo_rows (XasoSignInView *self)
{
  for (guint i = 0; i < self->demo_rows->len; i++)
    adw_preferences_group_remove (self->demo_group, g_ptr_array_index (self->demo_rows, i));
  g_ptr_array_set_size (self->demo_rows, 0);
}

static void
xaso_sign_in_view_dispose (GObject *object)
{
  XasoSignInView *self = XASO_SIGN_IN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_SIGN_IN_VIEW);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->demo_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (xaso_sign_in_view_parent_class)->dispose (object);
}

static void
xaso_sign_in_view_class_init (XasoSignInViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_sign_in_view_dispose;

  /* Someone signed in: the context has a user. */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-sign-in-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoSignInView, commune_label);
  gtk_widget_class_bind_template_child (widget_class, XasoSignInView, notice_label);
  gtk_widget_class_bind_template_child (widget_class, XasoSignInView, username_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignInView, password_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignInView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XasoSignInView, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, XasoSignInView, spinner);
  gtk_widget_class_bind_template_child (widget_class, XasoSignInView, demo_group);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, username_activated_cb);
}

static void
xaso_sign_in_view_init (XasoSignInView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->demo_rows = g_ptr_array_new ();
}

/* Shows the form for @context's commune, @username filled in (the last
 * one to sign in here, or the one whose session was locked), and
 * @notice, such as why the session was locked. */
void
xaso_sign_in_view_start (XasoSignInView *self,
                         XasoContext    *context,
                         const char     *username,
                         const char     *notice)
{
  const XasoCommune *commune = xaso_context_get_commune (context);

  g_return_if_fail (XASO_IS_SIGN_IN_VIEW (self));

  g_set_object (&self->context, context);
  gtk_label_set_text (self->commune_label, commune->name);
  gtk_label_set_text (self->notice_label, notice);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username ? username : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_error (self, NULL);
  set_busy (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (username && *username ? (gpointer) self->password_row : self->username_row));
  clear_demo_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_group), FALSE);
  if (commune->is_demo)
    xaso_context_run_async (context, list_users_thread, NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                            self->cancellable, demo_users_cb, g_object_ref (self));
}
