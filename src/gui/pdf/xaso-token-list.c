/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <gnutls/pkcs11.h>
#include <gnutls/x509.h>

#include "xaso-pdf-identity.h"
#include "xaso-token-list.h"

/* The PKCS#11 modules are the ones p11-kit configures (GnuTLS loads them
 * on first use), so a token plugged in works without a setting. */

void
xaso_token_certificate_free (XasoTokenCertificate *certificate)
{
  g_free (certificate->url);
  g_free (certificate->name);
  g_free (certificate->organization);
  g_free (certificate->token);
  g_clear_pointer (&certificate->not_after, g_date_time_unref);
  g_free (certificate);
}

static char *
dn_part (gnutls_x509_crt_t  crt,
         const char        *oid)
{
  char buf[512];
  size_t size = sizeof buf;

  if (gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buf, &size) < 0)
    return NULL;
  return g_strndup (buf, size);
}

static gboolean
is_ca (gnutls_x509_crt_t crt)
{
  unsigned int critical = 0;

  return gnutls_x509_crt_get_ca_status (crt, &critical) > 0;
}

static XasoTokenCertificate *
describe (gnutls_pkcs11_obj_t  obj,
          gboolean             end_entity_only)
{
  gnutls_x509_crt_t crt = NULL;
  XasoTokenCertificate *certificate = NULL;
  char label[256];
  size_t size = sizeof label;
  char *url = NULL;

  if (gnutls_x509_crt_init (&crt) < 0)
    return NULL;
  if (gnutls_x509_crt_import_pkcs11 (crt, obj) >= 0 && !(end_entity_only && is_ca (crt)) &&
      gnutls_pkcs11_obj_export_url (obj, GNUTLS_PKCS11_URL_GENERIC, &url) >= 0)
    {
      certificate = g_new0 (XasoTokenCertificate, 1);
      certificate->url = g_strdup (url);
      certificate->name = dn_part (crt, GNUTLS_OID_X520_COMMON_NAME);
      certificate->organization = dn_part (crt, GNUTLS_OID_X520_ORGANIZATION_NAME);
      if (gnutls_pkcs11_obj_get_info (obj, GNUTLS_PKCS11_OBJ_TOKEN_LABEL, label, &size) >= 0)
        certificate->token = g_strndup (label, size);
      certificate->not_after = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_expiration_time (crt));
      certificate->pin_flags = xaso_pdf_token_get_pin_flags (certificate->url, NULL);
      gnutls_free (url);
    }
  gnutls_x509_crt_deinit (crt);
  return certificate;
}

static void
list_token (const char *token_url,
            GPtrArray  *out)
{
  gnutls_pkcs11_obj_t *objs = NULL;
  unsigned int n = 0, flags = 0;
  gboolean end_entity_only = FALSE;

  if (gnutls_pkcs11_token_get_flags (token_url, &flags) < 0 || (flags & GNUTLS_PKCS11_TOKEN_TRUSTED))
    return;
  if (gnutls_pkcs11_obj_list_import_url4 (&objs, &n, token_url,
                                          GNUTLS_PKCS11_OBJ_FLAG_CRT | GNUTLS_PKCS11_OBJ_FLAG_WITH_PRIVKEY) < 0)
    n = 0;
  if (n == 0 && (flags & GNUTLS_PKCS11_TOKEN_LOGIN_REQUIRED))
    {
      /* Private keys are private objects: invisible before the login. */
      gnutls_free (objs);
      objs = NULL;
      end_entity_only = TRUE;
      if (gnutls_pkcs11_obj_list_import_url4 (&objs, &n, token_url, GNUTLS_PKCS11_OBJ_FLAG_CRT) < 0)
        n = 0;
    }
  for (unsigned int i = 0; i < n; i++)
    {
      XasoTokenCertificate *certificate = describe (objs[i], end_entity_only);

      if (certificate != NULL)
        g_ptr_array_add (out, certificate);
      gnutls_pkcs11_obj_deinit (objs[i]);
    }
  gnutls_free (objs);
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_token_certificate_free);
  char *url = NULL;

  for (unsigned int seq = 0;
       !g_cancellable_is_cancelled (cancellable) &&
       gnutls_pkcs11_token_get_url (seq, GNUTLS_PKCS11_URL_GENERIC, &url) >= 0;
       seq++)
    {
      list_token (url, out);
      gnutls_free (url);
      url = NULL;
    }
  g_task_return_pointer (task, out, (GDestroyNotify) g_ptr_array_unref);
}

void
xaso_token_list_async (GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, xaso_token_list_async);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
xaso_token_list_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
