/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include "xaso-chart-palette.h"
#include "xaso-gauge-chart.h"

/* ---- One ring ---- */

#define XASO_TYPE_GAUGE_RING (xaso_gauge_ring_get_type ())
G_DECLARE_FINAL_TYPE (XasoGaugeRing, xaso_gauge_ring, XASO, GAUGE_RING, GtkWidget)

struct _XasoGaugeRing
{
  GtkWidget      parent_instance;

  double         value;
  XasoChartTone  tone;
  char          *text;
};

G_DEFINE_FINAL_TYPE (XasoGaugeRing, xaso_gauge_ring, GTK_TYPE_WIDGET)

#define RING 84

static void
xaso_gauge_ring_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  XasoGaugeRing *self = XASO_GAUGE_RING (widget);
  double cx = gtk_widget_get_width (widget) / 2.0, cy = gtk_widget_get_height (widget) / 2.0;
  double r = MIN (cx, cy) - 6;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                          gtk_widget_get_height (widget)));
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, self->text);
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA rgba;
  int w, h;

  cairo_set_line_width (cr, 10);
  xaso_chart_text_rgba (widget, 0.12, &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_stroke (cr);
  if (self->value > 0)
    {
      xaso_chart_tone_rgba (widget, self->tone, &rgba);
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_arc (cr, cx, cy, r, -G_PI / 2, -G_PI / 2 + 2 * G_PI * MIN (self->value, 100) / 100);
      cairo_stroke (cr);
    }
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &w, &h);
  xaso_chart_text_rgba (widget, 1, &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_move_to (cr, cx - w / 2.0, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  pango_attr_list_unref (attrs);
  g_object_unref (layout);
  cairo_destroy (cr);
}

static void
xaso_gauge_ring_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                         int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = RING;
}

static void
xaso_gauge_ring_finalize (GObject *object)
{
  g_free (XASO_GAUGE_RING (object)->text);
  G_OBJECT_CLASS (xaso_gauge_ring_parent_class)->finalize (object);
}

static void
xaso_gauge_ring_class_init (XasoGaugeRingClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = xaso_gauge_ring_finalize;
  widget_class->snapshot = xaso_gauge_ring_snapshot;
  widget_class->measure = xaso_gauge_ring_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
xaso_gauge_ring_init (XasoGaugeRing *self)
{
}

/* ---- The gauges ---- */

struct _XasoGaugeChart
{
  XasoChart  parent_instance;

  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (XasoGaugeChart, xaso_gauge_chart, XASO_TYPE_CHART)

static void
gauge_clicked_cb (GtkButton      *button,
                  XasoGaugeChart *self)
{
  xaso_chart_activate_link (XASO_CHART (self), g_object_get_data (G_OBJECT (button), "link"));
}

static GtkWidget *
gauge_new (XasoGaugeChart      *self,
           XasoChartData       *data,
           const XasoChartItem *item)
{
  XasoGaugeRing *ring = g_object_new (XASO_TYPE_GAUGE_RING, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (item->label);
  GtkWidget *button = gtk_button_new ();
  g_autofree char *description = xaso_chart_describe_item (data, item);

  ring->value = item->values[0];
  ring->tone = data->tones[0];
  ring->text = xaso_chart_format_value (data, item->values[0]);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ring));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_sensitive (button, item->link != NULL);
  g_object_set_data_full (G_OBJECT (button), "link", g_strdup (item->link), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (gauge_clicked_cb), self, 0);
  return button;
}

static void
xaso_gauge_chart_data_changed (XasoChart *chart)
{
  XasoGaugeChart *self = XASO_GAUGE_CHART (chart);
  XasoChartData *data = xaso_chart_get_data (chart);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (self->box), TRUE);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  for (guint i = 0; i < data->items->len; i++)
    gtk_box_append (GTK_BOX (self->box), gauge_new (self, data, g_ptr_array_index (data->items, i)));
}

static void
xaso_gauge_chart_class_init (XasoGaugeChartClass *klass)
{
  XASO_CHART_CLASS (klass)->data_changed = xaso_gauge_chart_data_changed;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
xaso_gauge_chart_init (XasoGaugeChart *self)
{
}

GtkWidget *
xaso_gauge_chart_new (void)
{
  return g_object_new (XASO_TYPE_GAUGE_CHART, NULL);
}
