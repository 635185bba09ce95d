/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf-renderer"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-pdf-render.h"
#include "xaso-pdf-renderer.h"

/* One PDF document and the one thread that may touch it. A PopplerDocument
 * must never be used from two threads at once (DESIGN.md §5), so every
 * poppler call goes through a single-thread pool whose queue is sorted by
 * priority: the visible page first, thumbnails and search after. Callers get
 * GTask results on the main thread; a job whose GCancellable fired by the
 * time the worker reaches it is skipped without touching poppler.
 *
 * Tasks carry no reference to the renderer: the worker may drop a task last,
 * and the renderer must never be finalized on its own worker thread. */

typedef enum
{
  JOB_OPEN,
  JOB_SIZES,
  JOB_RENDER,
  JOB_FIND,
  JOB_SELECT,
} JobKind;

typedef struct
{
  JobKind          kind;
  int              priority;
  guint64          seq;
  int              page;
  int              n_pages;
  double           scale;
  char            *text;
  PopplerRectangle area;
} Job;

/* What the worker owns. Lives until the pool has run its last job. */
typedef struct
{
  GMutex           lock;
  PopplerDocument *document;
  int              closing;
} Shared;

typedef struct
{
  int             n_pages;
  XasoPdfPageSize first;
} OpenResult;

struct _XasoPdfRenderer
{
  GObject          parent_instance;

  GThreadPool     *pool;
  Shared          *shared;
  guint64          next_seq;
  int              n_pages;
  XasoPdfPageSize  first_size;
};

G_DEFINE_FINAL_TYPE (XasoPdfRenderer, xaso_pdf_renderer, G_TYPE_OBJECT)
G_DEFINE_QUARK (xaso-pdf-renderer-error-quark, xaso_pdf_renderer_error)

void
xaso_pdf_selection_free (XasoPdfSelection *selection)
{
  if (selection == NULL)
    return;
  g_free (selection->text);
  g_clear_pointer (&selection->region, cairo_region_destroy);
  g_free (selection);
}

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job);
}

/* The error a person can act on: a password, or a file that is not a PDF. */
static void
set_open_error (GError  **error,
                GError   *poppler_error)
{
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error_literal (error, XASO_PDF_RENDERER_ERROR, XASO_PDF_RENDERER_ERROR_ENCRYPTED,
                         _("This PDF is protected by a password. Xã Số cannot open "
                           "password-protected files yet."));
  else
    g_set_error (error, XASO_PDF_RENDERER_ERROR, XASO_PDF_RENDERER_ERROR_DAMAGED,
                 _("This file is damaged or is not a PDF (%s)."),
                 poppler_error ? poppler_error->message : _("it has no pages"));
}

static void
run_open (GTask  *task,
          Shared *shared,
          Job    *job)
{
  g_autoptr(GError) poppler_error = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  OpenResult *result;

  document = poppler_document_new_from_file (job->text, NULL, &poppler_error);
  if (document == NULL || poppler_document_get_n_pages (document) < 1)
    {
      g_clear_object (&document);
      set_open_error (&error, poppler_error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = g_new0 (OpenResult, 1);
  result->n_pages = poppler_document_get_n_pages (document);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &result->first.width, &result->first.height);
  g_object_unref (page);
  g_clear_object (&shared->document);
  shared->document = document;
  g_task_return_pointer (task, result, g_free);
}

static void
run_sizes (GTask  *task,
           Shared *shared,
           Job    *job)
{
  GArray *sizes = g_array_sized_new (FALSE, TRUE, sizeof (XasoPdfPageSize), job->n_pages);

  for (int i = 0; i < job->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (shared->document, job->page + i);
      XasoPdfPageSize size = { 612, 792 };

      if (page != NULL)
        poppler_page_get_size (page, &size.width, &size.height);
      g_clear_object (&page);
      g_array_append_val (sizes, size);
    }
  g_task_return_pointer (task, sizes, (GDestroyNotify) g_array_unref);
}

static void
run_render (GTask  *task,
            Shared *shared,
            Job    *job)
{
  PopplerPage *page = poppler_document_get_page (shared->document, job->page);
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  int width, height, stride;

  surface = page ? xaso_pdf_render_page (page, job->scale) : NULL;
  g_clear_object (&page);
  if (surface == NULL)
    {
      g_task_return_new_error (task, XASO_PDF_RENDERER_ERROR, XASO_PDF_RENDERER_ERROR_NO_MEMORY,
                               _("Page %d could not be drawn at this zoom."), job->page + 1);
      return;
    }
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_task_return_pointer (task, gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride),
                         g_object_unref);
}

/* poppler_page_find_text puts the origin at the bottom left; the view
 * wants it at the top left, like everything else it draws. */
static void
run_find (GTask  *task,
          Shared *shared,
          Job    *job)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (XasoPdfMatch));

  for (int i = 0; i < job->n_pages && !g_task_return_error_if_cancelled (task); i++)
    {
      PopplerPage *page = poppler_document_get_page (shared->document, job->page + i);
      GList *found;
      double height = 0;

      if (page == NULL)
        continue;
      poppler_page_get_size (page, NULL, &height);
      found = poppler_page_find_text_with_options (page, job->text, POPPLER_FIND_IGNORE_DIACRITICS);
      g_object_unref (page);
      for (GList *l = found; l != NULL; l = l->next)
        {
          PopplerRectangle *r = l->data;
          XasoPdfMatch match = { job->page + i, r->x1, height - r->y2, r->x2, height - r->y1 };

          g_array_append_val (matches, match);
        }
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
    }
  if (g_task_had_error (task))
    g_array_unref (matches);
  else
    g_task_return_pointer (task, matches, (GDestroyNotify) g_array_unref);
}

static void
run_select (GTask  *task,
            Shared *shared,
            Job    *job)
{
  PopplerPage *page = poppler_document_get_page (shared->document, job->page);
  XasoPdfSelection *selection = g_new0 (XasoPdfSelection, 1);

  if (page != NULL)
    {
      selection->text = poppler_page_get_selected_text (page, POPPLER_SELECTION_GLYPH, &job->area);
      selection->region = poppler_page_get_selected_region (page, 1.0, POPPLER_SELECTION_GLYPH, &job->area);
      g_object_unref (page);
    }
  g_task_return_pointer (task, selection, (GDestroyNotify) xaso_pdf_selection_free);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  g_autoptr(GTask) task = data;
  Shared *shared = user_data;
  Job *job = g_task_get_task_data (task);

  if (g_atomic_int_get (&shared->closing))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The document was closed");
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&shared->lock);
  if (job->kind != JOB_OPEN && shared->document == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "No document is open");
  else if (job->kind == JOB_OPEN)
    run_open (task, shared, job);
  else if (job->kind == JOB_SIZES)
    run_sizes (task, shared, job);
  else if (job->kind == JOB_RENDER)
    run_render (task, shared, job);
  else if (job->kind == JOB_FIND)
    run_find (task, shared, job);
  else
    run_select (task, shared, job);
  g_mutex_unlock (&shared->lock);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Job *x = g_task_get_task_data ((GTask *) a);
  Job *y = g_task_get_task_data ((GTask *) b);

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
push_job (XasoPdfRenderer     *self,
          Job                 *job,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  job->seq = self->next_seq++;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_thread_pool_push (self->pool, task, NULL);
}

static void
xaso_pdf_renderer_dispose (GObject *object)
{
  XasoPdfRenderer *self = (XasoPdfRenderer *) object;

  /* Jobs still queued return "cancelled" without touching poppler, so
   * waiting for the pool costs at most the page being drawn right now. */
  if (self->pool != NULL)
    {
      g_atomic_int_set (&self->shared->closing, TRUE);
      g_thread_pool_free (g_steal_pointer (&self->pool), FALSE, TRUE);
    }
  if (self->shared != NULL)
    {
      g_clear_object (&self->shared->document);
      g_mutex_clear (&self->shared->lock);
      g_clear_pointer (&self->shared, g_free);
    }
  G_OBJECT_CLASS (xaso_pdf_renderer_parent_class)->dispose (object);
}

static void
xaso_pdf_renderer_class_init (XasoPdfRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xaso_pdf_renderer_dispose;
}

static void
xaso_pdf_renderer_init (XasoPdfRenderer *self)
{
  self->shared = g_new0 (Shared, 1);
  g_mutex_init (&self->shared->lock);
  self->pool = g_thread_pool_new (run_job, self->shared, 1, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
}

XasoPdfRenderer *
xaso_pdf_renderer_new (void)
{
  return g_object_new (XASO_TYPE_PDF_RENDERER, NULL);
}

void
xaso_pdf_renderer_open_async (XasoPdfRenderer     *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (XASO_IS_PDF_RENDERER (self));
  job->kind = JOB_OPEN;
  job->priority = XASO_PDF_PRIORITY_OPEN;
  job->text = g_file_get_uri (file);
  push_job (self, job, xaso_pdf_renderer_open_async, cancellable, callback, user_data);
}

gboolean
xaso_pdf_renderer_open_finish (XasoPdfRenderer  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_autofree OpenResult *opened = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  opened = g_task_propagate_pointer (G_TASK (result), error);
  if (opened == NULL)
    return FALSE;
  self->n_pages = opened->n_pages;
  self->first_size = opened->first;
  return TRUE;
}

int
xaso_pdf_renderer_get_n_pages (XasoPdfRenderer *self)
{
  return self->n_pages;
}

XasoPdfPageSize
xaso_pdf_renderer_get_first_size (XasoPdfRenderer *self)
{
  return self->first_size;
}

void
xaso_pdf_renderer_sizes_async (XasoPdfRenderer     *self,
                               int                  first,
                               int                  n_pages,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_SIZES;
  job->priority = XASO_PDF_PRIORITY_BACKGROUND;
  job->page = first;
  job->n_pages = n_pages;
  push_job (self, job, xaso_pdf_renderer_sizes_async, cancellable, callback, user_data);
}

GArray *
xaso_pdf_renderer_sizes_finish (XasoPdfRenderer  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
xaso_pdf_renderer_render_async (XasoPdfRenderer     *self,
                                int                  page,
                                double               scale,
                                XasoPdfPriority      priority,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_RENDER;
  job->priority = priority;
  job->page = page;
  job->scale = scale;
  push_job (self, job, xaso_pdf_renderer_render_async, cancellable, callback, user_data);
}

GdkTexture *
xaso_pdf_renderer_render_finish (XasoPdfRenderer  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
xaso_pdf_renderer_find_async (XasoPdfRenderer     *self,
                              int                  first,
                              int                  n_pages,
                              const char          *text,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_FIND;
  job->priority = XASO_PDF_PRIORITY_THUMBNAIL;
  job->page = first;
  job->n_pages = n_pages;
  job->text = g_strdup (text);
  push_job (self, job, xaso_pdf_renderer_find_async, cancellable, callback, user_data);
}

GArray *
xaso_pdf_renderer_find_finish (XasoPdfRenderer  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
xaso_pdf_renderer_select_async (XasoPdfRenderer        *self,
                                int                     page,
                                const PopplerRectangle *area,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_SELECT;
  job->priority = XASO_PDF_PRIORITY_VISIBLE;
  job->page = page;
  job->area = *area;
  push_job (self, job, xaso_pdf_renderer_select_async, cancellable, callback, user_data);
}

XasoPdfSelection *
xaso_pdf_renderer_select_finish (XasoPdfRenderer  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Printing draws on the main thread, inside GtkPrintOperation's callback;
 * it waits for the worker's lock instead of queueing, which keeps poppler
 * to one thread at a time without a nested main loop. */
void
xaso_pdf_renderer_print_page (XasoPdfRenderer *self,
                              int              page_index,
                              cairo_t         *cr)
{
  PopplerPage *page = NULL;

  g_mutex_lock (&self->shared->lock);
  if (self->shared->document != NULL)
    page = poppler_document_get_page (self->shared->document, page_index);
  if (page != NULL)
    poppler_page_render_for_printing (page, cr);
  g_clear_object (&page);
  g_mutex_unlock (&self->shared->lock);
}
