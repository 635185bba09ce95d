/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "xaso-server-random.h"
#include "xaso-sync-protocol.h"

/* No I or O, which read as 1 and 0. */
static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
#define ALPHABET_SIZE (sizeof alphabet - 1)

void
xaso_server_random_bytes (guint8 *buffer,
                          gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      /* Without the kernel's generator no secret can be made; going on with a
       * weaker one would be worse than stopping. */
      if (n < 0)
        g_error ("getrandom: %s", g_strerror (errno));
      done += (gsize) n;
    }
}

char *
xaso_server_random_letters (guint n)
{
  GString *out = g_string_sized_new (n);
  /* Bytes of 240 and over are thrown away so that each letter is equally likely. */
  const guint limit = 256 - 256 % ALPHABET_SIZE;

  while (out->len < n)
    {
      guint8 bytes[32];

      xaso_server_random_bytes (bytes, sizeof bytes);
      for (gsize i = 0; i < sizeof bytes && out->len < n; i++)
        if (bytes[i] < limit)
          g_string_append_c (out, alphabet[bytes[i] % ALPHABET_SIZE]);
    }
  return g_string_free (out, FALSE);
}

char *
xaso_server_random_secret (void)
{
  guint8 bytes[32];
  GString *out = g_string_sized_new (2 * sizeof bytes);

  xaso_server_random_bytes (bytes, sizeof bytes);
  for (gsize i = 0; i < sizeof bytes; i++)
    g_string_append_printf (out, "%02x", bytes[i]);
  return g_string_free (out, FALSE);
}

char *
xaso_server_enrollment_code_normalize (const char *code)
{
  g_autofree char *upper = NULL;

  if (code == NULL || strlen (code) != 6 + XASO_ENROLLMENT_LETTERS || code[5] != '-')
    return NULL;
  upper = g_ascii_strup (code, -1);
  for (guint i = 6; upper[i] != '\0'; i++)
    if (strchr (alphabet, upper[i]) == NULL)
      return NULL;
  upper[5] = '\0';
  if (!xaso_sync_commune_code_valid (upper))
    return NULL;
  upper[5] = '-';
  return g_steal_pointer (&upper);
}
