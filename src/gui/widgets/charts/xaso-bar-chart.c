/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-bar-chart.h"
#include "xaso-chart-bar.h"

/* The widgets of one bar's row, kept to show the next period in them. */
typedef struct
{
  GtkWidget *label;
  GtkWidget *button;
  GtkWidget *value;
} Row;

struct _XasoBarChart
{
  XasoChart  parent_instance;

  guint      max_rows;
  GtkWidget *grid;
  GArray    *rows;        /* Row */
  guint      n_series;    /* of the data the rows were made for */
  guint      n_items;
};

G_DEFINE_FINAL_TYPE (XasoBarChart, xaso_bar_chart, XASO_TYPE_CHART)

static double
item_total (const XasoChartData *data,
            const XasoChartItem *item)
{
  double total = 0;

  for (guint s = 0; s < data->n_series; s++)
    total += MAX (item->values[s], 0);
  return total;
}

static void
add_row (XasoBarChart        *self,
         XasoChartData       *data,
         const XasoChartItem *item,
         double               max,
         int                  row)
{
  g_autofree char *description = xaso_chart_describe_item (data, item);
  g_autofree char *total = xaso_chart_format_value (data, item_total (data, item));
  GtkWidget *label = gtk_label_new (item->label);
  GtkWidget *value = gtk_label_new (total);
  GtkWidget *bar = xaso_chart_bar_new (data, item, 0, data->n_series, max, FALSE);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_widget_set_tooltip_text (label, item->label);
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_widget_add_css_class (value, "numeric");
  Row r = { label, xaso_chart_bar_button_new (XASO_CHART (self), bar, description), value };

  gtk_grid_attach (GTK_GRID (self->grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), r.button, 1, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), value, 2, row, 1, 1);
  g_array_append_val (self->rows, r);
}

static void
update_row (XasoBarChart        *self,
            XasoChartData       *data,
            const XasoChartItem *item,
            double               max,
            Row                 *r)
{
  g_autofree char *description = xaso_chart_describe_item (data, item);
  g_autofree char *total = xaso_chart_format_value (data, item_total (data, item));

  gtk_label_set_text (GTK_LABEL (r->label), item->label);
  gtk_widget_set_tooltip_text (r->label, item->label);
  gtk_label_set_text (GTK_LABEL (r->value), total);
  xaso_chart_bar_update (XASO_CHART_BAR (gtk_button_get_child (GTK_BUTTON (r->button))), data, item, max);
  xaso_chart_bar_button_update (r->button, description, item->link != NULL);
}

static void
add_more_note (XasoBarChart *self,
               guint         hidden,
               int           row)
{
  g_autofree char *text = g_strdup_printf (ngettext ("and %u more, in the table", "and %u more, in the table",
                                                     hidden), hidden);
  GtkWidget *note = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_grid_attach (GTK_GRID (self->grid), note, 0, row, 3, 1);
}

static void
xaso_bar_chart_data_changed (XasoChart *chart)
{
  XasoBarChart *self = XASO_BAR_CHART (chart);
  XasoChartData *data = xaso_chart_get_data (chart);
  double max = xaso_chart_data_max_total (data, TRUE);
  guint shown = MIN (data->items->len, self->max_rows);
  int row = 0;

  /* The same units or hamlets for another period: the same rows. */
  if (self->grid != NULL && data->n_series == self->n_series && data->items->len == self->n_items)
    {
      for (guint i = 0; i < shown; i++)
        update_row (self, data, g_ptr_array_index (data->items, i), max, &g_array_index (self->rows, Row, i));
      return;
    }
  self->n_series = data->n_series;
  self->n_items = data->items->len;
  g_array_set_size (self->rows, 0);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 6);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  if (data->n_series > 1)
    gtk_grid_attach (GTK_GRID (self->grid), xaso_chart_legend_new (data), 0, row++, 3, 1);
  for (guint i = 0; i < shown; i++)
    add_row (self, data, g_ptr_array_index (data->items, i), max, row++);
  if (shown < data->items->len)
    add_more_note (self, data->items->len - shown, row);
}

static void
xaso_bar_chart_finalize (GObject *object)
{
  g_array_unref (XASO_BAR_CHART (object)->rows);
  G_OBJECT_CLASS (xaso_bar_chart_parent_class)->finalize (object);
}

static void
xaso_bar_chart_class_init (XasoBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = xaso_bar_chart_finalize;
  XASO_CHART_CLASS (klass)->data_changed = xaso_bar_chart_data_changed;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xaso_bar_chart_init (XasoBarChart *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
}

GtkWidget *
xaso_bar_chart_new (guint max_rows)
{
  XasoBarChart *self = g_object_new (XASO_TYPE_BAR_CHART, NULL);

  self->max_rows = max_rows;
  return GTK_WIDGET (self);
}
