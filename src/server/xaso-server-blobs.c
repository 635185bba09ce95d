/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-auth.h"
#include "xaso-server-blobs.h"

/* HEAD, PUT and GET /v1/blobs/{name}: the name is checked here, then each
 * method opens the request's transaction for the token's commune (row-level
 * security keeps every other commune's blobs out of sight). */

void
xaso_server_blob_clear (XasoServerBlob *blob)
{
  g_clear_pointer (&blob->sha256, g_free);
  *blob = (XasoServerBlob) { 0 };
}

gboolean
xaso_server_blob_load (XasoPg          *pg,
                       const char      *commune,
                       const char      *name,
                       gboolean         lock,
                       XasoServerBlob  *blob,
                       GError         **error)
{
  const char *values[] = { commune, name };
  g_autoptr(PGresult) result = NULL;

  xaso_server_blob_clear (blob);
  if (lock)
    result = xaso_pg_query (pg, "blob_lock",
                            "SELECT size, sha256, received, complete FROM blob "
                            "WHERE commune_code = $1 AND name = $2 FOR UPDATE",
                            2, values, error);
  else
    result = xaso_pg_query (pg, "blob_read",
                            "SELECT size, sha256, received, complete FROM blob "
                            "WHERE commune_code = $1 AND name = $2",
                            2, values, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return TRUE;
  blob->exists = TRUE;
  blob->size = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  blob->sha256 = g_strdup (PQgetvalue (result, 0, 1));
  blob->received = g_ascii_strtoll (PQgetvalue (result, 0, 2), NULL, 10);
  blob->complete = g_str_equal (PQgetvalue (result, 0, 3), "t");
  return TRUE;
}

gboolean
xaso_server_blob_header_int (const XasoServerRequest  *request,
                             const char               *name,
                             gint64                    min,
                             gint64                    max,
                             gint64                   *value,
                             GError                  **error)
{
  const char *text = xaso_server_request_header (request, name);

  /* Digits only: no sign, no spaces, as HTTP writes lengths. */
  if (text == NULL || *text == '\0' || strspn (text, "0123456789") != strlen (text) ||
      !g_ascii_string_to_signed (text, 10, min, max, value, NULL))
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                   "Yêu cầu không hợp lệ: tiêu đề “%s” phải là số nguyên từ %" G_GINT64_FORMAT
                   " đến %" G_GINT64_FORMAT ".", name, min, max);
      return FALSE;
    }
  return TRUE;
}

static char *
error_body_at (XasoSyncError  code,
               const char    *message,
               gint64         offset)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, xaso_sync_error_code_name (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, offset);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

XasoServerResponse *
xaso_server_blob_error_at (XasoSyncError  code,
                           const char    *message,
                           gint64         offset)
{
  return xaso_server_response_json (xaso_sync_error_http_status (code), error_body_at (code, message, offset));
}

/* HEAD of a blob not complete: 404, and how far its upload has come. */
static XasoServerResponse *
not_complete (const XasoServerBlob *blob)
{
  g_autoptr(GError) error = g_error_new_literal (XASO_SYNC_ERROR, XASO_SYNC_ERROR_NOT_FOUND,
                                                 "Máy chủ chưa có đủ tệp này.");
  XasoServerResponse *response = xaso_server_response_error (error);
  g_autofree char *offset = g_strdup_printf ("%" G_GINT64_FORMAT, blob->received);
  g_autofree char *length = g_strdup_printf ("%" G_GINT64_FORMAT, blob->size);

  if (blob->exists)
    {
      xaso_server_response_add_header (response, "Upload-Offset", offset);
      xaso_server_response_add_header (response, "Upload-Length", length);
    }
  return response;
}

static gboolean
name_valid (const char *name)
{
  if (name == NULL || strlen (name) != 64)
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

/* HEAD: 200 with the blob's length when it is complete; otherwise 404, with
 * how far its upload has come when one has begun. */
static XasoServerResponse *
blob_head (XasoPg                   *pg,
           const XasoServerRequest  *request,
           GError                  **error)
{
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  g_auto(XasoServerBlob) blob = { 0 };
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autofree char *length = NULL;
  XasoServerResponse *response;

  if (!xaso_server_auth_begin (pg, request, &commune, &device, error))
    return NULL;
  if (!xaso_server_blob_load (pg, commune, request->name, FALSE, &blob, error) ||
      !xaso_pg_commit (pg, error))
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  if (!blob.complete)
    response = not_complete (&blob);
  else
    {
      response = xaso_server_response_bytes (200, empty);
      length = g_strdup_printf ("%" G_GINT64_FORMAT, blob.size);
      xaso_server_response_add_header (response, "Content-Length", length);
    }
  response->commune_code = g_steal_pointer (&commune);
  return response;
}

XasoServerResponse *
xaso_server_blobs_handle (XasoPg                   *pg,
                          const XasoServerRequest  *request,
                          GError                  **error)
{
  if (!name_valid (request->name))
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                           "Yêu cầu không hợp lệ: tên tệp phải là 64 chữ số thập lục phân viết thường.");
      return NULL;
    }
  if (g_str_equal (request->method, "HEAD"))
    return blob_head (pg, request, error);
  if (g_str_equal (request->method, "PUT"))
    return xaso_server_blob_put (pg, request, error);
  return xaso_server_blob_get (pg, request, error);
}
