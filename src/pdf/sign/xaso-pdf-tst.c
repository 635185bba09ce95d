/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

#include "xaso-pdf-der-private.h"
#include "xaso-pdf-identity-private.h"
#include "xaso-pdf-tst-private.h"

void
xaso_pdf_tst_info_clear (XasoPdfTstInfo *info)
{
  g_clear_pointer (&info->imprint, g_bytes_unref);
  g_clear_pointer (&info->imprint_oid, g_free);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_clear_pointer (&info->nonce, g_bytes_unref);
  g_clear_pointer (&info->tsa_name, g_free);
}

static gboolean
bad_token (GError **error)
{
  g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_TIMESTAMP,
                       _("The time-stamp token is damaged."));
  return FALSE;
}

static char *
oid_to_string (const XasoDer *oid)
{
  GString *out = g_string_new (NULL);
  guint64 arc = 0;

  for (gsize i = 0; i < oid->content_len; i++)
    {
      arc = (arc << 7) | (oid->content[i] & 0x7f);
      if (oid->content[i] & 0x80)
        continue;
      if (out->len == 0)
        g_string_append_printf (out, "%u.%" G_GUINT64_FORMAT, arc < 80 ? (guint)(arc / 40) : 2u,
                                arc < 80 ? arc % 40 : arc - 80);
      else
        g_string_append_printf (out, ".%" G_GUINT64_FORMAT, arc);
      arc = 0;
    }
  return g_string_free (out, FALSE);
}

/* GeneralizedTime "YYYYMMDDhhmmss[.fff]Z". */
static GDateTime *
parse_gentime (const XasoDer *time)
{
  g_autofree char *text = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int y, mo, d, h, mi, s;

  if (time->tag != XASO_DER_GENERALIZED_TIME || time->content_len < 15)
    return NULL;
  text = g_strndup ((const char *)time->content, time->content_len);
  if (sscanf (text, "%4d%2d%2d%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  return g_date_time_new (utc, y, mo, d, h, mi, s);
}

static gboolean
parse_tst_info (const guint8   *data,
                gsize           len,
                XasoPdfTstInfo *info)
{
  XasoDer tst, imprint, alg, oid, hashed, child, next;

  if (!xaso_der_read (data, len, &tst) || tst.tag != XASO_DER_SEQUENCE ||
      !xaso_der_child (&tst, 2, XASO_DER_SEQUENCE, &imprint) ||
      !xaso_der_child (&imprint, 0, XASO_DER_SEQUENCE, &alg) ||
      !xaso_der_child (&alg, 0, XASO_DER_OID, &oid) ||
      !xaso_der_child (&imprint, 1, XASO_DER_OCTET_STRING, &hashed) ||
      !xaso_der_child (&tst, 4, XASO_DER_GENERALIZED_TIME, &child))
    return FALSE;
  info->imprint = g_bytes_new (hashed.content, hashed.content_len);
  info->imprint_oid = oid_to_string (&oid);
  info->time = parse_gentime (&child);
  /* After genTime: accuracy (SEQ), ordering (BOOLEAN), then the nonce. */
  while (xaso_der_next (&tst, &child, &next))
    {
      child = next;
      if (child.tag == XASO_DER_INTEGER)
        {
          info->nonce = g_bytes_new (child.content, child.content_len);
          break;
        }
    }
  return info->time != NULL;
}

static gnutls_x509_crt_t
token_signer (gnutls_pkcs7_t p7)
{
  gnutls_pkcs7_signature_info_st sinfo;
  gnutls_x509_crt_t found = NULL;
  int n = gnutls_pkcs7_get_crt_count (p7);

  if (gnutls_pkcs7_get_signature_info (p7, 0, &sinfo) < 0)
    return NULL;
  for (int i = 0; i < n && found == NULL; i++)
    {
      gnutls_datum_t raw = { NULL, 0 };
      guint8 buf[64];
      size_t len = sizeof buf;
      gnutls_x509_crt_t crt = NULL;

      if (gnutls_pkcs7_get_crt_raw2 (p7, i, &raw) < 0)
        continue;
      gnutls_x509_crt_init (&crt);
      if (gnutls_x509_crt_import (crt, &raw, GNUTLS_X509_FMT_DER) == 0 &&
          gnutls_x509_crt_get_serial (crt, buf, &len) == 0 &&
          len == sinfo.signer_serial.size && memcmp (buf, sinfo.signer_serial.data, len) == 0)
        found = crt;
      else
        gnutls_x509_crt_deinit (crt);
      gnutls_free (raw.data);
    }
  gnutls_pkcs7_signature_info_deinit (&sinfo);
  return found;
}

gboolean
xaso_pdf_tst_read (GBytes          *token,
                   gpointer         trust,
                   XasoPdfTstInfo  *info,
                   gboolean        *signature_ok,
                   gboolean        *trusted,
                   GError         **error)
{
  gnutls_datum_t der = { (unsigned char *)g_bytes_get_data (token, NULL), (unsigned)g_bytes_get_size (token) };
  gnutls_datum_t content = { NULL, 0 };
  gnutls_pkcs7_t p7 = NULL;
  gnutls_x509_crt_t signer = NULL;
  gboolean ok = FALSE;

  *signature_ok = *trusted = FALSE;
  gnutls_pkcs7_init (&p7);
  if (gnutls_pkcs7_import (p7, &der, GNUTLS_X509_FMT_DER) < 0 ||
      gnutls_pkcs7_get_embedded_data (p7, 0, &content) < 0 ||
      !parse_tst_info (content.data, content.size, info))
    {
      bad_token (error);
      goto out;
    }
  signer = token_signer (p7);
  if (signer != NULL)
    {
      info->tsa_name = xaso_pdf_crt_dup_dn_part (signer, GNUTLS_OID_X520_COMMON_NAME);
      *signature_ok = gnutls_pkcs7_verify_direct (p7, signer, 0, NULL, 0) == 0;
    }
  if (trust != NULL)
    *trusted = gnutls_pkcs7_verify (p7, trust, NULL, 0, 0, NULL, 0) == 0;
  ok = TRUE;
out:
  if (signer != NULL)
    gnutls_x509_crt_deinit (signer);
  gnutls_free (content.data);
  gnutls_pkcs7_deinit (p7);
  return ok;
}
