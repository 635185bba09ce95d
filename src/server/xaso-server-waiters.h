/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Long-polls waiting for their commune's log to grow (GET /v1/pull?wait=S).
 * A waiter is woken when a push for its commune commits — in this process,
 * or in any server process on the same database through LISTEN xaso_log —
 * or when its time is up. Main thread only, but for the listener thread,
 * which hands its news to the main context. */

typedef struct _XasoServerWaiters XasoServerWaiters;

typedef void (*XasoServerWake) (gpointer data);

/* conninfo NULL: no LISTEN, only this process's pushes wake waiters. */
XasoServerWaiters *xaso_server_waiters_new        (const char        *conninfo);
void               xaso_server_waiters_free       (XasoServerWaiters *waiters);

/* Counts the commits seen for a commune; a pull that read nothing compares
 * it before and after, so that a commit between its read and its wait is
 * not missed. */
guint64            xaso_server_waiters_generation (XasoServerWaiters *waiters,
                                                   const char        *commune_code);
guint              xaso_server_waiters_add        (XasoServerWaiters *waiters,
                                                   const char        *commune_code,
                                                   guint              seconds,
                                                   XasoServerWake     wake,
                                                   gpointer           data);
/* Forgets a waiter without waking it (its client went away). */
void               xaso_server_waiters_remove     (XasoServerWaiters *waiters,
                                                   guint              id);
void               xaso_server_waiters_notify     (XasoServerWaiters *waiters,
                                                   const char        *commune_code);
/* Wakes everyone now (shutting down). */
void               xaso_server_waiters_wake_all   (XasoServerWaiters *waiters);
guint              xaso_server_waiters_count      (XasoServerWaiters *waiters);

G_END_DECLS
