/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-password.h"
#include "xaso-server-random.h"

#define SALT_BYTES 16
#define HASH_BYTES 32

/* One HMAC of @data under the key @base was set up with. */
static void
hmac (GHmac        *base,
      const guint8 *data,
      gsize         length,
      const guint8 *more,
      gsize         more_length,
      guint8        out[HASH_BYTES])
{
  GHmac *h = g_hmac_copy (base);
  gsize size = HASH_BYTES;

  g_hmac_update (h, data, length);
  if (more != NULL)
    g_hmac_update (h, more, more_length);
  g_hmac_get_digest (h, out, &size);
  g_hmac_unref (h);
}

/* PBKDF2 with one block: the derived key is as long as the hash. */
static void
pbkdf2_sha256 (const char   *password,
               const guint8 *salt,
               gsize         salt_length,
               guint         iterations,
               guint8        key[HASH_BYTES])
{
  static const guint8 first_block[4] = { 0, 0, 0, 1 };
  GHmac *base = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) password, strlen (password));
  guint8 u[HASH_BYTES];

  hmac (base, salt, salt_length, first_block, sizeof first_block, u);
  memcpy (key, u, HASH_BYTES);
  for (guint i = 1; i < iterations; i++)
    {
      hmac (base, u, HASH_BYTES, NULL, 0, u);
      for (guint j = 0; j < HASH_BYTES; j++)
        key[j] ^= u[j];
    }
  g_hmac_unref (base);
}

char *
xaso_server_password_verifier (const char *password,
                               guint       iterations)
{
  guint8 salt[SALT_BYTES], key[HASH_BYTES];
  g_autofree char *salt_text = NULL;
  g_autofree char *key_text = NULL;

  xaso_server_random_bytes (salt, sizeof salt);
  pbkdf2_sha256 (password, salt, sizeof salt, iterations, key);
  salt_text = g_base64_encode (salt, sizeof salt);
  key_text = g_base64_encode (key, sizeof key);
  return g_strdup_printf ("pbkdf2-sha256$%u$%s$%s", iterations, salt_text, key_text);
}
