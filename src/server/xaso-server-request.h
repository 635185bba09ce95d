/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pg/xaso-pg.h"
#include "xaso-sync-protocol.h"

G_BEGIN_DECLS

/* A request as the worker threads see it: copied out of the SoupServerMessage
 * on the main thread, so that no libsoup object crosses threads. */

typedef enum
{
  XASO_ENDPOINT_ENROLL,
  XASO_ENDPOINT_PUSH,
  XASO_ENDPOINT_PULL,
  XASO_ENDPOINT_HEALTH,
  XASO_ENDPOINT_METRICS,
  XASO_ENDPOINT_BLOBS,
  XASO_ENDPOINT_INBOX,
  XASO_ENDPOINT_LEASES,
  XASO_ENDPOINT_DIGEST,
  XASO_ENDPOINT_DIGEST_ROWS,
  XASO_ENDPOINT_KEYS,
  XASO_ENDPOINT_KEY,
  XASO_N_ENDPOINTS,
} XasoEndpoint;

typedef struct
{
  XasoEndpoint  endpoint;
  char         *method;            /* "GET", "HEAD", "PUT"… */
  char         *name;              /* what follows a route's path prefix, or NULL */
  GBytes       *body;              /* as received, up to the wire limit */
  gboolean      body_too_large;    /* more than the wire limit arrived */
  char         *content_type;
  char         *content_encoding;
  char         *authorization;
  GHashTable   *query;             /* name → value, owned */
  GHashTable   *headers;           /* the headers handlers read: lower-case name → value */
  gboolean      accept_gzip;
  gboolean      no_wait;           /* a long-poll's last run: answer now */
} XasoServerRequest;

typedef struct
{
  guint     status;
  GBytes   *body;
  char     *content_type;
  GPtrArray *headers;              /* more response headers: name, value, name, value… */
  gboolean  gzipped;
  char     *commune_code;          /* the token's commune, for the log line */
  /* Pull found nothing and may hold the request (long-poll). */
  gboolean  wait;
  guint     wait_seconds;
  /* Push appended entries to the commune's log: wake its long-polls. */
  gboolean  log_grew;
} XasoServerResponse;

/* The most a body may weigh on the wire: the decompressed limit plus what
 * gzip adds to data it cannot shrink. A blob chunk is never compressed. */
#define XASO_SERVER_MAX_WIRE_BODY (XASO_SYNC_MAX_BODY + 64 * 1024)
#define XASO_SERVER_MAX_BLOB_BODY XASO_SYNC_BLOB_CHUNK

/* The request headers copied for the handlers (no other is). */
#define XASO_SERVER_REQUEST_HEADERS "Range", "Upload-Offset", "Upload-Length", "Content-Sha256"

const char         *xaso_endpoint_name            (XasoEndpoint endpoint);

void                xaso_server_request_free      (XasoServerRequest *request);
void                xaso_server_response_free     (XasoServerResponse *response);

XasoServerResponse *xaso_server_response_json     (guint       status,
                                                   char       *text);
XasoServerResponse *xaso_server_response_text     (guint       status,
                                                   const char *content_type,
                                                   char       *text);
/* application/octet-stream, never compressed. */
XasoServerResponse *xaso_server_response_bytes    (guint       status,
                                                   GBytes     *bytes);
void                xaso_server_response_add_header (XasoServerResponse *response,
                                                   const char         *name,
                                                   const char         *value);
/* An error answer from a GError of XASO_SYNC_ERROR (others become 500). */
XasoServerResponse *xaso_server_response_error    (const GError *error);
/* Compresses the body when the client accepts gzip and it is worth it. */
void                xaso_server_response_compress (XasoServerResponse *response,
                                                   gboolean            accept_gzip);

/* The JSON body of a request: application/json, decompressed when gzip,
 * within XASO_SYNC_MAX_BODY once decompressed. */
GBytes             *xaso_server_request_json_body (const XasoServerRequest  *request,
                                                   GError                  **error);

/* A blob chunk: application/octet-stream, not compressed, within
 * XASO_SERVER_MAX_BLOB_BODY. */
GBytes             *xaso_server_request_octet_body (const XasoServerRequest  *request,
                                                   GError                  **error);
/* A copied request header (see XASO_SERVER_REQUEST_HEADERS), or NULL. */
const char         *xaso_server_request_header    (const XasoServerRequest  *request,
                                                   const char               *name);

/* The integer query parameter name in [min, max], or fallback when absent. */
gboolean            xaso_server_request_query_int (const XasoServerRequest  *request,
                                                   const char               *name,
                                                   gint64                    min,
                                                   gint64                    max,
                                                   gint64                    fallback,
                                                   gint64                   *value,
                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoServerRequest, xaso_server_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoServerResponse, xaso_server_response_free)

G_END_DECLS
