/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-widgets"

#include "config.h"

#include "xaso-image-window.h"

struct _XasoImageWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkPicture     *picture;
};

G_DEFINE_FINAL_TYPE (XasoImageWindow, xaso_image_window, ADW_TYPE_WINDOW)

/* Fitted to the window, or every pixel of the scan (to read small print). */
static void
actual_size_toggled_cb (GtkToggleButton *button,
                        XasoImageWindow *self)
{
  gboolean actual = gtk_toggle_button_get_active (button);
  GtkAlign align = actual ? GTK_ALIGN_START : GTK_ALIGN_FILL;

  gtk_picture_set_can_shrink (self->picture, !actual);
  gtk_widget_set_halign (GTK_WIDGET (self->picture), align);
  gtk_widget_set_valign (GTK_WIDGET (self->picture), align);
}

static void
xaso_image_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XASO_TYPE_IMAGE_WINDOW);
  G_OBJECT_CLASS (xaso_image_window_parent_class)->dispose (object);
}

static void
xaso_image_window_class_init (XasoImageWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_image_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-image-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoImageWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, XasoImageWindow, picture);
  gtk_widget_class_bind_template_callback (widget_class, actual_size_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
xaso_image_window_init (XasoImageWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

XasoImageWindow *
xaso_image_window_new (GtkApplication *app,
                       const char     *title,
                       GdkTexture     *texture)
{
  XasoImageWindow *self = g_object_new (XASO_TYPE_IMAGE_WINDOW, "application", app, "title", title, NULL);

  adw_window_title_set_title (self->window_title, title);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return self;
}
