/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-pdf-document.h"
#include "xaso-pdf-lexer-private.h"

gboolean
xaso_pdf_is_space (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

gboolean
xaso_pdf_is_delimiter (guint8 c)
{
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']'
         || c == '{' || c == '}' || c == '/' || c == '%';
}

static gboolean
is_regular (guint8 c)
{
  return !xaso_pdf_is_space (c) && !xaso_pdf_is_delimiter (c);
}

gboolean
xaso_pdf_parse_uint (const guint8 *data,
                     gsize         len,
                     gsize        *pos,
                     guint64      *value)
{
  gsize p = *pos;
  guint64 v = 0;

  if (p >= len || !g_ascii_isdigit (data[p]))
    return FALSE;
  for (; p < len && g_ascii_isdigit (data[p]); p++)
    {
      if (v > (G_MAXUINT64 - 9) / 10)
        return FALSE;
      v = v * 10 + (guint64)(data[p] - '0');
    }
  *pos = p;
  *value = v;
  return TRUE;
}

void
xaso_pdf_lexer_init (XasoPdfLexer *lexer,
                     const guint8 *data,
                     gsize         len,
                     gsize         pos)
{
  lexer->data = data;
  lexer->len = len;
  lexer->pos = MIN (pos, len);
}

void
xaso_pdf_lexer_skip_space (XasoPdfLexer *lexer)
{
  while (lexer->pos < lexer->len)
    {
      guint8 c = lexer->data[lexer->pos];

      if (c == '%')
        {
          while (lexer->pos < lexer->len && lexer->data[lexer->pos] != '\n'
                 && lexer->data[lexer->pos] != '\r')
            lexer->pos++;
        }
      else if (xaso_pdf_is_space (c))
        lexer->pos++;
      else
        break;
    }
}

void
xaso_pdf_token_clear (XasoPdfToken *token)
{
  g_clear_pointer (&token->bytes, g_free);
  memset (token, 0, sizeof *token);
}

gboolean
xaso_pdf_token_is_keyword (const XasoPdfLexer *lexer,
                           const XasoPdfToken *token,
                           const char         *keyword)
{
  gsize n = strlen (keyword);

  return token->kind == XASO_PDF_TOKEN_KEYWORD && token->end - token->start == n
         && memcmp (lexer->data + token->start, keyword, n) == 0;
}

gboolean
xaso_pdf_set_damaged (GError    **error,
                      const char *what,
                      gsize       offset)
{
  g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
               /* Translators: %s says what is wrong; %llu is a byte offset. */
               _("Damaged PDF: %s at byte %llu."), what, (unsigned long long)offset);
  return FALSE;
}

static int
octal_escape (const guint8 *data,
              gsize         len,
              gsize        *pos)
{
  int value = 0;

  for (int i = 0; i < 3 && *pos < len && data[*pos] >= '0' && data[*pos] <= '7'; i++)
    value = value * 8 + (data[(*pos)++] - '0');
  return value & 0xff;
}

static gboolean
escape_byte (const guint8 *data,
             gsize         len,
             gsize        *pos,
             GByteArray   *out)
{
  static const char from[] = "nrtbf()\\";
  static const char to[] = "\n\r\t\b\f()\\";
  guint8 c = data[*pos];
  const char *hit = memchr (from, c, sizeof from - 1);

  if (hit != NULL)
    {
      g_byte_array_append (out, (const guint8 *)&to[hit - from], 1);
      (*pos)++;
    }
  else if (c >= '0' && c <= '7')
    {
      guint8 b = (guint8)octal_escape (data, len, pos);

      g_byte_array_append (out, &b, 1);
    }
  else if (c == '\r')
    {
      /* A backslash before an end of line continues the string. */
      (*pos)++;
      if (*pos < len && data[*pos] == '\n')
        (*pos)++;
    }
  else if (c == '\n')
    (*pos)++;
  else
    {
      /* An unknown escape stands for the byte itself. */
      g_byte_array_append (out, &c, 1);
      (*pos)++;
    }
  return TRUE;
}

static gboolean
lex_literal (XasoPdfLexer  *lexer,
             XasoPdfToken  *token,
             GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  const guint8 *data = lexer->data;
  gsize pos = lexer->pos + 1;
  gsize depth = 1;

  while (pos < lexer->len)
    {
      guint8 c = data[pos];

      if (c == '\\')
        {
          pos++;
          if (pos < lexer->len)
            escape_byte (data, lexer->len, &pos, out);
          continue;
        }
      if (c == '(')
        depth++;
      else if (c == ')' && --depth == 0)
        break;
      g_byte_array_append (out, &c, 1);
      pos++;
    }
  if (pos >= lexer->len)
    return xaso_pdf_set_damaged (error, _("unterminated string"), lexer->pos);
  lexer->pos = pos + 1;
  token->kind = XASO_PDF_TOKEN_STRING;
  token->len = out->len;
  g_byte_array_append (out, (const guint8 *)"", 1);
  token->bytes = g_byte_array_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

static gboolean
lex_hex (XasoPdfLexer  *lexer,
         XasoPdfToken  *token,
         GError       **error)
{
  const guint8 *data = lexer->data;
  const guint8 *close;
  gsize start = lexer->pos + 1;
  gsize n = 0;
  int half = -1;

  close = memchr (data + start, '>', lexer->len - start);
  if (close == NULL)
    return xaso_pdf_set_damaged (error, _("unterminated hex string"), lexer->pos);
  token->bytes = g_malloc ((gsize)(close - (data + start)) / 2 + 2);
  for (const guint8 *p = data + start; p < close; p++)
    {
      int v = g_ascii_xdigit_value (*p);

      if (v < 0)
        {
          if (xaso_pdf_is_space (*p))
            continue;
          return xaso_pdf_set_damaged (error, _("invalid hex string"), (gsize)(p - data));
        }
      if (half < 0)
        half = v;
      else
        {
          token->bytes[n++] = (guint8)(half << 4 | v);
          half = -1;
        }
    }
  /* An odd final digit is followed by an implicit 0. */
  if (half >= 0)
    token->bytes[n++] = (guint8)(half << 4);
  token->bytes[n] = 0;
  token->len = n;
  token->kind = XASO_PDF_TOKEN_STRING;
  lexer->pos = (gsize)(close - data) + 1;
  return TRUE;
}

static void
lex_name (XasoPdfLexer *lexer,
          XasoPdfToken *token)
{
  const guint8 *data = lexer->data;
  gsize pos = lexer->pos + 1;
  gsize end = pos;
  gsize n = 0;

  while (end < lexer->len && is_regular (data[end]))
    end++;
  token->bytes = g_malloc (end - pos + 1);
  while (pos < end)
    {
      guint8 c = data[pos++];

      if (c == '#' && pos + 2 <= end && g_ascii_isxdigit (data[pos]) && g_ascii_isxdigit (data[pos + 1]))
        {
          c = (guint8)(g_ascii_xdigit_value (data[pos]) << 4 | g_ascii_xdigit_value (data[pos + 1]));
          pos += 2;
        }
      /* #00 cannot be in a name; dropping it keeps names C strings. */
      if (c != 0)
        token->bytes[n++] = c;
    }
  token->bytes[n] = 0;
  token->len = n;
  token->kind = XASO_PDF_TOKEN_NAME;
  lexer->pos = end;
}

static gboolean
parse_number (const guint8 *s,
              gsize         n,
              XasoPdfToken *token)
{
  gsize i = 0;
  gsize digits = 0;
  gboolean dot = FALSE;
  char buf[64];

  if (i < n && (s[i] == '+' || s[i] == '-'))
    i++;
  for (; i < n; i++)
    {
      if (g_ascii_isdigit (s[i]))
        digits++;
      else if (s[i] == '.' && !dot)
        dot = TRUE;
      else
        return FALSE;
    }
  if (digits == 0)
    return FALSE;
  if (n >= sizeof buf)
    {
      /* Absurdly long numbers are reals; their precision does not matter. */
      n = sizeof buf - 1;
      dot = TRUE;
    }
  memcpy (buf, s, n);
  buf[n] = 0;
  if (!dot)
    {
      char *endp = NULL;
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (buf, &endp, 10);
      if (errno == 0)
        {
          token->kind = XASO_PDF_TOKEN_INT;
          token->integer = v;
          return TRUE;
        }
    }
  token->kind = XASO_PDF_TOKEN_REAL;
  token->real = g_ascii_strtod (buf, NULL);
  return TRUE;
}

static void
lex_word (XasoPdfLexer *lexer,
          XasoPdfToken *token)
{
  gsize end = lexer->pos;

  while (end < lexer->len && is_regular (lexer->data[end]))
    end++;
  if (!parse_number (lexer->data + lexer->pos, end - lexer->pos, token))
    token->kind = XASO_PDF_TOKEN_KEYWORD;
  lexer->pos = end;
}

static gboolean
lex_angle (XasoPdfLexer  *lexer,
           XasoPdfToken  *token,
           GError       **error)
{
  if (lexer->pos + 1 < lexer->len && lexer->data[lexer->pos + 1] == '<')
    {
      token->kind = XASO_PDF_TOKEN_DICT_OPEN;
      lexer->pos += 2;
      return TRUE;
    }
  return lex_hex (lexer, token, error);
}

static gboolean
lex_token (XasoPdfLexer  *lexer,
           XasoPdfToken  *token,
           GError       **error)
{
  guint8 c;

  xaso_pdf_lexer_skip_space (lexer);
  token->start = lexer->pos;
  if (lexer->pos >= lexer->len)
    {
      token->kind = XASO_PDF_TOKEN_EOF;
      token->end = lexer->pos;
      return TRUE;
    }
  c = lexer->data[lexer->pos];
  switch (c)
    {
    case '(':
      if (!lex_literal (lexer, token, error))
        return FALSE;
      break;
    case '<':
      if (!lex_angle (lexer, token, error))
        return FALSE;
      break;
    case '>':
      if (lexer->pos + 1 >= lexer->len || lexer->data[lexer->pos + 1] != '>')
        return xaso_pdf_set_damaged (error, _("unexpected “>”"), lexer->pos);
      token->kind = XASO_PDF_TOKEN_DICT_CLOSE;
      lexer->pos += 2;
      break;
    case '/':
      lex_name (lexer, token);
      break;
    case '[': case ']': case '{': case '}':
      token->kind = c == '[' ? XASO_PDF_TOKEN_ARRAY_OPEN
                    : c == ']' ? XASO_PDF_TOKEN_ARRAY_CLOSE
                    : c == '{' ? XASO_PDF_TOKEN_BRACE_OPEN : XASO_PDF_TOKEN_BRACE_CLOSE;
      lexer->pos++;
      break;
    case ')':
      return xaso_pdf_set_damaged (error, _("unexpected “)”"), lexer->pos);
    default:
      lex_word (lexer, token);
      break;
    }
  token->end = lexer->pos;
  return TRUE;
}

gboolean
xaso_pdf_lexer_next (XasoPdfLexer  *lexer,
                     XasoPdfToken  *token,
                     GError       **error)
{
  xaso_pdf_token_clear (token);
  if (lex_token (lexer, token, error))
    return TRUE;
  /* A failed token owns nothing, whatever it had begun to collect. */
  xaso_pdf_token_clear (token);
  return FALSE;
}
