/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs7.h>
#include <string.h>

#include "xaso-pdf-cms-private.h"
#include "xaso-pdf-der-private.h"
#include "xaso-pdf-identity-private.h"

static gboolean
fail (GError     **error,
      const char  *what,
      int          ret)
{
  g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_FAILED,
               _("The signature could not be made: %s (%s)."), what, gnutls_strerror (ret));
  return FALSE;
}

GBytes *
xaso_pdf_ess_v2_new (gnutls_x509_crt_t crt)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gnutls_datum_t der = { NULL, 0 }, issuer = { NULL, 0 };
  guint8 hash[32], serial[64];
  size_t serial_len = sizeof serial;
  gsize issuer_serial;

  if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der) < 0 ||
      gnutls_x509_crt_get_raw_issuer_dn (crt, &issuer) < 0 ||
      gnutls_x509_crt_get_serial (crt, serial, &serial_len) < 0)
    {
      gnutls_free (der.data);
      gnutls_free (issuer.data);
      return NULL;
    }
  gnutls_hash_fast (GNUTLS_DIG_SHA256, der.data, der.size, hash);
  /* SigningCertificateV2 { certs { ESSCertIDv2 { certHash, issuerSerial } } };
   * hashAlgorithm is left out: its DEFAULT is SHA-256 (RFC 5035). */
  xaso_der_put (out, XASO_DER_OCTET_STRING, hash, sizeof hash);
  issuer_serial = out->len;
  xaso_der_put (out, XASO_DER_CONTEXT (4), issuer.data, issuer.size);
  xaso_der_wrap_from (out, issuer_serial, XASO_DER_SEQUENCE);          /* GeneralNames */
  if (serial_len > 0 && (serial[0] & 0x80))
    {
      guint8 zero = 0;

      xaso_der_put_header (out, XASO_DER_INTEGER, serial_len + 1);
      g_byte_array_append (out, &zero, 1);
      g_byte_array_append (out, serial, (guint)serial_len);
    }
  else
    xaso_der_put (out, XASO_DER_INTEGER, serial, serial_len);
  xaso_der_wrap_from (out, issuer_serial, XASO_DER_SEQUENCE);          /* IssuerSerial */
  xaso_der_wrap_from (out, 0, XASO_DER_SEQUENCE);                      /* ESSCertIDv2 */
  xaso_der_wrap_from (out, 0, XASO_DER_SEQUENCE);                      /* certs */
  xaso_der_wrap_from (out, 0, XASO_DER_SEQUENCE);                      /* SigningCertificateV2 */
  gnutls_free (der.data);
  gnutls_free (issuer.data);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
sign_with (gnutls_pkcs7_t     p7,
           XasoPdfIdentity   *identity,
           const guint8      *data,
           gsize              len,
           GError           **error)
{
  guint n = 0;
  gnutls_x509_crt_t *chain = xaso_pdf_identity_get_chain (identity, &n);
  g_autoptr(GBytes) ess = xaso_pdf_ess_v2_new (chain[0]);
  gnutls_pkcs7_attrs_t attrs = NULL;
  gnutls_datum_t value, content = { (unsigned char *)data, (unsigned)len }, out = { NULL, 0 };
  GBytes *cms;
  int ret;

  if (ess == NULL)
    return fail (error, "signing-certificate-v2", GNUTLS_E_INVALID_REQUEST), NULL;
  value.data = (unsigned char *)g_bytes_get_data (ess, NULL);
  value.size = (unsigned)g_bytes_get_size (ess);
  gnutls_pkcs7_add_attr (&attrs, XASO_OID_SIGNING_CERTIFICATE_V2, &value, 0);
  /* With signed attributes given, GnuTLS adds content-type and
   * message-digest itself; without GNUTLS_PKCS7_INCLUDE_TIME it adds no
   * signing-time, which PAdES forbids (the time is /M). */
  ret = gnutls_pkcs7_sign (p7, chain[0], xaso_pdf_identity_get_key (identity), &content,
                           attrs, NULL, GNUTLS_DIG_SHA256, GNUTLS_PKCS7_INCLUDE_CERT);
  gnutls_pkcs7_attrs_deinit (attrs);
  if (ret < 0)
    return fail (error, "gnutls_pkcs7_sign", ret), NULL;
  for (guint i = 1; i < n; i++)
    gnutls_pkcs7_set_crt (p7, chain[i]);
  ret = gnutls_pkcs7_export2 (p7, GNUTLS_X509_FMT_DER, &out);
  if (ret < 0)
    return fail (error, "gnutls_pkcs7_export2", ret), NULL;
  cms = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  return cms;
}

GBytes *
xaso_pdf_cms_sign (XasoPdfIdentity  *identity,
                   const guint8     *data,
                   gsize             len,
                   GError          **error)
{
  gnutls_pkcs7_t p7 = NULL;
  GBytes *cms;

  g_return_val_if_fail (XASO_IS_PDF_IDENTITY (identity), NULL);
  gnutls_pkcs7_init (&p7);
  cms = sign_with (p7, identity, data, len, error);
  gnutls_pkcs7_deinit (p7);
  return cms;
}

/* ContentInfo → [0] → SignedData → signerInfos → the first SignerInfo. */
static gboolean
find_signer_info (GBytes  *cms,
                  XasoDer  path[5])
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (cms, &len);
  XasoDer child, next;

  if (!xaso_der_read (data, len, &path[0]) || path[0].tag != XASO_DER_SEQUENCE ||
      !xaso_der_child (&path[0], 1, XASO_DER_CONTEXT (0), &path[1]) ||
      !xaso_der_child (&path[1], 0, XASO_DER_SEQUENCE, &path[2]) ||
      !xaso_der_first (&path[2], &child))
    return FALSE;
  /* signerInfos is the last element of SignedData. */
  while (xaso_der_next (&path[2], &child, &next))
    child = next;
  path[3] = child;
  return path[3].tag == XASO_DER_SET && xaso_der_child (&path[3], 0, XASO_DER_SEQUENCE, &path[4]);
}

GBytes *
xaso_pdf_cms_get_signature (GBytes  *cms,
                            GError **error)
{
  XasoDer path[5], child, next;

  if (find_signer_info (cms, path) && xaso_der_first (&path[4], &child))
    do
      {
        if (child.tag == XASO_DER_OCTET_STRING)
          return g_bytes_new (child.content, child.content_len);
      }
    while (xaso_der_next (&path[4], &child, &next) && (child = next, TRUE));
  g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_FAILED,
                       _("The signature container is not the CMS we expected."));
  return NULL;
}

/* Rebuilds each ancestor around the changed child, innermost first, so
 * every length on the way up is right. */
static GByteArray *
rebuild (XasoDer     *path,
         guint        depth,
         GByteArray  *replacement)
{
  GByteArray *current = replacement;

  for (guint i = depth; i > 0; i--)
    {
      const XasoDer *parent = &path[i - 1], *child = &path[i];
      gsize before = (gsize)(child->start - parent->content);
      gsize after = parent->content_len - before - child->total_len;
      GByteArray *out = g_byte_array_new ();

      xaso_der_put_header (out, parent->tag, before + current->len + after);
      g_byte_array_append (out, parent->content, (guint)before);
      g_byte_array_append (out, current->data, current->len);
      g_byte_array_append (out, child->start + child->total_len, (guint)after);
      g_byte_array_unref (current);
      current = out;
    }
  return current;
}

GBytes *
xaso_pdf_cms_add_unsigned_attr (GBytes      *cms,
                                const char  *oid,
                                GBytes      *value,
                                GError     **error)
{
  XasoDer path[5], child, next;
  GByteArray *signer = g_byte_array_new ();
  gsize attr_start;

  if (!find_signer_info (cms, path) || !xaso_der_first (&path[4], &child))
    {
      g_byte_array_unref (signer);
      g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_FAILED,
                           _("The signature container is not the CMS we expected."));
      return NULL;
    }
  /* Our own CMS never has unsigned attributes yet; the new [1] goes last. */
  do
    g_byte_array_append (signer, child.start, (guint)child.total_len);
  while (xaso_der_next (&path[4], &child, &next) && (child = next, TRUE));
  attr_start = signer->len;
  xaso_der_put_oid (signer, oid);
  xaso_der_put (signer, XASO_DER_SET, g_bytes_get_data (value, NULL), g_bytes_get_size (value));
  xaso_der_wrap_from (signer, attr_start, XASO_DER_SEQUENCE);
  xaso_der_wrap_from (signer, attr_start, XASO_DER_CONTEXT (1));
  xaso_der_wrap_from (signer, 0, XASO_DER_SEQUENCE);
  return g_byte_array_free_to_bytes (rebuild (path, 4, signer));
}
