/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-chart-data.h"
#include "xaso-dashboard.h"

G_BEGIN_DECLS

/* The dashboard's figures as the charts draw them, each item with the link
 * to the list that shows the records it counts, filtered the same way
 * (the core tests hold that the counts agree). */
XasoChartData *xaso_dashboard_chart_channels  (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_timeliness (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_trend     (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_decision  (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_officers  (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_units     (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_overdue_units (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_fields    (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_leads     (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_hamlets   (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_pyramid   (const XasoDashboard *d);
XasoChartData *xaso_dashboard_chart_births    (const XasoDashboard *d);

/* The link to the dossiers a report's figure counts in the period. */
char          *xaso_dashboard_dossier_link    (const XasoDashboard *d,
                                               const char          *measure,
                                               const char          *extra,
                                               const char          *description);
/* The link to the documents of @page ("incoming", "outgoing") that a
 * figure counts in the period: @measure is "registered" or "issued",
 * @extra more of the filter ("late=1") or NULL. */
char          *xaso_dashboard_document_link   (const XasoDashboard *d,
                                               const char          *page,
                                               const char          *measure,
                                               const char          *extra,
                                               const char          *description);

G_END_DECLS
