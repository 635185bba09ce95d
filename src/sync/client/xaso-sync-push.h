/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-sync-blobs.h"
#include "xaso-sync-http.h"
#include "xaso-sync-protocol.h"

G_BEGIN_DECLS

/* What one sync did, for the command line's report and the Đồng bộ page. */
typedef struct
{
  guint   sent;
  guint   outcomes[XASO_SYNC_REJECTED + 1];
  guint   pulled;            /* log entries applied */
  guint32 tables_pulled;     /* bit i: xaso_sync_get_tables()[i] changed here */
  guint   conflicts_found;
  guint64 bytes_in;
  guint   uploaded;          /* blobs the server now holds whole */
  guint   downloaded;        /* blobs put in place here */
  XasoSyncBlobListener blobs; /* set by the caller to follow transfers */
} XasoSyncReport;

/* Pushes the next batch of waiting ops (up to 500) and stores their
 * receipts, each before its outbox entry goes, in one transaction. The
 * batch stops before an op held for its attachment's blob; when the first
 * op is held, the blob is uploaded instead. Returns the number sent, 1
 * after an upload that let held ops go, 0 when nothing was waiting, or -1
 * with @error set (a held op stays held). */
int xaso_sync_push_batch (XasoDatabase    *db,
                          XasoSyncHttp    *http,
                          XasoSyncReport  *report,
                          GCancellable    *cancellable,
                          GError         **error);

G_END_DECLS
