/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "xaso-database-private.h"
#include "xaso-sql-functions.h"
#include "xaso-uuid.h"

/* A connection to the local replica. One connection serves one thread at a
 * time: the GUI keeps one for short reads and hands another to its worker
 * threads (WAL lets them read and write side by side). */
struct _XasoDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  char       *device_id;
  char       *commune_code;
  gint64      indexed_up_to[3]; /* per SearchIndex; see xaso_database_defer_search_index() */
  GHashTable *state_cache;    /* key → value, valid during a write transaction */
  GHashTable *state_dirty;    /* keys of state_cache to write before the commit */
  GHashTable *remembered;     /* see xaso_database_remember() */
  XasoCheckpoint *checkpoint; /* folds the log back, off this thread */
  guint       in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (XasoDatabase, xaso_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (xaso-database-error-quark, xaso_database_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
xaso_database_finalize (GObject *object)
{
  XasoDatabase *self = (XasoDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->state_cache, g_hash_table_unref);
  g_clear_pointer (&self->state_dirty, g_hash_table_unref);
  g_clear_pointer (&self->remembered, g_hash_table_unref);
  /* A checkpoint still running holds a connection of its own: this close
   * would then not be the last, which folds the whole log back into the
   * file and removes it. Left behind, the file alone (a copy of it) lacks
   * everything since the last checkpoint. */
  if (self->checkpoint != NULL)
    _xaso_checkpoint_wait (self->checkpoint);
  _xaso_checkpoint_detach (self->checkpoint, self->db);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->commune_code, g_free);

  G_OBJECT_CLASS (xaso_database_parent_class)->finalize (object);
}

static void
xaso_database_class_init (XasoDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_database_finalize;
}

static void
xaso_database_init (XasoDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->state_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->state_dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->remembered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gboolean
xaso_database_set_error (XasoDatabase  *self,
                         int            rc,
                         GError       **error)
{
  int primary = rc & 0xff;
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_DISK_FULL,
                   _("The disk is full: nothing was saved. Free some space and try again."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_BUSY,
                   _("The database is busy with another task. Try again in a moment."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_CONSTRAINT,
                   _("The record breaks a rule of the database (%s); nothing was saved."), message);
      break;
    default:
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_SQL,
                   _("Database error: %s"), message);
      break;
    }
  return FALSE;
}

/* The tables with a full-text index kept by triggers, and how the rows a
 * bulk write deferred are put into it at once. */
typedef struct
{
  const char *table;
  const char *fill;   /* INSERT … SELECT … WHERE rowid > ?1 */
} SearchIndex;

static const SearchIndex search_indexes[] = {
  { "person", "INSERT INTO person_fts (rowid, name_folded, id_number, address_folded) "
              "SELECT rowid, name_folded, id_number, address_folded FROM person WHERE rowid > ?1" },
  { "document", "INSERT INTO document_fts (rowid, words) "
                "SELECT rowid, xaso_fold (subject, notation, issuer) FROM document WHERE rowid > ?1" },
  { "dossier", "INSERT INTO dossier_fts (rowid, words) "
               "SELECT rowid, xaso_fold (code, applicant_name, applicant_id_number) FROM dossier WHERE rowid > ?1" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (search_indexes) == G_N_ELEMENTS (((XasoDatabase *) NULL)->indexed_up_to));

/* xaso_indexed_now ([table,] rowid): 0 while a bulk write defers indexing
 * the rows of the table (person when not named) after indexed_up_to, which
 * its search index triggers then skip (migrations 0008 and 0022). */
static void
indexed_now (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  XasoDatabase *self = sqlite3_user_data (context);
  const char *table = argc == 2 ? (const char *) sqlite3_value_text (argv[0]) : "person";
  gint64 up_to = 0;

  for (guint i = 0; i < G_N_ELEMENTS (search_indexes); i++)
    if (g_strcmp0 (table, search_indexes[i].table) == 0)
      up_to = self->indexed_up_to[i];
  sqlite3_result_int (context, up_to == 0 || sqlite3_value_int64 (argv[argc - 1]) <= up_to);
}

static gboolean
apply_settings (XasoDatabase  *self,
                GError       **error)
{
  /* synchronous=FULL: power cuts are common and a saved record must stay saved. */
  static const char settings[] =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA cache_size = -16000;"
    /* After a bulk import the log is cut back to 64 MB once folded in. */
    "PRAGMA journal_size_limit = 67108864;";

  sqlite3_busy_timeout (self->db, 5000);
  if (xaso_sql_functions_register (self->db) != SQLITE_OK ||
      sqlite3_create_function (self->db, "xaso_indexed_now", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS, self,
                               indexed_now, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "xaso_indexed_now", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS, self,
                               indexed_now, NULL, NULL) != SQLITE_OK)
    return xaso_database_set_error (self, sqlite3_errcode (self->db), error);
  return xaso_database_exec (self, settings, error);
}

static gboolean
load_identity (XasoDatabase  *self,
               GError       **error)
{
  g_autofree char *device = xaso_database_get_state (self, "device_id");

  if (device == NULL)
    {
      g_autofree char *fresh = xaso_uuid_new ();

      if (!xaso_database_set_state (self, "device_id", fresh, error))
        return FALSE;
      device = g_steal_pointer (&fresh);
    }
  self->device_id = g_steal_pointer (&device);
  self->commune_code = xaso_database_get_state (self, "commune_code");
  return TRUE;
}

XasoDatabase *
xaso_database_open (const char  *path,
                    GError     **error)
{
  g_autoptr(XasoDatabase) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (XASO_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);

  if (!apply_settings (self, error))
    return NULL;
  self->checkpoint = _xaso_checkpoint_attach (self->db, path);
  if (!_xaso_database_migrate (self, error) ||
      !load_identity (self, error) ||
      !_xaso_database_refresh_sort_keys (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Inside a transaction, persons, documents and dossiers inserted from now
 * on are left out of their full-text indexes (person_fts, document_fts,
 * dossier_fts, kept by the triggers of migrations 0008 and 0022) until
 * xaso_database_index_deferred(): one bulk insert into each index instead
 * of one flush of it per row (FTS5 flushes its pending terms at every
 * statement of a transaction). Both happen in the one transaction, so the
 * indexes are never behind what a commit wrote. */
gboolean
xaso_database_defer_search_index (XasoDatabase  *self,
                                  GError       **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (search_indexes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (rowid), 0) FROM %s", search_indexes[i].table);
      sqlite3_stmt *stmt = xaso_database_prepare (self, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          memset (self->indexed_up_to, 0, sizeof self->indexed_up_to);
          return xaso_database_set_error (self, rc, error);
        }
      /* A first row ever is row 1: deferring from 0 would mean "not deferred". */
      self->indexed_up_to[i] = MAX (sqlite3_column_int64 (stmt, 0), 1);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Indexes the rows deferred, and ends the deferral; called before the
 * commit, or after a rollback to end it only. */
gboolean
xaso_database_index_deferred (XasoDatabase  *self,
                              GError       **error)
{
  gint64 from[G_N_ELEMENTS (search_indexes)];

  memcpy (from, self->indexed_up_to, sizeof from);
  memset (self->indexed_up_to, 0, sizeof self->indexed_up_to);
  if (!self->in_transaction)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (search_indexes); i++)
    {
      sqlite3_stmt *stmt;

      if (from[i] == 0)
        continue;
      if ((stmt = xaso_database_prepare (self, search_indexes[i].fill, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from[i]);
      if (!xaso_database_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

const char *
xaso_database_get_path (XasoDatabase *self)
{
  g_return_val_if_fail (XASO_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
xaso_database_get_handle (XasoDatabase *self)
{
  g_return_val_if_fail (XASO_IS_DATABASE (self), NULL);
  return self->db;
}

const char *
xaso_database_get_device_id (XasoDatabase *self)
{
  g_return_val_if_fail (XASO_IS_DATABASE (self), NULL);
  return self->device_id;
}

const char *
xaso_database_get_commune_code (XasoDatabase *self)
{
  g_return_val_if_fail (XASO_IS_DATABASE (self), NULL);
  return self->commune_code;
}

void
xaso_database_set_commune_code (XasoDatabase *self,
                                const char   *code)
{
  g_return_if_fail (XASO_IS_DATABASE (self));
  g_free (self->commune_code);
  self->commune_code = g_strdup (code);
}

/* The integer a query such as a PRAGMA answers, 0 if it answers nothing. */
int
_xaso_database_query_int (XasoDatabase *self,
                          const char   *sql)
{
  sqlite3_stmt *stmt = xaso_database_prepare (self, sql, NULL);
  int value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}

/* Adds the columns ("name TYPE …") the table lacks: an upgrade that looks
 * before it alters can run again on a database that already has them. */
gboolean
_xaso_database_add_columns (XasoDatabase        *db,
                            const char          *table,
                            const char * const  *columns,
                            guint                n_columns,
                            GError             **error)
{
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *name = g_strndup (columns[i], strcspn (columns[i], " "));
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s ADD COLUMN %s", table, columns[i]);

      if (!_xaso_database_has_column (db, table, name) && !xaso_database_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_xaso_database_has_column (XasoDatabase *self,
                           const char   *table,
                           const char   *column)
{
  sqlite3_stmt *stmt = xaso_database_prepare (self, "SELECT count(*) FROM pragma_table_info (?) WHERE name = ?",
                                              NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return found;
}

int
xaso_database_get_schema_version (XasoDatabase *self)
{
  return _xaso_database_query_int (self, "PRAGMA user_version");
}

/* Returns a cached statement, reset and with its bindings cleared. The
 * statement stays owned by the connection. */
sqlite3_stmt *
xaso_database_prepare (XasoDatabase  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XASO_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_SQL,
                   _("Database error: %s"), sqlite3_errmsg (self->db));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
xaso_database_exec (XasoDatabase  *self,
                    const char    *sql,
                    GError       **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return xaso_database_set_error (self, rc, error);
  return TRUE;
}

/* Steps a statement that returns no rows and resets it. */
gboolean
xaso_database_step_done (XasoDatabase  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_debug ("Statement failed: %s", sqlite3_sql (stmt));
      sqlite3_reset (stmt);
      return xaso_database_set_error (self, rc, error);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* What held during a transaction, forgotten when it ends. */
static void
forget_transaction (XasoDatabase *self)
{
  g_hash_table_remove_all (self->state_cache);
  g_hash_table_remove_all (self->state_dirty);
  g_hash_table_remove_all (self->remembered);
}

static gboolean
write_state (XasoDatabase  *self,
             const char    *key,
             const char    *value,
             GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (self,
    "INSERT INTO sync_state (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  xaso_bind_text (stmt, 2, value);
  return xaso_database_step_done (self, stmt, error);
}

/* State set during the transaction is written once, before its commit. */
static gboolean
write_dirty_state (XasoDatabase  *self,
                   GError       **error)
{
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, self->state_dirty);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!write_state (self, key, g_hash_table_lookup (self->state_cache, key), error))
      return FALSE;
  g_hash_table_remove_all (self->state_dirty);
  return TRUE;
}

gboolean
xaso_database_begin (XasoDatabase  *self,
                     GError       **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* IMMEDIATE takes the write lock now, so a busy database fails here
   * rather than halfway through a save. */
  if (!xaso_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  forget_transaction (self);
  return TRUE;
}

gboolean
xaso_database_commit (XasoDatabase  *self,
                      GError       **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!write_dirty_state (self, error) || !xaso_database_exec (self, "COMMIT", error))
    {
      xaso_database_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  forget_transaction (self);
  return TRUE;
}

void
xaso_database_rollback (XasoDatabase *self)
{
  if (!self->in_transaction)
    return;
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  forget_transaction (self);
}

gboolean
xaso_database_in_transaction (XasoDatabase *self)
{
  return self->in_transaction;
}

gboolean
xaso_database_run_atomically (XasoDatabase      *self,
                              XasoDatabaseWork   work,
                              gpointer           data,
                              GError           **error)
{
  gboolean own = !self->in_transaction;

  if (own && !xaso_database_begin (self, error))
    return FALSE;
  if (!work (self, data, error))
    {
      if (own)
        xaso_database_rollback (self);
      return FALSE;
    }
  return own ? xaso_database_commit (self, error) : TRUE;
}

gboolean
xaso_database_is_enrolled (XasoDatabase *self)
{
  /* The key the sync engine keeps its token under (xaso-sync-settings.h). */
  g_autofree char *token = xaso_database_get_state (self, "sync.token");

  return token != NULL && token[0] != '\0';
}

char *
xaso_database_get_state (XasoDatabase *self,
                         const char   *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  /* While this connection holds the write lock, no other can change the
   * state: what it read or wrote is still true (the change clock is read
   * and written once per op). */
  if (self->in_transaction && g_hash_table_lookup_extended (self->state_cache, key, NULL, (gpointer *) &value))
    return g_strdup (value);
  stmt = xaso_database_prepare (self, "SELECT value FROM sync_state WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

/* Within a write transaction the value is kept and written once before
 * the commit (the change clock moves at every op of a bulk import);
 * outside one it is written at once. */
gboolean
xaso_database_set_state (XasoDatabase  *self,
                         const char    *key,
                         const char    *value,
                         GError       **error)
{
  if (!self->in_transaction)
    return write_state (self, key, value, error);
  g_hash_table_insert (self->state_cache, g_strdup (key), g_strdup (value));
  g_hash_table_add (self->state_dirty, g_strdup (key));
  return TRUE;
}

void
xaso_database_remember (XasoDatabase *self,
                        const char   *key,
                        const char   *value)
{
  if (self->in_transaction)
    g_hash_table_insert (self->remembered, g_strdup (key), g_strdup (value));
}

const char *
xaso_database_recall (XasoDatabase *self,
                      const char   *key)
{
  return self->in_transaction ? g_hash_table_lookup (self->remembered, key) : NULL;
}

/* Removes a database and its WAL companions, e.g. after a first set-up was
 * cancelled. The database must be closed. */
void
xaso_database_remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

GDateTime *
xaso_now (void)
{
  static GTimeZone *local_zone;

  if (g_once_init_enter (&local_zone))
    g_once_init_leave (&local_zone, g_time_zone_new_local ());
  return g_date_time_new_now (local_zone);
}

/* The time as ISO 8601 text, local time with its offset. Formatting a
 * GDateTime cost a twentieth of a bulk import, which stamps every row, so
 * each thread keeps the text of the current second and adds the
 * microseconds to it. */
typedef struct
{
  gint64 second;
  char   date_time[20];   /* YYYY-MM-DDTHH:MM:SS */
  char   zone[16];        /* Z or +07:00 */
} NowCache;

static void
fill_now_cache (NowCache *cache,
                gint64    second)
{
  g_autoptr(GDateTime) whole = g_date_time_new_from_unix_local (second);
  g_autofree char *text = NULL;

  text = g_date_time_format_iso8601 (whole);
  cache->second = second;
  g_strlcpy (cache->date_time, text, sizeof cache->date_time);
  g_strlcpy (cache->zone, text + MIN (strlen (text), 19), sizeof cache->zone);
}

char *
xaso_now_iso (void)
{
  static __thread NowCache cache = { -1 };
  gint64 now = g_get_real_time ();
  gint64 second = now / G_USEC_PER_SEC;
  int usec = now % G_USEC_PER_SEC;
  char fraction[8] = "";

  if (second != cache.second)
    fill_now_cache (&cache, second);
  if (usec != 0)
    {
      fraction[0] = '.';
      for (int i = 6; i > 0; i--, usec /= 10)
        fraction[i] = '0' + usec % 10;
    }
  return g_strconcat (cache.date_time, fraction, cache.zone, NULL);
}

void
xaso_bind_text (sqlite3_stmt *stmt,
                int           index,
                const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
xaso_bind_named (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    xaso_bind_text (stmt, index, value);
}

const char *
xaso_column_text (sqlite3_stmt *stmt,
                  int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

void
_xaso_database_wait_for_checkpoint (XasoDatabase *self)
{
  _xaso_checkpoint_wait (self->checkpoint);
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

GArray *
xaso_database_collect_rowids (XasoDatabase  *self,
                              sqlite3_stmt  *stmt,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GArray) rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 256);
  sqlite3 *handle = xaso_database_get_handle (self);
  int rc;

  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 1000, check_cancelled, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  sqlite3_progress_handler (handle, 0, NULL, NULL);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The search was cancelled."));
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      xaso_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rowids);
}
