/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include "xaso-chart-bar.h"
#include "xaso-pyramid-chart.h"

struct _XasoPyramidChart
{
  XasoChart  parent_instance;

  GtkWidget *grid;
  GPtrArray *halves;   /* the buttons, two per band, oldest band first */
};

G_DEFINE_FINAL_TYPE (XasoPyramidChart, xaso_pyramid_chart, XASO_TYPE_CHART)

static char *
half_description (XasoChartData       *data,
                  const XasoChartItem *item,
                  guint                series)
{
  g_autofree char *value = xaso_chart_format_value (data, item->values[series]);

  return g_strdup_printf ("%s, %s: %s", data->series[series], item->label, value);
}

/* One half of a band: its bar in a button named "Nam, 20–24: 312". */
static GtkWidget *
half_new (XasoPyramidChart    *self,
          XasoChartData       *data,
          const XasoChartItem *item,
          guint                series,
          double               max)
{
  g_autofree char *description = half_description (data, item, series);
  GtkWidget *bar = xaso_chart_bar_new (data, item, series, 1, max, series == 0);
  GtkWidget *button = xaso_chart_bar_button_new (XASO_CHART (self), bar, description);

  gtk_widget_set_sensitive (button, item->series_links[series] != NULL || item->link != NULL);
  g_ptr_array_add (self->halves, button);
  return button;
}

/* Another period's ages on the same bands: the same bars redrawn. */
static gboolean
update_halves (XasoPyramidChart *self,
               XasoChartData    *data,
               double            max)
{
  guint n = data->items->len;

  if (self->halves->len != 2 * n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const XasoChartItem *item = g_ptr_array_index (data->items, n - 1 - i);

      for (guint s = 0; s < 2; s++)
        {
          GtkWidget *button = g_ptr_array_index (self->halves, 2 * i + s);
          g_autofree char *description = half_description (data, item, s);

          xaso_chart_bar_update (XASO_CHART_BAR (gtk_button_get_child (GTK_BUTTON (button))), data, item, max);
          xaso_chart_bar_button_update (button, description, item->series_links[s] != NULL || item->link != NULL);
        }
    }
  return TRUE;
}

static GtkWidget *
heading_new (const char *text,
             float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
xaso_pyramid_chart_data_changed (XasoChart *chart)
{
  XasoPyramidChart *self = XASO_PYRAMID_CHART (chart);
  XasoChartData *data = xaso_chart_get_data (chart);
  double max = xaso_chart_data_max_total (data, FALSE);
  guint n = data->items->len;

  g_return_if_fail (data->n_series == 2);
  if (update_halves (self, data, max))
    return;
  g_ptr_array_set_size (self->halves, 0);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), FALSE);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  gtk_grid_attach (GTK_GRID (self->grid), heading_new (data->series[0], 1), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), heading_new (data->series[1], 0), 2, 0, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      const XasoChartItem *item = g_ptr_array_index (data->items, n - 1 - i);
      GtkWidget *label = gtk_label_new (item->label);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_grid_attach (GTK_GRID (self->grid), half_new (self, data, item, 0, max), 0, (int)i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), label, 1, (int)i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), half_new (self, data, item, 1, max), 2, (int)i + 1, 1, 1);
    }
}

static void
xaso_pyramid_chart_finalize (GObject *object)
{
  g_ptr_array_unref (XASO_PYRAMID_CHART (object)->halves);
  G_OBJECT_CLASS (xaso_pyramid_chart_parent_class)->finalize (object);
}

static void
xaso_pyramid_chart_class_init (XasoPyramidChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_pyramid_chart_finalize;
  XASO_CHART_CLASS (klass)->data_changed = xaso_pyramid_chart_data_changed;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
xaso_pyramid_chart_init (XasoPyramidChart *self)
{
  self->halves = g_ptr_array_new ();
}

GtkWidget *
xaso_pyramid_chart_new (void)
{
  return g_object_new (XASO_TYPE_PYRAMID_CHART, NULL);
}
