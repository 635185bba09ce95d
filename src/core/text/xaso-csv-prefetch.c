/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-text"

#include "config.h"

#include "xaso-csv-prefetch.h"

/* Rows travel in batches, so the threads meet once per batch rather than
 * once per row; a fixed number of batches bounds what is read ahead. */
#define BATCH_ROWS 256
#define N_BATCHES  8

typedef struct
{
  gpointer items[BATCH_ROWS];
  guint    lines[BATCH_ROWS];
  guint    n_items;
  guint    next;
  gboolean last;        /* the file ends after these items */
  GError  *error;       /* ...or this stops it */
} Batch;

struct _XasoCsvPrefetch
{
  XasoCsvReader      *reader;
  XasoCsvPrepareFunc  prepare;
  gpointer            data;
  GDestroyNotify      item_free;
  GAsyncQueue        *filled;    /* Batch, read and prepared */
  GAsyncQueue        *empty;     /* Batch, for the reader to fill */
  GThread            *thread;
  gint                stop;
  Batch              *current;
  gboolean            ended;
};

static void
batch_clear (XasoCsvPrefetch *self,
             Batch           *batch)
{
  for (guint i = batch->next; i < batch->n_items; i++)
    self->item_free (batch->items[i]);
  g_clear_error (&batch->error);
  batch->n_items = batch->next = 0;
  batch->last = FALSE;
}

/* Fills one batch; FALSE when the file has ended or failed. */
static gboolean
fill_batch (XasoCsvPrefetch *self,
            Batch           *batch)
{
  while (batch->n_items < BATCH_ROWS)
    {
      g_autoptr(GPtrArray) row = NULL;
      gpointer item;

      batch->lines[batch->n_items] = 0;
      if (!xaso_csv_reader_next (self->reader, &row, &batch->error))
        {
          batch->last = TRUE;
          return FALSE;
        }
      batch->lines[batch->n_items] = xaso_csv_reader_get_line (self->reader);
      item = self->prepare (row, self->data, &batch->error);
      if (item == NULL)
        {
          batch->last = TRUE;
          return FALSE;
        }
      batch->items[batch->n_items++] = item;
    }
  return TRUE;
}

static gpointer
read_ahead (gpointer data)
{
  XasoCsvPrefetch *self = data;
  gboolean more = TRUE;

  while (more)
    {
      Batch *batch = g_async_queue_pop (self->empty);

      if (g_atomic_int_get (&self->stop))
        {
          batch->last = TRUE;
          more = FALSE;
        }
      else
        more = fill_batch (self, batch);
      g_async_queue_push (self->filled, batch);
    }
  return NULL;
}

XasoCsvPrefetch *
xaso_csv_prefetch_new (XasoCsvReader      *reader,
                       XasoCsvPrepareFunc  prepare,
                       gpointer            data,
                       GDestroyNotify      item_free)
{
  XasoCsvPrefetch *self = g_new0 (XasoCsvPrefetch, 1);

  self->reader = reader;
  self->prepare = prepare;
  self->data = data;
  self->item_free = item_free;
  self->filled = g_async_queue_new ();
  self->empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (self->empty, g_new0 (Batch, 1));
  self->thread = g_thread_new ("xaso-csv-read", read_ahead, self);
  return self;
}

gboolean
xaso_csv_prefetch_next (XasoCsvPrefetch  *self,
                        gpointer         *item,
                        guint            *line,
                        GError          **error)
{
  Batch *batch = self->current;

  while (!self->ended && (batch == NULL || batch->next == batch->n_items))
    {
      if (batch != NULL)
        {
          if (batch->last)
            {
              self->ended = TRUE;
              if (batch->error != NULL)
                {
                  *line = batch->lines[batch->n_items];
                  g_propagate_error (error, g_steal_pointer (&batch->error));
                }
              break;
            }
          batch_clear (self, batch);
          g_async_queue_push (self->empty, batch);
        }
      batch = self->current = g_async_queue_pop (self->filled);
    }
  if (self->ended)
    return FALSE;
  *line = batch->lines[batch->next];
  *item = batch->items[batch->next++];
  return TRUE;
}

void
xaso_csv_prefetch_free (XasoCsvPrefetch *self)
{
  gboolean last;
  Batch *batch;

  if (self == NULL)
    return;
  /* Once it sees the stop, the reader hands back one last batch; until
   * then every batch it fills is emptied and handed back to it. */
  g_atomic_int_set (&self->stop, 1);
  last = self->current != NULL && self->current->last;
  if (self->current != NULL)
    {
      batch_clear (self, self->current);
      g_async_queue_push (self->empty, self->current);
    }
  while (!last)
    {
      batch = g_async_queue_pop (self->filled);
      last = batch->last;
      batch_clear (self, batch);
      g_async_queue_push (self->empty, batch);
    }
  g_thread_join (self->thread);
  while ((batch = g_async_queue_try_pop (self->empty)) != NULL)
    {
      batch_clear (self, batch);
      g_free (batch);
    }
  g_async_queue_unref (self->empty);
  g_async_queue_unref (self->filled);
  g_free (self);
}
