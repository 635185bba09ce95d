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
#include "xaso-pdf-tst-private.h"
#include "xaso-pdf-verify-private.h"

#define OID_MESSAGE_DIGEST "1.2.840.113549.1.9.4"
#define MAX_CHAIN 10

static void
problem (XasoPdfSignatureReport *report,
         const char             *text)
{
  g_ptr_array_add (report->problems, g_strdup (text));
}

static gsize
ber_length_at (const guint8 *data,
               gsize         len,
               guint         depth)
{
  gsize pos = 2, content;

  if (len < 2 || depth > 64 || (data[0] & 0x1f) == 0x1f)
    return 0;
  if (data[1] == 0x80)
    {
      /* Indefinite (BER, as NSS writes): children up to two zero bytes. */
      while (pos + 2 <= len && !(data[pos] == 0 && data[pos + 1] == 0))
        {
          gsize child = ber_length_at (data + pos, len - pos, depth + 1);

          if (child == 0)
            return 0;
          pos += child;
        }
      return pos + 2 <= len ? pos + 2 : 0;
    }
  content = data[1];
  if (content & 0x80)
    {
      guint n = content & 0x7f;

      if (n == 0 || n > 4 || len < 2 + n)
        return 0;
      content = 0;
      for (guint i = 0; i < n; i++)
        content = (content << 8) | data[2 + i];
      pos += n;
    }
  return content <= len - pos ? pos + content : 0;
}

gsize
xaso_pdf_ber_length (const guint8 *data,
                     gsize         len)
{
  return ber_length_at (data, len, 0);
}

static gboolean
get_attr (gnutls_pkcs7_attrs_t  attrs,
          const char           *oid,
          gnutls_datum_t       *value)
{
  for (unsigned i = 0;; i++)
    {
      char *name = NULL;        /* read-only, owned by the list */
      gnutls_datum_t data = { NULL, 0 };
      gboolean match;

      if (gnutls_pkcs7_get_attr (attrs, i, &name, &data, 0) < 0)
        return FALSE;
      match = g_strcmp0 (name, oid) == 0;
      if (match)
        *value = data;
      else
        gnutls_free (data.data);
      if (match)
        return TRUE;
    }
}

/* The certificate the SignerInfo names (issuer and serial number). */
static gnutls_x509_crt_t
find_signer (gnutls_pkcs7_t                        p7,
             const gnutls_pkcs7_signature_info_st *info)
{
  int n = gnutls_pkcs7_get_crt_count (p7);

  for (int i = 0; i < n; i++)
    {
      gnutls_datum_t raw = { NULL, 0 }, issuer = { NULL, 0 };
      guint8 serial[64];
      size_t serial_len = sizeof serial;
      gnutls_x509_crt_t crt = NULL;
      gboolean match = FALSE;

      if (gnutls_pkcs7_get_crt_raw2 (p7, i, &raw) < 0)
        continue;
      gnutls_x509_crt_init (&crt);
      if (gnutls_x509_crt_import (crt, &raw, GNUTLS_X509_FMT_DER) == 0 &&
          gnutls_x509_crt_get_serial (crt, serial, &serial_len) == 0 &&
          gnutls_x509_crt_get_raw_issuer_dn (crt, &issuer) == 0)
        match = serial_len == info->signer_serial.size &&
                memcmp (serial, info->signer_serial.data, serial_len) == 0 &&
                (info->issuer_dn.size == 0 ||
                 (issuer.size == info->issuer_dn.size && memcmp (issuer.data, info->issuer_dn.data, issuer.size) == 0));
      gnutls_free (raw.data);
      gnutls_free (issuer.data);
      if (match)
        return crt;
      gnutls_x509_crt_deinit (crt);
    }
  return NULL;
}

static void
check_digest (XasoPdfSignatureReport              *report,
              const gnutls_pkcs7_signature_info_st *info,
              const guint8                         *data,
              gsize                                 len)
{
  gnutls_digest_algorithm_t dig = gnutls_sign_get_hash_algorithm (info->algo);
  gnutls_datum_t value = { NULL, 0 };
  guint8 digest[64];
  gsize dlen = gnutls_hash_get_len (dig);
  XasoDer octets;

  if (dlen == 0 || dlen > sizeof digest || !get_attr (info->signed_attrs, OID_MESSAGE_DIGEST, &value))
    {
      problem (report, _("The signature has no message digest of the document."));
      return;
    }
  gnutls_hash_fast (dig, data, len, digest);
  report->digest_ok = xaso_der_read (value.data, value.size, &octets) && octets.tag == XASO_DER_OCTET_STRING &&
                      octets.content_len == dlen && memcmp (octets.content, digest, dlen) == 0;
  if (!report->digest_ok)
    problem (report, _("The signed bytes were changed: their digest does not match the signature."));
  gnutls_free (value.data);
}

/* ESS signing-certificate(-v2): the signer certificate's hash, so nobody
 * can swap the certificate for another with the same key. */
static void
check_ess (XasoPdfSignatureReport              *report,
           const gnutls_pkcs7_signature_info_st *info,
           gnutls_x509_crt_t                     signer)
{
  gnutls_datum_t value = { NULL, 0 }, der = { NULL, 0 };
  gboolean v2 = get_attr (info->signed_attrs, XASO_OID_SIGNING_CERTIFICATE_V2, &value);
  gnutls_digest_algorithm_t dig = v2 ? GNUTLS_DIG_SHA256 : GNUTLS_DIG_SHA1;
  XasoDer top, certs, id, first, alg_oid, hash;
  guint8 digest[64];

  if (!v2 && !get_attr (info->signed_attrs, XASO_OID_SIGNING_CERTIFICATE, &value))
    return;
  report->ess_present = TRUE;
  if (xaso_der_read (value.data, value.size, &top) && xaso_der_child (&top, 0, XASO_DER_SEQUENCE, &certs) &&
      xaso_der_child (&certs, 0, XASO_DER_SEQUENCE, &id) && xaso_der_first (&id, &first))
    {
      hash = first;
      if (first.tag == XASO_DER_SEQUENCE && xaso_der_child (&first, 0, XASO_DER_OID, &alg_oid))
        {
          dig = xaso_der_oid_equal (&alg_oid, "2.16.840.1.101.3.4.2.3") ? GNUTLS_DIG_SHA512
              : xaso_der_oid_equal (&alg_oid, "2.16.840.1.101.3.4.2.2") ? GNUTLS_DIG_SHA384
              : xaso_der_oid_equal (&alg_oid, XASO_OID_SHA256) ? GNUTLS_DIG_SHA256 : GNUTLS_DIG_UNKNOWN;
          xaso_der_next (&id, &first, &hash);
        }
      if (dig != GNUTLS_DIG_UNKNOWN && hash.tag == XASO_DER_OCTET_STRING &&
          gnutls_x509_crt_export2 (signer, GNUTLS_X509_FMT_DER, &der) == 0)
        {
          gnutls_hash_fast (dig, der.data, der.size, digest);
          report->ess_ok = hash.content_len == gnutls_hash_get_len (dig) &&
                           memcmp (hash.content, digest, hash.content_len) == 0;
        }
    }
  if (!report->ess_ok)
    problem (report, _("The signing-certificate attribute does not name the signer’s certificate."));
  gnutls_free (der.data);
  gnutls_free (value.data);
}

static GDateTime *
from_time_t (time_t t)
{
  return t == (time_t)-1 ? NULL : g_date_time_new_from_unix_utc ((gint64)t);
}

static void
describe_certificate (XasoPdfSignatureReport *report,
                      gnutls_x509_crt_t       crt)
{
  gnutls_datum_t dn = { NULL, 0 };
  guint8 serial[64];
  size_t len = sizeof serial;

  report->signer_name = xaso_pdf_crt_dup_dn_part (crt, GNUTLS_OID_X520_COMMON_NAME);
  report->organization = xaso_pdf_crt_dup_dn_part (crt, GNUTLS_OID_X520_ORGANIZATION_NAME);
  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) == 0)
    report->subject = g_utf8_make_valid ((const char *)dn.data, dn.size);
  gnutls_free (dn.data);
  if (gnutls_x509_crt_get_issuer_dn3 (crt, &dn, 0) == 0)
    report->issuer = g_utf8_make_valid ((const char *)dn.data, dn.size);
  gnutls_free (dn.data);
  if (gnutls_x509_crt_get_serial (crt, serial, &len) == 0)
    {
      GString *hex = g_string_new (NULL);

      for (size_t i = 0; i < len; i++)
        g_string_append_printf (hex, "%02X", serial[i]);
      report->serial = g_string_free (hex, FALSE);
    }
  report->not_before = from_time_t (gnutls_x509_crt_get_activation_time (crt));
  report->not_after = from_time_t (gnutls_x509_crt_get_expiration_time (crt));
}

static guint
build_chain (gnutls_pkcs7_t     p7,
             gnutls_x509_crt_t  signer,
             gnutls_x509_crt_t *chain,
             gnutls_x509_crt_t *pool,
             guint              n_pool)
{
  guint n = 1;

  chain[0] = signer;
  while (n < MAX_CHAIN && !gnutls_x509_crt_check_issuer (chain[n - 1], chain[n - 1]))
    {
      gnutls_x509_crt_t next = NULL;

      for (guint i = 0; i < n_pool && next == NULL; i++)
        if (gnutls_x509_crt_check_issuer (chain[n - 1], pool[i]) && !gnutls_x509_crt_equals (pool[i], chain[n - 1]))
          next = pool[i];
      if (next == NULL)
        break;
      chain[n++] = next;
    }
  return n;
}

static const char *
trust_text (unsigned status)
{
  if (status & GNUTLS_CERT_REVOKED)
    return _("The certificate was revoked.");
  if (status & GNUTLS_CERT_EXPIRED)
    return _("The certificate has expired.");
  if (status & GNUTLS_CERT_NOT_ACTIVATED)
    return _("The certificate is not valid yet.");
  if (status & (GNUTLS_CERT_SIGNER_NOT_FOUND | GNUTLS_CERT_SIGNER_NOT_CA))
    return _("The certificate does not lead to a trusted root certificate.");
  return _("The certificate chain is not valid.");
}

static void
check_trust (XasoPdfSignatureReport   *report,
             gnutls_pkcs7_t            p7,
             gnutls_x509_crt_t         signer,
             gnutls_x509_trust_list_t  trust)
{
  gnutls_x509_crt_t pool[32], chain[MAX_CHAIN];
  guint n_pool = 0, n;
  unsigned status = 0;
  int count = gnutls_pkcs7_get_crt_count (p7);

  if (trust == NULL)
    {
      report->trust_problem = g_strdup (_("No trusted root certificates are configured."));
      return;
    }
  for (int i = 0; i < count && n_pool < G_N_ELEMENTS (pool); i++)
    {
      gnutls_datum_t raw = { NULL, 0 };

      if (gnutls_pkcs7_get_crt_raw2 (p7, i, &raw) < 0)
        continue;
      gnutls_x509_crt_init (&pool[n_pool]);
      if (gnutls_x509_crt_import (pool[n_pool], &raw, GNUTLS_X509_FMT_DER) == 0)
        n_pool++;
      else
        gnutls_x509_crt_deinit (pool[n_pool]);
      gnutls_free (raw.data);
    }
  n = build_chain (p7, signer, chain, pool, n_pool);
  if (gnutls_x509_trust_list_verify_crt2 (trust, chain, n, NULL, 0, 0, &status, NULL) == 0 && status == 0)
    report->trusted = TRUE;
  else
    report->trust_problem = g_strdup (trust_text (status));
  for (guint i = 0; i < n_pool; i++)
    gnutls_x509_crt_deinit (pool[i]);
}

static void
check_timestamp (XasoPdfSignatureReport              *report,
                 const gnutls_pkcs7_signature_info_st *info,
                 gnutls_x509_trust_list_t              trust)
{
  gnutls_datum_t value = { NULL, 0 };
  g_autoptr(GBytes) token = NULL;
  XasoPdfTstInfo tst = { 0 };
  gboolean signature_ok = FALSE, trusted = FALSE;
  guint8 digest[32];

  if (info->unsigned_attrs == NULL || !get_attr (info->unsigned_attrs, XASO_OID_SIGNATURE_TIMESTAMP, &value))
    return;
  report->has_timestamp = TRUE;
  token = g_bytes_new (value.data, value.size);
  gnutls_free (value.data);
  if (!xaso_pdf_tst_read (token, trust, &tst, &signature_ok, &trusted, NULL))
    {
      problem (report, _("The time-stamp token is damaged."));
      xaso_pdf_tst_info_clear (&tst);
      return;
    }
  gnutls_hash_fast (GNUTLS_DIG_SHA256, info->sig.data, info->sig.size, digest);
  report->timestamp_ok = signature_ok && g_strcmp0 (tst.imprint_oid, XASO_OID_SHA256) == 0 &&
                         g_bytes_get_size (tst.imprint) == 32 &&
                         memcmp (g_bytes_get_data (tst.imprint, NULL), digest, 32) == 0;
  report->timestamp_trusted = report->timestamp_ok && trusted;
  report->timestamp_time = g_date_time_ref (tst.time);
  if (!report->timestamp_ok)
    problem (report, _("The time-stamp does not match the signature."));
  xaso_pdf_tst_info_clear (&tst);
}

static void
check_signer (XasoPdfSignatureReport              *report,
              gnutls_pkcs7_t                        p7,
              const gnutls_pkcs7_signature_info_st *info,
              const guint8                         *data,
              gsize                                 len,
              gnutls_x509_trust_list_t              trust)
{
  gnutls_datum_t content = { (unsigned char *)data, (unsigned)len };
  gnutls_datum_t dummy = { NULL, 0 };
  gnutls_x509_crt_t signer = find_signer (p7, info);

  if (signer == NULL)
    {
      problem (report, _("The signer’s certificate is not in the signature."));
      return;
    }
  report->cms_ok = TRUE;
  describe_certificate (report, signer);
  check_digest (report, info, data, len);
  /* GnuTLS checks the digest again with the key's signature: both must hold. */
  report->signature_ok = gnutls_pkcs7_verify_direct (p7, signer, 0, &content, 0) == 0;
  if (report->digest_ok && !report->signature_ok)
    problem (report, _("The signature value does not match the signer’s key."));
  report->has_signing_time = get_attr (info->signed_attrs, XASO_OID_SIGNING_TIME, &dummy);
  gnutls_free (dummy.data);
  check_ess (report, info, signer);
  check_trust (report, p7, signer, trust);
  check_timestamp (report, info, trust);
  gnutls_x509_crt_deinit (signer);
}

void
xaso_pdf_verify_cms (XasoPdfSignatureReport   *report,
                     GBytes                   *contents,
                     const guint8             *data,
                     gsize                     len,
                     gnutls_x509_trust_list_t  trust)
{
  gsize size = 0;
  const guint8 *der = g_bytes_get_data (contents, &size);
  gnutls_datum_t datum = { (unsigned char *)der, (unsigned)xaso_pdf_ber_length (der, size) };
  gnutls_pkcs7_signature_info_st info, second;
  gnutls_pkcs7_t p7 = NULL;

  gnutls_pkcs7_init (&p7);
  if (datum.size == 0 || gnutls_pkcs7_import (p7, &datum, GNUTLS_X509_FMT_DER) < 0 ||
      gnutls_pkcs7_get_signature_info (p7, 0, &info) < 0)
    {
      problem (report, _("The signature container cannot be read."));
      gnutls_pkcs7_deinit (p7);
      return;
    }
  if (gnutls_pkcs7_get_signature_info (p7, 1, &second) >= 0)
    {
      problem (report, _("The signature container holds more than one signer."));
      gnutls_pkcs7_signature_info_deinit (&second);
      gnutls_pkcs7_signature_info_deinit (&info);
      gnutls_pkcs7_deinit (p7);
      return;
    }
  check_signer (report, p7, &info, data, len, trust);
  gnutls_pkcs7_signature_info_deinit (&info);
  gnutls_pkcs7_deinit (p7);
}
