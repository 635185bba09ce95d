/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <unistd.h>

#include "xaso-attachment.h"
#include "xaso-attachment-crypt.h"
#include "xaso-change.h"
#include "xaso-file-key.h"
#include "xaso-uuid.h"

G_DEFINE_QUARK (xaso-attachment-error-quark, xaso_attachment_error)

gboolean
xaso_attachment_check_here (const char  *path,
                            GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_set_error_literal (error, XASO_ATTACHMENT_ERROR, XASO_ATTACHMENT_ERROR_NOT_DOWNLOADED,
                       _("The file has not been downloaded from the server yet; it will be here after the next "
                         "sync."));
  return FALSE;
}

void
xaso_attachment_free (XasoAttachment *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->sha256);
  g_free (self->mime_type);
  g_free (self->file_name);
  g_free (self->created_at);
  g_free (self);
}

static char *
files_dir (XasoDatabase *db)
{
  g_autofree char *dir = g_path_get_dirname (xaso_database_get_path (db));

  return g_build_filename (dir, "files", NULL);
}

char *
xaso_attachment_get_path (XasoDatabase *db,
                          const char   *sha256)
{
  g_autofree char *dir = files_dir (db);
  char prefix[3] = { sha256[0], sha256[1], 0 };

  return g_build_filename (dir, prefix, sha256, NULL);
}

static char *
hex_sha256 (const void *data,
            gsize       len)
{
  guint8 digest[32];
  GString *hex = g_string_sized_new (64);

  gnutls_hash_fast (GNUTLS_DIG_SHA256, data, len, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

static gboolean
file_error (GError    **error,
            const char *path,
            int         err)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
               _("Could not store the file “%s”: %s"), path, g_strerror (err));
  return FALSE;
}

/* Writes @data to @target through a temporary file, flushed to disk before
 * it takes the name, so a power cut leaves either no file or the whole.
 * The temporary is "<target>.tmp": "<target>.part" is a download's, which
 * sync may be growing meanwhile. */
static gboolean
write_durably (const char  *target,
               const char  *data,
               gsize        len,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *tmp = g_strconcat (target, ".tmp", NULL);
  gsize done = 0;
  int fd, dir_fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return file_error (error, dir, errno);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return file_error (error, tmp, errno);
  while (done < len)
    {
      ssize_t n = write (fd, data + done, MIN (len - done, 1 << 20));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int err = errno;

          close (fd);
          g_unlink (tmp);
          return file_error (error, target, err);
        }
      done += n;
    }
  if (fsync (fd) != 0 || close (fd) != 0 || g_rename (tmp, target) != 0)
    {
      int err = errno;

      g_unlink (tmp);
      return file_error (error, target, err);
    }
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

char *
xaso_attachment_store_file (XasoDatabase  *db,
                            const char    *path,
                            gint64        *size,
                            GError       **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  g_autofree char *sha256 = NULL, *target = NULL;
  gsize len;

  if (mapped == NULL)
    return NULL;
  len = g_mapped_file_get_length (mapped);
  if (len > XASO_ATTACHMENT_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The file “%s” is larger than %d MB, the most a document may attach."), path,
                   XASO_ATTACHMENT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  sha256 = hex_sha256 (g_mapped_file_get_contents (mapped), len);
  target = xaso_attachment_get_path (db, sha256);
  if (!g_file_test (target, G_FILE_TEST_EXISTS) &&
      !write_durably (target, g_mapped_file_get_contents (mapped), len, error))
    return NULL;
  *size = (gint64)len;
  return g_steal_pointer (&sha256);
}

/* Only the ciphertext is written; a file already there under the same keyed
 * name is the same plaintext under the same key, so it is kept as it is. */
static gboolean
store_encrypted (XasoDatabase  *db,
                 const guint8   key[XASO_FILE_KEY_SIZE],
                 GMappedFile   *mapped,
                 char         **name,
                 GError       **error)
{
  const char *plain = g_mapped_file_get_contents (mapped);
  gsize len = g_mapped_file_get_length (mapped);
  g_autofree char *keyed = NULL, *target = NULL;
  g_autoptr(GBytes) sealed = NULL;

  keyed = xaso_attachment_keyed_name (key, plain, len);
  target = xaso_attachment_get_path (db, keyed);
  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    {
      gsize sealed_len;
      const char *data;

      if ((sealed = xaso_attachment_encrypt (key, plain, len, error)) == NULL)
        return FALSE;
      data = g_bytes_get_data (sealed, &sealed_len);
      if (!write_durably (target, data, sealed_len, error))
        return FALSE;
    }
  *name = g_steal_pointer (&keyed);
  return TRUE;
}

char *
xaso_attachment_store_file_sensitive (XasoDatabase  *db,
                                      const char    *path,
                                      gint64        *size,
                                      GError       **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  guint8 key[XASO_FILE_KEY_SIZE];
  char *name = NULL;
  gboolean ok;

  if (mapped == NULL || !xaso_file_key_ensure (db, key, error))
    return NULL;
  ok = store_encrypted (db, key, mapped, &name, error);
  gnutls_memset (key, 0, sizeof key);
  if (!ok)
    return NULL;
  *size = (gint64)g_mapped_file_get_length (mapped);
  return name;
}

/* With two keys here, the one the header names; with none named, the
 * first, whose failure says the file was encrypted elsewhere. */
static GBytes *
decrypt (XasoDatabase  *db,
         GMappedFile   *mapped,
         GError       **error)
{
  g_autoptr(GArray) keys = xaso_file_key_lookup_all (db, error);
  const char *data = g_mapped_file_get_contents (mapped);
  gsize len = g_mapped_file_get_length (mapped);
  XasoFileKey *key;

  if (keys == NULL)
    return NULL;
  key = &g_array_index (keys, XasoFileKey, 0);
  for (guint i = 1; i < keys->len; i++)
    if (xaso_attachment_encrypted_with (g_array_index (keys, XasoFileKey, i).bytes, data, len))
      key = &g_array_index (keys, XasoFileKey, i);
  return xaso_attachment_decrypt (key->bytes, data, len, error);
}

GBytes *
xaso_attachment_read (XasoDatabase          *db,
                      const XasoAttachment  *a,
                      GError               **error)
{
  g_autofree char *path = xaso_attachment_get_path (db, a->sha256);
  g_autoptr(GMappedFile) mapped = NULL;

  if (!xaso_attachment_check_here (path, error) || (mapped = g_mapped_file_new (path, FALSE, error)) == NULL)
    return NULL;
  if (!a->encrypted)
    return g_mapped_file_get_bytes (mapped);
  return decrypt (db, mapped, error);
}

static char *
guess_mime (const char *file_name)
{
  g_autofree char *type = g_content_type_guess (file_name, NULL, 0, NULL);
  char *mime = g_content_type_get_mime_type (type);

  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}

static char *
add_row (XasoDatabase  *db,
         const char    *owner_table,
         const char    *owner_id,
         const char    *sha256,
         gint64         size,
         const char    *file_name,
         gboolean       encrypted,
         const char    *actor,
         GError       **error)
{
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *mime = guess_mime (file_name);
  g_autofree char *base = g_path_get_basename (file_name);
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "attachment", id);

  xaso_change_set_text (change, "sha256", sha256);
  xaso_change_set_int (change, "size", size);
  xaso_change_set_text (change, "mime_type", mime);
  xaso_change_set_text (change, "file_name", base);
  xaso_change_set_text (change, "owner_table", owner_table);
  xaso_change_set_text (change, "owner_id", owner_id);
  if (encrypted)
    xaso_change_set_int (change, "encrypted", 1);
  if (!xaso_change_apply (change, db, actor, error))
    return NULL;
  return g_steal_pointer (&id);
}

char *
xaso_attachment_add (XasoDatabase  *db,
                     const char    *owner_table,
                     const char    *owner_id,
                     const char    *sha256,
                     gint64         size,
                     const char    *file_name,
                     const char    *actor,
                     GError       **error)
{
  return add_row (db, owner_table, owner_id, sha256, size, file_name, FALSE, actor, error);
}

char *
xaso_attachment_add_sensitive (XasoDatabase  *db,
                               const char    *owner_table,
                               const char    *owner_id,
                               const char    *name,
                               gint64         size,
                               const char    *file_name,
                               const char    *actor,
                               GError       **error)
{
  return add_row (db, owner_table, owner_id, name, size, file_name, TRUE, actor, error);
}

gboolean
xaso_attachment_remove (XasoDatabase  *db,
                        const char    *id,
                        const char    *actor,
                        GError       **error)
{
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_UPDATE, "attachment", id);

  xaso_change_set_int (change, "deleted", 1);
  return xaso_change_apply (change, db, actor, error);
}

GPtrArray *
xaso_attachment_list (XasoDatabase  *db,
                      const char    *owner_table,
                      const char    *owner_id,
                      GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT id, sha256, size, mime_type, file_name, created_at, encrypted FROM attachment "
    "WHERE owner_table = ? AND owner_id = ? AND deleted = 0 ORDER BY created_at, id", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_attachment_free);
  sqlite3_bind_text (stmt, 1, owner_table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, owner_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      XasoAttachment *a = g_new0 (XasoAttachment, 1);

      a->id = g_strdup (xaso_column_text (stmt, 0));
      a->sha256 = g_strdup (xaso_column_text (stmt, 1));
      a->size = sqlite3_column_int64 (stmt, 2);
      a->mime_type = g_strdup (xaso_column_text (stmt, 3));
      a->file_name = g_strdup (xaso_column_text (stmt, 4));
      a->created_at = g_strdup (xaso_column_text (stmt, 5));
      a->encrypted = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (list, a);
    }
  sqlite3_reset (stmt);
  return list;
}
