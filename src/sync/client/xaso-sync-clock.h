/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A clock further than this from the server's is shown as wrong: the times
 * written on dossiers, documents and the audit trail come from it. The
 * order of changes does not (the server's log decides it). */
#define XASO_SYNC_CLOCK_SKEW_WARNING (5 * 60)

/* @skew (seconds this computer's clock is ahead of the server's, negative
 * when behind) in words for people ("… is 3 hours ahead of the server's"),
 * or NULL when it is within XASO_SYNC_CLOCK_SKEW_WARNING. */
char *xaso_sync_describe_clock (gint64 skew);

G_END_DECLS
