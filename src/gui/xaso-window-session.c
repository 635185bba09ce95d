/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-password.h"
#include "xaso-window-private.h"

/* Who works in the window: the sign-in screen when the commune has
 * accounts, the user menu (switch user, sign out) while someone works, and
 * the lock after the idle minutes of the preferences. A database made
 * before accounts opens as it did until its administrator is created. */

static void
show_user (XasoWindow *self)
{
  XasoUser *user = self->context ? xaso_context_get_user (self->context) : NULL;
  g_autofree char *roles = NULL;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->user_button), user != NULL);
  if (user == NULL)
    return;
  roles = xaso_roles_describe (xaso_user_get_roles (user));
  label = g_strdup_printf (_("Signed in as %s (%s)"), xaso_user_get (user, XASO_USER_FULL_NAME), roles);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->user_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->user_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
show_sign_in (XasoWindow *self,
              const char *username,
              const char *notice)
{
  xaso_idle_lock_set_armed (self->idle_lock, FALSE);
  show_user (self);
  xaso_sign_in_view_start (self->sign_in_view, self->context, username, notice);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
}

static void
start_working (XasoWindow *self)
{
  XasoUser *user = xaso_context_get_user (self->context);

  if (user != NULL)
    g_settings_set_string (self->settings, "last-username", xaso_user_get (user, XASO_USER_USERNAME));
  show_user (self);
  xaso_idle_lock_set_armed (self->idle_lock, user != NULL);
  _xaso_window_show_work (self);
}

static void
signed_in_cb (XasoWindow *self)
{
  start_working (self);
}

static void
auto_signed_in_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XasoWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (xaso_context_sign_in_finish (XASO_CONTEXT (source), result, &error))
    start_working (self);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_sign_in (self, self->auto_user, error->message);
}

/* Called once the context is open. */
void
_xaso_window_begin (XasoWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-username");

  if (!xaso_context_has_accounts (self->context))
    start_working (self);
  else if (self->auto_user != NULL && xaso_context_get_commune (self->context)->is_demo)
    xaso_context_sign_in_async (self->context, self->auto_user, XASO_DEMO_PASSWORD, self->cancellable,
                                auto_signed_in_cb, g_object_ref (self));
  else
    show_sign_in (self, last, NULL);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XasoWindow *self = XASO_WINDOW (widget);
  g_autofree char *last = g_settings_get_string (self->settings, "last-username");

  if (self->context == NULL)
    return;
  xaso_context_sign_out (self->context);
  show_sign_in (self, g_str_equal (action_name, "win.switch-user") ? NULL : last, NULL);
}

static void
idle_cb (XasoWindow *self,
         int         minutes)
{
  g_autofree char *username = NULL;
  g_autofree char *notice = NULL;
  XasoUser *user = self->context ? xaso_context_get_user (self->context) : NULL;

  if (user == NULL)
    return;
  username = g_strdup (xaso_user_get (user, XASO_USER_USERNAME));
  notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Locked after %d minute without use. Sign in again.",
                                         "Locked after %d minutes without use. Sign in again.", minutes),
                            minutes);
  xaso_context_sign_out (self->context);
  show_sign_in (self, username, notice);
}

void
_xaso_window_session_init (XasoWindow *self)
{
  g_signal_connect_swapped (self->sign_in_view, "signed-in", G_CALLBACK (signed_in_cb), self);
  self->idle_lock = xaso_idle_lock_new (GTK_WINDOW (self), self->settings);
  g_signal_connect_object (self->idle_lock, "idle", G_CALLBACK (idle_cb), self, G_CONNECT_SWAPPED);
}

void
_xaso_window_session_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.switch-user", NULL, sign_out_action);
}
