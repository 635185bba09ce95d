/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-database-private.h"

/* Folding the write-ahead log back into the database file, off the
 * writer's path. SQLite does it inside the commit that takes the log past
 * 1,000 pages: one save in a few hundred waited for it, and a bulk import's
 * commit spent a tenth of the import copying its pages a second time. Here
 * the commit only notes the size of the log; a passive checkpoint runs on a
 * pool thread with a connection of its own, beside readers and writers (WAL
 * lets it). Durability is unchanged: a commit is on disk in the log. */

#define CHECKPOINT_PAGES 1000

struct _XasoCheckpoint
{
  gatomicrefcount  ref;
  char            *path;
  gint             pending;
};

static GThreadPool *pool;

static XasoCheckpoint *
checkpoint_ref (XasoCheckpoint *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

static void
checkpoint_unref (XasoCheckpoint *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->path);
  g_free (self);
}

static void
run_checkpoint (gpointer data,
                gpointer user_data)
{
  XasoCheckpoint *self = data;
  sqlite3 *db = NULL;
  int rc, log_frames = 0, folded = 0;

  g_atomic_int_set (&self->pending, 0);
  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      /* A connection learns the file is in WAL mode on its first read. */
      rc = sqlite3_exec (db, "SELECT 1 FROM sqlite_schema LIMIT 1", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log_frames, &folded);
  /* One that fails (the file was moved, a checkpoint was running) leaves
   * the log to the next one, or to the last connection's close. */
  if (rc == SQLITE_OK)
    g_debug ("Checkpoint of %s: %d of %d pages folded back", self->path, folded, log_frames);
  else
    g_debug ("Checkpoint of %s: %s", self->path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close_v2 (db);
  checkpoint_unref (self);
}

static int
on_commit (void       *data,
           sqlite3    *db,
           const char *schema,
           int         pages)
{
  XasoCheckpoint *self = data;

  if (pages >= CHECKPOINT_PAGES && g_atomic_int_compare_and_exchange (&self->pending, 0, 1))
    g_thread_pool_push (pool, checkpoint_ref (self), NULL);
  return SQLITE_OK;
}

XasoCheckpoint *
_xaso_checkpoint_attach (sqlite3    *db,
                         const char *path)
{
  XasoCheckpoint *self = g_new0 (XasoCheckpoint, 1);

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (run_checkpoint, NULL, 1, FALSE, NULL));
  g_atomic_ref_count_init (&self->ref);
  self->path = g_strdup (path);
  sqlite3_wal_hook (db, on_commit, self);
  return self;
}

/* The hook is removed; a checkpoint already queued still runs. */
void
_xaso_checkpoint_detach (XasoCheckpoint *self,
                         sqlite3        *db)
{
  if (self == NULL)
    return;
  sqlite3_wal_hook (db, NULL, NULL);
  checkpoint_unref (self);
}

/* Waits until no checkpoint is queued or running, for tests that look at
 * the database file. */
void
_xaso_checkpoint_wait (XasoCheckpoint *self)
{
  while (!g_atomic_ref_count_compare (&self->ref, 1))
    g_usleep (1000);
}
