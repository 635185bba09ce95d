/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "xaso-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>

#include "xaso-calendar.h"
#include "xaso-holidays.h"
#include "xaso-lunar.h"

/* Helpers */

static char *
format_gdate (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

static GDate
make_date (int y,
           int m,
           int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static GDateTime *
make_time (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  int y, m, d, hour, minute;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &m, &d, &hour, &minute), ==, 5);
  return g_date_time_new (tz, y, m, d, hour, minute, 0);
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, 7 * G_TIME_SPAN_HOUR);
  text = g_date_time_format (time, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_lunar (const char *solar,
              int         year,
              int         month,
              int         day,
              gboolean    leap)
{
  XasoLunarDate lunar;
  int y, m, d;

  g_assert_cmpint (sscanf (solar, "%d-%d-%d", &y, &m, &d), ==, 3);
  xaso_lunar_from_solar (y, m, d, &lunar);
  g_assert_cmpint (lunar.year, ==, year);
  g_assert_cmpint (lunar.month, ==, month);
  g_assert_cmpint (lunar.day, ==, day);
  g_assert_cmpint (lunar.leap, ==, leap);
}

static void
assert_solar (int         year,
              int         month,
              int         day,
              gboolean    leap,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  XasoLunarDate lunar = { year, month, day, leap };
  int y, m, d;

  g_assert_true (xaso_lunar_to_solar (&lunar, &y, &m, &d, &error));
  g_assert_no_error (error);
  text = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  g_assert_cmpstr (text, ==, expected);
}

/* Finds the row of @days for the ISO date @iso, or NULL. */
static const XasoCalendarDay *
find_day (GPtrArray  *days,
          const char *iso)
{
  for (guint i = 0; i < days->len; i++)
    {
      const XasoCalendarDay *day = g_ptr_array_index (days, i);
      g_autofree char *text = format_gdate (&day->date);

      if (g_strcmp0 (text, iso) == 0)
        return day;
    }

  return NULL;
}

static void
assert_day (GPtrArray   *days,
            const char  *iso,
            XasoDayKind  kind,
            const char  *reason)
{
  const XasoCalendarDay *day = find_day (days, iso);

  g_assert_nonnull (day);
  g_assert_cmpint (day->kind, ==, kind);
  if (reason != NULL)
    g_assert_cmpstr (day->reason, ==, reason);
}

static void
assert_sorted (GPtrArray *days)
{
  for (guint i = 1; i < days->len; i++)
    {
      const XasoCalendarDay *a = g_ptr_array_index (days, i - 1);
      const XasoCalendarDay *b = g_ptr_array_index (days, i);

      g_assert_cmpint (g_date_compare (&a->date, &b->date), <, 0);
    }
}

static gboolean
is_weekend (const GDate *date)
{
  return g_date_get_weekday (date) >= G_DATE_SATURDAY;
}

/* Lunar calendar */

static void
test_lunar_tet_dates (void)
{
  static const char *tet[][2] = {
    { "2023", "2023-01-22" }, { "2024", "2024-02-10" }, { "2025", "2025-01-29" },
    { "2026", "2026-02-17" }, { "2027", "2027-02-06" }, { "2028", "2028-01-26" },
    { "2029", "2029-02-13" }, { "2030", "2030-02-02" }, { "2031", "2031-01-23" },
    { "2033", "2033-01-31" },
    /* UTC+7 and China's UTC+8 disagree on these two. */
    { "1985", "1985-01-21" }, { "2007", "2007-02-17" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tet); i++)
    {
      int year = atoi (tet[i][0]);

      assert_solar (year, 1, 1, FALSE, tet[i][1]);
      assert_lunar (tet[i][1], year, 1, 1, FALSE);
    }
}

static void
test_lunar_hung_kings_dates (void)
{
  static const char *gio_to[][2] = {
    { "2023", "2023-04-29" }, { "2024", "2024-04-18" }, { "2025", "2025-04-07" },
    { "2026", "2026-04-26" }, { "2027", "2027-04-16" }, { "2028", "2028-04-04" },
    { "2029", "2029-04-23" }, { "2030", "2030-04-12" }, { "2031", "2031-04-01" },
    { "2033", "2033-04-09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (gio_to); i++)
    {
      int year = atoi (gio_to[i][0]);

      assert_solar (year, 3, 10, FALSE, gio_to[i][1]);
      assert_lunar (gio_to[i][1], year, 3, 10, FALSE);
    }
}

static void
test_lunar_leap_months (void)
{
  static const int leap[][2] = {
    { 2023, 2 }, { 2024, 0 }, { 2025, 6 }, { 2026, 0 }, { 2027, 0 }, { 2028, 5 },
    { 2029, 0 }, { 2030, 0 }, { 2031, 3 }, { 2032, 0 }, { 2033, 11 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (leap); i++)
    g_assert_cmpint (xaso_lunar_leap_month (leap[i][0]), ==, leap[i][1]);

  /* Leap month 6 of 2025 starts on 25 July. */
  assert_lunar ("2025-07-24", 2025, 6, 30, FALSE);
  assert_lunar ("2025-07-25", 2025, 6, 1, TRUE);
  assert_solar (2025, 6, 1, TRUE, "2025-07-25");
  assert_lunar ("2025-08-23", 2025, 7, 1, FALSE);

  /* Leap month 11 of 2033 comes right after month 11, before the year
   * turns: the edge case that several ports get wrong.
   */
  assert_lunar ("2033-12-21", 2033, 11, 30, FALSE);
  assert_lunar ("2033-12-22", 2033, 11, 1, TRUE);
  assert_solar (2033, 11, 1, TRUE, "2033-12-22");
  assert_lunar ("2034-02-19", 2034, 1, 1, FALSE);
}

static void
test_lunar_year_end (void)
{
  /* Tháng Chạp of Ất Tỵ (2025) has 29 days: 16/02/2026 is its last day. */
  assert_lunar ("2026-02-14", 2025, 12, 27, FALSE);
  assert_lunar ("2026-02-16", 2025, 12, 29, FALSE);
  assert_lunar ("2026-02-22", 2026, 1, 6, FALSE);
  g_assert_cmpint (xaso_lunar_days_in_month (2025, 12, FALSE), ==, 29);
  g_assert_cmpint (xaso_lunar_days_in_month (2025, 6, TRUE), ==, 29);
  g_assert_cmpint (xaso_lunar_days_in_month (2026, 6, TRUE), ==, 0);
}

static void
test_lunar_invalid_dates (void)
{
  g_autoptr(GError) error = NULL;
  XasoLunarDate no_leap = { 2026, 6, 1, TRUE };
  XasoLunarDate wrong_leap = { 2025, 5, 1, TRUE };
  XasoLunarDate day_30 = { 2025, 12, 30, FALSE };
  XasoLunarDate month_13 = { 2025, 13, 1, FALSE };
  int y, m, d;

  g_assert_false (xaso_lunar_to_solar (&no_leap, &y, &m, &d, &error));
  g_assert_error (error, XASO_CALENDAR_ERROR, XASO_CALENDAR_ERROR_NO_SUCH_LEAP_MONTH);
  g_clear_error (&error);

  g_assert_false (xaso_lunar_to_solar (&wrong_leap, &y, &m, &d, &error));
  g_assert_error (error, XASO_CALENDAR_ERROR, XASO_CALENDAR_ERROR_NO_SUCH_LEAP_MONTH);
  g_clear_error (&error);

  g_assert_false (xaso_lunar_to_solar (&day_30, &y, &m, &d, &error));
  g_assert_error (error, XASO_CALENDAR_ERROR, XASO_CALENDAR_ERROR_INVALID_DATE);
  g_clear_error (&error);

  g_assert_false (xaso_lunar_to_solar (&month_13, &y, &m, &d, &error));
  g_assert_error (error, XASO_CALENDAR_ERROR, XASO_CALENDAR_ERROR_INVALID_DATE);
}

/* Checks that consecutive solar days give consecutive lunar days. */
static void
assert_lunar_successor (const XasoLunarDate *before,
                        const XasoLunarDate *after)
{
  if (after->day != 1)
    {
      g_assert_cmpint (after->day, ==, before->day + 1);
      g_assert_cmpint (after->month, ==, before->month);
      g_assert_cmpint (after->leap, ==, before->leap);
      return;
    }

  g_assert_cmpint (before->day, >=, 29);
  g_assert_cmpint (before->day, <=, 30);
  if (after->leap)
    g_assert_cmpint (after->month, ==, before->month);
  else if (after->month == 1)
    g_assert_cmpint (after->year, ==, before->year + 1);
  else
    g_assert_cmpint (after->month, ==, before->month + 1);
}

static void
test_lunar_round_trip (void)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  XasoLunarDate previous = { 0, 0, 0, FALSE };
  GDate date = make_date (1990, 1, 1);
  guint n_days = 0;

  for (; g_date_get_year (&date) <= 2100; g_date_add_days (&date, 1), n_days++)
    {
      XasoLunarDate lunar;
      g_autoptr(GError) error = NULL;
      int y, m, d;

      xaso_lunar_from_solar (g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date), &lunar);
      g_assert_true (xaso_lunar_to_solar (&lunar, &y, &m, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpint (y, ==, g_date_get_year (&date));
      g_assert_cmpint (m, ==, g_date_get_month (&date));
      g_assert_cmpint (d, ==, g_date_get_day (&date));

      if (previous.year != 0)
        assert_lunar_successor (&previous, &lunar);
      previous = lunar;
    }

  g_assert_cmpuint (n_days, ==, 40542);
  g_test_message ("%u round trips in %.2f s", n_days, g_timer_elapsed (timer, NULL));
}

/* Holidays */

static void
test_holidays_default_2027 (void)
{
  g_autoptr(GPtrArray) days = xaso_holidays_default_for_year (2027);

  /* Tết 2027 is Saturday 6 February: 29 Chạp to mùng 4 run Friday to
   * Tuesday, and the Saturday and Sunday give Wednesday and Thursday.
   */
  assert_day (days, "2027-01-01", XASO_DAY_HOLIDAY, "New Year's Day");
  assert_day (days, "2027-02-05", XASO_DAY_HOLIDAY, "Lunar New Year");
  assert_day (days, "2027-02-06", XASO_DAY_HOLIDAY, "Lunar New Year");
  assert_day (days, "2027-02-09", XASO_DAY_HOLIDAY, "Lunar New Year");
  assert_day (days, "2027-02-10", XASO_DAY_COMPENSATORY, "Compensatory day off");
  assert_day (days, "2027-02-11", XASO_DAY_COMPENSATORY, "Compensatory day off");
  assert_day (days, "2027-04-16", XASO_DAY_HOLIDAY, "Hung Kings Commemoration");
  assert_day (days, "2027-04-30", XASO_DAY_HOLIDAY, "Reunification Day");
  assert_day (days, "2027-05-01", XASO_DAY_HOLIDAY, "International Labour Day");
  assert_day (days, "2027-05-03", XASO_DAY_COMPENSATORY, NULL);
  /* 2 September 2027 is a Thursday: the adjacent day is Friday 3/9. */
  assert_day (days, "2027-09-02", XASO_DAY_HOLIDAY, "National Day");
  assert_day (days, "2027-09-03", XASO_DAY_HOLIDAY, "National Day");
  g_assert_null (find_day (days, "2027-09-01"));
  g_assert_cmpuint (days->len, ==, 11 + 3);
  assert_sorted (days);
}

static void
test_holidays_compensatory_day (void)
{
  g_autoptr(GPtrArray) days = xaso_holidays_default_for_year (2028);

  /* 1/1/2028 is a Saturday. */
  assert_day (days, "2028-01-01", XASO_DAY_HOLIDAY, NULL);
  assert_day (days, "2028-01-03", XASO_DAY_COMPENSATORY, NULL);
  /* Tết 2028: Tuesday 25/01 to Saturday 29/01, so Monday 31/01. */
  assert_day (days, "2028-01-29", XASO_DAY_HOLIDAY, "Lunar New Year");
  assert_day (days, "2028-01-31", XASO_DAY_COMPENSATORY, NULL);
  /* 30/4 is a Sunday and Monday 1/5 is a holiday, so Tuesday 2/5. */
  assert_day (days, "2028-05-01", XASO_DAY_HOLIDAY, NULL);
  assert_day (days, "2028-05-02", XASO_DAY_COMPENSATORY, NULL);
  /* 2/9 is a Saturday: Friday 1/9 is the adjacent day, Monday 4/9 the
   * compensatory one.
   */
  assert_day (days, "2028-09-01", XASO_DAY_HOLIDAY, "National Day");
  assert_day (days, "2028-09-04", XASO_DAY_COMPENSATORY, NULL);
  g_assert_cmpuint (days->len, ==, 11 + 4);
  assert_sorted (days);
}

static void
test_holidays_weekend_chain (void)
{
  g_autoptr(GPtrArray) days = xaso_holidays_default_for_year (2023);

  /* Giỗ Tổ on Saturday 29/4, 30/4 on Sunday and 1/5 on Monday: the two
   * weekend holidays give Tuesday 2/5 and Wednesday 3/5, as the
   * Government decided that year.
   */
  assert_day (days, "2023-04-29", XASO_DAY_HOLIDAY, "Hung Kings Commemoration");
  assert_day (days, "2023-04-30", XASO_DAY_HOLIDAY, "Reunification Day");
  assert_day (days, "2023-05-01", XASO_DAY_HOLIDAY, "International Labour Day");
  assert_day (days, "2023-05-02", XASO_DAY_COMPENSATORY, NULL);
  assert_day (days, "2023-05-03", XASO_DAY_COMPENSATORY, NULL);
  g_assert_null (find_day (days, "2023-05-04"));
}

static void
test_holidays_every_year (void)
{
  for (int year = 1990; year <= 2100; year++)
    {
      g_autoptr(GPtrArray) days = xaso_holidays_default_for_year (year);
      guint n_holidays = 0;
      guint n_weekend_holidays = 0;
      guint n_compensatory = 0;

      assert_sorted (days);
      for (guint i = 0; i < days->len; i++)
        {
          const XasoCalendarDay *day = g_ptr_array_index (days, i);

          g_assert_cmpint (g_date_get_year (&day->date), ==, year);
          if (day->kind == XASO_DAY_HOLIDAY)
            {
              n_holidays++;
              n_weekend_holidays += is_weekend (&day->date) ? 1 : 0;
            }
          else
            {
              g_assert_cmpint (day->kind, ==, XASO_DAY_COMPENSATORY);
              g_assert_false (is_weekend (&day->date));
              n_compensatory++;
            }
        }

      g_assert_cmpuint (n_holidays, ==, 11);
      g_assert_cmpuint (n_compensatory, ==, n_weekend_holidays);
    }
}

static void
test_holidays_kind_strings (void)
{
  static const char *names[] = { "holiday", "compensatory", "swapped_off", "working_override" };
  XasoDayKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (xaso_day_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, (XasoDayKind) i);
      g_assert_cmpstr (xaso_day_kind_to_string (kind), ==, names[i]);
    }

  g_assert_false (xaso_day_kind_from_string ("holidays", &kind));
  g_assert_false (xaso_day_kind_from_string (NULL, &kind));
}

static void
test_holidays_official_2026 (void)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  days = xaso_holidays_official_for_year (2026, &error);
  g_assert_no_error (error);
  g_assert_nonnull (days);
  assert_sorted (days);

  assert_day (days, "2026-01-01", XASO_DAY_HOLIDAY, "New Year's Day");
  for (int d = 16; d <= 20; d++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-02-%02d", d);
      assert_day (days, iso, XASO_DAY_HOLIDAY, "Lunar New Year");
    }
  assert_day (days, "2026-04-26", XASO_DAY_HOLIDAY, "Hung Kings Commemoration");
  assert_day (days, "2026-04-27", XASO_DAY_COMPENSATORY, "Compensatory day off");
  assert_day (days, "2026-04-30", XASO_DAY_HOLIDAY, "Reunification Day");
  assert_day (days, "2026-05-01", XASO_DAY_HOLIDAY, "International Labour Day");
  assert_day (days, "2026-08-22", XASO_DAY_WORKING_OVERRIDE, "Make-up working day");
  assert_day (days, "2026-08-31", XASO_DAY_SWAPPED_OFF, "Swapped day off");
  assert_day (days, "2026-09-01", XASO_DAY_HOLIDAY, "National Day");
  assert_day (days, "2026-09-02", XASO_DAY_HOLIDAY, "National Day");
  g_assert_cmpuint (days->len, ==, 14);

  none = xaso_holidays_official_for_year (2027, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

static void
assert_schedule_error (const char *text)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  days = xaso_holidays_parse_schedule (text, -1, 2030, &error);
  g_assert_null (days);
  g_assert_error (error, XASO_CALENDAR_ERROR, XASO_CALENDAR_ERROR_INVALID_SCHEDULE);
}

static void
test_holidays_schedule_errors (void)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  assert_schedule_error ("not a key file");
  assert_schedule_error ("[2030-01-01]\nkind=holiday\n");
  assert_schedule_error ("[schedule]\nyear=2029\n");
  assert_schedule_error ("[schedule]\nyear=2030\n[2029-12-31]\nkind=holiday\n");
  assert_schedule_error ("[schedule]\nyear=2030\n[2030-02-30]\nkind=holiday\n");
  assert_schedule_error ("[schedule]\nyear=2030\n[2030-01-01]\nkind=feast\n");
  assert_schedule_error ("[schedule]\nyear=2030\n[2030-01-01]\nkind=weekend\n");
  /* 2030-01-04 is a Friday, 2030-01-05 a Saturday. */
  assert_schedule_error ("[schedule]\nyear=2030\n[2030-01-04]\nkind=working_override\n");
  assert_schedule_error ("[schedule]\nyear=2030\n[2030-01-05]\nkind=compensatory\n");

  days = xaso_holidays_parse_schedule ("[schedule]\nyear=2030\n"
                                       "[2030-01-05]\nkind=working_override\n"
                                       "[2030-01-01]\nkind=holiday\n", -1, 2030, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  assert_sorted (days);
  assert_day (days, "2030-01-01", XASO_DAY_HOLIDAY, "Public holiday");
  assert_day (days, "2030-01-05", XASO_DAY_WORKING_OVERRIDE, "Make-up working day");
}

/* The year calendar */

static void
assert_working (XasoCalendar *calendar,
                const char   *iso,
                gboolean      working)
{
  int y, m, d;
  GDate date;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  date = make_date (y, m, d);
  g_assert_cmpint (xaso_calendar_is_working_day (calendar, &date), ==, working);
}

static void
test_calendar_official_2026 (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  g_autoptr(GPtrArray) off = NULL;

  g_assert_true (xaso_calendar_year_is_confirmed (calendar, 2026));
  g_assert_false (xaso_calendar_year_is_confirmed (calendar, 2027));

  assert_working (calendar, "2026-02-13", TRUE);
  for (int d = 14; d <= 22; d++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-02-%02d", d);
      assert_working (calendar, iso, FALSE);
    }
  assert_working (calendar, "2026-02-23", TRUE);
  assert_working (calendar, "2026-04-27", FALSE);
  assert_working (calendar, "2026-08-22", TRUE);
  for (int d = 29; d <= 33; d++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-%02d-%02d", d <= 31 ? 8 : 9, d <= 31 ? d : d - 31);
      assert_working (calendar, iso, FALSE);
    }
  assert_working (calendar, "2026-09-03", TRUE);

  /* 104 weekend days, less the make-up Saturday, plus twelve weekdays off. */
  off = xaso_calendar_non_working_days (calendar, 2026);
  assert_sorted (off);
  g_assert_cmpuint (off->len, ==, 104 - 1 + 12);
  g_assert_null (find_day (off, "2026-08-22"));
  assert_day (off, "2026-01-03", XASO_DAY_WEEKEND, "Saturday");
  assert_day (off, "2026-01-04", XASO_DAY_WEEKEND, "Sunday");
  assert_day (off, "2026-02-14", XASO_DAY_WEEKEND, "Saturday");
  assert_day (off, "2026-02-16", XASO_DAY_HOLIDAY, "Lunar New Year");
  assert_day (off, "2026-04-26", XASO_DAY_HOLIDAY, "Hung Kings Commemoration");
  assert_day (off, "2026-08-31", XASO_DAY_SWAPPED_OFF, NULL);
}

static void
test_calendar_default_year (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  g_autoptr(GPtrArray) days = NULL;

  /* 2027 has no bundled schedule and comes from the rules. */
  days = xaso_calendar_get_days (calendar, 2027);
  g_assert_cmpuint (days->len, ==, 14);
  assert_working (calendar, "2027-02-10", FALSE);
  assert_working (calendar, "2027-02-12", TRUE);
  assert_working (calendar, "2027-09-03", FALSE);
}

static void
test_calendar_edit_table (void)
{
  g_autoptr(XasoCalendar) empty = xaso_calendar_new ();
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  g_autoptr(XasoCalendarDay) day = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) off = NULL;
  GDate culture_day = make_date (2026, 11, 24);
  GDate saturday = make_date (2027, 3, 6);

  /* An empty calendar only knows weekends. */
  assert_working (empty, "2026-01-01", TRUE);
  g_assert_false (xaso_calendar_year_is_confirmed (empty, 2026));
  off = xaso_calendar_non_working_days (empty, 2026);
  g_assert_cmpuint (off->len, ==, 104);

  /* An administrator switches on Vietnamese Culture Day (24/11). */
  xaso_calendar_set_day (calendar, &culture_day, XASO_DAY_HOLIDAY, "Vietnamese Culture Day");
  assert_working (calendar, "2026-11-24", FALSE);
  assert_working (calendar, "2026-08-22", TRUE);
  day = xaso_calendar_get_day (calendar, &culture_day);
  g_assert_cmpstr (day->reason, ==, "Vietnamese Culture Day");
  xaso_calendar_clear_day (calendar, &culture_day);
  assert_working (calendar, "2026-11-24", TRUE);

  /* Loading a year from the database replaces the rules' days. */
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_calendar_day_free);
  g_ptr_array_add (rows, xaso_calendar_day_new (&saturday, XASO_DAY_WORKING_OVERRIDE, NULL));
  xaso_calendar_replace_year (calendar, 2027, rows, TRUE);
  g_assert_true (xaso_calendar_year_is_confirmed (calendar, 2027));
  assert_working (calendar, "2027-03-06", TRUE);
  assert_working (calendar, "2027-01-01", TRUE);
  xaso_calendar_set_year_confirmed (calendar, 2027, FALSE);
  g_assert_false (xaso_calendar_year_is_confirmed (calendar, 2027));
}

/* Deadlines */

static GDateTime *
add_days (XasoCalendar *calendar,
          const char   *received,
          guint         n_days)
{
  g_autoptr(GDateTime) start = make_time (received);

  return xaso_calendar_add_working_days (calendar, start, n_days, NULL, 0);
}

static GDateTime *
add_hours (XasoCalendar *calendar,
           const char   *received,
           double        hours)
{
  g_autoptr(GDateTime) start = make_time (received);

  return xaso_calendar_add_working_hours (calendar, start, hours, NULL, 0);
}

static void
check_days (XasoCalendar *calendar,
            const char   *received,
            guint         n_days,
            const char   *expected)
{
  g_autoptr(GDateTime) due = add_days (calendar, received, n_days);

  assert_time (due, expected);
}

static void
check_hours (XasoCalendar *calendar,
             const char   *received,
             double        hours,
             const char   *expected)
{
  g_autoptr(GDateTime) due = add_hours (calendar, received, hours);

  assert_time (due, expected);
}

static void
test_deadline_working_days (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();

  /* 2 March 2026 is a Monday. */
  check_days (calendar, "2026-03-02 09:00", 1, "2026-03-03 09:00");
  check_days (calendar, "2026-03-02 09:00", 3, "2026-03-05 09:00");
  check_days (calendar, "2026-03-02 09:00", 5, "2026-03-09 09:00");
  check_days (calendar, "2026-03-02 09:00", 0, "2026-03-02 09:00");
}

static void
test_deadline_across_weekend (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();

  check_days (calendar, "2026-03-06 16:00", 1, "2026-03-09 16:00");
  check_days (calendar, "2026-03-06 16:00", 2, "2026-03-10 16:00");
}

static void
test_deadline_across_holidays (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();

  /* 30/4 and 1/5 are off, then the weekend. */
  check_days (calendar, "2026-04-29 10:00", 1, "2026-05-04 10:00");
  /* Giỗ Tổ's compensatory Monday 27/04. */
  check_days (calendar, "2026-04-24 10:00", 1, "2026-04-28 10:00");
  /* The nine days of Tết 2026. */
  check_days (calendar, "2026-02-13 10:00", 1, "2026-02-23 10:00");
  /* A default year: Tết 2027 runs from Friday 5/2 to Thursday 11/2. */
  check_days (calendar, "2027-02-04 10:00", 1, "2027-02-12 10:00");
}

static void
test_deadline_lunch_break (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();

  check_hours (calendar, "2026-03-02 11:00", 1, "2026-03-02 14:00");
  check_hours (calendar, "2026-03-02 12:00", 1, "2026-03-02 14:30");
  check_hours (calendar, "2026-03-02 11:30", 0.5, "2026-03-02 14:00");
  check_hours (calendar, "2026-03-02 07:00", 4.5, "2026-03-02 11:30");
}

static void
test_deadline_period_end_kept (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();

  check_hours (calendar, "2026-03-02 10:30", 1, "2026-03-02 11:30");
  check_days (calendar, "2026-03-02 07:00", 1, "2026-03-02 17:00");
  check_days (calendar, "2026-03-02 07:00", 2, "2026-03-03 17:00");
  check_hours (calendar, "2026-03-02 16:00", 1, "2026-03-02 17:00");
}

static void
test_deadline_after_hours (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();

  check_days (calendar, "2026-03-02 18:00", 1, "2026-03-03 17:00");
  check_days (calendar, "2026-03-02 17:00", 1, "2026-03-03 17:00");
  check_days (calendar, "2026-03-02 06:00", 1, "2026-03-02 17:00");
  check_days (calendar, "2026-03-07 10:00", 1, "2026-03-09 17:00");
  check_days (calendar, "2026-09-02 10:00", 1, "2026-09-03 17:00");
  check_hours (calendar, "2026-03-06 17:30", 2, "2026-03-09 09:00");
}

static void
test_deadline_make_up_saturday (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();

  /* Saturday 22/08/2026 is worked, Monday 31/08 is off in exchange. */
  check_days (calendar, "2026-08-21 16:00", 1, "2026-08-22 16:00");
  check_days (calendar, "2026-08-22 09:00", 1, "2026-08-24 09:00");
  check_days (calendar, "2026-08-28 09:00", 1, "2026-09-03 09:00");
}

static void
test_deadline_same_day_rule (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  struct {
    const char *received;
    const char *expected;
  } cases[] = {
    { "2026-03-02 06:30", "2026-03-02 17:00" },
    { "2026-03-02 14:59", "2026-03-02 17:00" },
    { "2026-03-02 15:00", "2026-03-03 17:00" },
    { "2026-03-02 18:00", "2026-03-03 17:00" },
    { "2026-03-06 15:30", "2026-03-09 17:00" },
    { "2026-03-07 09:00", "2026-03-09 17:00" },
    { "2026-02-13 16:00", "2026-02-23 17:00" },
    { "2026-08-21 15:00", "2026-08-22 17:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) received = make_time (cases[i].received);
      g_autoptr(GDateTime) due = xaso_calendar_same_day_deadline (calendar, received);

      assert_time (due, cases[i].expected);
    }
}

static void
test_deadline_same_day_cutoff (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  g_autoptr(GDateTime) received = make_time ("2026-03-02 15:30");
  g_autoptr(GDateTime) due = NULL;

  xaso_calendar_set_same_day_cutoff (calendar, 16 * 60);
  due = xaso_calendar_same_day_deadline (calendar, received);
  assert_time (due, "2026-03-02 17:00");
}

static void
test_deadline_pauses_while_supplementing (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  g_autoptr(GDateTime) received = make_time ("2026-03-02 09:00");
  g_autoptr(GDateTime) start = make_time ("2026-03-03 09:00");
  g_autoptr(GDateTime) end = make_time ("2026-03-04 09:00");
  g_autoptr(GDateTime) start2 = make_time ("2026-03-03 15:00");
  g_autoptr(GDateTime) end2 = make_time ("2026-03-04 11:00");
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) due2 = NULL;
  XasoPause pause = { start, end };
  XasoPause overlapping[] = { { start2, end2 }, { start, end } };

  /* One working day of supplementing pushes the deadline one day back. */
  due = xaso_calendar_add_working_days (calendar, received, 3, &pause, 1);
  assert_time (due, "2026-03-06 09:00");
  g_assert_cmpfloat_with_epsilon (xaso_calendar_working_hours_between (calendar, received, due, &pause, 1),
                                  24.0, 1e-9);

  /* Overlapping pauses count once: Tuesday 09:00 to Wednesday 11:00. */
  due2 = xaso_calendar_add_working_days (calendar, received, 3, overlapping, 2);
  assert_time (due2, "2026-03-06 11:00");
}

static void
test_deadline_open_pause (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  g_autoptr(GDateTime) received = make_time ("2026-03-02 09:00");
  g_autoptr(GDateTime) start = make_time ("2026-03-03 09:00");
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) short_due = NULL;
  XasoPause pause = { start, NULL };

  /* The clock stops before the limit runs out: no deadline yet. */
  due = xaso_calendar_add_working_days (calendar, received, 3, &pause, 1);
  g_assert_null (due);

  /* A limit that runs out before the pause is not affected. */
  short_due = xaso_calendar_add_working_hours (calendar, received, 2, &pause, 1);
  assert_time (short_due, "2026-03-02 11:00");

  /* Monday 09:00 to Tuesday 09:00 has been used. */
  {
    g_autoptr(GDateTime) now = make_time ("2026-03-10 09:00");
    g_assert_cmpfloat_with_epsilon (xaso_calendar_working_hours_between (calendar, received, now, &pause, 1),
                                    8.0, 1e-9);
  }
}

static void
test_deadline_working_hours_setting (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  const XasoWorkPeriod periods[] = { { 13 * 60, 17 * 60 }, { 7 * 60 + 30, 11 * 60 + 30 } };
  g_autofree XasoWorkPeriod *copy = NULL;
  guint n_periods = 0;

  xaso_calendar_set_working_hours (calendar, periods, G_N_ELEMENTS (periods));
  copy = xaso_calendar_dup_working_hours (calendar, &n_periods);
  g_assert_cmpuint (n_periods, ==, 2);
  g_assert_cmpint (copy[0].start_min, ==, 7 * 60 + 30);

  check_days (calendar, "2026-03-02 07:30", 1, "2026-03-02 17:00");
  check_hours (calendar, "2026-03-02 11:00", 1, "2026-03-02 13:30");

  {
    g_autoptr(GDateTime) received = make_time ("2026-03-02 10:00");
    g_autoptr(GDateTime) due = xaso_calendar_same_day_deadline (calendar, received);
    assert_time (due, "2026-03-02 17:00");
  }
}

static void
test_deadline_time_zone (void)
{
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  g_autoptr(GDateTime) received = g_date_time_new_utc (2026, 3, 2, 2, 0, 0);
  g_autoptr(GDateTime) due = NULL;

  /* 02:00 UTC is 09:00 in Vietnam; the result is in UTC+7. */
  due = xaso_calendar_add_working_days (calendar, received, 1, NULL, 0);
  assert_time (due, "2026-03-03 09:00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/lunar/tet-dates", test_lunar_tet_dates);
  g_test_add_func ("/calendar/lunar/hung-kings-dates", test_lunar_hung_kings_dates);
  g_test_add_func ("/calendar/lunar/leap-months", test_lunar_leap_months);
  g_test_add_func ("/calendar/lunar/year-end", test_lunar_year_end);
  g_test_add_func ("/calendar/lunar/invalid-dates", test_lunar_invalid_dates);
  g_test_add_func ("/calendar/lunar/round-trip", test_lunar_round_trip);
  g_test_add_func ("/calendar/holidays/default-2027", test_holidays_default_2027);
  g_test_add_func ("/calendar/holidays/compensatory-day", test_holidays_compensatory_day);
  g_test_add_func ("/calendar/holidays/weekend-chain", test_holidays_weekend_chain);
  g_test_add_func ("/calendar/holidays/every-year", test_holidays_every_year);
  g_test_add_func ("/calendar/holidays/kind-strings", test_holidays_kind_strings);
  g_test_add_func ("/calendar/holidays/official-2026", test_holidays_official_2026);
  g_test_add_func ("/calendar/holidays/schedule-errors", test_holidays_schedule_errors);
  g_test_add_func ("/calendar/table/official-2026", test_calendar_official_2026);
  g_test_add_func ("/calendar/table/default-year", test_calendar_default_year);
  g_test_add_func ("/calendar/table/edit", test_calendar_edit_table);
  g_test_add_func ("/calendar/deadline/working-days", test_deadline_working_days);
  g_test_add_func ("/calendar/deadline/across-weekend", test_deadline_across_weekend);
  g_test_add_func ("/calendar/deadline/across-holidays", test_deadline_across_holidays);
  g_test_add_func ("/calendar/deadline/lunch-break", test_deadline_lunch_break);
  g_test_add_func ("/calendar/deadline/period-end-kept", test_deadline_period_end_kept);
  g_test_add_func ("/calendar/deadline/after-hours", test_deadline_after_hours);
  g_test_add_func ("/calendar/deadline/make-up-saturday", test_deadline_make_up_saturday);
  g_test_add_func ("/calendar/deadline/same-day-rule", test_deadline_same_day_rule);
  g_test_add_func ("/calendar/deadline/same-day-cutoff", test_deadline_same_day_cutoff);
  g_test_add_func ("/calendar/deadline/pauses-while-supplementing", test_deadline_pauses_while_supplementing);
  g_test_add_func ("/calendar/deadline/open-pause", test_deadline_open_pause);
  g_test_add_func ("/calendar/deadline/working-hours-setting", test_deadline_working_hours_setting);
  g_test_add_func ("/calendar/deadline/time-zone", test_deadline_time_zone);

  return g_test_run ();
}
