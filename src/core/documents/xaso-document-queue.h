/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document-search.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* The lists each role works from, one click from the page: presets of
 * XasoDocumentFilter for the signed-in user. */
typedef enum
{
  XASO_QUEUE_ALL,                 /* the register: every document of the direction */
  XASO_QUEUE_OVERDUE,             /* open, past the deadline (today's overdue list) */
  XASO_QUEUE_DUE_SOON,            /* open, due within two working days */
  XASO_QUEUE_TO_REGISTER,         /* incoming, received, no số đến yet: "Chờ vào sổ" (văn thư) */
  XASO_QUEUE_TO_PRESENT,          /* incoming, registered, not presented yet (văn thư) */
  XASO_QUEUE_AWAITING_DIRECTIVE,  /* incoming, presented: "Chờ cho ý kiến" (lãnh đạo) */
  XASO_QUEUE_MINE,                /* incoming I lead, open, by deadline: "Văn bản của tôi" */
  XASO_QUEUE_DRAFTS,              /* outgoing drafts and those in review */
  XASO_QUEUE_TO_SIGN,             /* outgoing waiting for my signature: "Chờ ký" (lãnh đạo) */
  XASO_QUEUE_TO_ISSUE,            /* outgoing signed, to number and issue (văn thư) */
  XASO_QUEUE_REVIEW,              /* an event not applied: two desks moved it at once, offline */
  XASO_N_QUEUES
} XasoQueue;

/* The queues of @direction that @roles work from, in the order the page
 * offers them (XASO_QUEUE_ALL first); returns how many. */
guint               xaso_queue_list        (const char *direction,
                                            XasoRoles   roles,
                                            XasoQueue  *queues);
const char         *xaso_queue_label       (XasoQueue   queue);
/* The filter of @queue for @user (may be NULL for queues about no one). */
XasoDocumentFilter *xaso_queue_filter      (XasoQueue   queue,
                                            const char *direction,
                                            XasoUser   *user);
/* How many documents of @direction @queue holds for @user (may be NULL for
 * queues about no one), or -1. */
gint64              xaso_queue_count       (XasoDatabase  *db,
                                            XasoQueue      queue,
                                            const char    *direction,
                                            XasoUser      *user,
                                            GError       **error);
/* How many documents of @direction wait for @user to act, over the queues
 * of their roles: the page's badge. */
gboolean            xaso_queue_count_waiting (XasoDatabase  *db,
                                            const char    *direction,
                                            XasoUser      *user,
                                            guint         *count,
                                            GError       **error);

G_END_DECLS
