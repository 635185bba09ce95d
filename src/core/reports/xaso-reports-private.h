/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-dashboard.h"
#include "xaso-report-table.h"

G_BEGIN_DECLS

/* The bounds of a period and of now, as the report queries compare them:
 * days as YYYY-MM-DD, times as ISO 8601 in the commune's zone. */
typedef struct
{
  char *from_day, *to_day, *today;
  char *from, *end, *now, *today_end, *tomorrow, *tomorrow_end;
} XasoBounds;

gboolean _xaso_bounds_init  (XasoBounds   *b,
                             const char   *from,
                             const char   *to,
                             GDateTime    *now,
                             GError      **error);
void     _xaso_bounds_clear (XasoBounds   *b);
void     _xaso_bounds_bind  (sqlite3_stmt *stmt,
                             const XasoBounds *b,
                             const char   *unit);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoBounds, _xaso_bounds_clear)

/* Adds @n dossiers of the tally's @measure ("received:online",
 * "resolved:late", "refused"…) to @kpi. */
void     _xaso_kpi_add_measure (XasoKpi    *kpi,
                                const char *measure,
                                guint       n);

/* The open dossiers' figures (in progress, late, due today and tomorrow)
 * as SQL sums over the open rows "d", in XasoKpi's order from in_progress. */
#define XASO_KPI_OPEN_SUMS \
  "total (d.received_at < :end), " \
  "total (d.received_at < :end AND d.legal_due_at < :now), " \
  "total (d.due_at BETWEEN :now AND :today_end), " \
  "total (d.due_at BETWEEN :tomorrow AND :tomorrow_end)"
#define XASO_KPI_OPEN "d.status IN (2, 4, 5, 6) AND d.deleted = 0"
/* The unit that handles a dossier "d": its department, or its officer's. */
#define XASO_KPI_UNIT "coalesce (d.department, (SELECT u.unit FROM user u WHERE u.id = d.assignee_user_id), '')"

gboolean _xaso_kpi_count_documents (XasoDatabase      *db,
                                    const XasoBounds  *b,
                                    XasoKpi           *kpi,
                                    GError           **error);
void     _xaso_kpi_set_open (XasoKpi      *kpi,
                             sqlite3_stmt *stmt,
                             int           first);


XasoCountRow *_xaso_count_row_new  (const char *key,
                                    const char *label);
XasoStatRow  *_xaso_stat_row_new   (const char *key,
                                    const char *label);
/* The row of @key in @rows (indexed by @index), made when missing. */
XasoCountRow *_xaso_count_row_get  (GPtrArray  *rows,
                                    GHashTable *index,
                                    const char *key,
                                    const char *label);
XasoStatRow  *_xaso_stat_row_get   (GPtrArray  *rows,
                                    GHashTable *index,
                                    const char *key,
                                    const char *label);

gboolean _xaso_dashboard_dossiers   (XasoDatabase      *db,
                                     const XasoBounds  *b,
                                     XasoDashboard     *d,
                                     GError           **error);
gboolean _xaso_dashboard_documents  (XasoDatabase      *db,
                                     const XasoBounds  *b,
                                     XasoDashboard     *d,
                                     GError           **error);
gboolean _xaso_dashboard_population (XasoDatabase      *db,
                                     const XasoBounds  *b,
                                     XasoDashboard     *d,
                                     GError           **error);

/* The lines every report has under its title: the period, the unit when
 * there is one, and the time it was counted at. */
void     _xaso_report_add_heading   (XasoReportTable   *t,
                                     const char        *from,
                                     const char        *to,
                                     const char        *unit,
                                     GDateTime         *now);

G_END_DECLS
