/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-calendar"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "xaso-day-text.h"

char *
xaso_day_from_display (const char *typed)
{
  int d = 0, m = 0, y = 0;
  char rest = 0;

  if (typed == NULL || sscanf (typed, "%d/%d/%d%c", &d, &m, &y, &rest) != 3 || y < 1000 ||
      !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
xaso_day_to_display (const char *day)
{
  int d = 0, m = 0, y = 0;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (day);
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

static gboolean
is_day (const char *text)
{
  int y, m, d;
  char end;

  return strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
         g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

gboolean
xaso_day_range_parse (const char  *text,
                      char       **first,
                      char       **last)
{
  g_auto(GStrv) days = g_strsplit (text, "..", 2);

  if (g_strv_length (days) != 2 || !is_day (days[0]) || !is_day (days[1]))
    return FALSE;
  *first = g_strdup (days[0]);
  *last = g_strdup (days[1]);
  return TRUE;
}
