/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xaso-password.h"
#include "xaso-user.h"

/* Wrong passwords are counted per username on this desktop, in its local
 * state (never synced): "COUNT LAST-FAILURE-UNIX-TIME". */
#define FREE_TRIES    3
#define FIRST_WAIT    5
#define LONGEST_WAIT  300

static char *
failures_key (const char *username)
{
  return g_strconcat ("sign-in-failures:", username, NULL);
}

static void
read_failures (XasoDatabase *db,
               const char   *username,
               guint        *count,
               gint64       *last)
{
  g_autofree char *key = failures_key (username);
  g_autofree char *value = xaso_database_get_state (db, key);

  *count = 0;
  *last = 0;
  if (value != NULL)
    sscanf (value, "%u %" G_GINT64_FORMAT, count, last);
}

static gint64
wait_after (guint count)
{
  if (count < FREE_TRIES)
    return 0;
  return MIN ((gint64) FIRST_WAIT << MIN (count - FREE_TRIES, 16u), LONGEST_WAIT);
}

static void
write_failures (XasoDatabase *db,
                const char   *username,
                guint         count)
{
  g_autofree char *key = failures_key (username);
  g_autofree char *value = g_strdup_printf ("%u %" G_GINT64_FORMAT, count, g_get_real_time () / G_USEC_PER_SEC);

  if (!xaso_database_set_state (db, key, count > 0 ? value : "0 0", NULL))
    g_warning ("Could not count a wrong password for %s", username);
}

static gboolean
refuse_wrong (XasoDatabase  *db,
              const char    *username,
              guint          count,
              GError       **error)
{
  gint64 wait = wait_after (count + 1);

  write_failures (db, username, count + 1);
  if (wait > 0)
    g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_WRONG_PASSWORD,
                 g_dngettext (GETTEXT_PACKAGE, "The username or password is wrong. Try again in %d second.",
                              "The username or password is wrong. Try again in %d seconds.", wait), (int) wait);
  else
    g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_WRONG_PASSWORD,
                         _("The username or password is wrong."));
  return FALSE;
}

/* Still waiting after the last wrong password? Then the password is not
 * even checked. */
static gboolean
check_waited (guint    count,
              gint64   last,
              GError **error)
{
  gint64 left = last + wait_after (count) - g_get_real_time () / G_USEC_PER_SEC;

  if (left <= 0)
    return TRUE;
  g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_SLOWED,
               g_dngettext (GETTEXT_PACKAGE,
                            "The password was wrong %u times. Wait %d more second before trying again.",
                            "The password was wrong %u times. Wait %d more seconds before trying again.", left),
               count, (int) left);
  return FALSE;
}

XasoUser *
xaso_user_sign_in (XasoDatabase  *db,
                   const char    *username,
                   const char    *password,
                   GError       **error)
{
  g_autoptr(XasoUser) user = NULL;
  guint count;
  gint64 last;

  read_failures (db, username, &count, &last);
  if (!check_waited (count, last, error))
    return NULL;
  user = xaso_user_find (db, username, NULL);
  /* An unknown username is told apart from a wrong password to nobody. */
  if (user == NULL || !xaso_password_check (xaso_user_get (user, XASO_USER_PASSWORD_VERIFIER), password))
    {
      refuse_wrong (db, username, count, error);
      return NULL;
    }
  if (!xaso_user_is_active (user))
    {
      g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_INACTIVE,
                   _("The account “%s” has been deactivated. Ask the administrator."), username);
      return NULL;
    }
  if (count > 0)
    write_failures (db, username, 0);
  return g_steal_pointer (&user);
}
