/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a day differs from an ordinary week, where Monday to Friday are
 * worked and Saturday and Sunday are the weekly rest days.  The first four
 * kinds are stored in the database (calendar_day.kind) with the names
 * given by xaso_day_kind_to_string(); %XASO_DAY_WEEKEND only labels the
 * ordinary rest days listed by xaso_calendar_non_working_days().
 */
typedef enum
{
  XASO_DAY_HOLIDAY,           /* public holiday (ngày lễ, tết) */
  XASO_DAY_COMPENSATORY,      /* day off for a holiday on a weekend (nghỉ bù) */
  XASO_DAY_SWAPPED_OFF,       /* weekday off, worked on another day (nghỉ hoán đổi) */
  XASO_DAY_WORKING_OVERRIDE,  /* Saturday or Sunday that is worked (làm bù) */
  XASO_DAY_WEEKEND,           /* ordinary Saturday or Sunday */
} XasoDayKind;

/* One row of a year calendar.  @reason is an untranslated English msgid
 * for the built-in reasons (show it with _()); reasons typed by an
 * administrator are stored as typed.
 */
typedef struct
{
  GDate        date;
  XasoDayKind  kind;
  char        *reason;
} XasoCalendarDay;

#define XASO_TYPE_CALENDAR_DAY (xaso_calendar_day_get_type ())

GType            xaso_calendar_day_get_type      (void) G_GNUC_CONST;
XasoCalendarDay *xaso_calendar_day_new           (const GDate           *date,
                                                  XasoDayKind            kind,
                                                  const char            *reason);
XasoCalendarDay *xaso_calendar_day_copy          (const XasoCalendarDay *day);
void             xaso_calendar_day_free          (XasoCalendarDay       *day);

const char      *xaso_day_kind_to_string         (XasoDayKind            kind);
gboolean         xaso_day_kind_from_string       (const char            *string,
                                                  XasoDayKind           *kind);
const char      *xaso_day_kind_default_reason    (XasoDayKind            kind);

GPtrArray       *xaso_holidays_default_for_year  (int                    year);
GPtrArray       *xaso_holidays_official_for_year (int                    year,
                                                  GError               **error);
GPtrArray       *xaso_holidays_parse_schedule    (const char            *data,
                                                  gssize                 length,
                                                  int                    year,
                                                  GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoCalendarDay, xaso_calendar_day_free)

G_END_DECLS
