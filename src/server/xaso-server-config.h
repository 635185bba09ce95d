/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XASO_SERVER_DEFAULT_CONFIG "/etc/xaso/server.conf"

/* The [server] group of server.conf (data/xaso-server.conf.example). */
typedef struct
{
  char *listen;              /* "address:port", a literal IP address */
  char *tls_certificate;     /* PEM files */
  char *tls_key;
  char *database;            /* libpq conninfo */
  int   max_connections;     /* PostgreSQL connections, one per worker thread */
  int   enrollment_days;     /* how long an enrollment code stays valid */
  int   partial_upload_days; /* how long a partial upload untouched is kept */
} XasoServerConfig;

XasoServerConfig *xaso_server_config_load (const char  *path,
                                           GError     **error);
void              xaso_server_config_free (XasoServerConfig *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoServerConfig, xaso_server_config_free)

G_END_DECLS
