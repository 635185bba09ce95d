/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <libsecret/secret.h>
#include <string.h>
#include <unistd.h>

#include "xaso-file-key.h"
#include "xaso-file-key-private.h"

G_DEFINE_QUARK (xaso-file-key-error-quark, xaso_file_key_error)

#define HEX_LEN (XASO_FILE_KEY_SIZE * 2)

/* Two threads asking for the first key at once must not make two. */
static GMutex ensure_lock;

static const SecretSchema *
key_schema (void)
{
  static const SecretSchema schema = {
    "io.github.xaso.XaSo.AttachmentKey", SECRET_SCHEMA_NONE,
    {
      { "commune", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "device", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

gboolean
xaso_keyring_wanted (void)
{
  return g_strcmp0 (g_getenv ("XASO_KEYRING"), "file") != 0;
}

/* Said once a process: which store holds the keys matters when one is lost. */
static void
note_fallback (const char *why)
{
  static gsize logged = 0;

  if (g_once_init_enter (&logged))
    {
      g_message ("Keys of sensitive attachments are kept in protected files under %s/xaso/keys (%s)",
                 g_get_user_config_dir (), why);
      g_once_init_leave (&logged, 1);
    }
}

char *
xaso_file_key_get_fallback_path (XasoDatabase *db)
{
  g_autofree char *commune = g_strdup (xaso_database_get_commune_code (db));
  g_autofree char *device = g_strdup (xaso_database_get_device_id (db));
  g_autofree char *name = NULL;
  const char *safe = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-";

  if (commune == NULL || device == NULL)
    return NULL;
  name = g_strdup_printf ("%s-%s.key", g_strcanon (commune, safe, '_'), g_strcanon (device, safe, '_'));
  return g_build_filename (g_get_user_config_dir (), "xaso", "keys", name, NULL);
}

static gboolean
damaged (GError    **error,
         const char *where)
{
  g_set_error (error, XASO_FILE_KEY_ERROR, XASO_FILE_KEY_ERROR_DAMAGED,
               /* Translators: %s is “the desktop keyring” or the path of a key file. */
               _("The key of sensitive files in %s is damaged: it does not hold a 256-bit key. Nothing was "
                 "changed; restore the key from a backup."), where);
  return FALSE;
}

gboolean
_xaso_file_key_parse_hex (const char *text,
                          guint8      key[XASO_FILE_KEY_SIZE])
{
  g_autofree char *copy = NULL;
  gboolean ok;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  ok = strlen (copy) == HEX_LEN;
  for (guint i = 0; ok && i < XASO_FILE_KEY_SIZE; i++)
    {
      int hi = g_ascii_xdigit_value (copy[2 * i]), lo = g_ascii_xdigit_value (copy[2 * i + 1]);

      ok = hi >= 0 && lo >= 0;
      key[i] = ok ? (guint8) (hi << 4 | lo) : 0;
    }
  gnutls_memset (copy, 0, strlen (copy));
  return ok;
}

void
_xaso_file_key_append_hex (GString      *out,
                           const guint8  key[XASO_FILE_KEY_SIZE])
{
  for (guint i = 0; i < XASO_FILE_KEY_SIZE; i++)
    g_string_append_printf (out, "%02x", key[i]);
}

static char *
format_hex (const guint8 key[XASO_FILE_KEY_SIZE])
{
  GString *hex = g_string_sized_new (HEX_LEN + 2);

  _xaso_file_key_append_hex (hex, key);
  g_string_append_c (hex, '\n');
  return g_string_free (hex, FALSE);
}

/* Sets *@found; FALSE only for a damaged key. An unreachable keyring is no
 * error: *@reachable says so and the file is asked instead. */
static gboolean
keyring_lookup (XasoDatabase  *db,
                guint8         key[XASO_FILE_KEY_SIZE],
                gboolean      *found,
                gboolean      *reachable,
                GError       **error)
{
  g_autoptr(GError) local = NULL;
  char *secret = secret_password_lookup_sync (key_schema (), NULL, &local,
                                              "commune", xaso_database_get_commune_code (db),
                                              "device", xaso_database_get_device_id (db), NULL);
  gboolean ok;

  *found = FALSE;
  *reachable = local == NULL;
  if (local != NULL)
    note_fallback (local->message);
  if (secret == NULL)
    return TRUE;
  ok = _xaso_file_key_parse_hex (secret, key);
  secret_password_free (secret);
  if (!ok)
    return damaged (error, _("the desktop keyring"));
  *found = TRUE;
  return TRUE;
}

static gboolean
file_lookup (XasoDatabase  *db,
             guint8         key[XASO_FILE_KEY_SIZE],
             gboolean      *found,
             GError       **error)
{
  g_autofree char *path = xaso_file_key_get_fallback_path (db);
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;
  gsize len = 0;
  gboolean ok;

  *found = FALSE;
  if (!g_file_get_contents (path, &text, &len, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  ok = _xaso_file_key_parse_hex (text, key);
  gnutls_memset (text, 0, len);
  if (!ok)
    return damaged (error, path);
  *found = TRUE;
  return TRUE;
}

static gboolean
has_commune (XasoDatabase  *db,
             GError       **error)
{
  if (xaso_database_get_commune_code (db) != NULL)
    return TRUE;
  g_set_error_literal (error, XASO_FILE_KEY_ERROR, XASO_FILE_KEY_ERROR_NO_COMMUNE,
                       _("No commune is set up in this database yet, so it has no key for sensitive files."));
  return FALSE;
}

/* The keyring first; then the file, which also holds keys made while the
 * keyring did not answer. */
static gboolean
lookup_any (XasoDatabase  *db,
            guint8         key[XASO_FILE_KEY_SIZE],
            gboolean      *found,
            gboolean      *keyring_reachable,
            GError       **error)
{
  *keyring_reachable = FALSE;
  if (!has_commune (db, error))
    return FALSE;
  if (xaso_keyring_wanted ())
    {
      if (!keyring_lookup (db, key, found, keyring_reachable, error))
        return FALSE;
      if (*found)
        return TRUE;
    }
  else
    note_fallback ("XASO_KEYRING=file");
  return file_lookup (db, key, found, error);
}

static void
wipe_key (gpointer key)
{
  gnutls_memset (key, 0, sizeof (XasoFileKey));
}

GArray *
xaso_file_key_lookup_own (XasoDatabase  *db,
                          GError       **error)
{
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, TRUE, sizeof (XasoFileKey), 2);
  XasoFileKey key;
  gboolean found = FALSE, reachable;

  g_array_set_clear_func (keys, wipe_key);
  if (!has_commune (db, error))
    return NULL;
  if (!xaso_keyring_wanted ())
    note_fallback ("XASO_KEYRING=file");
  else if (!keyring_lookup (db, key.bytes, &found, &reachable, error))
    return NULL;
  if (found)
    g_array_append_val (keys, key);
  if (!file_lookup (db, key.bytes, &found, error))
    return NULL;
  if (found)
    g_array_append_val (keys, key);
  wipe_key (&key);
  return g_steal_pointer (&keys);
}

GArray *
xaso_file_key_lookup_all (XasoDatabase  *db,
                          GError       **error)
{
  g_autoptr(GArray) keys = xaso_file_key_lookup_own (db, error);

  if (keys == NULL || !xaso_file_key_lookup_commune (db, keys, error))
    return NULL;
  if (keys->len > 0)
    return g_steal_pointer (&keys);
  g_set_error_literal (error, XASO_FILE_KEY_ERROR, XASO_FILE_KEY_ERROR_MISSING,
                       _("The key to open this sensitive file is missing on this computer; it was encrypted "
                         "elsewhere or the keyring was reset. The file was kept: restore the key, or open it "
                         "on the computer that stored it."));
  return NULL;
}

gboolean
_xaso_file_key_keep_error (GError    **error,
                           const char *path,
                           int         err)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
               _("Could not keep the key of sensitive files in “%s”: %s"), path, g_strerror (err));
  return FALSE;
}

/* O_EXCL: if another program made the key meanwhile, its key is kept and
 * read back, never overwritten (files may already be encrypted with it). */
static gboolean
file_store (XasoDatabase  *db,
            guint8         key[XASO_FILE_KEY_SIZE],
            GError       **error)
{
  g_autofree char *path = xaso_file_key_get_fallback_path (db);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *hex = format_hex (key);
  gboolean found = FALSE;
  int fd, err = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return _xaso_file_key_keep_error (error, dir, errno);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    return file_lookup (db, key, &found, error) && (found || damaged (error, path));
  if (fd < 0)
    return _xaso_file_key_keep_error (error, path, errno);
  if (write (fd, hex, HEX_LEN + 1) != HEX_LEN + 1 || fsync (fd) != 0)
    err = errno != 0 ? errno : EIO;
  if (close (fd) != 0 && err == 0)
    err = errno;
  gnutls_memset (hex, 0, HEX_LEN);
  if (err != 0)
    {
      g_unlink (path);
      return _xaso_file_key_keep_error (error, path, err);
    }
  return TRUE;
}

static gboolean
keyring_store (XasoDatabase  *db,
               const guint8   key[XASO_FILE_KEY_SIZE])
{
  g_autoptr(GError) local = NULL;
  g_autofree char *hex = format_hex (key);
  /* Translators: the label the keyring shows; %s is the commune's code. */
  g_autofree char *label = g_strdup_printf (_("Xã Số: key of sensitive files of commune %s"),
                                            xaso_database_get_commune_code (db));
  gboolean ok;

  hex[HEX_LEN] = '\0';
  ok = secret_password_store_sync (key_schema (), SECRET_COLLECTION_DEFAULT, label, hex, NULL, &local,
                                   "commune", xaso_database_get_commune_code (db),
                                   "device", xaso_database_get_device_id (db), NULL);
  gnutls_memset (hex, 0, HEX_LEN);
  if (!ok)
    note_fallback (local->message);
  return ok;
}

gboolean
xaso_file_key_ensure (XasoDatabase  *db,
                      guint8         key[XASO_FILE_KEY_SIZE],
                      GError       **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&ensure_lock);
  gboolean found = FALSE, reachable = FALSE;
  int rc;

  if (!lookup_any (db, key, &found, &reachable, error))
    return FALSE;
  if (found)
    return TRUE;
  if ((rc = gnutls_rnd (GNUTLS_RND_KEY, key, XASO_FILE_KEY_SIZE)) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make a key for sensitive files: %s"),
                   gnutls_strerror (rc));
      return FALSE;
    }
  /* A keyring that refuses (locked, the prompt dismissed) leaves the file. */
  if (reachable && keyring_store (db, key))
    return TRUE;
  return file_store (db, key, error);
}
