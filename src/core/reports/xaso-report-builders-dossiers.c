/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xaso-dossier.h"
#include "xaso-report-builders.h"
#include "xaso-reports-private.h"

/* The dossiers' reports: the statistics by unit that the provinces' one-stop
 * systems ask for, and the list of dossiers past their appointment. */

enum {
  COL_UNIT, COL_RECEIVED, COL_ONLINE, COL_ONLINE_RATE, COL_RESOLVED, COL_EARLY, COL_ON_TIME, COL_LATE,
  COL_ON_TIME_RATE, COL_IN_PROGRESS, COL_IN_PROGRESS_LATE, COL_REFUSED, COL_RETURNED,
};

static void
add_unit_columns (XasoReportTable *t)
{
  xaso_report_table_add_column (t, C_("report", "Unit"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Received"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Of which online"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_rate (t, C_("report", "Online rate (%)"), COL_ONLINE, -1, COL_RECEIVED);
  xaso_report_table_add_column (t, C_("report", "Resolved"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Early"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "On time"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Late"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_rate (t, C_("report", "On-time rate (%)"), COL_EARLY, COL_ON_TIME, COL_RESOLVED);
  xaso_report_table_add_column (t, C_("report", "In progress"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Of which late"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Refused"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Returned"), XASO_REPORT_CELL_COUNT);
}

static void
add_unit_row (XasoReportTable   *t,
              const XasoStatRow *unit)
{
  XasoReportCell *row = xaso_report_table_add_row (t);
  const XasoKpi *k = &unit->kpi;

  xaso_report_cell_set_text (&row[COL_UNIT], unit->label);
  xaso_report_cell_set_count (&row[COL_RECEIVED], k->received);
  xaso_report_cell_set_count (&row[COL_ONLINE], k->received_online);
  xaso_report_cell_set_count (&row[COL_RESOLVED], k->resolved);
  xaso_report_cell_set_count (&row[COL_EARLY], k->resolved_early);
  xaso_report_cell_set_count (&row[COL_ON_TIME], k->resolved_on_time);
  xaso_report_cell_set_count (&row[COL_LATE], k->resolved_late);
  xaso_report_cell_set_count (&row[COL_IN_PROGRESS], k->in_progress);
  xaso_report_cell_set_count (&row[COL_IN_PROGRESS_LATE], k->in_progress_late);
  xaso_report_cell_set_count (&row[COL_REFUSED], k->refused);
  xaso_report_cell_set_count (&row[COL_RETURNED], k->returned);
}

static gboolean
kpi_is_empty (const XasoKpi *k)
{
  return k->received + k->resolved + k->in_progress + k->refused + k->withdrawn + k->stopped + k->returned == 0;
}

XasoReportTable *
xaso_report_build_dossiers (XasoDatabase  *db,
                            const char    *from,
                            const char    *to,
                            const char    *unit,
                            GDateTime     *now,
                            GError       **error)
{
  g_autoptr(XasoDashboard) d = xaso_dashboard_compute (db, from, to, now, error);
  g_autoptr(XasoReportTable) t = NULL;

  if (d == NULL)
    return NULL;
  t = xaso_report_table_new (_("Dossiers received and resolved by unit"), C_("sheet", "Dossiers by unit"));
  _xaso_report_add_heading (t, from, to, unit, now);
  add_unit_columns (t);
  for (guint i = 0; i < d->by_unit->len; i++)
    {
      XasoStatRow *row = g_ptr_array_index (d->by_unit, i);

      /* A unit with nothing to count in the period (no dossier received,
       * ended or open) is left out, as the provinces' reports leave it. */
      if ((unit == NULL || g_strcmp0 (row->key, unit) == 0) && !kpi_is_empty (&row->kpi))
        add_unit_row (t, row);
    }
  xaso_report_table_add_totals (t, C_("report", "Total"));
  return g_steal_pointer (&t);
}

/* ---- Past their appointment ---- */

static const char overdue_sql[] =
  "SELECT d.code, d.applicant_name, coalesce (p.name, ''), coalesce (a.full_name, ''), " XASO_KPI_UNIT ", "
  "d.due_at FROM dossier d LEFT JOIN procedure p ON p.id = d.procedure_id "
  "LEFT JOIN user a ON a.id = d.assignee_user_id "
  "WHERE " XASO_KPI_OPEN " AND d.due_at < :now AND d.received_at < :end "
  "AND (:unit IS NULL OR " XASO_KPI_UNIT " = :unit) ORDER BY d.due_at, d.code";

/* The working days from the appointment's day to today, the appointment's
 * own day not counted: a dossier due yesterday is one day late. */
static guint
working_days_late (const char  *due,
                   const GDate *today)
{
  XasoCalendar *calendar = xaso_dossier_calendar ();
  int y = 0, m = 0, d = 0;
  GDate day;
  guint n = 0;

  if (due == NULL || sscanf (due, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  for (g_date_add_days (&day, 1); g_date_compare (&day, today) <= 0; g_date_add_days (&day, 1))
    n += xaso_calendar_is_working_day (calendar, &day) ? 1 : 0;
  return n;
}

static void
add_overdue_columns (XasoReportTable *t)
{
  xaso_report_table_add_column (t, C_("report", "Dossier code"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Applicant"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Procedure"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Officer"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Unit"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Appointment"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Working days late"), XASO_REPORT_CELL_COUNT);
}

static void
add_overdue_row (XasoReportTable *t,
                 sqlite3_stmt    *stmt,
                 const GDate     *today)
{
  XasoReportCell *row = xaso_report_table_add_row (t);
  const char *unit = xaso_column_text (stmt, 4), *due = xaso_column_text (stmt, 5);
  g_autofree char *appointment = xaso_dossier_display_time (due);

  for (int i = 0; i < 4; i++)
    xaso_report_cell_set_text (&row[i], xaso_column_text (stmt, i));
  xaso_report_cell_set_text (&row[4], unit != NULL && *unit ? unit : _("No unit"));
  xaso_report_cell_set_text (&row[5], appointment);
  xaso_report_cell_set_count (&row[6], working_days_late (due, today));
}

static gboolean
add_overdue_rows (XasoDatabase     *db,
                  XasoReportTable  *t,
                  const XasoBounds *b,
                  const char       *unit,
                  GError          **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, overdue_sql, error);
  int y = 0, m = 0, d = 0, rc;
  GDate today;

  if (stmt == NULL)
    return FALSE;
  sscanf (b->today, "%4d-%2d-%2d", &y, &m, &d);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, d, m, y);
  _xaso_bounds_bind (stmt, b, unit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_overdue_row (t, stmt, &today);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

XasoReportTable *
xaso_report_build_overdue (XasoDatabase  *db,
                           const char    *from,
                           const char    *to,
                           const char    *unit,
                           GDateTime     *now,
                           GError       **error)
{
  g_auto(XasoBounds) b = { 0 };
  g_autoptr(XasoReportTable) t = NULL;
  g_autofree char *count = NULL;

  if (!_xaso_bounds_init (&b, from, to, now, error))
    return NULL;
  t = xaso_report_table_new (_("Dossiers past their appointment"), C_("sheet", "Overdue dossiers"));
  t->personal = TRUE;
  add_overdue_columns (t);
  if (!add_overdue_rows (db, t, &b, unit, error))
    return NULL;
  _xaso_report_add_heading (t, from, to, unit, now);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dossier", "%u dossiers", t->rows->len),
                           t->rows->len);
  xaso_report_table_add_line (t, count);
  xaso_report_table_add_totals (t, NULL);
  return g_steal_pointer (&t);
}
