/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-session"

#include "config.h"

#include "xaso-list-search.h"

struct _XasoListSearch
{
  GObject          parent_instance;

  XasoContext     *context;
  XasoRecordList  *list;
  XasoRowidSearch  search;
  guint            first_screen;
  GCancellable    *cancellable;   /* of the latest search */
};

G_DEFINE_FINAL_TYPE (XasoListSearch, xaso_list_search, G_TYPE_OBJECT)

enum {
  FIRST_SCREEN,
  DONE,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One search: its filter serves the first screen and the whole list. */
typedef struct
{
  gatomicrefcount  ref;
  gpointer         filter;
  GDestroyNotify   filter_free;
  XasoRowidSearch  search;
} Query;

typedef struct
{
  Query *query;
  guint  limit;
} Job;

static Query *
query_ref (Query *query)
{
  g_atomic_ref_count_inc (&query->ref);
  return query;
}

static void
query_unref (Query *query)
{
  if (!g_atomic_ref_count_dec (&query->ref))
    return;
  if (query->filter_free != NULL)
    query->filter_free (query->filter);
  g_free (query);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  query_unref (job->query);
  g_free (job);
}

static gpointer
search_in_thread (XasoDatabase  *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Job *job = data;

  return job->query->search (db, job->query->filter, job->limit, cancellable, error);
}

static void run_job (XasoListSearch *self,
                     Query          *query,
                     guint           limit);

typedef struct
{
  XasoListSearch *self;
  GCancellable   *cancellable;
  Query          *query;
  guint           limit;
} Pending;

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Pending *pending = data;
  g_autoptr(XasoListSearch) self = pending->self;
  g_autoptr(GCancellable) cancellable = pending->cancellable;
  g_autoptr(GError) error = NULL;
  GArray *rowids = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  gboolean whole = pending->limit == 0 || (rowids != NULL && rowids->len < pending->limit);
  Query *query = pending->query;

  g_free (pending);
  if (g_cancellable_is_cancelled (cancellable) || rowids == NULL)
    {
      if (rowids != NULL)
        g_array_unref (rowids);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      query_unref (query);
      return;
    }
  xaso_record_list_set_rowids (self->list, rowids);
  if (whole)
    g_signal_emit (self, signals[DONE], 0, g_list_model_get_n_items (G_LIST_MODEL (self->list)));
  else
    {
      g_signal_emit (self, signals[FIRST_SCREEN], 0, g_list_model_get_n_items (G_LIST_MODEL (self->list)));
      run_job (self, query, 0);
    }
  query_unref (query);
}

static void
run_job (XasoListSearch *self,
         Query          *query,
         guint           limit)
{
  Job *job = g_new0 (Job, 1);
  Pending *pending = g_new0 (Pending, 1);

  job->query = query_ref (query);
  job->limit = limit;
  pending->self = g_object_ref (self);
  pending->cancellable = g_object_ref (self->cancellable);
  pending->query = query_ref (query);
  pending->limit = limit;
  xaso_context_run_async (self->context, search_in_thread, job, job_free, (GDestroyNotify)g_array_unref,
                          self->cancellable, search_done_cb, pending);
}

static void
xaso_list_search_dispose (GObject *object)
{
  XasoListSearch *self = XASO_LIST_SEARCH (object);

  xaso_list_search_cancel (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->list);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (xaso_list_search_parent_class)->dispose (object);
}

static void
xaso_list_search_class_init (XasoListSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xaso_list_search_dispose;

  /* The list holds the first screen; the rest follows. */
  signals[FIRST_SCREEN] = g_signal_new ("first-screen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* The list holds every match; with their number. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* The search failed, with the message to show. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xaso_list_search_init (XasoListSearch *self)
{
}

XasoListSearch *
xaso_list_search_new (XasoContext     *context,
                      XasoRecordList  *list,
                      XasoRowidSearch  search,
                      guint            first_screen)
{
  XasoListSearch *self;

  g_return_val_if_fail (XASO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (XASO_IS_RECORD_LIST (list), NULL);
  g_return_val_if_fail (search != NULL, NULL);

  self = g_object_new (XASO_TYPE_LIST_SEARCH, NULL);
  self->context = g_object_ref (context);
  self->list = g_object_ref (list);
  self->search = search;
  self->first_screen = first_screen;
  return self;
}

void
xaso_list_search_run (XasoListSearch *self,
                      gpointer        filter,
                      GDestroyNotify  filter_free)
{
  Query *query = g_new0 (Query, 1);

  g_return_if_fail (XASO_IS_LIST_SEARCH (self));

  g_atomic_ref_count_init (&query->ref);
  query->filter = filter;
  query->filter_free = filter_free;
  query->search = self->search;
  xaso_list_search_cancel (self);
  self->cancellable = g_cancellable_new ();
  run_job (self, query, self->first_screen);
  query_unref (query);
}

void
xaso_list_search_cancel (XasoListSearch *self)
{
  g_return_if_fail (XASO_IS_LIST_SEARCH (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}
