/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include "xaso-chart.h"
#include "xaso-chart-bar.h"
#include "xaso-chart-palette.h"

struct _XasoChartBar
{
  GtkWidget            parent_instance;

  XasoChartData       *data;
  const XasoChartItem *item;    /* owned by data */
  guint                first, n_series;
  double               max;
  gboolean             mirrored;
  int                  pressed; /* the series pressed, or -1 */
};

G_DEFINE_FINAL_TYPE (XasoChartBar, xaso_chart_bar, GTK_TYPE_WIDGET)

#define BAR_HEIGHT 16

/* The width of series @s's part at @width. */
static double
part_width (XasoChartBar *self,
            guint         s,
            double        width)
{
  return self->max > 0 ? MAX (self->item->values[s], 0) / self->max * width : 0;
}

static void
xaso_chart_bar_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  XasoChartBar *self = XASO_CHART_BAR (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double y = (height - BAR_HEIGHT) / 2.0, x = 0;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->item == NULL)
    {
      GdkRGBA rgba;

      xaso_chart_tone_rgba (widget, self->data->tones[self->first], &rgba);
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_rectangle (cr, 0, (height - 12) / 2.0, 12, 12);
      cairo_fill (cr);
      cairo_destroy (cr);
      return;
    }
  for (guint s = self->first; s < self->first + self->n_series; s++)
    {
      double w = part_width (self, s, width);
      GdkRGBA rgba;

      xaso_chart_tone_rgba (widget, self->data->tones[s], &rgba);
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_rectangle (cr, self->mirrored ? width - x - w : x, y, w, BAR_HEIGHT);
      cairo_fill (cr);
      x += w;
    }
  cairo_destroy (cr);
}

static void
xaso_chart_bar_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  XasoChartBar *self = XASO_CHART_BAR (widget);

  if (self->item == NULL)
    *minimum = *natural = 12;
  else
    {
      *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 40 : BAR_HEIGHT + 4;
      *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : BAR_HEIGHT + 4;
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            XasoChartBar    *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double from = 0, at = self->mirrored ? width - x : x;

  self->pressed = -1;
  if (self->item == NULL)
    return;
  for (guint s = self->first; s < self->first + self->n_series; s++)
    {
      double w = part_width (self, s, width);

      if (at >= from && at < from + w)
        self->pressed = (int)s;
      from += w;
    }
}

const char *
xaso_chart_bar_take_link (XasoChartBar *self)
{
  int pressed = self->pressed;

  self->pressed = -1;
  if (self->item == NULL)
    return NULL;
  if (pressed < 0 && self->n_series == 1)
    pressed = (int)self->first;
  if (pressed >= 0 && self->item->series_links[pressed] != NULL)
    return self->item->series_links[pressed];
  return self->item->link;
}

static void
xaso_chart_bar_finalize (GObject *object)
{
  XasoChartBar *self = XASO_CHART_BAR (object);

  xaso_chart_data_unref (self->data);
  G_OBJECT_CLASS (xaso_chart_bar_parent_class)->finalize (object);
}

static void
xaso_chart_bar_class_init (XasoChartBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = xaso_chart_bar_finalize;
  widget_class->snapshot = xaso_chart_bar_snapshot;
  widget_class->measure = xaso_chart_bar_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
xaso_chart_bar_init (XasoChartBar *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->pressed = -1;
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
xaso_chart_bar_new (XasoChartData       *data,
                    const XasoChartItem *item,
                    guint                first,
                    guint                n_series,
                    double               max,
                    gboolean             mirrored)
{
  XasoChartBar *self = g_object_new (XASO_TYPE_CHART_BAR, NULL);

  self->data = xaso_chart_data_ref (data);
  self->item = item;
  self->first = first;
  self->n_series = n_series;
  self->max = max;
  self->mirrored = mirrored;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  return GTK_WIDGET (self);
}

/* The square of a series' colour in a legend. */
GtkWidget *
xaso_chart_bar_new_swatch (XasoChartData *data,
                           guint          series)
{
  XasoChartBar *self = g_object_new (XASO_TYPE_CHART_BAR, NULL);

  self->data = xaso_chart_data_ref (data);
  self->first = series;
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  return GTK_WIDGET (self);
}

static void
bar_clicked_cb (GtkButton *button,
                XasoChart *chart)
{
  XasoChartBar *bar = XASO_CHART_BAR (gtk_button_get_child (button));

  xaso_chart_activate_link (chart, xaso_chart_bar_take_link (bar));
}

/* @bar in a flat button that opens its link in @chart, named by what it
 * shows so that a screen reader says the figures. */
GtkWidget *
xaso_chart_bar_button_new (XasoChart  *chart,
                           GtkWidget  *bar,
                           const char *description)
{
  XasoChartBar *self = XASO_CHART_BAR (bar);
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), bar);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "chart-bar");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_sensitive (button, self->item->link != NULL);
  g_signal_connect_object (button, "clicked", G_CALLBACK (bar_clicked_cb), chart, 0);
  return button;
}

/* The series' colours and names above a chart of several. */
GtkWidget *
xaso_chart_legend_new (XasoChartData *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint s = 0; s < data->n_series; s++)
    {
      GtkWidget *label = gtk_label_new (data->series[s]);

      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), xaso_chart_bar_new_swatch (data, s));
      gtk_box_append (GTK_BOX (box), label);
      if (s + 1 < data->n_series)
        gtk_widget_set_margin_end (label, 12);
    }
  return box;
}

/* Shows @item of @data, scaled to @max, in place of what the bar showed:
 * a new period redraws the same bars instead of making new ones. */
void
xaso_chart_bar_update (XasoChartBar        *self,
                       XasoChartData       *data,
                       const XasoChartItem *item,
                       double               max)
{
  xaso_chart_data_ref (data);
  xaso_chart_data_unref (self->data);
  self->data = data;
  self->item = item;
  self->max = max;
  self->pressed = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
xaso_chart_bar_button_update (GtkWidget  *button,
                              const char *description,
                              gboolean    sensitive)
{
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_sensitive (button, sensitive);
}
