/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <stdio.h>

#include "xaso-commune-calendar.h"
#include "xaso-holidays.h"

XasoCalendar *
xaso_commune_calendar (void)
{
  static XasoCalendar *calendar;

  if (g_once_init_enter (&calendar))
    g_once_init_leave (&calendar, xaso_calendar_new_default ());
  return calendar;
}

GDateTime *
xaso_commune_now (void)
{
  g_autoptr(GDateTime) now = xaso_now ();

  return g_date_time_to_timezone (now, xaso_calendar_get_time_zone (xaso_commune_calendar ()));
}

/* One year's rows, gathered until the next year starts. */
typedef struct
{
  int        year;
  GPtrArray *days;
  gboolean   confirmed;
} Year;

static void
flush_year (Year *y)
{
  if (y->days != NULL)
    xaso_calendar_replace_year (xaso_commune_calendar (), y->year, y->days, y->confirmed);
  g_clear_pointer (&y->days, g_ptr_array_unref);
}

static gboolean
add_row (Year          *y,
         sqlite3_stmt  *stmt)
{
  const char *text = (const char *)sqlite3_column_text (stmt, 0);
  const char *reason = (const char *)sqlite3_column_text (stmt, 2);
  int year = 0, month = 0, day = 0;
  XasoDayKind kind;
  GDate date;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year) ||
      !xaso_day_kind_from_string ((const char *)sqlite3_column_text (stmt, 1), &kind))
    return FALSE;
  if (year != y->year)
    {
      flush_year (y);
      *y = (Year) { year, g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_calendar_day_free), TRUE };
    }
  g_date_set_dmy (&date, day, month, year);
  g_ptr_array_add (y->days, xaso_calendar_day_new (&date, kind, reason ? reason : ""));
  y->confirmed = y->confirmed && sqlite3_column_int (stmt, 3) != 0;
  return TRUE;
}

gboolean
xaso_commune_calendar_load (XasoDatabase  *db,
                            GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT date, kind, reason, confirmed FROM calendar_day WHERE deleted = 0 ORDER BY date", error);
  Year y = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!add_row (&y, stmt))
      g_warning ("A day of the year calendar is not valid: %s", sqlite3_column_text (stmt, 0));
  flush_year (&y);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}
