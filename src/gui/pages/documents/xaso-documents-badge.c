/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include "xaso-document-queue.h"
#include "xaso-documents-badge.h"

typedef struct
{
  XasoUser *user;
  char     *direction;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_clear_object (&job->user);
  g_free (job->direction);
  g_free (job);
}

static gpointer
count_in_thread (XasoDatabase  *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  CountJob *job = data;
  guint *count = g_new0 (guint, 1);

  if (!xaso_queue_count_waiting (db, job->direction, job->user, count, error))
    g_clear_pointer (&count, g_free);
  return count;
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XasoPage) page = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree guint *count = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (count != NULL)
    xaso_page_set_badge_count (page, *count);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The documents waiting could not be counted: %s", error->message);
}

void
xaso_documents_badge_update (XasoPage     *page,
                             XasoContext  *context,
                             const char   *direction,
                             GCancellable *cancellable)
{
  XasoUser *user = xaso_context_get_user (context);
  CountJob *job;

  if (user == NULL)
    {
      xaso_page_set_badge_count (page, 0);
      return;
    }
  job = g_new0 (CountJob, 1);
  job->user = g_object_ref (user);
  job->direction = g_strdup (direction);
  xaso_context_run_async (context, count_in_thread, job, (GDestroyNotify)count_job_free, g_free, cancellable,
                          counted_cb, g_object_ref (page));
}
