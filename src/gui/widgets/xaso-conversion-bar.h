/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XASO_TYPE_CONVERSION_BAR (xaso_conversion_bar_get_type ())
G_DECLARE_FINAL_TYPE (XasoConversionBar, xaso_conversion_bar, XASO, CONVERSION_BAR, GtkWidget)

/* A bar over a form that watches its text fields: when text typed with an
 * old Vietnamese font (TCVN3, VNI…) is pasted into one, it shows what the
 * text reads in Unicode and offers to convert it. Nothing changes unless
 * the official says so. */
void xaso_conversion_bar_watch (XasoConversionBar *self,
                                GtkWidget         *form);

G_END_DECLS
