/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include "xaso-sync-history.h"
#include "xaso-sync-key-exchange.h"
#include "xaso-sync-leases.h"
#include "xaso-sync-pull.h"
#include "xaso-sync-run.h"
#include "xaso-sync-settings.h"

static gboolean
log_run (XasoDatabase          *db,
         const char            *started,
         const XasoSyncReport  *report,
         const GError          *failure,
         GError               **error)
{
  g_autofree char *now = xaso_now_iso ();
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT INTO sync_log (started_at, finished_at, sent, applied, merged, conflict, rejected, pulled, bytes_in, "
    "error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, started, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) report->sent);
  for (int i = XASO_SYNC_APPLIED; i <= XASO_SYNC_REJECTED; i++)
    sqlite3_bind_int (stmt, 4 + i, (int) report->outcomes[i]);
  sqlite3_bind_int (stmt, 8, (int) report->pulled);
  sqlite3_bind_int64 (stmt, 9, (gint64) report->bytes_in);
  xaso_bind_text (stmt, 10, failure != NULL ? failure->message : NULL);
  return xaso_database_step_done (db, stmt, error) && xaso_sync_log_trim (db, error);
}

/* Whether the server could not be reached at all (the desktop is offline,
 * or the server or its database is down), as opposed to an answer refused. */
static gboolean
is_offline (const GError *error)
{
  return error != NULL && error->domain == XASO_SYNC_ERROR &&
         (error->code == XASO_SYNC_ERROR_NETWORK || error->code == XASO_SYNC_ERROR_DATABASE_UNAVAILABLE);
}

typedef struct
{
  const char           *started;
  const XasoSyncReport *report;
  const GError         *failure;
  XasoSyncHttp         *http;
} Outcome;

/* The clock's distance from the server's, when an answer told it. */
static gboolean
remember_clock (XasoDatabase  *db,
                XasoSyncHttp  *http,
                GError       **error)
{
  g_autofree char *text = NULL;
  gint64 skew;

  if (!xaso_sync_http_get_clock_skew (http, &skew))
    return TRUE;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, skew);
  return xaso_database_set_state (db, XASO_SYNC_KEY_CLOCK_SKEW, text, error);
}

static gboolean
remember_in_transaction (XasoDatabase  *db,
                         gpointer       data,
                         GError       **error)
{
  Outcome *o = data;

  /* A round that found nothing to do is not worth a line of the log. */
  gboolean worth_logging = o->failure != NULL || o->report->sent > 0 || o->report->pulled > 0 ||
                           o->report->uploaded > 0 || o->report->downloaded > 0;

  return xaso_database_set_state (db, XASO_SYNC_KEY_VERIFIED, o->failure == NULL ? "yes" : "no", error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_LAST_ERROR,
                                  o->failure != NULL ? o->failure->message : "", error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_OFFLINE, is_offline (o->failure) ? "yes" : "no", error) &&
         remember_clock (db, o->http, error) &&
         (!worth_logging || log_run (db, o->started, o->report, o->failure, error));
}

static void
remember_outcome (XasoDatabase         *db,
                  XasoSyncHttp         *http,
                  const char           *started,
                  const XasoSyncReport *report,
                  const GError         *failure)
{
  g_autoptr(GError) local = NULL;
  Outcome outcome = { started, report, failure, http };

  if (!xaso_database_run_atomically (db, remember_in_transaction, &outcome, &local))
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
  g_autofree char *started = xaso_now_iso ();
  int sent = 1;

  if (http == NULL)
    return FALSE;
  while (sent > 0)
    sent = xaso_sync_push_batch (db, http, report, cancellable, &local);
  /* Numbers once what was numbered here went up (the server counts a day's
   * codes from those it holds); the blocks granted go up at once. */
  if (sent == 0 && xaso_sync_leases_refresh (db, http, cancellable, &local))
    while ((sent = xaso_sync_push_batch (db, http, report, cancellable, &local)) > 0)
      ;
  if (sent == 0 && local == NULL)
    xaso_sync_pull_all (db, http, report, cancellable, &local);
  /* The keys before the files: a scan from another desk is checked with
   * its key as it comes. A key refused is told, not a reason to stop. */
  if (local == NULL && !xaso_sync_keys_exchange (db, http, cancellable, &local) && !is_offline (local))
    {
      g_message ("%s", local->message);
      g_clear_error (&local);
    }
  /* The files the pulled rows name, once the rows are all here. */
  if (local == NULL)
    {
      int fetched = xaso_sync_blobs_download_all (db, http, &report->blobs, &report->bytes_in,
                                                  cancellable, &local);

      report->downloaded += MAX (fetched, 0);
    }
  remember_outcome (db, http, started, report, local);
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
  g_autofree char *offline = xaso_database_get_state (db, XASO_SYNC_KEY_OFFLINE);
  g_autofree char *skew = NULL;
  sqlite3_stmt *stmt;

  status->enrolled = xaso_sync_is_enrolled (db);
  status->waiting = count (db, "SELECT count(*) FROM outbox");
  status->held = count (db, "SELECT count(*) FROM outbox WHERE state = 'held'");
  status->uploads = xaso_sync_blobs_count (db, TRUE);
  status->downloads = xaso_sync_blobs_count (db, FALSE);
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
  status->offline = g_strcmp0 (offline, "yes") == 0;
  status->clock_known = (skew = xaso_database_get_state (db, XASO_SYNC_KEY_CLOCK_SKEW)) != NULL;
  status->clock_skew = status->clock_known ? g_ascii_strtoll (skew, NULL, 10) : 0;
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
