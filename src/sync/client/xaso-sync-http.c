/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <gnutls/x509.h>

#include "xaso-sync-http.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-trust.h"

struct _XasoSyncHttp
{
  CURL *curl;
  char *server_url;
  char *ca_file;
  char *authorization;
  gint64 server_date;     /* the last answer's Date (Unix seconds), or 0 */
  gint64 local_date;      /* this computer's clock when it came */
  JsonNode *last_error;      /* the last error answer's JSON, or NULL */
  curl_off_t max_speed;  /* bytes a second, 0: as fast as the line goes */
};

typedef struct
{
  GByteArray   *data;
  GCancellable *cancellable;
  XasoSyncHttpRequest *request;   /* a blob's request, or NULL for JSON */
  CURL         *curl;
  long          status;           /* read at the first byte of the body */
} Answer;

XasoSyncHttp *
xaso_sync_http_new (const char *server_url,
                    const char *ca_file,
                    const char *token)
{
  static gsize initialised;
  XasoSyncHttp *self = g_new0 (XasoSyncHttp, 1);

  if (g_once_init_enter (&initialised))
    {
      curl_global_init (CURL_GLOBAL_DEFAULT);
      g_once_init_leave (&initialised, 1);
    }
  self->curl = curl_easy_init ();
  self->server_url = g_strdup (server_url);
  /* "https://host:port/" and "https://host:port" name the same server. */
  if (g_str_has_suffix (self->server_url, "/"))
    self->server_url[strlen (self->server_url) - 1] = '\0';
  self->ca_file = g_strdup (ca_file);
  /* XASO_SYNC_MAX_SPEED caps the bytes a second each way: for a shared
   * line, and for tests that cut a transfer half-way. */
  if (g_getenv ("XASO_SYNC_MAX_SPEED") != NULL)
    self->max_speed = (curl_off_t) g_ascii_strtoll (g_getenv ("XASO_SYNC_MAX_SPEED"), NULL, 10);
  if (token != NULL)
    self->authorization = g_strdup_printf ("Authorization: Bearer %s", token);
  return self;
}

void
xaso_sync_http_free (XasoSyncHttp *self)
{
  if (self == NULL)
    return;
  curl_easy_cleanup (self->curl);
  g_free (self->server_url);
  g_free (self->ca_file);
  g_free (self->authorization);
  g_clear_pointer (&self->last_error, json_node_unref);
  g_free (self);
}

static size_t
collect (char   *data,
         size_t  size,
         size_t  n,
         void   *user_data)
{
  Answer *answer = user_data;

  if (answer->request != NULL && answer->request->sink != NULL)
    {
      if (answer->status == 0)
        curl_easy_getinfo (answer->curl, CURLINFO_RESPONSE_CODE, &answer->status);
      /* Only a success's body goes to the sink: an error's is read here. */
      if (answer->status >= 200 && answer->status < 300)
        return answer->request->sink (data, size * n, answer->request->sink_data) ? size * n : 0;
    }
  if (answer->data->len + size * n > XASO_SYNC_MAX_BODY * 2)
    return 0;
  g_byte_array_append (answer->data, (const guint8 *) data, size * n);
  return size * n;
}

/* The server's clock, from each answer's Date header (RFC 9110: every
 * origin server with a clock sends one), against this computer's. */
static size_t
read_header (char   *data,
             size_t  size,
             size_t  n,
             void   *user_data)
{
  XasoSyncHttp *self = user_data;
  g_autofree char *line = g_strndup (data, size * n);
  time_t date;

  if (g_ascii_strncasecmp (line, "Date:", 5) == 0 && (date = curl_getdate (g_strstrip (line + 5), NULL)) > 0)
    {
      self->server_date = (gint64) date;
      self->local_date = g_get_real_time () / G_USEC_PER_SEC;
    }
  return size * n;
}

gboolean
xaso_sync_http_get_clock_skew (XasoSyncHttp *self,
                               gint64       *seconds)
{
  if (self->server_date == 0)
    return FALSE;
  *seconds = self->local_date - self->server_date;
  return TRUE;
}

/* After the server's certificate failed to verify: a computer whose clock
 * is days off (a flat CMOS battery is common in commune offices) sees a
 * valid certificate as expired or not yet valid. One unverified request
 * for the public health answer, which carries no token and whose body is
 * thrown away, reads the server's Date; if the clocks are that far apart,
 * the error says so instead of a verification failure. */
static gboolean
clock_explains (XasoSyncHttp  *self,
                const char    *url,
                GError       **error)
{
  g_autofree char *base = g_strndup (url, strlen (self->server_url));
  CURL *probe = xaso_sync_unverified_probe_new (base);
  gint64 skew;
  guint days;

  curl_easy_setopt (probe, CURLOPT_HEADERFUNCTION, read_header);
  curl_easy_setopt (probe, CURLOPT_HEADERDATA, self);
  curl_easy_perform (probe);
  curl_easy_cleanup (probe);
  if (!xaso_sync_http_get_clock_skew (self, &skew) || ABS (skew) < 86400)
    return FALSE;
  days = (guint) (ABS (skew) / 86400);
  g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_NETWORK,
               skew > 0 ? ngettext ("The server’s certificate could not be checked because this computer’s clock is "
                                    "%u day ahead of the server’s. Set the computer’s date and time, then sync again.",
                                    "The server’s certificate could not be checked because this computer’s clock is "
                                    "%u days ahead of the server’s. Set the computer’s date and time, then sync again.",
                                    days)
                        : ngettext ("The server’s certificate could not be checked because this computer’s clock is "
                                    "%u day behind the server’s. Set the computer’s date and time, then sync again.",
                                    "The server’s certificate could not be checked because this computer’s clock is "
                                    "%u days behind the server’s. Set the computer’s date and time, then sync again.",
                                    days), days);
  return TRUE;
}

/* Cancelling stops a transfer at its next progress report. */
static int
progress (void       *user_data,
          curl_off_t  dltotal,
          curl_off_t  dlnow,
          curl_off_t  ultotal,
          curl_off_t  ulnow)
{
  Answer *answer = user_data;
  XasoSyncHttpRequest *request = answer->request;

  if (request != NULL && request->progress != NULL)
    request->progress ((gint64) (ulnow > 0 ? ulnow : dlnow), request->progress_data);
  return g_cancellable_is_cancelled (answer->cancellable) ? 1 : 0;
}

static void
set_server_error (GError      **error,
                  long          status,
                  GByteArray   *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json_parser_load_from_data (parser, (const char *) data->data, data->len, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "error"))
    {
      JsonObject *object = json_object_get_object_member (json_node_get_object (root), "error");
      int code = xaso_sync_error_from_name (json_object_get_string_member_with_default (object, "code", ""));
      const char *message = json_object_get_string_member_with_default (object, "message", "");

      g_set_error_literal (error, XASO_SYNC_ERROR, code >= 0 ? code : XASO_SYNC_ERROR_INTERNAL, message);
      return;
    }
  g_set_error (error, XASO_SYNC_ERROR, status >= 500 ? XASO_SYNC_ERROR_DATABASE_UNAVAILABLE : XASO_SYNC_ERROR_BAD_ANSWER,
               _("The server answered with HTTP error %ld."), status);
}

/* A blob's request: its headers, its bytes (a PUT), none of gzip (the
 * bytes are compressed or encrypted already), and HEAD without a body. */
static struct curl_slist *
add_request (XasoSyncHttp        *self,
             XasoSyncHttpRequest *request,
             struct curl_slist   *headers)
{
  for (guint i = 0; request->headers != NULL && request->headers[i] != NULL; i++)
    headers = curl_slist_append (headers, request->headers[i]);
  curl_easy_setopt (self->curl, CURLOPT_ACCEPT_ENCODING, NULL);
  if (request->body != NULL)
    {
      curl_easy_setopt (self->curl, CURLOPT_POSTFIELDS, request->body);
      curl_easy_setopt (self->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) request->body_len);
    }
  if (request->head)
    curl_easy_setopt (self->curl, CURLOPT_NOBODY, 1L);
  /* A ranged GET may bring 8 MiB over a slow line. */
  curl_easy_setopt (self->curl, CURLOPT_TIMEOUT, 0L);
  curl_easy_setopt (self->curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (self->curl, CURLOPT_LOW_SPEED_TIME, 60L);
  return headers;
}

static gboolean
perform (XasoSyncHttp  *self,
         const char    *method,
         const char    *url,
         const char    *body,
         Answer        *answer,
         long          *status,
         GError       **error)
{
  struct curl_slist *headers = NULL;
  char message[CURL_ERROR_SIZE] = "";
  CURLcode rc;

  curl_easy_reset (self->curl);
  curl_easy_setopt (self->curl, CURLOPT_URL, url);
  curl_easy_setopt (self->curl, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt (self->curl, CURLOPT_CAINFO, self->ca_file);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (self->curl, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt (self->curl, CURLOPT_CONNECTTIMEOUT, 15L);
  if (self->max_speed > 0)
    {
      curl_easy_setopt (self->curl, CURLOPT_MAX_SEND_SPEED_LARGE, self->max_speed);
      curl_easy_setopt (self->curl, CURLOPT_MAX_RECV_SPEED_LARGE, self->max_speed);
    }
  curl_easy_setopt (self->curl, CURLOPT_TIMEOUT, 120L);
  curl_easy_setopt (self->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (self->curl, CURLOPT_ERRORBUFFER, message);
  curl_easy_setopt (self->curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt (self->curl, CURLOPT_WRITEDATA, answer);
  curl_easy_setopt (self->curl, CURLOPT_HEADERFUNCTION, read_header);
  curl_easy_setopt (self->curl, CURLOPT_HEADERDATA, self);
  curl_easy_setopt (self->curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (self->curl, CURLOPT_XFERINFOFUNCTION, progress);
  curl_easy_setopt (self->curl, CURLOPT_XFERINFODATA, answer);
  curl_easy_setopt (self->curl, CURLOPT_USERAGENT, "xaso/" PACKAGE_VERSION);
  if (self->authorization != NULL)
    headers = curl_slist_append (headers, self->authorization);
  if (body != NULL)
    {
      headers = curl_slist_append (headers, "Content-Type: application/json");
      curl_easy_setopt (self->curl, CURLOPT_POSTFIELDS, body);
      curl_easy_setopt (self->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) strlen (body));
    }
  if (answer->request != NULL)
    headers = add_request (self, answer->request, headers);
  curl_easy_setopt (self->curl, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt (self->curl, CURLOPT_HTTPHEADER, headers);
  rc = curl_easy_perform (self->curl);
  curl_slist_free_all (headers);
  if (rc == CURLE_ABORTED_BY_CALLBACK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled."));
      return FALSE;
    }
  if (rc == CURLE_PEER_FAILED_VERIFICATION && clock_explains (self, url, error))
    return FALSE;
  if (rc != CURLE_OK)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_NETWORK, _("Could not reach the server %s: %s"),
                   self->server_url, message[0] ? message : curl_easy_strerror (rc));
      return FALSE;
    }
  curl_easy_getinfo (self->curl, CURLINFO_RESPONSE_CODE, status);
  return TRUE;
}

JsonNode *
xaso_sync_http_call (XasoSyncHttp  *self,
                     const char    *method,
                     const char    *path,
                     const char    *body,
                     GCancellable  *cancellable,
                     guint64       *bytes_in,
                     GError       **error)
{
  g_autofree char *url = g_strconcat (self->server_url, path, NULL);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  Answer answer = { data, cancellable, NULL, self->curl, 0 };
  curl_off_t received = 0;
  long status = 0;

  if (!perform (self, method, url, body, &answer, &status, error))
    return NULL;
  if (bytes_in != NULL && curl_easy_getinfo (self->curl, CURLINFO_SIZE_DOWNLOAD_T, &received) == CURLE_OK)
    *bytes_in += (guint64) received;
  g_clear_pointer (&self->last_error, json_node_unref);
  if (status >= 400)
    {
      set_server_error (error, status, data);
      if (json_parser_load_from_data (parser, (const char *) data->data, data->len, NULL) &&
          json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        self->last_error = json_node_ref (json_parser_get_root (parser));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, (const char *) data->data, data->len, NULL) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                           _("The server’s answer does not follow the sync protocol."));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

int
xaso_sync_http_send (XasoSyncHttp         *self,
                     const char           *method,
                     const char           *path,
                     XasoSyncHttpRequest  *request,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_autofree char *url = g_strconcat (self->server_url, path, NULL);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  Answer answer = { data, cancellable, request, self->curl, 0 };
  long status = 0;

  g_clear_pointer (&request->answer, json_node_unref);
  if (!perform (self, method, url, NULL, &answer, &status, error))
    return -1;
  if (status >= 400 && status != 404 && status != 409 && status != 416 && status != 422)
    {
      set_server_error (error, status, data);
      return -1;
    }
  if (data->len > 0 && json_parser_load_from_data (parser, (const char *) data->data, data->len, NULL) &&
      json_parser_get_root (parser) != NULL)
    request->answer = json_node_ref (json_parser_get_root (parser));
  return (int) status;
}

char *
xaso_sync_http_header (XasoSyncHttp *self,
                       const char   *name)
{
  struct curl_header *header = NULL;

  if (curl_easy_header (self->curl, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK)
    return NULL;
  return g_strdup (header->value);
}

char *
xaso_sync_ca_fingerprint (const char  *ca_file,
                          GError     **error)
{
  g_autofree char *pem = NULL;
  gsize length;
  gnutls_x509_crt_t crt;
  gnutls_datum_t datum;
  guint8 digest[32];
  size_t size = sizeof digest;
  GString *out;
  int rc;

  if (!g_file_get_contents (ca_file, &pem, &length, error))
    return NULL;
  datum.data = (unsigned char *) pem;
  datum.size = (unsigned int) length;
  gnutls_x509_crt_init (&crt);
  rc = gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM);
  if (rc == 0)
    rc = gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA256, digest, &size);
  gnutls_x509_crt_deinit (crt);
  if (rc != 0)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                   _("The file “%s” holds no PEM certificate: %s"), ca_file, gnutls_strerror (rc));
      return NULL;
    }
  out = g_string_new (NULL);
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (out, "%s%02X", i ? ":" : "", digest[i]);
  return g_string_free (out, FALSE);
}

JsonObject *
xaso_sync_http_last_error (XasoSyncHttp *self)
{
  JsonNode *error;

  if (self->last_error == NULL)
    return NULL;
  error = json_object_get_member (json_node_get_object (self->last_error), "error");
  return error != NULL && JSON_NODE_HOLDS_OBJECT (error) ? json_node_get_object (error) : NULL;
}
