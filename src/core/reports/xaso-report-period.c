/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xaso-report-period.h"

static char *
day_text (int year, int month, int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The months [first, last] of @year as the period's bounds. */
static gboolean
months (int year, int first, int last, char **from, char **to)
{
  *from = day_text (year, first, 1);
  *to = day_text (year, last, g_date_get_days_in_month ((GDateMonth)last, (GDateYear)year));
  return TRUE;
}

gboolean
xaso_period_bounds (XasoPeriodKind kind, int year, int index, char **from, char **to)
{
  *from = *to = NULL;
  if (year < 1900 || year > 9999)
    return FALSE;
  switch (kind)
    {
    case XASO_PERIOD_MONTH:
      return index >= 1 && index <= 12 && months (year, index, index, from, to);
    case XASO_PERIOD_QUARTER:
      return index >= 1 && index <= 4 && months (year, 3 * index - 2, 3 * index, from, to);
    case XASO_PERIOD_SIX_MONTHS:
      return months (year, 1, 6, from, to);
    case XASO_PERIOD_NINE_MONTHS:
      return months (year, 1, 9, from, to);
    case XASO_PERIOD_YEAR:
      return months (year, 1, 12, from, to);
    case XASO_PERIOD_RANGE:
    default:
      return FALSE;
    }
}

static gboolean
parse_day (const char *text, int *y, int *m, int *d)
{
  return text != NULL && sscanf (text, "%4d-%2d-%2d", y, m, d) == 3;
}

static const char * const roman[] = { "I", "II", "III", "IV" };

char *
xaso_period_describe (const char *from, const char *to)
{
  int fy, fm, fd, ty, tm, td;
  gboolean whole_months;

  if (!parse_day (from, &fy, &fm, &fd) || !parse_day (to, &ty, &tm, &td))
    return g_strdup ("");
  whole_months = fd == 1 && fy == ty && td == g_date_get_days_in_month ((GDateMonth)tm, (GDateYear)ty);
  if (whole_months && fm == tm)
    return g_strdup_printf (_("Month %d of %d"), fm, fy);
  if (whole_months && tm - fm == 2 && fm % 3 == 1)
    return g_strdup_printf (_("Quarter %s of %d"), roman[fm / 3], fy);
  if (whole_months && fm == 1 && tm == 12)
    return g_strdup_printf (_("Year %d"), fy);
  if (whole_months && fm == 1 && (tm == 6 || tm == 9))
    return g_strdup_printf (_("The first %d months of %d"), tm, fy);
  return g_strdup_printf (_("From %02d/%02d/%04d to %02d/%02d/%04d"), fd, fm, fy, td, tm, ty);
}
