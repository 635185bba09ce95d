/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-database.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* Mẫu 07 of Circular 03/2025/TT-VPCP, the follow-up register of one-stop
 * dossiers (sổ theo dõi hồ sơ): every dossier received from @from to @to
 * (YYYY-MM-DD, both included) on A4 landscape, a cover first, the column
 * headings repeated on every page. Rows are read one at a time, so a year
 * of a large commune prints in constant memory; @progress (may be NULL)
 * hears how many rows are done of how many. Stops when @cancellable is
 * cancelled, leaving no file. Printing it is audited. */
gboolean xaso_dossier_book_print (XasoDatabase          *db,
                                  XasoUser              *actor,
                                  const char            *from,
                                  const char            *to,
                                  const char            *output,
                                  GCancellable          *cancellable,
                                  GFileProgressCallback  progress,
                                  gpointer               progress_data,
                                  guint                 *n_rows,
                                  GError               **error);

G_END_DECLS
