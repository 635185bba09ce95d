/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gunixsocketaddress.h>
#include <gnutls/crypto.h>
#include <string.h>
#include <sys/stat.h>

#include "xaso-attachment.h"
#include "xaso-attachment-crypt.h"
#include "xaso-file-key.h"
#include "xaso-test-util.h"

/* Sensitive attachments encrypted at rest (Law 91/2025): scans of identity
 * papers never lie in the store as they are, and a file that cannot be
 * opened is never lost. The XDG folders point into a temporary folder, so
 * no key lands in the user's own; each test's database has a device id of
 * its own, hence a key file of its own. (G_TEST_OPTION_ISOLATE_DIRS would
 * do it too, but GLib 2.74 leaks the folders' names under ASan.) */

#define MARKER "CAN CUOC CONG DAN 001204012345 NGUYEN VAN A"

typedef struct
{
  XasoDatabase *db;
  char         *scan_path;
  GBytes       *scan;
} Fixture;

/* A recognisable "scan": the marker, then bytes no compressor would hide. */
static GBytes *
make_scan (gsize len)
{
  guint8 *data = g_malloc (len);
  g_autoptr(GRand) rand = g_rand_new_with_seed (91);

  for (gsize i = 0; i < len; i++)
    data[i] = (guint8)g_rand_int (rand);
  memcpy (data, MARKER, MIN (len, strlen (MARKER)));
  return g_bytes_new_take (data, len);
}

static gboolean
contains (const void *haystack,
          gsize       len,
          const void *needle,
          gsize       needle_len)
{
  const guint8 *h = haystack;

  for (gsize i = 0; needle_len <= len && i <= len - needle_len; i++)
    if (memcmp (h + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

static char *
write_file (const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data != NULL ? data : "", len, NULL));
  return g_steal_pointer (&path);
}

static GBytes *
read_file (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = xaso_test_temp_path ("crypt.db");

  g_setenv ("XASO_KEYRING", "file", TRUE);
  f->db = xaso_test_open_commune (path);
  f->scan = make_scan (200 * 1024);
  f->scan_path = write_file ("cccd-mat-truoc.png", f->scan);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_pointer (&f->scan, g_bytes_unref);
  g_free (f->scan_path);
}

static char *
store_scan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 size = -1;
  char *name = xaso_attachment_store_file_sensitive (f->db, f->scan_path, &size, &error);

  g_assert_no_error (error);
  g_assert_cmpint (size, ==, g_bytes_get_size (f->scan));
  return name;
}

/* The attachment as dossiers see it: a row added, then listed back. */
static XasoAttachment *
attach_scan (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) list = NULL;

  id = xaso_attachment_add_sensitive (f->db, "dossier", "d-1", name, g_bytes_get_size (f->scan),
                                      "/home/mot-cua/cccd-mat-truoc.png", "tiepnhan", &error);
  g_assert_no_error (error);
  list = xaso_attachment_list (f->db, "dossier", "d-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return g_ptr_array_steal_index (list, 0);
}

static GBytes *
stored_bytes (Fixture    *f,
              const char *name)
{
  g_autofree char *path = xaso_attachment_get_path (f->db, name);

  return read_file (path);
}

static void
test_not_plain_on_disk (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *name = store_scan (f);
  g_autoptr(GBytes) stored = stored_bytes (f, name);
  g_autofree char *plain_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->scan);
  g_autofree char *plain_path = xaso_attachment_get_path (f->db, plain_sha);
  gsize len;
  const char *data_on_disk = g_bytes_get_data (stored, &len);

  g_assert_cmpuint (len, ==, g_bytes_get_size (f->scan) + 52);
  g_assert_false (contains (data_on_disk, len, MARKER, strlen (MARKER)));
  g_assert_false (contains (data_on_disk, len, (const char *)g_bytes_get_data (f->scan, NULL) + 4096, 64));
  /* Named by a keyed hash: the plaintext's SHA-256 appears nowhere. */
  g_assert_cmpstr (name, !=, plain_sha);
  g_assert_false (g_file_test (plain_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (xaso_test_count (f->db, "SELECT count(*) FROM attachment"), ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *name = store_scan (f);
  g_autoptr(XasoAttachment) a = attach_scan (f, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;

  g_assert_true (a->encrypted);
  g_assert_cmpstr (a->sha256, ==, name);
  g_assert_cmpstr (a->file_name, ==, "cccd-mat-truoc.png");
  g_assert_cmpint (a->size, ==, g_bytes_get_size (f->scan));
  g_assert_cmpint (xaso_test_count (f->db, "SELECT encrypted FROM attachment"), ==, 1);
  plain = xaso_attachment_read (f->db, a, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain, f->scan));
}

static void
test_plain_copy_lifecycle (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *name = store_scan (f);
  g_autoptr(XasoAttachment) a = attach_scan (f, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xaso_attachment_open_plain_path (f->db, a, &error);
  g_autofree char *dir = NULL;
  g_autoptr(GBytes) copy = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, g_get_user_runtime_dir ()));
  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "cccd-mat-truoc.png"));
  copy = read_file (path);
  g_assert_true (g_bytes_equal (copy, f->scan));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  xaso_attachment_release_plain_path (a, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_plain_file_path_unchanged (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 size;
  g_autofree char *sha = xaso_attachment_store_file (f->db, f->scan_path, &size, &error);
  XasoAttachment a = { .sha256 = sha, .size = size, .file_name = (char *)"x.png", .encrypted = FALSE };
  g_autofree char *store_path = xaso_attachment_get_path (f->db, sha);
  g_autofree char *path = xaso_attachment_open_plain_path (f->db, &a, &error);
  g_autoptr(GBytes) plain = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, store_path);
  xaso_attachment_release_plain_path (&a, path);
  g_assert_true (g_file_test (store_path, G_FILE_TEST_EXISTS));
  plain = xaso_attachment_read (f->db, &a, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain, f->scan));
}

static guint
count_stored_files (Fixture *f)
{
  g_autofree char *db_dir = g_path_get_dirname (xaso_database_get_path (f->db));
  g_autofree char *files = g_build_filename (db_dir, "files", NULL);
  g_autoptr(GDir) top = g_dir_open (files, 0, NULL);
  const char *prefix;
  guint n = 0;

  while (top != NULL && (prefix = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub = g_build_filename (files, prefix, NULL);
      g_autoptr(GDir) d = g_dir_open (sub, 0, NULL);

      while (d != NULL && g_dir_read_name (d) != NULL)
        n++;
    }
  return n;
}

static void
test_stored_once (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = store_scan (f);
  g_autofree char *again_path = write_file ("cccd-copy.png", f->scan);
  g_autoptr(GError) error = NULL;
  gint64 size;
  g_autofree char *second = xaso_attachment_store_file_sensitive (f->db, again_path, &size, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (count_stored_files (f), ==, 1);
}

static void
replace_key_file (Fixture *f)
{
  g_autofree char *key_path = xaso_file_key_get_fallback_path (f->db);
  guint8 other[XASO_FILE_KEY_SIZE];
  GString *hex = g_string_new (NULL);

  g_assert_cmpint (gnutls_rnd (GNUTLS_RND_KEY, other, sizeof other), ==, 0);
  for (guint i = 0; i < sizeof other; i++)
    g_string_append_printf (hex, "%02x", other[i]);
  g_assert_true (g_file_set_contents (key_path, hex->str, -1, NULL));
  g_string_free (hex, TRUE);
}

/* Reads @a expecting @domain/@code, and checks the stored bytes stayed. */
static void
assert_read_fails (Fixture        *f,
                   XasoAttachment *a,
                   GQuark          domain,
                   int             code)
{
  g_autoptr(GBytes) before = stored_bytes (f, a->sha256);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = xaso_attachment_read (f->db, a, &error);
  g_autofree char *path = NULL;

  g_assert_error (error, domain, code);
  g_assert_null (plain);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  path = xaso_attachment_open_plain_path (f->db, a, &error);
  g_assert_error (error, domain, code);
  g_assert_null (path);
  after = stored_bytes (f, a->sha256);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_wrong_key (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *name = store_scan (f);
  g_autoptr(XasoAttachment) a = attach_scan (f, name);

  replace_key_file (f);
  assert_read_fails (f, a, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_WRONG_KEY);
}

static void
test_missing_key (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *name = store_scan (f);
  g_autoptr(XasoAttachment) a = attach_scan (f, name);
  g_autofree char *key_path = xaso_file_key_get_fallback_path (f->db);

  g_assert_cmpint (g_unlink (key_path), ==, 0);
  assert_read_fails (f, a, XASO_FILE_KEY_ERROR, XASO_FILE_KEY_ERROR_MISSING);
  /* Reading never makes a key that could only fail on this file. */
  g_assert_false (g_file_test (key_path, G_FILE_TEST_EXISTS));
}

static void
rewrite_stored (Fixture    *f,
                const char *name,
                gssize      flip_at,
                gsize       keep)
{
  g_autofree char *path = xaso_attachment_get_path (f->db, name);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  if (flip_at >= 0)
    data[flip_at] ^= 0x01;
  g_assert_true (g_file_set_contents (path, data, MIN (keep, len), NULL));
}

static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *name = store_scan (f);
  g_autoptr(XasoAttachment) a = attach_scan (f, name);

  rewrite_stored (f, name, XASO_ATTACHMENT_CRYPT_HEADER_SIZE + 1000, G_MAXSIZE);
  assert_read_fails (f, a, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_AUTHENTICATION);
  /* Undone, then the nonce changed: the header is authenticated too. */
  rewrite_stored (f, name, XASO_ATTACHMENT_CRYPT_HEADER_SIZE + 1000, G_MAXSIZE);
  rewrite_stored (f, name, 20, G_MAXSIZE);
  assert_read_fails (f, a, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_AUTHENTICATION);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *name = store_scan (f);
  g_autoptr(XasoAttachment) a = attach_scan (f, name);

  rewrite_stored (f, name, -1, g_bytes_get_size (f->scan));
  assert_read_fails (f, a, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_TRUNCATED);
  rewrite_stored (f, name, -1, 20);
  assert_read_fails (f, a, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_TRUNCATED);
  rewrite_stored (f, name, -1, 0);
  assert_read_fails (f, a, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_NOT_ENCRYPTED);
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *path = write_file ("empty.pdf", empty);
  g_autoptr(GError) error = NULL;
  gint64 size = -1;
  g_autofree char *name = xaso_attachment_store_file_sensitive (f->db, path, &size, &error);
  XasoAttachment a = { .sha256 = name, .file_name = (char *)"empty.pdf", .encrypted = TRUE };
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) stored = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (size, ==, 0);
  stored = stored_bytes (f, name);
  g_assert_cmpuint (g_bytes_get_size (stored), ==, XASO_ATTACHMENT_CRYPT_HEADER_SIZE +
                                                    XASO_ATTACHMENT_CRYPT_TAG_SIZE);
  plain = xaso_attachment_read (f->db, &a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (plain), ==, 0);
}

/* The key never goes in the database: neither its text nor its bytes are in
 * the database file or its write-ahead log. */
static void
assert_key_not_in_database (Fixture    *f,
                            const char *key_path)
{
  g_autoptr(GBytes) text = read_file (key_path);
  g_autofree char *hex = g_strstrip (g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text)));
  guint8 raw[XASO_FILE_KEY_SIZE];
  const char *suffixes[] = { "", "-wal" };

  g_assert_cmpuint (strlen (hex), ==, 2 * XASO_FILE_KEY_SIZE);
  for (guint i = 0; i < XASO_FILE_KEY_SIZE; i++)
    raw[i] = (guint8)(g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (xaso_database_get_path (f->db), suffixes[i], NULL);
      g_autoptr(GBytes) db = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      db = read_file (path);
      g_assert_false (contains (g_bytes_get_data (db, NULL), g_bytes_get_size (db), hex, strlen (hex)));
      g_assert_false (contains (g_bytes_get_data (db, NULL), g_bytes_get_size (db), raw, sizeof raw));
    }
}

static void
test_key_file_mode (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *name = store_scan (f);
  g_autofree char *key_path = xaso_file_key_get_fallback_path (f->db);
  g_autofree char *key_dir = g_path_get_dirname (key_path);
  g_autofree char *db_dir = g_path_get_dirname (xaso_database_get_path (f->db));
  GStatBuf st;

  g_assert_true (g_str_has_prefix (key_path, g_get_user_config_dir ()));
  g_assert_false (g_str_has_prefix (key_path, db_dir));
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (key_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (st.st_size, >, 0);
  assert_key_not_in_database (f, key_path);
}

/* D-Bus pointed at a socket that only counts callers: with
 * XASO_KEYRING=file nobody may call. */
static void
test_keyring_not_touched (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sock_path = g_build_filename (g_get_user_runtime_dir (), "fake-bus", NULL);
  g_autofree char *address = g_strconcat ("unix:path=", sock_path, NULL);
  g_autoptr(GSocketAddress) addr = NULL;
  g_autoptr(GSocket) listener = NULL, caller = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(XasoAttachment) a = NULL;
  g_autoptr(GBytes) plain = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_runtime_dir (), 0700), ==, 0);
  listener = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  addr = g_unix_socket_address_new (sock_path);
  g_assert_true (g_socket_bind (listener, addr, TRUE, &error) && g_socket_listen (listener, &error));
  g_assert_no_error (error);
  g_socket_set_blocking (listener, FALSE);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  name = store_scan (f);
  a = attach_scan (f, name);
  plain = xaso_attachment_read (f->db, a, &error);
  g_assert_no_error (error);
  caller = g_socket_accept (listener, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
  g_assert_null (caller);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
}

/* No session bus at all, as in CI: the key goes to the file. */
static void
test_no_keyring_falls_back (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *key_path = xaso_file_key_get_fallback_path (f->db);
  g_autofree char *name = NULL;
  g_autoptr(XasoAttachment) a = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;

  g_unsetenv ("XASO_KEYRING");
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/xaso-no-bus", TRUE);
  name = store_scan (f);
  a = attach_scan (f, name);
  g_assert_true (g_file_test (key_path, G_FILE_TEST_EXISTS));
  plain = xaso_attachment_read (f->db, a, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain, f->scan));
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "huge.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 size = -1;
  FILE *file = fopen (path, "wb");

  /* A sparse file: the limit is checked without writing 64 MB. */
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, XASO_ATTACHMENT_CRYPT_MAX_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (0, file), ==, 0);
  fclose (file);
  name = xaso_attachment_store_file_sensitive (f->db, path, &size, &error);
  g_assert_error (error, XASO_ATTACHMENT_CRYPT_ERROR, XASO_ATTACHMENT_CRYPT_ERROR_TOO_LARGE);
  g_assert_null (name);
  g_assert_cmpuint (count_stored_files (f), ==, 0);
}

/* Tens of MB work, and a figure of what they cost. */
static void
test_large_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) big = make_scan (40 * 1024 * 1024);
  g_autofree char *path = write_file ("ho-so-40mb.pdf", big);
  g_autoptr(GError) error = NULL;
  gint64 size, start = g_get_monotonic_time (), stored_at;
  g_autofree char *name = xaso_attachment_store_file_sensitive (f->db, path, &size, &error);
  XasoAttachment a = { .sha256 = name, .file_name = (char *)"ho-so.pdf", .encrypted = TRUE };
  g_autoptr(GBytes) plain = NULL;

  g_assert_no_error (error);
  stored_at = g_get_monotonic_time ();
  plain = xaso_attachment_read (f->db, &a, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain, big));
  g_test_message ("40 MB: stored encrypted in %.0f ms, read back in %.0f ms",
                  (stored_at - start) / 1000.0, (g_get_monotonic_time () - stored_at) / 1000.0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *xdg = g_dir_make_tmp ("xaso-crypt-xdg-XXXXXX", NULL);
  const char *kinds[] = { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME" };

  g_assert_nonnull (xdg);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *dir = g_build_filename (xdg, kinds[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (kinds[i], dir, TRUE);
    }
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/attachment/crypt/keyring-not-touched-with-file-fallback", test_keyring_not_touched);
  ADD ("/attachment/crypt/stored-bytes-are-not-the-file", test_not_plain_on_disk);
  ADD ("/attachment/crypt/round-trip", test_round_trip);
  ADD ("/attachment/crypt/plain-copy-private-and-released", test_plain_copy_lifecycle);
  ADD ("/attachment/crypt/plain-file-keeps-its-store-path", test_plain_file_path_unchanged);
  ADD ("/attachment/crypt/same-file-stored-once", test_stored_once);
  ADD ("/attachment/crypt/wrong-key-refused-file-kept", test_wrong_key);
  ADD ("/attachment/crypt/missing-key-refused-file-kept", test_missing_key);
  ADD ("/attachment/crypt/flipped-byte-fails-authentication", test_tampered);
  ADD ("/attachment/crypt/truncated-file-fails-cleanly", test_truncated);
  ADD ("/attachment/crypt/empty-file", test_empty_file);
  ADD ("/attachment/crypt/key-file-is-0600-outside-the-data", test_key_file_mode);
  ADD ("/attachment/crypt/no-keyring-falls-back-to-file", test_no_keyring_falls_back);
  ADD ("/attachment/crypt/too-large-refused", test_too_large);
  ADD ("/attachment/crypt/forty-megabytes-round-trip", test_large_round_trip);
  return g_test_run ();
}
