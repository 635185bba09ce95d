/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-document.h"
#include "xaso-pdf-object-private.h"
#include "xaso-pdf-parser-private.h"

static XasoPdfObject *parse_value (XasoPdfLexer  *lexer,
                                   XasoPdfToken  *token,
                                   guint          depth,
                                   GError       **error);

const guint8 *
xaso_pdf_find (const guint8 *haystack,
               gsize         len,
               const char   *needle)
{
  gsize n = strlen (needle);
  const guint8 *p = haystack;
  const guint8 *end = haystack + len;

  while (n > 0 && (gsize)(end - p) >= n)
    {
      p = memchr (p, needle[0], (gsize)(end - p) - n + 1);
      if (p == NULL)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
      p++;
    }
  return NULL;
}

const guint8 *
xaso_pdf_rfind (const guint8 *haystack,
                gsize         len,
                const char   *needle)
{
  gsize n = strlen (needle);

  if (n == 0 || len < n)
    return NULL;
  for (gsize i = len - n + 1; i > 0; i--)
    if (haystack[i - 1] == (guint8)needle[0] && memcmp (haystack + i - 1, needle, n) == 0)
      return haystack + i - 1;
  return NULL;
}

void
xaso_pdf_parse_context_init (XasoPdfParseContext *ctx,
                             const guint8        *data,
                             gsize                len)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->data = data;
  ctx->len = len;
  ctx->no_endstream_from = G_MAXSIZE;
}

/* For parsers that return the object they made: NULL on damage. */
static gpointer
damaged (GError    **error,
         const char *what,
         gsize       offset)
{
  xaso_pdf_set_damaged (error, what, offset);
  return NULL;
}

/* After an integer: "G R" makes it a reference; otherwise nothing is
 * consumed. */
static XasoPdfObject *
try_reference (XasoPdfLexer       *lexer,
               const XasoPdfToken *first)
{
  XasoPdfToken gen = { 0 };
  XasoPdfToken r = { 0 };
  gsize saved = lexer->pos;
  XasoPdfObject *ref = NULL;

  if (first->integer >= 0 && first->integer <= G_MAXUINT32
      && xaso_pdf_lexer_next (lexer, &gen, NULL) && gen.kind == XASO_PDF_TOKEN_INT
      && gen.integer >= 0 && gen.integer <= G_MAXUINT16
      && xaso_pdf_lexer_next (lexer, &r, NULL) && xaso_pdf_token_is_keyword (lexer, &r, "R"))
    ref = xaso_pdf_object_new_ref ((guint32)first->integer, (guint16)gen.integer);
  else
    lexer->pos = saved;
  xaso_pdf_token_clear (&gen);
  xaso_pdf_token_clear (&r);
  return ref;
}

static XasoPdfObject *
parse_array (XasoPdfLexer  *lexer,
             guint          depth,
             GError       **error)
{
  g_autoptr(XasoPdfObject) array = xaso_pdf_object_new_array ();
  XasoPdfToken token = { 0 };

  for (;;)
    {
      XasoPdfObject *item;

      if (!xaso_pdf_lexer_next (lexer, &token, error))
        return NULL;
      if (token.kind == XASO_PDF_TOKEN_ARRAY_CLOSE)
        break;
      item = parse_value (lexer, &token, depth + 1, error);
      xaso_pdf_token_clear (&token);
      if (item == NULL)
        return NULL;
      xaso_pdf_object_array_append (array, item);
    }
  return g_steal_pointer (&array);
}

static XasoPdfObject *
parse_dict (XasoPdfLexer  *lexer,
            guint          depth,
            GError       **error)
{
  g_autoptr(XasoPdfObject) dict = xaso_pdf_object_new_dict ();
  XasoPdfToken key = { 0 };
  XasoPdfToken token = { 0 };

  for (;;)
    {
      XasoPdfObject *value;

      if (!xaso_pdf_lexer_next (lexer, &key, error))
        return NULL;
      if (key.kind == XASO_PDF_TOKEN_DICT_CLOSE)
        break;
      if (key.kind != XASO_PDF_TOKEN_NAME)
        {
          gsize at = key.start;

          xaso_pdf_token_clear (&key);
          return damaged (error, _("a dictionary key is not a name"), at);
        }
      if (!xaso_pdf_lexer_next (lexer, &token, error))
        {
          xaso_pdf_token_clear (&key);
          return NULL;
        }
      /* "<< /Key >>": a key without a value is read as null, like other
       * readers do. */
      if (token.kind == XASO_PDF_TOKEN_DICT_CLOSE)
        {
          xaso_pdf_object_dict_append_take (dict, (char *)g_steal_pointer (&key.bytes),
                                            xaso_pdf_object_new_null ());
          xaso_pdf_token_clear (&key);
          break;
        }
      value = parse_value (lexer, &token, depth + 1, error);
      xaso_pdf_token_clear (&token);
      if (value == NULL)
        {
          xaso_pdf_token_clear (&key);
          return NULL;
        }
      xaso_pdf_object_dict_append_take (dict, (char *)g_steal_pointer (&key.bytes), value);
      xaso_pdf_token_clear (&key);
    }
  return g_steal_pointer (&dict);
}

static XasoPdfObject *
parse_keyword (XasoPdfLexer       *lexer,
               const XasoPdfToken *token,
               GError            **error)
{
  if (xaso_pdf_token_is_keyword (lexer, token, "true"))
    return xaso_pdf_object_new_bool (TRUE);
  if (xaso_pdf_token_is_keyword (lexer, token, "false"))
    return xaso_pdf_object_new_bool (FALSE);
  if (xaso_pdf_token_is_keyword (lexer, token, "null"))
    return xaso_pdf_object_new_null ();
  return damaged (error, _("unexpected keyword"), token->start);
}

static XasoPdfObject *
parse_value (XasoPdfLexer  *lexer,
             XasoPdfToken  *token,
             guint          depth,
             GError       **error)
{
  XasoPdfObject *ref;

  if (depth > XASO_PDF_MAX_DEPTH)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_TOO_LARGE,
                   _("Damaged PDF: objects are nested too deeply at byte %llu."),
                   (unsigned long long)token->start);
      return NULL;
    }
  switch (token->kind)
    {
    case XASO_PDF_TOKEN_INT:
      ref = try_reference (lexer, token);
      return ref != NULL ? ref : xaso_pdf_object_new_int (token->integer);
    case XASO_PDF_TOKEN_REAL:
      return xaso_pdf_object_new_real (token->real);
    case XASO_PDF_TOKEN_STRING:
      return xaso_pdf_object_new_string_take (g_steal_pointer (&token->bytes), token->len);
    case XASO_PDF_TOKEN_NAME:
      return xaso_pdf_object_new_name_take ((char *)g_steal_pointer (&token->bytes), token->len);
    case XASO_PDF_TOKEN_ARRAY_OPEN:
      return parse_array (lexer, depth, error);
    case XASO_PDF_TOKEN_DICT_OPEN:
      return parse_dict (lexer, depth, error);
    case XASO_PDF_TOKEN_KEYWORD:
      return parse_keyword (lexer, token, error);
    case XASO_PDF_TOKEN_EOF:
      return damaged (error, _("unexpected end of data"), token->start);
    default:
      return damaged (error, _("unexpected token"), token->start);
    }
}

XasoPdfObject *
xaso_pdf_parse_object (XasoPdfLexer  *lexer,
                       GError       **error)
{
  XasoPdfToken token = { 0 };
  XasoPdfObject *object = NULL;

  if (xaso_pdf_lexer_next (lexer, &token, error))
    object = parse_value (lexer, &token, 0, error);
  xaso_pdf_token_clear (&token);
  return object;
}

static gboolean
read_uint_token (const guint8 *data,
                 gsize         len,
                 gsize        *pos,
                 guint64      *value)
{
  while (*pos < len && xaso_pdf_is_space (data[*pos]))
    (*pos)++;
  return xaso_pdf_parse_uint (data, len, pos, value)
         && (*pos >= len || !g_ascii_isalpha (data[*pos]));
}

gboolean
xaso_pdf_parse_obj_header (const guint8 *data,
                           gsize         len,
                           gsize        *pos,
                           guint32      *num,
                           guint16      *gen)
{
  gsize p = *pos;
  guint64 n, g;

  if (!read_uint_token (data, len, &p, &n) || n > G_MAXUINT32
      || p >= len || !xaso_pdf_is_space (data[p])
      || !read_uint_token (data, len, &p, &g) || g > G_MAXUINT16)
    return FALSE;
  while (p < len && xaso_pdf_is_space (data[p]))
    p++;
  if (len - p < 3 || memcmp (data + p, "obj", 3) != 0
      || (len - p > 3 && !xaso_pdf_is_space (data[p + 3]) && !xaso_pdf_is_delimiter (data[p + 3])))
    return FALSE;
  *pos = p + 3;
  *num = (guint32)n;
  *gen = (guint16)g;
  return TRUE;
}

static gsize
skip_stream_eol (const guint8 *data,
                 gsize         len,
                 gsize         pos)
{
  /* "stream" is followed by CRLF or LF; a lone CR is a common mistake. */
  while (pos < len && (data[pos] == ' ' || data[pos] == '\t'))
    pos++;
  if (pos < len && data[pos] == '\r')
    pos++;
  if (pos < len && data[pos] == '\n')
    pos++;
  return pos;
}

static gboolean
length_checks_out (XasoPdfParseContext *ctx,
                   gsize                start,
                   gint64               length)
{
  gsize pos;

  if (length < 0 || (guint64)length > ctx->len - start)
    return FALSE;
  pos = start + (gsize)length;
  while (pos < ctx->len && xaso_pdf_is_space (ctx->data[pos]))
    pos++;
  return ctx->len - pos >= 9 && memcmp (ctx->data + pos, "endstream", 9) == 0;
}

static gboolean
declared_length (XasoPdfParseContext *ctx,
                 XasoPdfObject       *dict,
                 gint64              *length)
{
  XasoPdfObject *value = xaso_pdf_object_dict_get (dict, "Length");

  if (value == NULL)
    return FALSE;
  if (xaso_pdf_object_get_kind (value) == XASO_PDF_INT)
    {
      *length = xaso_pdf_object_get_int (value);
      return TRUE;
    }
  if (xaso_pdf_object_get_kind (value) == XASO_PDF_REF && ctx->length_func != NULL)
    return ctx->length_func (ctx->user_data, xaso_pdf_object_ref_get_num (value),
                             xaso_pdf_object_ref_get_gen (value), length);
  return FALSE;
}

/* A wrong /Length is common; the data then ends before the first
 * "endstream" and the end of line before it. */
static gboolean
find_endstream (XasoPdfParseContext *ctx,
                gsize                start,
                gint64              *length)
{
  const guint8 *hit = NULL;
  gsize end;

  if (start < ctx->no_endstream_from)
    hit = xaso_pdf_find (ctx->data + start, ctx->len - start, "endstream");
  if (hit == NULL)
    {
      ctx->no_endstream_from = MIN (ctx->no_endstream_from, start);
      return FALSE;
    }
  end = (gsize)(hit - ctx->data);
  if (end > start && ctx->data[end - 1] == '\n')
    end--;
  if (end > start && ctx->data[end - 1] == '\r')
    end--;
  *length = (gint64)(end - start);
  return TRUE;
}

static XasoPdfObject *
locate_stream (XasoPdfParseContext  *ctx,
               XasoPdfObject        *dict,
               XasoPdfLexer         *lexer,
               GError              **error)
{
  gsize start = skip_stream_eol (ctx->data, ctx->len, lexer->pos);
  gint64 length = -1;
  XasoPdfToken token = { 0 };

  if (!declared_length (ctx, dict, &length) || !length_checks_out (ctx, start, length))
    {
      if (!find_endstream (ctx, start, &length))
        return damaged (error, _("stream without “endstream”"), start);
      g_debug ("Stream at %" G_GSIZE_FORMAT ": /Length wrong, %" G_GINT64_FORMAT " found",
               start, length);
    }
  lexer->pos = start + (gsize)length;
  /* Past "endstream"; the caller looks for "endobj". */
  if (xaso_pdf_lexer_next (lexer, &token, NULL) && !xaso_pdf_token_is_keyword (lexer, &token, "endstream"))
    lexer->pos = token.start;
  xaso_pdf_token_clear (&token);
  return xaso_pdf_object_new_stream (xaso_pdf_object_ref (dict), start, (guint64)length);
}

static gboolean
parse_body (XasoPdfParseContext  *ctx,
            XasoPdfLexer         *lexer,
            XasoPdfIndirect      *out,
            GError              **error)
{
  XasoPdfToken token = { 0 };
  gsize value_end;

  out->object = xaso_pdf_parse_object (lexer, error);
  if (out->object == NULL)
    return FALSE;
  value_end = lexer->pos;
  if (!xaso_pdf_lexer_next (lexer, &token, NULL))
    token.kind = XASO_PDF_TOKEN_EOF;
  if (xaso_pdf_token_is_keyword (lexer, &token, "stream")
      && xaso_pdf_object_get_kind (out->object) == XASO_PDF_DICT)
    {
      XasoPdfObject *stream = locate_stream (ctx, out->object, lexer, error);

      xaso_pdf_token_clear (&token);
      if (stream == NULL)
        return FALSE;
      xaso_pdf_object_unref (out->object);
      out->object = stream;
      value_end = lexer->pos;
      if (!xaso_pdf_lexer_next (lexer, &token, NULL))
        token.kind = XASO_PDF_TOKEN_EOF;
    }
  /* A missing "endobj" is tolerated: the object ends with its value. */
  out->end = xaso_pdf_token_is_keyword (lexer, &token, "endobj") ? token.end : value_end;
  xaso_pdf_token_clear (&token);
  return TRUE;
}

gboolean
xaso_pdf_parse_indirect (XasoPdfParseContext  *ctx,
                         gsize                 offset,
                         XasoPdfIndirect      *out,
                         GError              **error)
{
  XasoPdfLexer lexer;
  gsize pos = offset;

  memset (out, 0, sizeof *out);
  if (!xaso_pdf_parse_obj_header (ctx->data, ctx->len, &pos, &out->num, &out->gen))
    {
      damaged (error, _("no object where the cross-reference table points"), offset);
      return FALSE;
    }
  out->start = offset;
  while (out->start < ctx->len && xaso_pdf_is_space (ctx->data[out->start]))
    out->start++;
  xaso_pdf_lexer_init (&lexer, ctx->data, ctx->len, pos);
  if (!parse_body (ctx, &lexer, out, error))
    {
      xaso_pdf_indirect_clear (out);
      return FALSE;
    }
  return TRUE;
}

void
xaso_pdf_indirect_clear (XasoPdfIndirect *indirect)
{
  g_clear_pointer (&indirect->object, xaso_pdf_object_unref);
}
