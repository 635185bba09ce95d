/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "xaso-server-config.h"
#include "xaso-server-waiters.h"
#include "xaso-server-workers.h"

G_BEGIN_DECLS

/* The HTTPS side of xaso-server: one SoupServer on the main loop, the
 * database work on XasoServerWorkers. */

typedef struct
{
  const XasoServerConfig *config;
  SoupServer             *soup;
  XasoServerWorkers      *workers;
  XasoServerWaiters      *waiters;
  GMainLoop              *loop;
  guint                   in_flight;   /* requests between handler and last byte */
  gboolean                stopping;
  guint                   drain_id;    /* the shutdown's deadline */
} XasoServer;

/* `xaso-server serve`: runs until SIGTERM or SIGINT; the exit status. */
int          xaso_server_serve          (const XasoServerConfig *config);

/* xaso-server-exchange.c: one request, from the handler to the answer. */
void         xaso_server_exchange_start (XasoServer        *server,
                                         SoupServerMessage *msg,
                                         const char        *path,
                                         GHashTable        *query);
/* The endpoint a path names (XASO_N_ENDPOINTS: none). */
XasoEndpoint xaso_server_route          (const char        *path);
/* The body that arrived, within the wire limit (see the early handler). */
GBytes      *xaso_server_message_body   (SoupServerMessage *msg,
                                         gboolean          *too_large);
/* A long-poll's time parked, left out of the request's duration. */
void         xaso_server_message_waited (SoupServerMessage  *msg,
                                         gint64              usec);
void         xaso_server_message_answer (XasoServer         *server,
                                         SoupServerMessage  *msg,
                                         XasoServerResponse *response);

G_END_DECLS
