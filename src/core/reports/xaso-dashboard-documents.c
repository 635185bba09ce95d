/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-commune-calendar.h"
#include "xaso-document-flow.h"
#include "xaso-reports-private.h"

/* The documents' part of the dashboard: open incoming documents by lead
 * person, and outgoing documents issued late after their signature. */

static const char lead_sql[] =
  "SELECT coalesce (d.lead_user_id, ''), coalesce (u.full_name, ''), "
  "total (coalesce (d.deadline, '9999-12-31') < :today), "
  "total (d.deadline BETWEEN :today AND :soon) "
  "FROM document d INDEXED BY document_open_deadline LEFT JOIN user u ON u.id = d.lead_user_id "
  "WHERE d.status IN ('registered', 'presented', 'directed', 'in_progress') AND d.direction = 'incoming' "
  "AND d.deleted = 0 GROUP BY 1";

static const char issued_sql[] =
  "SELECT signed_date, issued_date FROM document INDEXED BY document_issued "
  "WHERE direction = 'outgoing' AND deleted = 0 "
  "AND issued_date BETWEEN :from_day AND :to_day AND status IN ('issued', 'done') AND signed_date IS NOT NULL";

static const char scans_sql[] =
  "SELECT count (DISTINCT a.owner_id) FROM attachment a JOIN dossier d ON d.id = a.owner_id "
  "WHERE a.owner_table = 'dossier' AND a.deleted = 0 AND d.deleted = 0 AND d.status <> 1 "
  "AND d.received_at >= :from AND d.received_at < :end";

/* The second working day from today: "due soon" is due by then. */
static char *
soon_day (const XasoBounds *b)
{
  g_autofree char *morning = g_strconcat (b->today, "T08:00:00+07:00", NULL);
  g_autoptr(GDateTime) today = g_date_time_new_from_iso8601 (morning, NULL);
  g_autoptr(GDateTime) soon = NULL;

  soon = today != NULL ? xaso_calendar_add_working_days (xaso_commune_calendar (), today, 2, NULL, 0) : NULL;
  return soon != NULL ? g_date_time_format (soon, "%Y-%m-%d") : g_strdup (b->today);
}

static sqlite3_stmt *
prepare (XasoDatabase      *db,
         const char        *sql,
         const XasoBounds  *b,
         GError           **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);

  if (stmt != NULL)
    _xaso_bounds_bind (stmt, b, NULL);
  return stmt;
}

static gboolean
finish (XasoDatabase  *db,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

static gboolean
by_lead (XasoDatabase      *db,
         const XasoBounds  *b,
         XasoDashboard     *d,
         GError           **error)
{
  g_autofree char *soon = soon_day (b);
  sqlite3_stmt *stmt = prepare (db, lead_sql, b, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  xaso_bind_named (stmt, ":soon", soon);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = xaso_column_text (stmt, 1);
      XasoCountRow *row = _xaso_count_row_new (xaso_column_text (stmt, 0),
                                               name != NULL && *name ? name : _("No lead person"));

      row->n[0] = (guint)sqlite3_column_int64 (stmt, 2);
      row->n[1] = (guint)sqlite3_column_int64 (stmt, 3);
      if (row->n[0] + row->n[1] > 0)
        g_ptr_array_add (d->documents_by_lead, row);
      else
        g_free (row->key), g_free (row->label), g_free (row);
    }
  return finish (db, stmt, rc, error);
}

/* Many documents are signed on the same few days: the limit of each day is
 * worked out once. */
static gboolean
issued_late (XasoDatabase      *db,
             const XasoBounds  *b,
             XasoDashboard     *d,
             GError           **error)
{
  sqlite3_stmt *stmt = prepare (db, issued_sql, b, error);
  g_autoptr(GHashTable) late_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *signed_date = xaso_column_text (stmt, 0), *issued = xaso_column_text (stmt, 1);
      g_autofree char *key = g_strconcat (signed_date, issued, NULL);
      gboolean *late = g_hash_table_lookup (late_days, key);

      if (late == NULL)
        {
          late = g_new (gboolean, 1);
          *late = xaso_document_issued_late (signed_date, issued);
          g_hash_table_insert (late_days, g_steal_pointer (&key), late);
        }
      d->documents_issued_late += *late ? 1 : 0;
    }
  return finish (db, stmt, rc, error);
}

static gboolean
scans (XasoDatabase      *db,
       const XasoBounds  *b,
       XasoDashboard     *d,
       GError           **error)
{
  sqlite3_stmt *stmt = prepare (db, scans_sql, b, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      d->received_with_scans = (guint)sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  return finish (db, stmt, rc, error);
}

gboolean
_xaso_dashboard_documents (XasoDatabase      *db,
                           const XasoBounds  *b,
                           XasoDashboard     *d,
                           GError           **error)
{
  return by_lead (db, b, d, error) && issued_late (db, b, d, error) && scans (db, b, d, error) &&
         _xaso_kpi_count_documents (db, b, &d->kpi, error);
}
