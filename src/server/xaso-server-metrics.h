/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-server-request.h"

G_BEGIN_DECLS

/* The counters of GET /v1/metrics, safe to bump from any thread. */

void  xaso_server_metrics_request      (XasoEndpoint  endpoint,
                                        guint         status,
                                        gint64        usec);
/* New ops by outcome, indexed by XasoSyncOutcome. */
void  xaso_server_metrics_ops          (const guint  *counts);
void  xaso_server_metrics_served       (guint         entries);
void  xaso_server_metrics_reconnection (void);
/* Blob chunk bytes kept, blob bytes answered, uploads published, uploads
 * forgotten because their bytes did not match their declared SHA-256. */
void  xaso_server_metrics_blob_received (gsize       bytes);
void  xaso_server_metrics_blob_served  (gsize         bytes);
void  xaso_server_metrics_blob_completed (void);
void  xaso_server_metrics_blob_checksum_failed (void);
/* Prometheus text exposition format, version 0.0.4. */
char *xaso_server_metrics_render       (void);

G_END_DECLS
