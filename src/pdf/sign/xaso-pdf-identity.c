/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/pkcs12.h>

#include "xaso-pdf-identity-private.h"
#include "xaso-pdf-identity-pkcs11-private.h"

G_DEFINE_QUARK (xaso-pdf-sign-error-quark, xaso_pdf_sign_error)

struct _XasoPdfIdentity
{
  GObject           parent_instance;

  gnutls_privkey_t  key;
  GPtrArray        *chain;      /* of gnutls_x509_crt_t, the signer first */
  gsize             cms_estimate;
};

G_DEFINE_FINAL_TYPE (XasoPdfIdentity, xaso_pdf_identity, G_TYPE_OBJECT)

static void
xaso_pdf_identity_finalize (GObject *object)
{
  XasoPdfIdentity *self = XASO_PDF_IDENTITY (object);

  g_clear_pointer (&self->key, gnutls_privkey_deinit);
  g_clear_pointer (&self->chain, g_ptr_array_unref);
  G_OBJECT_CLASS (xaso_pdf_identity_parent_class)->finalize (object);
}

static void
xaso_pdf_identity_class_init (XasoPdfIdentityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_pdf_identity_finalize;
}

static void
xaso_pdf_identity_init (XasoPdfIdentity *self)
{
  self->chain = g_ptr_array_new_with_free_func ((GDestroyNotify)gnutls_x509_crt_deinit);
}

/* Takes over @key and @signer. */
XasoPdfIdentity *
xaso_pdf_identity_new_take (gnutls_privkey_t  key,
                            gnutls_x509_crt_t signer)
{
  XasoPdfIdentity *self = g_object_new (XASO_TYPE_PDF_IDENTITY, NULL);

  self->key = key;
  g_ptr_array_add (self->chain, signer);
  return self;
}

static gboolean
chain_contains (XasoPdfIdentity   *self,
                gnutls_x509_crt_t  crt)
{
  for (guint i = 0; i < self->chain->len; i++)
    if (gnutls_x509_crt_equals (g_ptr_array_index (self->chain, i), crt))
      return TRUE;
  return FALSE;
}

/* Adds the issuers of the chain's last certificate found in @pool, in
 * order, up to a self-signed one. @pool's certificates stay the caller's. */
void
xaso_pdf_identity_add_issuers (XasoPdfIdentity   *self,
                               gnutls_x509_crt_t *pool,
                               guint              n)
{
  for (guint depth = 0; depth < 8; depth++)
    {
      gnutls_x509_crt_t last = g_ptr_array_index (self->chain, self->chain->len - 1);
      gboolean found = FALSE;

      if (gnutls_x509_crt_check_issuer (last, last))
        return;
      for (guint i = 0; i < n && !found; i++)
        {
          gnutls_datum_t der = { NULL, 0 };
          gnutls_x509_crt_t copy = NULL;

          if (!gnutls_x509_crt_check_issuer (last, pool[i]) || chain_contains (self, pool[i]))
            continue;
          /* A copy, so the chain owns every certificate it holds. */
          if (gnutls_x509_crt_export2 (pool[i], GNUTLS_X509_FMT_DER, &der) < 0)
            continue;
          if (gnutls_x509_crt_init (&copy) == 0 && gnutls_x509_crt_import (copy, &der, GNUTLS_X509_FMT_DER) == 0)
            {
              g_ptr_array_add (self->chain, copy);
              found = TRUE;
            }
          else if (copy != NULL)
            gnutls_x509_crt_deinit (copy);
          gnutls_free (der.data);
        }
      if (!found)
        return;
    }
}

static GBytes *
read_file (const char  *path,
           GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static gboolean
fail_identity (GError     **error,
               const char  *message,
               int          ret)
{
  g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_IDENTITY,
               "%s (%s)", message, gnutls_strerror (ret));
  return FALSE;
}

static gboolean
open_pkcs12 (gnutls_pkcs12_t  p12,
             GBytes          *bytes,
             const char      *password,
             GError         **error)
{
  gnutls_datum_t der = { (unsigned char *)g_bytes_get_data (bytes, NULL), (unsigned)g_bytes_get_size (bytes) };
  int ret = gnutls_pkcs12_import (p12, &der, GNUTLS_X509_FMT_DER, 0);

  if (ret < 0)
    ret = gnutls_pkcs12_import (p12, &der, GNUTLS_X509_FMT_PEM, 0);
  if (ret < 0)
    return fail_identity (error, _("The file is not a PKCS#12 certificate file."), ret);
  ret = gnutls_pkcs12_verify_mac (p12, password);
  if (ret == GNUTLS_E_MAC_VERIFY_FAILED)
    {
      g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PASSWORD,
                           _("Wrong password for the certificate file."));
      return FALSE;
    }
  return TRUE;
}

XasoPdfIdentity *
xaso_pdf_identity_new_from_pkcs12 (const char  *path,
                                   const char  *password,
                                   GError     **error)
{
  g_autoptr(GBytes) bytes = read_file (path, error);
  gnutls_pkcs12_t p12 = NULL;
  gnutls_x509_privkey_t x509_key = NULL;
  gnutls_x509_crt_t *chain = NULL, *extra = NULL;
  unsigned n_chain = 0, n_extra = 0;
  gnutls_privkey_t key = NULL;
  XasoPdfIdentity *self = NULL;
  int ret;

  if (bytes == NULL)
    return NULL;
  gnutls_pkcs12_init (&p12);
  if (!open_pkcs12 (p12, bytes, password, error))
    goto out;
  ret = gnutls_pkcs12_simple_parse (p12, password, &x509_key, &chain, &n_chain, &extra, &n_extra,
                                    NULL, GNUTLS_PKCS12_SP_INCLUDE_SELF_SIGNED);
  if (ret == GNUTLS_E_DECRYPTION_FAILED)
    {
      g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PASSWORD,
                           _("Wrong password for the certificate file."));
      goto out;
    }
  if (ret < 0 || n_chain == 0)
    {
      fail_identity (error, _("The certificate file holds no key with its certificate."), ret < 0 ? ret : GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
      goto out;
    }
  gnutls_privkey_init (&key);
  gnutls_privkey_import_x509 (key, x509_key, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
  x509_key = NULL;
  self = xaso_pdf_identity_new_take (key, chain[0]);
  xaso_pdf_identity_add_issuers (self, chain + 1, n_chain - 1);
  xaso_pdf_identity_add_issuers (self, extra, n_extra);
  for (unsigned i = 1; i < n_chain; i++)
    gnutls_x509_crt_deinit (chain[i]);
out:
  for (unsigned i = 0; i < n_extra; i++)
    gnutls_x509_crt_deinit (extra[i]);
  if (self == NULL)
    for (unsigned i = 0; i < n_chain; i++)
      gnutls_x509_crt_deinit (chain[i]);
  gnutls_free (chain);
  gnutls_free (extra);
  if (x509_key != NULL)
    gnutls_x509_privkey_deinit (x509_key);
  gnutls_pkcs12_deinit (p12);
  return self;
}

gboolean
xaso_pdf_identity_add_chain_file (XasoPdfIdentity  *self,
                                  const char       *path,
                                  GError          **error)
{
  g_autoptr(GBytes) bytes = read_file (path, error);
  gnutls_x509_crt_t *list = NULL;
  unsigned n = 0;
  gnutls_datum_t pem;
  int ret;

  if (bytes == NULL)
    return FALSE;
  pem.data = (unsigned char *)g_bytes_get_data (bytes, NULL);
  pem.size = (unsigned)g_bytes_get_size (bytes);
  ret = gnutls_x509_crt_list_import2 (&list, &n, &pem, GNUTLS_X509_FMT_PEM, 0);
  if (ret < 0)
    return fail_identity (error, _("The certificate chain file cannot be read."), ret);
  xaso_pdf_identity_add_issuers (self, list, n);
  for (unsigned i = 0; i < n; i++)
    gnutls_x509_crt_deinit (list[i]);
  gnutls_free (list);
  return TRUE;
}

char *
xaso_pdf_crt_dup_dn_part (gnutls_x509_crt_t  crt,
                          const char        *oid)
{
  char buf[1024];
  size_t len = sizeof buf;

  if (gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buf, &len) < 0)
    return NULL;
  return g_utf8_make_valid (buf, (gssize)len);
}

char *
xaso_pdf_identity_dup_name (XasoPdfIdentity *self)
{
  g_return_val_if_fail (XASO_IS_PDF_IDENTITY (self), NULL);
  return xaso_pdf_crt_dup_dn_part (g_ptr_array_index (self->chain, 0), GNUTLS_OID_X520_COMMON_NAME);
}

char *
xaso_pdf_identity_dup_organization (XasoPdfIdentity *self)
{
  g_return_val_if_fail (XASO_IS_PDF_IDENTITY (self), NULL);
  return xaso_pdf_crt_dup_dn_part (g_ptr_array_index (self->chain, 0), GNUTLS_OID_X520_ORGANIZATION_NAME);
}

gnutls_privkey_t
xaso_pdf_identity_get_key (XasoPdfIdentity *self)
{
  return self->key;
}

gnutls_x509_crt_t *
xaso_pdf_identity_get_chain (XasoPdfIdentity *self,
                             guint           *n)
{
  *n = self->chain->len;
  return (gnutls_x509_crt_t *)self->chain->pdata;
}

gsize
xaso_pdf_identity_get_cms_estimate (XasoPdfIdentity *self)
{
  return self->cms_estimate;
}

void
xaso_pdf_identity_set_cms_estimate (XasoPdfIdentity *self,
                                    gsize            size)
{
  self->cms_estimate = size;
}
