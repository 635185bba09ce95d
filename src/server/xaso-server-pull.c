/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-auth.h"
#include "xaso-server-handlers.h"
#include "xaso-server-metrics.h"

/* GET /v1/pull?after=N&limit=L[&wait=S]: a page of the commune's log. The
 * entries are stored as the JSON text they are served as, so a page is put
 * together without parsing one of them. */

typedef struct
{
  gint64 after;
  gint64 limit;
  gint64 wait;
} PullQuery;

static gboolean
read_query (const XasoServerRequest  *request,
            PullQuery                *q,
            GError                  **error)
{
  return xaso_server_request_query_int (request, "after", 0, G_MAXINT64 - 1, 0, &q->after, error) &&
         xaso_server_request_query_int (request, "limit", 1, XASO_SYNC_MAX_ENTRIES, XASO_SYNC_MAX_ENTRIES,
                                        &q->limit, error) &&
         xaso_server_request_query_int (request, "wait", 1, XASO_SYNC_MAX_WAIT, 0, &q->wait, error);
}

/* c(after): the checksum a page without entries carries. */
static char *
checksum_at (XasoPg      *pg,
             const char  *commune,
             gint64       after,
             GError     **error)
{
  g_autofree char *after_text = g_strdup_printf ("%" G_GINT64_FORMAT, after);
  const char *values[] = { commune, after_text };
  g_autoptr(PGresult) result = NULL;

  if (after == 0)
    return g_strdup (XASO_SYNC_CHECKSUM_ZERO);
  result = xaso_pg_query (pg, "pull_checksum",
                          "SELECT checksum FROM log WHERE commune_code = $1 AND server_seq = $2",
                          2, values, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                           "Yêu cầu không hợp lệ: “after” vượt quá nhật ký của xã trên máy chủ.");
      return NULL;
    }
  return g_strdup (PQgetvalue (result, 0, 0));
}

static PGresult *
read_page (XasoPg           *pg,
           const char       *commune,
           const PullQuery  *q,
           GError          **error)
{
  g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, q->after);
  /* One more than asked tells whether there is more. */
  g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, q->limit + 1);
  const char *values[] = { commune, after, limit };

  return xaso_pg_query (pg, "pull_page",
                        "SELECT server_seq, entry, checksum FROM log "
                        "WHERE commune_code = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3",
                        3, values, error);
}

static char *
page_body (PGresult        *page,
           const PullQuery *q,
           const char      *empty_checksum)
{
  int n = MIN (PQntuples (page), (int) q->limit);
  GString *out = g_string_new ("{\"entries\":[");
  const char *last_seq = NULL;
  const char *checksum = empty_checksum;

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, PQgetvalue (page, i, 1));
      last_seq = PQgetvalue (page, i, 0);
      checksum = PQgetvalue (page, i, 2);
    }
  g_string_append (out, "],\"last_seq\":");
  if (last_seq != NULL)
    g_string_append (out, last_seq);
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, q->after);
  g_string_append_printf (out, ",\"more\":%s,\"checksum\":\"%s\"}",
                          PQntuples (page) > n ? "true" : "false", checksum);
  return g_string_free (out, FALSE);
}

static XasoServerResponse *
answer_page (XasoPg           *pg,
             const char       *commune,
             const PullQuery  *q,
             gboolean          may_wait,
             GError          **error)
{
  g_autoptr(PGresult) page = read_page (pg, commune, q, error);
  g_autofree char *empty_checksum = NULL;
  XasoServerResponse *response;

  if (page == NULL)
    return NULL;
  if (PQntuples (page) == 0 && (empty_checksum = checksum_at (pg, commune, q->after, error)) == NULL)
    return NULL;
  if (!xaso_pg_commit (pg, error))
    return NULL;
  if (PQntuples (page) == 0 && may_wait)
    {
      response = g_new0 (XasoServerResponse, 1);
      response->wait = TRUE;
      response->wait_seconds = (guint) q->wait;
      return response;
    }
  xaso_server_metrics_served ((guint) MIN (PQntuples (page), q->limit));
  return xaso_server_response_json (200, page_body (page, q, empty_checksum));
}

XasoServerResponse *
xaso_server_pull_handle (XasoPg                   *pg,
                         const XasoServerRequest  *request,
                         GError                  **error)
{
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  PullQuery q = { 0 };
  XasoServerResponse *response;

  if (!xaso_server_auth_begin (pg, request, &commune, &device, error))
    return NULL;
  if (!read_query (request, &q, error) ||
      (response = answer_page (pg, commune, &q, q.wait > 0 && !request->no_wait, error)) == NULL)
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  response->commune_code = g_steal_pointer (&commune);
  return response;
}

XasoServerResponse *
xaso_server_health_handle (XasoPg                   *pg,
                           const XasoServerRequest  *request,
                           GError                  **error)
{
  g_autoptr(PGresult) result = xaso_pg_query (pg, "health", "SELECT 1", 0, NULL, error);

  if (result == NULL)
    return NULL;
  return xaso_server_response_json (200, g_strdup ("{\"status\":\"ok\"}"));
}
