/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "xaso-demo.h"
#include "xaso-password.h"
#include "xaso-test-util.h"
#include "xaso-user.h"

/* Accounts, roles and signing in (issue 8, §1): rules enforced in core. */

static XasoUser *
make_user (const char *username,
           const char *name,
           const char *roles)
{
  XasoUser *user = xaso_user_new ();

  xaso_user_set (user, XASO_USER_USERNAME, username);
  xaso_user_set (user, XASO_USER_FULL_NAME, name);
  xaso_user_set (user, XASO_USER_ROLES, roles);
  return user;
}

static XasoUser *
add_user (XasoDatabase *db,
          XasoUser     *actor,
          const char   *username,
          const char   *roles)
{
  g_autoptr(XasoUser) user = make_user (username, "Nguyễn Văn Thử", roles);
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_user_add (db, actor, user, "mat-khau-1", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&user);
}

static void
test_password_verifier (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *verifier = xaso_password_make_verifier ("Mật khẩu dài", &error);
  g_autofree char *other = xaso_password_make_verifier ("Mật khẩu dài", &error);
  g_autofree char *tampered = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (verifier, "pbkdf2-sha256$600000$"));
  g_assert_cmpstr (verifier, !=, other);   /* salted */
  g_assert_null (strstr (verifier, "Mật khẩu"));
  g_assert_true (xaso_password_check (verifier, "Mật khẩu dài"));
  g_assert_false (xaso_password_check (verifier, "mật khẩu dài"));
  g_assert_false (xaso_password_check (verifier, ""));
  tampered = g_strdup (verifier);
  tampered[strlen (tampered) - 3] ^= 1;
  g_assert_false (xaso_password_check (tampered, "Mật khẩu dài"));
  g_assert_false (xaso_password_check ("plain", "plain"));
  g_assert_false (xaso_password_check (NULL, "x"));

  g_assert_false (xaso_password_acceptable ("ngan", NULL, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_false (xaso_password_acceptable ("vanthu.xa", "vanthu.xa", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_WEAK_PASSWORD);
}

static void
test_roles (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  XasoRoles roles = 0;

  g_assert_true (xaso_roles_parse ("lanh_dao, van_thu", &roles, &error));
  g_assert_cmpint (roles, ==, XASO_ROLE_LANH_DAO | XASO_ROLE_VAN_THU);
  text = xaso_roles_to_string (roles);
  g_assert_cmpstr (text, ==, "van_thu,lanh_dao");
  g_assert_false (xaso_roles_parse ("van_thu,thu_quy", &roles, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "thu_quy"));
  g_clear_error (&error);
  g_assert_false (xaso_roles_parse ("", &roles, &error));
  g_assert_true (xaso_roles_allow (XASO_ROLE_VAN_THU, XASO_RIGHT_ISSUE_NUMBER));
  g_assert_false (xaso_roles_allow (XASO_ROLE_CHUYEN_VIEN, XASO_RIGHT_ISSUE_NUMBER));
  g_assert_false (xaso_roles_allow (XASO_ROLE_TIEP_NHAN, XASO_RIGHT_DIRECT));
  g_assert_true (xaso_roles_allow (XASO_ROLE_LANH_DAO, XASO_RIGHT_DIRECT));
}

/* The first account is the administrator; after that only an
 * administrator adds accounts, with ops and audit entries in its name. */
static void
test_accounts_managed_by_the_administrator (void)
{
  g_autofree char *path = xaso_test_temp_path ("accounts.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoUser) first = make_user ("vanthu", "Lê Thị Văn Thư", "van_thu");
  g_autoptr(XasoUser) admin = NULL;
  g_autoptr(XasoUser) officer = NULL;
  g_autoptr(XasoUser) again = NULL;
  g_autoptr(XasoUser) stranger = make_user ("other", "Trần Văn Khác", "van_thu");
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (xaso_user_add (db, NULL, first, "mat-khau-1", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_INVALID);
  g_clear_error (&error);

  admin = add_user (db, NULL, "quantri", "quan_tri");
  officer = add_user (db, admin, "chuyenvien", "chuyen_vien");
  g_assert_false (xaso_user_add (db, officer, stranger, "mat-khau-1", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  again = make_user ("chuyenvien", "Người Khác", "van_thu");
  g_assert_false (xaso_user_add (db, admin, again, "mat-khau-1", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_DUPLICATE);
  g_clear_error (&error);
  xaso_user_set (again, XASO_USER_USERNAME, "Chuyên Viên");
  g_assert_false (xaso_user_add (db, admin, again, "mat-khau-1", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_INVALID);
  g_clear_error (&error);

  users = xaso_user_list (db, &error);
  g_assert_cmpuint (users->len, ==, 2);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox WHERE table_name = 'user' "
                                        "AND actor = 'quantri'"), ==, 2);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM audit_event WHERE object_table = 'user' "
                                        "AND action = 'create'"), ==, 2);
  /* The password itself is nowhere. */
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox WHERE fields LIKE '%mat-khau-1%'"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM user WHERE password_verifier LIKE '%mat-khau%'"),
                   ==, 0);
}

static void
test_sign_in_slows_wrong_passwords (void)
{
  g_autofree char *path = xaso_test_temp_path ("signin.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoUser) admin = add_user (db, NULL, "quantri", "quan_tri");
  g_autoptr(XasoUser) signed_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown_message = NULL;

  signed_in = xaso_user_sign_in (db, "quantri", "mat-khau-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xaso_record_get_id (XASO_RECORD (signed_in)), ==, xaso_record_get_id (XASO_RECORD (admin)));

  g_assert_null (xaso_user_sign_in (db, "khongco", "mat-khau-1", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_WRONG_PASSWORD);
  unknown_message = g_strdup (error->message);
  g_clear_error (&error);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_null (xaso_user_sign_in (db, "quantri", "sai-mat-khau", &error));
      g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_WRONG_PASSWORD);
      /* Nobody learns whether the account exists. */
      g_assert_cmpstr (error->message, ==, unknown_message);
      g_clear_error (&error);
    }
  g_assert_null (xaso_user_sign_in (db, "quantri", "sai-mat-khau", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_WRONG_PASSWORD);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  /* Now even the right password waits. */
  g_assert_null (xaso_user_sign_in (db, "quantri", "mat-khau-1", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_SLOWED);
  g_test_message ("%s", error->message);
}

static void
test_deactivated_cannot_sign_in (void)
{
  g_autofree char *path = xaso_test_temp_path ("deactivate.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoUser) admin = add_user (db, NULL, "quantri", "quan_tri");
  g_autoptr(XasoUser) clerk = add_user (db, admin, "vanthu", "van_thu");
  g_autoptr(GError) error = NULL;

  g_assert_false (xaso_user_deactivate (db, clerk, admin, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (xaso_user_deactivate (db, admin, admin, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (xaso_user_deactivate (db, admin, clerk, &error));
  g_assert_no_error (error);
  g_assert_null (xaso_user_sign_in (db, "vanthu", "mat-khau-1", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_INACTIVE);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM user WHERE username = 'vanthu'"), ==, 1);
}

static void
test_own_password_only (void)
{
  g_autofree char *path = xaso_test_temp_path ("password.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoUser) admin = add_user (db, NULL, "quantri", "quan_tri");
  g_autoptr(XasoUser) clerk = add_user (db, admin, "vanthu", "van_thu");
  g_autoptr(XasoUser) leader = add_user (db, admin, "chutich", "lanh_dao");
  g_autoptr(XasoUser) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (xaso_user_change_password (db, leader, clerk, "mat-khau-moi", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (xaso_user_change_password (db, clerk, clerk, "mat-khau-moi", &error));
  g_assert_no_error (error);
  back = xaso_user_sign_in (db, "vanthu", "mat-khau-moi", &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
}

/* A database whose roles were in the user_role table gets them as the
 * user's field on upgrade. */
static void
test_roles_upgraded (void)
{
  g_autofree char *path = xaso_test_temp_path ("old-roles.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *roles = NULL;

  g_assert_true (xaso_database_exec (db,
    "INSERT INTO user (id, commune_code, username, full_name, created_at, updated_at) "
    "VALUES ('u1', '12345', 'chutich', 'Chủ tịch', 'now', 'now');"
    "CREATE TABLE user_role (user_id TEXT NOT NULL REFERENCES user (id), role_code TEXT NOT NULL "
    "REFERENCES role (code), PRIMARY KEY (user_id, role_code));"
    "INSERT INTO user_role VALUES ('u1', 'lanh_dao'), ('u1', 'van_thu');"
    "PRAGMA user_version = 11;", NULL));
  g_clear_object (&db);
  db = xaso_database_open (path, NULL);
  g_assert_nonnull (db);
  roles = xaso_test_string (db, "SELECT roles FROM user WHERE id = 'u1'");
  g_assert_true (g_str_equal (roles, "lanh_dao,van_thu") || g_str_equal (roles, "van_thu,lanh_dao"));
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'user_role'"), ==, 0);
}

/* A demo commune has an account for every role, all with the demo
 * password, so a newcomer can sign in as any of them. */
static void
test_demo_accounts (void)
{
  g_autofree char *path = xaso_test_temp_path ("demo.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  XasoRoles seen = 0;

  g_assert_true (xaso_demo_generate (db, XASO_DEMO_SMALL, 1, NULL, NULL, NULL, &error));
  users = xaso_user_list (db, &error);
  g_assert_cmpuint (users->len, >=, XASO_N_ROLES);
  for (guint i = 0; i < users->len; i++)
    {
      XasoUser *user = g_ptr_array_index (users, i);
      g_autoptr(XasoUser) signed_in = xaso_user_sign_in (db, xaso_user_get (user, XASO_USER_USERNAME),
                                                         XASO_DEMO_PASSWORD, &error);

      g_assert_no_error (error);
      g_assert_nonnull (signed_in);
      seen |= xaso_user_get_roles (user);
    }
  g_assert_cmpint (seen, ==, (1 << XASO_N_ROLES) - 1);
}

/* An administrator edits an account; the last administrator keeps the
 * role; a new password replaces the old one. */
static void
test_edits_by_the_administrator (void)
{
  g_autofree char *path = xaso_test_temp_path ("edits.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoUser) admin = add_user (db, NULL, "quantri", "quan_tri");
  g_autoptr(XasoUser) clerk = add_user (db, admin, "vanthu", "van_thu");
  g_autoptr(XasoUser) edited = xaso_user_load (db, xaso_record_get_id (XASO_RECORD (clerk)), NULL);
  g_autoptr(XasoUser) demoted = xaso_user_load (db, xaso_record_get_id (XASO_RECORD (admin)), NULL);
  g_autoptr(XasoUser) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  xaso_user_set (edited, XASO_USER_ROLES, "van_thu,lanh_dao");
  xaso_user_set (edited, XASO_USER_UNIT, "Văn phòng");
  g_assert_null (xaso_user_save_edits (db, clerk, clerk, edited, NULL, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  id = xaso_user_save_edits (db, admin, clerk, edited, "mat-khau-moi", &error);
  g_assert_no_error (error);
  back = xaso_user_sign_in (db, "vanthu", "mat-khau-moi", &error);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_user_get_roles (back), ==, XASO_ROLE_VAN_THU | XASO_ROLE_LANH_DAO);
  g_assert_cmpstr (xaso_user_get (back, XASO_USER_UNIT), ==, "Văn phòng");

  xaso_user_set (demoted, XASO_USER_ROLES, "chuyen_vien");
  g_assert_null (xaso_user_save_edits (db, admin, admin, demoted, NULL, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/accounts/password/verifier", test_password_verifier);
  g_test_add_func ("/accounts/roles/parse-and-allow", test_roles);
  g_test_add_func ("/accounts/users/managed-by-the-administrator", test_accounts_managed_by_the_administrator);
  g_test_add_func ("/accounts/sign-in/slows-wrong-passwords", test_sign_in_slows_wrong_passwords);
  g_test_add_func ("/accounts/users/deactivated-cannot-sign-in", test_deactivated_cannot_sign_in);
  g_test_add_func ("/accounts/users/own-password-only", test_own_password_only);
  g_test_add_func ("/accounts/users/edits-by-the-administrator", test_edits_by_the_administrator);
  g_test_add_func ("/accounts/upgrade/roles-become-a-field", test_roles_upgraded);
  g_test_add_func ("/accounts/demo/an-account-per-role", test_demo_accounts);
  return g_test_run ();
}
