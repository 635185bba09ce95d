/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "xaso-day-text.h"
#include "xaso-person-search.h"

static gboolean
parse_sex (const char *text,
           XasoSex    *sex)
{
  if (text == NULL)
    *sex = XASO_SEX_UNKNOWN;
  else if (g_str_equal (text, "male"))
    *sex = XASO_SEX_MALE;
  else if (g_str_equal (text, "female"))
    *sex = XASO_SEX_FEMALE;
  else
    return FALSE;
  return TRUE;
}

/* "birth=2026-01-01..2026-01-31": persons whose birth (or death, or
 * "vital": either) was registered in those days. */
static gboolean
parse_event (GHashTable        *params,
             XasoPersonFilter  *f,
             GError           **error)
{
  static const char * const kinds[] = { "birth", "death", "vital" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *value = g_hash_table_lookup (params, kinds[i]);

      if (value == NULL)
        continue;
      if (f->event_kind != NULL || !xaso_day_range_parse (value, &f->event_from, &f->event_to))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown period “%s” in the link"), value);
          return FALSE;
        }
      f->event_kind = g_strdup (kinds[i]);
    }
  return TRUE;
}

static XasoLifeFilter
parse_life (const char *text)
{
  if (g_strcmp0 (text, "living") == 0)
    return XASO_LIFE_LIVING;
  if (g_strcmp0 (text, "deceased") == 0)
    return XASO_LIFE_DECEASED;
  if (g_strcmp0 (text, "moved_away") == 0)
    return XASO_LIFE_MOVED_AWAY;
  return XASO_LIFE_ANY;
}

/* The filter of a link to the residents' list ("hamlet=…&sex=female&
 * age_min=20&age_max=24&age_at=2025&life=living", "age=unknown",
 * "birth=…..…"), as a report's bar carries it; values are escaped as in
 * a URI. Ages are reached in the year age_at (this year without it). */
XasoPersonFilter *
xaso_person_filter_parse (const char  *query,
                          GError     **error)
{
  g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, error);
  g_autoptr(XasoPersonFilter) f = xaso_person_filter_new ();
  const char *age_min, *age_max, *age_at;

  if (params == NULL)
    return NULL;
  if (!parse_sex (g_hash_table_lookup (params, "sex"), &f->sex))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown sex “%s” in the link"),
                   (char *)g_hash_table_lookup (params, "sex"));
      return NULL;
    }
  f->hamlet = g_strdup (g_hash_table_lookup (params, "hamlet"));
  f->text = g_strdup (g_hash_table_lookup (params, "text"));
  age_min = g_hash_table_lookup (params, "age_min");
  age_max = g_hash_table_lookup (params, "age_max");
  age_at = g_hash_table_lookup (params, "age_at");
  f->age_min = age_min ? atoi (age_min) : -1;
  f->age_max = age_max ? atoi (age_max) : -1;
  f->age_year = age_at ? atoi (age_at) : 0;
  f->age_unknown = g_strcmp0 (g_hash_table_lookup (params, "age"), "unknown") == 0;
  f->life = parse_life (g_hash_table_lookup (params, "life"));
  if (!parse_event (params, f, error))
    return NULL;
  return g_steal_pointer (&f);
}
