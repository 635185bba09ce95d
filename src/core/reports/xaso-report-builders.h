/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-report-table.h"

G_BEGIN_DECLS

/* The reports leaders send and keep (issue 10), each a XasoReportTable of
 * the period @from to @to (YYYY-MM-DD) as of @now (NULL: the present),
 * counted as xaso_kpi_compute () and xaso_dashboard_compute () count.
 * @unit (NULL: all) narrows the dossiers' reports to one unit (bộ phận);
 * the documents' and the population's have no unit. Titles, headings and
 * labels are translated. */

/* The leader's figures as rows: name (as xaso_kpi_to_pairs () names it),
 * what it is, value. */
XasoReportTable *xaso_report_build_kpi        (XasoDatabase  *db,
                                               const char    *from,
                                               const char    *to,
                                               const char    *unit,
                                               GDateTime     *now,
                                               GError       **error);
/* One row per unit, in the layout of the provinces' one-stop systems:
 * received (of which online, the online rate), resolved (early, on time,
 * late, the on-time rate), in progress (of which late), refused, returned;
 * a totals row. */
XasoReportTable *xaso_report_build_dossiers   (XasoDatabase  *db,
                                               const char    *from,
                                               const char    *to,
                                               const char    *unit,
                                               GDateTime     *now,
                                               GError       **error);
/* The open dossiers past their appointment at @now, longest late first:
 * code, applicant, procedure, officer, unit, appointment, working days
 * late. It names persons. */
XasoReportTable *xaso_report_build_overdue    (XasoDatabase  *db,
                                               const char    *from,
                                               const char    *to,
                                               const char    *unit,
                                               GDateTime     *now,
                                               GError       **error);
/* Open incoming documents by lead person (overdue, due within two working
 * days), and under the title the period's incoming registered, outgoing
 * issued and issued late. */
XasoReportTable *xaso_report_build_documents  (XasoDatabase  *db,
                                               const char    *from,
                                               const char    *to,
                                               const char    *unit,
                                               GDateTime     *now,
                                               GError       **error);
/* Living residents by hamlet (men, women), households, and the births and
 * deaths of the period; a totals row. */
XasoReportTable *xaso_report_build_population (XasoDatabase  *db,
                                               const char    *from,
                                               const char    *to,
                                               const char    *unit,
                                               GDateTime     *now,
                                               GError       **error);

G_END_DECLS
