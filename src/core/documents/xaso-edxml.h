/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document-flow.h"

G_BEGIN_DECLS

/* edXML (QCVN 102:2016/BTTTT): the packages official documents travel in
 * between agencies over the document axis (trục liên thông văn bản). A
 * package comes from outside and is treated as hostile: it is read as a
 * stream by libxml2 without entities, DTDs or the network, with limits on
 * depth, field length, counts and attachment size, into the plain struct
 * below; only then does anything touch the database. */

#define XASO_EDXML_NAMESPACE "http://www.mic.gov.vn/TBT/QCVN_102_2016"

#define XASO_EDXML_ERROR (xaso_edxml_error_quark ())

typedef enum
{
  XASO_EDXML_ERROR_MALFORMED,    /* not well-formed XML, or truncated */
  XASO_EDXML_ERROR_NAMESPACE,    /* not an edXML root in the QCVN 102 namespace */
  XASO_EDXML_ERROR_FORBIDDEN,    /* a DOCTYPE or an entity */
  XASO_EDXML_ERROR_TOO_DEEP,
  XASO_EDXML_ERROR_TOO_LARGE,    /* an attachment, a field or a count over its limit */
  XASO_EDXML_ERROR_BASE64,
  XASO_EDXML_ERROR_MISSING,      /* a required field is absent or empty */
  XASO_EDXML_ERROR_INVALID,      /* a field has a value it cannot have */
  XASO_EDXML_ERROR_UNSUPPORTED,  /* a revocation, update or replacement */
  XASO_EDXML_ERROR_DUPLICATE,    /* the package was imported before */
} XasoEdxmlError;

/* Limits: a real package nests six or seven levels deep. */
#define XASO_EDXML_MAX_DEPTH           32
#define XASO_EDXML_MAX_FIELD           (16 * 1024)
#define XASO_EDXML_MAX_ATTACHMENTS     32
#define XASO_EDXML_MAX_REPEATS         256         /* To, Place */
#define XASO_EDXML_MAX_ELEMENTS        100000
#define XASO_EDXML_MAX_ATTACHMENT_SIZE (50 * 1024 * 1024)
#define XASO_EDXML_MAX_TOTAL_SIZE      (100 * 1024 * 1024)

typedef struct
{
  char *organ_id;                /* mã định danh điện tử, 000.00.00.G22 */
  char *organ_name;
} XasoEdxmlOrgan;

typedef struct
{
  char   *content_id;
  char   *content_type;
  char   *name;
  char   *description;
  GBytes *data;
} XasoEdxmlAttachment;

/* The MessageHeader of a package, with its attachments decoded. Dates are
 * YYYY-MM-DD (edXML writes yyyy/MM/dd). */
typedef struct
{
  XasoEdxmlOrgan  from;
  GPtrArray      *to;            /* XasoEdxmlOrgan */
  char           *document_id;   /* "<organ id>,<yyyy/MM/dd>,<số>/<ký hiệu>" */
  char           *code_number;
  char           *code_notation;
  char           *place;
  char           *promulgation_date;
  char           *type;          /* numeric, 18 = công văn */
  char           *type_name;
  char           *subject;
  char           *content;
  char           *signer_position;
  char           *signer_name;
  char           *due_date;
  GPtrArray      *to_places;     /* char * */
  char           *priority;      /* one digit: 0 thường … 3 hỏa tốc */
  char           *promulgation_amount;
  char           *page_amount;
  char           *steering_type;
  char           *business_type; /* 0 new; others revoke, update, replace */
  GPtrArray      *attachments;   /* XasoEdxmlAttachment */
} XasoEdxmlPackage;

GQuark            xaso_edxml_error_quark    (void);
void              xaso_edxml_package_free   (XasoEdxmlPackage *package);

/* ---- Reading (xaso-edxml-reader.c) ---- */

XasoEdxmlPackage *xaso_edxml_read_bytes     (GBytes         *bytes,
                                             GError        **error);
XasoEdxmlPackage *xaso_edxml_read_file      (const char     *path,
                                             GError        **error);
/* The document's notation, "15/QĐ-UBND", from CodeNumber and CodeNotation. */
char             *xaso_edxml_package_get_notation (const XasoEdxmlPackage *package);
/* The first PDF attachment, the document itself; NULL if none. */
XasoEdxmlAttachment *xaso_edxml_package_get_main (const XasoEdxmlPackage *package);

/* ---- Importing (xaso-edxml-import.c) ---- */

/* What an import does with the document. */
typedef enum
{
  XASO_EDXML_IMPORT_REGISTER,   /* registered now, with the next số đến (the văn thư's right) */
  XASO_EDXML_IMPORT_PENDING,    /* received only, waiting for the văn thư (the right to receive) */
} XasoEdxmlImport;

/* Registers the package at @path as an incoming document, as
 * xaso_document_register_incoming() does (or, XASO_EDXML_IMPORT_PENDING,
 * takes it in as xaso_document_receive_incoming() does), with its first
 * PDF as the document's file, its other attachments kept beside it and
 * the sender remembered for the status packages it is owed: all in one
 * transaction, or nothing. A package imported before is refused either
 * way. Returns the document as saved. */
XasoDocument     *xaso_edxml_import_file    (XasoDatabase   *db,
                                             XasoUser       *actor,
                                             const char     *path,
                                             XasoEdxmlImport mode,
                                             GError        **error);
/* Imports every *.xml / *.edxml file of @dir, in name order, each on its
 * own: returns the documents imported (XasoDocument), and the refusals in
 * @failures (one line each, "file: reason") if not NULL. */
GPtrArray        *xaso_edxml_import_dir     (XasoDatabase   *db,
                                             XasoUser       *actor,
                                             const char     *dir,
                                             XasoEdxmlImport mode,
                                             GPtrArray      *failures,
                                             GError        **error);
/* The other attachments of an imported document (XasoAttachment). */
GPtrArray        *xaso_edxml_list_appendixes (XasoDatabase  *db,
                                             const char     *document_id,
                                             GError        **error);

/* ---- Writing (xaso-edxml-writer.c, xaso-edxml-status.c) ---- */

/* Writes the issued outgoing document @document_id, with its signed file
 * base64-encoded, as an edXML package to @out_path, from the commune's
 * agency (its electronic id in the commune's settings). */
gboolean          xaso_edxml_write_document (XasoDatabase   *db,
                                             XasoUser       *actor,
                                             const char     *document_id,
                                             const char     *out_path,
                                             GError        **error);

/* The status an incoming electronic document owes its sender. */
typedef enum
{
  XASO_EDXML_STATUS_DELIVERED  = 1,   /* đã đến */
  XASO_EDXML_STATUS_REGISTERED = 3,   /* đã tiếp nhận */
  XASO_EDXML_STATUS_ASSIGNED   = 4,   /* phân công */
  XASO_EDXML_STATUS_DONE       = 6,   /* hoàn thành */
} XasoEdxmlStatus;

/* Writes the status package @code of the imported document @document_id
 * to @out_path; refuses a status the document has not reached. */
gboolean          xaso_edxml_write_status   (XasoDatabase   *db,
                                             XasoUser       *actor,
                                             const char     *document_id,
                                             XasoEdxmlStatus code,
                                             const char     *out_path,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoEdxmlPackage, xaso_edxml_package_free)

G_END_DECLS
