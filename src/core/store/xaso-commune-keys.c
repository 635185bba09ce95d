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

#include "xaso-attachment-crypt.h"
#include "xaso-file-key.h"
#include "xaso-file-key-private.h"

/* The keys other desktops of the commune encrypt with, fetched from the
 * server (PROTOCOL.md, "Keys"), kept apart from this desktop's own key so
 * that keeping one never overwrites it: in the keyring under their own
 * schema ("io.github.xaso.XaSo.CommuneKey", attributes "commune" and
 * "key_id"), or without a keyring in "<commune>-commune.keys" beside the
 * own key's file, one key in hex a line. They only ever open files. */

#define HEX_LEN (XASO_FILE_KEY_SIZE * 2)

static GMutex store_lock;

static const SecretSchema *
commune_schema (void)
{
  static const SecretSchema schema = {
    "io.github.xaso.XaSo.CommuneKey", SECRET_SCHEMA_NONE,
    {
      { "commune", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "key_id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static char *
commune_file_path (XasoDatabase *db)
{
  g_autofree char *commune = g_strdup (xaso_database_get_commune_code (db));
  g_autofree char *name = NULL;

  g_strcanon (commune, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-", '_');
  name = g_strdup_printf ("%s-commune.keys", commune);
  return g_build_filename (g_get_user_config_dir (), "xaso", "keys", name, NULL);
}

static gboolean
held (GArray       *keys,
      const guint8  key[XASO_FILE_KEY_SIZE])
{
  for (guint i = 0; i < keys->len; i++)
    if (memcmp (g_array_index (keys, XasoFileKey, i).bytes, key, XASO_FILE_KEY_SIZE) == 0)
      return TRUE;
  return FALSE;
}

static void
add_unique (GArray       *keys,
            const guint8  key[XASO_FILE_KEY_SIZE])
{
  XasoFileKey k;

  if (held (keys, key))
    return;
  memcpy (k.bytes, key, XASO_FILE_KEY_SIZE);
  g_array_append_val (keys, k);
  gnutls_memset (&k, 0, sizeof k);
}

/* A line that is no key is skipped, not fatal: the others still open files. */
static gboolean
file_read (XasoDatabase  *db,
           GArray        *keys,
           GError       **error)
{
  g_autofree char *path = commune_file_path (db);
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &text, &len, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  lines = g_strsplit (text, "\n", -1);
  gnutls_memset (text, 0, len);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint8 key[XASO_FILE_KEY_SIZE];

      if (_xaso_file_key_parse_hex (g_strstrip (lines[i]), key))
        add_unique (keys, key);
      else if (*lines[i] != '\0')
        g_warning ("A line of %s is not a key; it was skipped", path);
      gnutls_memset (key, 0, sizeof key);
      gnutls_memset (lines[i], 0, strlen (lines[i]));
    }
  return TRUE;
}

static void
keyring_read (XasoDatabase *db,
              GArray       *keys)
{
  g_autoptr(GError) local = NULL;
  GList *items = secret_password_search_sync (commune_schema (), SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                                              NULL, &local, "commune", xaso_database_get_commune_code (db),
                                              NULL);

  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretValue *value = secret_retrievable_retrieve_secret_sync (l->data, NULL, NULL);
      guint8 key[XASO_FILE_KEY_SIZE];

      if (value != NULL && _xaso_file_key_parse_hex (secret_value_get_text (value), key))
        add_unique (keys, key);
      gnutls_memset (key, 0, sizeof key);
      g_clear_pointer (&value, secret_value_unref);
    }
  g_list_free_full (items, g_object_unref);
}

gboolean
xaso_file_key_lookup_commune (XasoDatabase  *db,
                              GArray        *keys,
                              GError       **error)
{
  if (xaso_keyring_wanted ())
    keyring_read (db, keys);
  return file_read (db, keys, error);
}

static gboolean
keyring_keep (XasoDatabase *db,
              const guint8  key[XASO_FILE_KEY_SIZE])
{
  g_autoptr(GError) local = NULL;
  g_autofree char *id = xaso_attachment_key_id_hex (key);
  g_autoptr(GString) hex = g_string_sized_new (HEX_LEN);
  /* Translators: the label the keyring shows; %s is the commune's code. */
  g_autofree char *label = g_strdup_printf (_("Xã Số: key of sensitive files of another computer of commune %s"),
                                            xaso_database_get_commune_code (db));
  gboolean ok;

  _xaso_file_key_append_hex (hex, key);
  ok = secret_password_store_sync (commune_schema (), SECRET_COLLECTION_DEFAULT, label, hex->str, NULL, &local,
                                   "commune", xaso_database_get_commune_code (db), "key_id", id, NULL);
  gnutls_memset (hex->str, 0, hex->len);
  return ok;
}

/* The whole list again through a temporary file, so a cut leaves the old
 * list or the new, never half a key. */
static gboolean
file_keep (XasoDatabase  *db,
           GArray        *keys,
           GError       **error)
{
  g_autofree char *path = commune_file_path (db);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  int fd, err = 0;

  for (guint i = 0; i < keys->len; i++)
    {
      _xaso_file_key_append_hex (text, g_array_index (keys, XasoFileKey, i).bytes);
      g_string_append_c (text, '\n');
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    err = errno;
  else if ((fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
    err = errno;
  else
    {
      if (write (fd, text->str, text->len) != (ssize_t) text->len || fsync (fd) != 0)
        err = errno != 0 ? errno : EIO;
      if (close (fd) != 0 && err == 0)
        err = errno;
      if (err == 0 && g_rename (tmp, path) != 0)
        err = errno;
      if (err != 0)
        g_unlink (tmp);
    }
  gnutls_memset (text->str, 0, text->len);
  return err == 0 || _xaso_file_key_keep_error (error, path, err);
}

gboolean
xaso_file_key_keep_commune (XasoDatabase  *db,
                            const guint8   key[XASO_FILE_KEY_SIZE],
                            GError       **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&store_lock);
  g_autoptr(GArray) keys = NULL;

  if (xaso_database_get_commune_code (db) == NULL)
    return TRUE;
  /* The server lists this desk's own key too: it is not copied. */
  if ((keys = xaso_file_key_lookup_own (db, error)) == NULL || !xaso_file_key_lookup_commune (db, keys, error))
    return FALSE;
  if (held (keys, key))
    return TRUE;
  if (xaso_keyring_wanted () && keyring_keep (db, key))
    return TRUE;
  g_array_set_size (keys, 0);
  if (!file_read (db, keys, error))
    return FALSE;
  add_unique (keys, key);
  return file_keep (db, keys, error);
}
