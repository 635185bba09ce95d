/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A document's number and notation ("số, ký hiệu", Decree 30): named types
 * 15/QĐ-UBND (number / type - issuer), legal normative documents
 * 15/2025/NQ-HĐND (with the year), công văn 12/UBND-VP (number / issuer -
 * drafting unit). */
typedef struct
{
  guint  number;
  int    year;          /* legal normative documents; 0 otherwise */
  char  *type_abbr;     /* "QĐ"; NULL for công văn */
  char  *issuer_abbr;   /* "UBND" */
  char  *unit_abbr;     /* công văn: the drafting unit ("VP"); NULL otherwise */
} XasoNotation;

/* Reads a notation as an official types it; the error says in Vietnamese
 * what is missing. Types are recognised from Decree 30's list, whatever
 * the case; what is not a known type is a công văn's issuer. */
gboolean xaso_notation_parse  (const char         *text,
                               XasoNotation       *notation,
                               GError            **error);
void     xaso_notation_clear  (XasoNotation       *notation);
/* "05/QĐ-UBND", "12/UBND-VP", "03/2026/NQ-HĐND": numbers below 10 get a
 * leading zero. */
char    *xaso_notation_format (const XasoNotation *notation);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoNotation, xaso_notation_clear)

G_END_DECLS
