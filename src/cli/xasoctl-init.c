/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xasoctl-verbs.h"
#include "xaso-commune.h"
#include "xaso-user.h"

/* The commune's first account, its administrator. */
static gboolean
add_admin (XasoDatabase  *db,
           const char    *username,
           const char    *full_name,
           GError       **error)
{
  g_autoptr(XasoUser) admin = xaso_user_new ();
  g_autofree char *password = xasoctl_read_password (error);

  if (password == NULL)
    return FALSE;
  xaso_user_set (admin, XASO_USER_USERNAME, username);
  xaso_user_set (admin, XASO_USER_FULL_NAME, full_name ? full_name : _("System administrator"));
  xaso_user_set (admin, XASO_USER_ROLES, "quan_tri");
  return xaso_user_add (db, NULL, admin, password, error);
}

/* xasoctl init: creates the database and, when the commune's details are
 * given, sets the commune up, with its administrator when one is named. */
int
xasoctl_init (XasoctlContext *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("— create the database"));
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  XasoCommune commune = { 0 };
  g_autofree char *admin = NULL, *admin_name = NULL;
  gboolean password_stdin = FALSE;
  GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_STRING, &commune.code, N_("Commune code (5 digits)"), "CODE" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &commune.name, N_("Commune name"), "NAME" },
    { "province-code", 0, 0, G_OPTION_ARG_STRING, &commune.province_code, N_("Province code (2 digits)"), "CODE" },
    { "province", 0, 0, G_OPTION_ARG_STRING, &commune.province_name, N_("Province name"), "NAME" },
    { "agency-id", 0, 0, G_OPTION_ARG_STRING, &commune.agency_eid, N_("Agency electronic id"), "ID" },
    { "admin", 0, 0, G_OPTION_ARG_STRING, &admin, N_("Username of the commune’s administrator"), "USERNAME" },
    { "admin-name", 0, 0, G_OPTION_ARG_STRING, &admin_name, N_("Full name of the administrator"), "NAME" },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin,
      N_("Read the administrator’s password from standard input"), NULL },
    { NULL }
  };
  int status = 0;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (admin != NULL && (!password_stdin || commune.code == NULL))
    return xasoctl_usage (options, _("An administrator is made with the commune (--code …) and a password given "
                                     "with --password-stdin."));

  db = xasoctl_open_database (ctx, FALSE);
  if (db == NULL)
    status = 1;
  else if (commune.code != NULL && !xaso_commune_setup (db, &commune, &error))
    status = xasoctl_fail (g_steal_pointer (&error));
  else if (admin != NULL && !add_admin (db, admin, admin_name, &error))
    status = xasoctl_fail (g_steal_pointer (&error));
  else
    g_print (_("Database ready: %s\n"), xaso_database_get_path (db));

  g_free (commune.code);
  g_free (commune.name);
  g_free (commune.province_code);
  g_free (commune.province_name);
  g_free (commune.agency_eid);
  return status;
}
