/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-sync-http.h"

G_BEGIN_DECLS

/* Numbers granted by the server (DESIGN.md §4.7, PROTOCOL.md "POST
 * /v1/leases"), written where core allocates from: a register's
 * lease_device_id and lease_until, and the desk's dossier_code_block rows. */

/* After each sync: renews the leases of the registers this desktop holds
 * (once a day), from 15 December takes next year's lease of each register
 * it holds this year, and, on a reception desk, keeps its blocks of dossier
 * codes for today and tomorrow above half a block. A lease another desktop holds is written as
 * theirs, not an error. */
gboolean   xaso_sync_leases_refresh  (XasoDatabase   *db,
                                      XasoSyncHttp   *http,
                                      GCancellable   *cancellable,
                                      GError        **error);

/* Asks for @register_id's lease and writes the answer into the register.
 * XASO_SYNC_ERROR_LEASE_HELD (the holder written as the lease's) when
 * another desktop holds it. */
gboolean   xaso_sync_lease_register  (XasoDatabase   *db,
                                      XasoSyncHttp   *http,
                                      const char     *register_id,
                                      GCancellable   *cancellable,
                                      GError        **error);

/* This desktop's view of the numbers, one tab-separated line each:
 * register ID KIND YEAR HOLDER UNTIL held|claimed|other LAST_NUMBER,
 * codes DAY FIRST LAST NEXT SOURCE (this desk's blocks, today onwards),
 * fallback FIRST LAST. */
GPtrArray *xaso_sync_leases_list     (XasoDatabase   *db,
                                      GError        **error);

G_END_DECLS
