/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <string.h>

#include "xaso-attachment-crypt.h"

G_DEFINE_QUARK (xaso-attachment-crypt-error-quark, xaso_attachment_crypt_error)

#define MAGIC         "XASOEF"
#define MAGIC_LEN     6
#define VERSION       1
#define KEY_ID_AT     8
#define KEY_ID_LEN    8
#define NONCE_AT      16
#define NONCE_LEN     12
#define LENGTH_AT     28

/* Each use of the master key has its own label, so the cipher key, the
 * names of stored files and the key id cannot be related to one another. */
#define LABEL_CIPHER  "xaso attachment cipher v1"
#define LABEL_NAME    "xaso attachment name v1"
#define LABEL_KEY_ID  "xaso attachment key id v1"

static void
derive (const guint8  key[XASO_FILE_KEY_SIZE],
        const char   *label,
        guint8        out[32])
{
  gnutls_hmac_fast (GNUTLS_MAC_SHA256, key, XASO_FILE_KEY_SIZE, label, strlen (label), out);
}

static void
key_id (const guint8 key[XASO_FILE_KEY_SIZE],
        guint8       id[KEY_ID_LEN])
{
  guint8 full[32];

  derive (key, LABEL_KEY_ID, full);
  memcpy (id, full, KEY_ID_LEN);
}

static char *
hex_of (const guint8 *bytes,
        gsize         len)
{
  GString *hex = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

char *
xaso_attachment_key_id_hex (const guint8 key[XASO_FILE_KEY_SIZE])
{
  guint8 id[KEY_ID_LEN];

  key_id (key, id);
  return hex_of (id, KEY_ID_LEN);
}

char *
xaso_attachment_header_key_id_hex (const void *data,
                                   gsize       len)
{
  if (len < XASO_ATTACHMENT_CRYPT_HEADER_SIZE || memcmp (data, MAGIC, MAGIC_LEN) != 0)
    return NULL;
  return hex_of ((const guint8 *) data + KEY_ID_AT, KEY_ID_LEN);
}

char *
xaso_attachment_keyed_name (const guint8  key[XASO_FILE_KEY_SIZE],
                            const void   *plain,
                            gsize         len)
{
  guint8 name_key[32], digest[32];
  GString *hex = g_string_sized_new (64);

  derive (key, LABEL_NAME, name_key);
  gnutls_hmac_fast (GNUTLS_MAC_SHA256, name_key, sizeof name_key, plain, len, digest);
  gnutls_memset (name_key, 0, sizeof name_key);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

static gboolean
gnutls_failed (GError **error,
               int      rc)
{
  g_set_error (error, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_FAILED,
               _("The sensitive file could not be encrypted or decrypted: %s"), gnutls_strerror (rc));
  return FALSE;
}

static gnutls_aead_cipher_hd_t
open_cipher (const guint8  key[XASO_FILE_KEY_SIZE],
             GError      **error)
{
  gnutls_aead_cipher_hd_t cipher = NULL;
  guint8 cipher_key[32];
  gnutls_datum_t datum = { cipher_key, sizeof cipher_key };
  int rc;

  derive (key, LABEL_CIPHER, cipher_key);
  rc = gnutls_aead_cipher_init (&cipher, GNUTLS_CIPHER_AES_256_GCM, &datum);
  gnutls_memset (cipher_key, 0, sizeof cipher_key);
  if (rc < 0)
    {
      gnutls_failed (error, rc);
      return NULL;
    }
  return cipher;
}

static gboolean
too_large (GError **error)
{
  g_set_error (error, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_TOO_LARGE,
               /* Translators: %d is the limit in megabytes. */
               _("The file is larger than %d MB, the most a sensitive file may be; scan it at a lower "
                 "resolution or in several parts."),
               XASO_ATTACHMENT_CRYPT_MAX_SIZE / (1024 * 1024));
  return FALSE;
}

static void
write_header (guint8        header[XASO_ATTACHMENT_CRYPT_HEADER_SIZE],
              const guint8  key[XASO_FILE_KEY_SIZE],
              gsize         len)
{
  guint64 be_len = GUINT64_TO_BE ((guint64)len);

  memset (header, 0, XASO_ATTACHMENT_CRYPT_HEADER_SIZE);
  memcpy (header, MAGIC, MAGIC_LEN);
  header[MAGIC_LEN] = VERSION;
  key_id (key, header + KEY_ID_AT);
  memcpy (header + LENGTH_AT, &be_len, sizeof be_len);
}

GBytes *
xaso_attachment_encrypt (const guint8  key[XASO_FILE_KEY_SIZE],
                         const void   *plain,
                         gsize         len,
                         GError      **error)
{
  gsize out_len = XASO_ATTACHMENT_CRYPT_HEADER_SIZE + len + XASO_ATTACHMENT_CRYPT_TAG_SIZE;
  gsize ctext_len = len + XASO_ATTACHMENT_CRYPT_TAG_SIZE;
  gnutls_aead_cipher_hd_t cipher;
  g_autofree guint8 *out = NULL;
  int rc;

  if (len > XASO_ATTACHMENT_CRYPT_MAX_SIZE)
    {
      too_large (error);
      return NULL;
    }
  if ((cipher = open_cipher (key, error)) == NULL)
    return NULL;
  out = g_malloc (out_len);
  write_header (out, key, len);
  rc = gnutls_rnd (GNUTLS_RND_NONCE, out + NONCE_AT, NONCE_LEN);
  if (rc == 0)
    rc = gnutls_aead_cipher_encrypt (cipher, out + NONCE_AT, NONCE_LEN, out, XASO_ATTACHMENT_CRYPT_HEADER_SIZE,
                                     XASO_ATTACHMENT_CRYPT_TAG_SIZE, plain, len,
                                     out + XASO_ATTACHMENT_CRYPT_HEADER_SIZE, &ctext_len);
  gnutls_aead_cipher_deinit (cipher);
  if (rc < 0)
    {
      gnutls_failed (error, rc);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&out), out_len);
}

static gboolean
format_error (GError     **error,
              int          code,
              const char  *message)
{
  g_set_error_literal (error, XASO_ATTACHMENT_CRYPT_ERROR, code, message);
  return FALSE;
}

static gboolean
truncated (GError **error)
{
  return format_error (error, XASO_ATTACHMENT_CRYPT_ERROR_TRUNCATED,
                       _("The stored sensitive file is incomplete: it was cut short, perhaps by a full disk or "
                         "an interrupted copy. It was left as it is."));
}

/* Checks what can be checked before decrypting, so a damaged file gets an
 * error that says how, and returns the plaintext length from the header. */
static gboolean
check_header (const guint8  key[XASO_FILE_KEY_SIZE],
              const guint8 *data,
              gsize         len,
              gsize        *plain_len,
              GError      **error)
{
  guint8 id[KEY_ID_LEN];
  guint64 be_len;

  if (len < MAGIC_LEN + 1 || memcmp (data, MAGIC, MAGIC_LEN) != 0)
    return format_error (error, XASO_ATTACHMENT_CRYPT_ERROR_NOT_ENCRYPTED,
                         _("The stored sensitive file is not an encrypted attachment: it is damaged or was "
                           "replaced. It was left as it is."));
  if (data[MAGIC_LEN] != VERSION)
    return format_error (error, XASO_ATTACHMENT_CRYPT_ERROR_UNSUPPORTED,
                         _("The sensitive file was encrypted by a newer version of Xã Số; update the "
                           "application to open it."));
  if (len < XASO_ATTACHMENT_CRYPT_HEADER_SIZE + XASO_ATTACHMENT_CRYPT_TAG_SIZE)
    return truncated (error);
  memcpy (&be_len, data + LENGTH_AT, sizeof be_len);
  *plain_len = (gsize)GUINT64_FROM_BE (be_len);
  if (*plain_len > XASO_ATTACHMENT_CRYPT_MAX_SIZE)
    return too_large (error);
  if (len != XASO_ATTACHMENT_CRYPT_HEADER_SIZE + *plain_len + XASO_ATTACHMENT_CRYPT_TAG_SIZE)
    return truncated (error);
  key_id (key, id);
  if (memcmp (id, data + KEY_ID_AT, KEY_ID_LEN) != 0)
    return format_error (error, XASO_ATTACHMENT_CRYPT_ERROR_WRONG_KEY,
                         _("The sensitive file was encrypted with another key than this computer’s: it was "
                           "encrypted elsewhere, or the key was replaced. It was left as it is."));
  return TRUE;
}

gboolean
xaso_attachment_encrypted_with (const guint8  key[XASO_FILE_KEY_SIZE],
                                const void   *data,
                                gsize         len)
{
  guint8 id[KEY_ID_LEN];

  if (len < XASO_ATTACHMENT_CRYPT_HEADER_SIZE)
    return FALSE;
  key_id (key, id);
  return memcmp (id, (const guint8 *)data + KEY_ID_AT, KEY_ID_LEN) == 0;
}

GBytes *
xaso_attachment_decrypt (const guint8  key[XASO_FILE_KEY_SIZE],
                         const void   *data,
                         gsize         len,
                         GError      **error)
{
  const guint8 *bytes = data;
  gnutls_aead_cipher_hd_t cipher;
  g_autofree guint8 *plain = NULL;
  gsize plain_len = 0, out_len;
  int rc;

  if (!check_header (key, bytes, len, &plain_len, error) || (cipher = open_cipher (key, error)) == NULL)
    return NULL;
  /* One byte more than needed, so an empty file still has a buffer. */
  plain = g_malloc (plain_len + 1);
  out_len = plain_len + 1;
  rc = gnutls_aead_cipher_decrypt (cipher, bytes + NONCE_AT, NONCE_LEN, bytes, XASO_ATTACHMENT_CRYPT_HEADER_SIZE,
                                   XASO_ATTACHMENT_CRYPT_TAG_SIZE, bytes + XASO_ATTACHMENT_CRYPT_HEADER_SIZE,
                                   len - XASO_ATTACHMENT_CRYPT_HEADER_SIZE, plain, &out_len);
  gnutls_aead_cipher_deinit (cipher);
  if (rc == GNUTLS_E_DECRYPTION_FAILED)
    {
      format_error (error, XASO_ATTACHMENT_CRYPT_ERROR_AUTHENTICATION,
                    _("The sensitive file failed its authenticity check: it was changed or damaged after it "
                      "was stored, or the key is wrong. It was left as it is."));
      return NULL;
    }
  if (rc < 0 || out_len != plain_len)
    {
      gnutls_failed (error, rc < 0 ? rc : GNUTLS_E_INTERNAL_ERROR);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&plain), plain_len);
}
