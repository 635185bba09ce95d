/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xaso-reports-private.h"

/* The dossiers' part of the dashboard: the period's tallies by unit and
 * field, the open dossiers by unit, field and officer, and the on-time
 * trend of twelve months. */

static const char tally_sql[] =
  "SELECT unit, field, measure, sum (n) FROM dossier_tally WHERE day BETWEEN :from_day AND :to_day "
  "GROUP BY 1, 2, 3";

static const char open_sql[] =
  "SELECT " XASO_KPI_UNIT ", coalesce (p.field, ''), coalesce (d.assignee_user_id, ''), "
  "coalesce (a.full_name, ''), " XASO_KPI_OPEN_SUMS ", "
  "total (coalesce (d.due_at, '9999') < :now), total (d.due_at BETWEEN :now AND :tomorrow_end) "
  "FROM dossier d LEFT JOIN procedure p ON p.id = d.procedure_id LEFT JOIN user a ON a.id = d.assignee_user_id "
  "WHERE " XASO_KPI_OPEN " GROUP BY 1, 2, 3";

static const char trend_sql[] =
  "SELECT substr (day, 1, 7), sum (n), total (CASE WHEN measure IN ('resolved:early', 'resolved:on_time') "
  "THEN n END) FROM dossier_tally WHERE day BETWEEN :trend_from AND :to_day AND measure LIKE 'resolved:%' "
  "GROUP BY 1";

static const char *
or_none (const char *text,
         const char *none)
{
  return text != NULL && *text != '\0' ? text : none;
}

typedef struct
{
  XasoDashboard *d;
  GHashTable    *units, *fields, *officers, *overdue_units, *months;
} Index;

static void
index_clear (Index *x)
{
  g_clear_pointer (&x->units, g_hash_table_unref);
  g_clear_pointer (&x->fields, g_hash_table_unref);
  g_clear_pointer (&x->officers, g_hash_table_unref);
  g_clear_pointer (&x->overdue_units, g_hash_table_unref);
  g_clear_pointer (&x->months, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Index, index_clear)

static XasoStatRow *
unit_row (Index      *x,
          const char *unit)
{
  return _xaso_stat_row_get (x->d->by_unit, x->units, unit, or_none (unit, _("No unit")));
}

static XasoStatRow *
field_row (Index      *x,
           const char *field)
{
  return _xaso_stat_row_get (x->d->by_field, x->fields, field, or_none (field, _("No field")));
}

static void
read_tally (Index        *x,
            sqlite3_stmt *stmt)
{
  const char *measure = xaso_column_text (stmt, 2);
  guint n = (guint)sqlite3_column_int64 (stmt, 3);

  _xaso_kpi_add_measure (&x->d->kpi, measure, n);
  _xaso_kpi_add_measure (&unit_row (x, xaso_column_text (stmt, 0))->kpi, measure, n);
  _xaso_kpi_add_measure (&field_row (x, xaso_column_text (stmt, 1))->kpi, measure, n);
}

static void
add_open (XasoKpi      *kpi,
          sqlite3_stmt *stmt)
{
  XasoKpi open = { 0 };

  _xaso_kpi_set_open (&open, stmt, 4);
  kpi->in_progress += open.in_progress;
  kpi->in_progress_late += open.in_progress_late;
  kpi->due_today += open.due_today;
  kpi->due_tomorrow += open.due_tomorrow;
}

static void
add_late (XasoCountRow *row,
          sqlite3_stmt *stmt)
{
  row->n[0] += (guint)sqlite3_column_int64 (stmt, 8);
  row->n[1] += (guint)sqlite3_column_int64 (stmt, 9);
}

static void
read_open (Index        *x,
           sqlite3_stmt *stmt)
{
  const char *unit = xaso_column_text (stmt, 0);

  add_open (&x->d->kpi, stmt);
  add_open (&unit_row (x, unit)->kpi, stmt);
  add_open (&field_row (x, xaso_column_text (stmt, 1))->kpi, stmt);
  add_late (_xaso_count_row_get (x->d->overdue_by_officer, x->officers, xaso_column_text (stmt, 2),
                                 or_none (xaso_column_text (stmt, 3), _("Not assigned"))), stmt);
  add_late (_xaso_count_row_get (x->d->overdue_by_unit, x->overdue_units, unit, or_none (unit, _("No unit"))),
            stmt);
}

/* Steps through @sql's rows, handing each to @read. */
static gboolean
each_row (XasoDatabase      *db,
          const char        *sql,
          const XasoBounds  *b,
          const char        *trend_from,
          Index             *x,
          void             (*read) (Index *x, sqlite3_stmt *stmt),
          GError           **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _xaso_bounds_bind (stmt, b, NULL);
  xaso_bind_named (stmt, ":trend_from", trend_from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read (x, stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

/* The twelve months that end with the period's, each a row even when
 * nothing was resolved in it. Returns the first day of the first. */
static char *
trend_months (XasoDashboard *d,
              GHashTable    *index)
{
  int year = 0, month = 0;

  sscanf (d->to, "%4d-%2d", &year, &month);
  month -= 11;
  if (month < 1)
    month += 12, year--;
  for (int i = 0; i < 12; i++)
    {
      int y = year + (month - 1 + i) / 12, m = (month - 1 + i) % 12 + 1;
      g_autofree char *key = g_strdup_printf ("%04d-%02d", y, m);
      g_autofree char *label = g_strdup_printf ("%02d/%04d", m, y);

      _xaso_count_row_get (d->trend, index, key, label);
    }
  return g_strdup_printf ("%04d-%02d-01", year, month);
}

static void
read_trend (Index        *x,
            sqlite3_stmt *stmt)
{
  XasoCountRow *row = g_hash_table_lookup (x->months, xaso_column_text (stmt, 0));

  if (row == NULL)
    return;
  row->n[0] = (guint)sqlite3_column_int64 (stmt, 1);
  row->n[1] = (guint)sqlite3_column_int64 (stmt, 2);
}

static int
by_label (gconstpointer a,
          gconstpointer b)
{
  const XasoStatRow *x = *(XasoStatRow * const *)a, *y = *(XasoStatRow * const *)b;

  return g_utf8_collate (x->label, y->label);
}

/* Most overdue first. */
static int
by_overdue (gconstpointer a,
            gconstpointer b)
{
  const XasoCountRow *x = *(XasoCountRow * const *)a, *y = *(XasoCountRow * const *)b;

  if (x->n[0] != y->n[0])
    return x->n[0] > y->n[0] ? -1 : 1;
  if (x->n[1] != y->n[1])
    return x->n[1] > y->n[1] ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

gboolean
_xaso_dashboard_dossiers (XasoDatabase      *db,
                          const XasoBounds  *b,
                          XasoDashboard     *d,
                          GError           **error)
{
  g_auto(Index) x = { d, NULL };
  g_autofree char *trend_from = NULL;

  x.units = g_hash_table_new (g_str_hash, g_str_equal);
  x.fields = g_hash_table_new (g_str_hash, g_str_equal);
  x.officers = g_hash_table_new (g_str_hash, g_str_equal);
  x.overdue_units = g_hash_table_new (g_str_hash, g_str_equal);
  x.months = g_hash_table_new (g_str_hash, g_str_equal);
  if (!each_row (db, tally_sql, b, NULL, &x, read_tally, error) ||
      !each_row (db, open_sql, b, NULL, &x, read_open, error))
    return FALSE;
  trend_from = trend_months (d, x.months);
  if (!each_row (db, trend_sql, b, trend_from, &x, read_trend, error))
    return FALSE;
  g_ptr_array_sort (d->by_unit, by_label);
  g_ptr_array_sort (d->by_field, by_label);
  g_ptr_array_sort (d->overdue_by_officer, by_overdue);
  g_ptr_array_sort (d->overdue_by_unit, by_overdue);
  return TRUE;
}
