/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-cms-private.h"
#include "xaso-pdf-der-private.h"
#include "xaso-pdf-tst-private.h"

#define MAX_RESPONSE (1 << 20)

typedef struct
{
  GByteArray   *body;
  GCancellable *cancellable;
} Transfer;

/* TimeStampReq { version 1, messageImprint { sha256, digest }, nonce,
 * certReq TRUE } (RFC 3161 §2.4.1): the TSA's certificate comes back in
 * the token, so verifiers need nothing else. */
static GBytes *
build_request (const guint8 *digest,
               guint64       nonce)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  static const guint8 yes = 0xff;
  gsize imprint;

  xaso_der_put_uint (out, 1);
  imprint = out->len;
  xaso_der_put_oid (out, XASO_OID_SHA256);
  xaso_der_put (out, XASO_DER_NULL, NULL, 0);
  xaso_der_wrap_from (out, imprint, XASO_DER_SEQUENCE);
  xaso_der_put (out, XASO_DER_OCTET_STRING, digest, 32);
  xaso_der_wrap_from (out, imprint, XASO_DER_SEQUENCE);
  xaso_der_put_uint (out, nonce);
  xaso_der_put (out, XASO_DER_BOOLEAN, &yes, 1);
  xaso_der_wrap_from (out, 0, XASO_DER_SEQUENCE);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static size_t
write_cb (char   *data,
          size_t  size,
          size_t  n,
          void   *user_data)
{
  Transfer *transfer = user_data;

  if (transfer->body->len + size * n > MAX_RESPONSE)
    return 0;
  g_byte_array_append (transfer->body, (const guint8 *)data, (guint)(size * n));
  return size * n;
}

static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Transfer *transfer = user_data;

  return g_cancellable_is_cancelled (transfer->cancellable) ? 1 : 0;
}

static gboolean
post (const char    *url,
      GBytes        *request,
      Transfer      *transfer,
      GError       **error)
{
  static gsize once = 0;
  CURL *curl;
  struct curl_slist *headers = NULL;
  long status = 0;
  CURLcode res;

  if (g_once_init_enter (&once))
    g_once_init_leave (&once, curl_global_init (CURL_GLOBAL_DEFAULT) == CURLE_OK ? 1 : 2);
  curl = curl_easy_init ();
  headers = curl_slist_append (headers, "Content-Type: application/timestamp-query");
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_POSTFIELDS, g_bytes_get_data (request, NULL));
  curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE, (long)g_bytes_get_size (request));
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, transfer);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, transfer);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, 15L);
  res = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all (headers);
  curl_easy_cleanup (curl);
  if (g_cancellable_set_error_if_cancelled (transfer->cancellable, error))
    return FALSE;
  if (res != CURLE_OK || status != 200)
    {
      g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_TIMESTAMP,
                   _("The time-stamp server %s did not answer (%s)."), url,
                   res != CURLE_OK ? curl_easy_strerror (res) : "HTTP error");
      return FALSE;
    }
  return TRUE;
}

/* TimeStampResp { status PKIStatusInfo, timeStampToken }: granted (0) or
 * granted with mods (1) carry a token. */
static GBytes *
read_response (GByteArray  *body,
               GError     **error)
{
  XasoDer resp, status_info, status, token;
  gint64 code = -1;

  if (!xaso_der_read (body->data, body->len, &resp) || resp.tag != XASO_DER_SEQUENCE ||
      !xaso_der_child (&resp, 0, XASO_DER_SEQUENCE, &status_info) ||
      !xaso_der_child (&status_info, 0, XASO_DER_INTEGER, &status) ||
      !xaso_der_get_int (&status, &code) || (code != 0 && code != 1) ||
      !xaso_der_child (&resp, 1, XASO_DER_SEQUENCE, &token))
    {
      g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_TIMESTAMP,
                   _("The time-stamp server refused the request (status %d)."), (int)code);
      return NULL;
    }
  return g_bytes_new (token.start, token.total_len);
}

static gboolean
check_token (GBytes        *token,
             const guint8  *digest,
             GBytes        *request,
             GError       **error)
{
  XasoPdfTstInfo info = { 0 };
  XasoDer req, nonce;
  gboolean signature_ok = FALSE, trusted = FALSE, ok;

  if (!xaso_pdf_tst_read (token, NULL, &info, &signature_ok, &trusted, error))
    return FALSE;
  xaso_der_read (g_bytes_get_data (request, NULL), g_bytes_get_size (request), &req);
  xaso_der_child (&req, 2, XASO_DER_INTEGER, &nonce);
  ok = signature_ok && g_bytes_get_size (info.imprint) == 32 &&
       memcmp (g_bytes_get_data (info.imprint, NULL), digest, 32) == 0 &&
       info.nonce != NULL && g_bytes_get_size (info.nonce) == nonce.content_len &&
       memcmp (g_bytes_get_data (info.nonce, NULL), nonce.content, nonce.content_len) == 0;
  xaso_pdf_tst_info_clear (&info);
  if (!ok)
    g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_TIMESTAMP,
                         _("The time-stamp server answered with a token for something else."));
  return ok;
}

GBytes *
xaso_pdf_tsa_request (const char    *url,
                      const guint8  *digest,
                      GCancellable  *cancellable,
                      GError       **error)
{
  guint64 nonce = ((guint64)g_random_int () << 31) ^ g_random_int ();
  g_autoptr(GBytes) request = build_request (digest, nonce);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  Transfer transfer = { body, cancellable };
  g_autoptr(GBytes) token = NULL;

  if (!post (url, request, &transfer, error))
    return NULL;
  token = read_response (body, error);
  if (token == NULL || !check_token (token, digest, request, error))
    return NULL;
  return g_steal_pointer (&token);
}
