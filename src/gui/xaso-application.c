/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-application.h"
#include "xaso-pdf-window.h"
#include "xaso-preferences-window.h"
#include "xaso-window.h"

struct _XasoApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database_path;
  char           *auto_user;       /* --user, for a demo commune */
};

G_DEFINE_FINAL_TYPE (XasoApplication, xaso_application, ADW_TYPE_APPLICATION)

static char *
default_database_path (XasoApplication *self)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "database-path");

  if (configured != NULL && configured[0] != '\0')
    return g_steal_pointer (&configured);
  return g_build_filename (g_get_user_data_dir (), "xaso", "xaso.db", NULL);
}

static int
xaso_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  XasoApplication *self = XASO_APPLICATION (app);
  const char *path = NULL;
  const char *user = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
    self->database_path = g_canonicalize_filename (path, NULL);
  if (g_variant_dict_lookup (options, "user", "&s", &user) && user[0] != '\0')
    self->auto_user = g_strdup (user);
  return -1;
}

static void
xaso_application_activate (GApplication *app)
{
  XasoApplication *self = XASO_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window == NULL)
    {
      path = self->database_path ? g_strdup (self->database_path) : default_database_path (self);
      window = GTK_WINDOW (xaso_window_new (self, path, self->auto_user));
    }
  gtk_window_present (window);
}

/* Each PDF gets a window of its own (`xaso FILE.pdf`, "Open with", a drop,
 * Open PDF…); the commune's database is not needed to read one. */
void
xaso_application_open_pdf (XasoApplication *self,
                           GFile           *file)
{
  XasoPdfWindow *window = xaso_pdf_window_new (GTK_APPLICATION (self), file);

  gtk_window_present (GTK_WINDOW (window));
}

static void
xaso_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    xaso_application_open_pdf (XASO_APPLICATION (app), files[i]);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GtkWidget *window = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    xaso_application_open_pdf (XASO_APPLICATION (app), l->data);
  return files != NULL;
}

/* PDFs dropped from the file manager onto @window open as from "Open with". */
void
xaso_application_add_pdf_drop_target (GtkWidget *window)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), window, 0);
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (target));
}

static void
open_pdf_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  XasoApplication *self = user_data;
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          xaso_application_open_pdf (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_pdf_cb (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  XasoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  dialog = gtk_file_chooser_native_new (_("Open PDF"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_pdf_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
about_cb (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { N_("The Xã Số developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APP_ID,
                        "application-name", _("Xã Số"),
                        "developer-name", _("The Xã Số developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Documents, one-stop dossiers, citizen records and reports "
                                      "for commune and ward People’s Committees, working offline."),
                        "website", "https://github.com/xaso/xaso",
                        "issue-url", "https://github.com/xaso/xaso/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  XasoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  XasoPreferencesWindow *prefs = xaso_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_cb },
  { "open-pdf", open_pdf_cb },
  { "preferences", preferences_cb },
  { "quit", quit_cb },
};

static void
xaso_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (xaso_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "citizens.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open-pdf", open_accels);
}

static void
xaso_application_finalize (GObject *object)
{
  XasoApplication *self = (XasoApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->auto_user, g_free);

  G_OBJECT_CLASS (xaso_application_parent_class)->finalize (object);
}

static void
xaso_application_class_init (XasoApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = xaso_application_finalize;
  app_class->activate = xaso_application_activate;
  app_class->startup = xaso_application_startup;
  app_class->open = xaso_application_open;
  app_class->handle_local_options = xaso_application_handle_local_options;
}

static void
xaso_application_init (XasoApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database instead of the usual one"), N_("FILE") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, NULL,
      N_("On a demo commune, sign in as this demo account at once"), N_("USERNAME") },
    { NULL }
  };

  self->settings = g_settings_new (APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

XasoApplication *
xaso_application_new (void)
{
  return g_object_new (XASO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
xaso_application_get_settings (XasoApplication *self)
{
  return self->settings;
}
