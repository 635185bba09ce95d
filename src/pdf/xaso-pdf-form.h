/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-document.h"

G_BEGIN_DECLS

/* A terminal field of the interactive form (ISO 32000-1 §12.7). */
typedef struct
{
  char          *name;          /* fully qualified ("a.b.c"), UTF-8 */
  char          *type;          /* /FT, inherited: "Sig", "Tx", "Btn", "Ch", or NULL */
  guint32        num;           /* the field's object; 0 when it is direct */
  guint16        gen;
  XasoPdfObject *dict;          /* borrowed from the document */
  XasoPdfObject *value;         /* /V resolved, borrowed; NULL when unset */
  guint32        value_num;     /* /V's object when it is a reference, else 0 */
  guint16        value_gen;
} XasoPdfField;

/* A signature field and what its signature dictionary holds. */
typedef struct
{
  XasoPdfField   field;         /* field.value is the signature dict, or NULL when unsigned */
  char          *sub_filter;    /* e.g. "ETSI.CAdES.detached", or NULL */
  gint64        *byte_range;    /* the /ByteRange numbers as written */
  guint          n_byte_range;
  GBytes        *contents;      /* /Contents as raw bytes (the DER or BER CMS, padded) */
  /* Where /Contents lies in the file, "<" and ">" included: the hole the
   * byte range must leave. FALSE when the dict is in an object stream. */
  gboolean       contents_located;
  guint64        contents_start;
  guint64        contents_end;
} XasoPdfSignature;

/* The catalog's /AcroForm dict, or NULL. */
XasoPdfObject *xaso_pdf_document_get_acroform      (XasoPdfDocument *self);
/* Terminal fields in form order; an array of XasoPdfField * that frees
 * them. Damaged branches of the field tree are skipped. */
GPtrArray     *xaso_pdf_document_list_fields       (XasoPdfDocument *self);
/* Every /FT /Sig field, signed or not: XasoPdfSignature *, freed with the array. */
GPtrArray     *xaso_pdf_document_list_signatures   (XasoPdfDocument *self);

/* A PDF text string (UTF-16BE with a byte-order mark, UTF-8 with one, or
 * PDFDocEncoding) as UTF-8. */
char          *xaso_pdf_text_string_to_utf8        (const guint8    *data,
                                                    gsize            len);

G_END_DECLS
