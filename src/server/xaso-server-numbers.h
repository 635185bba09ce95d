/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pg/xaso-pg.h"
#include "xaso-server-apply.h"

G_BEGIN_DECLS

/* Human numbers on the server (DESIGN.md §4.7): which number a row holds,
 * the numbers and register leases a push's decisions need, and the numbers
 * it took. */

/* The number a row of @table holds once @op_fields ({name: {"new": v}})
 * are written over @row's: ("register:<id>", "<n>") for a numbered
 * document, ("dossier", code) for a dossier. FALSE when it holds none. */
gboolean xaso_server_number_of     (const char    *table,
                                    XasoApplyRow  *row,
                                    JsonObject    *op_fields,
                                    char         **series,
                                    char         **number);

/* The same from the values themselves: @first is a dossier's code or a
 * document's register_id, @second a document's number (NULL for a
 * dossier); JSON null or absent values hold no number. */
gboolean xaso_server_number_from   (const char    *table,
                                    JsonNode      *first,
                                    JsonNode      *second,
                                    char         **series,
                                    char         **number);

/* Loads into @apply the claims every number the @ops (XasoSyncOp or NULL)
 * may take could meet, and the leases of the registers whose counter they
 * move. The rows must be loaded already. */
gboolean xaso_server_numbers_load  (XasoPg        *pg,
                                    const char    *commune,
                                    XasoApply     *apply,
                                    GPtrArray     *ops,
                                    GError       **error);
/* Stores the numbers the batch took. */
gboolean xaso_server_numbers_store (XasoPg        *pg,
                                    const char    *commune,
                                    XasoApply     *apply,
                                    GError       **error);

G_END_DECLS
