/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xaso-chart.h"

G_BEGIN_DECLS

#define XASO_TYPE_CHART_BAR (xaso_chart_bar_get_type ())
G_DECLARE_FINAL_TYPE (XasoChartBar, xaso_chart_bar, XASO, CHART_BAR, GtkWidget)

/* One horizontal bar of a bar chart or a pyramid: the series @first to
 * @first + @n_series − 1 of @item stacked, scaled so that @max fills the
 * width, growing leftwards when @mirrored. It remembers which series the
 * pointer pressed, so a click on a part opens that part's list. */
GtkWidget *xaso_chart_bar_new          (XasoChartData       *data,
                                        const XasoChartItem *item,
                                        guint                first,
                                        guint                n_series,
                                        double               max,
                                        gboolean             mirrored);
/* The link of the part last pressed, else the item's; resets the press. */
const char *xaso_chart_bar_take_link   (XasoChartBar        *self);
GtkWidget  *xaso_chart_bar_new_swatch  (XasoChartData       *data,
                                        guint                series);

GtkWidget  *xaso_chart_bar_button_new  (XasoChart           *chart,
                                        GtkWidget           *bar,
                                        const char          *description);
GtkWidget  *xaso_chart_legend_new      (XasoChartData       *data);
void        xaso_chart_bar_update      (XasoChartBar        *self,
                                        XasoChartData       *data,
                                        const XasoChartItem *item,
                                        double               max);
void        xaso_chart_bar_button_update (GtkWidget         *button,
                                        const char          *description,
                                        gboolean             sensitive);

G_END_DECLS
