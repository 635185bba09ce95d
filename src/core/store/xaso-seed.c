/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-holidays.h"
#include "xaso-procedure-json.h"
#include "xaso-seed.h"
#include "xaso-uuid.h"

static gboolean
insert_day (XasoDatabase     *db,
            sqlite3_stmt     *stmt,
            XasoCalendarDay  *day,
            gboolean          confirmed,
            const char       *now,
            GError          **error)
{
  g_autofree char *id = xaso_uuid_new ();
  char date[11];

  g_date_strftime (date, sizeof date, "%Y-%m-%d", &day->date);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, xaso_day_kind_to_string (day->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, day->reason, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, confirmed);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

/* Each year comes from the official schedule when the program ships one,
 * otherwise from the Labor Code rules, marked unconfirmed so the app can warn. */
static gboolean
seed_year (XasoDatabase  *db,
           int            year,
           const char    *now,
           GError       **error)
{
  g_autoptr(GPtrArray) days = xaso_holidays_official_for_year (year, error);
  gboolean confirmed = days != NULL;
  sqlite3_stmt *stmt;

  if (days == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (days == NULL)
    days = xaso_holidays_default_for_year (year);
  stmt = xaso_database_prepare (db,
    "INSERT OR IGNORE INTO calendar_day (id, commune_code, date, kind, reason, confirmed, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    if (!insert_day (db, stmt, g_ptr_array_index (days, i), confirmed, now, error))
      return FALSE;
  return TRUE;
}

gboolean
xaso_seed_calendar (XasoDatabase  *db,
                    int            first_year,
                    int            last_year,
                    GError       **error)
{
  g_autofree char *now = xaso_now_iso ();

  for (int year = first_year; year <= last_year; year++)
    if (!seed_year (db, year, now, error))
      return FALSE;
  return TRUE;
}

/* The shipped catalogue goes through the same importer as an
 * administrator's file, so it obeys the same rules and is captured for sync
 * like any other version. */
gboolean
xaso_seed_procedures (XasoDatabase  *db,
                      GError       **error)
{
  return xaso_procedure_json_seed (db, error);
}

gboolean
xaso_seed_catalogue (XasoDatabase  *db,
                     GError       **error)
{
  g_autoptr(GDateTime) now = xaso_now ();
  int year = g_date_time_get_year (now);

  if (!xaso_database_begin (db, error))
    return FALSE;
  if (!xaso_seed_calendar (db, year - 1, year + 1, error) || !xaso_seed_procedures (db, error))
    {
      xaso_database_rollback (db);
      return FALSE;
    }
  return xaso_database_commit (db, error);
}
