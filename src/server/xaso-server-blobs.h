/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-server-handlers.h"

G_BEGIN_DECLS

/* /v1/blobs/{name} (PROTOCOL.md, Blobs): a commune's attachment bytes in the
 * tables blob and blob_chunk, one row per chunk of 1 MiB, so that an upload
 * or a ranged read never holds more than a chunk or an answer in memory. */

typedef struct
{
  gboolean  exists;
  gboolean  complete;
  gint64    size;
  gint64    received;
  char     *sha256;
} XasoServerBlob;

void                xaso_server_blob_clear      (XasoServerBlob           *blob);
/* The blob's row in the request's transaction, locked FOR UPDATE when lock:
 * exists is FALSE when there is none. */
gboolean            xaso_server_blob_load       (XasoPg                   *pg,
                                                 const char               *commune,
                                                 const char               *name,
                                                 gboolean                  lock,
                                                 XasoServerBlob           *blob,
                                                 GError                  **error);
/* The integer header name in [min, max] (400 bad_request when missing or
 * malformed). */
gboolean            xaso_server_blob_header_int (const XasoServerRequest  *request,
                                                 const char               *name,
                                                 gint64                    min,
                                                 gint64                    max,
                                                 gint64                   *value,
                                                 GError                  **error);
/* An error answer whose body also says how many bytes the server keeps
 * ("offset", beside "error"). */
XasoServerResponse *xaso_server_blob_error_at   (XasoSyncError             code,
                                                 const char               *message,
                                                 gint64                    offset);

/* PUT: one chunk of an upload (xaso-server-blob-upload.c). */
XasoServerResponse *xaso_server_blob_put        (XasoPg                   *pg,
                                                 const XasoServerRequest  *request,
                                                 GError                  **error);
/* GET: a range of a complete blob (xaso-server-blob-download.c). */
XasoServerResponse *xaso_server_blob_get        (XasoPg                   *pg,
                                                 const XasoServerRequest  *request,
                                                 GError                  **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoServerBlob, xaso_server_blob_clear)

G_END_DECLS
