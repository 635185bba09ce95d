/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-calendar.h"
#include "xaso-dossier.h"
#include "xaso-procedure.h"

G_BEGIN_DECLS

/* One event of a dossier's history, as the fold reads it. Events are
 * ordered by their hybrid logical clock, then by id, so every replica folds
 * them in the same order whatever order they arrived in. */
typedef struct
{
  const char *id;
  gint64      hlc;
  const char *kind;         /* received, assigned, forwarded… (xaso_dossier_event_kinds) */
  const char *at;           /* ISO 8601 with the zone */
  const char *to_user_id;
  const char *data;         /* JSON; {"new_due": "…"} for an apology */
} XasoDossierFoldEvent;

/* The time one step of the procedure took, for the tracking form (Mẫu 06). */
typedef struct
{
  guint      step;
  guint      event;         /* the hand-over that started it */
  GDateTime *start;
  GDateTime *due;           /* NULL: the procedure gives the step no time, or it is paused */
  GDateTime *end;           /* NULL while the dossier is at this step */
} XasoDossierSpan;

/* What a dossier's events add up to. */
typedef struct
{
  XasoDossierStatus status;       /* 0 before any reception */
  gboolean          needs_review; /* some transition was not allowed where it came */
  GArray           *refused;      /* guint: the indices of those events */
  GDateTime        *received_at;
  GDateTime        *legal_due;    /* the legal deadline, pauses excluded; NULL while paused past it */
  GDateTime        *due;          /* the current appointment: an apology's date, or the legal one */
  GDateTime        *resolved_at;  /* approved, or refused, stopped, withdrawn */
  GDateTime        *returned_at;
  GDateTime        *paused_at;    /* an open supplement request */
  GArray           *pauses;       /* XasoPause, in order; the last may be open */
  const char       *assignee;     /* the to_user_id of the last assignment or forward */
  guint             step;
  GDateTime        *step_due;
  GArray           *spans;        /* XasoDossierSpan, when asked for */
  XasoTimeliness    timeliness;
} XasoDossierState;

/* Folds @events (sorted with xaso_dossier_fold_sort ()) of a dossier
 * received under @procedure by @channel. @received_at is the row's time,
 * used when no event says when it was received (an online dossier waiting).
 * With @spans, the state also lists the steps' spans. */
void      xaso_dossier_fold         (XasoDossierState          *state,
                                     const XasoDossierFoldEvent *events,
                                     guint                      n_events,
                                     XasoProcedure             *procedure,
                                     const char                *channel,
                                     const char                *received_at,
                                     XasoCalendar              *calendar,
                                     gboolean                   spans);
void      xaso_dossier_state_clear  (XasoDossierState          *state);
void      xaso_dossier_fold_sort    (XasoDossierFoldEvent      *events,
                                     guint                      n_events);

/* Whether @kind may come at @status (0: not yet received). */
gboolean  xaso_dossier_transition_allowed (const char          *kind,
                                           XasoDossierStatus    status);
/* The status @kind leads to, or 0 when it leaves the status as it is. */
XasoDossierStatus xaso_dossier_transition_target (const char   *kind);

/* The legal deadline of a dossier received at @received: working days or
 * hours in working time, or the 15:00 rule, less the pauses. NULL while an
 * open pause holds it. */
GDateTime *xaso_dossier_deadline    (XasoCalendar              *calendar,
                                     XasoProcedure             *procedure,
                                     const char                *channel,
                                     GDateTime                 *received,
                                     const XasoPause           *pauses,
                                     guint                      n_pauses);
XasoTimeliness xaso_dossier_classify (GDateTime                *resolved,
                                      GDateTime                *deadline);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoDossierState, xaso_dossier_state_clear)

G_END_DECLS
