/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xaso-server-admin.h"
#include "xaso-server-http.h"
#include "xaso-server-prune.h"
#include "xaso-server-system.h"
#include "xaso-server-users.h"

/* xaso-server: the province's sync server (src/sync/PROTOCOL.md) and the
 * administrator's verbs around it. Messages here are for the administrator,
 * in English; Vietnamese is for the desktops' users, in HTTP answers. */

typedef int (*Verb) (int argc, char **argv);

static char *config_path = NULL;

static const GOptionEntry config_entries[] = {
  { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_path,
    "The configuration file (default " XASO_SERVER_DEFAULT_CONFIG ")", "FILE" },
  { NULL }
};

static int
report (GError *error)
{
  g_printerr ("xaso-server: %s\n", error->message);
  g_error_free (error);
  return 1;
}

/* Parses the verb's options and loads the configuration. */
static XasoServerConfig *
prepare (int                 *argc,
         char              ***argv,
         const char          *parameters,
         const char          *summary,
         const GOptionEntry  *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  GError *error = NULL;
  XasoServerConfig *config;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, config_entries, NULL);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    return report (error), NULL;
  config = xaso_server_config_load (config_path ? config_path : XASO_SERVER_DEFAULT_CONFIG, &error);
  if (config == NULL)
    report (error);
  return config;
}

static int
verb_serve (int    argc,
            char **argv)
{
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Answers the desktops over HTTPS until SIGTERM or SIGINT.", NULL);

  if (config == NULL)
    return 1;
  if (argc > 1)
    return g_printerr ("xaso-server serve: unexpected “%s”\n", argv[1]), 1;
  return xaso_server_serve (config);
}

static int
verb_init_db (int    argc,
              char **argv)
{
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Creates or completes the database schema, its roles and row-level security.", NULL);
  GError *error = NULL;
  guint claimed = 0;

  if (config == NULL)
    return 1;
  if (!xaso_server_init_db (config, &claimed, &error))
    return report (error);
  /* Numbers the log held before they were claimed (0 on a second run). */
  g_print ("numbers_claimed\t%u\n", claimed);
  return 0;
}

static int
commune_add (int    argc,
             char **argv)
{
  g_autofree char *name = NULL, *province_code = NULL, *province_name = NULL;
  g_autofree char *agency_eid = NULL, *agency_name = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "The commune's name (Xã Tân Lập)", "NAME" },
    { "province-code", 0, 0, G_OPTION_ARG_STRING, &province_code, "The province's 2-digit code", "CODE" },
    { "province-name", 0, 0, G_OPTION_ARG_STRING, &province_name, "The province's name", "NAME" },
    { "agency-eid", 0, 0, G_OPTION_ARG_STRING, &agency_eid, "The agency's electronic id", "EID" },
    { "agency-name", 0, 0, G_OPTION_ARG_STRING, &agency_name, "The agency's name (UBND xã …)", "NAME" },
    { NULL }
  };
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "CODE", "Adds a commune, named by its 5-digit statistical code.", entries);
  GError *error = NULL;
  XasoServerCommune commune;

  if (config == NULL)
    return 1;
  if (argc != 2)
    return g_printerr ("xaso-server commune add: give the commune's code (see --help)\n"), 1;
  commune = (XasoServerCommune) { argv[1], name, province_code, province_name, agency_eid, agency_name };
  if (!xaso_server_commune_add (config, &commune, &error))
    return report (error);
  return 0;
}

static int
commune_list (int    argc,
              char **argv)
{
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Lists the communes: code, name, province code and name, agency id and name, "
             "separated by tabs.", NULL);
  GError *error = NULL;

  if (config == NULL)
    return 1;
  if (!xaso_server_commune_list (config, &error))
    return report (error);
  return 0;
}

static int
verb_commune (int    argc,
              char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return commune_add (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return commune_list (argc - 1, argv + 1);
  g_printerr ("Usage: xaso-server commune add CODE --name … | xaso-server commune list\n");
  return 1;
}

static int
verb_enroll (int    argc,
             char **argv)
{
  g_autofree char *commune = NULL;
  const GOptionEntry entries[] = {
    { "commune", 0, 0, G_OPTION_ARG_STRING, &commune, "The commune the desktop will serve", "CODE" },
    { NULL }
  };
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Prints a one-time enrollment code for a desktop of the commune.", entries);
  g_autofree char *expires = NULL;
  g_autofree char *code = NULL;
  GError *error = NULL;

  if (config == NULL)
    return 1;
  if (commune == NULL)
    return g_printerr ("xaso-server enroll: give --commune CODE\n"), 1;
  code = xaso_server_enroll (config, commune, &expires, &error);
  if (code == NULL)
    return report (error);
  g_print ("%s\n", code);
  g_printerr ("Usable once, until %s.\n", expires);
  return 0;
}

static int
system_add (int    argc,
            char **argv)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) communes = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "What the system is (Cổng DVC tỉnh, Ki-ốt xã …)", "NAME" },
    { "commune", 0, 0, G_OPTION_ARG_STRING_ARRAY, &communes,
      "A commune it may submit to (repeat; none: every commune)", "CODE" },
    { NULL }
  };
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Adds a system that submits online dossiers to the inbox and prints its token "
             "(shown this once).", entries);
  g_autofree char *id = NULL;
  g_autofree char *token = NULL;
  GError *error = NULL;

  if (config == NULL)
    return 1;
  if (argc > 1)
    return g_printerr ("xaso-server system add: unexpected “%s”\n", argv[1]), 1;
  token = xaso_server_system_add (config, name, (const char * const *) communes, &id, &error);
  if (token == NULL)
    return report (error);
  g_print ("%s\n", token);
  g_printerr ("System %s added. Keep its token now: only its hash is stored.\n", id);
  return 0;
}

static int
system_list (int    argc,
             char **argv)
{
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Lists the systems: id, name, communes (* for all), created, active or revoked, "
             "separated by tabs.", NULL);
  GError *error = NULL;

  if (config == NULL)
    return 1;
  if (!xaso_server_system_list (config, &error))
    return report (error);
  return 0;
}

static int
system_revoke (int    argc,
               char **argv)
{
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "ID", "Revokes a system's token for good.", NULL);
  GError *error = NULL;

  if (config == NULL)
    return 1;
  if (argc != 2)
    return g_printerr ("xaso-server system revoke: give the system's id (see “system list”)\n"), 1;
  if (!xaso_server_system_revoke (config, argv[1], &error))
    return report (error);
  return 0;
}

static int
verb_system (int    argc,
             char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return system_add (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return system_list (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "revoke"))
    return system_revoke (argc - 1, argv + 1);
  g_printerr ("Usage: xaso-server system add --name NAME [--commune CODE …] | system list | system revoke ID\n");
  return 1;
}

/* The first line of @path, without its line end. */
static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  contents[strcspn (contents, "\r\n")] = '\0';
  return g_steal_pointer (&contents);
}

static int
user_add (int    argc,
          char **argv)
{
  g_autofree char *commune = NULL, *username = NULL, *name = NULL, *role = NULL, *password_file = NULL;
  const GOptionEntry entries[] = {
    { "commune", 0, 0, G_OPTION_ARG_STRING, &commune, "The commune of the account", "CODE" },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username, "The name to sign in with (nguyen.van.a)", "USERNAME" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "The holder's full name", "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      "van_thu, tiep_nhan, chuyen_vien, lanh_dao or quan_tri (several: comma-separated)", "ROLE" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      "Read the password from the first line of this file (none: one is made and printed)", "FILE" },
    { NULL }
  };
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Adds an account to a commune; its desktops pull it. Prints the account's id, "
             "then the password made for it when no file gave one.", entries);
  g_autofree char *password = NULL;
  g_autofree char *made = NULL;
  g_autofree char *id = NULL;
  XasoServerUser user;
  GError *error = NULL;

  if (config == NULL)
    return 1;
  if (argc > 1)
    return g_printerr ("xaso-server user add: unexpected “%s”\n", argv[1]), 1;
  if (password_file != NULL && (password = read_password_file (password_file, &error)) == NULL)
    return report (error);
  user = (XasoServerUser) { commune, username, name, role, password };
  if ((id = xaso_server_user_add (config, &user, &made, &error)) == NULL)
    return report (error);
  g_print ("%s\n", id);
  if (made != NULL)
    {
      g_print ("%s\n", made);
      g_printerr ("Give the holder this password (shown once); they change it on a desktop.\n");
    }
  return 0;
}

static int
user_list (int    argc,
           char **argv)
{
  g_autofree char *commune = NULL;
  const GOptionEntry entries[] = {
    { "commune", 0, 0, G_OPTION_ARG_STRING, &commune, "The commune", "CODE" },
    { NULL }
  };
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Lists a commune's accounts as the server holds them: username, full name, roles, "
             "active (1 or 0), separated by tabs.", entries);
  GError *error = NULL;

  if (config == NULL)
    return 1;
  if (!xaso_server_user_list (config, commune, &error))
    return report (error);
  return 0;
}

static int
verb_user (int    argc,
           char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return user_add (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return user_list (argc - 1, argv + 1);
  g_printerr ("Usage: xaso-server user add --commune CODE --username U --name NAME --role ROLE "
              "[--password-file F] | user list --commune CODE\n");
  return 1;
}

static int
verb_lease (int    argc,
            char **argv)
{
  g_autofree char *commune = NULL;
  g_autofree char *register_id = NULL;
  const GOptionEntry entries[] = {
    { "commune", 0, 0, G_OPTION_ARG_STRING, &commune, "The commune", "CODE" },
    { "register", 0, 0, G_OPTION_ARG_STRING, &register_id, "The register's id (release)", "ID" },
    { NULL }
  };
  gboolean release = argc >= 2 && g_str_equal (argv[1], "release");
  gboolean list = argc >= 2 && g_str_equal (argv[1], "list");
  g_autoptr(XasoServerConfig) config = NULL;
  GError *error = NULL;

  if (!release && !list)
    {
      g_printerr ("Usage: xaso-server lease list --commune CODE | "
                  "xaso-server lease release --commune CODE --register ID\n");
      return 1;
    }
  argc--, argv++;
  config = prepare (&argc, &argv, "", release
                    ? "Frees a register's lease so that another desktop can take it (its numbers stay used)."
                    : "Lists the register leases: register, year, device, its name, until.", entries);
  if (config == NULL)
    return 1;
  if (commune == NULL)
    return g_printerr ("xaso-server lease: give --commune CODE\n"), 1;
  if (release ? !xaso_server_lease_release (config, commune, register_id, &error)
              : !xaso_server_lease_list (config, commune, &error))
    return report (error);
  return 0;
}

static void
print_pruned (const char *commune,
              const char *name,
              gint64      received,
              gint64      size,
              gpointer    user_data)
{
  g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n", commune, name, received, size);
}

static int
blobs_prune (int    argc,
             char **argv)
{
  int days = 0;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days,
      "Prune uploads untouched for this many days (default: partial-upload-days of the configuration)", "N" },
    { NULL }
  };
  g_autoptr(XasoServerConfig) config =
    prepare (&argc, &argv, "", "Deletes the partial uploads no chunk reached for partial-upload-days (never a "
             "complete blob). Prints each: commune, name, bytes kept, size, separated by tabs.", entries);
  g_autoptr(XasoPg) pg = NULL;
  XasoServerPruned pruned;
  GError *error = NULL;

  if (config == NULL)
    return 1;
  if (argc > 1)
    return g_printerr ("xaso-server blobs prune: unexpected “%s”\n", argv[1]), 1;
  if (days < 0 || days > 365)
    return g_printerr ("xaso-server blobs prune: --days must be from 1 to 365\n"), 1;
  if ((pg = xaso_server_admin_connect (config, &error)) == NULL ||
      !xaso_server_blobs_prune (pg, days > 0 ? days : config->partial_upload_days, &pruned, print_pruned, NULL,
                                &error))
    return report (error);
  g_printerr ("Pruned %u partial upload(s), %" G_GINT64_FORMAT " bytes.\n", pruned.uploads, pruned.bytes);
  return 0;
}

static int
verb_blobs (int    argc,
            char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "prune"))
    return blobs_prune (argc - 1, argv + 1);
  g_printerr ("Usage: xaso-server blobs prune [--days N]\n");
  return 1;
}

static const struct
{
  const char *name;
  Verb        run;
  const char *summary;
} verbs[] = {
  { "serve", verb_serve, "Answer the desktops over HTTPS (the default)" },
  { "init-db", verb_init_db, "Create the database schema, roles and row-level security" },
  { "commune", verb_commune, "Add or list communes (add CODE --name …, list)" },
  { "enroll", verb_enroll, "Print a one-time enrollment code (--commune CODE)" },
  { "user", verb_user, "Add or list a commune's accounts (add --commune CODE --username …, list)" },
  { "system", verb_system, "Add, list or revoke systems that submit to the inbox" },
  { "lease", verb_lease, "List or release register leases (list|release --commune CODE [--register ID])" },
  { "blobs", verb_blobs, "Delete abandoned partial uploads (prune [--days N])" },
};

static int
usage (void)
{
  g_printerr ("Usage: xaso-server [VERB] [--config FILE] …\n\nVerbs:\n");
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_printerr ("  %-10s %s\n", verbs[i].name, verbs[i].summary);
  return 1;
}

/* The verb's position: the first argument that is not an option or the
 * configuration file's name, so "--config F init-db" works like
 * "init-db --config F". -1 when there is none. */
static int
find_verb (int    argc,
           char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--config") || g_str_equal (argv[i], "-c"))
        i++;
      else if (argv[i][0] != '-')
        return i;
    }
  return -1;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char **args = NULL;
  int at;

  setlocale (LC_ALL, "");
  g_set_prgname ("xaso-server");
  if (argc >= 2 && g_str_equal (argv[1], "--help-verbs"))
    return usage ();
  /* No verb, or options only: serve, as systemd starts it. */
  at = find_verb (argc, argv);
  if (at < 0)
    return verb_serve (argc, argv);
  /* The verb first, as its own option parser expects, then what followed
   * it (a sub-verb such as "commune add" stays second), then what came
   * before it. */
  args = g_new0 (char *, argc + 1);
  for (int i = at, n = 0; n < argc - 1; i = i + 1 < argc ? i + 1 : 1)
    args[n++] = argv[i];
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (args[0], verbs[i].name))
      return verbs[i].run (argc - 1, args);
  g_printerr ("xaso-server: unknown verb “%s”\n", args[0]);
  return usage ();
}
