/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-dossier-code.h"
#include "xaso-sync-clock.h"
#include "xaso-sync-conflicts.h"
#include "xaso-sync-digest.h"
#include "xaso-sync-enroll.h"
#include "xaso-sync-history.h"
#include "xaso-sync-leases.h"
#include "xaso-register.h"
#include "xaso-sync-settings.h"
#include "xaso-sync-run.h"
#include "xasoctl-verbs.h"

/* xasoctl sync enroll | status | conflicts | resolve | digest | log, and
 * xasoctl sync [--once] [--report]: the scriptable twins of the Đồng bộ
 * page. Status lines are name<TAB>value. */

static int
sync_enroll (XasoctlContext  *ctx,
             int              argc,
             char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("— enroll this computer with the province’s server"));
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL, *code = NULL, *ca = NULL, *name = NULL, *fingerprint = NULL;
  g_autoptr(XasoSyncStatus) status = NULL;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The server’s address"), "https://HOST:PORT" },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("The one-time enrollment code from the administrator"), "CODE" },
    { "ca", 0, 0, G_OPTION_ARG_FILENAME, &ca, N_("The server’s CA certificate (PEM), to pin; without it, what the server presents is pinned and its fingerprint printed to compare"), "FILE.pem" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("This computer’s name as the server lists it"), "NAME" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (argc != 1 || server == NULL || code == NULL)
    return xasoctl_usage (options, _("Give --server and --code."));
  if ((db = xasoctl_open_database (ctx, FALSE)) == NULL)
    return 1;
  if (!xaso_sync_enroll (db, server, code, ca, name, &fingerprint, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("ca_fingerprint\t%s\n", fingerprint);
  g_print ("commune\t%s\n", xaso_database_get_commune_code (db));
  g_print ("device\t%s\n", xaso_database_get_device_id (db));
  status = xaso_sync_status_read (db, NULL);
  if (status != NULL)
    g_print ("waiting\t%u\n", status->waiting);
  return 0;
}

static void
print_report (const XasoSyncReport *report)
{
  g_print ("sent\t%u\n", report->sent);
  for (int outcome = XASO_SYNC_APPLIED; outcome <= XASO_SYNC_REJECTED; outcome++)
    g_print ("%s\t%u\n", xaso_sync_outcome_name (outcome), report->outcomes[outcome]);
  g_print ("pulled\t%u\n", report->pulled);
  g_print ("conflicts_found\t%u\n", report->conflicts_found);
  g_print ("bytes_in\t%" G_GUINT64_FORMAT "\n", report->bytes_in);
  g_print ("uploaded\t%u\n", report->uploaded);
  g_print ("downloaded\t%u\n", report->downloaded);
}

/* A wrong clock is said where the person syncing sees it. */
static void
warn_clock (XasoDatabase *db)
{
  g_autoptr(XasoSyncStatus) status = xaso_sync_status_read (db, NULL);
  g_autofree char *words = NULL;

  if (status != NULL && status->clock_known && (words = xaso_sync_describe_clock (status->clock_skew)) != NULL)
    g_printerr (_("Warning: %s. Set this computer’s date and time: the times written on records come from it.\n"),
                words);
}

static int
sync_once (XasoctlContext  *ctx,
           int              argc,
           char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("— push what waits, pull what is new"));
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  XasoSyncReport report = { 0 };
  gboolean once = FALSE, print = FALSE;
  GOptionEntry entries[] = {
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, N_("Sync once and stop (the default)"), NULL },
    { "report", 0, 0, G_OPTION_ARG_NONE, &print, N_("Print what went and what came"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if (!xaso_sync_run_once (db, &report, NULL, &error))
    {
      if (print)
        print_report (&report);
      warn_clock (db);
      return xasoctl_fail (g_steal_pointer (&error));
    }
  if (print)
    print_report (&report);
  warn_clock (db);
  return 0;
}

static int
sync_status (XasoctlContext  *ctx,
             int              argc,
             char           **argv)
{
  g_autoptr(XasoDatabase) db = xasoctl_open_database (ctx, TRUE);
  g_autoptr(XasoSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return 1;
  if ((status = xaso_sync_status_read (db, &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("waiting\t%u\n", status->waiting);
  g_print ("conflicts\t%u\n", status->conflicts);
  g_print ("rejected\t%u\n", status->rejected);
  g_print ("synced\t%s\n", status->synced ? "yes" : "no");
  g_print ("enrolled\t%s\n", status->enrolled ? "yes" : "no");
  g_print ("desk\t%s\n", xaso_dossier_desk_is_on (db) ? "yes" : "no");
  g_print ("held\t%u\n", status->held);
  g_print ("uploads\t%u\n", status->uploads);
  g_print ("downloads\t%u\n", status->downloads);
  g_print ("oldest_waiting\t%s\n", status->oldest_waiting ? status->oldest_waiting : "");
  g_print ("last_push\t%s\n", status->last_push ? status->last_push : "");
  g_print ("last_pull\t%s\n", status->last_pull ? status->last_pull : "");
  g_print ("pull_seq\t%" G_GINT64_FORMAT "\n", status->pull_seq);
  g_print ("last_error\t%s\n", status->last_error ? status->last_error : "");
  if (status->clock_known)
    g_print ("clock_skew\t%" G_GINT64_FORMAT "\n", status->clock_skew);
  else
    g_print ("clock_skew\t\n");
  return 0;
}

/* id, table, row, field, the value shown, the other, who made the other,
 * and whether the other was made here or elsewhere: one line per open
 * conflict. */
static int
sync_conflicts (XasoctlContext  *ctx,
                int              argc,
                char           **argv)
{
  g_autoptr(XasoDatabase) db = xasoctl_open_database (ctx, TRUE);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return 1;
  if ((conflicts = xaso_sync_conflicts_list (db, &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < conflicts->len; i++)
    {
      XasoSyncConflict *c = g_ptr_array_index (conflicts, i);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c->id, c->table, c->row_id, c->field, c->kept, c->other,
               c->other_actor ? c->other_actor : "", c->other_is_mine ? "here" : "elsewhere");
    }
  return 0;
}

static int
sync_resolve (XasoctlContext  *ctx,
              int              argc,
              char           **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  XasoSyncConflict *conflict = NULL;
  XasoSyncKeep keep = XASO_SYNC_KEEP_VALUE;

  if (argc != 4 || !g_str_equal (argv[2], "--keep"))
    {
      g_printerr ("%s\n", _("Usage: xasoctl --as USERNAME sync resolve ID --keep mine|theirs|VALUE"));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  if ((conflicts = xaso_sync_conflicts_list (db, &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < conflicts->len; i++)
    if (g_str_equal (((XasoSyncConflict *) g_ptr_array_index (conflicts, i))->id, argv[1]))
      conflict = g_ptr_array_index (conflicts, i);
  /* "mine" is the value made on this computer: the one held beside when
   * this computer's lost, else the one shown. */
  if (conflict != NULL && (g_str_equal (argv[3], "mine") || g_str_equal (argv[3], "theirs")))
    keep = g_str_equal (argv[3], "mine") == conflict->other_is_mine ? XASO_SYNC_KEEP_OTHER : XASO_SYNC_KEEP_KEPT;
  if (!xaso_sync_conflict_resolve (db, argv[1], keep, argv[3], xaso_record_get_id (XASO_RECORD (actor)), &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

/* This desktop's registers (who gives their numbers, until when) and its
 * dossier code blocks (xaso-sync-leases.h says the columns). */
static int
sync_leases (XasoctlContext  *ctx,
             int              argc,
             char           **argv)
{
  g_autoptr(XasoDatabase) db = xasoctl_open_database (ctx, TRUE);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return 1;
  if ((lines = xaso_sync_leases_list (db, &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < lines->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (lines, i));
  return 0;
}

/* The register named by its id, or by its kind and year (made if the year
 * has none yet, as the first number would make it). */
static char *
find_register (XasoDatabase  *db,
               const char    *name,
               int            year,
               GError       **error)
{
  XasoRegisterKind kind;

  if (!xaso_register_kind_from_string (name, &kind))
    return g_strdup (name);
  return xaso_register_open (db, kind, year, "xasoctl", error);
}

static int
sync_lease (XasoctlContext  *ctx,
            int              argc,
            char           **argv)
{
  g_autoptr(GOptionContext) options =
    g_option_context_new (_("REGISTER — ask the server for a register’s numbers (its id, or incoming, outgoing, "
                            "legal, confidential_incoming, confidential_outgoing)"));
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoSyncHttp) http = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *id = NULL;
  int year = g_date_time_get_year (now);
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The register’s year (this year if not given)"), "YEAR" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (argc != 2)
    return xasoctl_usage (options, _("Name one register."));
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if ((http = xaso_sync_connect (db, &error)) == NULL ||
      (id = find_register (db, argv[1], year, &error)) == NULL ||
      !xaso_sync_lease_register (db, http, id, NULL, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("register\t%s\tgranted\n", id);
  return 0;
}

/* Whether this computer is a reception desk (Bộ phận một cửa), which alone
 * takes blocks of dossier codes and receives dossiers at the counter. */
static int
sync_desk (XasoctlContext  *ctx,
           int              argc,
           char           **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2 || (!g_str_equal (argv[1], "on") && !g_str_equal (argv[1], "off")))
    {
      g_printerr ("%s\n", _("Usage: xasoctl sync desk on|off"));
      return 2;
    }
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if (!xaso_database_is_enrolled (db))
    {
      g_printerr ("%s\n", _("This computer is not enrolled with a server: it is its commune’s only computer and "
                            "receives every dossier. Enroll it first."));
      return 1;
    }
  if (!xaso_dossier_desk_set (db, g_str_equal (argv[1], "on"), &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("desk\t%s\n", xaso_dossier_desk_is_on (db) ? "yes" : "no");
  return 0;
}

/* Compares this computer's tables with the server's digest once and repairs
 * what differs; "comparable no" when ops wait or the pull is behind. */
static int
sync_digest (XasoctlContext  *ctx,
             int              argc,
             char           **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  XasoSyncDigestReport report = { 0 };

  if (argc != 1)
    {
      g_printerr ("%s\n", _("Usage: xasoctl sync digest"));
      return 2;
    }
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if (!xaso_sync_digest_once (db, &report, NULL, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("comparable\t%s\n", report.comparable ? "yes" : "no");
  g_print ("tables\t%u\n", report.tables);
  g_print ("differing\t%u\n", report.differing);
  g_print ("repaired\t%u\n", report.repaired);
  g_print ("recaptured\t%u\n", report.recaptured);
  return 0;
}

/* The log the Đồng bộ page shows, newest first: kind (sync or digest), when
 * it started and finished, its counts as name=value, and what the page says
 * of it. */
static int
sync_log (XasoctlContext  *ctx,
          int              argc,
          char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("— the last syncs and digests, newest first"));
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  int limit = 20;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("How many lines (20 if not given)"), "N" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (argc != 1 || limit < 1)
    return xasoctl_usage (options, _("Give a positive --limit and nothing else."));
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if ((lines = xaso_sync_log_list (db, (guint) limit, &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < lines->len; i++)
    {
      XasoSyncLogLine *line = g_ptr_array_index (lines, i);
      g_autofree char *words = xaso_sync_log_line_describe (line);
      g_autofree char *counts = NULL;

      if (line->kind == XASO_SYNC_LOG_DIGEST)
        counts = g_strdup_printf ("tables=%u differing=%u repaired=%u recaptured=%u", line->tables,
                                  line->differing, line->repaired, line->recaptured);
      else
        counts = g_strdup_printf ("sent=%u pulled=%u conflicts=%u rejected=%u", line->sent, line->pulled,
                                  line->conflicts, line->rejected);
      g_strdelimit (words, "\t\n", ' ');
      g_print ("%s\t%s\t%s\t%s\t%s\n", line->kind == XASO_SYNC_LOG_DIGEST ? "digest" : "sync", line->started_at,
               line->finished_at, counts, words);
    }
  return 0;
}

int
xasoctl_sync (XasoctlContext  *ctx,
              int              argc,
              char           **argv)
{
  static const XasoctlVerb verbs[] = {
    { "enroll", sync_enroll, NULL },
    { "status", sync_status, NULL },
    { "conflicts", sync_conflicts, NULL },
    { "resolve", sync_resolve, NULL },
    { "leases", sync_leases, NULL },
    { "lease", sync_lease, NULL },
    { "digest", sync_digest, NULL },
    { "log", sync_log, NULL },
    { "desk", sync_desk, NULL },
  };

  if (argc < 2 || argv[1][0] == '-')
    return sync_once (ctx, argc, argv);
  return xasoctl_run_subverb (ctx, verbs, G_N_ELEMENTS (verbs), argc, argv,
                              _("Usage: xasoctl sync [--once] [--report] | sync enroll --server URL --code CODE "
                                "[--ca FILE.pem] [--name NAME] | sync status | sync conflicts | sync digest | "
                                "sync log [--limit N] | sync resolve ID --keep mine|theirs|VALUE | sync leases | "
                                "sync lease REGISTER [--year YEAR] | sync desk on|off"));
}
