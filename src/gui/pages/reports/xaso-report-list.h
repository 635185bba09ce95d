/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

#define XASO_TYPE_REPORT_LIST (xaso_report_list_get_type ())
G_DECLARE_FINAL_TYPE (XasoReportList, xaso_report_list, XASO, REPORT_LIST, AdwBin)

/* Báo cáo → Báo cáo: the reports of the chosen period, each to open as a
 * PDF (to read and print), or to save as a spreadsheet (XLSX) or CSV; and
 * the registers of Decree 30 and of the one-stop dossiers. */
void xaso_report_list_set_context (XasoReportList *self,
                                   XasoContext    *context);
void xaso_report_list_set_period  (XasoReportList *self,
                                   const char     *from,
                                   const char     *to);

G_END_DECLS
