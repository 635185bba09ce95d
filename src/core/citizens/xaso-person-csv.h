/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-database.h"

G_BEGIN_DECLS

/* Persons to and from CSV (UTF-8, one person per row, a header row naming
 * the columns). An import is all or nothing: the first bad row stops it,
 * with its line number, and nothing of the file is kept. */
gboolean xaso_person_csv_import (XasoDatabase   *db,
                                 GInputStream   *input,
                                 const char     *actor,
                                 guint          *n_rows,
                                 GCancellable   *cancellable,
                                 GError        **error);
gboolean xaso_person_csv_export (XasoDatabase   *db,
                                 GOutputStream  *output,
                                 const char     *actor,
                                 const char     *purpose,
                                 guint          *n_rows,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS
