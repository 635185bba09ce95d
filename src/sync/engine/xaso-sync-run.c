/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include "xaso-sync-pull.h"
#include "xaso-sync-run.h"
#include "xaso-sync-settings.h"

static void
remember_outcome (XasoDatabase *db,
                  gboolean      verified,
                  const GError *error)
{
  g_autoptr(GError) local = NULL;

  if (!xaso_database_set_state (db, XASO_SYNC_KEY_VERIFIED, verified ? "yes" : "no", &local) ||
      !xaso_database_set_state (db, XASO_SYNC_KEY_LAST_ERROR, error != NULL ? error->message : "", &local))
    g_warning ("Could not record the sync's outcome: %s", local->message);
}

gboolean
xaso_sync_run_once (XasoDatabase    *db,
                    XasoSyncReport  *report,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(XasoSyncHttp) http = xaso_sync_connect (db, error);
  g_autoptr(GError) local = NULL;
  gboolean more = TRUE;
  int sent = 1;

  if (http == NULL)
    return FALSE;
  while (sent > 0)
    sent = xaso_sync_push_batch (db, http, report, cancellable, &local);
  while (sent == 0 && more)
    if (!xaso_sync_pull_page (db, http, 0, report, &more, cancellable, &local))
      break;
  remember_outcome (db, local == NULL, local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

static guint
count (XasoDatabase *db,
       const char   *sql)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);
  guint n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

XasoSyncStatus *
xaso_sync_status_read (XasoDatabase  *db,
                       GError       **error)
{
  XasoSyncStatus *status = g_new0 (XasoSyncStatus, 1);
  g_autofree char *verified = xaso_database_get_state (db, XASO_SYNC_KEY_VERIFIED);
  sqlite3_stmt *stmt;

  status->enrolled = xaso_sync_is_enrolled (db);
  status->waiting = count (db, "SELECT count(*) FROM outbox");
  status->held = count (db, "SELECT count(*) FROM outbox WHERE state = 'held'");
  status->conflicts = count (db, "SELECT count(*) FROM field_conflict WHERE resolved_at IS NULL");
  status->rejected = count (db, "SELECT count(*) FROM quarantine WHERE resolved_at IS NULL");
  stmt = xaso_database_prepare (db, "SELECT created_at FROM outbox ORDER BY device_seq LIMIT 1", error);
  if (stmt == NULL)
    return xaso_sync_status_free (status), NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status->oldest_waiting = g_strdup (xaso_column_text (stmt, 0));
  sqlite3_reset (stmt);
  status->last_push = xaso_database_get_state (db, XASO_SYNC_KEY_LAST_PUSH);
  status->last_pull = xaso_database_get_state (db, XASO_SYNC_KEY_LAST_PULL);
  status->last_error = xaso_database_get_state (db, XASO_SYNC_KEY_LAST_ERROR);
  status->pull_seq = xaso_sync_get_int (db, XASO_SYNC_KEY_PULL_SEQ);
  status->synced = status->enrolled && status->waiting == 0 && g_strcmp0 (verified, "yes") == 0;
  return status;
}

void
xaso_sync_status_free (XasoSyncStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->oldest_waiting);
  g_free (status->last_push);
  g_free (status->last_pull);
  g_free (status->last_error);
  g_free (status);
}
