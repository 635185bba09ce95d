/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xaso-chart-data.h"

G_BEGIN_DECLS

#define XASO_TYPE_CHART (xaso_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (XasoChart, xaso_chart, XASO, CHART, GtkWidget)

/* What every chart of the dashboard shares: the data it draws, an
 * accessible name and a description that reads out every figure, a redraw
 * when the style turns dark or light, and "activate-link" when the user
 * clicks a bar, a point or a slice (or presses Enter on it). */
struct _XasoChartClass
{
  GtkWidgetClass parent_class;

  /* The data changed: rebuild or redraw. */
  void (*data_changed) (XasoChart *self);
};

XasoChartData *xaso_chart_get_data      (XasoChart     *self);
void           xaso_chart_set_data      (XasoChart     *self,
                                         XasoChartData *data);

/* For subclasses: emits "activate-link" when @link is set. */
void           xaso_chart_activate_link (XasoChart     *self,
                                         const char    *link);

G_END_DECLS
