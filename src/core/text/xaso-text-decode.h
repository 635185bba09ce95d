/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "xaso-legacy.h"

G_BEGIN_DECLS

/* Text from outside — CSV files, pasted text — as commune offices have it:
 * UTF-8 with or without a byte-order mark, Windows-1258 from old Excel, and
 * TCVN3 (ABC) or VNI text typed with the old fonts, either as the bytes of
 * an 8-bit file or as Windows-1252 characters inside a UTF-8 file
 * ("NguyÔn V¨n An"). Decoding finds which, line by line, by reading the
 * words as Vietnamese syllables: a wrong guess makes words no Vietnamese
 * writes. A file that mixes two old encodings, or whose letters read as
 * Vietnamese in none, is refused rather than guessed. */

#define XASO_TEXT_ERROR (xaso_text_error_quark ())

typedef enum
{
  XASO_TEXT_ERROR_MIXED,        /* lines in two old encodings */
  XASO_TEXT_ERROR_UNDECIDABLE,  /* not UTF-8, and no old encoding reads */
  XASO_TEXT_ERROR_INVALID,      /* not UTF-8, when UTF-8 was asked for */
} XasoTextError;

typedef struct
{
  XasoEncoding file_encoding;   /* UTF-8, or the 8-bit encoding of the file */
  XasoEncoding converted_from;  /* the old encoding found in it, or UTF-8 for none */
  guint        n_lines_converted;
  guint        first_converted_line;
  gboolean     had_bom;
} XasoTextDecoding;

GQuark  xaso_text_error_quark         (void);

/* Decodes a whole file to UTF-8 in NFC, finding its encoding. */
char   *xaso_text_decode_auto         (const char        *bytes,
                                       gsize              len,
                                       XasoTextDecoding  *decoding,
                                       GError           **error);

/* Decodes a whole file known to be in @encoding (UTF-8: checked). */
char   *xaso_text_decode_as           (const char        *bytes,
                                       gsize              len,
                                       XasoEncoding       encoding,
                                       XasoTextDecoding  *decoding,
                                       GError           **error);

/* For a form field: when @text (UTF-8, as pasted) is old-font text seen as
 * Windows-1252 characters, returns it converted and sets @from; otherwise
 * returns NULL. */
char   *xaso_text_convert_pasted      (const char        *text,
                                       XasoEncoding      *from);

/* "142 rows were in TCVN3 and were converted", or NULL when nothing was. */
char   *xaso_text_decoding_describe   (const XasoTextDecoding *decoding);

G_END_DECLS
