/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-sync-history.h"

/* The log keeps this many lines; older ones go as new ones come. */
#define LOG_LENGTH 300

void
xaso_sync_rejected_free (XasoSyncRejected *rejected)
{
  if (rejected == NULL)
    return;
  g_free (rejected->id);
  g_free (rejected->table);
  g_free (rejected->row_id);
  g_free (rejected->record);
  g_free (rejected->reason_code);
  g_free (rejected->reason);
  g_free (rejected->received_at);
  g_free (rejected);
}

void
xaso_sync_log_line_free (XasoSyncLogLine *line)
{
  if (line == NULL)
    return;
  g_free (line->started_at);
  g_free (line->finished_at);
  g_free (line->error);
  g_free (line);
}

/* The column that names a record of each table people edit. */
static const struct
{
  const char *table;
  const char *expression;
} labels[] = {
  { "person", "full_name" },
  { "user", "full_name" },
  { "household", "code" },
  { "dossier", "code" },
  { "document", "coalesce (notation, subject)" },
  { "procedure", "name" },
  { "register", "name" },
};

char *
xaso_sync_record_label (XasoDatabase *db,
                        const char   *table,
                        const char   *row_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].table, table) == 0)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?", labels[i].expression,
                                                labels[i].table);
        sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);
        char *label = NULL;

        if (stmt == NULL)
          return NULL;
        sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_STATIC);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          label = g_strdup (xaso_column_text (stmt, 0));
        sqlite3_reset (stmt);
        return label;
      }
  return NULL;
}

GPtrArray *
xaso_sync_rejected_list (XasoDatabase  *db,
                         GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_sync_rejected_free);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT id, table_name, row_id, reason_code, reason, received_at FROM quarantine "
    "WHERE resolved_at IS NULL ORDER BY received_at DESC, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XasoSyncRejected *r = g_new0 (XasoSyncRejected, 1);

      r->id = g_strdup (xaso_column_text (stmt, 0));
      r->table = g_strdup (xaso_column_text (stmt, 1));
      r->row_id = g_strdup (xaso_column_text (stmt, 2));
      r->reason_code = g_strdup (xaso_column_text (stmt, 3));
      r->reason = g_strdup (xaso_column_text (stmt, 4));
      r->received_at = g_strdup (xaso_column_text (stmt, 5));
      g_ptr_array_add (list, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error), NULL;
  for (guint i = 0; i < list->len; i++)
    {
      XasoSyncRejected *r = g_ptr_array_index (list, i);

      r->record = xaso_sync_record_label (db, r->table, r->row_id);
    }
  return g_steal_pointer (&list);
}

GPtrArray *
xaso_sync_log_list (XasoDatabase  *db,
                    guint          limit,
                    GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_sync_log_line_free);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT started_at, finished_at, sent, conflict, rejected, pulled, bytes_in, error, kind, tables, differing, "
    "repaired, recaptured FROM sync_log ORDER BY id DESC LIMIT ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XasoSyncLogLine *line = g_new0 (XasoSyncLogLine, 1);

      line->started_at = g_strdup (xaso_column_text (stmt, 0));
      line->finished_at = g_strdup (xaso_column_text (stmt, 1));
      line->sent = (guint) sqlite3_column_int (stmt, 2);
      line->conflicts = (guint) sqlite3_column_int (stmt, 3);
      line->rejected = (guint) sqlite3_column_int (stmt, 4);
      line->pulled = (guint) sqlite3_column_int (stmt, 5);
      line->bytes_in = (guint64) sqlite3_column_int64 (stmt, 6);
      line->error = g_strdup (xaso_column_text (stmt, 7));
      line->kind = g_strcmp0 (xaso_column_text (stmt, 8), "digest") == 0 ? XASO_SYNC_LOG_DIGEST : XASO_SYNC_LOG_SYNC;
      line->tables = (guint) sqlite3_column_int (stmt, 9);
      line->differing = (guint) sqlite3_column_int (stmt, 10);
      line->repaired = (guint) sqlite3_column_int (stmt, 11);
      line->recaptured = (guint) sqlite3_column_int (stmt, 12);
      g_ptr_array_add (list, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error), NULL;
  return g_steal_pointer (&list);
}

gboolean
xaso_sync_log_trim (XasoDatabase  *db,
                    GError       **error)
{
  return xaso_database_exec (db, "DELETE FROM sync_log WHERE id <= (SELECT max (id) FROM sync_log) - "
                                 G_STRINGIFY (LOG_LENGTH), error);
}

static char *
describe_digest (const XasoSyncLogLine *line)
{
  if (line->error != NULL)
    return g_strdup (_("Could not compare this computer’s data with the server’s"));
  if (line->differing == 0)
    return g_strdup_printf (_("Compared %u tables with the server’s: all agree"), line->tables);
  return g_strdup_printf (_("Compared %u tables with the server’s: %u differed; %u rows written again from the "
                            "server, %u rows sent to it again"),
                          line->tables, line->differing, line->repaired, line->recaptured);
}

char *
xaso_sync_log_line_describe (const XasoSyncLogLine *line)
{
  g_autofree char *what = NULL;

  if (line->kind == XASO_SYNC_LOG_DIGEST)
    what = describe_digest (line);
  else
    what = g_strdup_printf (_("%u sent, %u received, %u conflicts, %u refused"),
                            line->sent, line->pulled, line->conflicts, line->rejected);
  if (line->error == NULL)
    return g_steal_pointer (&what);
  return g_strdup_printf ("%s\n%s", what, line->error);
}
