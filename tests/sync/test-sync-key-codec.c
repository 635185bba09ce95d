/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gnutls/crypto.h>
#include <string.h>
#include <sys/stat.h>

#include "xaso-attachment.h"
#include "xaso-attachment-crypt.h"
#include "xaso-file-key.h"
#include "xaso-sync-keys.h"
#include "xaso-test-util.h"

/* The key exchange's two halves that need no server (PROTOCOL.md, "Keys"):
 * the codec's key id, which the server recomputes without core, is the one
 * core writes in a file's header; and a key of the commune kept here opens
 * another desk's file without ever taking the place of this desk's own key.
 * The XDG folders point into a temporary folder (XASO_KEYRING=file). */

static void
random_key (guint8 key[XASO_FILE_KEY_SIZE])
{
  g_assert_cmpint (gnutls_rnd (GNUTLS_RND_KEY, key, XASO_FILE_KEY_SIZE), ==, 0);
}

static void
test_key_id_agrees (void)
{
  for (guint round = 0; round < 20; round++)
    {
      guint8 key[XASO_FILE_KEY_SIZE];
      g_autofree char *wire = NULL, *core = NULL, *header = NULL;
      g_autoptr(GBytes) sealed = NULL;

      random_key (key);
      wire = xaso_sync_key_id_hex (key);
      core = xaso_attachment_key_id_hex (key);
      sealed = xaso_attachment_encrypt (key, "giay to", 7, NULL);
      header = xaso_attachment_header_key_id_hex (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
      g_assert_cmpstr (wire, ==, core);
      g_assert_cmpstr (wire, ==, header);
      g_assert_true (xaso_sync_key_id_valid (wire));
    }
}

static void
test_hex (void)
{
  guint8 key[XASO_SYNC_KEY_SIZE], back[XASO_SYNC_KEY_SIZE];
  g_autofree char *hex = NULL, *upper = NULL;

  random_key (key);
  hex = xaso_sync_key_to_hex (key);
  g_assert_true (xaso_sync_key_parse_hex (hex, back));
  g_assert_cmpmem (key, sizeof key, back, sizeof back);
  upper = g_ascii_strup (hex, -1);
  g_assert_true (g_str_equal (hex, upper) || !xaso_sync_key_parse_hex (upper, back));
  hex[63] = '\0';
  g_assert_false (xaso_sync_key_parse_hex (hex, back));
  g_assert_false (xaso_sync_key_parse_hex (NULL, back));
  g_assert_false (xaso_sync_key_id_valid ("0123456789ABCDEF"));
  g_assert_false (xaso_sync_key_id_valid ("0123456789abcde"));
}

static GArray *
lookup (GArray * (*fn) (XasoDatabase *, GError **),
        XasoDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GArray *keys = fn (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (keys);
  return keys;
}

static void
test_commune_key_opens (void)
{
  g_autofree char *path = xaso_test_temp_path ("keys.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) own = NULL, all = NULL, again = NULL;
  g_autoptr(GBytes) sealed = NULL, plain = NULL;
  g_autofree char *name = NULL, *target = NULL, *dir = NULL, *file = NULL, *parent = NULL;
  guint8 mine[XASO_FILE_KEY_SIZE], theirs[XASO_FILE_KEY_SIZE];
  XasoAttachment a = { 0 };
  struct stat st;

  g_assert_true (xaso_file_key_ensure (db, mine, &error));
  random_key (theirs);
  g_assert_true (xaso_file_key_keep_commune (db, theirs, &error));
  g_assert_true (xaso_file_key_keep_commune (db, theirs, &error));   /* kept once */
  g_assert_true (xaso_file_key_keep_commune (db, mine, &error));     /* own: not copied */
  g_assert_no_error (error);

  own = lookup (xaso_file_key_lookup_own, db);
  g_assert_cmpuint (own->len, ==, 1);
  g_assert_cmpmem (g_array_index (own, XasoFileKey, 0).bytes, XASO_FILE_KEY_SIZE, mine, sizeof mine);
  all = lookup (xaso_file_key_lookup_all, db);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpmem (g_array_index (all, XasoFileKey, 0).bytes, XASO_FILE_KEY_SIZE, mine, sizeof mine);
  g_assert_cmpmem (g_array_index (all, XasoFileKey, 1).bytes, XASO_FILE_KEY_SIZE, theirs, sizeof theirs);

  /* The own key is still the one new files are encrypted with. */
  g_assert_true (xaso_file_key_ensure (db, mine, &error));
  again = lookup (xaso_file_key_lookup_own, db);
  g_assert_cmpmem (g_array_index (again, XasoFileKey, 0).bytes, XASO_FILE_KEY_SIZE, mine, sizeof mine);

  /* The commune's key file is the user's alone. */
  dir = g_build_filename (g_get_user_config_dir (), "xaso", "keys", NULL);
  file = g_build_filename (dir, "12345-commune.keys", NULL);
  g_assert_cmpint (stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A scan another desk stored under its key opens here. */
  sealed = xaso_attachment_encrypt (theirs, "CAN CUOC 001204012345", 21, &error);
  g_assert_no_error (error);
  name = xaso_attachment_keyed_name (theirs, "CAN CUOC 001204012345", 21);
  target = xaso_attachment_get_path (db, name);
  parent = g_path_get_dirname (target);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), NULL));
  a.sha256 = name;
  a.encrypted = TRUE;
  plain = xaso_attachment_read (db, &a, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "CAN CUOC 001204012345", 21);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *xdg = g_dir_make_tmp ("xaso-keys-xdg-XXXXXX", NULL);

  g_assert_nonnull (xdg);
  g_setenv ("XDG_CONFIG_HOME", xdg, TRUE);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  g_setenv ("XASO_KEYRING", "file", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/keys/key-id-is-core-s", test_key_id_agrees);
  g_test_add_func ("/sync/keys/hex", test_hex);
  g_test_add_func ("/sync/keys/commune-key-opens-never-replaces-own", test_commune_key_opens);
  return g_test_run ();
}
