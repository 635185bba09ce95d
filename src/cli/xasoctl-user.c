/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-user.h"
#include "xasoctl-verbs.h"

/* xasoctl user add | list | set-password | deactivate: the commune's
 * accounts, managed as its administrator (--as USERNAME); core checks the
 * rights. Output is tab-separated, errors on standard error. */

static int
user_add (XasoctlContext  *ctx,
          int              argc,
          char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("USERNAME — add an account"));
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoUser) user = xaso_user_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *roles = NULL, *title = NULL, *unit = NULL, *password = NULL;
  gboolean password_stdin = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Full name of the account’s holder"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &roles, N_("Roles, comma-separated: van_thu, tiep_nhan, chuyen_vien, "
                                                    "lanh_dao, quan_tri"), "ROLE[,ROLE]" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title (chức vụ)"), "TITLE" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Unit (bộ phận)"), "UNIT" },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, N_("Read the password from standard input"),
      NULL },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (argc != 2 || name == NULL || roles == NULL || !password_stdin)
    return xasoctl_usage (options, _("Give the username, --name, --role and the password with --password-stdin."));
  if ((password = xasoctl_read_password (&error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  xaso_user_set (user, XASO_USER_USERNAME, argv[1]);
  xaso_user_set (user, XASO_USER_FULL_NAME, name);
  xaso_user_set (user, XASO_USER_ROLES, roles);
  xaso_user_set (user, XASO_USER_TITLE, title);
  xaso_user_set (user, XASO_USER_UNIT, unit);
  if (!xaso_user_add (db, actor, user, password, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("%s\n", xaso_record_get_id (XASO_RECORD (user)));
  return 0;
}

static int
user_list (XasoctlContext  *ctx,
           int              argc,
           char           **argv)
{
  g_autoptr(XasoDatabase) db = xasoctl_open_database (ctx, TRUE);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return 1;
  if ((users = xaso_user_list (db, &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < users->len; i++)
    {
      XasoUser *user = g_ptr_array_index (users, i);
      g_autofree char *roles = xaso_roles_to_string (xaso_user_get_roles (user));

      g_print ("%s\t%s\t%s\t%s\n", xaso_user_get (user, XASO_USER_USERNAME),
               xaso_user_get (user, XASO_USER_FULL_NAME), roles,
               xaso_user_is_active (user) ? "active" : "inactive");
    }
  return 0;
}

/* The account named by argv[1] of a sub-verb that takes one. */
static XasoUser *
named_user (XasoDatabase  *db,
            int            argc,
            char         **argv,
            GError       **error)
{
  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("Give one username."));
      return NULL;
    }
  return xaso_user_find (db, argv[1], error);
}

static int
user_set_password (XasoctlContext  *ctx,
                   int              argc,
                   char           **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (argc != 3 || !g_str_equal (argv[2], "--password-stdin"))
    {
      g_printerr ("%s\n", _("Usage: xasoctl [--as USERNAME] user set-password USERNAME --password-stdin"));
      return 2;
    }
  if ((password = xasoctl_read_password (&error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  if ((user = named_user (db, argc - 1, argv, &error)) == NULL ||
      !xaso_user_change_password (db, actor, user, password, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

static int
user_deactivate (XasoctlContext  *ctx,
                 int              argc,
                 char           **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoUser) user = NULL;
  g_autoptr(GError) error = NULL;

  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  if ((user = named_user (db, argc, argv, &error)) == NULL ||
      !xaso_user_deactivate (db, actor, user, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

static const XasoctlVerb user_verbs[] = {
  { "add", user_add, NULL },
  { "list", user_list, NULL },
  { "set-password", user_set_password, NULL },
  { "deactivate", user_deactivate, NULL },
};

int
xasoctl_user (XasoctlContext *ctx,
              int             argc,
              char          **argv)
{
  return xasoctl_run_subverb (ctx, user_verbs, G_N_ELEMENTS (user_verbs), argc, argv,
                              _("Usage: xasoctl [--as USERNAME] user add|list|set-password|deactivate …"));
}
