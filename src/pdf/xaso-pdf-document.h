/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-pdf-object.h"

G_BEGIN_DECLS

#define XASO_PDF_ERROR (xaso_pdf_error_quark ())
GQuark xaso_pdf_error_quark (void);

typedef enum
{
  XASO_PDF_ERROR_NOT_PDF,       /* no %PDF- header near the start */
  XASO_PDF_ERROR_DAMAGED,       /* structure broken beyond repair, or one object is */
  XASO_PDF_ERROR_ENCRYPTED,     /* the trailer has /Encrypt */
  XASO_PDF_ERROR_TOO_LARGE,     /* a limit against hostile input was reached */
  XASO_PDF_ERROR_UNSUPPORTED,   /* e.g. a stream filter we do not decode */
} XasoPdfError;

/* Limits against hostile input. Real files stay far below them. */
#define XASO_PDF_MAX_DEPTH          200         /* nesting of arrays and dicts */
#define XASO_PDF_MAX_LOOKUP_DEPTH   64          /* objects read to read one object */
#define XASO_PDF_MAX_OBJECT_NUMBER  8388607     /* ISO 32000-1 Annex C */
#define XASO_PDF_MAX_REVISIONS      4096
#define XASO_PDF_MAX_DECODED_SIZE   (256u << 20) /* one decoded stream */
#define XASO_PDF_MAX_STRUCT_SIZE    (32u << 20)  /* one decoded xref or object stream */
#define XASO_PDF_MAX_RATIO          1000u        /* decoded/encoded, beyond the first MiB */

typedef enum
{
  XASO_PDF_XREF_TABLE,          /* "xref" table + "trailer" (with /XRefStm when hybrid) */
  XASO_PDF_XREF_STREAM,         /* an object of /Type /XRef */
} XasoPdfXrefKind;

/* One xref section: the original file is revision 0, each incremental
 * update adds one. */
typedef struct
{
  guint64          startxref;   /* the offset "startxref" named (after any repair) */
  XasoPdfXrefKind  kind;
  gint64           xref_stream; /* hybrid files: the /XRefStm offset, else -1 */
  XasoPdfObject   *trailer;     /* the trailer dict, or the xref stream's dict */
  guint64          end;         /* just after this revision's %%EOF line, or the end of
                                 * its xref section when there is no %%EOF */
} XasoPdfRevision;

#define XASO_TYPE_PDF_DOCUMENT (xaso_pdf_document_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfDocument, xaso_pdf_document, XASO, PDF_DOCUMENT, GObject)

/* The file is mapped, never read into memory twice. */
XasoPdfDocument *xaso_pdf_document_new_from_file      (const char       *path,
                                                       GError          **error);
XasoPdfDocument *xaso_pdf_document_new_from_bytes     (GBytes           *bytes,
                                                       GError          **error);

GBytes          *xaso_pdf_document_get_bytes          (XasoPdfDocument  *self);
const guint8    *xaso_pdf_document_get_data           (XasoPdfDocument  *self,
                                                       gsize            *len);
/* "1.7": the header's version, raised by the catalog's /Version if newer. */
const char      *xaso_pdf_document_get_version        (XasoPdfDocument  *self);

/* Oldest first. A repaired file may have none: its xref could not be read. */
guint            xaso_pdf_document_get_n_revisions    (XasoPdfDocument  *self);
const XasoPdfRevision *xaso_pdf_document_get_revision (XasoPdfDocument  *self,
                                                       guint             index);
/* The kind an incremental update must use: the last section's (a table for
 * hybrid files), or a guess from what the scan found on repaired files. */
XasoPdfXrefKind  xaso_pdf_document_get_last_xref_kind (XasoPdfDocument  *self);

/* The newest value of each key over all revisions (without /Prev,
 * /XRefStm and the xref stream's own keys). */
XasoPdfObject   *xaso_pdf_document_get_trailer        (XasoPdfDocument  *self);
XasoPdfObject   *xaso_pdf_document_get_last_trailer   (XasoPdfDocument  *self);
XasoPdfObject   *xaso_pdf_document_get_catalog        (XasoPdfDocument  *self);
/* The number an incremental update gives its first new object. */
guint32          xaso_pdf_document_get_next_object_number (XasoPdfDocument *self);

/* How many objects the cross-reference data lists, in the file's body and
 * inside object streams. */
void             xaso_pdf_document_count_objects      (XasoPdfDocument  *self,
                                                       guint            *n_direct,
                                                       guint            *n_compressed);

/* TRUE when the cross-reference data had to be repaired. The warnings are
 * translated sentences the GUI can show as they are. */
gboolean         xaso_pdf_document_was_repaired       (XasoPdfDocument  *self);
const char * const *xaso_pdf_document_get_warnings    (XasoPdfDocument  *self);

/* Objects are parsed on first use and cached; the result is borrowed from
 * the document. A missing or free object is the null object (as the
 * standard says), not an error; an object that cannot be parsed is. */
XasoPdfObject   *xaso_pdf_document_lookup             (XasoPdfDocument  *self,
                                                       guint32           num,
                                                       guint16           gen,
                                                       GError          **error);
/* Follows @object if it is a reference (chains too); otherwise returns it.
 * Never NULL for a non-NULL @object unless @error is set. */
XasoPdfObject   *xaso_pdf_document_resolve            (XasoPdfDocument  *self,
                                                       XasoPdfObject    *object,
                                                       GError          **error);
/* xaso_pdf_object_dict_get() then resolve; NULL when absent or on error
 * (for lookups where a damaged value means "absent"). */
XasoPdfObject   *xaso_pdf_document_dict_get           (XasoPdfDocument  *self,
                                                       XasoPdfObject    *dict,
                                                       const char       *key);

/* Where an uncompressed object lies in the file: @start at its "N G obj",
 * @end just after its "endobj". FALSE for objects inside object streams
 * (then @objstm gets the containing stream's number) and missing ones. */
gboolean         xaso_pdf_document_get_object_span    (XasoPdfDocument  *self,
                                                       guint32           num,
                                                       guint16           gen,
                                                       guint64          *start,
                                                       guint64          *end,
                                                       guint32          *objstm);
/* Where the value of @key of the dict object (num, gen) lies in the file,
 * e.g. a signature's /Contents hex string including its < and >. */
gboolean         xaso_pdf_document_find_value_span    (XasoPdfDocument  *self,
                                                       guint32           num,
                                                       guint16           gen,
                                                       const char       *key,
                                                       guint64          *start,
                                                       guint64          *end,
                                                       GError          **error);

/* The stream's bytes as stored in the file (a slice of the mapping). */
GBytes          *xaso_pdf_document_get_stream_raw     (XasoPdfDocument  *self,
                                                       XasoPdfObject    *stream,
                                                       GError          **error);
/* Decoded through its /Filter chain: FlateDecode (with PNG and TIFF
 * predictors), ASCIIHexDecode and ASCII85Decode; other filters give
 * XASO_PDF_ERROR_UNSUPPORTED. At most @max_size bytes (0: the default
 * XASO_PDF_MAX_DECODED_SIZE), else XASO_PDF_ERROR_TOO_LARGE. */
GBytes          *xaso_pdf_document_decode_stream      (XasoPdfDocument  *self,
                                                       XasoPdfObject    *stream,
                                                       gsize             max_size,
                                                       GError          **error);

/* The page tree, walked once on first use; damaged branches are skipped. */
guint            xaso_pdf_document_get_n_pages        (XasoPdfDocument  *self);
/* The page's dict, borrowed; @num/@gen get its reference (0 0 for a page
 * that is not an indirect object). */
XasoPdfObject   *xaso_pdf_document_get_page           (XasoPdfDocument  *self,
                                                       guint             index,
                                                       guint32          *num,
                                                       guint16          *gen);
/* A page attribute, looking up the /Parent chain for the inheritable ones
 * (/Resources /MediaBox /CropBox /Rotate). Resolved; NULL when absent. */
XasoPdfObject   *xaso_pdf_document_get_page_attribute (XasoPdfDocument  *self,
                                                       guint             index,
                                                       const char       *key);

G_END_DECLS
