/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include <adwaita.h>

#include "xaso-chart-palette.h"

/* The GNOME palette (blue, green, yellow, orange, red, purple, dark):
 * shade 4 on the light style, shade 2 on the dark. */
static const char * const light_shades[] = {
  "#1c71d8", "#2ec27e", "#e5a50a", "#e66100", "#c01c28", "#813d9c", "#5e5c64",
};
static const char * const dark_shades[] = {
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b", "#c061cb", "#9a9996",
};

void
xaso_chart_tone_rgba (GtkWidget     *widget,
                      XasoChartTone  tone,
                      GdkRGBA       *rgba)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  guint i = MIN ((guint)tone, G_N_ELEMENTS (light_shades) - 1);

  gdk_rgba_parse (rgba, dark ? dark_shades[i] : light_shades[i]);
}

void
xaso_chart_text_rgba (GtkWidget *widget,
                      double     alpha,
                      GdkRGBA   *rgba)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, rgba);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
#endif
  rgba->alpha *= alpha;
}
