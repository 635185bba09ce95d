/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A signing certificate on a security token (USB token), found through
 * p11-kit. */
typedef struct
{
  char *url;            /* the certificate's PKCS#11 URL, for xaso_pdf_identity_new_from_pkcs11() */
  char *name;           /* subject CN */
  char *organization;   /* subject O, or NULL */
  char *token;          /* the token's label */
  GDateTime *not_after;
  guint      pin_flags;  /* XasoPdfPinFlags: what the token says of its PIN */
} XasoTokenCertificate;

void       xaso_token_certificate_free (XasoTokenCertificate *certificate);

/* Lists, on a worker thread, the certificates of every token that have a
 * private key beside them. A token that hides its keys until the PIN is
 * given shows its end-entity certificates instead; the key is then checked
 * when the PIN is. */
void       xaso_token_list_async       (GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GPtrArray *xaso_token_list_finish      (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
