/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-report-table.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* The reports a leader exports (issue 10), and the one call that counts
 * one and writes it, for the GUI's worker thread and for xasoctl. */
typedef enum
{
  XASO_REPORT_KPI,
  XASO_REPORT_DOSSIERS,
  XASO_REPORT_DOCUMENTS,
  XASO_REPORT_POPULATION,
  XASO_REPORT_OVERDUE,
} XasoReportKind;

typedef enum
{
  XASO_REPORT_FORMAT_TSV,
  XASO_REPORT_FORMAT_CSV,
  XASO_REPORT_FORMAT_XLSX,
  XASO_REPORT_FORMAT_PDF,
} XasoReportFormat;

/* "kpi", "dossiers", "documents", "population", "overdue". */
gboolean         xaso_report_kind_from_string   (const char        *text,
                                                 XasoReportKind    *kind);
const char      *xaso_report_kind_to_string     (XasoReportKind     kind);
/* The report's title, translated. */
const char      *xaso_report_kind_title         (XasoReportKind     kind);
/* "tsv", "csv", "xlsx", "pdf". */
gboolean         xaso_report_format_from_string (const char        *text,
                                                 XasoReportFormat  *format);

/* The report of @kind for @from to @to (YYYY-MM-DD), @unit (NULL: all)
 * and @now (NULL: the present): see xaso-report-builders.h. */
XasoReportTable *xaso_report_build              (XasoDatabase      *db,
                                                 XasoReportKind     kind,
                                                 const char        *from,
                                                 const char        *to,
                                                 const char        *unit,
                                                 GDateTime         *now,
                                                 GError           **error);

/* Counts the report and writes it to @output in @format. The file is
 * written beside @output under another name and renamed when complete, so
 * that a failure or @cancellable leaves no file, nor half of one. A
 * report that names persons (the overdue dossiers) is personal data: its
 * export is logged in the audit chain as @actor's (NULL: nobody signed in)
 * before the file appears, and not made if it cannot be logged. */
gboolean         xaso_report_export             (XasoDatabase      *db,
                                                 XasoUser          *actor,
                                                 XasoReportKind     kind,
                                                 XasoReportFormat   format,
                                                 const char        *from,
                                                 const char        *to,
                                                 const char        *unit,
                                                 GDateTime         *now,
                                                 const char        *output,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
/* The same as text for the screen or a pipe (TSV or CSV only), logged in
 * the same way when it names persons. */
char            *xaso_report_export_text        (XasoDatabase      *db,
                                                 XasoUser          *actor,
                                                 XasoReportKind     kind,
                                                 XasoReportFormat   format,
                                                 const char        *from,
                                                 const char        *to,
                                                 const char        *unit,
                                                 GDateTime         *now,
                                                 GError           **error);

G_END_DECLS
