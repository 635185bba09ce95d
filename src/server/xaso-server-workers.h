/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-server-handlers.h"

G_BEGIN_DECLS

/* The threads that talk to PostgreSQL, each with its own connection, so that
 * the main loop (libsoup) never waits on the database. A request whose
 * connection turns out to be lost runs once more on a fresh connection;
 * if that fails too it is answered 503 database_unavailable. */

typedef struct _XasoServerWorkers XasoServerWorkers;

XasoServerWorkers  *xaso_server_workers_new        (const char          *conninfo,
                                                    guint                n_threads,
                                                    GError             **error);
/* Waits for the queued requests to finish, then closes the connections. */
void                xaso_server_workers_free       (XasoServerWorkers   *workers);

/* The request is borrowed until the callback, which runs on the calling
 * thread's main context. */
void                xaso_server_workers_run        (XasoServerWorkers   *workers,
                                                    XasoServerHandler    handler,
                                                    const XasoServerRequest *request,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* Always an answer: failures are turned into error bodies. */
XasoServerResponse *xaso_server_workers_run_finish (GAsyncResult        *result);

G_END_DECLS
