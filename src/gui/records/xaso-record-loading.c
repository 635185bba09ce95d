/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-records"

#include "config.h"

#include "xaso-record-loading.h"

typedef struct
{
  XasoRecordPages pages;
  GObject        *owner;        /* keeps the pages' widgets alive */
  XasoLoadedFunc  show;
} Loading;

static void
loading_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Loading *loading = data;
  g_autoptr(GObject) owner = loading->owner;
  g_autoptr(GError) error = NULL;
  gpointer loaded = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  XasoRecordPages pages = loading->pages;
  XasoLoadedFunc show = loading->show;

  g_free (loading);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      adw_status_page_set_description (pages.error_page, error ? error->message : NULL);
      gtk_stack_set_visible_child_name (pages.stack, "error");
      return;
    }
  gtk_stack_set_visible_child_name (pages.stack, pages.shown_page);
  show (owner, loaded);
}

/* Runs @func on the context's worker with @job; @show takes what it
 * returned, on this thread. */
void
xaso_record_loading_start (const XasoRecordPages *pages,
                           XasoContext           *context,
                           XasoContextFunc        func,
                           gpointer               job,
                           GDestroyNotify         job_free,
                           GDestroyNotify         loaded_free,
                           GCancellable          *cancellable,
                           gpointer               owner,
                           XasoLoadedFunc         show)
{
  Loading *loading = g_new0 (Loading, 1);

  g_return_if_fail (GTK_IS_STACK (pages->stack));
  g_return_if_fail (XASO_IS_CONTEXT (context));

  loading->pages = *pages;
  loading->owner = g_object_ref (owner);
  loading->show = show;
  if (!pages->quietly)
    gtk_stack_set_visible_child_name (pages->stack, "loading");
  xaso_context_run_async (context, func, job, job_free, loaded_free, cancellable, loading_done_cb, loading);
}
