/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "xaso-pdf-identity.h"

G_BEGIN_DECLS

#define XASO_OID_SIGNING_CERTIFICATE_V2 "1.2.840.113549.1.9.16.2.47"
#define XASO_OID_SIGNING_CERTIFICATE    "1.2.840.113549.1.9.16.2.12"
#define XASO_OID_SIGNATURE_TIMESTAMP    "1.2.840.113549.1.9.16.2.14"
#define XASO_OID_SIGNING_TIME           "1.2.840.113549.1.9.5"
#define XASO_OID_SHA256                 "2.16.840.1.101.3.4.2.1"

/* A detached CMS SignedData over @data (PAdES B-B): signed attributes
 * content-type, message-digest and signing-certificate-v2, no
 * signing-time; the signer certificate and its chain included. */
GBytes  *xaso_pdf_cms_sign            (XasoPdfIdentity  *identity,
                                       const guint8     *data,
                                       gsize             len,
                                       GError          **error);
/* The SignerInfo's signature value (what a B-T time-stamp covers). */
GBytes  *xaso_pdf_cms_get_signature   (GBytes           *cms,
                                       GError          **error);
/* A copy of @cms whose only SignerInfo gains the unsigned attribute
 * @oid with one value, @value (DER). */
GBytes  *xaso_pdf_cms_add_unsigned_attr (GBytes         *cms,
                                         const char     *oid,
                                         GBytes         *value,
                                         GError        **error);
/* The DER value of ESS signing-certificate-v2 for @crt (SHA-256). */
GBytes  *xaso_pdf_ess_v2_new          (gnutls_x509_crt_t crt);

G_END_DECLS
