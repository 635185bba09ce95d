/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-chart.h"

G_BEGIN_DECLS

#define XASO_TYPE_LINE_CHART (xaso_line_chart_get_type ())
G_DECLARE_FINAL_TYPE (XasoLineChart, xaso_line_chart, XASO, LINE_CHART, XasoChart)

/* A line per series over the items (months, in order), on a scale from 0
 * (to 100 for rates); a negative value leaves a gap. The point under the
 * pointer, or chosen with the arrow keys, shows its figures; a click or
 * Enter opens its records. */
GtkWidget *xaso_line_chart_new (void);

G_END_DECLS
