/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-edxml"

#include "config.h"

#include "xaso-edxml-reader-private.h"

void
_xaso_edxml_base64_init (XasoEdxmlBase64 *b)
{
  _xaso_edxml_base64_clear (b);
  b->out = g_byte_array_new ();
}

void
_xaso_edxml_base64_clear (XasoEdxmlBase64 *b)
{
  g_clear_pointer (&b->out, g_byte_array_unref);
  b->chars = 0;
  b->padding = 0;
  b->state = 0;
  b->save = 0;
}

static gboolean
is_base64_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '/';
}

/* Line breaks and spaces are allowed between characters; '=' only at the
 * end, at most twice. */
static gboolean
check_chars (XasoEdxmlBase64 *b,
             const char      *text,
             gsize            len)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        continue;
      if (c == '=' && ++b->padding <= 2)
        b->chars++;
      else if (is_base64_char (c) && b->padding == 0)
        b->chars++;
      else
        return FALSE;
    }
  return TRUE;
}

XasoEdxmlBase64Result
_xaso_edxml_base64_feed (XasoEdxmlBase64 *b,
                         const char      *text,
                         gsize            len,
                         gsize            room)
{
  gsize limit = MIN ((gsize)XASO_EDXML_MAX_ATTACHMENT_SIZE, room);
  gsize at;

  if (!check_chars (b, text, len))
    return XASO_EDXML_BASE64_INVALID;
  if (b->chars / 4 * 3 > limit + 3)
    return XASO_EDXML_BASE64_TOO_LARGE;
  at = b->out->len;
  g_byte_array_set_size (b->out, at + len / 4 * 3 + 3);
  at += g_base64_decode_step (text, len, b->out->data + at, &b->state, &b->save);
  g_byte_array_set_size (b->out, at);
  if (b->out->len > limit)
    return XASO_EDXML_BASE64_TOO_LARGE;
  return XASO_EDXML_BASE64_OK;
}

GBytes *
_xaso_edxml_base64_finish (XasoEdxmlBase64 *b)
{
  GBytes *bytes = NULL;

  if (b->chars > 0 && b->chars % 4 == 0)
    bytes = g_byte_array_free_to_bytes (g_steal_pointer (&b->out));
  _xaso_edxml_base64_clear (b);
  return bytes;
}
