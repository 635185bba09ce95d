/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-preferences"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <gnutls/x509.h>

#include "xaso-preferences-window.h"
#include "xaso-pdf-verify.h"

struct _XasoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwActionRow         *location_row;
  GtkWidget            *reset_button;
  AdwActionRow         *signature_image_row;
  AdwActionRow         *seal_image_row;
  AdwEntryRow          *tsa_row;
  AdwEntryRow          *reason_row;
  GtkTextView          *text_view;
  AdwEntryRow          *place_row;
  GtkListBox           *trust_list;

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

/* Digital signatures ("Chữ ký số") */

static void
update_images (XasoPreferencesWindow *self)
{
  g_autofree char *signature = g_settings_get_string (self->settings, "signature-image");
  g_autofree char *seal = g_settings_get_string (self->settings, "seal-image");

  adw_action_row_set_subtitle (self->signature_image_row, signature[0] ? signature : _("None"));
  adw_action_row_set_subtitle (self->seal_image_row, seal[0] ? seal : _("None"));
}

static void
image_response_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  XasoPreferencesWindow *self = g_object_get_data (G_OBJECT (chooser), "window");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, user_data, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_image (XasoPreferencesWindow *self,
              const char            *title,
              const char            *key)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Select"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_set_data (G_OBJECT (self->chooser), "window", self);
  g_signal_connect (self->chooser, "response", G_CALLBACK (image_response_cb), (gpointer) key);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_signature_image_cb (XasoPreferencesWindow *self)
{
  choose_image (self, _("Choose the Signature Image"), "signature-image");
}

static void
choose_seal_image_cb (XasoPreferencesWindow *self)
{
  choose_image (self, _("Choose the Seal Image"), "seal-image");
}

static void
clear_signature_image_cb (XasoPreferencesWindow *self)
{
  g_settings_reset (self->settings, "signature-image");
}

static void
clear_seal_image_cb (XasoPreferencesWindow *self)
{
  g_settings_reset (self->settings, "seal-image");
}

/* The common name of the first certificate of a PEM file, or NULL when
 * it holds none. */
static char *
root_name (const char *data,
           gsize       len)
{
  gnutls_datum_t pem = { (unsigned char *) data, (unsigned int) len };
  gnutls_x509_crt_t *list = NULL;
  unsigned int n = 0;
  char name[256];
  size_t size = sizeof name;
  char *out = NULL;

  if (gnutls_x509_crt_list_import2 (&list, &n, &pem, GNUTLS_X509_FMT_PEM, 0) < 0 || n == 0)
    return NULL;
  if (gnutls_x509_crt_get_dn_by_oid (list[0], GNUTLS_OID_X520_COMMON_NAME, 0, 0, name, &size) >= 0)
    out = g_strndup (name, size);
  else
    out = g_strdup (_("Unnamed certificate"));
  for (unsigned int i = 0; i < n; i++)
    gnutls_x509_crt_deinit (list[i]);
  gnutls_free (list);
  return out;
}

static void update_trust_list (XasoPreferencesWindow *self);

static void
remove_root_cb (GtkButton             *button,
                XasoPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");

  if (g_unlink (path) != 0)
    g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
  update_trust_list (self);
}

static GtkWidget *
trust_row (XasoPreferencesWindow *self,
           const char            *path)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gsize len = 0;

  if (g_file_get_contents (path, &data, &len, NULL))
    name = root_name (data, len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : basename);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), basename);
  label = g_strdup_printf (_("Remove “%s”"), name ? name : basename);
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "path", g_strdup (path), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_root_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
update_trust_list (XasoPreferencesWindow *self)
{
  g_autofree char *dir_path = xaso_pdf_dup_default_trust_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *child;
  const char *name;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trust_list))) != NULL)
    gtk_list_box_remove (self->trust_list, child);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    gtk_list_box_append (self->trust_list, trust_row (self, g_ptr_array_index (names, i)));
  if (names->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No root certificate: no signature is trusted"));
      gtk_list_box_append (self->trust_list, row);
    }
}

/* The PEM file is copied, so the roots stay when the original goes. */
static gboolean
import_root (const char  *path,
             GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = xaso_pdf_dup_default_trust_dir ();
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *target = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  if ((name = root_name (data, len)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” holds no certificate in PEM form."), basename);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      return FALSE;
    }
  target = g_build_filename (dir, basename, NULL);
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s%s%u-%s", dir, G_DIR_SEPARATOR_S, i, basename);
    }
  return g_file_set_contents (target, data, len, error);
}

static void
import_response_cb (GtkNativeDialog       *chooser,
                    int                    response,
                    XasoPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && !import_root (path, &error))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      update_trust_list (self);
    }
  g_clear_object (&self->chooser);
}

static void
import_root_cb (XasoPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Import a Root Certificate"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Certificates (.pem, .crt)"));
  gtk_file_filter_add_suffix (filter, "pem");
  gtk_file_filter_add_suffix (filter, "crt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A text view has no property to bind: its buffer is written to the
 * setting as it changes. */
static void
text_changed_cb (XasoPreferencesWindow *self,
                 GtkTextBuffer         *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_settings_set_string (self->settings, "signature-text", g_strstrip (text));
}

static void
bind_signature_text (XasoPreferencesWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = g_settings_get_string (self->settings, "signature-text");

  gtk_text_buffer_set_text (buffer, text, -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
bind_signing (XasoPreferencesWindow *self)
{
  g_settings_bind (self->settings, "tsa-url", self->tsa_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sign-reason", self->reason_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sign-location", self->place_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::signature-image",
                           G_CALLBACK (update_images), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::seal-image",
                           G_CALLBACK (update_images), self, G_CONNECT_SWAPPED);
  update_images (self);
  update_trust_list (self);
  bind_signature_text (self);
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
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, signature_image_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, seal_image_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, tsa_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPreferencesWindow, trust_list);
  gtk_widget_class_bind_template_callback (widget_class, choose_signature_image_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_seal_image_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_signature_image_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_seal_image_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_root_cb);
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
  bind_signing (self);
  return self;
}
