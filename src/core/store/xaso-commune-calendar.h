/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-calendar.h"
#include "xaso-database.h"

G_BEGIN_DECLS

/* The working calendar of the commune, one for the whole process: the
 * deadlines of documents and dossiers are counted on it, in the commune's
 * time (UTC+7) whatever the computer's zone. Until loaded it is the
 * built-in calendar (the bundled official schedules, the Labor Code rules
 * for other years). Thread-safe. */
XasoCalendar *xaso_commune_calendar      (void);

/* Now, in the commune's time (UTC+7) whatever zone this computer is set
 * to: the commune's day is the one its dates are written in. */
GDateTime    *xaso_commune_now           (void);

/* Puts the calendar_day rows of @db (the year calendar the commune holds:
 * seeded from the official schedule, changed by the commune or brought by
 * sync) over the shared calendar, year by year: a year with rows takes
 * exactly those days, a year without keeps the built-in ones. The app and
 * xasoctl call it when they open a database. */
gboolean      xaso_commune_calendar_load (XasoDatabase  *db,
                                          GError       **error);

G_END_DECLS
