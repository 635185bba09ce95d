/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-password.h"
#include "xaso-user.h"

#define SALT_BYTES 16
#define HASH_BYTES 32
#define SCHEME     "pbkdf2-sha256"

gboolean
xaso_password_acceptable (const char  *password,
                          const char  *username,
                          GError     **error)
{
  if (password == NULL || g_utf8_strlen (password, -1) < XASO_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_WEAK_PASSWORD,
                   _("A password has at least %d characters."), XASO_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  if (username != NULL && g_ascii_strcasecmp (password, username) == 0)
    {
      g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_WEAK_PASSWORD,
                           _("The password may not be the username."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
derive (const char   *password,
        const guint8 *salt,
        gsize         salt_len,
        guint         iterations,
        guint8        hash[HASH_BYTES])
{
  gnutls_datum_t key = { (unsigned char *)password, strlen (password) };
  gnutls_datum_t salt_datum = { (unsigned char *)salt, salt_len };

  return gnutls_pbkdf2 (GNUTLS_MAC_SHA256, &key, &salt_datum, iterations, hash, HASH_BYTES) == 0;
}

char *
xaso_password_make_verifier (const char  *password,
                             GError     **error)
{
  guint8 salt[SALT_BYTES], hash[HASH_BYTES];
  g_autofree char *salt_text = NULL;
  g_autofree char *hash_text = NULL;

  if (gnutls_rnd (GNUTLS_RND_RANDOM, salt, sizeof salt) != 0 ||
      !derive (password, salt, sizeof salt, XASO_PASSWORD_ITERATIONS, hash))
    {
      g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_FAILED,
                           _("The password could not be protected (the cryptography library failed)."));
      return NULL;
    }
  salt_text = g_base64_encode (salt, sizeof salt);
  hash_text = g_base64_encode (hash, sizeof hash);
  return g_strdup_printf (SCHEME "$%u$%s$%s", XASO_PASSWORD_ITERATIONS, salt_text, hash_text);
}

gboolean
xaso_password_check (const char *verifier,
                     const char *password)
{
  g_auto(GStrv) parts = verifier ? g_strsplit (verifier, "$", -1) : NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  gsize salt_len = 0, expected_len = 0;
  guint8 hash[HASH_BYTES];
  guint64 iterations;
  guint8 diff = 0;

  if (parts == NULL || g_strv_length (parts) != 4 || !g_str_equal (parts[0], SCHEME) || password == NULL)
    return FALSE;
  iterations = g_ascii_strtoull (parts[1], NULL, 10);
  salt = g_base64_decode (parts[2], &salt_len);
  expected = g_base64_decode (parts[3], &expected_len);
  if (iterations < 1000 || iterations > 10000000 || salt_len < 8 || expected_len != HASH_BYTES ||
      !derive (password, salt, salt_len, iterations, hash))
    return FALSE;
  for (guint i = 0; i < HASH_BYTES; i++)
    diff |= hash[i] ^ expected[i];
  return diff == 0;
}
