/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xaso-context.h"
#include "xaso-list-search.h"
#include "xaso-person.h"
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

/* A list search: the rows of persons whose name starts with the filter. */
static GArray *
names_starting (XasoDatabase  *db,
                gconstpointer  filter,
                guint          limit,
                GCancellable  *cancellable,
                GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT rowid FROM person WHERE full_name LIKE ?1 || '%' "
                                                  "ORDER BY rowid LIMIT ?2", error);
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

  sqlite3_bind_text (stmt, 1, filter, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : -1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  return rowids;
}

static void
record_signal (GPtrArray  *events,
               const char *name,
               guint       n)
{
  g_ptr_array_add (events, g_strdup_printf ("%s %u", name, n));
}

static void
on_first_screen (XasoListSearch *search, guint n, GPtrArray *events)
{
  record_signal (events, "first-screen", n);
}

static void
on_done (XasoListSearch *search, guint n, GPtrArray *events)
{
  record_signal (events, "done", n);
}

/* The first screen arrives, then the whole list; a search started before
 * the last one never reaches the list. */
static void
test_list_search_first_screen_then_all (void)
{
  g_autofree char *path = xaso_test_temp_path ("search.db");
  g_autoptr(XasoDatabase) made = xaso_test_open_commune (path);
  g_autoptr(XasoContext) context = NULL;
  g_autoptr(XasoRecordList) list = NULL;
  g_autoptr(XasoListSearch) search = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(XasoPerson) first = NULL;

  g_assert_true (xaso_database_begin (made, NULL));
  for (guint i = 0; i < 250; i++)
    {
      g_autoptr(XasoPerson) person = xaso_person_new ();
      g_autofree char *name = g_strdup_printf ("%s Văn %c%c", i < 200 ? "Nguyễn" : "Trần", 'A' + i / 26 % 26, 'a' + i % 26);

      xaso_person_set (person, XASO_PERSON_FULL_NAME, name);
      xaso_person_set (person, XASO_PERSON_NATIONALITY, "Việt Nam");
      g_assert_true (xaso_record_save (XASO_RECORD (person), made, "tester", NULL));
    }
  g_assert_true (xaso_database_commit (made, NULL));

  context = open_context (path);
  list = xaso_record_list_new (XASO_TYPE_PERSON, xaso_context_get_reader (context));
  search = xaso_list_search_new (context, list, names_starting, 100);
  g_signal_connect (search, "first-screen", G_CALLBACK (on_first_screen), events);
  g_signal_connect (search, "done", G_CALLBACK (on_done), events);

  xaso_list_search_run (search, g_strdup ("Trần"), g_free);
  xaso_list_search_run (search, g_strdup ("Nguyễn"), g_free);
  while (events->len < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (events, 0), ==, "first-screen 100");
  g_assert_cmpstr (g_ptr_array_index (events, 1), ==, "done 200");
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (xaso_person_get (first, XASO_PERSON_FULL_NAME), ==, "Nguyễn Văn Aa");

  xaso_list_search_run (search, g_strdup ("Trần"), g_free);
  while (events->len < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (events, 2), ==, "done 50");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
}

static gboolean
sign_in (XasoContext  *context,
         const char   *username,
         const char   *password,
         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  xaso_context_sign_in_async (context, username, password, NULL, store_result, &result);
  return xaso_context_sign_in_finish (context, wait_for (&result), error);
}

/* Once someone signs in, the work is theirs: the actor is their username. */
static void
test_signed_in_user_acts (void)
{
  g_autofree char *path = xaso_test_temp_path ("signed-in.db");
  g_autoptr(XasoDatabase) made = xaso_test_open_commune (path);
  g_autoptr(XasoUser) admin = xaso_user_new ();
  g_autoptr(XasoContext) context = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  xaso_user_set (admin, XASO_USER_USERNAME, "quantri");
  xaso_user_set (admin, XASO_USER_FULL_NAME, "Quản trị");
  xaso_user_set (admin, XASO_USER_ROLES, "quan_tri");
  g_assert_true (xaso_user_add (made, NULL, admin, "mat-khau-1", NULL));
  context = open_context (path);
  g_assert_true (xaso_context_has_accounts (context));
  g_assert_null (xaso_context_get_user (context));
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (g_atomic_int_inc), &notified);

  g_assert_false (sign_in (context, "quantri", "sai-mat-khau", &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_WRONG_PASSWORD);
  g_assert_null (xaso_context_get_user (context));
  g_clear_error (&error);
  g_assert_true (sign_in (context, "quantri", "mat-khau-1", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xaso_context_get_actor (context), ==, "quantri");
  g_assert_cmpuint (notified, ==, 1);
  xaso_context_sign_out (context);
  g_assert_null (xaso_context_get_user (context));
  g_assert_cmpstr (xaso_context_get_actor (context), !=, "quantri");
  g_assert_cmpuint (notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/session/context/runs-on-a-worker", test_runs_on_a_worker);
  g_test_add_func ("/session/context/cancelled-work-says-so", test_cancelled_work_says_so);
  g_test_add_func ("/session/context/changed-names-the-table", test_changed_names_the_table);
  g_test_add_func ("/session/context/missing-commune-refused", test_missing_commune_refused);
  g_test_add_func ("/session/context/list-search-first-screen-then-all", test_list_search_first_screen_then_all);
  g_test_add_func ("/session/context/signed-in-user-acts", test_signed_in_user_acts);
  return g_test_run ();
}
