/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <string.h>

#include "xaso-sync-keys.h"

#define LABEL_KEY_ID "xaso attachment key id v1"

static char *
hex (const guint8 *bytes,
     gsize         len)
{
  GString *out = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (out, "%02x", bytes[i]);
  return g_string_free (out, FALSE);
}

char *
xaso_sync_key_id_hex (const guint8 key[XASO_SYNC_KEY_SIZE])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, XASO_SYNC_KEY_SIZE);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_hmac_update (hmac, (const guchar *) LABEL_KEY_ID, strlen (LABEL_KEY_ID));
  g_hmac_get_digest (hmac, digest, &len);
  return hex (digest, XASO_SYNC_KEY_ID_LEN / 2);
}

static gboolean
lower_hex (const char *text,
           gsize       len)
{
  if (text == NULL || strlen (text) != len)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

gboolean
xaso_sync_key_id_valid (const char *text)
{
  return lower_hex (text, XASO_SYNC_KEY_ID_LEN);
}

gboolean
xaso_sync_key_parse_hex (const char *text,
                         guint8      key[XASO_SYNC_KEY_SIZE])
{
  if (!lower_hex (text, XASO_SYNC_KEY_SIZE * 2))
    return FALSE;
  for (guint i = 0; i < XASO_SYNC_KEY_SIZE; i++)
    key[i] = (guint8) (g_ascii_xdigit_value (text[2 * i]) << 4 | g_ascii_xdigit_value (text[2 * i + 1]));
  return TRUE;
}

char *
xaso_sync_key_to_hex (const guint8 key[XASO_SYNC_KEY_SIZE])
{
  return hex (key, XASO_SYNC_KEY_SIZE);
}
