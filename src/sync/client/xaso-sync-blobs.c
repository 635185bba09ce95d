/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <gnutls/crypto.h>

#include "xaso-attachment.h"
#include "xaso-sync-blobs.h"

/* What blob_transfer says, and which ops wait on it. The transfers
 * themselves are in xaso-sync-blob-upload.c and xaso-sync-blob-download.c. */

static gboolean
name_valid (const char *name)
{
  if (name == NULL || strlen (name) != 64)
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

const char *
xaso_sync_op_blob (const XasoSyncOp *op)
{
  JsonObject *field;
  const char *name;

  if (!g_str_equal (op->table, "attachment") || g_str_equal (op->kind, "delete") ||
      !json_object_has_member (op->fields, "sha256") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (op->fields, "sha256")))
    return NULL;
  field = json_object_get_object_member (op->fields, "sha256");
  name = json_object_get_string_member_with_default (field, "new", NULL);
  return name_valid (name) ? name : NULL;
}

static gboolean
known_uploaded (XasoDatabase *db,
                const char   *name)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT 1 FROM blob_transfer WHERE name = ? AND direction = 'up' AND state = 'done'", NULL);
  gboolean done;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  done = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return done;
}

gboolean
xaso_sync_blob_needs_upload (XasoDatabase *db,
                             const char   *name)
{
  g_autofree char *path = xaso_attachment_get_path (db, name);

  /* A file lost here, or a row pulled from elsewhere, holds nothing back:
   * its bytes are not this desktop's to send. */
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) && !known_uploaded (db, name);
}

int
xaso_sync_blobs_first_held (XasoDatabase  *db,
                            GPtrArray     *ops,
                            const char   **name)
{
  for (guint i = 0; i < ops->len; i++)
    {
      const char *blob = xaso_sync_op_blob (g_ptr_array_index (ops, i));

      if (blob != NULL && xaso_sync_blob_needs_upload (db, blob))
        {
          *name = blob;
          return (int) i;
        }
    }
  *name = NULL;
  return -1;
}

gboolean
xaso_sync_blobs_queue_upload (XasoDatabase  *db,
                              const char    *name,
                              GError       **error)
{
  g_autofree char *now = xaso_now_iso ();
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT OR IGNORE INTO blob_transfer (name, direction, state, updated_at) VALUES (?, 'up', 'queued', ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

gboolean
_xaso_sync_blob_record (XasoDatabase *db,
                        const char   *name,
                        gboolean      upload,
                        gint64        size,
                        gint64        done,
                        const char   *state,
                        const char   *last_error,
                        gboolean      attempt)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = xaso_now_iso ();
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT INTO blob_transfer (name, direction, size, done, state, last_error, attempts, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (name, direction) DO UPDATE SET "
    "size = ?3, done = ?4, state = ?5, last_error = ?6, attempts = attempts + ?7, updated_at = ?8", &error);

  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, upload ? "up" : "down", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, size);
  sqlite3_bind_int64 (stmt, 4, done);
  sqlite3_bind_text (stmt, 5, state, -1, SQLITE_STATIC);
  xaso_bind_text (stmt, 6, last_error);
  sqlite3_bind_int (stmt, 7, attempt ? 1 : 0);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (xaso_database_step_done (db, stmt, &error))
    return TRUE;

failed:
  /* Progress is shown from here; losing a line of it loses no data. */
  g_warning ("Could not record the transfer of %s: %s", name, error->message);
  return FALSE;
}

char *
_xaso_sync_blob_hex_sha256 (const void *data,
                            gsize       len)
{
  guint8 digest[32];
  GString *hex = g_string_sized_new (64);

  gnutls_hash_fast (GNUTLS_DIG_SHA256, data, len, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

gboolean
xaso_sync_blobs_queue_downloads (XasoDatabase  *db,
                                 GHashTable    *names,
                                 GError       **error)
{
  g_autofree char *now = xaso_now_iso ();
  GHashTableIter iter;
  gpointer name;
  sqlite3_stmt *stmt;

  if (g_hash_table_size (names) == 0)
    return TRUE;
  stmt = xaso_database_prepare (db,
    "INSERT OR IGNORE INTO blob_transfer (name, direction, state, updated_at) VALUES (?, 'down', 'queued', ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_autofree char *path = NULL;

      if (!name_valid (name))
        continue;
      path = xaso_attachment_get_path (db, name);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      if (!xaso_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

guint
xaso_sync_blobs_count (XasoDatabase *db,
                       gboolean      upload)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT count(*) FROM blob_transfer WHERE direction = ? AND state != 'done'", NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, upload ? "up" : "down", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

void
xaso_sync_transfer_free (XasoSyncTransfer *transfer)
{
  if (transfer == NULL)
    return;
  g_free (transfer->name);
  g_free (transfer->file_name);
  g_free (transfer->state);
  g_free (transfer->last_error);
  g_free (transfer);
}

GPtrArray *
xaso_sync_blobs_list (XasoDatabase  *db,
                      GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT t.name, t.direction, t.done, t.size, t.state, t.last_error, "
    "(SELECT a.file_name FROM attachment a WHERE a.sha256 = t.name ORDER BY a.deleted LIMIT 1), "
    "(SELECT a.size FROM attachment a WHERE a.sha256 = t.name LIMIT 1) "
    "FROM blob_transfer t WHERE t.state != 'done' ORDER BY t.direction DESC, t.updated_at", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_sync_transfer_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      XasoSyncTransfer *t = g_new0 (XasoSyncTransfer, 1);

      t->name = g_strdup (xaso_column_text (stmt, 0));
      t->upload = g_strcmp0 (xaso_column_text (stmt, 1), "up") == 0;
      t->done = sqlite3_column_int64 (stmt, 2);
      t->size = sqlite3_column_int64 (stmt, 3);
      t->state = g_strdup (xaso_column_text (stmt, 4));
      t->last_error = g_strdup (xaso_column_text (stmt, 5));
      t->file_name = g_strdup (xaso_column_text (stmt, 6));
      /* Before its first answer a download's size is the row's. */
      if (t->size == 0)
        t->size = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (list, t);
    }
  sqlite3_reset (stmt);
  return list;
}
