/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-auth.h"
#include "xaso-server-http.h"
#include "xaso-server-metrics.h"

/* One request: routed on the main thread, its database work done by a
 * worker while the message is paused, and for a long-poll parked among the
 * waiters until its commune's log grows or its time is up. */

static const struct
{
  const char        *path;        /* ending in '/': followed by a name */
  const char        *methods;     /* as the Allow header lists them */
  XasoServerHandler  handler;     /* NULL: answered on the main thread */
} routes[XASO_N_ENDPOINTS] = {
  [XASO_ENDPOINT_ENROLL] = { "/v1/enroll", "POST", xaso_server_enroll_handle },
  [XASO_ENDPOINT_PUSH] = { "/v1/push", "POST", xaso_server_push_handle },
  [XASO_ENDPOINT_PULL] = { "/v1/pull", "GET", xaso_server_pull_handle },
  [XASO_ENDPOINT_HEALTH] = { "/v1/health", "GET", xaso_server_health_handle },
  [XASO_ENDPOINT_METRICS] = { "/v1/metrics", "GET", NULL },
  [XASO_ENDPOINT_BLOBS] = { "/v1/blobs/", "HEAD, PUT, GET", xaso_server_blobs_handle },
  [XASO_ENDPOINT_INBOX] = { "/v1/inbox/dossiers", "POST", xaso_server_inbox_handle },
  [XASO_ENDPOINT_LEASES] = { "/v1/leases", "POST", xaso_server_leases_handle },
  [XASO_ENDPOINT_DIGEST] = { "/v1/digest", "GET", xaso_server_digest_handle },
  [XASO_ENDPOINT_DIGEST_ROWS] = { "/v1/digest/rows", "GET", xaso_server_digest_rows_handle },
  [XASO_ENDPOINT_KEYS] = { "/v1/keys", "GET", xaso_server_keys_handle },
  [XASO_ENDPOINT_KEY] = { "/v1/keys/", "PUT", xaso_server_keys_handle },
};

typedef struct
{
  XasoServer        *server;
  SoupServerMessage *msg;
  XasoServerRequest *request;
  gulong             finished_id;
  gboolean           gone;         /* the message finished without us */
  gboolean           working;      /* a worker holds the request */
  guint              waiter_id;
  gint64             parked_at;    /* monotonic µs */
  guint64            generation;   /* of the commune, when the worker started */
} Exchange;

static gboolean
has_name (XasoEndpoint endpoint)
{
  return g_str_has_suffix (routes[endpoint].path, "/");
}

/* A route with a name takes any path under its prefix: the handler judges
 * the name (400 rather than 404 for a bad one). */
XasoEndpoint
xaso_server_route (const char *path)
{
  for (guint i = 0; path != NULL && i < XASO_N_ENDPOINTS; i++)
    if (has_name (i) ? g_str_has_prefix (path, routes[i].path) : g_str_equal (path, routes[i].path))
      return (XasoEndpoint) i;
  return XASO_N_ENDPOINTS;
}

static gboolean
route_has_method (XasoEndpoint  endpoint,
                  const char   *method)
{
  g_auto(GStrv) methods = g_strsplit (routes[endpoint].methods, ", ", -1);

  return g_strv_contains ((const char * const *) methods, method);
}

void
xaso_server_message_answer (XasoServer         *server,
                            SoupServerMessage  *msg,
                            XasoServerResponse *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, response->status, NULL);
  /* libsoup turns it into a 500 if the client is gone before it is sent. */
  g_object_set_data (G_OBJECT (msg), "xaso-answered", GUINT_TO_POINTER (response->status));
  soup_message_headers_replace (headers, "Content-Type", response->content_type);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (response->gzipped)
    soup_message_headers_replace (headers, "Content-Encoding", "gzip");
  soup_message_headers_append (headers, "Vary", "Accept-Encoding");
  for (guint i = 0; response->headers != NULL && i + 1 < response->headers->len; i += 2)
    {
      const char *name = g_ptr_array_index (response->headers, i);
      const char *value = g_ptr_array_index (response->headers, i + 1);

      /* A HEAD answer's length is the blob's, not its empty body's. */
      if (g_ascii_strcasecmp (name, "Content-Length") == 0)
        soup_message_headers_set_content_length (headers, g_ascii_strtoll (value, NULL, 10));
      else
        soup_message_headers_replace (headers, name, value);
    }
  /* Shutting down: keep-alive clients should not send another request here. */
  if (server->stopping)
    soup_message_headers_replace (headers, "Connection", "close");
  /* A HEAD answer, or an empty blob, has no body to append. */
  if (response->body != NULL && g_bytes_get_size (response->body) > 0)
    soup_message_body_append_bytes (soup_server_message_get_response_body (msg), response->body);
}

static void
exchange_free (Exchange *exchange)
{
  if (exchange->waiter_id != 0)
    xaso_server_waiters_remove (exchange->server->waiters, exchange->waiter_id);
  g_clear_signal_handler (&exchange->finished_id, exchange->msg);
  g_object_unref (exchange->msg);
  xaso_server_request_free (exchange->request);
  g_free (exchange);
}

/* The client went away while we held its request. */
static void
finished_cb (SoupServerMessage *msg,
             Exchange          *exchange)
{
  g_clear_signal_handler (&exchange->finished_id, msg);
  exchange->gone = TRUE;
  if (!exchange->working)
    exchange_free (exchange);
}

static void dispatch (Exchange *exchange);

static void
wake_cb (gpointer data)
{
  Exchange *exchange = data;

  exchange->waiter_id = 0;
  xaso_server_message_waited (exchange->msg, g_get_monotonic_time () - exchange->parked_at);
  exchange->request->no_wait = TRUE;
  dispatch (exchange);
}

/* Nothing to pull: wait, unless a commit for the commune came in while the
 * worker was reading (then read again at once). */
static void
park (Exchange           *exchange,
      XasoServerResponse *response)
{
  XasoServer *server = exchange->server;

  if (server->stopping ||
      xaso_server_waiters_generation (server->waiters, response->commune_code) != exchange->generation)
    {
      exchange->request->no_wait = TRUE;
      dispatch (exchange);
      return;
    }
  exchange->parked_at = g_get_monotonic_time ();
  exchange->waiter_id = xaso_server_waiters_add (server->waiters, response->commune_code,
                                                 response->wait_seconds, wake_cb, exchange);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Exchange *exchange = user_data;
  g_autoptr(XasoServerResponse) response = xaso_server_workers_run_finish (result);

  exchange->working = FALSE;
  if (response->log_grew)
    xaso_server_waiters_notify (exchange->server->waiters, response->commune_code);
  if (exchange->gone)
    {
      exchange_free (exchange);
      return;
    }
  if (response->wait)
    {
      park (exchange, response);
      return;
    }
  if (response->commune_code != NULL)
    g_object_set_data_full (G_OBJECT (exchange->msg), "xaso-commune", g_strdup (response->commune_code), g_free);
  xaso_server_message_answer (exchange->server, exchange->msg, response);
  soup_server_message_unpause (exchange->msg);
  exchange_free (exchange);
}

static void
dispatch (Exchange *exchange)
{
  /* The worker checks the token; its commune is read here, unchecked, only
   * to note how many commits that commune has seen so far. */
  g_autofree char *commune = xaso_server_token_commune (exchange->request->authorization);

  exchange->generation = commune ? xaso_server_waiters_generation (exchange->server->waiters, commune) : 0;
  exchange->working = TRUE;
  xaso_server_workers_run (exchange->server->workers, routes[exchange->request->endpoint].handler,
                           exchange->request, done_cb, exchange);
}

static gboolean
accepts_gzip (SoupMessageHeaders *headers)
{
  const char *header = soup_message_headers_get_list (headers, "Accept-Encoding");
  GSList *accepted;
  gboolean gzip = FALSE;

  if (header == NULL)
    return FALSE;
  accepted = soup_header_parse_quality_list (header, NULL);
  for (GSList *l = accepted; l != NULL; l = l->next)
    if (g_ascii_strcasecmp (l->data, "gzip") == 0)
      gzip = TRUE;
  soup_header_free_list (accepted);
  return gzip;
}

static GHashTable *
copy_query (GHashTable *query)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer name, value;

  if (query == NULL)
    return copy;
  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_hash_table_insert (copy, g_strdup (name), g_strdup (value));
  return copy;
}

static GHashTable *
copy_headers (SoupMessageHeaders *headers)
{
  static const char * const wanted[] = { XASO_SERVER_REQUEST_HEADERS };
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      const char *value = soup_message_headers_get_one (headers, wanted[i]);

      if (value != NULL)
        g_hash_table_insert (copy, g_ascii_strdown (wanted[i], -1), g_strdup (value));
    }
  return copy;
}

static XasoServerRequest *
request_new (SoupServerMessage *msg,
             const char        *path,
             XasoEndpoint       endpoint,
             GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  XasoServerRequest *request = g_new0 (XasoServerRequest, 1);

  request->endpoint = endpoint;
  request->method = g_strdup (soup_server_message_get_method (msg));
  if (has_name (endpoint))
    request->name = g_strdup (path + strlen (routes[endpoint].path));
  request->headers = copy_headers (headers);
  request->body = xaso_server_message_body (msg, &request->body_too_large);
  request->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  request->content_encoding = g_strdup (soup_message_headers_get_one (headers, "Content-Encoding"));
  request->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  request->query = copy_query (query);
  request->accept_gzip = accepts_gzip (headers);
  return request;
}

static void
answer_now (XasoServer         *server,
            SoupServerMessage  *msg,
            XasoServerResponse *response)
{
  xaso_server_message_answer (server, msg, response);
  xaso_server_response_free (response);
}

static void
answer_error (XasoServer        *server,
              SoupServerMessage *msg,
              XasoSyncError      code,
              const char        *message)
{
  g_autoptr(GError) error = g_error_new_literal (XASO_SYNC_ERROR, code, message);

  answer_now (server, msg, xaso_server_response_error (error));
}

/* A route's method, or a 404 / 405 answer. */
static gboolean
route_allows (XasoServer        *server,
              SoupServerMessage *msg,
              XasoEndpoint       endpoint)
{
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *message = NULL;

  if (endpoint == XASO_N_ENDPOINTS)
    {
      answer_error (server, msg, XASO_SYNC_ERROR_NOT_FOUND, "Máy chủ không có địa chỉ này.");
      return FALSE;
    }
  if (route_has_method (endpoint, method))
    return TRUE;
  message = g_strdup_printf ("Địa chỉ này chỉ nhận phương thức %s.", routes[endpoint].methods);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", routes[endpoint].methods);
  answer_error (server, msg, XASO_SYNC_ERROR_METHOD_NOT_ALLOWED, message);
  return FALSE;
}

void
xaso_server_exchange_start (XasoServer        *server,
                            SoupServerMessage *msg,
                            const char        *path,
                            GHashTable        *query)
{
  XasoEndpoint endpoint = xaso_server_route (path);
  Exchange *exchange;

  if (!route_allows (server, msg, endpoint))
    return;
  if (routes[endpoint].handler == NULL)
    {
      answer_now (server, msg, xaso_server_response_text (200, "text/plain; version=0.0.4; charset=utf-8",
                                                          xaso_server_metrics_render ()));
      return;
    }
  exchange = g_new0 (Exchange, 1);
  exchange->server = server;
  exchange->msg = g_object_ref (msg);
  exchange->request = request_new (msg, path, endpoint, query);
  exchange->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (finished_cb), exchange);
  soup_server_message_pause (msg);
  dispatch (exchange);
}
