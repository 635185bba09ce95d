/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xaso-dashboard.h"

G_BEGIN_DECLS

#define XASO_TYPE_DASHBOARD_VIEW (xaso_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (XasoDashboardView, xaso_dashboard_view, XASO, DASHBOARD_VIEW, GtkWidget)

/* The leader's dashboard (Báo cáo → Tổng quan): the period's figures as
 * tiles and charts in three sections (dossiers, documents, population),
 * laid out for a 1366×768 screen. Every tile, bar and point opens the list
 * of the records behind it through win.show-list. */
GtkWidget *xaso_dashboard_view_new  (void);
void       xaso_dashboard_view_show (XasoDashboardView   *self,
                                     const XasoDashboard *dashboard);

G_END_DECLS
