/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-chart.h"

G_BEGIN_DECLS

#define XASO_TYPE_BAR_CHART (xaso_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (XasoBarChart, xaso_bar_chart, XASO, BAR_CHART, XasoChart)

/* Horizontal bars, one per item, its series stacked: a label, the bar (a
 * button that opens the records behind it) and the total. Only the first
 * @max_rows items are drawn, with a note that the table shows the rest, so
 * a card stays readable on a small screen. */
GtkWidget *xaso_bar_chart_new (guint max_rows);

G_END_DECLS
