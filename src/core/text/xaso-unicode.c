/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-text"

#include "config.h"

#include <string.h>

#include "xaso-unicode.h"

/* Text is checked at every save and over the whole database when it is
 * upgraded, so the usual case is decided on the bytes: ASCII, Latin-1 to
 * Latin Extended-B and the precomposed Vietnamese letters (U+1EA0–U+1EF9)
 * are NFC by themselves, as long as no combining mark follows them. Only
 * text with other characters goes through a real normalisation. */
gboolean
xaso_unicode_is_plainly_nfc (const char *text,
                             gsize       len)
{
  const guchar *end = (const guchar *) text + len;

  for (const guchar *p = (const guchar *) text; p < end; p++)
    {
      if (*p < 0x80)
        continue;
      if (*p >= 0xC2 && *p <= 0xCB && p + 1 < end && (p[1] & 0xC0) == 0x80)
        p++;
      else if (*p == 0xE1 && p + 2 < end && (p[1] == 0xBA || p[1] == 0xBB) && (p[2] & 0xC0) == 0x80 &&
               !(p[1] == 0xBB && p[2] > 0xB9))
        p += 2;
      else
        return FALSE;
    }
  return TRUE;
}

gboolean
xaso_unicode_is_nfc (const char *text)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (xaso_unicode_is_plainly_nfc (text, strlen (text)))
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return normal != NULL && strcmp (normal, text) == 0;
}

char *
xaso_unicode_nfc (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  if (xaso_unicode_is_plainly_nfc (text, strlen (text)))
    return g_strdup (text);
  valid = g_utf8_make_valid (text, -1);
  return g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
}
