/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-sync-push.h"

G_BEGIN_DECLS

/* Pulls the next page of the commune's log and applies it, with the cursor
 * and the running checksum, in one SQLite transaction: a cut costs at most
 * one page. A page whose checksum differs from the one computed here is not
 * applied (XASO_SYNC_ERROR_DIVERGED). Sets @more when the log goes on. */
gboolean xaso_sync_pull_page (XasoDatabase    *db,
                              XasoSyncHttp    *http,
                              guint            wait_seconds,
                              XasoSyncReport  *report,
                              gboolean        *more,
                              GCancellable    *cancellable,
                              GError         **error);

/* Pulls and applies pages until the log ends, each as xaso_sync_pull_page()
 * does, asking for the next page while applying one. */
gboolean xaso_sync_pull_all  (XasoDatabase    *db,
                              XasoSyncHttp    *http,
                              XasoSyncReport  *report,
                              GCancellable    *cancellable,
                              GError         **error);

G_END_DECLS
