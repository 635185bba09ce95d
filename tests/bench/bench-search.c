/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "xaso-bench-util.h"
#include "xaso-database.h"
#include "xaso-fold.h"
#include "xaso-person-search.h"

/* Search as you type (DESIGN.md §7): an official types a resident's name
 * into the search box one key at a time, and every key runs the search for
 * the first screen of results. The names are real rows of the database, so
 * the prefixes hit as many rows as real typing would. */

typedef struct
{
  double  ms;
  guint   hits;
  char   *prefix;
} Call;

typedef struct
{
  XasoDatabase *db;
  guint         limit;
  int           cap_ms;
  int           max_seconds;
  GArray       *calls;
  guint         n_capped;
  guint         n_typed;
  /* A thread of its own cancels a search that runs past the cap, the way
   * the GUI cancels one when the next key arrives. Without it one search
   * of minutes would hold the whole run. */
  GMainContext *watchdog_context;
  GMainLoop    *watchdog_loop;
  GThread      *watchdog;
  /* The SQL core ran, read from SQLite's trace for EXPLAIN QUERY PLAN. */
  char         *search_sql;
} Bench;

static void
call_clear (gpointer data)
{
  g_free (((Call *)data)->prefix);
}

/* A fixed seed picks the same names from the same database on every run,
 * spread over the whole table rather than its first rows. */
static GPtrArray *
sample_names (XasoDatabase  *db,
              guint          n,
              GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  sqlite3_stmt *max_stmt = xaso_database_prepare (db, "SELECT max (rowid) FROM person", error);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT full_name FROM person WHERE rowid >= ? AND deleted = 0 ORDER BY rowid LIMIT 1", error);
  gint64 max_rowid;

  if (max_stmt == NULL || stmt == NULL)
    return NULL;
  sqlite3_step (max_stmt);
  max_rowid = sqlite3_column_int64 (max_stmt, 0);
  sqlite3_reset (max_stmt);
  for (guint tries = 0; max_rowid > 0 && names->len < n && tries < n * 10; tries++)
    {
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32)MIN (max_rowid, G_MAXINT32 - 1) + 1));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup (xaso_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  if (names->len == 0)
    {
      g_set_error_literal (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND,
                           "The database holds no persons to search for.");
      return NULL;
    }
  return g_steal_pointer (&names);
}

static gpointer
run_watchdog (gpointer data)
{
  g_main_loop_run (data);
  return NULL;
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* The statement that finishes last in a search is the search itself; the
 * full-text index's internal statements it runs finish before it. */
static int
trace_cb (unsigned  type,
          void     *data,
          void     *stmt,
          void     *elapsed)
{
  Bench *b = data;

  g_free (b->search_sql);
  b->search_sql = g_strdup (sqlite3_sql (stmt));
  return 0;
}

/* One search as the box would run it; a search stopped at the cap counts
 * as taking the cap, so the percentiles are lower bounds when any was. */
static gboolean
time_search (Bench                  *b,
             const XasoPersonFilter *filter,
             Call                   *call,
             GError                **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GSource) timeout = g_timeout_source_new (b->cap_ms);
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 started;

  g_source_set_callback (timeout, cancel_cb, g_object_ref (cancellable), g_object_unref);
  g_source_attach (timeout, b->watchdog_context);
  started = g_get_monotonic_time ();
  rowids = xaso_person_search_rowids (b->db, filter, b->limit, cancellable, &local_error);
  call->ms = (g_get_monotonic_time () - started) / 1000.0;
  g_source_destroy (timeout);
  call->prefix = g_strdup (filter->text);
  if (rowids != NULL)
    call->hits = rowids->len;
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      call->ms = MAX (call->ms, b->cap_ms);
      b->n_capped++;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Runs the search for every prefix of @name as it grows by one character,
 * the way the search box sees it while the official types. */
static gboolean
type_name (Bench       *b,
           const char  *name,
           gboolean     counted,
           GError     **error)
{
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autofree char *folded = xaso_fold (name);

  for (const char *end = g_utf8_next_char (folded); ; end = g_utf8_next_char (end))
    {
      Call call = { 0 };

      g_free (filter->text);
      filter->text = g_strndup (folded, end - folded);
      if (!time_search (b, filter, &call, error))
        return FALSE;
      if (counted)
        g_array_append_val (b->calls, call);
      else
        call_clear (&call);
      if (*end == '\0')
        break;
    }
  return TRUE;
}

/* The first name is typed once unmeasured, as the GUI has already run a
 * search or two by the time anybody types: it prepares the statements and
 * reads the index's upper pages into SQLite's cache. Typing stops early
 * when the run has taken too long, so a search far over budget still gives
 * its figure in minutes. */
static gboolean
type_names (Bench      *b,
            GPtrArray  *names,
            GError    **error)
{
  gint64 started = g_get_monotonic_time ();

  if (!type_name (b, g_ptr_array_index (names, 0), FALSE, error))
    return FALSE;
  b->n_capped = 0;
  for (guint i = 0; i < names->len; i++)
    {
      if (g_get_monotonic_time () - started > (gint64)b->max_seconds * G_USEC_PER_SEC)
        break;
      if (!type_name (b, g_ptr_array_index (names, i), TRUE, error))
        return FALSE;
      b->n_typed++;
    }
  return TRUE;
}

static int
compare_calls_slowest_first (gconstpointer a,
                             gconstpointer b)
{
  double x = ((const Call *)a)->ms;
  double y = ((const Call *)b)->ms;

  return (x < y) - (x > y);
}

/* Runs the slowest search once more, untimed and traced, to show the SQL
 * core chose for it and SQLite's plan: core picks among statements by
 * what was typed, so only this one run says which. */
static void
explain_call (Bench      *b,
              const Call *slowest)
{
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  Call call = { 0 };

  filter->text = g_strdup (slowest->prefix);
  sqlite3_trace_v2 (xaso_database_get_handle (b->db), SQLITE_TRACE_PROFILE, trace_cb, b);
  time_search (b, filter, &call, NULL);
  sqlite3_trace_v2 (xaso_database_get_handle (b->db), 0, NULL, NULL);
  call_clear (&call);
  if (b->search_sql == NULL)
    return;
  sql = g_strconcat ("EXPLAIN QUERY PLAN ", b->search_sql, NULL);
  if (sqlite3_prepare_v2 (xaso_database_get_handle (b->db), sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  g_printerr ("#   slowest “%s” ran: %s\n", slowest->prefix, b->search_sql);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_printerr ("#   plan: %*s%s\n", sqlite3_column_int (stmt, 1) > 0 ? 2 : 0, "",
                (const char *)sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
}

/* The figures on stdout; on stderr, the calls that cost the most and the
 * plan SQLite chose, which is where to look when the budget is missed. */
static void
report (const char *bench_name,
        Bench      *b)
{
  g_autoptr(GArray) ms = xaso_bench_timings_new ();

  for (guint i = 0; i < b->calls->len; i++)
    g_array_append_val (ms, g_array_index (b->calls, Call, i).ms);
  g_print ("bench %s: p95 %.2f ms\n", bench_name, xaso_bench_percentile (ms, 95));
  g_print ("bench %s: p50 %.2f ms\n", bench_name, xaso_bench_percentile (ms, 50));
  fflush (stdout);
  g_printerr ("# %s: %u names typed, %u searches, max %.2f ms, %u stopped at the %d ms cap\n",
              bench_name, b->n_typed, b->calls->len, xaso_bench_max (ms), b->n_capped, b->cap_ms);

  g_array_sort (b->calls, compare_calls_slowest_first);
  for (guint i = 0; i < MIN (b->calls->len, 8); i++)
    {
      Call *call = &g_array_index (b->calls, Call, i);

      g_printerr ("#   slow: “%s” %.2f ms, %u rows\n", call->prefix, call->ms, call->hits);
    }
  if (b->calls->len > 0)
    explain_call (b, &g_array_index (b->calls, Call, 0));
}

static void
bench_start_watchdog (Bench *b)
{
  b->calls = g_array_new (FALSE, TRUE, sizeof (Call));
  g_array_set_clear_func (b->calls, call_clear);
  b->watchdog_context = g_main_context_new ();
  b->watchdog_loop = g_main_loop_new (b->watchdog_context, FALSE);
  b->watchdog = g_thread_new ("watchdog", run_watchdog, b->watchdog_loop);
}

static void
bench_clear (Bench *b)
{
  if (b->watchdog != NULL)
    {
      g_main_loop_quit (b->watchdog_loop);
      g_main_context_wakeup (b->watchdog_context);
      g_thread_join (b->watchdog);
    }
  g_clear_pointer (&b->watchdog_loop, g_main_loop_unref);
  g_clear_pointer (&b->watchdog_context, g_main_context_unref);
  g_clear_pointer (&b->calls, g_array_unref);
  g_clear_pointer (&b->search_sql, g_free);
  g_clear_object (&b->db);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("DATABASE — time the search as you type");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *bench_name = g_strdup ("search");
  Bench b = { .limit = 50, .cap_ms = 1000, .max_seconds = 180 };
  int limit = 50, n_samples = 200, status = 0;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &bench_name, "Name of the figure", "NAME" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Rows per search; 0 for every match", "N" },
    { "samples", 0, 0, G_OPTION_ARG_INT, &n_samples, "How many names to type", "N" },
    { "cap", 0, 0, G_OPTION_ARG_INT, &b.cap_ms, "Stop a search after this long", "MS" },
    { "max-seconds", 0, 0, G_OPTION_ARG_INT, &b.max_seconds, "Stop typing names after this long", "S" },
    { NULL }
  };

  /* Figures are printed with a decimal point whatever the user's locale,
   * so that the driver can read them back. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 2 || limit < 0 || n_samples < 1 ||
      b.cap_ms < 1 || b.max_seconds < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-search [OPTION…] DATABASE");
      return 2;
    }
  b.limit = limit;

  b.db = xaso_database_open (argv[1], &error);
  if (b.db != NULL && (names = sample_names (b.db, n_samples, &error)) != NULL)
    {
      bench_start_watchdog (&b);
      if (type_names (&b, names, &error))
        report (bench_name, &b);
    }
  if (error != NULL)
    {
      g_printerr ("bench-search: %s\n", error->message);
      status = 1;
    }
  bench_clear (&b);
  return status;
}
