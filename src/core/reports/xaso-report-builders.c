/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-commune-calendar.h"
#include "xaso-dossier.h"
#include "xaso-report-builders.h"
#include "xaso-report-period.h"
#include "xaso-reports-private.h"

/* What every report says under its title, and the leader's figures as a
 * report of their own. */

void
_xaso_report_add_heading (XasoReportTable *t,
                          const char      *from,
                          const char      *to,
                          const char      *unit,
                          GDateTime       *now)
{
  g_autofree char *period = xaso_period_describe (from, to);
  g_autoptr(GDateTime) local = now != NULL ? g_date_time_to_timezone (now, xaso_calendar_get_time_zone (
                                                xaso_dossier_calendar ())) : xaso_commune_now ();
  g_autofree char *at = g_date_time_format (local, "%d/%m/%Y %H:%M");
  g_autofree char *as_of = g_strdup_printf (_("As of %s"), at);

  xaso_report_table_add_line (t, period);
  if (unit != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Unit: %s"), *unit != '\0' ? unit : _("No unit"));

      xaso_report_table_add_line (t, line);
    }
  xaso_report_table_add_line (t, as_of);
}

/* What each figure of xaso_kpi_to_pairs () is, for people. */
static const struct { const char *name, *label; } kpi_labels[] = {
  { "received", NC_("report", "Dossiers received") },
  { "received_online", NC_("report", "Received online") },
  { "received_direct", NC_("report", "Received at the counter") },
  { "received_postal", NC_("report", "Received by post") },
  { "online_rate", NC_("report", "Online rate (%)") },
  { "resolved", NC_("report", "Dossiers resolved") },
  { "resolved_early", NC_("report", "Resolved early") },
  { "resolved_on_time", NC_("report", "Resolved on time") },
  { "resolved_late", NC_("report", "Resolved late") },
  { "on_time_rate", NC_("report", "On-time rate (%)") },
  { "in_progress", NC_("report", "In progress") },
  { "in_progress_late", NC_("report", "In progress, past the deadline") },
  { "refused", NC_("report", "Refused") },
  { "withdrawn", NC_("report", "Withdrawn") },
  { "stopped", NC_("report", "Stopped") },
  { "returned", NC_("report", "Results returned") },
  { "due_today", NC_("report", "Due today") },
  { "due_tomorrow", NC_("report", "Due on the next working day") },
  { "documents_incoming", NC_("report", "Incoming documents registered") },
  { "documents_overdue", NC_("report", "Incoming documents overdue") },
  { "documents_outgoing", NC_("report", "Outgoing documents issued") },
};

static const char *
kpi_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kpi_labels); i++)
    if (strcmp (kpi_labels[i].name, name) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "report", kpi_labels[i].label);
  return name;
}

/* The rows follow xaso_kpi_to_pairs (), so that the names and their order
 * are the README's; a rate is the figure itself, not its rounded text. */
static void
add_kpi_rows (XasoReportTable *t,
              const XasoKpi   *kpi)
{
  g_auto(GStrv) pairs = xaso_kpi_to_pairs (kpi);

  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      XasoReportCell *row = xaso_report_table_add_row (t);

      xaso_report_cell_set_text (&row[0], pairs[i]);
      xaso_report_cell_set_text (&row[1], kpi_label (pairs[i]));
      if (strcmp (pairs[i], "online_rate") == 0)
        xaso_report_cell_set_percent (&row[2], xaso_kpi_online_rate (kpi));
      else if (strcmp (pairs[i], "on_time_rate") == 0)
        xaso_report_cell_set_percent (&row[2], xaso_kpi_on_time_rate (kpi));
      else
        xaso_report_cell_set_count (&row[2], g_ascii_strtoull (pairs[i + 1], NULL, 10));
    }
}

XasoReportTable *
xaso_report_build_kpi (XasoDatabase  *db,
                       const char    *from,
                       const char    *to,
                       const char    *unit,
                       GDateTime     *now,
                       GError       **error)
{
  g_autoptr(XasoReportTable) t = NULL;
  XasoKpi kpi;

  if (!xaso_kpi_compute (db, from, to, unit, now, &kpi, error))
    return NULL;
  t = xaso_report_table_new (_("Summary of the period’s figures"), C_("sheet", "Figures"));
  _xaso_report_add_heading (t, from, to, unit, now);
  xaso_report_table_add_column (t, C_("report", "Indicator"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Description"), XASO_REPORT_CELL_TEXT);
  xaso_report_table_add_column (t, C_("report", "Value"), XASO_REPORT_CELL_COUNT);
  add_kpi_rows (t, &kpi);
  xaso_report_table_add_totals (t, NULL);
  return g_steal_pointer (&t);
}
