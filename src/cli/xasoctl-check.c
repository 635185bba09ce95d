/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xasoctl-verbs.h"
#include "xaso-audit.h"

static gboolean
check_integrity (XasoDatabase *db)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "PRAGMA integrity_check", NULL);
  gboolean ok = FALSE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = xaso_column_text (stmt, 0);

      ok = g_strcmp0 (result, "ok") == 0;
      if (!ok)
        g_printerr (_("The database file is damaged: %s\n"), result);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ok;
}

static gboolean
check_audit (XasoDatabase *db)
{
  g_autoptr(GError) error = NULL;
  XasoAuditBreak brk = { 0 };
  guint64 n = 0;

  if (xaso_audit_verify (db, &n, &brk, &error))
    {
      g_print (_("Audit log: %llu events, chain intact\n"), (unsigned long long)n);
      return TRUE;
    }
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  else
    g_printerr (_("Audit log broken at event %lld of device %s (id %s): %s\n"),
                (long long)brk.seq, brk.device_id, brk.event_id, brk.reason);
  xaso_audit_break_clear (&brk);
  return FALSE;
}

/* Every op in the outbox must point at a record that exists. */
static gboolean
check_outbox (XasoDatabase *db)
{
  static const char * const tables[] = { "person", "household", "civil_status_event", "audit_event", NULL };
  gboolean ok = TRUE;

  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM outbox o WHERE o.table_name = '%s' "
        "AND NOT EXISTS (SELECT 1 FROM \"%s\" r WHERE r.id = o.row_id)", tables[i], tables[i]);
      sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);

      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
        {
          g_printerr (_("%lld waiting changes point at missing records in “%s”\n"),
                      (long long)sqlite3_column_int64 (stmt, 0), tables[i]);
          ok = FALSE;
        }
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }
  return ok;
}

int
xasoctl_check (XasoctlContext *ctx,
               int             argc,
               char          **argv)
{
  g_autoptr(XasoDatabase) db = xasoctl_open_database (ctx, FALSE);
  gboolean ok;

  if (db == NULL)
    return 1;
  ok = check_integrity (db);
  ok = check_outbox (db) && ok;
  ok = check_audit (db) && ok;
  if (ok)
    g_print (_("Database OK\n"));
  return ok ? 0 : 1;
}
