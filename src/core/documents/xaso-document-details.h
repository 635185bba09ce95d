/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document-event.h"
#include "xaso-document.h"

G_BEGIN_DECLS

/* Everything a document's page shows: the record, its history, its files,
 * the names behind its ids, and the documents linked to it. */
typedef struct
{
  XasoDocument *doc;
  GPtrArray    *events;        /* XasoDocumentEvent, oldest first */
  GPtrArray    *files;         /* XasoAttachment */
  char         *file_path;     /* the current file, or NULL */
  gboolean      file_here;     /* FALSE while sync has not downloaded it */
  char         *lead_name;     /* who leads the handling */
  XasoDocument *answers;       /* outgoing: the incoming document it answers */
  GPtrArray    *replies;       /* incoming: the outgoing documents answering it */
} XasoDocumentDetails;

/* Reads them, and notes in the history that @viewer viewed the document
 * (DOMAIN.md: views included), in one transaction. */
XasoDocumentDetails *xaso_document_details_load (XasoDatabase         *db,
                                                 XasoUser             *viewer,
                                                 const char           *id,
                                                 GError              **error);
void                 xaso_document_details_free (XasoDocumentDetails  *details);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoDocumentDetails, xaso_document_details_free)

G_END_DECLS
