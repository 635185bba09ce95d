/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-report-builders.h"
#include "xaso-reports-private.h"

/* The documents' report: who holds the open incoming documents and how
 * many are late, with the period's registers under the title. */

static void
add_period_lines (XasoReportTable     *t,
                  const XasoDashboard *d)
{
  g_autofree char *incoming = g_strdup_printf (_("Incoming documents registered: %u"), d->kpi.documents_incoming);
  g_autofree char *outgoing = g_strdup_printf (_("Outgoing documents issued: %u, of which late: %u"),
                                               d->kpi.documents_outgoing, d->documents_issued_late);

  xaso_report_table_add_line (t, incoming);
  xaso_report_table_add_line (t, outgoing);
}

XasoReportTable *
xaso_report_build_documents (XasoDatabase  *db,
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
  t = xaso_report_table_new (_("Incoming documents being handled, by lead person"),
                             C_("sheet", "Documents by lead person"));
  _xaso_report_add_heading (t, from, to, NULL, now);
  add_period_lines (t, d);
  xaso_report_table_add_column (t, C_("report", "Lead person"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Overdue"), XASO_REPORT_CELL_COUNT);
  xaso_report_table_add_column (t, C_("report", "Due within two working days"), XASO_REPORT_CELL_COUNT);
  for (guint i = 0; i < d->documents_by_lead->len; i++)
    {
      XasoCountRow *lead = g_ptr_array_index (d->documents_by_lead, i);
      XasoReportCell *row = xaso_report_table_add_row (t);

      xaso_report_cell_set_text (&row[0], lead->label);
      xaso_report_cell_set_count (&row[1], lead->n[0]);
      xaso_report_cell_set_count (&row[2], lead->n[1]);
    }
  xaso_report_table_add_totals (t, C_("report", "Total"));
  return g_steal_pointer (&t);
}
