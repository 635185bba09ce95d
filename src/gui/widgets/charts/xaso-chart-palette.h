/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xaso-chart-data.h"

G_BEGIN_DECLS

/* The colour of @tone for @widget's style: a darker shade on the light
 * style, a lighter one on the dark, so bars keep their contrast. */
void xaso_chart_tone_rgba  (GtkWidget     *widget,
                            XasoChartTone  tone,
                            GdkRGBA       *rgba);
/* The widget's foreground colour at @alpha, for axes and labels. */
void xaso_chart_text_rgba  (GtkWidget     *widget,
                            double         alpha,
                            GdkRGBA       *rgba);

G_END_DECLS
