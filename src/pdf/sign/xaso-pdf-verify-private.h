/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "xaso-pdf-verify.h"

G_BEGIN_DECLS

/* Checks the CMS in @contents against the signed bytes @data (the two
 * ranges joined), filling the CMS, certificate and time-stamp parts of
 * @report. @trust may be NULL. */
void xaso_pdf_verify_cms (XasoPdfSignatureReport    *report,
                          GBytes                    *contents,
                          const guint8              *data,
                          gsize                      len,
                          gnutls_x509_trust_list_t   trust);
/* The length of the BER/DER value at the start of @data (indefinite
 * lengths followed), or 0 when it does not parse. */
gsize xaso_pdf_ber_length (const guint8 *data,
                           gsize         len);

G_END_DECLS
