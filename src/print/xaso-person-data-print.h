/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-person-data-report.h"

G_BEGIN_DECLS

/* The personal-data report of one resident written out: an A4 PDF under
 * the commune's heading ("Báo cáo dữ liệu cá nhân"), every section of
 * xaso-person-data-report.h as a table, or the same sections as a CSV
 * (UTF-8 with a BOM, for spreadsheet programs). */
typedef enum
{
  XASO_PERSON_DATA_PDF,
  XASO_PERSON_DATA_CSV,
} XasoPersonDataFormat;

gboolean  xaso_person_data_format_from_string (const char                  *text,
                                               XasoPersonDataFormat        *format);

/* Collects @person's report (the record's id or personal id number),
 * writes it to @output in @format and logs in the audit chain that @actor
 * printed (PDF) or exported (CSV) the person's data — the report is itself
 * an access to it. The file is written aside and renamed in place in the
 * transaction of the log: on any error, or when @cancellable is
 * cancelled, there is no new file and nothing logged. */
gboolean  xaso_person_data_print              (XasoDatabase                *db,
                                               XasoUser                    *actor,
                                               const char                  *person,
                                               XasoPersonDataFormat         format,
                                               const char                  *output,
                                               GCancellable                *cancellable,
                                               GError                     **error);

/* The writers alone, for a report already collected. */
gboolean  xaso_person_data_write_pdf          (const XasoPersonDataReport  *report,
                                               const char                  *commune_name,
                                               XasoUser                    *actor,
                                               const char                  *path,
                                               GError                     **error);
char     *xaso_person_data_to_csv             (const XasoPersonDataReport  *report);

G_END_DECLS
