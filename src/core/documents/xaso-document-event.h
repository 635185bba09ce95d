/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* One step of a document's history ("registered", "presented",
 * "directed", "viewed", "printed", "issued"…): document_event rows,
 * appended, never changed. */
typedef struct
{
  char *kind;
  char *at;          /* ISO 8601, local time */
  char *actor;       /* full name of who acted */
  char *to_user;     /* full name of who it went to, or NULL */
  char *note;
  char *data;        /* JSON object */
  gboolean not_applied; /* not allowed where it came: kept, flagged, no effect on the state */
} XasoDocumentEvent;

void        xaso_document_event_free   (XasoDocumentEvent *self);

/* Appends an event by @actor (to @to, or NULL), in the caller's
 * transaction or its own. @data is a JSON object or NULL. */
gboolean    xaso_document_event_append (XasoDatabase  *db,
                                        const char    *document_id,
                                        const char    *kind,
                                        XasoUser      *actor,
                                        XasoUser      *to,
                                        const char    *note,
                                        const char    *data,
                                        GError       **error);
/* The document's history, oldest first (XasoDocumentEvent), in the order
 * the fold reads it, each event flagged if the fold skipped it. */
GPtrArray  *xaso_document_event_list   (XasoDatabase  *db,
                                        const char    *document_id,
                                        GError       **error);
/* "Registered", "Directive given"… for a kind. */
const char *xaso_document_event_label  (const char    *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoDocumentEvent, xaso_document_event_free)

G_END_DECLS
