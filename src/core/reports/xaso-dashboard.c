/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include "xaso-reports-private.h"

static void
count_row_free (XasoCountRow *row)
{
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

static void
stat_row_free (XasoStatRow *row)
{
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

XasoCountRow *
_xaso_count_row_new (const char *key,
                     const char *label)
{
  XasoCountRow *row = g_new0 (XasoCountRow, 1);

  row->key = g_strdup (key);
  row->label = g_strdup (label);
  return row;
}

XasoStatRow *
_xaso_stat_row_new (const char *key,
                    const char *label)
{
  XasoStatRow *row = g_new0 (XasoStatRow, 1);

  row->key = g_strdup (key);
  row->label = g_strdup (label);
  return row;
}

/* Rows are found by their key, which is also their first field. */
static gpointer
row_get (GPtrArray   *rows,
         GHashTable  *index,
         const char  *key,
         gpointer   (*make) (const char *key, const char *label),
         const char  *label)
{
  gpointer row = g_hash_table_lookup (index, key);

  if (row == NULL)
    {
      row = make (key, label);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (index, *(char **)row, row);
    }
  return row;
}

XasoCountRow *
_xaso_count_row_get (GPtrArray  *rows,
                     GHashTable *index,
                     const char *key,
                     const char *label)
{
  return row_get (rows, index, key, (gpointer)_xaso_count_row_new, label);
}

XasoStatRow *
_xaso_stat_row_get (GPtrArray  *rows,
                    GHashTable *index,
                    const char *key,
                    const char *label)
{
  return row_get (rows, index, key, (gpointer)_xaso_stat_row_new, label);
}

static XasoDashboard *
dashboard_new (const char *from,
               const char *to)
{
  XasoDashboard *d = g_new0 (XasoDashboard, 1);

  d->from = g_strdup (from);
  d->to = g_strdup (to);
  d->by_unit = g_ptr_array_new_with_free_func ((GDestroyNotify)stat_row_free);
  d->by_field = g_ptr_array_new_with_free_func ((GDestroyNotify)stat_row_free);
  d->trend = g_ptr_array_new_with_free_func ((GDestroyNotify)count_row_free);
  d->overdue_by_officer = g_ptr_array_new_with_free_func ((GDestroyNotify)count_row_free);
  d->overdue_by_unit = g_ptr_array_new_with_free_func ((GDestroyNotify)count_row_free);
  d->documents_by_lead = g_ptr_array_new_with_free_func ((GDestroyNotify)count_row_free);
  d->hamlets = g_ptr_array_new_with_free_func ((GDestroyNotify)count_row_free);
  d->pyramid = g_ptr_array_new_with_free_func ((GDestroyNotify)count_row_free);
  d->births_deaths = g_ptr_array_new_with_free_func ((GDestroyNotify)count_row_free);
  return d;
}

void
xaso_dashboard_free (XasoDashboard *d)
{
  if (d == NULL)
    return;
  g_free (d->from);
  g_free (d->to);
  g_ptr_array_unref (d->by_unit);
  g_ptr_array_unref (d->by_field);
  g_ptr_array_unref (d->trend);
  g_ptr_array_unref (d->overdue_by_officer);
  g_ptr_array_unref (d->overdue_by_unit);
  g_ptr_array_unref (d->documents_by_lead);
  g_ptr_array_unref (d->hamlets);
  g_ptr_array_unref (d->pyramid);
  g_ptr_array_unref (d->births_deaths);
  g_free (d);
}

/* Reads what the dashboard shows in one read transaction, so that every
 * figure is of the same moment even while the sync writes. */
XasoDashboard *
xaso_dashboard_compute (XasoDatabase  *db,
                        const char    *from,
                        const char    *to,
                        GDateTime     *now,
                        GError       **error)
{
  g_auto(XasoBounds) b = { 0 };
  g_autoptr(XasoDashboard) d = NULL;
  gboolean own, ok;

  if (!_xaso_bounds_init (&b, from, to, now, error))
    return NULL;
  d = dashboard_new (from, to);
  own = !xaso_database_in_transaction (db);
  if (own && !xaso_database_exec (db, "BEGIN", error))
    return NULL;
  ok = _xaso_dashboard_dossiers (db, &b, d, error) &&
       _xaso_dashboard_documents (db, &b, d, error) &&
       _xaso_dashboard_population (db, &b, d, error);
  if (own)
    xaso_database_exec (db, "COMMIT", NULL);
  return ok ? g_steal_pointer (&d) : NULL;
}
