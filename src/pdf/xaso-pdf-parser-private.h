/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-lexer-private.h"
#include "xaso-pdf-object.h"

G_BEGIN_DECLS

/* Resolves an indirect /Length of a stream; FALSE when it cannot. */
typedef gboolean (*XasoPdfLengthFunc) (gpointer  user_data,
                                       guint32   num,
                                       guint16   gen,
                                       gint64   *length);

typedef struct
{
  const guint8      *data;
  gsize              len;
  XasoPdfLengthFunc  length_func;
  gpointer           user_data;
  /* Once a search for "endstream" has run to the end of the file, later
   * searches from further on cannot succeed; remembering that keeps a file
   * of many unterminated streams linear. */
  gsize              no_endstream_from;
} XasoPdfParseContext;

typedef struct
{
  guint32        num;
  guint16        gen;
  guint64        start;         /* offset of "N G obj" */
  guint64        end;           /* just after "endobj" (or the value when it is missing) */
  XasoPdfObject *object;        /* owned */
} XasoPdfIndirect;

void           xaso_pdf_parse_context_init (XasoPdfParseContext *ctx,
                                            const guint8        *data,
                                            gsize                len);
/* One direct object (references stay references). */
XasoPdfObject *xaso_pdf_parse_object       (XasoPdfLexer        *lexer,
                                            GError             **error);
/* "N G obj" at @pos exactly (after optional white space when @skip_space);
 * on success @pos is after "obj". */
gboolean       xaso_pdf_parse_obj_header   (const guint8        *data,
                                            gsize                len,
                                            gsize               *pos,
                                            guint32             *num,
                                            guint16             *gen);
/* The indirect object whose header is at @offset, with its stream data
 * located (not read). */
gboolean       xaso_pdf_parse_indirect     (XasoPdfParseContext *ctx,
                                            gsize                offset,
                                            XasoPdfIndirect     *out,
                                            GError             **error);
void           xaso_pdf_indirect_clear     (XasoPdfIndirect     *indirect);
/* memmem() without _GNU_SOURCE. */
const guint8  *xaso_pdf_find               (const guint8        *haystack,
                                            gsize                len,
                                            const char          *needle);
const guint8  *xaso_pdf_rfind              (const guint8        *haystack,
                                            gsize                len,
                                            const char          *needle);

G_END_DECLS
