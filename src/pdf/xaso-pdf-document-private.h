/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-document.h"
#include "xaso-pdf-parser-private.h"

G_BEGIN_DECLS

typedef enum
{
  XASO_PDF_ENTRY_ABSENT,        /* zero, so a grown array is all absent */
  XASO_PDF_ENTRY_FREE,
  XASO_PDF_ENTRY_IN_USE,
  XASO_PDF_ENTRY_COMPRESSED,
} XasoPdfEntryType;

typedef struct
{
  guint64 offset;               /* in use: byte offset; compressed: object stream number */
  guint32 index;                /* compressed: index inside the object stream */
  guint16 gen;
  guint8  type;
} XasoPdfXrefEntry;

typedef struct
{
  XasoPdfObject *object;        /* NULL when parsing failed */
  guint64        start;
  guint64        end;
  guint16        gen;
  gboolean       in_objstm;
} XasoPdfCacheSlot;

typedef struct
{
  XasoPdfObject *dict;
  XasoPdfObject *parent;        /* the node the walk found it under */
  guint32        num;
  guint16        gen;
} XasoPdfPageRef;

typedef struct
{
  guint32 num;
  gsize   offset;
} XasoPdfObjstmPair;

struct _XasoPdfDocument
{
  GObject              parent_instance;

  GMappedFile         *mapped;
  GBytes              *bytes;
  const guint8        *data;
  gsize                len;
  char                *version;

  GArray              *entries;          /* of XasoPdfXrefEntry, by object number */
  guint32              max_entries;      /* bound on object numbers for this file */
  GPtrArray           *revisions;        /* of XasoPdfRevision *, oldest first */
  XasoPdfObject       *trailer;          /* merged */
  XasoPdfObject       *null_object;
  GHashTable          *cache;            /* object number → XasoPdfCacheSlot */
  GHashTable          *in_progress;      /* object numbers being parsed */
  GPtrArray           *retired;          /* objects replaced in the cache, kept alive
                                          * because callers may still borrow them */
  GHashTable          *objstm_state;     /* object stream number → loaded or failed */
  XasoPdfParseContext  ctx;

  gboolean             repaired;
  gboolean             repairing;
  XasoPdfXrefKind      scanned_kind;
  GPtrArray           *warnings;         /* NULL-terminated for get_warnings() */

  GArray              *pages;            /* of XasoPdfPageRef, NULL until walked */
};

void     xaso_pdf_document_add_warning  (XasoPdfDocument  *self,
                                         const char       *message);
/* Sets entry @num unless a newer section already did; ignores numbers past
 * the file's bound. */
void     xaso_pdf_document_set_entry    (XasoPdfDocument         *self,
                                         guint64                  num,
                                         const XasoPdfXrefEntry  *entry,
                                         gboolean                 overwrite);
const XasoPdfXrefEntry *xaso_pdf_document_get_entry (XasoPdfDocument *self,
                                                     guint32          num);
/* Decodes a stream of the file's own structure (xref and object streams),
 * with the tighter XASO_PDF_MAX_STRUCT_SIZE bound. */
GBytes  *xaso_pdf_document_decode_struct (XasoPdfDocument  *self,
                                          XasoPdfObject    *stream,
                                          GError          **error);
void     xaso_pdf_document_cache_put    (XasoPdfDocument  *self,
                                         guint32           num,
                                         guint16           gen,
                                         XasoPdfObject    *object,
                                         gboolean          in_objstm,
                                         guint64           start,
                                         guint64           end);

/* xaso-pdf-xref.c: reads the chain of sections from the last startxref.
 * FALSE with ENCRYPTED is final; other errors send the caller to repair. */
gboolean xaso_pdf_xref_read             (XasoPdfDocument  *self,
                                         GError          **error);
/* xaso-pdf-objstm.c: parses every object of object stream @num whose xref
 * entry points into it and puts them in the cache. */
gboolean xaso_pdf_objstm_load           (XasoPdfDocument  *self,
                                         guint32           num,
                                         GError          **error);
/* Reads the header of an object stream: an array of XasoPdfObjstmPair. */
GArray  *xaso_pdf_objstm_read_header    (XasoPdfDocument  *self,
                                         XasoPdfObject    *stream,
                                         GBytes          **decoded,
                                         gsize            *first,
                                         GError          **error);
/* xaso-pdf-recover.c: rebuilds the xref by scanning the whole file. */
gboolean xaso_pdf_recover               (XasoPdfDocument  *self,
                                         GError          **error);
/* xaso-pdf-pages.c */
void     xaso_pdf_pages_load            (XasoPdfDocument  *self);

G_END_DECLS
