/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-chart.h"

G_BEGIN_DECLS

#define XASO_TYPE_GAUGE_CHART (xaso_gauge_chart_get_type ())
G_DECLARE_FINAL_TYPE (XasoGaugeChart, xaso_gauge_chart, XASO, GAUGE_CHART, XasoChart)

/* Rates side by side, each a ring filled to its share with the figure in
 * its middle and its name below; a rate with no data (negative) shows a
 * dash and an empty ring. Each gauge is a button to its records. */
GtkWidget *xaso_gauge_chart_new (void);

G_END_DECLS
