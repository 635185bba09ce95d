/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-sync-http.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean comparable;   /* FALSE: ops wait, or the pull is behind the server */
  guint    tables;       /* compared */
  guint    differing;    /* tables whose digest differed */
  guint    repaired;     /* rows written again from the server's values */
  guint    recaptured;   /* rows the server lacked, captured again to push */
} XasoSyncDigestReport;

/* Compares this replica's tables with the server's digest (PROTOCOL.md,
 * "Digest"), then the buckets of a table that differs, and repairs the rows
 * of a bucket that differs: the server's values with their versions, as a
 * pull writes them; a row the server lacks is never deleted but captured
 * again into the outbox. Does nothing but say so when it cannot compare. */
gboolean xaso_sync_digest_run  (XasoDatabase          *db,
                                XasoSyncHttp          *http,
                                XasoSyncDigestReport  *report,
                                GCancellable          *cancellable,
                                GError               **error);
/* The same over a connection of its own; a comparable digest, or one that
 * failed, is a line of the sync log (xaso-sync-history.h) the Đồng bộ page
 * shows. */
gboolean xaso_sync_digest_once (XasoDatabase          *db,
                                XasoSyncDigestReport  *report,
                                GCancellable          *cancellable,
                                GError               **error);

/* Runs the digest when none compared for a day (or none ever, as after the
 * first pull); what it found is logged, a failure only warned about: the
 * next round tries again. For the engine, after a successful sync. */
void     xaso_sync_digest_when_due (XasoDatabase  *db,
                                    GCancellable  *cancellable);

G_END_DECLS
