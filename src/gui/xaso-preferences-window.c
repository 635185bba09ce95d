/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-preferences-window.h"

struct _XasoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwActionRow         *location_row;
  GtkWidget            *reset_button;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (XasoPreferencesWindow, xaso_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_location (XasoPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "database-path");
  g_autofree char *fallback = g_build_filename (g_get_user_data_dir (), "xaso", "xaso.db", NULL);

  adw_action_row_set_subtitle (self->location_row, path[0] != '\0' ? path : fallback);
  gtk_widget_set_sensitive (self->reset_button, path[0] != '\0');
}

static void
chooser_response_cb (XasoPreferencesWindow *self,
                     int                    response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, "database-path", path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_cb (XasoPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Choose the Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Select"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "xaso.db");
  gtk_file_filter_set_name (filter, _("Xã Số databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_cb (XasoPreferencesWindow *self)
{
  g_settings_reset (self->settings, "database-path");
}

static void
xaso_preferences_window_dispose (GObject *object)
{
  XasoPreferencesWindow *self = (XasoPreferencesWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (xaso_preferences_window_parent_class)->dispose (object);
}

static void
xaso_preferences_window_class_init (XasoPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/xaso-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_cb);
}

static void
xaso_preferences_window_init (XasoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

XasoPreferencesWindow *
xaso_preferences_window_new (GtkWindow *parent,
                             GSettings *settings)
{
  XasoPreferencesWindow *self = g_object_new (XASO_TYPE_PREFERENCES_WINDOW,
                                              "transient-for", parent,
                                              NULL);

  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::database-path",
                           G_CALLBACK (update_location), self, G_CONNECT_SWAPPED);
  update_location (self);
  return self;
}
