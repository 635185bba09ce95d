/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the key exchange test (test-sync-keys.py) does with core's
 * attachment store, which no xasoctl verb reaches: attach a sensitive file
 * (encrypted with this desktop's key) to a record, and read an attachment
 * back as its plaintext, with whichever key its header names.
 *
 *   xaso-test-attachment attach DB TABLE ROW_ID FILE   prints "<id>\t<name>"
 *   xaso-test-attachment read DB ATTACHMENT_ID OUT     writes the plaintext */

#include "config.h"

#include <stdio.h>

#include "xaso-attachment.h"
#include "xaso-database.h"

static int
fail (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return 1;
}

static int
attach (XasoDatabase *db,
        char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *id = NULL;
  gint64 size = 0;

  if ((name = xaso_attachment_store_file_sensitive (db, argv[5], &size, &error)) == NULL ||
      (id = xaso_attachment_add_sensitive (db, argv[3], argv[4], name, size, argv[5], "tuphap", &error)) == NULL)
    return fail (error);
  g_print ("%s\t%s\n", id, name);
  return 0;
}

static int
read_one (XasoDatabase *db,
          char        **argv)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT sha256, encrypted FROM attachment WHERE id = ?", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;
  XasoAttachment a = { 0 };

  sqlite3_bind_text (stmt, 1, argv[3], -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_printerr ("no attachment %s\n", argv[3]);
      return 1;
    }
  a.id = argv[3];
  a.sha256 = g_strdup (xaso_column_text (stmt, 0));
  a.encrypted = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);
  plain = xaso_attachment_read (db, &a, &error);
  g_free (a.sha256);
  if (plain == NULL ||
      !g_file_set_contents (argv[4], g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), &error))
    return fail (error);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = NULL;

  if (!((argc == 6 && g_str_equal (argv[1], "attach")) || (argc == 5 && g_str_equal (argv[1], "read"))))
    {
      g_printerr ("usage: %s attach DB TABLE ROW_ID FILE | read DB ATTACHMENT_ID OUT\n", argv[0]);
      return 2;
    }
  if ((db = xaso_database_open (argv[2], &error)) == NULL)
    return fail (error);
  return g_str_equal (argv[1], "attach") ? attach (db, argv) : read_one (db, argv);
}
