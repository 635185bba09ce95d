/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-identity-private.h"

G_BEGIN_DECLS

/* Shared by the PKCS#12 and PKCS#11 loaders. Takes over @key and @signer. */
XasoPdfIdentity *xaso_pdf_identity_new_take    (gnutls_privkey_t   key,
                                                gnutls_x509_crt_t  signer);
void             xaso_pdf_identity_add_issuers (XasoPdfIdentity   *self,
                                                gnutls_x509_crt_t *pool,
                                                guint              n);

G_END_DECLS
