/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Vietnamese lunar calendar (âm lịch), computed with Hồ Ngọc Đức's
 * astronomical method for the time zone UTC+7.  Days are reckoned in
 * Vietnam's time zone, which is why Tết sometimes falls on another day
 * than the Chinese New Year (UTC+8), as in 1985 and 2007.
 *
 * Results are checked against published dates for the years
 * XASO_LUNAR_MIN_YEAR to XASO_LUNAR_MAX_YEAR; solar dates are Gregorian.
 */
#define XASO_LUNAR_MIN_YEAR 1800
#define XASO_LUNAR_MAX_YEAR 2199

typedef struct
{
  int      year;   /* the lunar year, named by the solar year in which it starts */
  int      month;  /* 1–12 */
  int      day;    /* 1–30 */
  gboolean leap;   /* TRUE for a leap month (tháng nhuận) */
} XasoLunarDate;

void     xaso_lunar_from_solar     (int                  y,
                                    int                  m,
                                    int                  d,
                                    XasoLunarDate       *out);
gboolean xaso_lunar_to_solar       (const XasoLunarDate *lunar,
                                    int                 *y,
                                    int                 *m,
                                    int                 *d,
                                    GError             **error);
int      xaso_lunar_leap_month     (int                  lunar_year);
int      xaso_lunar_days_in_month  (int                  lunar_year,
                                    int                  month,
                                    gboolean             leap);

G_END_DECLS
