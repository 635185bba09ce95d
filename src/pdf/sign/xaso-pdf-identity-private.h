/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include "xaso-pdf-identity.h"

G_BEGIN_DECLS

gnutls_privkey_t   xaso_pdf_identity_get_key   (XasoPdfIdentity *self);
/* The signer first, then the rest of the chain. */
gnutls_x509_crt_t *xaso_pdf_identity_get_chain (XasoPdfIdentity *self,
                                                guint           *n);
/* The size of the CMS of a dry-run signature, 0 until measured. */
gsize              xaso_pdf_identity_get_cms_estimate (XasoPdfIdentity *self);
void               xaso_pdf_identity_set_cms_estimate (XasoPdfIdentity *self,
                                                       gsize            size);

/* Text of a certificate's subject attribute (e.g. GNUTLS_OID_X520_COMMON_NAME). */
char              *xaso_pdf_crt_dup_dn_part    (gnutls_x509_crt_t crt,
                                                const char       *oid);

G_END_DECLS
