/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The periods leaders report on (DOMAIN.md, KPIs for leaders): a month, a
 * quarter, the first 6 or 9 months of a year, a year, or two dates. Months
 * and quarters are calendar ones; "6 months" and "9 months" run from
 * January, as the reports sent to the district and the province do. */
typedef enum
{
  XASO_PERIOD_MONTH,
  XASO_PERIOD_QUARTER,
  XASO_PERIOD_SIX_MONTHS,
  XASO_PERIOD_NINE_MONTHS,
  XASO_PERIOD_YEAR,
  XASO_PERIOD_RANGE,
} XasoPeriodKind;

/* The first and last day (YYYY-MM-DD, both included) of the period of
 * @kind in @year; @index is the month (1–12) or the quarter (1–4) for
 * those kinds, else ignored. Returns FALSE for XASO_PERIOD_RANGE or an
 * index out of range. */
gboolean  xaso_period_bounds        (XasoPeriodKind   kind,
                                     int              year,
                                     int              index,
                                     char           **from,
                                     char           **to);
/* How the period reads in a report's heading: "Tháng 11 năm 2026",
 * "Quý IV năm 2026", "6 tháng đầu năm 2026", "Từ 01/11/2026 đến 15/11/2026". */
char     *xaso_period_describe      (const char      *from,
                                     const char      *to);

G_END_DECLS
