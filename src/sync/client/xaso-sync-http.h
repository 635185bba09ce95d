/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One HTTPS connection to the province's server (libcurl, kept alive between
 * requests), trusting only the CA pinned at enrollment. */
typedef struct _XasoSyncHttp XasoSyncHttp;

XasoSyncHttp *xaso_sync_http_new      (const char    *server_url,
                                       const char    *ca_file,
                                       const char    *token);
void          xaso_sync_http_free     (XasoSyncHttp  *self);

/* Sends @body (JSON, may be NULL for a GET) and returns the answer's JSON
 * root. A 4xx/5xx becomes a GError in XASO_SYNC_ERROR with the server's
 * code and Vietnamese message; a transport failure XASO_SYNC_ERROR_NETWORK.
 * @bytes_in, may be NULL, adds the bytes received on the wire. */
JsonNode     *xaso_sync_http_call     (XasoSyncHttp  *self,
                                       const char    *method,
                                       const char    *path,
                                       const char    *body,
                                       GCancellable  *cancellable,
                                       guint64       *bytes_in,
                                       GError       **error);

/* How far this computer's clock is ahead of the server's (negative:
 * behind), in seconds, from the last answer's Date header; FALSE before any
 * answer. One second's resolution: enough to tell a wrong clock. */
gboolean      xaso_sync_http_get_clock_skew (XasoSyncHttp *self,
                                             gint64       *seconds);
/* The "error" object of the last answer refused with a JSON error body
 * (some carry more than code and message: lease_held names the holder), or
 * NULL. Owned by @self until its next call. */
JsonObject   *xaso_sync_http_last_error (XasoSyncHttp *self);

/* The SHA-256 fingerprint of the first certificate of a PEM file, as
 * "AB:CD:…", which an administrator compares with the server's. */
char         *xaso_sync_ca_fingerprint (const char   *ca_file,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoSyncHttp, xaso_sync_http_free)

G_END_DECLS
