/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-sync-http.h"
#include "xaso-sync-protocol.h"

G_BEGIN_DECLS

/* The bytes of attachments (PROTOCOL.md, "Blobs"): uploaded before the ops
 * that name them go, downloaded after the rows that name them arrive. The
 * blob_transfer table keeps each transfer across restarts. */

/* How far a transfer is: @done bytes of @size, @upload or download. Called
 * on the sync's thread, often; a listener throttles what it shows. */
typedef void (*XasoSyncBlobProgress) (const char *name,
                                      gboolean    upload,
                                      gint64      done,
                                      gint64      size,
                                      gpointer    user_data);

typedef struct
{
  XasoSyncBlobProgress  func;
  gpointer              data;
} XasoSyncBlobListener;

/* The blob @op names when it inserts an attachment or changes its sha256,
 * or NULL. */
const char *xaso_sync_op_blob             (const XasoSyncOp  *op);
/* Whether the blob is stored on this desktop but not known complete on the
 * server: an op naming it is held until it is uploaded. */
gboolean    xaso_sync_blob_needs_upload   (XasoDatabase      *db,
                                           const char        *name);
/* The place in @ops (XasoSyncOp) of the first held op, or -1; *@name is
 * the blob it waits for (owned by the op). */
int         xaso_sync_blobs_first_held    (XasoDatabase      *db,
                                           GPtrArray         *ops,
                                           const char       **name);

/* Lists blob @name as an upload to come (queued, nothing sent) unless a
 * transfer of it is recorded already: so a file held back while the
 * server cannot be reached is shown waiting before any attempt. */
gboolean    xaso_sync_blobs_queue_upload  (XasoDatabase      *db,
                                           const char        *name,
                                           GError           **error);

/* Sends blob @name: HEAD first, then 1 MiB chunks from the offset the
 * server keeps. TRUE once the server holds it whole (recorded, so ops
 * naming it are no longer held). */
gboolean    xaso_sync_blob_upload         (XasoDatabase          *db,
                                           XasoSyncHttp          *http,
                                           const char            *name,
                                           XasoSyncBlobListener  *listener,
                                           GCancellable          *cancellable,
                                           GError               **error);

/* Queues downloads of the blobs named in @names (a set of sha256) that
 * this desktop lacks; in the pull's transaction. */
gboolean    xaso_sync_blobs_queue_downloads (XasoDatabase    *db,
                                             GHashTable      *names,
                                             GError         **error);
/* Fetches the queued downloads, each into "<path>.part" first, resuming
 * from what the .part holds, adding the bytes that came to *@received. A
 * blob the server lacks yet (404) waits for the next round and is no
 * error. Returns the number of files put in place, or -1 with @error set
 * (the server could not be reached). */
int         xaso_sync_blobs_download_all  (XasoDatabase          *db,
                                           XasoSyncHttp          *http,
                                           XasoSyncBlobListener  *listener,
                                           guint64               *received,
                                           GCancellable          *cancellable,
                                           GError               **error);

/* Where transfers stand, for `xasoctl sync status` and the Đồng bộ page. */
guint       xaso_sync_blobs_count         (XasoDatabase      *db,
                                           gboolean           upload);

/* One transfer as the Đồng bộ page lists it. */
typedef struct
{
  char     *name;
  char     *file_name;   /* from an attachment row naming it */
  gboolean  upload;
  gint64    done;
  gint64    size;
  char     *state;       /* queued, waiting */
  char     *last_error;
} XasoSyncTransfer;

void        xaso_sync_transfer_free       (XasoSyncTransfer  *transfer);
/* The transfers not finished (XasoSyncTransfer), uploads first. */
GPtrArray  *xaso_sync_blobs_list          (XasoDatabase      *db,
                                           GError           **error);

/* Records a transfer's progress or end in blob_transfer (internal to the
 * upload and download code). */
gboolean    _xaso_sync_blob_record        (XasoDatabase      *db,
                                           const char        *name,
                                           gboolean           upload,
                                           gint64             size,
                                           gint64             done,
                                           const char        *state,
                                           const char        *last_error,
                                           gboolean           attempt);
char       *_xaso_sync_blob_hex_sha256    (const void        *data,
                                           gsize              len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoSyncTransfer, xaso_sync_transfer_free)

G_END_DECLS
