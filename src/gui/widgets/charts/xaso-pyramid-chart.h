/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-chart.h"

G_BEGIN_DECLS

#define XASO_TYPE_PYRAMID_CHART (xaso_pyramid_chart_get_type ())
G_DECLARE_FINAL_TYPE (XasoPyramidChart, xaso_pyramid_chart, XASO, PYRAMID_CHART, XasoChart)

/* An age pyramid: items are age bands, youngest first, drawn oldest at the
 * top; series 0 (men) grows leftwards and series 1 (women) rightwards from
 * the band's label, both on one scale. Each half is a button. */
GtkWidget *xaso_pyramid_chart_new (void);

G_END_DECLS
