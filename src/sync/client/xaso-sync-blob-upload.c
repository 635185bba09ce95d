/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-attachment.h"
#include "xaso-sync-blobs.h"

/* An upload that keeps being sent back (409) this often in a row is a
 * server and desktop that disagree, not a race to wait out. */
#define MAX_REWINDS 4

typedef struct
{
  XasoDatabase         *db;
  XasoSyncHttp         *http;
  const char           *name;
  char                 *path;            /* /v1/blobs/{name} */
  const char           *bytes;
  gint64                length;
  char                 *sha256;          /* of the bytes as stored */
  gint64                offset;          /* what the server keeps */
  XasoSyncBlobListener *listener;
} Upload;

static void
tell (Upload *up,
      gint64  done)
{
  if (up->listener != NULL && up->listener->func != NULL)
    up->listener->func (up->name, TRUE, done, up->length, up->listener->data);
}

static void
chunk_progress (gint64   bytes,
                gpointer data)
{
  Upload *up = data;

  tell (up, up->offset + bytes);
}

static gboolean
bad_answer (GError **error)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                       _("The server’s answer does not follow the sync protocol."));
  return FALSE;
}

static gint64
header_int (XasoSyncHttp *http,
            const char   *name,
            gint64        otherwise)
{
  g_autofree char *value = xaso_sync_http_header (http, name);
  gint64 n;

  if (value == NULL || !g_ascii_string_to_signed (g_strstrip (value), 10, 0, G_MAXINT64, &n, NULL))
    return otherwise;
  return n;
}

/* Whether the server holds the blob whole (*complete), or where an upload
 * already begun stands. */
static gboolean
ask (Upload        *up,
     gboolean      *complete,
     GCancellable  *cancellable,
     GError       **error)
{
  XasoSyncHttpRequest request = { .head = TRUE };
  int status = xaso_sync_http_send (up->http, "HEAD", up->path, &request, cancellable, error);

  g_clear_pointer (&request.answer, json_node_unref);
  if (status < 0)
    return FALSE;
  *complete = status == 200;
  up->offset = 0;
  /* A begun upload of another length is started over. */
  if (status == 404 && header_int (up->http, "Upload-Length", -1) == up->length)
    up->offset = CLAMP (header_int (up->http, "Upload-Offset", 0), 0, up->length);
  return status == 200 || status == 404 || bad_answer (error);
}

/* The offset an answer names, at its top or in its error. */
static gint64
answer_offset (JsonNode *answer)
{
  JsonObject *object;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return -1;
  object = json_node_get_object (answer);
  if (!json_object_has_member (object, "offset") && json_object_has_member (object, "error") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "error")))
    object = json_object_get_object_member (object, "error");
  return json_object_get_int_member_with_default (object, "offset", -1);
}

/* Sends the chunk at up->offset. Returns the HTTP status (200, 409...), or
 * -1; *@complete says the server published the blob. */
static int
send_chunk (Upload        *up,
            gboolean      *complete,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize len = (gsize) MIN ((gint64) XASO_SYNC_BLOB_CHUNK, up->length - up->offset);
  g_autofree char *offset = g_strdup_printf ("Upload-Offset: %" G_GINT64_FORMAT, up->offset);
  g_autofree char *length = g_strdup_printf ("Upload-Length: %" G_GINT64_FORMAT, up->length);
  g_autofree char *sum = g_strdup_printf ("Content-Sha256: %s", up->sha256);
  const char *headers[] = { "Content-Type: application/octet-stream", offset, length, sum, "Expect:", NULL };
  XasoSyncHttpRequest request = { headers, up->bytes != NULL ? up->bytes + up->offset : "", len };
  gint64 next;
  int status;

  request.progress = chunk_progress;
  request.progress_data = up;
  status = xaso_sync_http_send (up->http, "PUT", up->path, &request, cancellable, error);
  next = answer_offset (request.answer);
  *complete = status == 200 && request.answer != NULL && JSON_NODE_HOLDS_OBJECT (request.answer) &&
              json_object_get_boolean_member_with_default (json_node_get_object (request.answer), "complete", FALSE);
  g_clear_pointer (&request.answer, json_node_unref);
  if (status == 422)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                   _("The server found the file %s damaged on its way and kept none of it; it will be sent "
                     "again."), up->name);
      return -1;
    }
  if (status == 200 || status == 409)
    {
      if (next < 0 || next > up->length)
        return bad_answer (error), -1;
      up->offset = next;
      return status;
    }
  if (status >= 0)
    bad_answer (error);
  return -1;
}

static gboolean
send_all (Upload        *up,
          GCancellable  *cancellable,
          GError       **error)
{
  gboolean complete = FALSE;
  guint rewinds = 0;

  if (!ask (up, &complete, cancellable, error))
    return FALSE;
  while (!complete)
    {
      gint64 before = up->offset;
      int status;

      _xaso_sync_blob_record (up->db, up->name, TRUE, up->length, up->offset, "queued", NULL, FALSE);
      tell (up, up->offset);
      if ((status = send_chunk (up, &complete, cancellable, error)) < 0)
        return FALSE;
      rewinds = status == 409 || up->offset <= before ? rewinds + 1 : 0;
      if (rewinds > MAX_REWINDS)
        return bad_answer (error);
    }
  return TRUE;
}

gboolean
xaso_sync_blob_upload (XasoDatabase          *db,
                       XasoSyncHttp          *http,
                       const char            *name,
                       XasoSyncBlobListener  *listener,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autofree char *file = xaso_attachment_get_path (db, name);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (file, FALSE, error);
  g_autoptr(GError) local = NULL;
  Upload up = { db, http, name, NULL, NULL, 0, NULL, 0, listener };
  gboolean ok;

  if (mapped == NULL)
    return FALSE;
  up.bytes = g_mapped_file_get_contents (mapped);
  up.length = (gint64) g_mapped_file_get_length (mapped);
  up.sha256 = _xaso_sync_blob_hex_sha256 (up.bytes != NULL ? up.bytes : "", (gsize) up.length);
  up.path = g_strconcat ("/v1/blobs/", name, NULL);
  _xaso_sync_blob_record (db, name, TRUE, up.length, 0, "queued", NULL, TRUE);
  ok = send_all (&up, cancellable, &local);
  if (ok)
    {
      _xaso_sync_blob_record (db, name, TRUE, up.length, up.length, "done", NULL, FALSE);
      tell (&up, up.length);
    }
  else
    {
      _xaso_sync_blob_record (db, name, TRUE, up.length, up.offset, "queued", local->message, FALSE);
      g_propagate_error (error, g_steal_pointer (&local));
    }
  g_free (up.sha256);
  g_free (up.path);
  return ok;
}
