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
/* A blob's request (PROTOCOL.md, "Blobs"): extra headers, a binary body
 * for a PUT, a sink taking a 2xx answer's body as it comes (a download),
 * and a progress report of the bytes sent or received so far. */
typedef gboolean (*XasoSyncHttpSink)     (const char *data,
                                          gsize       len,
                                          gpointer    user_data);
typedef void     (*XasoSyncHttpProgress) (gint64      bytes,
                                          gpointer    user_data);
typedef struct
{
  const char * const   *headers;   /* "Name: value", NULL-terminated, or NULL */
  const void           *body;
  gsize                 body_len;
  gboolean              head;
  XasoSyncHttpSink      sink;
  gpointer              sink_data;
  XasoSyncHttpProgress  progress;
  gpointer              progress_data;
  JsonNode             *answer;    /* out: a JSON body, if any; the caller frees it */
} XasoSyncHttpRequest;

/* Sends @request and returns the HTTP status. The blob answers the caller
 * acts on (404, 409, 416, 422) are returned as statuses, with their JSON
 * body in @request->answer; other 4xx/5xx and transport failures are
 * errors as for xaso_sync_http_call(), and return -1. */
int           xaso_sync_http_send     (XasoSyncHttp         *self,
                                       const char           *method,
                                       const char           *path,
                                       XasoSyncHttpRequest  *request,
                                       GCancellable         *cancellable,
                                       GError              **error);
/* A header of the last answer (as Upload-Offset), or NULL. */
char         *xaso_sync_http_header   (XasoSyncHttp         *self,
                                       const char           *name);

/* The SHA-256 fingerprint of the first certificate of a PEM file, as
 * "AB:CD:…", which an administrator compares with the server's. */
char         *xaso_sync_ca_fingerprint (const char   *ca_file,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoSyncHttp, xaso_sync_http_free)

G_END_DECLS
