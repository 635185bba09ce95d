/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"
#include "xaso-report-export.h"

G_BEGIN_DECLS

#define XASO_TYPE_REPORT_EXPORT_ROW (xaso_report_export_row_get_type ())
G_DECLARE_FINAL_TYPE (XasoReportExportRow, xaso_report_export_row, XASO, REPORT_EXPORT_ROW, AdwActionRow)

/* One report of the period: "View and Print" writes its PDF and opens it
 * in the document window; "Excel" and "CSV" save it in the user's
 * Documents folder and offer to open it. The report is counted and written
 * on the worker, with a spinner and a button to stop it. */
XasoReportExportRow *xaso_report_export_row_new        (XasoReportKind       kind,
                                                        const char          *subtitle);
void                 xaso_report_export_row_set_period (XasoReportExportRow *self,
                                                        XasoContext         *context,
                                                        const char          *from,
                                                        const char          *to);

G_END_DECLS
