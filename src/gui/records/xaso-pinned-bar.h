/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XASO_TYPE_PINNED_BAR (xaso_pinned_bar_get_type ())
G_DECLARE_FINAL_TYPE (XasoPinnedBar, xaso_pinned_bar, XASO, PINNED_BAR, GtkWidget)

/* The filter a link pinned on a records page, described as the link says
 * ("From the report: Overdue — Nguyễn Văn A", "Needs review: …"), shown
 * above the list while the list shows only what the link counted. The bar keeps the page's filter (@filter,
 * freed with @filter_free when unpinned); its close button unpins it and
 * emits "closed". Hidden while nothing is pinned. */
void        xaso_pinned_bar_pin        (XasoPinnedBar  *self,
                                        const char     *description,
                                        gpointer        filter,
                                        GDestroyNotify  filter_free);
void        xaso_pinned_bar_unpin      (XasoPinnedBar  *self);
/* The filter pinned, or NULL. */
gpointer    xaso_pinned_bar_get_filter (XasoPinnedBar  *self);

G_END_DECLS
