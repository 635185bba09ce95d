/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "xaso-pdf-document.h"
#include "xaso-pdf-filter-private.h"

#define MAX_CHAIN 8
#define RATIO_FLOOR (1u << 20)
#define MAX_ROW (1u << 24)

typedef struct
{
  XasoPdfResolveFunc resolve;
  gpointer           user_data;
  gsize              limit;     /* the output bound of the whole chain */
} Chain;

static gboolean
too_large (GError **error)
{
  g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_TOO_LARGE,
               _("A compressed stream of this PDF expands beyond the safe limit."));
  return FALSE;
}

static gboolean
grow (GByteArray  *out,
      gsize        extra,
      gsize        limit,
      GError     **error)
{
  if (out->len + extra > limit)
    return too_large (error);
  return TRUE;
}

static GByteArray *
inflate_data (const guint8  *data,
              gsize          len,
              gsize          limit,
              GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  z_stream z = { 0 };
  guint8 buf[16384];
  int rc = Z_OK;

  if (inflateInit (&z) != Z_OK)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED, _("Damaged PDF: cannot decompress a stream."));
      return NULL;
    }
  z.next_in = (Bytef *)data;
  z.avail_in = (uInt)MIN (len, G_MAXUINT32);
  while (rc == Z_OK)
    {
      z.next_out = buf;
      z.avail_out = sizeof buf;
      rc = inflate (&z, Z_NO_FLUSH);
      if (!grow (out, sizeof buf - z.avail_out, limit, error))
        {
          inflateEnd (&z);
          return NULL;
        }
      g_byte_array_append (out, buf, sizeof buf - z.avail_out);
      if (rc == Z_BUF_ERROR && z.avail_out != 0)
        break;                  /* truncated input: keep what was decoded */
      if (rc == Z_BUF_ERROR)
        rc = Z_OK;
    }
  inflateEnd (&z);
  /* Damaged compressed data still yields what came before the damage, as
   * other readers show it; nothing at all is an error. */
  if (rc != Z_STREAM_END && rc != Z_BUF_ERROR && out->len == 0)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED, _("Damaged PDF: cannot decompress a stream."));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static GByteArray *
ascii_hex (const guint8 *data,
           gsize         len)
{
  GByteArray *out = g_byte_array_sized_new ((guint)(len / 2 + 1));
  int half = -1;

  for (gsize i = 0; i < len && data[i] != '>'; i++)
    {
      int v = g_ascii_xdigit_value (data[i]);
      guint8 b;

      if (v < 0)
        continue;
      if (half < 0)
        {
          half = v;
          continue;
        }
      b = (guint8)(half << 4 | v);
      g_byte_array_append (out, &b, 1);
      half = -1;
    }
  if (half >= 0)
    {
      guint8 b = (guint8)(half << 4);

      g_byte_array_append (out, &b, 1);
    }
  return out;
}

static void
flush85 (GByteArray *out,
         guint32     value,
         int         n)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, b, (guint)n);
}

static GByteArray *
ascii_85 (const guint8  *data,
          gsize          len,
          GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new ((guint)(len * 4 / 5 + 4));
  guint64 value = 0;
  int n = 0;

  for (gsize i = 0; i < len && data[i] != '~'; i++)
    {
      guint8 c = data[i];

      if (c == 'z' && n == 0)
        {
          flush85 (out, 0, 4);
          continue;
        }
      if (c < '!' || c > 'u')
        continue;               /* white space, and junk other readers skip */
      value = value * 85 + (guint64)(c - '!');
      if (++n == 5)
        {
          flush85 (out, (guint32)value, 4);
          value = 0;
          n = 0;
        }
    }
  if (n == 1)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED, _("Damaged PDF: invalid ASCII85 data."));
      return NULL;
    }
  if (n > 1)
    {
      for (int k = n; k < 5; k++)
        value = value * 85 + 84;
      flush85 (out, (guint32)value, n - 1);
    }
  return g_steal_pointer (&out);
}

static gint64
parm_int (Chain         *chain,
          XasoPdfObject *parms,
          const char    *key,
          gint64         fallback)
{
  XasoPdfObject *value = xaso_pdf_object_dict_get (parms, key);

  if (value == NULL)
    return fallback;
  value = chain->resolve (chain->user_data, value);
  if (xaso_pdf_object_get_kind (value) != XASO_PDF_INT)
    return fallback;
  return xaso_pdf_object_get_int (value);
}

static guint8
paeth (guint8 a,
       guint8 b,
       guint8 c)
{
  int p = a + b - c;
  int pa = ABS (p - a), pb = ABS (p - b), pc = ABS (p - c);

  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

static void
png_row (guint8       *row,
         const guint8 *prev,
         gsize         n,
         gsize         bpp,
         guint8        type)
{
  for (gsize i = 0; i < n; i++)
    {
      guint8 left = i >= bpp ? row[i - bpp] : 0;
      guint8 up = prev[i];
      guint8 upleft = i >= bpp ? prev[i - bpp] : 0;

      switch (type)
        {
        case 1: row[i] += left; break;
        case 2: row[i] += up; break;
        case 3: row[i] += (guint8)((left + up) / 2); break;
        case 4: row[i] += paeth (left, up, upleft); break;
        default: break;         /* 0, and unknown types read as "none" */
        }
    }
}

static GByteArray *
unpredict_png (const GByteArray *in,
               gsize             row_len,
               gsize             bpp)
{
  GByteArray *out = g_byte_array_sized_new (in->len);
  g_autofree guint8 *prev = g_malloc0 (row_len);

  for (gsize pos = 0; pos < in->len; pos += row_len + 1)
    {
      gsize n = MIN (row_len, in->len - pos - 1);
      guint8 *row;

      g_byte_array_append (out, in->data + pos + 1, (guint)n);
      row = out->data + out->len - n;
      png_row (row, prev, n, bpp, in->data[pos]);
      memcpy (prev, row, n);
    }
  return out;
}

static GByteArray *
unpredict_tiff (const GByteArray *in,
                gsize             row_len,
                gsize             bpp)
{
  GByteArray *out = g_byte_array_sized_new (in->len);

  g_byte_array_append (out, in->data, in->len);
  for (gsize pos = 0; pos < out->len; pos += row_len)
    {
      gsize n = MIN (row_len, out->len - pos);

      for (gsize i = bpp; i < n; i++)
        out->data[pos + i] += out->data[pos + i - bpp];
    }
  return out;
}

static GByteArray *
unpredict (Chain          *chain,
           GByteArray     *data,
           XasoPdfObject  *parms,
           GError        **error)
{
  gint64 predictor = parm_int (chain, parms, "Predictor", 1);
  gint64 colors = parm_int (chain, parms, "Colors", 1);
  gint64 bpc = parm_int (chain, parms, "BitsPerComponent", 8);
  gint64 columns = parm_int (chain, parms, "Columns", 1);
  gsize row_len, bpp;

  if (predictor <= 1)
    return g_byte_array_ref (data);
  if (colors < 1 || colors > 32 || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16)
      || columns < 1 || columns > MAX_ROW || (guint64)(colors * bpc * columns) / 8 > MAX_ROW)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED, _("Damaged PDF: invalid predictor parameters."));
      return NULL;
    }
  row_len = (gsize)((colors * bpc * columns + 7) / 8);
  bpp = (gsize)MAX (1, colors * bpc / 8);
  if (predictor >= 10)
    return unpredict_png (data, row_len, bpp);
  if (predictor == 2 && bpc == 8)
    return unpredict_tiff (data, row_len, bpp);
  g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_UNSUPPORTED,
               _("This PDF uses a stream predictor that is not supported."));
  return NULL;
}

GByteArray *
xaso_pdf_filter_unpredict (GByteArray     *data,
                           XasoPdfObject  *parms,
                           GError        **error)
{
  Chain chain = { NULL, NULL, G_MAXSIZE };

  return unpredict (&chain, data, parms, error);
}

static GByteArray *
apply_one (Chain          *chain,
           const char     *name,
           const guint8   *data,
           gsize           len,
           XasoPdfObject  *parms,
           GError        **error)
{
  g_autoptr(GByteArray) raw = NULL;

  if (g_strcmp0 (name, "FlateDecode") == 0 || g_strcmp0 (name, "Fl") == 0)
    raw = inflate_data (data, len, chain->limit, error);
  else if (g_strcmp0 (name, "ASCIIHexDecode") == 0 || g_strcmp0 (name, "AHx") == 0)
    raw = ascii_hex (data, len);
  else if (g_strcmp0 (name, "ASCII85Decode") == 0 || g_strcmp0 (name, "A85") == 0)
    raw = ascii_85 (data, len, error);
  else
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_UNSUPPORTED,
                   /* Translators: %s is a PDF filter name such as DCTDecode. */
                   _("This PDF uses the %s compression, which cannot be decoded here."),
                   name != NULL ? name : "?");
      return NULL;
    }
  if (raw == NULL)
    return NULL;
  if (raw->len > chain->limit)
    {
      too_large (error);
      return NULL;
    }
  if (parms != NULL && xaso_pdf_object_get_kind (parms) == XASO_PDF_DICT)
    return unpredict (chain, raw, parms, error);
  return g_steal_pointer (&raw);
}

static XasoPdfObject *
nth (Chain         *chain,
     XasoPdfObject *value,
     guint          i)
{
  if (value == NULL)
    return NULL;
  value = chain->resolve (chain->user_data, value);
  if (xaso_pdf_object_get_kind (value) == XASO_PDF_ARRAY)
    value = xaso_pdf_object_array_get (value, i);
  else if (i > 0)
    return NULL;
  return value != NULL ? chain->resolve (chain->user_data, value) : NULL;
}

static gsize
chain_limit (gsize len,
             gsize max_size)
{
  guint64 by_ratio = MAX ((guint64)RATIO_FLOOR, (guint64)len * XASO_PDF_MAX_RATIO);

  return (gsize)MIN ((guint64)max_size, by_ratio);
}

GBytes *
xaso_pdf_filter_decode (const guint8        *data,
                        gsize                len,
                        XasoPdfObject       *stream_dict,
                        XasoPdfResolveFunc   resolve,
                        gpointer             user_data,
                        gsize                max_size,
                        GError             **error)
{
  Chain chain = { resolve, user_data, chain_limit (len, max_size) };
  XasoPdfObject *filters = xaso_pdf_object_dict_get (stream_dict, "Filter");
  XasoPdfObject *parms = xaso_pdf_object_dict_get (stream_dict, "DecodeParms");
  g_autoptr(GByteArray) current = NULL;
  guint n;

  n = filters == NULL ? 0 : MAX (1, xaso_pdf_object_array_get_length (resolve (user_data, filters)));
  if (n > MAX_CHAIN)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_TOO_LARGE, _("Damaged PDF: too many stream filters."));
      return NULL;
    }
  if (n == 0 && len > max_size)
    {
      too_large (error);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *name = xaso_pdf_object_get_name (nth (&chain, filters, i));
      GByteArray *next = apply_one (&chain, name, current ? current->data : data,
                                    current ? current->len : len, nth (&chain, parms, i), error);

      if (next == NULL)
        return NULL;
      g_clear_pointer (&current, g_byte_array_unref);
      current = next;
    }
  if (current == NULL)
    return g_bytes_new (data, len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&current));
}
