/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-reports-private.h"

/* The population's part of the dashboard, from the residents' tally
 * (migration 0018), the households and the civil-status events. Ages are
 * counted at the period's end, by year of birth. */

static const char persons_sql[] =
  "SELECT hamlet, sex, birth_year, sum (n) FROM person_tally WHERE status = 'living' GROUP BY 1, 2, 3";

static const char households_sql[] =
  "SELECT coalesce (hamlet, ''), count (*) FROM household WHERE deleted = 0 GROUP BY 1";

static const char events_sql[] =
  "SELECT substr (event_date, 1, 7), total (kind = 'birth'), total (kind = 'death') FROM civil_status_event "
  "WHERE kind IN ('birth', 'death') AND deleted = 0 AND event_date BETWEEN :from_day AND :to_day GROUP BY 1";

typedef struct
{
  XasoDashboard *d;
  GHashTable    *hamlets;
  int            year;    /* of the period's end */
} Population;

static XasoCountRow *
hamlet_row (Population *p,
            const char *hamlet)
{
  return _xaso_count_row_get (p->d->hamlets, p->hamlets, hamlet, *hamlet ? hamlet : _("No hamlet"));
}

static void
read_persons (Population   *p,
              sqlite3_stmt *stmt)
{
  const char *sex = xaso_column_text (stmt, 1), *year = xaso_column_text (stmt, 2);
  guint n = (guint)sqlite3_column_int64 (stmt, 3);
  int age = year != NULL && *year ? p->year - atoi (year) : -1;

  p->d->persons += n;
  hamlet_row (p, xaso_column_text (stmt, 0))->n[0] += n;
  if (age < 0 || g_strcmp0 (sex, "unknown") == 0)
    {
      p->d->persons_without_age += n;
      return;
    }
  ((XasoCountRow *)g_ptr_array_index (p->d->pyramid, MIN (age / 5, XASO_PYRAMID_BANDS - 1)))
    ->n[g_strcmp0 (sex, "female") == 0] += n;
}

static void
read_households (Population   *p,
                 sqlite3_stmt *stmt)
{
  guint n = (guint)sqlite3_column_int64 (stmt, 1);

  p->d->households += n;
  hamlet_row (p, xaso_column_text (stmt, 0))->n[1] += n;
}

static void
read_events (Population   *p,
             sqlite3_stmt *stmt)
{
  const char *month = xaso_column_text (stmt, 0);
  g_autofree char *label = g_strdup_printf ("%.2s/%.4s", month + 5, month);
  XasoCountRow *row = _xaso_count_row_new (month, label);

  row->n[0] = (guint)sqlite3_column_int64 (stmt, 1);
  row->n[1] = (guint)sqlite3_column_int64 (stmt, 2);
  g_ptr_array_add (p->d->births_deaths, row);
}

static gboolean
each_row (XasoDatabase      *db,
          const char        *sql,
          const XasoBounds  *b,
          Population        *p,
          void             (*read) (Population *p, sqlite3_stmt *stmt),
          GError           **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _xaso_bounds_bind (stmt, b, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read (p, stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

static void
add_bands (XasoDashboard *d)
{
  for (int band = 0; band < XASO_PYRAMID_BANDS; band++)
    {
      g_autofree char *key = g_strdup_printf ("%d", band * 5);
      g_autofree char *label = band < XASO_PYRAMID_BANDS - 1 ? g_strdup_printf ("%d–%d", band * 5, band * 5 + 4)
                                                              : g_strdup_printf ("%d+", band * 5);

      g_ptr_array_add (d->pyramid, _xaso_count_row_new (key, label));
    }
}

static int
by_hamlet (gconstpointer a,
           gconstpointer b)
{
  const XasoCountRow *x = *(XasoCountRow * const *)a, *y = *(XasoCountRow * const *)b;
  gsize lx = strlen (x->key), ly = strlen (y->key);

  /* "Ấp 2" before "Ấp 10": shorter names of one pattern first. */
  if (lx != ly && g_str_has_prefix (x->key, "Ấp ") && g_str_has_prefix (y->key, "Ấp "))
    return lx < ly ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

gboolean
_xaso_dashboard_population (XasoDatabase      *db,
                            const XasoBounds  *b,
                            XasoDashboard     *d,
                            GError           **error)
{
  g_autoptr(GHashTable) hamlets = g_hash_table_new (g_str_hash, g_str_equal);
  Population p = { d, hamlets, atoi (b->to_day) };

  add_bands (d);
  if (!each_row (db, persons_sql, b, &p, read_persons, error) ||
      !each_row (db, households_sql, b, &p, read_households, error) ||
      !each_row (db, events_sql, b, &p, read_events, error))
    return FALSE;
  g_ptr_array_sort (d->hamlets, by_hamlet);
  return TRUE;
}
