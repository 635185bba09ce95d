/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-record.h"

G_BEGIN_DECLS

#define XASO_DOCUMENT_ERROR (xaso_document_error_quark ())

typedef enum
{
  XASO_DOCUMENT_ERROR_INVALID,
  XASO_DOCUMENT_ERROR_DUPLICATE,   /* same number, notation and issuer as an earlier one */
  XASO_DOCUMENT_ERROR_NO_LEASE,    /* another desktop allocates this register's numbers */
  XASO_DOCUMENT_ERROR_STATE,       /* not at the step the action needs */
  XASO_DOCUMENT_ERROR_FILE,
} XasoDocumentError;

/* An official document ("văn bản"), incoming or outgoing. Its history is
 * in document_event; the fields here are the register's columns and the
 * current state, kept by the actions of xaso-document-flow.h. */
typedef enum
{
  XASO_DOCUMENT_DIRECTION,         /* incoming, outgoing */
  XASO_DOCUMENT_REGISTER_ID,
  XASO_DOCUMENT_NUMBER,            /* số đến (incoming) or số (outgoing, once issued) */
  XASO_DOCUMENT_NOTATION,          /* số, ký hiệu: 15/QĐ-UBND */
  XASO_DOCUMENT_TYPE_CODE,         /* QĐ, TB…; NULL for công văn */
  XASO_DOCUMENT_ISSUER,            /* cơ quan ban hành (tác giả) */
  XASO_DOCUMENT_ISSUED_DATE,       /* ngày tháng văn bản */
  XASO_DOCUMENT_RECEIVED_DATE,     /* ngày đến */
  XASO_DOCUMENT_SUBJECT,           /* trích yếu */
  XASO_DOCUMENT_URGENCY,           /* normal, urgent, very_urgent, flash */
  XASO_DOCUMENT_CONFIDENTIALITY,   /* none, confidential, secret, top_secret */
  XASO_DOCUMENT_SIGNER,            /* username of the signer (outgoing), or the name as printed */
  XASO_DOCUMENT_RECIPIENTS,        /* nơi nhận, one per line */
  XASO_DOCUMENT_STATUS,
  XASO_DOCUMENT_DEADLINE,          /* hạn giải quyết, YYYY-MM-DD */
  XASO_DOCUMENT_LEAD_USER_ID,
  XASO_DOCUMENT_REPLY_TO_ID,       /* the incoming document an outgoing one answers */
  XASO_DOCUMENT_COPIES,            /* số lượng bản */
  XASO_DOCUMENT_NOTES,
  XASO_DOCUMENT_PAGE_COUNT,
  XASO_DOCUMENT_RECIPIENT_UNIT,    /* đơn vị hoặc người nhận (incoming) */
  XASO_DOCUMENT_LEAD_UNIT,
  XASO_DOCUMENT_CO_HANDLERS,       /* usernames, comma-separated */
  XASO_DOCUMENT_DIRECTIVE,         /* the leader's words */
  XASO_DOCUMENT_PROGRESS,          /* tiến độ giải quyết */
  XASO_DOCUMENT_SIGNED_DATE,
  XASO_DOCUMENT_TRANSFERRED_DATE,  /* ngày chuyển */
  XASO_DOCUMENT_SEALED_DATE,       /* the văn thư applied the organization's signature */
  XASO_DOCUMENT_N_FIELDS
} XasoDocumentField;

/* Statuses. Incoming: (received →) registered → presented → directed →
 * in_progress → done; "received" is a document taken in but not yet given
 * its số đến, waiting for the văn thư (an edXML package imported to be
 * registered later): it has no number and is in no register. Outgoing:
 * draft → reviewing → signing → signed → issued; an issued document may
 * be revoked. */
#define XASO_DOCUMENT_RECEIVED    "received"
#define XASO_DOCUMENT_REGISTERED  "registered"
#define XASO_DOCUMENT_PRESENTED   "presented"
#define XASO_DOCUMENT_DIRECTED    "directed"
#define XASO_DOCUMENT_IN_PROGRESS "in_progress"
#define XASO_DOCUMENT_DONE        "done"
#define XASO_DOCUMENT_DRAFT       "draft"
#define XASO_DOCUMENT_REVIEWING   "reviewing"
#define XASO_DOCUMENT_SIGNING     "signing"
#define XASO_DOCUMENT_SIGNED      "signed"
#define XASO_DOCUMENT_ISSUED      "issued"
#define XASO_DOCUMENT_REVOKED     "revoked"

#define XASO_TYPE_DOCUMENT (xaso_document_get_type ())
G_DECLARE_FINAL_TYPE (XasoDocument, xaso_document, XASO, DOCUMENT, XasoRecord)

GQuark        xaso_document_error_quark  (void);
XasoDocument *xaso_document_new          (const char       *direction);
XasoDocument *xaso_document_load         (XasoDatabase     *db,
                                          const char       *id,
                                          GError          **error);
const char   *xaso_document_get          (XasoDocument     *self,
                                          XasoDocumentField field);
void          xaso_document_set          (XasoDocument     *self,
                                          XasoDocumentField field,
                                          const char       *value);
gboolean      xaso_document_is_incoming  (XasoDocument     *self);
gboolean      xaso_document_is_secret    (XasoDocument     *self);
gboolean      xaso_document_is_sealed    (XasoDocument     *self);
/* Statuses and levels in words, for lists and the CLI. */
const char   *xaso_document_status_label (const char       *status);
const char   *xaso_document_urgency_label (const char      *urgency);
/* Whether an open document's deadline is before @today (YYYY-MM-DD). */
gboolean      xaso_document_is_overdue   (XasoDocument     *self,
                                          const char       *today);

G_END_DECLS
