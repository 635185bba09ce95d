/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "xaso-attachment.h"
#include "xaso-attachment-crypt.h"
#include "xaso-file-key.h"
#include "xaso-sync-blobs.h"

/* A download goes to "<path>.part" beside the store, is flushed to disk
 * after every answer so a cut loses nothing received, and takes its name
 * only once whole (and, for a plain file, once its SHA-256 is its name). */

typedef enum { FETCHED, NOT_YET, FAILED } Outcome;

typedef struct
{
  XasoDatabase         *db;
  XasoSyncHttp         *http;
  const char           *name;
  char                 *target;
  char                 *part;
  int                   fd;
  gint64                have;       /* bytes in the .part */
  gint64                length;     /* the blob's, -1 until an answer says */
  gboolean              answering;  /* the current answer's first bytes came */
  gboolean              misplaced;  /* an answer not starting where asked */
  XasoSyncBlobListener *listener;
  guint64              *received;   /* bytes of blobs that came, all told */
} Download;

static gboolean
file_error (GError    **error,
            const char *path,
            int         err)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
               _("Could not store the file “%s”: %s"), path, g_strerror (err));
  return FALSE;
}

static gboolean
bad_answer (GError **error)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                       _("The server’s answer does not follow the sync protocol."));
  return FALSE;
}

static void
tell (Download *d)
{
  if (d->listener != NULL && d->listener->func != NULL)
    d->listener->func (d->name, FALSE, d->have, MAX (d->length, 0), d->listener->data);
}

/* "bytes A-B/L": where the answer starts and the blob's length. */
static gboolean
parse_range (const char *value,
             gint64     *start,
             gint64     *length)
{
  const char *slash;

  if (value == NULL || !g_str_has_prefix (value, "bytes ") || (slash = strchr (value, '/')) == NULL)
    return FALSE;
  *start = g_ascii_strtoll (value + strlen ("bytes "), NULL, 10);
  *length = g_ascii_strtoll (slash + 1, NULL, 10);
  return *start >= 0 && *length > 0;
}

/* At an answer's first bytes: a 206 must start where the .part ends; a
 * whole blob (200) replaces what the .part held. */
static gboolean
begin_answer (Download *d)
{
  g_autofree char *range = xaso_sync_http_header (d->http, "Content-Range");
  g_autofree char *whole = NULL;
  gint64 start = 0, length = 0;

  d->answering = TRUE;
  if (range != NULL)
    {
      if (!parse_range (g_strstrip (range), &start, &length) || start != d->have)
        return !(d->misplaced = TRUE);
      d->length = length;
      return TRUE;
    }
  whole = xaso_sync_http_header (d->http, "Content-Length");
  d->length = whole != NULL ? g_ascii_strtoll (whole, NULL, 10) : -1;
  d->have = 0;
  return ftruncate (d->fd, 0) == 0 && lseek (d->fd, 0, SEEK_SET) == 0;
}

static gboolean
sink (const char *data,
      gsize       len,
      gpointer    user_data)
{
  Download *d = user_data;

  if (!d->answering && !begin_answer (d))
    return FALSE;
  while (len > 0)
    {
      ssize_t n = write (d->fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
      d->have += n;
      *d->received += (guint64) n;
    }
  tell (d);
  return TRUE;
}

/* One ranged GET from the .part's end. Returns the HTTP status or -1. */
static int
fetch_range (Download      *d,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *path = g_strconcat ("/v1/blobs/", d->name, NULL);
  g_autofree char *range = g_strdup_printf ("Range: bytes=%" G_GINT64_FORMAT "-", d->have);
  const char *headers[] = { range, NULL };
  XasoSyncHttpRequest request = { headers };
  int status;

  request.sink = sink;
  request.sink_data = d;
  d->answering = FALSE;
  d->misplaced = FALSE;
  status = xaso_sync_http_send (d->http, "GET", path, &request, cancellable, error);
  g_clear_pointer (&request.answer, json_node_unref);
  if (d->misplaced)
    {
      g_clear_error (error);
      return bad_answer (error), -1;
    }
  if (fsync (d->fd) != 0)
    return file_error (error, d->part, errno), -1;
  return status;
}

static gboolean
is_encrypted (XasoDatabase *db,
              const char   *name)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT max (encrypted) FROM attachment WHERE sha256 = ?", NULL);
  gboolean encrypted = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    encrypted = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return encrypted;
}

static Outcome
damaged (Download  *d,
         GError   **error)
{
  g_unlink (d->part);
  g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
               _("The file %s came damaged from the server; it will be fetched again."), d->name);
  return FAILED;
}

/* An encrypted file is named by a keyed hash of its plaintext: decrypted
 * with the key its header names and named again, it must come out under
 * the name asked for. Without that key here yet (its desktop has not given
 * it to the server), the .part is kept whole for the next sync. */
static Outcome
check_encrypted (Download      *d,
                 const guint8  *data,
                 gsize          len,
                 GError       **error)
{
  g_autofree char *wanted = xaso_attachment_header_key_id_hex (data, len);
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *name = NULL;
  const guint8 *key = NULL;

  if (wanted == NULL)
    return damaged (d, error);
  if ((keys = xaso_file_key_lookup_all (d->db, NULL)) != NULL)
    for (guint i = 0; i < keys->len && key == NULL; i++)
      if (xaso_attachment_encrypted_with (g_array_index (keys, XasoFileKey, i).bytes, data, len))
        key = g_array_index (keys, XasoFileKey, i).bytes;
  if (key == NULL)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                   _("The sensitive file %s came, but the key that opens it has not reached this computer yet; "
                     "it is kept and checked after a later sync."), d->name);
      return FAILED;
    }
  if ((plain = xaso_attachment_decrypt (key, data, len, NULL)) == NULL)
    return damaged (d, error);
  name = xaso_attachment_keyed_name (key, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  return g_str_equal (name, d->name) ? FETCHED : damaged (d, error);
}

/* The .part, whole: checked (a plain file is named by its SHA-256, an
 * encrypted one by a keyed hash of its plaintext), then put in place. */
static Outcome
finish (Download  *d,
        GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (d->target);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (d->part, FALSE, error);
  const char *data;
  gsize len;
  int dir_fd;

  if (mapped == NULL)
    return FAILED;
  data = g_mapped_file_get_contents (mapped) != NULL ? g_mapped_file_get_contents (mapped) : "";
  len = g_mapped_file_get_length (mapped);
  if (is_encrypted (d->db, d->name))
    {
      if (check_encrypted (d, (const guint8 *) data, len, error) != FETCHED)
        return FAILED;
    }
  else
    {
      g_autofree char *sum = _xaso_sync_blob_hex_sha256 (data, len);

      if (!g_str_equal (sum, d->name))
        return damaged (d, error);
    }
  g_clear_pointer (&mapped, g_mapped_file_unref);
  /* Attached here meanwhile: the file in place is the same blob. */
  if (g_file_test (d->target, G_FILE_TEST_EXISTS))
    return g_unlink (d->part), FETCHED;
  if (g_rename (d->part, d->target) != 0)
    return file_error (error, d->target, errno), FAILED;
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return FETCHED;
}

static Outcome
fetch (Download      *d,
       GCancellable  *cancellable,
       GError       **error)
{
  for (;;)
    {
      int status = fetch_range (d, cancellable, error);

      if (status < 0)
        return FAILED;
      if (status == 404)
        return NOT_YET;
      /* Asked from the end: the .part was whole already. */
      if (status == 416 && d->have > 0)
        return finish (d, error);
      if (status != 200 && status != 206)
        return bad_answer (error), FAILED;
      /* An empty blob: a 200 without a body. */
      if (status == 200 && !d->answering)
        {
          if (ftruncate (d->fd, 0) != 0)
            return file_error (error, d->part, errno), FAILED;
          d->have = d->length = 0;
          return finish (d, error);
        }
      _xaso_sync_blob_record (d->db, d->name, FALSE, MAX (d->length, 0), d->have, "queued", NULL, FALSE);
      if (d->length >= 0 && d->have >= d->length)
        return finish (d, error);
    }
}

static gboolean
forget (XasoDatabase *db,
        const char   *name)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "DELETE FROM blob_transfer WHERE name = ? AND direction = 'down'", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, NULL);
}

static Outcome
download_one (XasoDatabase          *db,
              XasoSyncHttp          *http,
              const char            *name,
              XasoSyncBlobListener  *listener,
              guint64               *received,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(GError) local = NULL;
  Download d = { db, http, name, xaso_attachment_get_path (db, name), NULL, -1, 0, -1, FALSE, FALSE, listener,
                 received };
  g_autofree char *dir = g_path_get_dirname (d.target);
  Outcome outcome = FAILED;

  d.part = g_strconcat (d.target, ".part", NULL);
  if (g_file_test (d.target, G_FILE_TEST_EXISTS))
    outcome = FETCHED;   /* attached here meanwhile */
  else if (g_mkdir_with_parents (dir, 0700) != 0 ||
           (d.fd = g_open (d.part, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) < 0)
    file_error (&local, d.part, errno);
  else
    {
      d.have = lseek (d.fd, 0, SEEK_END);
      _xaso_sync_blob_record (db, name, FALSE, 0, d.have, "queued", NULL, TRUE);
      outcome = fetch (&d, cancellable, &local);
      close (d.fd);
    }
  if (outcome == FETCHED)
    forget (db, name);
  else if (outcome == NOT_YET)
    _xaso_sync_blob_record (db, name, FALSE, 0, d.have, "waiting",
                            _("The server does not have this file yet; it will be fetched later."), FALSE);
  else
    _xaso_sync_blob_record (db, name, FALSE, MAX (d.length, 0), d.have, "queued", local->message, FALSE);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  g_free (d.target);
  g_free (d.part);
  return outcome;
}

static GPtrArray *
queued (XasoDatabase  *db,
        GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT name FROM blob_transfer WHERE direction = 'down' AND state != 'done' ORDER BY updated_at", error);
  GPtrArray *names;

  if (stmt == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (xaso_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return names;
}

/* A file the server sent damaged is not worth stopping the others for;
 * a server out of reach or a cancel is. */
static gboolean
stops_all (const GError *error)
{
  return error->domain != XASO_SYNC_ERROR || error->code != XASO_SYNC_ERROR_BAD_ANSWER;
}

int
xaso_sync_blobs_download_all (XasoDatabase          *db,
                              XasoSyncHttp          *http,
                              XasoSyncBlobListener  *listener,
                              guint64               *received,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(GPtrArray) names = queued (db, error);
  int fetched = 0;

  if (names == NULL)
    return -1;
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GError) local = NULL;
      Outcome outcome = download_one (db, http, g_ptr_array_index (names, i), listener, received,
                                      cancellable, &local);

      if (outcome == FETCHED)
        fetched++;
      else if (outcome == FAILED && stops_all (local))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return -1;
        }
      else if (local != NULL)
        /* Bytes from outside that failed their check: said, kept in the
         * transfer's last_error for the page, and tried again next round
         * (a warning is for this program's own faults). */
        g_message ("%s", local->message);
    }
  return fetched;
}
