/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-auth.h"
#include "xaso-server-blobs.h"
#include "xaso-server-metrics.h"

/* GET /v1/blobs/{name}: a range of a complete blob, at most 8 MiB per answer.
 * Only the chunks the range overlaps are read, one at a time and only their
 * part in the range, so an answer is the most the server holds for it. */

typedef struct
{
  gboolean asked;            /* a Range header came */
  gint64   first;
  gint64   last;             /* G_MAXINT64: to the end */
} Range;

static gboolean
parse_number (const char  *text,
              gsize        length,
              gint64      *value)
{
  g_autofree char *digits = g_strndup (text, length);

  return length > 0 && strspn (digits, "0123456789") == length &&
         g_ascii_string_to_signed (digits, 10, 0, G_MAXINT64, value, NULL);
}

/* "bytes=A-" or "bytes=A-B", nothing else (no suffix, no list). */
static gboolean
read_range (const XasoServerRequest  *request,
            Range                    *range,
            GError                  **error)
{
  const char *text = xaso_server_request_header (request, "Range");
  const char *dash;

  *range = (Range) { .asked = text != NULL, .first = 0, .last = G_MAXINT64 };
  if (text == NULL)
    return TRUE;
  if (g_ascii_strncasecmp (text, "bytes=", 6) == 0 && (dash = strchr (text + 6, '-')) != NULL &&
      parse_number (text + 6, dash - (text + 6), &range->first) &&
      (dash[1] == '\0' || parse_number (dash + 1, strlen (dash + 1), &range->last)) &&
      range->last >= range->first)
    return TRUE;
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                       "Yêu cầu không hợp lệ: tiêu đề “Range” phải có dạng bytes=A- hoặc bytes=A-B với A ≤ B.");
  return FALSE;
}

/* Appends the bytes [first, last] of the chunk that starts at chunk_start. */
static gboolean
read_part (XasoPg      *pg,
           const char  *commune,
           const char  *name,
           gint64       chunk_start,
           gint64       first,
           gint64       last,
           GByteArray  *out,
           GError     **error)
{
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, chunk_start);
  g_autofree char *from = g_strdup_printf ("%" G_GINT64_FORMAT, first - chunk_start + 1);
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, last - first + 1);
  const char *values[] = { commune, name, start, from, count };
  g_autoptr(PGresult) result = NULL;

  result = xaso_pg_query_binary (pg, "blob_part",
                                 "SELECT substring(data FROM $4::integer FOR $5::integer) FROM blob_chunk "
                                 "WHERE commune_code = $1 AND name = $2 AND chunk_offset = $3",
                                 5, values, NULL, TRUE, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1 || PQgetlength (result, 0, 0) != last - first + 1)
    {
      g_set_error (error, XASO_PG_ERROR, XASO_PG_ERROR_SQL,
                   "blob %s of commune %s: the chunk at %s is missing or cut short", name, commune, start);
      return FALSE;
    }
  g_byte_array_append (out, (const guint8 *) PQgetvalue (result, 0, 0), (guint) (last - first + 1));
  return TRUE;
}

static GBytes *
read_bytes (XasoPg      *pg,
            const char  *commune,
            const char  *name,
            gint64       first,
            gint64       last,
            GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new ((guint) (last - first + 1));

  for (gint64 at = first - first % XASO_SYNC_BLOB_CHUNK; at <= last; at += XASO_SYNC_BLOB_CHUNK)
    if (!read_part (pg, commune, name, at, MAX (first, at), MIN (last, at + XASO_SYNC_BLOB_CHUNK - 1), out,
                    error))
      return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static XasoServerResponse *
answer_range (XasoPg                *pg,
              const char            *commune,
              const char            *name,
              const XasoServerBlob  *blob,
              const Range           *range,
              GError               **error)
{
  gint64 last = MIN (MIN (range->last, blob->size - 1), range->first + XASO_SYNC_BLOB_MAX_RANGE - 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_range = NULL;
  XasoServerResponse *response;

  if ((bytes = read_bytes (pg, commune, name, range->first, last, error)) == NULL)
    return NULL;
  if (!xaso_pg_commit (pg, error))
    return NULL;
  xaso_server_metrics_blob_served (g_bytes_get_size (bytes));
  /* The whole blob without a Range is a plain 200. */
  if (!range->asked && last == blob->size - 1)
    return xaso_server_response_bytes (200, bytes);
  response = xaso_server_response_bytes (206, bytes);
  content_range = g_strdup_printf ("bytes %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                   range->first, last, blob->size);
  xaso_server_response_add_header (response, "Content-Range", content_range);
  return response;
}

static XasoServerResponse *
answer_blob (XasoPg        *pg,
             const char    *commune,
             const char    *name,
             const Range   *range,
             GError       **error)
{
  g_auto(XasoServerBlob) blob = { 0 };
  g_autofree char *unsatisfied = NULL;
  g_autoptr(GError) refusal = NULL;
  XasoServerResponse *response;

  if (!xaso_server_blob_load (pg, commune, name, FALSE, &blob, error))
    return NULL;
  if (!blob.complete)
    {
      xaso_pg_rollback (pg);
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_NOT_FOUND, "Máy chủ chưa có đủ tệp này.");
      return NULL;
    }
  if (!range->asked || range->first < blob.size)
    return answer_range (pg, commune, name, &blob, range, error);
  xaso_pg_rollback (pg);
  refusal = g_error_new (XASO_SYNC_ERROR, XASO_SYNC_ERROR_RANGE_NOT_SATISFIABLE,
                         "Vị trí đầu của “Range” vượt quá độ dài tệp (%" G_GINT64_FORMAT " byte).", blob.size);
  response = xaso_server_response_error (refusal);
  unsatisfied = g_strdup_printf ("bytes */%" G_GINT64_FORMAT, blob.size);
  xaso_server_response_add_header (response, "Content-Range", unsatisfied);
  return response;
}

XasoServerResponse *
xaso_server_blob_get (XasoPg                   *pg,
                      const XasoServerRequest  *request,
                      GError                  **error)
{
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  XasoServerResponse *response;
  Range range;

  if (!read_range (request, &range, error) ||
      !xaso_server_auth_begin (pg, request, &commune, &device, error))
    return NULL;
  response = answer_blob (pg, commune, request->name, &range, error);
  if (response == NULL)
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  response->commune_code = g_steal_pointer (&commune);
  return response;
}
