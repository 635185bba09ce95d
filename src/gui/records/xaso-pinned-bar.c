/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-pinned-bar.h"

struct _XasoPinnedBar
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *close;
  gpointer   filter;
  GDestroyNotify filter_free;
};

G_DEFINE_FINAL_TYPE (XasoPinnedBar, xaso_pinned_bar, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_filter (XasoPinnedBar *self)
{
  if (self->filter != NULL && self->filter_free != NULL)
    self->filter_free (self->filter);
  self->filter = NULL;
}

void
xaso_pinned_bar_pin (XasoPinnedBar  *self,
                     const char     *description,
                     gpointer        filter,
                     GDestroyNotify  filter_free)
{
  clear_filter (self);
  self->filter = filter;
  self->filter_free = filter_free;
  gtk_label_set_text (GTK_LABEL (self->label), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

void
xaso_pinned_bar_unpin (XasoPinnedBar *self)
{
  clear_filter (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

gpointer
xaso_pinned_bar_get_filter (XasoPinnedBar *self)
{
  return self->filter;
}

static void
close_clicked_cb (XasoPinnedBar *self)
{
  xaso_pinned_bar_unpin (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
xaso_pinned_bar_dispose (GObject *object)
{
  XasoPinnedBar *self = XASO_PINNED_BAR (object);

  clear_filter (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (xaso_pinned_bar_parent_class)->dispose (object);
}

static void
xaso_pinned_bar_class_init (XasoPinnedBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_pinned_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pinnedbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
xaso_pinned_bar_init (XasoPinnedBar *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->label = gtk_label_new (NULL);
  self->close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_add_css_class (self->close, "flat");
  gtk_widget_add_css_class (self->close, "circular");
  gtk_widget_set_valign (self->close, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->close, _("Show the Whole List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the Filter"), -1);
  g_signal_connect_object (self->close, "clicked", G_CALLBACK (close_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), self->label);
  gtk_box_append (GTK_BOX (self->box), self->close);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "pinned-bar");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
