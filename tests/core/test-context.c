/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xaso-context.h"
#include "xaso-test-util.h"

/* The context that the app, the command line and sync share: opened off
 * the calling thread, work run on a worker with the writer, results and
 * the "changed" signal back on the thread that asked. */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static XasoContext *
open_context (const char *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  XasoContext *context;

  xaso_context_open_async (path, NULL, store_result, &result);
  context = xaso_context_open_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return context;
}

static gpointer
count_persons (XasoDatabase  *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  *(GThread **)data = g_thread_self ();
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) xaso_test_count (db, "SELECT count(*) FROM person"));
}

static void
test_runs_on_a_worker (void)
{
  g_autofree char *path = xaso_test_temp_path ("context.db");
  g_autoptr(XasoDatabase) made = xaso_test_open_commune (path);
  g_autoptr(XasoContext) context = open_context (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GThread *worker = NULL;

  g_assert_cmpstr (xaso_context_get_commune (context)->code, ==, "12345");
  g_assert_cmpstr (xaso_context_get_path (context), ==, path);
  g_assert_nonnull (xaso_context_get_actor (context));
  g_assert_nonnull (xaso_context_get_reader (context));

  xaso_context_run_async (context, count_persons, &worker, NULL, g_free, NULL, store_result, &result);
  count = xaso_context_run_finish (context, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (count, ==, "0");
  g_assert_true (worker != NULL && worker != g_thread_self ());
}

static void
test_cancelled_work_says_so (void)
{
  g_autofree char *path = xaso_test_temp_path ("cancel.db");
  g_autoptr(XasoDatabase) made = xaso_test_open_commune (path);
  g_autoptr(XasoContext) context = open_context (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GThread *worker = NULL;

  g_cancellable_cancel (cancellable);
  xaso_context_run_async (context, count_persons, &worker, NULL, g_free, cancellable, store_result, &result);
  g_assert_null (xaso_context_run_finish (context, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_changed (XasoContext *context,
            const char  *table,
            gpointer     data)
{
  g_ptr_array_add (data, g_strdup (table));
}

static void
test_changed_names_the_table (void)
{
  g_autofree char *path = xaso_test_temp_path ("changed.db");
  g_autoptr(XasoDatabase) made = xaso_test_open_commune (path);
  g_autoptr(XasoContext) context = open_context (path);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (context, "changed", G_CALLBACK (on_changed), tables);
  xaso_context_notify_changed (context, "person");
  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (tables, 0), ==, "person");
}

static void
test_missing_commune_refused (void)
{
  g_autofree char *path = xaso_test_temp_path ("empty.db");
  g_autoptr(XasoDatabase) empty = xaso_database_open (path, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  xaso_context_open_async (path, NULL, store_result, &result);
  g_assert_null (xaso_context_open_finish (wait_for (&result), &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/context/runs-on-a-worker", test_runs_on_a_worker);
  g_test_add_func ("/store/context/cancelled-work-says-so", test_cancelled_work_says_so);
  g_test_add_func ("/store/context/changed-names-the-table", test_changed_names_the_table);
  g_test_add_func ("/store/context/missing-commune-refused", test_missing_commune_refused);
  return g_test_run ();
}
