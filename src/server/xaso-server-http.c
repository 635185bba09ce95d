/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <glib-unix.h>
#include <sys/socket.h>

#include "xaso-server-http.h"
#include "xaso-server-log.h"
#include "xaso-server-metrics.h"
#include "xaso-server-prune.h"

/* How long a shutdown waits for requests in progress before it gives up. */
#define DRAIN_SECONDS 30

/* What the server keeps on each message, from its headers to its last byte. */
typedef struct
{
  GByteArray *body;          /* the request body, up to the limit */
  gsize       limit;         /* of the route: a JSON body or a blob chunk */
  gboolean    too_large;
  gint64      started;       /* monotonic µs */
  gint64      waited;        /* µs parked as a long-poll, not serving */
  gboolean    counted;       /* in XasoServer.in_flight */
  char       *remote_host;   /* read while the client is surely there */
} MessageState;

static void
message_state_free (MessageState *state)
{
  g_byte_array_unref (state->body);
  g_free (state->remote_host);
  g_free (state);
}

static MessageState *
message_state (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), "xaso-state");
}

GBytes *
xaso_server_message_body (SoupServerMessage *msg,
                          gboolean          *too_large)
{
  MessageState *state = message_state (msg);
  GByteArray *body = g_steal_pointer (&state->body);

  /* Handed over, not copied: a request holds its body once. */
  state->body = g_byte_array_new ();
  *too_large = state->too_large;
  return g_byte_array_free_to_bytes (body);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              MessageState      *state)
{
  gsize size = g_bytes_get_size (chunk);

  /* Past the limit the rest is read and dropped: memory stays bounded
   * whatever a client sends, and the answer is 413. */
  if (state->too_large || state->body->len + size > state->limit)
    {
      state->too_large = TRUE;
      return;
    }
  g_byte_array_append (state->body, g_bytes_get_data (chunk, NULL), (guint) size);
}

/* Runs once the headers are read, before the body: libsoup would otherwise
 * keep a body of any size in memory. */
void
xaso_server_message_waited (SoupServerMessage *msg,
                            gint64             usec)
{
  MessageState *state = message_state (msg);

  if (state != NULL)
    state->waited += usec;
}

static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  MessageState *state = g_new0 (MessageState, 1);
  goffset length = soup_message_headers_get_content_length (headers);

  state->limit = xaso_server_route (path) == XASO_ENDPOINT_BLOBS ? XASO_SERVER_MAX_BLOB_BODY
                                                                 : XASO_SERVER_MAX_WIRE_BODY;
  state->too_large = length > (goffset) state->limit;
  /* Sized once when the length is announced: a 1 MiB chunk grown by
   * doubling would take 2 MiB. */
  state->body = g_byte_array_sized_new (state->too_large ? 0 : (guint) length);
  state->started = g_get_monotonic_time ();
  state->remote_host = g_strdup (soup_server_message_get_remote_host (msg));
  g_object_set_data_full (G_OBJECT (msg), "xaso-state", state, (GDestroyNotify) message_state_free);
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), state);
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  XasoServer *server = user_data;
  MessageState *state = message_state (msg);

  state->counted = TRUE;
  server->in_flight++;
  xaso_server_exchange_start (server, msg, path, query);
}

static void
stop_if_drained (XasoServer *server)
{
  if (server->stopping && server->in_flight == 0)
    g_main_loop_quit (server->loop);
}

static void
log_request (SoupServerMessage *msg,
             MessageState      *state,
             guint              status,
             gboolean           aborted)
{
  const char *commune = g_object_get_data (G_OBJECT (msg), "xaso-commune");
  GUri *uri = soup_server_message_get_uri (msg);
  gint64 elapsed = state ? g_get_monotonic_time () - state->started : 0;

  /* Not soup_server_message_get_remote_host () here: once the client has
   * gone, libsoup warns that it cannot say (and with G_DEBUG=fatal-warnings
   * the server stops). */
  xaso_server_log ("%s %s %s %u %.1fms%s%s%s", state && state->remote_host ? state->remote_host : "-",
                   soup_server_message_get_method (msg), uri ? g_uri_get_path (uri) : "-", status,
                   elapsed / 1000.0, commune ? " commune=" : "", commune ? commune : "",
                   aborted ? " aborted" : "");
}

static void
request_ended (XasoServer        *server,
               SoupServerMessage *msg,
               gboolean           aborted)
{
  MessageState *state = message_state (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  guint answered = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "xaso-answered"));
  guint status = soup_server_message_get_status (msg);

  if (soup_server_message_get_method (msg) == NULL)
    return;
  /* libsoup reports every 500 as aborted, and an answer the client left
   * before it was sent as a 500: what counts is the status the server
   * chose. Only a broken connection is aborted, and so is a request cut
   * before its body ended (an upload's chunk, say). */
  if (aborted && answered != 0 && answered != SOUP_STATUS_INTERNAL_SERVER_ERROR)
    status = answered;
  else
    aborted = aborted && (status != SOUP_STATUS_INTERNAL_SERVER_ERROR || state == NULL || !state->counted);
  log_request (msg, state, status, aborted);
  xaso_server_metrics_request (xaso_server_route (uri ? g_uri_get_path (uri) : NULL), status,
                               state ? g_get_monotonic_time () - state->started - state->waited : 0);
  if (state != NULL && state->counted)
    {
      state->counted = FALSE;
      server->in_flight--;
      stop_if_drained (server);
    }
}

static void
request_finished_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     XasoServer        *server)
{
  request_ended (server, msg, FALSE);
}

static void
request_aborted_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    XasoServer        *server)
{
  request_ended (server, msg, TRUE);
}

static gboolean
drain_timeout_cb (gpointer user_data)
{
  XasoServer *server = user_data;

  server->drain_id = 0;
  xaso_server_log ("stopping: gave up waiting for %u request(s)", server->in_flight);
  g_main_loop_quit (server->loop);
  return G_SOURCE_REMOVE;
}

/* Stops taking connections; answers what is in progress (long-polls with
 * what they have now), then the main loop ends. */
static gboolean
shutdown_cb (gpointer user_data)
{
  XasoServer *server = user_data;
  GSList *listeners;

  if (server->stopping)
    return G_SOURCE_CONTINUE;
  server->stopping = TRUE;
  xaso_server_log ("stopping: %u request(s) in progress", server->in_flight);
  /* shutdown(2) on a listening socket refuses new connections at once while
   * the descriptor stays open; libsoup closes it with the server. */
  listeners = soup_server_get_listeners (server->soup);
  for (GSList *l = listeners; l != NULL; l = l->next)
    shutdown (g_socket_get_fd (l->data), SHUT_RDWR);
  g_slist_free (listeners);
  xaso_server_waiters_wake_all (server->waiters);
  server->drain_id = g_timeout_add_seconds (DRAIN_SECONDS, drain_timeout_cb, server);
  stop_if_drained (server);
  return G_SOURCE_CONTINUE;
}

/* "127.0.0.1:8443" or "[::1]:8443": a literal address, so that the server
 * never listens somewhere a resolver chose. */
static GSocketAddress *
listen_address (const char  *listen,
                GError     **error)
{
  g_autoptr(GSocketConnectable) parsed = g_network_address_parse (listen, 8443, NULL);
  GSocketAddress *address = NULL;

  if (parsed != NULL)
    address = g_inet_socket_address_new_from_string (g_network_address_get_hostname (G_NETWORK_ADDRESS (parsed)),
                                                     g_network_address_get_port (G_NETWORK_ADDRESS (parsed)));
  if (address == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 "listen = %s: give an IP address and a port, such as 127.0.0.1:8443 or [::]:8443", listen);
  return address;
}

/* GSocket's default backlog is 10: when a province's desktops all start at
 * half past seven, the kernel drops the SYNs past it and each of those
 * clients waits a full second to try again (seen as a 1 s p99 with only
 * 40 connections at once). The kernel caps it at net.core.somaxconn. */
#define LISTEN_BACKLOG 1024

static GSocket *
listening_socket (GSocketAddress  *address,
                  GError         **error)
{
  g_autoptr(GSocket) socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return NULL;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

static gboolean
start_listening (XasoServer  *server,
                 GError     **error)
{
  const XasoServerConfig *config = server->config;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocket) socket = NULL;
  GSList *uris;

  if (config->tls_certificate == NULL || config->tls_key == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "The configuration needs tls-certificate and tls-key: the server speaks HTTPS only.");
      return FALSE;
    }
  certificate = g_tls_certificate_new_from_files (config->tls_certificate, config->tls_key, error);
  if (certificate == NULL)
    {
      g_prefix_error (error, "Cannot load the TLS certificate %s: ", config->tls_certificate);
      return FALSE;
    }
  if ((address = listen_address (config->listen, error)) == NULL)
    return FALSE;
  server->soup = soup_server_new ("tls-certificate", certificate, "server-header", "xaso-server", NULL);
  soup_server_add_early_handler (server->soup, NULL, early_cb, server, NULL);
  soup_server_add_handler (server->soup, NULL, handler_cb, server, NULL);
  g_signal_connect (server->soup, "request-finished", G_CALLBACK (request_finished_cb), server);
  g_signal_connect (server->soup, "request-aborted", G_CALLBACK (request_aborted_cb), server);
  if ((socket = listening_socket (address, error)) == NULL ||
      !soup_server_listen_socket (server->soup, socket, SOUP_SERVER_LISTEN_HTTPS, error))
    {
      g_prefix_error (error, "Cannot listen on %s: ", config->listen);
      return FALSE;
    }
  uris = soup_server_get_uris (server->soup);
  for (GSList *l = uris; l != NULL; l = l->next)
    {
      g_autofree char *text = g_uri_to_string (l->data);

      xaso_server_log ("listening on %s", text);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

int
xaso_server_serve (const XasoServerConfig *config)
{
  XasoServer server = { .config = config };
  g_autoptr(GError) error = NULL;
  XasoServerPruner *pruner;
  guint term_id, int_id;

  server.loop = g_main_loop_new (NULL, FALSE);
  server.waiters = xaso_server_waiters_new (config->database);
  server.workers = xaso_server_workers_new (config->database, (guint) config->max_connections, &error);
  if (server.workers == NULL || !start_listening (&server, &error))
    {
      g_printerr ("xaso-server: %s\n", error->message);
      g_clear_object (&server.soup);
      g_clear_pointer (&server.workers, xaso_server_workers_free);
      xaso_server_waiters_free (server.waiters);
      g_main_loop_unref (server.loop);
      return 1;
    }
  pruner = xaso_server_pruner_start (config);
  term_id = g_unix_signal_add (SIGTERM, shutdown_cb, &server);
  int_id = g_unix_signal_add (SIGINT, shutdown_cb, &server);
  g_main_loop_run (server.loop);

  g_clear_handle_id (&server.drain_id, g_source_remove);
  g_source_remove (term_id);
  g_source_remove (int_id);
  soup_server_disconnect (server.soup);
  g_clear_object (&server.soup);
  xaso_server_pruner_stop (pruner);
  xaso_server_workers_free (server.workers);
  xaso_server_waiters_free (server.waiters);
  g_main_loop_unref (server.loop);
  xaso_server_log ("stopped");
  return 0;
}
