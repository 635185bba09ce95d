/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pg/xaso-pg.h"
#include "xaso-server-config.h"

G_BEGIN_DECLS

/* Abandoned partial uploads (PROTOCOL.md, Blobs): an upload no chunk
 * reached for partial-upload-days is forgotten with its chunks, commune by
 * commune; a published blob is never touched. A desktop that comes back
 * asks HEAD, hears 404 without an offset, and uploads from 0. */

typedef struct
{
  guint  uploads;      /* partial uploads forgotten */
  gint64 bytes;        /* the bytes they kept */
} XasoServerPruned;

/* Prunes every commune over @pg (a connection as xaso_admin); @func, when
 * not NULL, is told each upload forgotten. */
typedef void (*XasoServerPrunedFunc) (const char *commune,
                                      const char *name,
                                      gint64      received,
                                      gint64      size,
                                      gpointer    user_data);

gboolean xaso_server_blobs_prune       (XasoPg                 *pg,
                                        int                     days,
                                        XasoServerPruned       *pruned,
                                        XasoServerPrunedFunc    func,
                                        gpointer                user_data,
                                        GError                **error);

/* `xaso-server serve`: prunes now in a thread of its own, then every hour,
 * logging what it forgot; stop it before the main loop goes. */
typedef struct _XasoServerPruner XasoServerPruner;

XasoServerPruner *xaso_server_pruner_start (const XasoServerConfig *config);
void              xaso_server_pruner_stop  (XasoServerPruner       *pruner);

G_END_DECLS
