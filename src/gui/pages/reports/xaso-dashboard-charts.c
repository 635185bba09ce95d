/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-dashboard-charts.h"
#include "xaso-report-period.h"

/* The link to @query (and @extra, if any) on @page, said with the period. */
static char *
period_link (const XasoDashboard *d,
             const char          *page,
             const char          *query,
             const char          *extra,
             const char          *description)
{
  g_autofree char *period = xaso_period_describe (d->from, d->to);
  g_autofree char *full = extra ? g_strconcat (query, "&", extra, NULL) : g_strdup (query);
  g_autofree char *said = g_strdup_printf ("%s — %s", description, period);

  return xaso_chart_link (page, full, said);
}

char *
xaso_dashboard_dossier_link (const XasoDashboard *d,
                             const char          *measure,
                             const char          *extra,
                             const char          *description)
{
  g_autofree char *query = g_strdup_printf ("measure=%s&from=%s&to=%s", measure, d->from, d->to);

  return period_link (d, "dossiers", query, extra, description);
}

char *
xaso_dashboard_document_link (const XasoDashboard *d,
                              const char          *page,
                              const char          *measure,
                              const char          *extra,
                              const char          *description)
{
  g_autofree char *query = g_strdup_printf ("%s=%s..%s", measure, d->from, d->to);

  return period_link (d, page, query, extra, description);
}

static char *
param (const char *name,
       const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  return g_strdup_printf ("%s=%s", name, escaped);
}

/* The whole commune first, then each unit: its values from @values. */
typedef void (*UnitValues) (const XasoKpi *kpi, double *values);

static void
add_unit_items (XasoChartData       *data,
                const XasoDashboard *d,
                UnitValues           values_of,
                const char * const  *measures,
                const char          *whole_measure)
{
  for (int i = -1; i < (int)d->by_unit->len; i++)
    {
      const XasoStatRow *row = i < 0 ? NULL : g_ptr_array_index (d->by_unit, i);
      const char *label = row ? row->label : _("Whole commune");
      g_autofree char *extra = row ? param ("unit", row->key) : NULL;
      g_autofree char *link = NULL;
      double values[XASO_CHART_MAX_SERIES] = { 0 };
      XasoChartItem *item;

      values_of (row ? &row->kpi : &d->kpi, values);
      link = whole_measure ? xaso_dashboard_dossier_link (d, whole_measure, extra, label) : NULL;
      item = xaso_chart_data_add_item (data, label, values, link);
      for (guint s = 0; s < data->n_series; s++)
        {
          g_autofree char *said = g_strdup_printf ("%s, %s", data->series[s], label);

          if (measures[s] != NULL)
            item->series_links[s] = xaso_dashboard_dossier_link (d, measures[s], extra, said);
        }
    }
}

static void
channel_values (const XasoKpi *kpi, double *v)
{
  v[0] = kpi->received_online;
  v[1] = kpi->received_direct;
  v[2] = kpi->received_postal;
}

static void
timeliness_values (const XasoKpi *kpi, double *v)
{
  v[0] = kpi->resolved_early;
  v[1] = kpi->resolved_on_time;
  v[2] = kpi->resolved_late;
}

static void
progress_values (const XasoKpi *kpi, double *v)
{
  v[0] = kpi->in_progress - MIN (kpi->in_progress_late, kpi->in_progress);
  v[1] = kpi->in_progress_late;
}

/* A chart of the commune and its units: its series, what each counts
 * (NULL: no list counts that part alone) and what the whole bar counts. */
typedef struct
{
  const char    *title;
  const char    *series[3];
  XasoChartTone  tones[3];
  const char    *measures[3];
  const char    *whole;
  UnitValues     values;
} UnitChart;

static const UnitChart unit_charts[] = {
  { N_("Dossiers Received, by Channel"), { N_("Online"), N_("At the counter"), N_("By post") },
    { XASO_CHART_BLUE, XASO_CHART_GREEN, XASO_CHART_PURPLE },
    { "received:online", "received:direct", "received:postal" }, "received", channel_values },
  { N_("Dossiers Resolved, by Timeliness"), { N_("Before the deadline"), N_("On time"), N_("Late") },
    { XASO_CHART_GREEN, XASO_CHART_BLUE, XASO_CHART_RED },
    { "resolved:early", "resolved:on_time", "resolved:late" }, "resolved", timeliness_values },
  /* Open dossiers within their deadline have no list of their own. */
  { N_("Dossiers in Progress, by Unit"), { N_("Within the deadline"), N_("Past the deadline") },
    { XASO_CHART_BLUE, XASO_CHART_RED }, { NULL, "in_progress_late" }, "in_progress", progress_values },
};

static XasoChartData *
unit_chart (const XasoDashboard *d,
            const UnitChart     *c)
{
  XasoChartData *data = xaso_chart_data_new (_(c->title), FALSE);

  for (guint s = 0; s < G_N_ELEMENTS (c->series) && c->series[s]; s++)
    xaso_chart_data_add_series (data, _(c->series[s]), c->tones[s]);
  add_unit_items (data, d, c->values, c->measures, c->whole);
  return data;
}

XasoChartData *
xaso_dashboard_chart_channels (const XasoDashboard *d)
{
  return unit_chart (d, &unit_charts[0]);
}

XasoChartData *
xaso_dashboard_chart_timeliness (const XasoDashboard *d)
{
  return unit_chart (d, &unit_charts[1]);
}

XasoChartData *
xaso_dashboard_chart_units (const XasoDashboard *d)
{
  return unit_chart (d, &unit_charts[2]);
}

XasoChartData *
xaso_dashboard_chart_trend (const XasoDashboard *d)
{
  XasoChartData *data = xaso_chart_data_new (_("On-Time Rate, the Last 12 Months"), TRUE);

  xaso_chart_data_add_series (data, _("On-time rate"), XASO_CHART_GREEN);
  for (guint i = 0; i < d->trend->len; i++)
    {
      const XasoCountRow *row = g_ptr_array_index (d->trend, i);
      double rate = xaso_kpi_rate (row->n[1], row->n[0]);
      int year = 0, month = 0;
      g_autofree char *from = NULL, *to = NULL, *query = NULL, *said = NULL, *link = NULL;

      sscanf (row->key, "%4d-%2d", &year, &month);
      xaso_period_bounds (XASO_PERIOD_MONTH, year, month, &from, &to);
      query = g_strdup_printf ("measure=resolved&from=%s&to=%s", from, to);
      said = g_strdup_printf (_("Resolved in %s"), row->label);
      link = xaso_chart_link ("dossiers", query, said);
      xaso_chart_data_add_item (data, row->label, &rate, link);
    }
  return data;
}

/* Decision 766's groups that the replica can measure. */
XasoChartData *
xaso_dashboard_chart_decision (const XasoDashboard *d)
{
  XasoChartData *data = xaso_chart_data_new (_("Decision 766: What Our Data Measures"), TRUE);
  double progress = xaso_kpi_on_time_rate (&d->kpi), online = xaso_kpi_online_rate (&d->kpi);
  double scans = xaso_kpi_rate (d->received_with_scans, d->kpi.received);
  g_autofree char *resolved = xaso_dashboard_dossier_link (d, "resolved", NULL, _("Dossiers resolved"));
  g_autofree char *received_online = xaso_dashboard_dossier_link (d, "received:online", NULL,
                                                                   _("Dossiers received online"));
  g_autofree char *scanned = xaso_dashboard_dossier_link (d, "received:scanned", NULL,
                                                           _("Dossiers received with scanned papers"));

  xaso_chart_data_add_series (data, _("Rate"), XASO_CHART_GREEN);
  xaso_chart_data_add_item (data, _("Progress (on time)"), &progress, resolved);
  xaso_chart_data_add_item (data, _("Online services"), &online, received_online);
  xaso_chart_data_add_item (data, _("Digitization (scanned papers)"), &scans, scanned);
  return data;
}

/* Counts by a key (an officer, a unit), with the link @query_name=key; a
 * row without a key (nobody assigned, no unit) lists the dossiers without. */
static XasoChartData *
count_chart (const char      *title,
             const char      *series,
             XasoChartTone    tone,
             const GPtrArray *rows,
             const char      *page,
             const char      *query_prefix,
             const char      *query_name,
             const char      *describe)
{
  XasoChartData *data = xaso_chart_data_new (title, FALSE);

  xaso_chart_data_add_series (data, series, tone);
  for (guint i = 0; i < rows->len; i++)
    {
      const XasoCountRow *row = g_ptr_array_index (rows, i);
      double value = row->n[0];
      g_autofree char *extra = param (query_name, row->key);
      g_autofree char *query = g_strconcat (query_prefix, extra, NULL);
      g_autofree char *said = g_strdup_printf ("%s — %s", describe, row->label);
      g_autofree char *link = xaso_chart_link (page, query, said);

      xaso_chart_data_add_item (data, row->label, &value, link);
    }
  return data;
}

XasoChartData *
xaso_dashboard_chart_officers (const XasoDashboard *d)
{
  return count_chart (_("Overdue Dossiers, by Officer"), _("Overdue"), XASO_CHART_RED, d->overdue_by_officer,
                      "dossiers", "queue=overdue&", "assignee", _("Overdue"));
}

XasoChartData *
xaso_dashboard_chart_overdue_units (const XasoDashboard *d)
{
  return count_chart (_("Overdue Dossiers, by Unit"), _("Overdue"), XASO_CHART_RED,
                      d->overdue_by_unit, "dossiers", "queue=overdue&", "unit", _("Overdue"));
}

XasoChartData *
xaso_dashboard_chart_fields (const XasoDashboard *d)
{
  XasoChartData *data = xaso_chart_data_new (_("Dossiers Received, by Field"), FALSE);

  xaso_chart_data_add_series (data, _("Received"), XASO_CHART_BLUE);
  for (guint i = 0; i < d->by_field->len; i++)
    {
      const XasoStatRow *row = g_ptr_array_index (d->by_field, i);
      double value = row->kpi.received;
      g_autofree char *extra = param ("field", row->key);
      g_autofree char *link = *row->key ? xaso_dashboard_dossier_link (d, "received", extra, row->label) : NULL;

      xaso_chart_data_add_item (data, row->label, &value, link);
    }
  return data;
}

XasoChartData *
xaso_dashboard_chart_leads (const XasoDashboard *d)
{
  XasoChartData *data = xaso_chart_data_new (_("Incoming Documents Due, by Lead Person"), FALSE);

  xaso_chart_data_add_series (data, _("Overdue"), XASO_CHART_RED);
  xaso_chart_data_add_series (data, _("Due within two working days"), XASO_CHART_ORANGE);
  for (guint i = 0; i < d->documents_by_lead->len; i++)
    {
      const XasoCountRow *row = g_ptr_array_index (d->documents_by_lead, i);
      double values[2] = { row->n[0], row->n[1] };
      g_autofree char *lead = param ("lead", row->key);
      g_autofree char *overdue = g_strdup_printf ("due=overdue&%s", lead);
      g_autofree char *soon = g_strdup_printf ("due=soon&%s", lead);
      g_autofree char *said_overdue = g_strdup_printf (_("Overdue — %s"), row->label);
      g_autofree char *said_soon = g_strdup_printf (_("Due soon — %s"), row->label);
      XasoChartItem *item;

      item = xaso_chart_data_add_item (data, row->label, values, NULL);
      if (*row->key)
        {
          item->link = xaso_chart_link ("incoming", overdue, said_overdue);
          item->series_links[0] = xaso_chart_link ("incoming", overdue, said_overdue);
          item->series_links[1] = xaso_chart_link ("incoming", soon, said_soon);
        }
    }
  return data;
}

XasoChartData *
xaso_dashboard_chart_hamlets (const XasoDashboard *d)
{
  XasoChartData *data = xaso_chart_data_new (_("Residents and Households, by Hamlet"), FALSE);

  xaso_chart_data_add_series (data, _("Residents"), XASO_CHART_BLUE);
  xaso_chart_data_add_series (data, _("Households"), XASO_CHART_GREEN);
  for (guint i = 0; i < d->hamlets->len; i++)
    {
      const XasoCountRow *row = g_ptr_array_index (d->hamlets, i);
      double values[2] = { row->n[0], row->n[1] };
      g_autofree char *hamlet = param ("hamlet", row->key);
      g_autofree char *query = g_strconcat (hamlet, "&life=living", NULL);
      g_autofree char *households = g_strconcat ("list=households&", hamlet, NULL);
      g_autofree char *said = g_strdup_printf (_("Residents of %s"), row->label);
      g_autofree char *said_households = g_strdup_printf (_("Households of %s"), row->label);
      g_autofree char *link = *row->key ? xaso_chart_link ("citizens", query, said) : NULL;
      XasoChartItem *item = xaso_chart_data_add_item (data, row->label, values, link);

      if (*row->key == '\0')
        continue;
      item->series_links[0] = xaso_chart_link ("citizens", query, said);
      item->series_links[1] = xaso_chart_link ("citizens", households, said_households);
    }
  return data;
}

XasoChartData *
xaso_dashboard_chart_pyramid (const XasoDashboard *d)
{
  XasoChartData *data = xaso_chart_data_new (_("Age Pyramid"), FALSE);

  xaso_chart_data_add_series (data, _("Men"), XASO_CHART_BLUE);
  xaso_chart_data_add_series (data, _("Women"), XASO_CHART_RED);
  for (guint i = 0; i < d->pyramid->len; i++)
    {
      const XasoCountRow *row = g_ptr_array_index (d->pyramid, i);
      double values[2] = { row->n[0], row->n[1] };
      int first = atoi (row->key);
      int year = atoi (d->to);
      g_autofree char *ages = i + 1 < d->pyramid->len
                                ? g_strdup_printf ("age_min=%d&age_max=%d&age_at=%d", first, first + 4, year)
                                : g_strdup_printf ("age_min=%d&age_at=%d", first, year);
      XasoChartItem *item = xaso_chart_data_add_item (data, row->label, values, NULL);

      for (guint s = 0; s < 2; s++)
        {
          g_autofree char *query = g_strdup_printf ("%s&sex=%s&life=living", ages, s == 0 ? "male" : "female");
          g_autofree char *said = g_strdup_printf ("%s, %s", data->series[s], row->label);

          item->series_links[s] = xaso_chart_link ("citizens", query, said);
        }
    }
  return data;
}

/* The days of the month @month ("YYYY-MM") within the dashboard's
 * period, as "first..last": the events the chart counted. */
static char *
month_in_period (const XasoDashboard *d,
                 const char          *month)
{
  int year = atoi (month), m = atoi (month + 5);
  g_autofree char *first = g_strdup_printf ("%s-01", month);
  g_autofree char *last = g_strdup_printf ("%s-%02d", month, g_date_get_days_in_month ((GDateMonth)m, (GDateYear)year));

  return g_strdup_printf ("%s..%s", strcmp (first, d->from) < 0 ? d->from : first,
                          strcmp (last, d->to) > 0 ? d->to : last);
}

/* The residents whose @kind of event was registered in @days. */
static char *
event_link (const char *days,
            const char *kind,
            const char *month,
            const char *description)
{
  g_autofree char *query = g_strdup_printf ("%s=%s", kind, days);
  g_autofree char *said = g_strdup_printf ("%s — %s", description, month);

  return xaso_chart_link ("citizens", query, said);
}

XasoChartData *
xaso_dashboard_chart_births (const XasoDashboard *d)
{
  XasoChartData *data = xaso_chart_data_new (_("Births and Deaths, by Month"), FALSE);

  xaso_chart_data_add_series (data, _("Births"), XASO_CHART_GREEN);
  xaso_chart_data_add_series (data, _("Deaths"), XASO_CHART_GREY);
  for (guint i = 0; i < d->births_deaths->len; i++)
    {
      const XasoCountRow *row = g_ptr_array_index (d->births_deaths, i);
      double values[2] = { row->n[0], row->n[1] };
      g_autofree char *days = month_in_period (d, row->key);
      g_autofree char *link = event_link (days, "vital", row->label, _("Births and deaths"));
      XasoChartItem *item = xaso_chart_data_add_item (data, row->label, values, link);

      item->series_links[0] = event_link (days, "birth", row->label, _("Births"));
      item->series_links[1] = event_link (days, "death", row->label, _("Deaths"));
    }
  return data;
}
