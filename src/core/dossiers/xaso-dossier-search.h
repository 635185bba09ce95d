/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-dossier.h"

G_BEGIN_DECLS

/* The queues of each role (issue: each one click from the page). */
typedef enum
{
  XASO_DOSSIER_QUEUE_ALL,
  XASO_DOSSIER_QUEUE_TO_RECEIVE,   /* online, status 1 */
  XASO_DOSSIER_QUEUE_MINE,         /* open, assigned to me */
  XASO_DOSSIER_QUEUE_TO_APPROVE,   /* in progress, at me, and I approve */
  XASO_DOSSIER_QUEUE_DUE_TODAY,
  XASO_DOSSIER_QUEUE_DUE_TOMORROW,
  XASO_DOSSIER_QUEUE_OVERDUE,
  XASO_DOSSIER_QUEUE_SUPPLEMENT,   /* waiting for the applicant's papers */
  XASO_DOSSIER_QUEUE_TO_RETURN,    /* processed, the result waits at the counter */
  XASO_DOSSIER_QUEUE_REVIEW,       /* needs review after offline desks acted at once */
  XASO_DOSSIER_N_QUEUES
} XasoDossierQueue;

const char      *xaso_dossier_queue_to_string   (XasoDossierQueue  queue);
gboolean         xaso_dossier_queue_from_string (const char       *text,
                                                 XasoDossierQueue *queue);
const char      *xaso_dossier_queue_label       (XasoDossierQueue  queue);
/* The queues a user with @roles works from, most used first, into @out
 * (XASO_DOSSIER_N_QUEUES long); returns how many. */
guint            xaso_dossier_queue_list        (guint             roles,
                                                 XasoDossierQueue *out);

/* What a dossier list shows: text typed in the search box (folded, prefix
 * match over code, applicant and ID number), a queue and the filters, each
 * NULL or 0 for "any". */
typedef struct
{
  char             *text;
  XasoDossierQueue  queue;
  char             *user_id;        /* "me", for the queues that need one */
  char             *procedure_code;
  char             *field;
  char             *channel;
  int               status;
  char             *assignee_user_id;
  char             *from;           /* received from this day, YYYY-MM-DD */
  char             *to;             /* up to this day, included */
  char             *now;            /* ISO 8601; NULL for the real now */
  char             *unit;           /* handled by this unit (its department, or its officer's) */
  char             *measure;        /* what a report's figure counts: "resolved:late"…; from and to
                                     * then apply to the time of that (resolution, return) */
} XasoDossierFilter;

XasoDossierFilter *xaso_dossier_filter_new  (void);
XasoDossierFilter *xaso_dossier_filter_copy (const XasoDossierFilter *filter);
void               xaso_dossier_filter_free (XasoDossierFilter       *filter);
XasoDossierFilter *xaso_dossier_filter_parse (const char              *query,
                                              GError                 **error);
/* The measures of the reports' figures a filter knows: "received",
 * "received:online", "resolved:late", "refused", "returned", "in_progress"… */
gboolean           xaso_dossier_measure_is_known (const char         *measure);

/* Row ids of the matching dossiers, nearest due first for the queues of
 * deadlines, newest first otherwise; @limit 0 returns every match. Fits
 * XasoRowidSearch (xaso-list-search.h). */
GArray    *xaso_dossier_search_rowids (XasoDatabase             *db,
                                       const XasoDossierFilter  *filter,
                                       guint                     limit,
                                       GCancellable             *cancellable,
                                       GError                  **error);
GPtrArray *xaso_dossier_search        (XasoDatabase             *db,
                                       const XasoDossierFilter  *filter,
                                       guint                     limit,
                                       GError                  **error);
/* How many dossiers each queue holds for @user_id, for the sidebar and
 * the queue buttons. */
gint64     xaso_dossier_queue_count   (XasoDatabase             *db,
                                       XasoDossierQueue          queue,
                                       const char               *user_id,
                                       GError                  **error);

/* What waits for @user's own hand, for the sidebar's count: for the
 * counter, dossiers to receive and results to return; for a leader,
 * those waiting for approval; for an officer, their open dossiers. */
gint64     xaso_dossier_count_waiting (XasoDatabase             *db,
                                       const char               *user_id,
                                       guint                     roles,
                                       GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoDossierFilter, xaso_dossier_filter_free)

/* The next working day after @now's (in @now's zone), at midnight: the
 * "due tomorrow" of the queues. */
GDateTime *xaso_dossier_next_working_day (GDateTime *now);

G_END_DECLS
