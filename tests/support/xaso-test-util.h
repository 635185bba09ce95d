/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "xaso-commune.h"
#include "xaso-database.h"
#include "xaso-user.h"

/* Helpers shared by the core tests: a fresh database in a temporary folder,
 * with a commune set up. */

static inline char *
xaso_test_temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("xaso-test-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static inline XasoDatabase *
xaso_test_open_commune (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = xaso_database_open (path, &error);
  XasoCommune commune = {
    .code = (char *)"12345", .name = (char *)"Xã Thử Nghiệm", .province_code = (char *)"24",
    .province_name = (char *)"Bắc Ninh", .agency_eid = (char *)"000.00.12.H56",
  };

  g_assert_no_error (error);
  g_assert_true (xaso_commune_setup (db, &commune, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static inline gint64
xaso_test_count (XasoDatabase *db,
                 const char   *sql)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static inline char *
xaso_test_string (XasoDatabase *db,
                  const char   *sql)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);
  char *s = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    s = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return s;
}

/* The forty names of tests/support/register-order.txt, in the order a
 * Vietnamese register prints them. */
static inline GPtrArray *
xaso_test_register_order (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("XASO_SOURCE_DIR"), "tests", "support",
                                            "register-order.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#')
      g_ptr_array_add (names, g_strdup (lines[i]));
  g_assert_cmpuint (names->len, ==, 40);
  return names;
}

/* An account of the test commune made straight in the table, without the
 * checks of xaso_user_add: its id is "u-USERNAME"; @unit may be NULL. */
static inline XasoUser *
xaso_test_add_user (XasoDatabase *db,
                    const char   *username,
                    const char   *full_name,
                    const char   *roles,
                    const char   *unit)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO user (id, commune_code, username, full_name, roles, unit, created_at, updated_at) "
    "VALUES ('u-%s', '12345', '%s', '%s', '%s', %s%s%s, '2026-01-01', '2026-01-01')",
    username, username, full_name, roles, unit ? "'" : "", unit ? unit : "NULL", unit ? "'" : "");
  g_autoptr(GError) error = NULL;
  XasoUser *user;

  g_assert_true (xaso_database_exec (db, sql, &error));
  user = xaso_user_find (db, username, &error);
  g_assert_no_error (error);
  return user;
}
