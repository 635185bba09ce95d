/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-digest.h"
#include "xaso-server-handlers.h"
#include "xaso-sync-row-digest.h"

/* GET /v1/digest/rows?table=T&bucket=B: the rows of one bucket as the server
 * holds them, each field with its value and version, for a desktop to repair
 * what differs. The bucket is the first byte of the SHA-256 of the row's id,
 * computed here by PostgreSQL exactly as the codec does. */

#define ROWS_SQL \
  "SELECT h.row_id, h.deleted, h.version, f.field, f.value::text, f.version " \
  "FROM row_head h LEFT JOIN row_field f " \
  "ON f.commune_code = h.commune_code AND f.table_name = h.table_name AND f.row_id = h.row_id " \
  "WHERE h.commune_code = $1 AND h.table_name = $2 " \
  "AND get_byte (sha256 (convert_to (h.row_id, 'UTF8')), 0) = $3::int " \
  "ORDER BY h.row_id, f.field"

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

typedef struct
{
  GString *out;
  char    *row_id;     /* of the row open in out */
} RowsBody;

static void
close_row (RowsBody *body)
{
  if (body->row_id != NULL)
    g_string_append (body->out, "}}");
}

/* Columns: row_id, deleted, version, field, value, field version. */
static void
add_row (PGresult *row,
         gpointer  user_data)
{
  RowsBody *body = user_data;
  const char *row_id = PQgetvalue (row, 0, 0);

  if (body->row_id == NULL || !g_str_equal (body->row_id, row_id))
    {
      gboolean first = body->row_id == NULL;

      close_row (body);
      g_free (body->row_id);
      body->row_id = g_strdup (row_id);
      g_string_append (body->out, first ? "{\"id\":" : ",{\"id\":");
      append_string (body->out, row_id);
      g_string_append_printf (body->out, ",\"deleted\":%s,\"version\":%s,\"fields\":{",
                              g_str_equal (PQgetvalue (row, 0, 1), "t") ? "true" : "false",
                              PQgetvalue (row, 0, 2));
    }
  else
    g_string_append_c (body->out, ',');
  if (PQgetisnull (row, 0, 3))
    {
      /* A row without fields: undo the comma a second field would need. */
      if (body->out->str[body->out->len - 1] == ',')
        g_string_truncate (body->out, body->out->len - 1);
      return;
    }
  append_string (body->out, PQgetvalue (row, 0, 3));
  g_string_append_printf (body->out, ":{\"value\":%s,\"version\":%s}", PQgetvalue (row, 0, 4), PQgetvalue (row, 0, 5));
}

XasoServerResponse *
xaso_server_digest_rows_handle (XasoPg                   *pg,
                                const XasoServerRequest  *request,
                                GError                  **error)
{
  g_autofree char *commune = NULL;
  g_autofree char *bucket_text = NULL;
  RowsBody body = { g_string_new (NULL), NULL };
  const char *table;
  gint64 bucket = 0;
  gint64 server_seq = 0;
  XasoServerResponse *response;
  const char *values[3];

  if ((table = xaso_server_digest_table (request, TRUE, error)) == NULL ||
      !xaso_server_request_query_int (request, "bucket", 0, XASO_SYNC_DIGEST_BUCKETS - 1, -1, &bucket, error))
    goto failed;
  if (bucket < 0)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                           "Yêu cầu không hợp lệ: thiếu “bucket” (0 đến 255).");
      goto failed;
    }
  if (!xaso_server_digest_begin (pg, request, &commune, &server_seq, error))
    goto failed;
  bucket_text = g_strdup_printf ("%" G_GINT64_FORMAT, bucket);
  values[0] = commune;
  values[1] = table;
  values[2] = bucket_text;
  g_string_append_printf (body.out, "{\"server_seq\":%" G_GINT64_FORMAT ",\"table\":\"%s\",\"bucket\":%s,\"rows\":[",
                          server_seq, table, bucket_text);
  if (!xaso_pg_stream (pg, ROWS_SQL, 3, values, add_row, &body, error) || !xaso_pg_commit (pg, error))
    goto failed;
  close_row (&body);
  g_string_append (body.out, "]}");
  g_free (body.row_id);
  response = xaso_server_response_json (200, g_string_free (body.out, FALSE));
  response->commune_code = g_steal_pointer (&commune);
  return response;

failed:
  xaso_pg_rollback (pg);
  g_free (body.row_id);
  g_string_free (body.out, TRUE);
  return NULL;
}
