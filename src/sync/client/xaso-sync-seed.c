/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include "xaso-sync-seed.h"

/* Who the ops of records made outside capture are said to be made by. */
#define SEED_ACTOR "xaso-seed"

/* The tables in an order where what a record refers to comes first (a
 * household's head is checked at the end of its transaction). */
static const char * const seed_order[] = {
  "user", "procedure", "register", "calendar_day", "dossier_code_block", "household", "person",
  "civil_status_event", "dossier", "dossier_event", "document", "document_event", "attachment", "audit_event",
};

static gboolean
skipped_column (const char *table,
                const char *column)
{
  if (g_str_equal (column, "id") || g_str_equal (column, "commune_code"))
    return TRUE;
  /* Inserts write these themselves, at the time they are applied. */
  return !xaso_change_table_is_history (table) &&
         (g_str_equal (column, "created_at") || g_str_equal (column, "updated_at"));
}

XasoChange *
xaso_sync_seed_change_from_row (const char   *table,
                 sqlite3_stmt *stmt)
{
  XasoChange *change = xaso_change_new (XASO_CHANGE_INSERT, table, xaso_column_text (stmt, 0));

  for (int i = 1; i < sqlite3_column_count (stmt); i++)
    {
      const char *column = sqlite3_column_name (stmt, i);

      if (skipped_column (table, column))
        continue;
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          xaso_change_set_int (change, column, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          xaso_change_set_double (change, column, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_NULL:
          break;
        default:
          xaso_change_set_text (change, column, xaso_column_text (stmt, i));
          break;
        }
    }
  return change;
}

static gint64
seed_table (XasoDatabase  *db,
            const char    *table,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT t.id AS id, t.* FROM \"%s\" t WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.row_id = t.id) "
    "AND NOT EXISTS (SELECT 1 FROM field_version v WHERE v.table_name = '%s' AND v.row_id = t.id) "
    "ORDER BY t.rowid", table, table);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  gint64 n = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  /* Streamed: a commune's audit log alone is a million rows. The ops
   * appended meanwhile name rows already read, which the query's NOT
   * EXISTS never asks about again. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(XasoChange) change = xaso_sync_seed_change_from_row (table, stmt);

      if ((++n % 1000 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error)) ||
          !xaso_change_capture_existing (change, db, SEED_ACTOR, error))
        {
          sqlite3_reset (stmt);
          return -1;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error), -1;
  return n;
}

gint64
xaso_sync_seed_outbox (XasoDatabase  *db,
                       GCancellable  *cancellable,
                       GError       **error)
{
  gint64 total = 0;

  if (!xaso_database_begin (db, error))
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (seed_order); i++)
    {
      gint64 n = seed_table (db, seed_order[i], cancellable, error);

      if (n < 0)
        {
          xaso_database_rollback (db);
          return -1;
        }
      total += n;
    }
  if (!xaso_database_commit (db, error))
    return -1;
  return total;
}
