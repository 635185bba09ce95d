/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-sync-run.h"

G_BEGIN_DECLS

/* The background sync of a desktop (DESIGN.md §4): its own thread and its
 * own SQLite connection; push then pull whenever it can, a long-poll while
 * idle, back-off with jitter after a failure, and a poke from the GUI after
 * each local write so nothing waits for the next round. Its state reaches
 * the thread that made it through the "changed" signal. */
#define XASO_TYPE_SYNC_ENGINE (xaso_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (XasoSyncEngine, xaso_sync_engine, XASO, SYNC_ENGINE, GObject)

XasoSyncEngine       *xaso_sync_engine_new        (const char     *db_path);
void                  xaso_sync_engine_start      (XasoSyncEngine *self);
/* Stops the thread; an op being pushed is finished or not sent at all. */
void                  xaso_sync_engine_stop       (XasoSyncEngine *self);
/* Something was written (or a person asked): sync now. */
void                  xaso_sync_engine_poke       (XasoSyncEngine *self);
/* The last state read, or NULL before the first. Owned by the engine. */
const XasoSyncStatus *xaso_sync_engine_get_status (XasoSyncEngine *self);
/* Whether a sync is under way now. */
gboolean              xaso_sync_engine_is_busy    (XasoSyncEngine *self);
/* Seconds to wait after @failures failures in a row: doubling from 2 s to
 * 5 minutes, with ±50 % jitter so a province's desktops do not come back
 * all at once. */
double                xaso_sync_backoff_seconds   (guint           failures,
                                                   double          random01);

G_END_DECLS
