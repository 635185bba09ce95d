/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-database.h"
#include "xaso-text-decode.h"

G_BEGIN_DECLS

/* Persons to and from CSV (one person per row, a header row naming the
 * columns). An import is all or nothing: the first bad row stops it, with
 * its line number, and nothing of the file is kept. It reads UTF-8 with or
 * without a byte-order mark, Windows-1258, and TCVN3 or VNI text, and says
 * in @decoding what it converted; an export is UTF-8 with a byte-order mark,
 * which spreadsheet programs need to read the diacritics. */
gboolean xaso_person_csv_import (XasoDatabase      *db,
                                 GInputStream      *input,
                                 const char        *actor,
                                 guint             *n_rows,
                                 XasoTextDecoding  *decoding,
                                 GCancellable      *cancellable,
                                 GError           **error);
gboolean xaso_person_csv_export (XasoDatabase   *db,
                                 GOutputStream  *output,
                                 const char     *actor,
                                 const char     *purpose,
                                 guint          *n_rows,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS
