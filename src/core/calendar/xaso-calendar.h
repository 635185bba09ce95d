/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "xaso-holidays.h"

G_BEGIN_DECLS

#define XASO_CALENDAR_ERROR (xaso_calendar_error_quark ())

typedef enum
{
  XASO_CALENDAR_ERROR_INVALID_DATE,
  XASO_CALENDAR_ERROR_NO_SUCH_LEAP_MONTH,
  XASO_CALENDAR_ERROR_INVALID_SCHEDULE,
} XasoCalendarError;

GQuark xaso_calendar_error_quark (void);

/* A time limit of one working day is this many working hours, as in the
 * production system, whatever the configured working hours add up to.
 */
#define XASO_CALENDAR_HOURS_PER_WORKING_DAY 8

/* A working period of the day, in minutes from midnight, end excluded. */
typedef struct
{
  int start_min;
  int end_min;
} XasoWorkPeriod;

/* An interval during which the clock stops, for instance while the citizen
 * supplements the dossier.  @end is %NULL while the pause is still open.
 */
typedef struct
{
  GDateTime *start;
  GDateTime *end;
} XasoPause;

#define XASO_TYPE_CALENDAR (xaso_calendar_get_type ())

G_DECLARE_FINAL_TYPE (XasoCalendar, xaso_calendar, XASO, CALENDAR, GObject)

/* The year calendar (lịch năm): a table of the days that differ from an
 * ordinary week, where Monday to Friday are worked, and the arithmetic of
 * time limits over it.  All methods are thread-safe.
 *
 * Working time flows only inside the working periods of working days
 * (by default 07:00–11:30 and 13:30–17:00, UTC+7):
 *
 * - N working days are N × 8 working hours from the reception instant:
 *   received Monday 09:00 with 1 day → due Tuesday 09:00; received Friday
 *   16:00 → due Monday 16:00 in an ordinary week.
 * - Received outside working time (at lunch, after 17:00, on a weekend or
 *   a day off), counting starts at the next working period.
 * - A result exactly at the end of a period stays there (11:30 or 17:00),
 *   rather than moving to the start of the next period.
 * - Holidays, compensatory and swapped days off are skipped; make-up
 *   Saturdays and Sundays (working_override) are working days.
 * - Pauses remove the working time they cover.  When the limit would run
 *   out after the start of an open pause, there is no deadline yet and
 *   %NULL is returned.
 *
 * Matters resolved the same day follow the 15:00 rule instead
 * (xaso_calendar_same_day_deadline()): received on a working day before
 * the cut-off → due at the end of that day (17:00); at or after it, or on
 * a day off → due at the end of the next working day.
 *
 * A calendar from xaso_calendar_new_default() fills each year the first
 * time it is used: from the bundled official schedule (the year is then
 * confirmed) or from the Labor Code rules.  To load the database's
 * calendar_day rows, use xaso_calendar_replace_year() per year, or
 * xaso_calendar_set_day() on a calendar from xaso_calendar_new().
 *
 * Results are in the calendar's time zone, to the second.
 */

XasoCalendar    *xaso_calendar_new                   (void);
XasoCalendar    *xaso_calendar_new_default           (void);

GTimeZone       *xaso_calendar_get_time_zone         (XasoCalendar         *self);

void             xaso_calendar_set_day               (XasoCalendar         *self,
                                                      const GDate          *date,
                                                      XasoDayKind           kind,
                                                      const char           *reason);
void             xaso_calendar_clear_day             (XasoCalendar         *self,
                                                      const GDate          *date);
XasoCalendarDay *xaso_calendar_get_day               (XasoCalendar         *self,
                                                      const GDate          *date);
void             xaso_calendar_replace_year          (XasoCalendar         *self,
                                                      int                   year,
                                                      GPtrArray            *days,
                                                      gboolean              confirmed);
GPtrArray       *xaso_calendar_get_days              (XasoCalendar         *self,
                                                      int                   year);
void             xaso_calendar_set_year_confirmed    (XasoCalendar         *self,
                                                      int                   year,
                                                      gboolean              confirmed);
gboolean         xaso_calendar_year_is_confirmed     (XasoCalendar         *self,
                                                      int                   year);

void             xaso_calendar_set_working_hours     (XasoCalendar         *self,
                                                      const XasoWorkPeriod *periods,
                                                      guint                 n_periods);
XasoWorkPeriod  *xaso_calendar_dup_working_hours     (XasoCalendar         *self,
                                                      guint                *n_periods);
void             xaso_calendar_set_same_day_cutoff   (XasoCalendar         *self,
                                                      int                   cutoff_min);

gboolean         xaso_calendar_is_working_day        (XasoCalendar         *self,
                                                      const GDate          *date);
GPtrArray       *xaso_calendar_non_working_days      (XasoCalendar         *self,
                                                      int                   year);

GDateTime       *xaso_calendar_add_working_days      (XasoCalendar         *self,
                                                      GDateTime            *received,
                                                      guint                 n_days,
                                                      const XasoPause      *pauses,
                                                      guint                 n_pauses);
GDateTime       *xaso_calendar_add_working_hours     (XasoCalendar         *self,
                                                      GDateTime            *received,
                                                      double                hours,
                                                      const XasoPause      *pauses,
                                                      guint                 n_pauses);
double           xaso_calendar_working_hours_between (XasoCalendar         *self,
                                                      GDateTime            *from,
                                                      GDateTime            *to,
                                                      const XasoPause      *pauses,
                                                      guint                 n_pauses);
GDateTime       *xaso_calendar_same_day_deadline     (XasoCalendar         *self,
                                                      GDateTime            *received);

G_END_DECLS
