/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-report-builders.h"
#include "xaso-reports-private.h"

/* The population's report: the dashboard's hamlets (residents,
 * households, in its order), with men and women from the residents'
 * tally and the period's births and deaths by the person's hamlet. */

enum { COL_HAMLET, COL_PERSONS, COL_MEN, COL_WOMEN, COL_HOUSEHOLDS, COL_BIRTHS, COL_DEATHS };

static const char sexes_sql[] =
  "SELECT hamlet, total (CASE WHEN sex = 'male' THEN n END), total (CASE WHEN sex = 'female' THEN n END) "
  "FROM person_tally WHERE status = 'living' GROUP BY 1";

static const char events_sql[] =
  "SELECT coalesce (p.hamlet, ''), total (e.kind = 'birth'), total (e.kind = 'death') "
  "FROM civil_status_event e JOIN person p ON p.id = e.person_id "
  "WHERE e.kind IN ('birth', 'death') AND e.deleted = 0 AND e.event_date BETWEEN :from_day AND :to_day "
  "GROUP BY 1";

typedef struct
{
  XasoReportTable *t;
  GHashTable      *rows;   /* hamlet → XasoReportCell * */
} Hamlets;

static XasoReportCell *
hamlet_row (Hamlets    *h,
            const char *hamlet,
            const char *label)
{
  XasoReportCell *row = g_hash_table_lookup (h->rows, hamlet);

  if (row != NULL)
    return row;
  row = xaso_report_table_add_row (h->t);
  xaso_report_cell_set_text (&row[COL_HAMLET], label != NULL ? label : *hamlet ? hamlet : _("No hamlet"));
  g_hash_table_insert (h->rows, g_strdup (hamlet), row);
  return row;
}

/* Adds the counts of @sql's two figures to the columns @first and the one
 * after it of each hamlet's row. */
static gboolean
add_pairs (XasoDatabase      *db,
           const char        *sql,
           const XasoBounds  *b,
           Hamlets           *h,
           int                first,
           GError           **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _xaso_bounds_bind (stmt, b, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XasoReportCell *row = hamlet_row (h, xaso_column_text (stmt, 0), NULL);

      xaso_report_cell_set_count (&row[first], (guint64)sqlite3_column_int64 (stmt, 1));
      xaso_report_cell_set_count (&row[first + 1], (guint64)sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

static void
add_columns (XasoReportTable *t)
{
  xaso_report_table_add_column (t, C_("report", "Hamlet"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Residents"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Men"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Women"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Households"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Births"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Deaths"), XASO_REPORT_CELL_COUNT);
}

XasoReportTable *
xaso_report_build_population (XasoDatabase  *db,
                              const char    *from,
                              const char    *to,
                              const char    *unit,
                              GDateTime     *now,
                              GError       **error)
{
  g_auto(XasoBounds) b = { 0 };
  g_autoptr(XasoDashboard) d = NULL;
  g_autoptr(XasoReportTable) t = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Hamlets h = { NULL, rows };

  if (!_xaso_bounds_init (&b, from, to, now, error) || (d = xaso_dashboard_compute (db, from, to, now, error)) == NULL)
    return NULL;
  h.t = t = xaso_report_table_new (_("Population by hamlet"), C_("sheet", "Population by hamlet"));
  _xaso_report_add_heading (t, from, to, NULL, now);
  add_columns (t);
  for (guint i = 0; i < d->hamlets->len; i++)
    {
      XasoCountRow *hamlet = g_ptr_array_index (d->hamlets, i);
      XasoReportCell *row = hamlet_row (&h, hamlet->key, hamlet->label);

      xaso_report_cell_set_count (&row[COL_PERSONS], hamlet->n[0]);
      xaso_report_cell_set_count (&row[COL_HOUSEHOLDS], hamlet->n[1]);
    }
  if (!add_pairs (db, sexes_sql, &b, &h, COL_MEN, error) || !add_pairs (db, events_sql, &b, &h, COL_BIRTHS, error))
    return NULL;
  xaso_report_table_add_totals (t, C_("report", "Total"));
  return g_steal_pointer (&t);
}
