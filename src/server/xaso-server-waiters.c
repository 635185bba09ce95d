/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <errno.h>
#include <poll.h>

#include "pg/xaso-pg.h"
#include "xaso-server-log.h"
#include "xaso-server-waiters.h"

typedef struct
{
  char           *commune;
  guint           timeout_id;
  XasoServerWake  wake;
  gpointer        data;
} Waiter;

struct _XasoServerWaiters
{
  GHashTable   *waiters;      /* id → Waiter */
  GHashTable   *generations;  /* commune → guint64 (boxed in the pointer) */
  guint         next_id;
  GMainContext *context;
  /* The listener thread. */
  GThread      *listener;
  char         *conninfo;
  gint          stopping;
};

typedef struct
{
  XasoServerWaiters *waiters;
  char              *commune;
} Notification;

static void
waiter_free (Waiter *waiter)
{
  g_clear_handle_id (&waiter->timeout_id, g_source_remove);
  g_free (waiter->commune);
  g_free (waiter);
}

static void
wake (XasoServerWaiters *waiters,
      guint              id)
{
  Waiter *waiter = g_hash_table_lookup (waiters->waiters, GUINT_TO_POINTER (id));
  XasoServerWake callback = waiter->wake;
  gpointer data = waiter->data;

  g_hash_table_remove (waiters->waiters, GUINT_TO_POINTER (id));
  callback (data);
}

typedef struct
{
  XasoServerWaiters *waiters;
  guint              id;
} Timeout;

static gboolean
timeout_cb (gpointer user_data)
{
  Timeout *t = user_data;
  Waiter *waiter = g_hash_table_lookup (t->waiters->waiters, GUINT_TO_POINTER (t->id));

  waiter->timeout_id = 0;
  wake (t->waiters, t->id);
  return G_SOURCE_REMOVE;
}

guint
xaso_server_waiters_add (XasoServerWaiters *waiters,
                         const char        *commune_code,
                         guint              seconds,
                         XasoServerWake     callback,
                         gpointer           data)
{
  Waiter *waiter = g_new0 (Waiter, 1);
  Timeout *t = g_new0 (Timeout, 1);
  guint id = ++waiters->next_id;

  t->waiters = waiters;
  t->id = id;
  waiter->commune = g_strdup (commune_code);
  waiter->wake = callback;
  waiter->data = data;
  /* In milliseconds: a timer in seconds may fire up to a second early, and a
   * long-poll must wait the time it was asked to. */
  waiter->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, seconds * 1000, timeout_cb, t, g_free);
  g_hash_table_insert (waiters->waiters, GUINT_TO_POINTER (id), waiter);
  return id;
}

void
xaso_server_waiters_remove (XasoServerWaiters *waiters,
                            guint              id)
{
  g_hash_table_remove (waiters->waiters, GUINT_TO_POINTER (id));
}

guint64
xaso_server_waiters_generation (XasoServerWaiters *waiters,
                                const char        *commune_code)
{
  guint64 *generation = g_hash_table_lookup (waiters->generations, commune_code);

  return generation ? *generation : 0;
}

static GArray *
ids_where (XasoServerWaiters *waiters,
           const char        *commune_code)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;
  Waiter *waiter;

  g_hash_table_iter_init (&iter, waiters->waiters);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &waiter))
    if (commune_code == NULL || g_str_equal (waiter->commune, commune_code))
      {
        guint id = GPOINTER_TO_UINT (key);

        g_array_append_val (ids, id);
      }
  return ids;
}

/* Wakes by id, collected first: a woken waiter may add another. */
static void
wake_ids (XasoServerWaiters *waiters,
          GArray            *ids)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_hash_table_contains (waiters->waiters, GUINT_TO_POINTER (g_array_index (ids, guint, i))))
      wake (waiters, g_array_index (ids, guint, i));
}

void
xaso_server_waiters_notify (XasoServerWaiters *waiters,
                            const char        *commune_code)
{
  g_autoptr(GArray) ids = NULL;
  guint64 *generation = g_hash_table_lookup (waiters->generations, commune_code);

  if (generation == NULL)
    {
      generation = g_new0 (guint64, 1);
      g_hash_table_insert (waiters->generations, g_strdup (commune_code), generation);
    }
  (*generation)++;
  ids = ids_where (waiters, commune_code);
  wake_ids (waiters, ids);
}

void
xaso_server_waiters_wake_all (XasoServerWaiters *waiters)
{
  g_autoptr(GArray) ids = ids_where (waiters, NULL);

  wake_ids (waiters, ids);
}

guint
xaso_server_waiters_count (XasoServerWaiters *waiters)
{
  return g_hash_table_size (waiters->waiters);
}

static gboolean
notification_cb (gpointer user_data)
{
  Notification *n = user_data;

  xaso_server_waiters_notify (n->waiters, n->commune);
  return G_SOURCE_REMOVE;
}

static void
notification_free (Notification *n)
{
  g_free (n->commune);
  g_free (n);
}

static void
forward_notifications (XasoServerWaiters *waiters,
                       PGconn            *conn)
{
  PGnotify *notify;

  while ((notify = PQnotifies (conn)) != NULL)
    {
      Notification *n = g_new0 (Notification, 1);

      n->waiters = waiters;
      n->commune = g_strdup (notify->extra);
      g_main_context_invoke_full (waiters->context, G_PRIORITY_DEFAULT, notification_cb, n,
                                  (GDestroyNotify) notification_free);
      PQfreemem (notify);
    }
}

/* Listens until the connection breaks or the server stops. */
static void
listen_on (XasoServerWaiters *waiters,
           XasoPg            *pg)
{
  PGconn *conn = xaso_pg_get_conn (pg);

  while (!g_atomic_int_get (&waiters->stopping))
    {
      struct pollfd fd = { .fd = PQsocket (conn), .events = POLLIN };

      /* A short timeout, to notice the stop flag. */
      if (poll (&fd, 1, 250) < 0 && errno != EINTR)
        return;
      if (!PQconsumeInput (conn))
        return;
      forward_notifications (waiters, conn);
    }
}

static gpointer
listener_thread (gpointer data)
{
  XasoServerWaiters *waiters = data;
  g_autoptr(XasoPg) pg = xaso_pg_new (waiters->conninfo, NULL);

  while (!g_atomic_int_get (&waiters->stopping))
    {
      g_autoptr(GError) error = NULL;

      if (!xaso_pg_ensure (pg, &error) || !xaso_pg_exec (pg, "LISTEN xaso_log", &error))
        {
          xaso_server_log ("long-poll listener: %s; trying again", error->message);
          for (int i = 0; i < 20 && !g_atomic_int_get (&waiters->stopping); i++)
            g_usleep (100 * 1000);
          continue;
        }
      listen_on (waiters, pg);
      xaso_pg_reset (pg);
    }
  return NULL;
}

XasoServerWaiters *
xaso_server_waiters_new (const char *conninfo)
{
  XasoServerWaiters *waiters = g_new0 (XasoServerWaiters, 1);

  waiters->waiters = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) waiter_free);
  waiters->generations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  waiters->context = g_main_context_ref_thread_default ();
  if (conninfo != NULL)
    {
      waiters->conninfo = g_strdup (conninfo);
      waiters->listener = g_thread_new ("xaso-listen", listener_thread, waiters);
    }
  return waiters;
}

void
xaso_server_waiters_free (XasoServerWaiters *waiters)
{
  g_atomic_int_set (&waiters->stopping, TRUE);
  if (waiters->listener != NULL)
    g_thread_join (waiters->listener);
  g_hash_table_unref (waiters->waiters);
  g_hash_table_unref (waiters->generations);
  g_main_context_unref (waiters->context);
  g_free (waiters->conninfo);
  g_free (waiters);
}
