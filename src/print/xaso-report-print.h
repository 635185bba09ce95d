/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-report-table.h"

G_BEGIN_DECLS

/* A report printed as a PDF on A4 landscape: the heading of Decree 30 (the
 * commune's People's Committee, the national name and motto, the place and
 * date @now), the title and its lines, the table with its totals row, and
 * the places to sign. Stops with an error when @cancellable is cancelled;
 * the caller removes what was written. */
gboolean xaso_report_print (XasoDatabase           *db,
                            const XasoReportTable  *table,
                            GDateTime              *now,
                            const char             *path,
                            GCancellable           *cancellable,
                            GError                **error);

G_END_DECLS
