/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days as officials write them (dd/mm/yyyy, as on paper) and as the
 * database keeps them (YYYY-MM-DD). */

/* The day typed as "dd/mm/yyyy" (or d/m/yyyy) as "YYYY-MM-DD", or NULL if
 * it is not a day of the calendar. */
char *xaso_day_from_display (const char *typed);
/* "YYYY-MM-DD" (a longer ISO time is cut to its day) as "dd/mm/yyyy";
 * anything else is returned as it is. */
char *xaso_day_to_display   (const char *day);
/* A period written "YYYY-MM-DD..YYYY-MM-DD" (as a report's link carries
 * it): its first and last day, or FALSE if either is not a day. */
gboolean xaso_day_range_parse (const char  *text,
                               char       **first,
                               char       **last);

G_END_DECLS
