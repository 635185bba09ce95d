/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include "xaso-sync-digest.h"
#include "xaso-sync-engine.h"
#include "xaso-sync-pull.h"
#include "xaso-sync-settings.h"

#define LONG_POLL_SECONDS 25
/* A transfer's progress reaches the GUI at most this often (µs). */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 4)
#define NOT_ENROLLED_RECHECK_SECONDS 30

struct _XasoSyncEngine
{
  GObject         parent_instance;

  char           *db_path;
  GMainContext   *context;       /* where "changed" is emitted */
  GThread        *thread;

  GMutex          lock;
  GCond           wake;
  gboolean        stopping;
  gboolean        poked;
  gboolean        busy;
  GCancellable   *cancellable;   /* cancelled to stop */
  GCancellable   *wait;          /* cancelled by a poke, ends a long-poll */
  gint64          last_progress; /* sync thread only: when "transfer" was last emitted */

  XasoSyncStatus *status;        /* main context only */
};

G_DEFINE_FINAL_TYPE (XasoSyncEngine, xaso_sync_engine, G_TYPE_OBJECT)

enum { CHANGED, PULLED, TRANSFER, N_SIGNALS };
static guint signals[N_SIGNALS];

double
xaso_sync_backoff_seconds (guint  failures,
                           double random01)
{
  double base = failures == 0 ? 0 : MIN (2.0 * (1u << MIN (failures - 1, 16u)), 300.0);

  return base * (0.5 + random01);
}

typedef struct
{
  XasoSyncEngine *self;
  XasoSyncStatus *status;
  guint32         tables;     /* pulled, as XasoSyncReport.tables_pulled */
} Publication;

static void
emit_pulled (XasoSyncEngine *self,
             guint32         tables)
{
  const char * const *names = xaso_sync_get_tables ();
  g_autoptr(GStrvBuilder) pulled = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (tables & (1u << i))
      g_strv_builder_add (pulled, names[i]);
  list = g_strv_builder_end (pulled);
  g_signal_emit (self, signals[PULLED], 0, list);
}

static gboolean
publish_in_context (gpointer data)
{
  Publication *p = data;

  if (p->status != NULL)
    {
      g_clear_pointer (&p->self->status, xaso_sync_status_free);
      p->self->status = g_steal_pointer (&p->status);
    }
  if (p->tables != 0)
    emit_pulled (p->self, p->tables);
  g_signal_emit (p->self, signals[CHANGED], 0);
  g_object_unref (p->self);
  g_free (p);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  XasoSyncEngine *self;
  char           *name;
  gboolean        upload;
  gint64          done;
  gint64          size;
} Progress;

static gboolean
progress_in_context (gpointer data)
{
  Progress *p = data;

  g_signal_emit (p->self, signals[TRANSFER], 0, p->name, p->upload, p->done, p->size);
  g_object_unref (p->self);
  g_free (p->name);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* A transfer moved on (sync thread): told to the GUI's thread a few times
 * a second, and always at its end. */
static void
transfer_progress (const char *name,
                   gboolean    upload,
                   gint64      done,
                   gint64      size,
                   gpointer    data)
{
  XasoSyncEngine *self = data;
  gint64 now = g_get_monotonic_time ();
  Progress *p;

  if (done < size && now - self->last_progress < PROGRESS_INTERVAL)
    return;
  self->last_progress = now;
  p = g_new0 (Progress, 1);
  *p = (Progress) { g_object_ref (self), g_strdup (name), upload, done, size };
  g_main_context_invoke (self->context, progress_in_context, p);
}

/* Tells the GUI's thread where things stand, and which tables changed. */
static void
publish (XasoSyncEngine *self,
         XasoDatabase   *db,
         guint32         tables)
{
  Publication *p = g_new0 (Publication, 1);

  p->self = g_object_ref (self);
  p->status = xaso_sync_status_read (db, NULL);
  p->tables = tables;
  g_main_context_invoke (self->context, publish_in_context, p);
}

static void
set_busy (XasoSyncEngine *self,
          gboolean        busy)
{
  g_mutex_lock (&self->lock);
  self->busy = busy;
  g_mutex_unlock (&self->lock);
}

/* Sleeps up to @seconds, waking early on a poke or a stop. Returns FALSE
 * when stopping. */
static gboolean
rest (XasoSyncEngine *self,
      double          seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  gboolean go_on;

  g_mutex_lock (&self->lock);
  while (!self->stopping && !self->poked)
    if (!g_cond_wait_until (&self->wake, &self->lock, until))
      break;
  self->poked = FALSE;
  g_clear_object (&self->wait);
  self->wait = g_cancellable_new ();
  go_on = !self->stopping;
  g_mutex_unlock (&self->lock);
  return go_on;
}

/* Waits on the server for the commune's next change; returns early when
 * something is written here. */
static gboolean
long_poll (XasoSyncEngine  *self,
           XasoDatabase    *db,
           XasoSyncReport  *report,
           GError         **error)
{
  g_autoptr(XasoSyncHttp) http = xaso_sync_connect (db, error);
  g_autoptr(GCancellable) wait = NULL;
  g_autoptr(GError) local = NULL;
  gboolean more = FALSE;

  if (http == NULL)
    return FALSE;
  /* A poke during the last round: sync again before waiting. */
  g_mutex_lock (&self->lock);
  if (g_cancellable_is_cancelled (self->wait))
    {
      g_clear_object (&self->wait);
      self->wait = g_cancellable_new ();
      self->poked = FALSE;
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  wait = g_object_ref (self->wait);
  g_mutex_unlock (&self->lock);
  if (xaso_sync_pull_page (db, http, LONG_POLL_SECONDS, report, &more, wait, &local))
    return TRUE;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* The watchdog's question: an op or an upload still waiting after a round
 * that went well. */
static gboolean
still_waiting (XasoDatabase *db)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'pending' OR state = 'held')", NULL);
  gboolean ops = FALSE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    ops = sqlite3_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ops || xaso_sync_blobs_count (db, TRUE) > 0;
}

static gpointer
run_thread (gpointer data)
{
  XasoSyncEngine *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = xaso_database_open (self->db_path, &error);
  guint failures = 0;

  if (db == NULL)
    {
      g_warning ("The sync engine cannot open %s: %s", self->db_path, error->message);
      return NULL;
    }
  for (;;)
    {
      g_autoptr(GError) failure = NULL;
      XasoSyncReport report = { .blobs = { transfer_progress, self } };
      XasoSyncReport waited = { 0 };
      double pause = 0;

      if (!xaso_sync_is_enrolled (db))
        {
          publish (self, db, 0);
          if (!rest (self, NOT_ENROLLED_RECHECK_SECONDS))
            break;
          continue;
        }
      set_busy (self, TRUE);
      publish (self, db, 0);
      if (xaso_sync_run_once (db, &report, self->cancellable, &failure))
        {
          failures = 0;
          /* After the first pull, then once a day: the tables, not only the log. */
          xaso_sync_digest_when_due (db, self->cancellable);
        }
      else
        failures++;
      set_busy (self, FALSE);
      publish (self, db, report.tables_pulled);
      if (g_cancellable_is_cancelled (self->cancellable))
        break;
      g_clear_error (&failure);
      if (failures > 0)
        pause = xaso_sync_backoff_seconds (failures, g_random_double ());
      else if ((report.sent > 0 || report.uploaded > 0) && still_waiting (db))
        /* Written meanwhile, or an upload left over: another round first
         * (only after one that moved something, so it never spins). */
        continue;
      else if (long_poll (self, db, &waited, &failure))
        {
          /* Something came, or something was written here: a whole round
           * applies it and pushes what waits. */
          if (waited.tables_pulled != 0)
            publish (self, db, waited.tables_pulled);
          continue;
        }
      else
        pause = xaso_sync_backoff_seconds (++failures, g_random_double ());
      if (!rest (self, pause))
        break;
    }
  return NULL;
}

XasoSyncEngine *
xaso_sync_engine_new (const char *db_path)
{
  XasoSyncEngine *self = g_object_new (XASO_TYPE_SYNC_ENGINE, NULL);

  self->db_path = g_strdup (db_path);
  return self;
}

void
xaso_sync_engine_start (XasoSyncEngine *self)
{
  g_return_if_fail (self->thread == NULL);

  self->stopping = FALSE;
  self->thread = g_thread_new ("xaso-sync", run_thread, g_object_ref (self));
}

void
xaso_sync_engine_stop (XasoSyncEngine *self)
{
  if (self->thread == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->wait);
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
  g_thread_join (g_steal_pointer (&self->thread));
  g_object_unref (self);
}

void
xaso_sync_engine_poke (XasoSyncEngine *self)
{
  g_mutex_lock (&self->lock);
  self->poked = TRUE;
  g_cancellable_cancel (self->wait);
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
}

const XasoSyncStatus *
xaso_sync_engine_get_status (XasoSyncEngine *self)
{
  return self->status;
}

gboolean
xaso_sync_engine_is_busy (XasoSyncEngine *self)
{
  gboolean busy;

  g_mutex_lock (&self->lock);
  busy = self->busy;
  g_mutex_unlock (&self->lock);
  return busy;
}

static void
xaso_sync_engine_finalize (GObject *object)
{
  XasoSyncEngine *self = XASO_SYNC_ENGINE (object);

  g_clear_pointer (&self->status, xaso_sync_status_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->wait);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);
  g_free (self->db_path);
  G_OBJECT_CLASS (xaso_sync_engine_parent_class)->finalize (object);
}

static void
xaso_sync_engine_class_init (XasoSyncEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_sync_engine_finalize;

  /* The state changed: read it with xaso_sync_engine_get_status(). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Records of these tables came from the server: lists showing them
   * should read them again. */
  signals[PULLED] = g_signal_new ("pulled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
  /* An attachment's bytes moved: (name, upload, done, size), a few times a
   * second while a transfer runs and once at its end. */
  signals[TRANSFER] = g_signal_new ("transfer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_BOOLEAN,
                                    G_TYPE_INT64, G_TYPE_INT64);
}

static void
xaso_sync_engine_init (XasoSyncEngine *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  self->wait = g_cancellable_new ();
}
