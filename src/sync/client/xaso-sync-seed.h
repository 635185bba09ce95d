/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-change.h"
#include "xaso-database.h"

G_BEGIN_DECLS

/* Captures every record of the replica that no op has carried yet — one
 * written outside change capture, as a demo commune's or an old import's —
 * as the insert that made it, so the first sync sends the whole commune.
 * Records already waiting in the outbox, or known to the server, are left
 * alone. Returns the number of ops made, or -1 with @error set. */
/* An insert of the row stmt stands on (its id first, then its columns), as
 * the seed captures it; the digest captures again a row the server lacks. */
XasoChange *xaso_sync_seed_change_from_row (const char   *table,
                                            sqlite3_stmt *stmt);

gint64 xaso_sync_seed_outbox (XasoDatabase  *db,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
