/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>
#include <locale.h>
#include <string.h>

#include "xaso-commune-calendar.h"
#include "xasoctl-verbs.h"

static const XasoctlVerb verbs[] = {
  { "init", xasoctl_init, N_("Create the database and set up the commune") },
  { "demo", xasoctl_demo, N_("Create a demo commune with made-up residents, dossiers and documents") },
  { "search", xasoctl_search, N_("Search persons by name, ID number or address") },
  { "import", xasoctl_import, N_("Import persons from a CSV file") },
  { "export", xasoctl_export, N_("Export persons to a CSV file") },
  { "calendar", xasoctl_calendar, N_("List the non-working days of a year") },
  { "lunar", xasoctl_lunar, N_("Convert a solar date to the lunar calendar") },
  { "solar", xasoctl_solar, N_("Convert a lunar date to the solar calendar") },
  { "deadline", xasoctl_deadline, N_("Compute a due time in working days or hours") },
  { "id-check", xasoctl_id_check, N_("Check a 12-digit personal ID number") },
  { "pdf", xasoctl_pdf_verb, N_("Show, verify or sign PDFs (info, verify, sign)") },
  { "text", xasoctl_text_verb, N_("Convert TCVN3, VNI or Windows-1258 text to Unicode") },
  { "user", xasoctl_user, N_("Manage the commune’s accounts (add, list, set-password, deactivate)") },
  { "doc", xasoctl_doc, N_("Official documents: register, direct, handle, draft, sign, issue, list") },
  { "dossier", xasoctl_dossier, N_("One-stop dossiers: receive, step, show, list") },
  { "procedure", xasoctl_procedure, N_("The procedure catalogue: list, show, import, export") },
  { "report", xasoctl_report, N_("Reports for the leaders: the figures of a period (kpi)") },
  { "sync", xasoctl_sync, N_("Sync with the province’s server: enroll, sync, status") },
  { "check", xasoctl_check, N_("Check the database, the waiting changes and the audit log") },
};

char *
xasoctl_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "xaso", "xaso.db", NULL);
}

XasoDatabase *
xasoctl_open_database (XasoctlContext *ctx,
                       gboolean        need_commune)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = xaso_database_open (ctx->db_path, &error);

  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  if (need_commune && xaso_database_get_commune_code (db) == NULL)
    {
      g_printerr (_("The database “%s” has no commune yet: run “xasoctl init” or “xasoctl demo” first.\n"),
                  ctx->db_path);
      return NULL;
    }
  if (!xaso_commune_calendar_load (db, &error))
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  return g_steal_pointer (&db);
}

gboolean
xasoctl_open_with_actor (XasoctlContext  *ctx,
                         XasoDatabase   **db,
                         XasoUser       **actor,
                         gboolean         need_actor)
{
  g_autoptr(GError) error = NULL;

  *actor = NULL;
  *db = xasoctl_open_database (ctx, TRUE);
  if (*db == NULL)
    return FALSE;
  if (ctx->as_user == NULL && need_actor)
    g_set_error_literal (&error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED,
                         _("Say who acts with --as USERNAME: this verb checks that user’s rights."));
  else if (ctx->as_user != NULL)
    *actor = xaso_user_find (*db, ctx->as_user, &error);
  if (error == NULL)
    return TRUE;
  g_printerr ("%s\n", error->message);
  g_clear_object (db);
  return FALSE;
}

int
xasoctl_fail (GError *error)
{
  g_printerr ("%s\n", error->message);
  g_error_free (error);
  return 1;
}

int
xasoctl_usage (GOptionContext *options,
               const char     *message)
{
  g_autofree char *help = g_option_context_get_help (options, TRUE, NULL);

  if (message != NULL)
    g_printerr ("%s\n\n", message);
  g_printerr ("%s", help);
  return 2;
}

int
xasoctl_run_subverb (XasoctlContext     *ctx,
                     const XasoctlVerb  *sub_verbs,
                     guint               n_verbs,
                     int                 argc,
                     char              **argv,
                     const char         *usage)
{
  for (guint i = 0; argc >= 2 && i < n_verbs; i++)
    if (g_str_equal (argv[1], sub_verbs[i].name))
      return sub_verbs[i].run (ctx, argc - 1, argv + 1);
  g_printerr ("%s%s", usage, g_str_has_suffix (usage, "\n") ? "" : "\n");
  return 2;
}

char *
xasoctl_read_password (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (in);
  g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error);

  if (line == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("No password was given on standard input."));
      return NULL;
    }
  g_strchomp (line);
  return g_steal_pointer (&line);
}

static void
print_verbs (void)
{
  g_printerr (_("Usage: xasoctl [--db PATH] [--as USERNAME] VERB [ARGUMENTS…]\n\nVerbs:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_printerr ("  %-10s %s\n", verbs[i].name, _(verbs[i].summary));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *as_user = NULL;
  XasoctlContext ctx = { 0 };
  int first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("XASO_LOCALEDIR") ? g_getenv ("XASO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* Global options come before the verb; the verb parses the rest. */
  while (first < argc && (g_str_has_prefix (argv[first], "--db") || g_str_has_prefix (argv[first], "--as")))
    {
      char **target = g_str_has_prefix (argv[first], "--db") ? &db_path : &as_user;
      const char *inline_value = strchr (argv[first], '=');

      g_free (*target);
      if (inline_value != NULL)
        *target = g_strdup (inline_value + 1);
      else if (first + 1 < argc)
        *target = g_strdup (argv[++first]);
      first++;
    }
  if (db_path == NULL && g_getenv ("XASO_DB") != NULL)
    db_path = g_strdup (g_getenv ("XASO_DB"));
  if (db_path == NULL)
    db_path = xasoctl_default_db_path ();
  ctx.db_path = db_path;
  ctx.as_user = as_user;

  if (first >= argc)
    {
      print_verbs ();
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[first], verbs[i].name))
      return verbs[i].run (&ctx, argc - first, argv + first);

  g_printerr (_("Unknown verb “%s”.\n"), argv[first]);
  print_verbs ();
  return 2;
}
