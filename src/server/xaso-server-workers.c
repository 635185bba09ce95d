/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-log.h"
#include "xaso-server-metrics.h"
#include "xaso-server-workers.h"

struct _XasoServerWorkers
{
  char        *conninfo;
  GThreadPool *pool;
  guint64      n_jobs;     /* jobs queued so far, the main loop's count */
};

typedef struct
{
  XasoServerHandler        handler;
  const XasoServerRequest *request;   /* borrowed */
  guint                    rank;      /* who goes first: the lower */
  guint64                  order;     /* then first come, first served */
} Job;

/* A push goes first: a desktop waits for its receipts, and one push wakes
 * the long-polls of every desktop of its commune, whose answers (rank 2)
 * would otherwise queue up in front of the next pushes. */
static guint
job_rank (const XasoServerRequest *request)
{
  if (request->endpoint == XASO_ENDPOINT_PUSH)
    return 0;
  return request->no_wait ? 2 : 1;
}

static gint
job_compare (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const Job *ja = g_task_get_task_data ((GTask *) a);
  const Job *jb = g_task_get_task_data ((GTask *) b);

  if (ja->rank != jb->rank)
    return ja->rank < jb->rank ? -1 : 1;
  return ja->order < jb->order ? -1 : ja->order > jb->order;
}

/* Each worker thread keeps its connection for as long as it lives. */
static GPrivate thread_connection = G_PRIVATE_INIT ((GDestroyNotify) xaso_pg_free);

static XasoServerResponse *
unavailable (void)
{
  g_autoptr(GError) error = g_error_new_literal (XASO_SYNC_ERROR, XASO_SYNC_ERROR_DATABASE_UNAVAILABLE,
                                                 "Máy chủ tạm thời không kết nối được cơ sở dữ liệu; "
                                                 "vui lòng thử lại sau.");

  return xaso_server_response_error (error);
}

static XasoServerResponse *
run_once (XasoPg   *pg,
          Job      *job,
          GError  **error)
{
  guint before = xaso_pg_get_reconnections (pg);
  XasoServerResponse *response = job->handler (pg, job->request, error);

  for (guint n = xaso_pg_get_reconnections (pg); n > before; n--)
    xaso_server_metrics_reconnection ();
  return response;
}

static XasoServerResponse *
run_job (XasoPg *pg,
         Job    *job)
{
  g_autoptr(GError) error = NULL;
  XasoServerResponse *response = run_once (pg, job, &error);

  if (response == NULL && g_error_matches (error, XASO_PG_ERROR, XASO_PG_ERROR_UNAVAILABLE))
    {
      /* Nothing was answered: a fresh connection (maybe to another host of
       * the conninfo, after a failover) may serve the same request. Had the
       * link broken during a push's COMMIT, the batch may have been taken;
       * the push then finds its stored receipts and answers them again. */
      xaso_server_log ("PostgreSQL connection lost (%s); retrying on a new connection", error->message);
      g_clear_error (&error);
      xaso_pg_reset (pg);
      response = run_once (pg, job, &error);
    }
  if (response != NULL)
    return response;
  if (error->domain == XASO_SYNC_ERROR)
    return xaso_server_response_error (error);
  xaso_server_log ("%s: %s", xaso_endpoint_name (job->request->endpoint), error->message);
  if (job->request->endpoint == XASO_ENDPOINT_HEALTH || g_error_matches (error, XASO_PG_ERROR, XASO_PG_ERROR_UNAVAILABLE))
    return unavailable ();
  return xaso_server_response_error (error);
}

static void
work (GTask             *task,
      XasoServerWorkers *workers)
{
  Job *job = g_task_get_task_data (task);
  XasoPg *pg = g_private_get (&thread_connection);
  XasoServerResponse *response;

  if (pg == NULL)
    {
      pg = xaso_pg_new (workers->conninfo, XASO_PG_ROLE_APP);
      g_private_set (&thread_connection, pg);
    }
  response = run_job (pg, job);
  /* Compressed here, not on the main loop: a big pull page takes
   * milliseconds of gzip that would hold up every other answer. */
  if (!response->wait)
    xaso_server_response_compress (response, job->request->accept_gzip);
  g_task_return_pointer (task, response, (GDestroyNotify) xaso_server_response_free);
  g_object_unref (task);
}

XasoServerWorkers *
xaso_server_workers_new (const char  *conninfo,
                         guint        n_threads,
                         GError     **error)
{
  XasoServerWorkers *workers = g_new0 (XasoServerWorkers, 1);

  workers->conninfo = g_strdup (conninfo);
  /* Exclusive: the threads, and so their connections, stay for good. */
  workers->pool = g_thread_pool_new ((GFunc) work, workers, (int) n_threads, TRUE, error);
  if (workers->pool == NULL)
    {
      g_free (workers->conninfo);
      g_free (workers);
      return NULL;
    }
  g_thread_pool_set_sort_function (workers->pool, job_compare, NULL);
  return workers;
}

void
xaso_server_workers_free (XasoServerWorkers *workers)
{
  g_thread_pool_free (workers->pool, FALSE, TRUE);
  g_free (workers->conninfo);
  g_free (workers);
}

void
xaso_server_workers_run (XasoServerWorkers   *workers,
                         XasoServerHandler    handler,
                         const XasoServerRequest *request,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->handler = handler;
  job->request = request;
  job->rank = job_rank (request);
  job->order = workers->n_jobs++;
  g_task_set_source_tag (task, xaso_server_workers_run);
  g_task_set_task_data (task, job, g_free);
  g_thread_pool_push (workers->pool, task, NULL);
}

XasoServerResponse *
xaso_server_workers_run_finish (GAsyncResult *result)
{
  return g_task_propagate_pointer (G_TASK (result), NULL);
}
