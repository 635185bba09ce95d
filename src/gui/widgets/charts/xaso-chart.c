/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include <adwaita.h>

#include "xaso-chart.h"

typedef struct
{
  XasoChartData *data;
} XasoChartPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (XasoChart, xaso_chart, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
dark_changed_cb (XasoChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
}

/* A screen reader reads the title, then every item with its figures. */
static void
update_accessible (XasoChart *self)
{
  XasoChartPrivate *priv = xaso_chart_get_instance_private (self);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < priv->data->items->len; i++)
    {
      g_autofree char *line = xaso_chart_describe_item (priv->data, g_ptr_array_index (priv->data->items, i));

      g_string_append_printf (text, "%s%s", i ? "; " : "", line);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, priv->data->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
  g_string_free (text, TRUE);
}

XasoChartData *
xaso_chart_get_data (XasoChart *self)
{
  XasoChartPrivate *priv = xaso_chart_get_instance_private (self);

  g_return_val_if_fail (XASO_IS_CHART (self), NULL);
  return priv->data;
}

void
xaso_chart_set_data (XasoChart     *self,
                     XasoChartData *data)
{
  XasoChartPrivate *priv = xaso_chart_get_instance_private (self);

  g_return_if_fail (XASO_IS_CHART (self));
  g_return_if_fail (data != NULL);
  xaso_chart_data_ref (data);
  g_clear_pointer (&priv->data, xaso_chart_data_unref);
  priv->data = data;
  update_accessible (self);
  if (XASO_CHART_GET_CLASS (self)->data_changed)
    XASO_CHART_GET_CLASS (self)->data_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
xaso_chart_activate_link (XasoChart  *self,
                          const char *link)
{
  if (link != NULL)
    g_signal_emit (self, signals[ACTIVATE_LINK], 0, link);
}

static void
xaso_chart_dispose (GObject *object)
{
  XasoChart *self = XASO_CHART (object);
  XasoChartPrivate *priv = xaso_chart_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&priv->data, xaso_chart_data_unref);
  G_OBJECT_CLASS (xaso_chart_parent_class)->dispose (object);
}

static void
xaso_chart_class_init (XasoChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_chart_dispose;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "chart");
  /* The link to the records behind what was clicked (xaso_chart_link). */
  signals[ACTIVATE_LINK] = g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xaso_chart_init (XasoChart *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
