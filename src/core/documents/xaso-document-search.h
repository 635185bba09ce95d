/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document.h"

G_BEGIN_DECLS

typedef enum
{
  XASO_DOCUMENT_DUE_ANY,
  XASO_DOCUMENT_DUE_OPEN,        /* still waiting for someone, whatever the deadline */
  XASO_DOCUMENT_DUE_OVERDUE,     /* open, deadline before today */
  XASO_DOCUMENT_DUE_SOON,        /* open, due today up to @due_soon_until */
} XasoDocumentDue;

typedef enum
{
  XASO_DOCUMENT_ORDER_NEWEST,    /* last registered or drafted first */
  XASO_DOCUMENT_ORDER_DEADLINE,  /* nearest deadline first, none last */
} XasoDocumentOrder;

/* What a document list shows: text typed in the search box (folded,
 * prefix match over subject, notation and issuer) and the filters, each
 * NULL or 0 for "any". The queues of each role are presets of these. */
typedef struct
{
  char              *text;
  char              *direction;      /* incoming, outgoing */
  int                year;           /* the register's year */
  char              *status;         /* one status, or several comma-separated */
  char              *urgency;
  char              *lead_user_id;
  char              *signer;         /* username */
  char              *issuer;
  XasoDocumentDue    due;
  char              *today;          /* YYYY-MM-DD; NULL for the real today */
  char              *due_soon_until; /* YYYY-MM-DD; NULL for two working days on */
  /* A period of days, YYYY-MM-DD, both ends included: incoming documents
   * entered in the register with a received date in it, or documents
   * issued in it (and, with @issued_late, only those issued later than
   * the working day after their signature), as the reports count them. */
  char              *registered_from, *registered_to;
  char              *issued_from, *issued_to;
  gboolean           issued_late;
  /* Only documents with an event their state could not take (two
   * officials moved them at once, offline): the "needs review" queue. */
  gboolean           needs_review;
  XasoDocumentOrder  order;
} XasoDocumentFilter;

XasoDocumentFilter *xaso_document_filter_new  (void);
XasoDocumentFilter *xaso_document_filter_copy (const XasoDocumentFilter *filter);
void                xaso_document_filter_free (XasoDocumentFilter       *filter);
XasoDocumentFilter *xaso_document_filter_parse (const char              *query,
                                                GError                 **error);

/* Row ids of the matching documents in the filter's order; @limit 0
 * returns every match. Fits XasoRowidSearch (xaso-list-search.h). */
GArray   *xaso_document_search_rowids (XasoDatabase             *db,
                                       const XasoDocumentFilter *filter,
                                       guint                     limit,
                                       GCancellable             *cancellable,
                                       GError                  **error);
/* The first @limit matches, as documents. */
GPtrArray *xaso_document_search       (XasoDatabase             *db,
                                       const XasoDocumentFilter *filter,
                                       guint                     limit,
                                       GError                  **error);
/* Issuers already typed, most used first, for type-ahead. */
GStrv     xaso_document_list_issuers  (XasoDatabase             *db,
                                       const char               *prefix,
                                       guint                     limit,
                                       GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoDocumentFilter, xaso_document_filter_free)

G_END_DECLS
