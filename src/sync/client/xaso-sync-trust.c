/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-sync-protocol.h"
#include "xaso-sync-trust.h"

static size_t
discard (char   *data,
         size_t  size,
         size_t  n,
         void   *user_data)
{
  return size * n;
}

/* The PEM text of certificate @index of the chain curl saw ("Cert:" is
 * one of the fields libcurl lists for each certificate). */
static char *
chain_pem (struct curl_certinfo *info,
           int                   index)
{
  for (struct curl_slist *field = info->certinfo[index]; field != NULL; field = field->next)
    if (g_str_has_prefix (field->data, "Cert:"))
      return g_strdup (field->data + strlen ("Cert:"));
  return NULL;
}

CURL *
xaso_sync_unverified_probe_new (const char *server_url)
{
  g_autofree char *url = g_strconcat (server_url, g_str_has_suffix (server_url, "/") ? "" : "/",
                                      "v1/health", NULL);
  static gsize initialised;
  CURL *curl;

  if (g_once_init_enter (&initialised))
    {
      curl_global_init (CURL_GLOBAL_DEFAULT);
      g_once_init_leave (&initialised, 1);
    }
  curl = curl_easy_init ();
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 0L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 0L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, discard);
  return curl;
}

char *
xaso_sync_fetch_server_ca (const char  *server_url,
                           GError     **error)
{
  char message[CURL_ERROR_SIZE] = "";
  struct curl_certinfo *info = NULL;
  /* Nothing is trusted yet: this request only learns what to pin. */
  CURL *curl = xaso_sync_unverified_probe_new (server_url);
  char *pem = NULL;
  CURLcode rc;

  curl_easy_setopt (curl, CURLOPT_CERTINFO, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, message);
  rc = curl_easy_perform (curl);
  if (rc == CURLE_OK)
    curl_easy_getinfo (curl, CURLINFO_CERTINFO, &info);
  if (rc != CURLE_OK)
    g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_NETWORK, _("Could not reach the server %s: %s"),
                 server_url, message[0] ? message : curl_easy_strerror (rc));
  else if (info == NULL || info->num_of_certs < 1 ||
           (pem = chain_pem (info, info->num_of_certs - 1)) == NULL)
    g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                 _("The server %s presented no certificate. Choose the CA file the administrator gave you."),
                 server_url);
  curl_easy_cleanup (curl);
  return pem;
}
