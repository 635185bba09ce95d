/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-object.h"

G_BEGIN_DECLS

/* One row of a cross-reference section being written. */
typedef struct
{
  guint32 num;
  guint16 gen;
  guint8  type;                 /* 0 free, 1 in use, 2 in an object stream */
  guint64 offset;               /* type 1: byte offset; type 2: object stream number */
  guint32 index;                /* type 2: index inside the object stream */
} XasoPdfXrefRow;

/* Both take @rows sorted by number and append the section, the trailer
 * and "startxref … %%EOF" to @out, whose first byte lies at @base in the
 * new file. */
void xaso_pdf_xref_write_table  (GString        *out,
                                 guint64         base,
                                 GArray         *rows,
                                 XasoPdfObject  *trailer);
/* The xref stream is object @num (listed by the function itself);
 * @trailer's keys go into its dictionary. */
void xaso_pdf_xref_write_stream (GString        *out,
                                 guint64         base,
                                 GArray         *rows,
                                 XasoPdfObject  *trailer,
                                 guint32         num);

G_END_DECLS
