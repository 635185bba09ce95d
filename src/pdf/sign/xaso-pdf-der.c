/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xaso-pdf-der-private.h"

gboolean
xaso_der_read (const guint8 *data,
               gsize         len,
               XasoDer      *out)
{
  gsize pos = 2, content_len;

  if (len < 2 || (data[0] & 0x1f) == 0x1f)
    return FALSE;
  content_len = data[1];
  if (content_len & 0x80)
    {
      guint n = content_len & 0x7f;

      /* 0x80 is BER's indefinite length; more than 4 bytes is absurd here. */
      if (n == 0 || n > 4 || len < 2 + n)
        return FALSE;
      content_len = 0;
      for (guint i = 0; i < n; i++)
        content_len = (content_len << 8) | data[2 + i];
      pos += n;
    }
  if (content_len > len - pos)
    return FALSE;
  out->tag = data[0];
  out->start = data;
  out->content = data + pos;
  out->content_len = content_len;
  out->total_len = pos + content_len;
  return TRUE;
}

gboolean
xaso_der_first (const XasoDer *parent,
                XasoDer       *child)
{
  return xaso_der_read (parent->content, parent->content_len, child);
}

gboolean
xaso_der_next (const XasoDer *parent,
               const XasoDer *child,
               XasoDer       *next)
{
  const guint8 *end = parent->content + parent->content_len;
  const guint8 *at = child->start + child->total_len;

  if (at >= end)
    return FALSE;
  return xaso_der_read (at, (gsize)(end - at), next);
}

gboolean
xaso_der_child (const XasoDer *parent,
                guint          index,
                guint8         tag,
                XasoDer       *child)
{
  XasoDer cur;

  if (!xaso_der_first (parent, &cur))
    return FALSE;
  for (guint i = 0; i < index; i++)
    {
      XasoDer next;

      if (!xaso_der_next (parent, &cur, &next))
        return FALSE;
      cur = next;
    }
  *child = cur;
  return cur.tag == tag;
}

void
xaso_der_put_header (GByteArray *out,
                     guint8      tag,
                     gsize       len)
{
  guint8 head[6];
  guint n = 0;

  head[n++] = tag;
  if (len < 0x80)
    head[n++] = (guint8)len;
  else
    {
      guint bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;

      head[n++] = (guint8)(0x80 | bytes);
      for (guint i = bytes; i > 0; i--)
        head[n++] = (guint8)(len >> (8 * (i - 1)));
    }
  g_byte_array_append (out, head, n);
}

void
xaso_der_put (GByteArray   *out,
              guint8        tag,
              const guint8 *content,
              gsize         len)
{
  xaso_der_put_header (out, tag, len);
  if (len > 0)
    g_byte_array_append (out, content, (guint)len);
}

static void
put_base128 (GByteArray *body,
             guint64     value)
{
  guint8 tmp[10];
  guint n = 0;

  do
    {
      tmp[n++] = (guint8)(value & 0x7f);
      value >>= 7;
    }
  while (value > 0);
  for (guint i = n; i > 0; i--)
    {
      guint8 b = tmp[i - 1] | (i > 1 ? 0x80 : 0);

      g_byte_array_append (body, &b, 1);
    }
}

void
xaso_der_put_oid (GByteArray *out,
                  const char *dotted)
{
  g_auto(GStrv) arcs = g_strsplit (dotted, ".", -1);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint n = g_strv_length (arcs);

  g_return_if_fail (n >= 2);
  put_base128 (body, g_ascii_strtoull (arcs[0], NULL, 10) * 40 + g_ascii_strtoull (arcs[1], NULL, 10));
  for (guint i = 2; i < n; i++)
    put_base128 (body, g_ascii_strtoull (arcs[i], NULL, 10));
  xaso_der_put (out, XASO_DER_OID, body->data, body->len);
}

gboolean
xaso_der_oid_equal (const XasoDer *oid,
                    const char    *dotted)
{
  g_autoptr(GByteArray) want = g_byte_array_new ();

  if (oid->tag != XASO_DER_OID)
    return FALSE;
  xaso_der_put_oid (want, dotted);
  return want->len == oid->total_len && memcmp (want->data, oid->start, want->len) == 0;
}

void
xaso_der_put_uint (GByteArray *out,
                   guint64     value)
{
  guint8 tmp[9];
  guint n = 0;

  do
    {
      tmp[8 - n++] = (guint8)(value & 0xff);
      value >>= 8;
    }
  while (value > 0);
  /* A leading 1 bit would make the number negative. */
  if (tmp[9 - n] & 0x80)
    tmp[8 - n++] = 0;
  xaso_der_put (out, XASO_DER_INTEGER, tmp + 9 - n, n);
}

gboolean
xaso_der_get_int (const XasoDer *integer,
                  gint64        *value)
{
  gint64 v;

  if (integer->tag != XASO_DER_INTEGER || integer->content_len == 0 || integer->content_len > 8)
    return FALSE;
  v = (integer->content[0] & 0x80) ? -1 : 0;
  for (gsize i = 0; i < integer->content_len; i++)
    v = (gint64)(((guint64)v << 8) | integer->content[i]);
  *value = v;
  return TRUE;
}

void
xaso_der_wrap_from (GByteArray *out,
                    gsize       from,
                    guint8      tag)
{
  g_autoptr(GByteArray) head = g_byte_array_new ();

  gsize body = out->len - from;

  xaso_der_put_header (head, tag, body);
  g_byte_array_set_size (out, out->len + head->len);
  memmove (out->data + from + head->len, out->data + from, body);
  memcpy (out->data + from, head->data, head->len);
}
