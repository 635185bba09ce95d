/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-chart-data.h"

static void
item_free (XasoChartItem *item)
{
  g_free (item->label);
  g_free (item->link);
  for (guint i = 0; i < XASO_CHART_MAX_SERIES; i++)
    g_free (item->series_links[i]);
  g_free (item);
}

static void
data_clear (XasoChartData *self)
{
  g_free (self->title);
  for (guint i = 0; i < self->n_series; i++)
    g_free (self->series[i]);
  g_ptr_array_unref (self->items);
}

XasoChartData *
xaso_chart_data_new (const char *title,
                     gboolean    percent)
{
  XasoChartData *self = g_rc_box_new0 (XasoChartData);

  self->title = g_strdup (title);
  self->percent = percent;
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  return self;
}

void
xaso_chart_data_add_series (XasoChartData *self,
                            const char    *label,
                            XasoChartTone  tone)
{
  g_return_if_fail (self->n_series < XASO_CHART_MAX_SERIES);
  self->tones[self->n_series] = tone;
  self->series[self->n_series++] = g_strdup (label);
}

XasoChartItem *
xaso_chart_data_add_item (XasoChartData *self,
                          const char    *label,
                          const double  *values,
                          const char    *link)
{
  XasoChartItem *item = g_new0 (XasoChartItem, 1);

  item->label = g_strdup (label);
  item->link = g_strdup (link);
  for (guint i = 0; i < self->n_series; i++)
    item->values[i] = values[i];
  g_ptr_array_add (self->items, item);
  return item;
}

XasoChartData *
xaso_chart_data_ref (XasoChartData *self)
{
  return g_rc_box_acquire (self);
}

void
xaso_chart_data_unref (XasoChartData *self)
{
  g_rc_box_release_full (self, (GDestroyNotify)data_clear);
}

/* The longest bar: the largest value, or the largest sum when the series
 * are stacked. */
double
xaso_chart_data_max_total (const XasoChartData *self,
                           gboolean             stacked)
{
  double max = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      const XasoChartItem *item = g_ptr_array_index (self->items, i);
      double sum = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double v = MAX (item->values[s], 0);

          sum = stacked ? sum + v : MAX (sum, v);
        }
      max = MAX (max, sum);
    }
  return max;
}

char *
xaso_chart_format_value (const XasoChartData *self,
                         double               value)
{
  if (self->percent && value < 0)
    return g_strdup ("—");
  if (self->percent)
    return g_strdup_printf ("%.1f%%", value);
  return g_strdup_printf ("%'.0f", value);
}

char *
xaso_chart_describe_item (const XasoChartData *self,
                          const XasoChartItem *item)
{
  GString *text = g_string_new (item->label);

  for (guint s = 0; s < self->n_series; s++)
    {
      g_autofree char *value = xaso_chart_format_value (self, item->values[s]);

      g_string_append_printf (text, s == 0 ? ": %s %s" : ", %s %s", self->series[s], value);
    }
  return g_string_free (text, FALSE);
}

/* Fields are separated by the unit separator, which none of them holds. */
char *
xaso_chart_link (const char *page,
                 const char *query,
                 const char *description)
{
  return g_strjoin ("\x1f", page, query, description, NULL);
}

gboolean
xaso_chart_link_parse (const char  *link,
                       char       **page,
                       char       **query,
                       char       **description)
{
  g_auto(GStrv) parts = link ? g_strsplit (link, "\x1f", 3) : NULL;

  if (parts == NULL || g_strv_length (parts) != 3)
    return FALSE;
  *page = g_strdup (parts[0]);
  *query = g_strdup (parts[1]);
  *description = g_strdup (parts[2]);
  return TRUE;
}
