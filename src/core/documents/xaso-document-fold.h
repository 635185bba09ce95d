/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* One event of a document's history, as the fold reads it. Events are
 * ordered by their hybrid logical clock, then by id, so every desktop
 * folds them in the same order whatever order they arrived in. */
typedef struct
{
  const char *id;
  gint64      hlc;
  const char *kind;         /* registered, directed, signed… (xaso-document-event.c) */
  const char *at;           /* ISO 8601: its first ten characters are the day */
  const char *to_user_id;
  const char *note;
  const char *data;         /* JSON object; may name "deadline", "lead_unit", "co_handlers" */
} XasoDocumentFoldEvent;

/* The columns of the document the fold owns, in this order. Each desktop
 * writes them from the events, without ops: they travel as events, so two
 * officials moving a document offline never make a field conflict. */
typedef enum
{
  XASO_DOCUMENT_FOLD_STATUS,
  XASO_DOCUMENT_FOLD_LEAD_USER_ID,
  XASO_DOCUMENT_FOLD_DEADLINE,
  XASO_DOCUMENT_FOLD_LEAD_UNIT,
  XASO_DOCUMENT_FOLD_CO_HANDLERS,
  XASO_DOCUMENT_FOLD_DIRECTIVE,
  XASO_DOCUMENT_FOLD_PROGRESS,
  XASO_DOCUMENT_FOLD_TRANSFERRED_DATE,
  XASO_DOCUMENT_FOLD_SIGNED_DATE,
  XASO_DOCUMENT_FOLD_SEALED_DATE,
  XASO_DOCUMENT_FOLD_N_FIELDS
} XasoDocumentFoldField;

/* What a document's events add up to. A field no event spoke for is not
 * known (its bit in @known is clear): the row keeps what it holds, which is
 * what its insert op wrote, or what an event written before events carried
 * these values set (a document registered before this fold). */
typedef struct
{
  char     *values[XASO_DOCUMENT_FOLD_N_FIELDS];
  guint     known;          /* 1 << field for each field an event set */
  gboolean  needs_review;   /* some event was not allowed where it came */
  GArray   *refused;        /* guint: the indices of those events */
} XasoDocumentState;

/* The column of @field in the document table. */
const char *xaso_document_fold_column (XasoDocumentFoldField field);

void      xaso_document_fold_sort    (XasoDocumentFoldEvent       *events,
                                      guint                        n_events);
/* Folds @events, sorted with xaso_document_fold_sort (). */
void      xaso_document_fold         (XasoDocumentState           *state,
                                      const XasoDocumentFoldEvent *events,
                                      guint                        n_events);
void      xaso_document_state_clear  (XasoDocumentState           *state);

/* Whether @kind may come at @status (NULL: before the document exists). */
gboolean  xaso_document_transition_allowed (const char *kind,
                                            const char *status);

/* Folds the document's events again and writes the fields the fold owns
 * where they differ, without ops, in the caller's transaction. Called by
 * every step of the flow and by sync after a pull brings the document's
 * events. */
gboolean  xaso_document_refold       (XasoDatabase  *db,
                                      const char    *document_id,
                                      GError       **error);
/* Refolds every document; returns how many changed, or -1. */
gint64    xaso_document_refold_all   (XasoDatabase  *db,
                                      GError       **error);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoDocumentState, xaso_document_state_clear)

G_END_DECLS
