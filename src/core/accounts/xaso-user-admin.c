/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-user.h"

/* Accounts as an administrator manages them. Every change is a record save
 * (with its op and audit entry), by the administrator as actor. */

static gboolean
has_accounts (XasoDatabase  *db,
              gboolean      *any,
              GError       **error)
{
  g_autoptr(GPtrArray) users = xaso_user_list (db, error);

  if (users == NULL)
    return FALSE;
  *any = users->len > 0;
  return TRUE;
}

static const char *
actor_name (XasoUser *actor,
            XasoUser *user)
{
  return xaso_user_get (actor ? actor : user, XASO_USER_USERNAME);
}

typedef struct
{
  XasoUser   *actor;
  XasoUser   *user;
  const char *password;
} AddJob;

static gboolean
add_in_transaction (XasoDatabase  *db,
                    gpointer       data,
                    GError       **error)
{
  AddJob *job = data;
  gboolean any = FALSE;

  if (!has_accounts (db, &any, error))
    return FALSE;
  if (any && !xaso_user_check_right (job->actor, XASO_RIGHT_MANAGE_USERS, error))
    return FALSE;
  if (!any && !(xaso_user_get_roles (job->user) & XASO_ROLE_QUAN_TRI))
    {
      g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_INVALID,
                           _("The first account of a commune is its administrator (role quan_tri)."));
      return FALSE;
    }
  if (job->password != NULL && !xaso_user_set_password (job->user, job->password, error))
    return FALSE;
  return xaso_record_save (XASO_RECORD (job->user), db, actor_name (job->actor, job->user), error);
}

gboolean
xaso_user_add (XasoDatabase  *db,
               XasoUser      *actor,
               XasoUser      *user,
               const char    *password,
               GError       **error)
{
  AddJob job = { actor, user, password };

  g_return_val_if_fail (XASO_IS_USER (user), FALSE);
  return xaso_database_run_atomically (db, add_in_transaction, &job, error);
}

static gboolean
is_self (XasoUser *actor,
         XasoUser *user)
{
  return actor != NULL && g_str_equal (xaso_record_get_id (XASO_RECORD (actor)),
                                       xaso_record_get_id (XASO_RECORD (user)));
}

gboolean
xaso_user_change_password (XasoDatabase  *db,
                           XasoUser      *actor,
                           XasoUser      *user,
                           const char    *password,
                           GError       **error)
{
  if (!is_self (actor, user) && !xaso_user_check_right (actor, XASO_RIGHT_MANAGE_USERS, error))
    return FALSE;
  return xaso_user_set_password (user, password, error) &&
         xaso_record_save (XASO_RECORD (user), db, actor_name (actor, user), error);
}

static gboolean
other_active_admin (XasoDatabase  *db,
                    XasoUser      *user,
                    gboolean      *found,
                    GError       **error)
{
  g_autoptr(GPtrArray) users = xaso_user_list (db, error);

  if (users == NULL)
    return FALSE;
  *found = FALSE;
  for (guint i = 0; i < users->len; i++)
    {
      XasoUser *other = g_ptr_array_index (users, i);

      if (!is_self (other, user) && xaso_user_is_active (other) &&
          (xaso_user_get_roles (other) & XASO_ROLE_QUAN_TRI))
        *found = TRUE;
    }
  return TRUE;
}

static gboolean
is_active_admin (XasoUser *user)
{
  return xaso_user_is_active (user) && (xaso_user_get_roles (user) & XASO_ROLE_QUAN_TRI);
}

static gboolean
refuse_last_admin (GError **error)
{
  g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED,
                       _("This is the last active administrator: give another account the role quan_tri "
                         "first."));
  return FALSE;
}

char *
xaso_user_save_edits (XasoDatabase  *db,
                      XasoUser      *actor,
                      XasoUser      *original,
                      XasoUser      *edited,
                      const char    *password,
                      GError       **error)
{
  gboolean other_admin = FALSE;

  if (!xaso_user_check_right (actor, XASO_RIGHT_MANAGE_USERS, error) ||
      !other_active_admin (db, original, &other_admin, error))
    return NULL;
  if (is_active_admin (original) && !is_active_admin (edited) && !other_admin)
    {
      refuse_last_admin (error);
      return NULL;
    }
  if (password != NULL && password[0] != '\0' && !xaso_user_set_password (edited, password, error))
    return NULL;
  return xaso_record_save_edits (XASO_RECORD (original), XASO_RECORD (edited), db,
                                 xaso_user_get (actor, XASO_USER_USERNAME), error);
}

/* A deactivated user cannot sign in; their history stays theirs. The last
 * active administrator stays, so the commune is never locked out. */
gboolean
xaso_user_deactivate (XasoDatabase  *db,
                      XasoUser      *actor,
                      XasoUser      *user,
                      GError       **error)
{
  gboolean other_admin = FALSE;

  if (!xaso_user_check_right (actor, XASO_RIGHT_MANAGE_USERS, error) ||
      !other_active_admin (db, user, &other_admin, error))
    return FALSE;
  if (!other_admin && (xaso_user_get_roles (user) & XASO_ROLE_QUAN_TRI))
    return refuse_last_admin (error);
  xaso_user_set (user, XASO_USER_ACTIVE, "0");
  return xaso_record_save (XASO_RECORD (user), db, actor_name (actor, user), error);
}
