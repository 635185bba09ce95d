/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "xaso-server-request.h"

/* Answers smaller than this go out as they are: gzip would barely help. */
#define COMPRESS_FROM 512

static const char * const endpoint_names[] = {
  [XASO_ENDPOINT_ENROLL] = "enroll",
  [XASO_ENDPOINT_PUSH] = "push",
  [XASO_ENDPOINT_PULL] = "pull",
  [XASO_ENDPOINT_HEALTH] = "health",
  [XASO_ENDPOINT_METRICS] = "metrics",
  [XASO_ENDPOINT_BLOBS] = "blobs",
  [XASO_ENDPOINT_INBOX] = "inbox",
  [XASO_ENDPOINT_LEASES] = "leases",
  [XASO_ENDPOINT_DIGEST] = "digest",
  [XASO_ENDPOINT_DIGEST_ROWS] = "digest_rows",
  [XASO_ENDPOINT_KEYS] = "keys",
  [XASO_ENDPOINT_KEY] = "key",
  [XASO_N_ENDPOINTS] = "other",
};

const char *
xaso_endpoint_name (XasoEndpoint endpoint)
{
  return endpoint_names[MIN (endpoint, XASO_N_ENDPOINTS)];
}

void
xaso_server_request_free (XasoServerRequest *request)
{
  if (request == NULL)
    return;
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->method);
  g_free (request->name);
  g_clear_pointer (&request->headers, g_hash_table_unref);
  g_free (request->content_type);
  g_free (request->content_encoding);
  g_free (request->authorization);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_free (request);
}

void
xaso_server_response_free (XasoServerResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->headers, g_ptr_array_unref);
  g_free (response->content_type);
  g_free (response->commune_code);
  g_free (response);
}

XasoServerResponse *
xaso_server_response_text (guint       status,
                           const char *content_type,
                           char       *text)
{
  XasoServerResponse *response = g_new0 (XasoServerResponse, 1);

  response->status = status;
  response->content_type = g_strdup (content_type);
  response->body = g_bytes_new_take (text, strlen (text));
  return response;
}

XasoServerResponse *
xaso_server_response_bytes (guint   status,
                            GBytes *bytes)
{
  XasoServerResponse *response = g_new0 (XasoServerResponse, 1);

  response->status = status;
  response->content_type = g_strdup ("application/octet-stream");
  response->body = g_bytes_ref (bytes);
  return response;
}

void
xaso_server_response_add_header (XasoServerResponse *response,
                                 const char         *name,
                                 const char         *value)
{
  if (response->headers == NULL)
    response->headers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (response->headers, g_strdup (name));
  g_ptr_array_add (response->headers, g_strdup (value));
}

XasoServerResponse *
xaso_server_response_json (guint  status,
                           char  *text)
{
  return xaso_server_response_text (status, "application/json", text);
}

XasoServerResponse *
xaso_server_response_error (const GError *error)
{
  XasoSyncError code = XASO_SYNC_ERROR_INTERNAL;
  const char *message = "Lỗi nội bộ của máy chủ; nhật ký của máy chủ ghi rõ hơn.";

  if (error->domain == XASO_SYNC_ERROR && error->code <= XASO_SYNC_ERROR_INTERNAL)
    {
      code = (XasoSyncError) error->code;
      message = error->message;
    }
  return xaso_server_response_json (xaso_sync_error_http_status (code), xaso_sync_error_body (code, message));
}

static GBytes *
convert (GBytes        *input,
         GConverter    *converter,
         gsize          limit,
         gboolean      *over,
         GError       **error)
{
  g_autoptr(GInputStream) source = g_memory_input_stream_new_from_bytes (input);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (source, converter);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[16384];

  *over = FALSE;
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      /* Stops reading at the limit: a small bomb must not fill memory. */
      if (out->len + (gsize) n > limit)
        {
          *over = TRUE;
          return NULL;
        }
      g_byte_array_append (out, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

void
xaso_server_response_compress (XasoServerResponse *response,
                               gboolean            accept_gzip)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GBytes) compressed = NULL;
  gboolean over;

  /* Blob bytes are sent as stored: mostly compressed or encrypted already,
   * and a Content-Range counts them as they are. */
  if (!accept_gzip || response->body == NULL || g_bytes_get_size (response->body) < COMPRESS_FROM ||
      g_strcmp0 (response->content_type, "application/octet-stream") == 0)
    return;
  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  compressed = convert (response->body, G_CONVERTER (compressor), G_MAXSIZE, &over, NULL);
  if (compressed == NULL)
    return;
  g_bytes_unref (response->body);
  response->body = g_steal_pointer (&compressed);
  response->gzipped = TRUE;
}

static gboolean
is_media_type (const char *content_type,
               const char *wanted)
{
  g_autofree char *type = NULL;

  if (content_type == NULL)
    return FALSE;
  type = g_ascii_strdown (content_type, -1);
  if (strchr (type, ';') != NULL)
    *strchr (type, ';') = '\0';
  return g_str_equal (g_strstrip (type), wanted);
}

static gboolean
too_large (GError **error)
{
  g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOO_LARGE,
               "Yêu cầu quá lớn: tối đa %d MiB sau khi giải nén.", XASO_SYNC_MAX_BODY / (1024 * 1024));
  return FALSE;
}

GBytes *
xaso_server_request_json_body (const XasoServerRequest  *request,
                               GError                  **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *encoding = request->content_encoding;
  gboolean over = FALSE;

  if (request->body_too_large)
    return too_large (error), NULL;
  if (!is_media_type (request->content_type, "application/json"))
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_WRONG_CONTENT_TYPE,
                           "Nội dung yêu cầu phải là JSON (Content-Type: application/json).");
      return NULL;
    }
  if (encoding == NULL || g_ascii_strcasecmp (encoding, "identity") == 0)
    {
      if (g_bytes_get_size (request->body) > XASO_SYNC_MAX_BODY)
        return too_large (error), NULL;
      return g_bytes_ref (request->body);
    }
  if (g_ascii_strcasecmp (encoding, "gzip") != 0)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_WRONG_CONTENT_TYPE,
                           "Máy chủ chỉ nhận nội dung nén gzip (Content-Encoding).");
      return NULL;
    }
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  body = convert (request->body, G_CONVERTER (decompressor), XASO_SYNC_MAX_BODY, &over, NULL);
  if (over)
    return too_large (error), NULL;
  if (body == NULL)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_JSON,
                           "Nội dung nén gzip bị hỏng.");
      return NULL;
    }
  return g_steal_pointer (&body);
}

GBytes *
xaso_server_request_octet_body (const XasoServerRequest  *request,
                                GError                  **error)
{
  const char *encoding = request->content_encoding;

  if (!is_media_type (request->content_type, "application/octet-stream") ||
      (encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0))
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_WRONG_CONTENT_TYPE,
                           "Phần tệp phải được gửi nguyên dạng, không nén "
                           "(Content-Type: application/octet-stream).");
      return NULL;
    }
  if (request->body_too_large || g_bytes_get_size (request->body) > XASO_SERVER_MAX_BLOB_BODY)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOO_LARGE,
                   "Phần tệp quá lớn: mỗi lần gửi tối đa %d MiB.", XASO_SYNC_BLOB_CHUNK / (1024 * 1024));
      return NULL;
    }
  return g_bytes_ref (request->body);
}

const char *
xaso_server_request_header (const XasoServerRequest *request,
                            const char              *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);

  return request->headers ? g_hash_table_lookup (request->headers, key) : NULL;
}

gboolean
xaso_server_request_query_int (const XasoServerRequest  *request,
                               const char               *name,
                               gint64                    min,
                               gint64                    max,
                               gint64                    fallback,
                               gint64                   *value,
                               GError                  **error)
{
  const char *text = request->query ? g_hash_table_lookup (request->query, name) : NULL;
  gint64 number;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, min, max, &number, NULL))
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                   "Tham số “%s” phải là số nguyên từ %" G_GINT64_FORMAT " đến %" G_GINT64_FORMAT ".",
                   name, min, max);
      return FALSE;
    }
  *value = number;
  return TRUE;
}
