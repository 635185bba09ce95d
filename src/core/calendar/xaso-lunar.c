/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "xaso-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "xaso-calendar.h"
#include "xaso-lunar.h"

/* The lunar calendar follows Hồ Ngọc Đức's method: a lunar month starts on
 * the day (in Vietnam's time zone) that holds a new moon; month 11 is the
 * one that holds the winter solstice; a year between two months 11 that
 * has 13 months repeats the first month without a major solar term.  New
 * moons and the sun's longitude come from the series in Jean Meeus'
 * "Astronomical Algorithms", which are precise to minutes for these
 * centuries.
 */

/* Hours ahead of UTC: Vietnam, not China's UTC+8. */
#define TIME_ZONE 7.0

/* The mean length of a lunation, in days. */
#define SYNODIC_MONTH 29.530588853

/* Julian day of the first new moon of 1900 (k = 0 in Meeus' numbering). */
#define NEW_MOON_EPOCH 2415021.076998695

/* The Julian Day Number is GLib's day count plus this constant, because
 * GDate counts 1 January of year 1 (proleptic Gregorian) as day 1.
 */
#define GDATE_TO_JDN 1721425

static int
jdn_from_date (int y,
               int m,
               int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return (int) g_date_get_julian (&date) + GDATE_TO_JDN;
}

static void
date_from_jdn (int  jdn,
               int *y,
               int *m,
               int *d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (jdn - GDATE_TO_JDN));
  *y = g_date_get_year (&date);
  *m = g_date_get_month (&date);
  *d = g_date_get_day (&date);
}

static double
deg_sin (double degrees)
{
  return sin (degrees * G_PI / 180.0);
}

/* The instant (Julian day, UT) of the k-th new moon after January 1900:
 * the mean phase, Meeus' periodic terms, and the difference between
 * dynamical and universal time.
 */
static double
new_moon (int k)
{
  double t = k / 1236.85;
  double t2 = t * t;
  double t3 = t2 * t;
  double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  double mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  double jd;
  double c;
  double delta_t;

  jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
       + 0.00033 * deg_sin (166.56 + 132.87 * t - 0.009173 * t2);

  c = (0.1734 - 0.000393 * t) * deg_sin (m) + 0.0021 * deg_sin (2 * m)
      - 0.4068 * deg_sin (mp) + 0.0161 * deg_sin (2 * mp)
      - 0.0004 * deg_sin (3 * mp)
      + 0.0104 * deg_sin (2 * f) - 0.0051 * deg_sin (m + mp)
      - 0.0074 * deg_sin (m - mp) + 0.0004 * deg_sin (2 * f + m)
      - 0.0004 * deg_sin (2 * f - m) - 0.0006 * deg_sin (2 * f + mp)
      + 0.0010 * deg_sin (2 * f - mp) + 0.0005 * deg_sin (m + 2 * mp);

  if (t < -11)
    delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2
              - 0.00000845 * t3 - 0.000000081 * t * t3;
  else
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2;

  return jd + c - delta_t;
}

/* The local day (Julian Day Number) that holds the k-th new moon. */
static int
new_moon_day (int k)
{
  return (int) floor (new_moon (k) + 0.5 + TIME_ZONE / 24.0);
}

/* The sun's apparent longitude, in radians within [0, 2π), at the
 * instant jd (Julian day, UT).
 */
static double
sun_longitude (double jd)
{
  double t = (jd - 2451545.0) / 36525;
  double t2 = t * t;
  double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl;
  double l;

  dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * deg_sin (m)
       + (0.019993 - 0.000101 * t) * deg_sin (2 * m)
       + 0.000290 * deg_sin (3 * m);
  l = (l0 + dl) * G_PI / 180.0;

  return l - 2 * G_PI * floor (l / (2 * G_PI));
}

/* Which of the twelve 30° sectors the sun is in at the start of the local
 * day jdn.  Sector n begins at the major solar term (trung khí) at
 * n × 30°, so a month whose start and end fall in the same sector holds no
 * major term.
 */
static int
sun_sector (int jdn)
{
  return (int) floor (sun_longitude (jdn - 0.5 - TIME_ZONE / 24.0) / G_PI * 6);
}

/* The first day of the lunar month 11 of the solar year y: the last new
 * moon on or before the winter solstice.
 */
static int
month_11_start (int y)
{
  int k = (int) floor ((jdn_from_date (y, 12, 31) - 2415021) / SYNODIC_MONTH);
  int start = new_moon_day (k);

  if (sun_sector (start) >= 9)
    start = new_moon_day (k - 1);

  return start;
}

/* For a 13-month span that starts with month 11 on a11, how many months
 * after a11 the leap month begins: the first month with no major term.
 */
static int
leap_month_offset (int a11)
{
  int k = (int) floor ((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  int i = 1;
  int sector = sun_sector (new_moon_day (k + i));
  int previous;

  do
    {
      previous = sector;
      i++;
      sector = sun_sector (new_moon_day (k + i));
    }
  while (sector != previous && i < 14);

  return i - 1;
}

/* The month number (1–12) repeated by the leap month at this offset. */
static int
leap_month_number (int offset)
{
  int month = offset - 2;

  return month <= 0 ? month + 12 : month;
}

static int
new_moon_index (int jdn)
{
  return (int) floor ((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
}

/* The first day of the lunar month that holds the day jdn.  It starts from
 * the mean lunation and steps back to the true new moon, which can come
 * more than half a day after the mean one (as for 2054-05-07).
 */
static int
month_start (int jdn)
{
  int k = (int) floor ((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  int start = new_moon_day (k);

  while (start > jdn)
    start = new_moon_day (--k);

  return start;
}

/**
 * xaso_lunar_from_solar:
 * @y: the solar (Gregorian) year
 * @m: the month, 1–12
 * @d: the day of the month
 * @out: (out): the lunar date of that day in Vietnam
 */
void
xaso_lunar_from_solar (int            y,
                       int            m,
                       int            d,
                       XasoLunarDate *out)
{
  int jdn;
  int start;
  int a11;
  int b11;
  int diff;

  g_return_if_fail (out != NULL);
  g_return_if_fail (y >= XASO_LUNAR_MIN_YEAR && y <= XASO_LUNAR_MAX_YEAR);
  g_return_if_fail (g_date_valid_dmy (d, m, y));

  jdn = jdn_from_date (y, m, d);
  start = month_start (jdn);

  /* Months are counted from the month 11 that precedes the day. */
  a11 = month_11_start (y);
  if (a11 >= start)
    {
      out->year = y;
      b11 = a11;
      a11 = month_11_start (y - 1);
    }
  else
    {
      out->year = y + 1;
      b11 = month_11_start (y + 1);
    }

  out->day = jdn - start + 1;
  out->leap = FALSE;
  diff = (int) floor ((start - a11) / 29.0);
  out->month = diff + 11;

  if (b11 - a11 > 365)
    {
      int leap_offset = leap_month_offset (a11);

      if (diff >= leap_offset)
        {
          out->month = diff + 10;
          out->leap = (diff == leap_offset);
        }
    }

  if (out->month > 12)
    out->month -= 12;

  /* Months 11 and 12 at the start of the span belong to the year before. */
  if (out->month >= 11 && diff < 4)
    out->year--;
}

/* Finds the new-moon index of the first day of a lunar month, or returns
 * FALSE when the year has no such leap month.
 */
static gboolean
locate_month (int       lunar_year,
              int       month,
              gboolean  leap,
              int      *k)
{
  int a11;
  int b11;
  int offset;

  if (month < 11)
    {
      a11 = month_11_start (lunar_year - 1);
      b11 = month_11_start (lunar_year);
    }
  else
    {
      a11 = month_11_start (lunar_year);
      b11 = month_11_start (lunar_year + 1);
    }

  offset = month - 11;
  if (offset < 0)
    offset += 12;

  if (b11 - a11 > 365)
    {
      int leap_offset = leap_month_offset (a11);

      if (leap && month != leap_month_number (leap_offset))
        return FALSE;
      if (leap || offset >= leap_offset)
        offset++;
    }
  else if (leap)
    {
      return FALSE;
    }

  *k = new_moon_index (a11) + offset;
  return TRUE;
}

/* The first days of XASO_LUNAR_MIN_YEAR belong to the lunar year before. */
static gboolean
lunar_year_in_range (int lunar_year)
{
  return lunar_year >= XASO_LUNAR_MIN_YEAR - 1 && lunar_year <= XASO_LUNAR_MAX_YEAR;
}

/**
 * xaso_lunar_to_solar:
 * @lunar: a lunar date
 * @y: (out): the solar year
 * @m: (out): the solar month
 * @d: (out): the solar day
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %XASO_CALENDAR_ERROR_INVALID_DATE
 *   when the month or day is out of range or the day does not exist in
 *   that month, or %XASO_CALENDAR_ERROR_NO_SUCH_LEAP_MONTH when the year
 *   has no leap month with that number.
 */
gboolean
xaso_lunar_to_solar (const XasoLunarDate  *lunar,
                     int                  *y,
                     int                  *m,
                     int                  *d,
                     GError              **error)
{
  int k;
  int start;

  g_return_val_if_fail (lunar != NULL, FALSE);
  g_return_val_if_fail (y != NULL && m != NULL && d != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lunar_year_in_range (lunar->year) || lunar->month < 1 || lunar->month > 12
      || lunar->day < 1 || lunar->day > 30)
    {
      g_set_error (error, XASO_CALENDAR_ERROR, XASO_CALENDAR_ERROR_INVALID_DATE,
                   _("The lunar date %d/%d/%d is not valid."),
                   lunar->day, lunar->month, lunar->year);
      return FALSE;
    }

  if (!locate_month (lunar->year, lunar->month, lunar->leap, &k))
    {
      g_set_error (error, XASO_CALENDAR_ERROR, XASO_CALENDAR_ERROR_NO_SUCH_LEAP_MONTH,
                   _("The lunar year %d has no leap month %d."),
                   lunar->year, lunar->month);
      return FALSE;
    }

  start = new_moon_day (k);
  if (lunar->day > new_moon_day (k + 1) - start)
    {
      g_set_error (error, XASO_CALENDAR_ERROR, XASO_CALENDAR_ERROR_INVALID_DATE,
                   _("The lunar month %d of %d has only 29 days."),
                   lunar->month, lunar->year);
      return FALSE;
    }

  date_from_jdn (start + lunar->day - 1, y, m, d);
  return TRUE;
}

/**
 * xaso_lunar_days_in_month:
 * @lunar_year: the lunar year
 * @month: the month, 1–12
 * @leap: whether the leap month is meant
 *
 * Returns: 29 or 30, or 0 when the year has no such month.
 */
int
xaso_lunar_days_in_month (int      lunar_year,
                          int      month,
                          gboolean leap)
{
  int k;

  g_return_val_if_fail (lunar_year_in_range (lunar_year), 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (!locate_month (lunar_year, month, leap, &k))
    return 0;

  return new_moon_day (k + 1) - new_moon_day (k);
}

/* The leap month, if any, of the 13-month span that starts with the
 * month 11 of the solar year y.
 */
static int
span_leap_month (int y)
{
  int a11 = month_11_start (y);
  int b11 = month_11_start (y + 1);

  if (b11 - a11 <= 365)
    return 0;

  return leap_month_number (leap_month_offset (a11));
}

/**
 * xaso_lunar_leap_month:
 * @lunar_year: the lunar year
 *
 * Returns: the number (1–12) of the month that is repeated as a leap month
 *   in @lunar_year, or 0 when the year has twelve months.
 */
int
xaso_lunar_leap_month (int lunar_year)
{
  int month;

  g_return_val_if_fail (lunar_year_in_range (lunar_year), 0);

  /* Months 1–10 lie in the span that starts in the previous solar year,
   * months 11 and 12 in the span that starts in this one.
   */
  month = span_leap_month (lunar_year - 1);
  if (month >= 1 && month <= 10)
    return month;

  month = span_leap_month (lunar_year);
  if (month >= 11)
    return month;

  return 0;
}
