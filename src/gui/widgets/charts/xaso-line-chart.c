/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include <math.h>

#include "xaso-chart-palette.h"
#include "xaso-line-chart.h"

struct _XasoLineChart
{
  XasoChart parent_instance;

  int       selected;  /* the point shown with its figures, or -1 */
};

G_DEFINE_FINAL_TYPE (XasoLineChart, xaso_line_chart, XASO_TYPE_CHART)

#define LEFT 56.0
#define RIGHT 8.0
#define TOP 22.0
#define BOTTOM 22.0

/* The top of the scale: 100 for rates, else a round number (1, 2 or 5
 * times a power of ten) at or above the largest value. */
static double
scale_top (XasoChartData *data)
{
  double max = xaso_chart_data_max_total (data, FALSE), step;

  if (data->percent)
    return 100;
  if (max <= 2)
    return 2;
  step = pow (10, floor (log10 (max)));
  if (max <= step)
    return step;
  if (max <= 2 * step)
    return 2 * step;
  return max <= 5 * step ? 5 * step : 10 * step;
}

static double
x_of (GtkWidget *widget, guint n, guint i)
{
  double plot = gtk_widget_get_width (widget) - LEFT - RIGHT;

  return LEFT + (i + 0.5) * plot / MAX (n, 1);
}

static double
y_of (GtkWidget *widget, double top, double value)
{
  double plot = gtk_widget_get_height (widget) - TOP - BOTTOM;

  return TOP + plot * (1 - CLAMP (value / top, 0, 1));
}

static void
show_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      xalign)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  /* Kept inside the chart: the last month's label sits under the last
   * point, near the right edge. */
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, CLAMP (x - w * xalign, 0, MAX (0, gtk_widget_get_width (widget) - w)), y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* Every how many points an axis label fits without touching the next:
 * all twelve months on a wide card, every other or third on a narrow one. */
static guint
label_step (XasoLineChart *self,
            XasoChartData *data)
{
  double plot = gtk_widget_get_width (GTK_WIDGET (self)) - LEFT - RIGHT;
  PangoLayout *layout;
  int width = 0, height;
  guint n = data->items->len;

  if (n == 0 || plot <= 0)
    return 1;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                           ((XasoChartItem *)g_ptr_array_index (data->items, 0))->label);
  pango_layout_get_pixel_size (layout, &width, &height);
  g_object_unref (layout);
  return MAX (1, (guint)ceil ((width + 12) * n / plot));
}

static void
draw_axes (XasoLineChart *self, cairo_t *cr, XasoChartData *data, double top)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double right = gtk_widget_get_width (widget) - RIGHT;
  guint n = data->items->len, every = label_step (self, data);
  GdkRGBA text;

  xaso_chart_text_rgba (widget, 0.6, &text);
  gdk_cairo_set_source_rgba (cr, &text);
  for (int k = 0; k <= 2; k++)
    {
      double value = top * k / 2, y = y_of (widget, top, value);
      g_autofree char *label = data->percent ? g_strdup_printf ("%.0f%%", value)
                             : value == floor (value) ? g_strdup_printf ("%'.0f", value)
                             : g_strdup_printf ("%'.1f", value);

      show_text (widget, cr, label, LEFT - 6, y, 1);
      cairo_rectangle (cr, LEFT, floor (y), right - LEFT, 1);
      cairo_fill (cr);
    }
  /* From the latest point back, so the period's own month is labelled. */
  for (int i = (int)n - 1; i >= 0; i -= (int)every)
    show_text (widget, cr, ((XasoChartItem *)g_ptr_array_index (data->items, i))->label, x_of (widget, n, (guint)i),
               gtk_widget_get_height (widget) - BOTTOM / 2, 0.5);
}

static void
draw_series (XasoLineChart *self, cairo_t *cr, XasoChartData *data, double top, guint s)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = data->items->len;
  gboolean drawing = FALSE;
  GdkRGBA rgba;

  xaso_chart_tone_rgba (widget, data->tones[s], &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      double v = ((XasoChartItem *)g_ptr_array_index (data->items, i))->values[s];

      if (v < 0)
        drawing = FALSE;
      else if (drawing)
        cairo_line_to (cr, x_of (widget, n, i), y_of (widget, top, v));
      else
        cairo_move_to (cr, x_of (widget, n, i), y_of (widget, top, v));
      drawing = drawing || v >= 0;
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      double v = ((XasoChartItem *)g_ptr_array_index (data->items, i))->values[s];

      if (v >= 0)
        cairo_arc (cr, x_of (widget, n, i), y_of (widget, top, v), (int)i == self->selected ? 5 : 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* The chosen point: a rule down to the axis and its figures above. */
static void
draw_selected (XasoLineChart *self, cairo_t *cr, XasoChartData *data)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const XasoChartItem *item;
  g_autofree char *text = NULL;
  double x;
  GdkRGBA rgba;

  if (self->selected < 0 || (guint)self->selected >= data->items->len)
    return;
  item = g_ptr_array_index (data->items, self->selected);
  x = x_of (widget, data->items->len, (guint)self->selected);
  text = xaso_chart_describe_item (data, item);
  xaso_chart_text_rgba (widget, 0.3, &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_rectangle (cr, floor (x), TOP, 1, gtk_widget_get_height (widget) - TOP - BOTTOM);
  cairo_fill (cr);
  xaso_chart_text_rgba (widget, 1, &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  show_text (widget, cr, text, CLAMP (x, LEFT, gtk_widget_get_width (widget) - RIGHT), TOP / 2,
             x > gtk_widget_get_width (widget) / 2.0 ? 1 : 0);
}

static void
xaso_line_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  XasoLineChart *self = XASO_LINE_CHART (widget);
  XasoChartData *data = xaso_chart_get_data (XASO_CHART (self));
  cairo_t *cr;
  double top;

  if (data == NULL)
    return;
  top = scale_top (data);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  draw_axes (self, cr, data, top);
  for (guint s = 0; s < data->n_series; s++)
    draw_series (self, cr, data, top, s);
  draw_selected (self, cr, data);
  cairo_destroy (cr);
}

static void
xaso_line_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 200;
}

static void
select_point (XasoLineChart *self, int index)
{
  XasoChartData *data = xaso_chart_get_data (XASO_CHART (self));

  if (data == NULL || data->items->len == 0)
    return;
  self->selected = CLAMP (index, 0, (int)data->items->len - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_selected (XasoLineChart *self)
{
  XasoChartData *data = xaso_chart_get_data (XASO_CHART (self));

  if (data != NULL && self->selected >= 0 && (guint)self->selected < data->items->len)
    xaso_chart_activate_link (XASO_CHART (self),
                              ((XasoChartItem *)g_ptr_array_index (data->items, self->selected))->link);
}

static int
point_at (XasoLineChart *self, double x)
{
  XasoChartData *data = xaso_chart_get_data (XASO_CHART (self));
  double plot = gtk_widget_get_width (GTK_WIDGET (self)) - LEFT - RIGHT;

  if (data == NULL || data->items->len == 0 || plot <= 0)
    return -1;
  return CLAMP ((int)floor ((x - LEFT) / plot * data->items->len), 0, (int)data->items->len - 1);
}

static void
motion_cb (GtkEventControllerMotion *motion, double x, double y, XasoLineChart *self)
{
  select_point (self, point_at (self, x));
}

static void
released_cb (GtkGestureClick *click, int n_press, double x, double y, XasoLineChart *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  select_point (self, point_at (self, x));
  activate_selected (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
                XasoLineChart *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      select_point (self, self->selected < 0 ? 0 : self->selected - 1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      select_point (self, self->selected + 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_selected (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
xaso_line_chart_data_changed (XasoChart *chart)
{
  XasoLineChart *self = XASO_LINE_CHART (chart);
  XasoChartData *data = xaso_chart_get_data (chart);

  self->selected = data->items->len > 0 ? (int)data->items->len - 1 : -1;
}

static void
xaso_line_chart_class_init (XasoLineChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XASO_CHART_CLASS (klass)->data_changed = xaso_line_chart_data_changed;
  widget_class->snapshot = xaso_line_chart_snapshot;
  widget_class->measure = xaso_line_chart_measure;
}

static void
xaso_line_chart_init (XasoLineChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

GtkWidget *
xaso_line_chart_new (void)
{
  return g_object_new (XASO_TYPE_LINE_CHART, NULL);
}
