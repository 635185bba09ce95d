/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XASO_PDF_SIGN_ERROR (xaso_pdf_sign_error_quark ())
GQuark xaso_pdf_sign_error_quark (void);

typedef enum
{
  XASO_PDF_SIGN_ERROR_WRONG_PASSWORD,   /* the PKCS#12 file's password */
  XASO_PDF_SIGN_ERROR_WRONG_PIN,        /* the token's PIN */
  XASO_PDF_SIGN_ERROR_PIN_LOCKED,       /* the token refuses every PIN now */
  XASO_PDF_SIGN_ERROR_IDENTITY,         /* no usable key and certificate */
  XASO_PDF_SIGN_ERROR_REFUSED,          /* the document forbids a new signature */
  XASO_PDF_SIGN_ERROR_TIMESTAMP,        /* the time-stamp authority failed */
  XASO_PDF_SIGN_ERROR_FAILED,           /* the signature could not be made */
} XasoPdfSignError;

/* What a token says about its user PIN (PKCS#11 CKF_USER_PIN_* flags),
 * so the PIN dialog can warn before the user types. */
typedef enum
{
  XASO_PDF_PIN_COUNT_LOW       = 1 << 0,
  XASO_PDF_PIN_FINAL_TRY       = 1 << 1,
  XASO_PDF_PIN_LOCKED          = 1 << 2,
  XASO_PDF_PIN_PROTECTED_PATH  = 1 << 3, /* PIN pad on the reader: pass pin NULL */
} XasoPdfPinFlags;

/* A signing key with its certificate and chain, opened once (the PIN asked
 * once) and used for any number of documents, from any one thread at a
 * time. */
#define XASO_TYPE_PDF_IDENTITY (xaso_pdf_identity_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfIdentity, xaso_pdf_identity, XASO, PDF_IDENTITY, GObject)

XasoPdfIdentity *xaso_pdf_identity_new_from_pkcs12 (const char       *path,
                                                    const char       *password,
                                                    GError          **error);
/* @url names the key on the token ("pkcs11:token=…;object=…"); the
 * certificate with the same URL is used, and the other certificates of the
 * token form the chain. A wrong @pin gives XASO_PDF_SIGN_ERROR_WRONG_PIN
 * with what the token says about the tries left. */
XasoPdfIdentity *xaso_pdf_identity_new_from_pkcs11 (const char       *url,
                                                    const char       *pin,
                                                    GError          **error);
XasoPdfPinFlags  xaso_pdf_token_get_pin_flags      (const char       *url,
                                                    GError          **error);

/* Adds the certificates of a PEM file to the chain put in signatures
 * (the intermediates a token or a PKCS#12 file may lack). */
gboolean         xaso_pdf_identity_add_chain_file  (XasoPdfIdentity  *self,
                                                    const char       *path,
                                                    GError          **error);
/* From the signer certificate's subject: common name and organization. */
char            *xaso_pdf_identity_dup_name        (XasoPdfIdentity  *self);
char            *xaso_pdf_identity_dup_organization (XasoPdfIdentity *self);

G_END_DECLS
