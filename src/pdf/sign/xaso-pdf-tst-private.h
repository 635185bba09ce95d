/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What an RFC 3161 TimeStampToken says, read from its TSTInfo. */
typedef struct
{
  GBytes    *imprint;           /* messageImprint.hashedMessage */
  char      *imprint_oid;       /* its hash algorithm */
  GDateTime *time;              /* genTime, UTC */
  GBytes    *nonce;             /* the nonce's INTEGER content, or NULL */
  char      *tsa_name;          /* the signer certificate's CN, or NULL */
} XasoPdfTstInfo;

void     xaso_pdf_tst_info_clear (XasoPdfTstInfo  *info);
/* Reads the token's TSTInfo; with @trust non-NULL (a
 * gnutls_x509_trust_list_t) also checks the TSA's signature and chain,
 * setting @trusted. Without @trust only the CMS signature is checked. */
gboolean xaso_pdf_tst_read       (GBytes          *token,
                                  gpointer         trust,
                                  XasoPdfTstInfo  *info,
                                  gboolean        *signature_ok,
                                  gboolean        *trusted,
                                  GError         **error);

/* Asks the TSA at @url for a token over @digest (SHA-256, 32 bytes); the
 * token's imprint and nonce are checked. Blocking; cancellable. */
GBytes  *xaso_pdf_tsa_request    (const char      *url,
                                  const guint8    *digest,
                                  GCancellable    *cancellable,
                                  GError         **error);

G_END_DECLS
