/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-sync-push.h"

G_BEGIN_DECLS

/* One whole sync: push until nothing waits (uploading the blobs held ops
 * name), then pull until the log's end, then fetch the blobs pulled rows
 * name.
 * "Synced" is recorded only when both finished and the checksums agreed. */
gboolean xaso_sync_run_once (XasoDatabase    *db,
                             XasoSyncReport  *report,
                             GCancellable    *cancellable,
                             GError         **error);

/* Where this replica stands, as the header and `xasoctl sync status` say. */
typedef struct
{
  gboolean  enrolled;
  guint     waiting;          /* ops not yet acknowledged by the server */
  guint     held;             /* of which held for an attachment */
  guint     uploads;          /* blobs not yet whole on the server */
  guint     downloads;        /* blobs pulled rows name, not yet here */
  char     *oldest_waiting;   /* ISO time of the oldest, or NULL */
  guint     conflicts;        /* open conflicts to review */
  guint     rejected;         /* refused ops not yet dealt with */
  gboolean  synced;
  gboolean  offline;          /* the last attempt could not reach the server */
  char     *last_push;
  char     *last_pull;
  char     *last_error;
  gint64    pull_seq;
  gboolean  clock_known;      /* a server's answer said its time */
  gint64    clock_skew;       /* seconds this clock is ahead of the server's */
} XasoSyncStatus;

XasoSyncStatus *xaso_sync_status_read (XasoDatabase    *db,
                                       GError         **error);
void            xaso_sync_status_free (XasoSyncStatus  *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoSyncStatus, xaso_sync_status_free)

G_END_DECLS
