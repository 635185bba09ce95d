/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tokens of ISO 32000-1 §7.2–7.3 over a byte range of the file (or of a
 * decoded object stream). The lexer never reads past data + len. */
typedef enum
{
  XASO_PDF_TOKEN_EOF,
  XASO_PDF_TOKEN_INT,
  XASO_PDF_TOKEN_REAL,
  XASO_PDF_TOKEN_STRING,
  XASO_PDF_TOKEN_NAME,
  XASO_PDF_TOKEN_KEYWORD,
  XASO_PDF_TOKEN_ARRAY_OPEN,
  XASO_PDF_TOKEN_ARRAY_CLOSE,
  XASO_PDF_TOKEN_DICT_OPEN,
  XASO_PDF_TOKEN_DICT_CLOSE,
  XASO_PDF_TOKEN_BRACE_OPEN,
  XASO_PDF_TOKEN_BRACE_CLOSE,
} XasoPdfTokenKind;

typedef struct
{
  XasoPdfTokenKind kind;
  gsize            start;       /* offsets into the lexer's data */
  gsize            end;
  gint64           integer;
  double           real;
  guint8          *bytes;       /* strings and names, NUL-terminated; owned */
  gsize            len;
} XasoPdfToken;

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} XasoPdfLexer;

void     xaso_pdf_lexer_init        (XasoPdfLexer        *lexer,
                                     const guint8        *data,
                                     gsize                len,
                                     gsize                pos);
void     xaso_pdf_lexer_skip_space  (XasoPdfLexer        *lexer);
/* Fills @token (clearing what it held). FALSE with a DAMAGED error on an
 * unterminated string or a stray byte. */
gboolean xaso_pdf_lexer_next        (XasoPdfLexer        *lexer,
                                     XasoPdfToken        *token,
                                     GError             **error);
void     xaso_pdf_token_clear       (XasoPdfToken        *token);
gboolean xaso_pdf_token_is_keyword  (const XasoPdfLexer  *lexer,
                                     const XasoPdfToken  *token,
                                     const char          *keyword);

gboolean xaso_pdf_is_space          (guint8               c);
gboolean xaso_pdf_is_delimiter      (guint8               c);
/* Parses an unsigned decimal number at @pos; FALSE if none or it overflows. */
gboolean xaso_pdf_parse_uint        (const guint8        *data,
                                     gsize                len,
                                     gsize               *pos,
                                     guint64             *value);

/* Sets XASO_PDF_ERROR_DAMAGED: "Damaged PDF: @what at byte @offset."
 * Returns FALSE, for the readers' early returns. */
gboolean xaso_pdf_set_damaged      (GError             **error,
                                    const char          *what,
                                    gsize                offset);

G_END_DECLS
