/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-auth.h"
#include "xaso-server-blobs.h"
#include "xaso-server-metrics.h"

/* PUT /v1/blobs/{name}: one chunk of a resumable upload. The blob's row is
 * locked while the chunk is appended, so two desktops uploading the same blob
 * take turns; the last chunk is verified against the declared SHA-256 before
 * the blob is published, and a blob that fails is forgotten whole. */

typedef struct
{
  gint64  offset;            /* Upload-Offset: where the chunk starts */
  gint64  length;            /* Upload-Length: the whole blob */
  char   *sha256;            /* Content-Sha256, lower case */
  GBytes *data;
} Chunk;

static void
chunk_clear (Chunk *chunk)
{
  g_clear_pointer (&chunk->sha256, g_free);
  g_clear_pointer (&chunk->data, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chunk, chunk_clear)

static gboolean
bad_request (GError     **error,
             const char  *message)
{
  g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST, "Yêu cầu không hợp lệ: %s", message);
  return FALSE;
}

static gboolean
read_sha256 (const XasoServerRequest  *request,
             Chunk                    *chunk,
             GError                  **error)
{
  const char *text = xaso_server_request_header (request, "Content-Sha256");

  if (text == NULL || strlen (text) != 64 || strspn (text, "0123456789abcdefABCDEF") != 64)
    return bad_request (error, "tiêu đề “Content-Sha256” phải là 64 chữ số thập lục phân.");
  chunk->sha256 = g_ascii_strdown (text, -1);
  return TRUE;
}

/* Everything a chunk says about itself, checked before the database is
 * asked anything. */
static gboolean
read_chunk (const XasoServerRequest  *request,
            Chunk                    *chunk,
            GError                  **error)
{
  gsize size;

  if (!xaso_server_blob_header_int (request, "Upload-Length", 0, G_MAXINT64 / 2, &chunk->length, error))
    return FALSE;
  if (chunk->length > XASO_SYNC_BLOB_MAX)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOO_LARGE,
                   "Tệp quá lớn: máy chủ nhận tệp tối đa %" G_GINT64_FORMAT " MiB.",
                   XASO_SYNC_BLOB_MAX / (1024 * 1024));
      return FALSE;
    }
  if (!xaso_server_blob_header_int (request, "Upload-Offset", 0, chunk->length, &chunk->offset, error) ||
      !read_sha256 (request, chunk, error) ||
      (chunk->data = xaso_server_request_octet_body (request, error)) == NULL)
    return FALSE;
  size = g_bytes_get_size (chunk->data);
  if ((gint64) size > chunk->length - chunk->offset)
    return bad_request (error, "phần tệp vượt quá độ dài “Upload-Length” của tệp.");
  if ((gint64) size < chunk->length - chunk->offset && size != XASO_SYNC_BLOB_CHUNK)
    return bad_request (error, "mỗi phần tệp trừ phần cuối phải dài đúng 1 MiB.");
  return TRUE;
}

static char *
progress_body (gint64   offset,
               gboolean complete)
{
  return g_strdup_printf ("{\"offset\":%" G_GINT64_FORMAT ",\"complete\":%s}", offset,
                          complete ? "true" : "false");
}

/* Makes the row the chunk needs when there is none; a concurrent uploader's
 * insert is waited for, and then this one does nothing. */
static gboolean
ensure_row (XasoPg       *pg,
            const char   *commune,
            const char   *name,
            const Chunk  *chunk,
            GError      **error)
{
  g_autofree char *length = g_strdup_printf ("%" G_GINT64_FORMAT, chunk->length);
  const char *values[] = { commune, name, length, chunk->sha256 };
  g_autoptr(PGresult) result = xaso_pg_query (pg, "blob_insert",
                                              "INSERT INTO blob (commune_code, name, size, sha256) "
                                              "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                                              4, values, error);

  return result != NULL;
}

/* Upload-Offset 0: the upload starts over with this chunk's length and
 * checksum, forgetting what was kept. */
static gboolean
start_over (XasoPg          *pg,
            const char      *commune,
            const char      *name,
            const Chunk     *chunk,
            XasoServerBlob  *blob,
            GError         **error)
{
  g_autofree char *length = g_strdup_printf ("%" G_GINT64_FORMAT, chunk->length);
  const char *keys[] = { commune, name };
  const char *values[] = { commune, name, length, chunk->sha256 };
  g_autoptr(PGresult) deleted = NULL;
  g_autoptr(PGresult) updated = NULL;

  deleted = xaso_pg_query (pg, "blob_forget_chunks",
                           "DELETE FROM blob_chunk WHERE commune_code = $1 AND name = $2", 2, keys, error);
  if (deleted == NULL)
    return FALSE;
  updated = xaso_pg_query (pg, "blob_start_over",
                           "UPDATE blob SET size = $3, sha256 = $4, received = 0, created_at = now(), "
                           "touched_at = now() "
                           "WHERE commune_code = $1 AND name = $2",
                           4, values, error);
  if (updated == NULL)
    return FALSE;
  blob->size = chunk->length;
  g_free (blob->sha256);
  blob->sha256 = g_strdup (chunk->sha256);
  blob->received = 0;
  return TRUE;
}

static gboolean
append_chunk (XasoPg       *pg,
              const char   *commune,
              const char   *name,
              const Chunk  *chunk,
              GError      **error)
{
  g_autofree char *offset = g_strdup_printf ("%" G_GINT64_FORMAT, chunk->offset);
  gsize size = 0;
  const char *data = g_bytes_get_data (chunk->data, &size);
  const char *values[] = { commune, name, offset, data };
  const int lengths[] = { 0, 0, 0, (int) size };
  g_autoptr(PGresult) result = NULL;

  if (size == 0)
    return TRUE;
  result = xaso_pg_query_binary (pg, "blob_append",
                                 "INSERT INTO blob_chunk (commune_code, name, chunk_offset, data) "
                                 "VALUES ($1, $2, $3, $4)",
                                 4, values, lengths, FALSE, error);
  return result != NULL;
}

/* The SHA-256 of the kept chunks before this one, read one at a time, then of
 * this one, which is still in memory. */
static char *
whole_sha256 (XasoPg       *pg,
              const char   *commune,
              const char   *name,
              const Chunk  *chunk,
              GError      **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize size = 0;
  const guint8 *data;

  for (gint64 at = 0; at < chunk->offset; at += XASO_SYNC_BLOB_CHUNK)
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GINT64_FORMAT, at);
      const char *values[] = { commune, name, offset };
      g_autoptr(PGresult) result = xaso_pg_query_binary (pg, "blob_chunk_read",
                                                         "SELECT data FROM blob_chunk WHERE commune_code = $1 "
                                                         "AND name = $2 AND chunk_offset = $3",
                                                         3, values, NULL, TRUE, error);

      if (result == NULL)
        return NULL;
      if (PQntuples (result) != 1 || PQgetlength (result, 0, 0) != XASO_SYNC_BLOB_CHUNK)
        {
          g_set_error (error, XASO_PG_ERROR, XASO_PG_ERROR_SQL,
                       "blob %s of commune %s: the chunk at %s is missing or cut short", name, commune, offset);
          return NULL;
        }
      g_checksum_update (checksum, (const guint8 *) PQgetvalue (result, 0, 0), XASO_SYNC_BLOB_CHUNK);
    }
  data = g_bytes_get_data (chunk->data, &size);
  g_checksum_update (checksum, data, (gssize) size);
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
set_received (XasoPg      *pg,
              const char  *commune,
              const char  *name,
              gint64       received,
              gboolean     complete,
              GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, received);
  const char *values[] = { commune, name, text, complete ? "true" : "false" };
  g_autoptr(PGresult) result = xaso_pg_query (pg, "blob_received",
                                              "UPDATE blob SET received = $3, complete = $4, touched_at = now() "
                                              "WHERE commune_code = $1 AND name = $2",
                                              4, values, error);

  return result != NULL;
}

static gboolean
forget (XasoPg      *pg,
        const char  *commune,
        const char  *name,
        GError     **error)
{
  const char *values[] = { commune, name };
  g_autoptr(PGresult) result = xaso_pg_query (pg, "blob_forget",
                                              "DELETE FROM blob WHERE commune_code = $1 AND name = $2",
                                              2, values, error);

  return result != NULL;
}

/* The last byte arrived: publish the blob if its bytes are what was
 * declared, forget the upload otherwise (committed either way). */
static XasoServerResponse *
finish (XasoPg       *pg,
        const char   *commune,
        const char   *name,
        const Chunk  *chunk,
        GError      **error)
{
  g_autofree char *sha256 = whole_sha256 (pg, commune, name, chunk, error);

  if (sha256 == NULL)
    return NULL;
  if (!g_str_equal (sha256, chunk->sha256))
    {
      if (!forget (pg, commune, name, error) || !xaso_pg_commit (pg, error))
        return NULL;
      xaso_server_metrics_blob_checksum_failed ();
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_CHECKSUM_MISMATCH,
                           "Tệp nhận được không khớp mã kiểm tra SHA-256 đã khai; máy chủ đã bỏ lần tải này, "
                           "hãy tải lại từ đầu.");
      return NULL;
    }
  if (!set_received (pg, commune, name, chunk->length, TRUE, error) || !xaso_pg_commit (pg, error))
    return NULL;
  xaso_server_metrics_blob_completed ();
  return xaso_server_response_json (200, progress_body (chunk->length, TRUE));
}

/* The chunk against the locked row: kept, refused (409), or not needed. */
static XasoServerResponse *
take_chunk (XasoPg       *pg,
            const char   *commune,
            const char   *name,
            const Chunk  *chunk,
            GError      **error)
{
  g_auto(XasoServerBlob) blob = { 0 };
  gsize size = g_bytes_get_size (chunk->data);
  gint64 received = chunk->offset + (gint64) size;
  XasoServerResponse *response = NULL;

  if (!ensure_row (pg, commune, name, chunk, error) ||
      !xaso_server_blob_load (pg, commune, name, TRUE, &blob, error))
    return NULL;
  if (blob.complete)
    {
      if (!xaso_pg_commit (pg, error))
        return NULL;
      return xaso_server_response_json (200, progress_body (blob.size, TRUE));
    }
  if (chunk->offset == 0 &&
      (blob.received != 0 || blob.size != chunk->length || !g_str_equal (blob.sha256, chunk->sha256)) &&
      !start_over (pg, commune, name, chunk, &blob, error))
    return NULL;
  if (chunk->offset != blob.received || chunk->length != blob.size || !g_str_equal (chunk->sha256, blob.sha256))
    {
      xaso_pg_rollback (pg);
      return xaso_server_blob_error_at (XASO_SYNC_ERROR_OFFSET_MISMATCH,
                                        chunk->offset != blob.received
                                        ? "Phần tệp không nối tiếp phần máy chủ đã có; hãy gửi tiếp từ vị trí "
                                          "máy chủ cho biết."
                                        : "Một lần tải khác của tệp này (độ dài hoặc mã kiểm tra khác) đang dở "
                                          "trên máy chủ; hãy gửi lại từ đầu.",
                                        blob.received);
    }
  if (!append_chunk (pg, commune, name, chunk, error))
    return NULL;
  if (received == chunk->length)
    response = finish (pg, commune, name, chunk, error);
  else if (set_received (pg, commune, name, received, FALSE, error) && xaso_pg_commit (pg, error))
    response = xaso_server_response_json (200, progress_body (received, FALSE));
  if (response != NULL)
    xaso_server_metrics_blob_received (size);
  return response;
}

XasoServerResponse *
xaso_server_blob_put (XasoPg                   *pg,
                      const XasoServerRequest  *request,
                      GError                  **error)
{
  g_auto(Chunk) chunk = { 0 };
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  XasoServerResponse *response;

  if (!read_chunk (request, &chunk, error) ||
      !xaso_server_auth_begin (pg, request, &commune, &device, error))
    return NULL;
  response = take_chunk (pg, commune, request->name, &chunk, error);
  if (response == NULL)
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  response->commune_code = g_steal_pointer (&commune);
  return response;
}
