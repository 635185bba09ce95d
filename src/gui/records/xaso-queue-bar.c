/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-records"

#include "config.h"

#include "xaso-queue-bar.h"

struct _XasoQueueBar
{
  GtkWidget  parent_instance;

  guint      queue;
};

G_DEFINE_FINAL_TYPE (XasoQueueBar, xaso_queue_bar, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
toggled_cb (GtkToggleButton *button,
            XasoQueueBar    *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->queue = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "queue"));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
xaso_queue_bar_set_queues (XasoQueueBar       *self,
                           const guint        *queues,
                           const char * const *labels,
                           guint               n_queues)
{
  GtkWidget *child, *first = NULL;

  g_return_if_fail (XASO_IS_QUEUE_BAR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < n_queues; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (labels[i]);

      g_object_set_data (G_OBJECT (button), "queue", GUINT_TO_POINTER (queues[i]));
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
      else
        first = button;
      g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
    }
  self->queue = n_queues > 0 ? queues[0] : 0;
  if (first != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (first), TRUE);
}

guint
xaso_queue_bar_get_queue (XasoQueueBar *self)
{
  g_return_val_if_fail (XASO_IS_QUEUE_BAR (self), 0);
  return self->queue;
}

static void
xaso_queue_bar_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (xaso_queue_bar_parent_class)->dispose (object);
}

static void
xaso_queue_bar_class_init (XasoQueueBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_queue_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
xaso_queue_bar_init (XasoQueueBar *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
}
