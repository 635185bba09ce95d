/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XASO_CHART_MAX_SERIES 4

/* The colours a series may take, from the GNOME palette: what a figure
 * means picks its colour (late is red wherever it is drawn). */
typedef enum
{
  XASO_CHART_BLUE,
  XASO_CHART_GREEN,
  XASO_CHART_YELLOW,
  XASO_CHART_ORANGE,
  XASO_CHART_RED,
  XASO_CHART_PURPLE,
  XASO_CHART_GREY,
} XasoChartTone;

/* One bar, column or point: its label, a value per series and the link to
 * the list of records behind it (see xaso_chart_link), for the whole item
 * and, where they differ, for each series' part. */
typedef struct
{
  char   *label;
  double  values[XASO_CHART_MAX_SERIES];
  char   *link;
  char   *series_links[XASO_CHART_MAX_SERIES];
} XasoChartItem;

/* What a chart shows, shared by the chart and its table view. */
typedef struct
{
  char          *title;
  guint          n_series;
  char          *series[XASO_CHART_MAX_SERIES];
  XasoChartTone  tones[XASO_CHART_MAX_SERIES];
  gboolean       percent;   /* values are rates 0–100, a negative one "no data" */
  GPtrArray     *items;     /* XasoChartItem */
} XasoChartData;

XasoChartData *xaso_chart_data_new       (const char          *title,
                                          gboolean             percent);
void           xaso_chart_data_add_series (XasoChartData      *self,
                                          const char          *label,
                                          XasoChartTone        tone);
XasoChartItem *xaso_chart_data_add_item  (XasoChartData       *self,
                                          const char          *label,
                                          const double        *values,
                                          const char          *link);
XasoChartData *xaso_chart_data_ref       (XasoChartData       *self);
void           xaso_chart_data_unref     (XasoChartData       *self);
double         xaso_chart_data_max_total (const XasoChartData *self,
                                          gboolean             stacked);
/* A value as read: "1.234", or "92,5%" for rates, "—" for none. */
char          *xaso_chart_format_value   (const XasoChartData *self,
                                          double               value);
/* The figures of @item spoken as one line: "Label: series 12, series 3". */
char          *xaso_chart_describe_item  (const XasoChartData *self,
                                          const XasoChartItem *item);

/* A link to the records behind a figure: the page that lists them, the
 * query of its filter (xaso_dossier_filter_parse for dossiers) and how
 * the pinned filter reads ("Quá hạn — Nguyễn Văn A"). */
char          *xaso_chart_link           (const char          *page,
                                          const char          *query,
                                          const char          *description);
gboolean       xaso_chart_link_parse     (const char          *link,
                                          char               **page,
                                          char               **query,
                                          char               **description);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoChartData, xaso_chart_data_unref)

G_END_DECLS
