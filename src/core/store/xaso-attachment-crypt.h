/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "xaso-file-key.h"

G_BEGIN_DECLS

/* Sensitive attachments at rest (Law 91/2025: scans of identity papers are
 * sensitive personal data), one whole file per AES-256-GCM message:
 *
 *   offset  size  field
 *        0     6  magic "XASOEF"
 *        6     1  format version (1)
 *        7     1  reserved, 0
 *        8     8  key id: derived from the key, names it without revealing it
 *       16    12  random nonce
 *       28     8  plaintext length, big-endian
 *       36     n  ciphertext, then the 16-byte GCM tag
 *
 * The 36 header bytes are the additional data, so no field of the header
 * can be changed without the tag failing. The commune's master key is never
 * used directly: the cipher key, the key id and the key that names stored
 * files are each derived from it with HMAC-SHA256 and their own label.
 *
 * A file is encrypted whole, in memory (the plaintext and the ciphertext
 * are both held for a moment), so sensitive files are limited to
 * XASO_ATTACHMENT_CRYPT_MAX_SIZE: an ID card scanned at 600 dpi is a few
 * MB, and a 64 MB limit keeps a commune PC with 4 GB of memory safe. */
#define XASO_ATTACHMENT_CRYPT_MAX_SIZE   (64 * 1024 * 1024)
#define XASO_ATTACHMENT_CRYPT_HEADER_SIZE 36
#define XASO_ATTACHMENT_CRYPT_TAG_SIZE    16

#define XASO_ATTACHMENT_CRYPT_ERROR (xaso_attachment_crypt_error_quark ())

typedef enum
{
  XASO_ATTACHMENT_CRYPT_ERROR_TOO_LARGE,
  XASO_ATTACHMENT_CRYPT_ERROR_NOT_ENCRYPTED,
  XASO_ATTACHMENT_CRYPT_ERROR_UNSUPPORTED,
  XASO_ATTACHMENT_CRYPT_ERROR_TRUNCATED,
  XASO_ATTACHMENT_CRYPT_ERROR_WRONG_KEY,
  XASO_ATTACHMENT_CRYPT_ERROR_AUTHENTICATION,
  XASO_ATTACHMENT_CRYPT_ERROR_FAILED,
} XasoAttachmentCryptError;

GQuark   xaso_attachment_crypt_error_quark (void);

/* The header, ciphertext and tag of @plain under @key, with a fresh nonce. */
GBytes  *xaso_attachment_encrypt     (const guint8  key[XASO_FILE_KEY_SIZE],
                                      const void   *plain,
                                      gsize         len,
                                      GError      **error);
/* The plaintext of @data, or an error that says whether the file is cut
 * short, was made with another key, or fails authentication. */
GBytes  *xaso_attachment_decrypt     (const guint8  key[XASO_FILE_KEY_SIZE],
                                      const void   *data,
                                      gsize         len,
                                      GError      **error);
/* Whether the header of @data names @key as the one that encrypted it. */
gboolean xaso_attachment_encrypted_with (const guint8  key[XASO_FILE_KEY_SIZE],
                                         const void   *data,
                                         gsize         len);
/* The id of @key as an encrypted file's header carries it, in hex (16
 * digits): how the server and other desktops name the key
 * (PROTOCOL.md, "Keys"). */
char    *xaso_attachment_key_id_hex  (const guint8  key[XASO_FILE_KEY_SIZE]);
/* The key id @data's header names, in hex, or NULL if it has no header. */
char    *xaso_attachment_header_key_id_hex (const void *data,
                                            gsize       len);
/* The name a sensitive file is stored under: HMAC-SHA256 of the plaintext
 * with a key derived from @key, in hex. The same file attached twice in
 * one commune gets one name, so it is stored once; without the key the
 * name tells nothing, and two communes (two keys) name the same scan
 * differently, so the names leak no more than "these two rows of this
 * commune share a file". */
char    *xaso_attachment_keyed_name  (const guint8  key[XASO_FILE_KEY_SIZE],
                                      const void   *plain,
                                      gsize         len);

G_END_DECLS
