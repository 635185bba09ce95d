/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "xaso-password.h"
#include "xaso-user.h"

struct _XasoUser
{
  XasoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (XasoUser, xaso_user, XASO_TYPE_RECORD)
G_DEFINE_QUARK (xaso-user-error-quark, xaso_user_error)

static const XasoRecordField user_fields[] = {
  { "username" }, { "full_name" }, { "title" }, { "unit" }, { "person_id" }, { "roles" }, { "active" },
  { "password_verifier" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (user_fields) == XASO_USER_N_FIELDS);

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_INVALID, message);
  return FALSE;
}

/* Usernames are typed at every sign-in: 3 to 32 lower-case ASCII letters,
 * digits, dots, dashes or underscores. */
static gboolean
username_valid (const char *username)
{
  gsize len = username ? strlen (username) : 0;

  if (len < 3 || len > 32)
    return FALSE;
  for (const char *p = username; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && !strchr ("._-", *p))
      return FALSE;
  return TRUE;
}

static gboolean
username_taken (XasoUser      *self,
                XasoDatabase  *db,
                GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT full_name FROM user WHERE commune_code = ? AND username = ? AND id <> ? AND deleted = 0", error);
  gboolean taken;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, xaso_user_get (self, XASO_USER_USERNAME), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, xaso_record_get_id (XASO_RECORD (self)), -1, SQLITE_STATIC);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  if (taken)
    g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_DUPLICATE, _("The username “%s” already belongs to %s."),
                 xaso_user_get (self, XASO_USER_USERNAME), xaso_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return taken;
}

static gboolean
xaso_user_validate (XasoRecord    *record,
                    XasoDatabase  *db,
                    GError       **error)
{
  XasoUser *self = XASO_USER (record);
  const char *active = xaso_user_get (self, XASO_USER_ACTIVE);
  XasoRoles roles;

  if (!username_valid (xaso_user_get (self, XASO_USER_USERNAME)))
    return invalid (error, _("A username has 3 to 32 lower-case letters without accents, digits, dots, dashes "
                             "or underscores, for example “nguyen.van.a”."));
  if (xaso_user_get (self, XASO_USER_FULL_NAME) == NULL)
    return invalid (error, _("Enter the full name of the account’s holder."));
  if (!xaso_roles_parse (xaso_user_get (self, XASO_USER_ROLES), &roles, error))
    return FALSE;
  if (active != NULL && !g_str_equal (active, "0") && !g_str_equal (active, "1"))
    return invalid (error, _("An account is active or not."));
  if (xaso_user_get (self, XASO_USER_PASSWORD_VERIFIER) == NULL)
    return invalid (error, _("Give the account a password."));
  return !username_taken (self, db, error);
}

static void
xaso_user_class_init (XasoUserClass *klass)
{
  XasoRecordClass *record_class = XASO_RECORD_CLASS (klass);

  xaso_record_class_set_fields (record_class, "user", user_fields, G_N_ELEMENTS (user_fields));
  /* Changes to accounts are logged like changes to personal data. */
  record_class->personal_data = TRUE;
  record_class->validate = xaso_user_validate;
}

static void
xaso_user_init (XasoUser *self)
{
}

XasoUser *
xaso_user_new (void)
{
  XasoUser *self = g_object_new (XASO_TYPE_USER, NULL);

  xaso_user_set (self, XASO_USER_ACTIVE, "1");
  return self;
}

XasoUser *
xaso_user_load (XasoDatabase  *db,
                const char    *id,
                GError       **error)
{
  return xaso_record_load (XASO_TYPE_USER, db, id, error);
}

static GPtrArray *
select_users (XasoDatabase  *db,
              const char    *username,
              GError       **error)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (XASO_TYPE_USER);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM user WHERE commune_code = ?1 AND deleted = 0 "
                                          "AND (?2 IS NULL OR username = ?2) ORDER BY username",
                                          xaso_record_class_columns (klass));
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      XasoUser *user = g_object_new (XASO_TYPE_USER, NULL);

      xaso_record_load_columns (XASO_RECORD (user), stmt, 0);
      g_ptr_array_add (users, user);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&users);
}

XasoUser *
xaso_user_find (XasoDatabase  *db,
                const char    *username,
                GError       **error)
{
  g_autoptr(GPtrArray) users = select_users (db, username, error);

  if (users == NULL)
    return NULL;
  if (users->len == 0)
    {
      g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_FOUND, _("There is no account “%s”."), username);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (users, 0));
}

GPtrArray *
xaso_user_list (XasoDatabase  *db,
                GError       **error)
{
  return select_users (db, NULL, error);
}

const char *
xaso_user_get (XasoUser      *self,
               XasoUserField  field)
{
  return xaso_record_get (XASO_RECORD (self), field);
}

void
xaso_user_set (XasoUser      *self,
               XasoUserField  field,
               const char    *value)
{
  xaso_record_set (XASO_RECORD (self), field, value);
}

XasoRoles
xaso_user_get_roles (XasoUser *self)
{
  XasoRoles roles = 0;

  if (!xaso_roles_parse (xaso_user_get (self, XASO_USER_ROLES), &roles, NULL))
    return 0;
  return roles;
}

gboolean
xaso_user_is_active (XasoUser *self)
{
  return g_strcmp0 (xaso_user_get (self, XASO_USER_ACTIVE), "0") != 0;
}

gboolean
xaso_user_set_password (XasoUser    *self,
                        const char  *password,
                        GError     **error)
{
  g_autofree char *verifier = NULL;

  if (!xaso_password_acceptable (password, xaso_user_get (self, XASO_USER_USERNAME), error) ||
      (verifier = xaso_password_make_verifier (password, error)) == NULL)
    return FALSE;
  xaso_user_set (self, XASO_USER_PASSWORD_VERIFIER, verifier);
  return TRUE;
}

gboolean
xaso_user_check_right (XasoUser   *actor,
                       XasoRight   right,
                       GError    **error)
{
  g_autofree char *roles = NULL;

  if (actor != NULL && xaso_user_is_active (actor) && xaso_roles_allow (xaso_user_get_roles (actor), right))
    return TRUE;
  if (actor == NULL)
    {
      g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED,
                   _("Sign in to %s."), xaso_right_describe (right));
      return FALSE;
    }
  roles = xaso_roles_describe (xaso_user_get_roles (actor));
  g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED,
               _("%s (%s) may not %s."), xaso_user_get (actor, XASO_USER_FULL_NAME), roles,
               xaso_right_describe (right));
  return FALSE;
}
