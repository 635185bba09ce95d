/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-chart.h"

G_BEGIN_DECLS

#define XASO_TYPE_CHART_CARD (xaso_chart_card_get_type ())
G_DECLARE_FINAL_TYPE (XasoChartCard, xaso_chart_card, XASO, CHART_CARD, GtkBox)

/* A chart in a card with its title and a toggle to read it as a table
 * instead: the same items, one row each, a column per series, each row
 * opening the records behind it. Re-emits the chart's "activate-link". */
XasoChartCard *xaso_chart_card_new      (const char    *title,
                                         GtkWidget     *chart);
void           xaso_chart_card_set_data (XasoChartCard *self,
                                         XasoChartData *data);
/* A line under the chart: what it counts, or which data it lacks. */
void           xaso_chart_card_set_note (XasoChartCard *self,
                                         const char    *note);

G_END_DECLS
