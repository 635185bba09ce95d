/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <locale.h>

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

/* Runs the search for every prefix of @name as it grows by one character,
 * the way the search box sees it while the official types. */
static gboolean
type_name (XasoDatabase  *db,
           const char    *name,
           guint          limit,
           GArray        *calls,
           GError       **error)
{
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folded = xaso_fold (name);

  for (const char *end = g_utf8_next_char (folded); ; end = g_utf8_next_char (end))
    {
      g_autoptr(GArray) rowids = NULL;
      Call call = { 0 };
      gint64 started;

      g_free (filter->text);
      filter->text = g_strndup (folded, end - folded);
      started = g_get_monotonic_time ();
      rowids = xaso_person_search_rowids (db, filter, limit, cancellable, error);
      call.ms = (g_get_monotonic_time () - started) / 1000.0;
      if (rowids == NULL)
        return FALSE;
      call.hits = rowids->len;
      call.prefix = g_strdup (filter->text);
      if (calls != NULL)
        g_array_append_val (calls, call);
      else
        call_clear (&call);
      if (*end == '\0')
        break;
    }
  return TRUE;
}

/* The first name is typed once unmeasured, as the GUI has already run a
 * search or two by the time anybody types: it prepares the statements and
 * reads the index's upper pages into SQLite's cache. */
static gboolean
type_names (XasoDatabase  *db,
            GPtrArray     *names,
            guint          limit,
            GArray        *calls,
            GError       **error)
{
  if (!type_name (db, g_ptr_array_index (names, 0), limit, NULL, error))
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (!type_name (db, g_ptr_array_index (names, i), limit, calls, error))
      return FALSE;
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

/* The figures on stdout; on stderr, the calls that cost the most, which is
 * where to look when the budget is missed. */
static void
report (const char *bench_name,
        GArray     *calls,
        guint       n_names)
{
  g_autoptr(GArray) ms = xaso_bench_timings_new ();

  for (guint i = 0; i < calls->len; i++)
    g_array_append_val (ms, g_array_index (calls, Call, i).ms);
  g_print ("bench %s: p95 %.2f ms\n", bench_name, xaso_bench_percentile (ms, 95));
  g_print ("bench %s: p50 %.2f ms\n", bench_name, xaso_bench_percentile (ms, 50));
  g_printerr ("# %s: %u names, %u searches, max %.2f ms\n",
              bench_name, n_names, calls->len, xaso_bench_max (ms));

  g_array_sort (calls, compare_calls_slowest_first);
  for (guint i = 0; i < MIN (calls->len, 8); i++)
    {
      Call *call = &g_array_index (calls, Call, i);

      g_printerr ("#   slow: “%s” %.2f ms, %u rows\n", call->prefix, call->ms, call->hits);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("DATABASE — time the search as you type");
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) calls = g_array_new (FALSE, TRUE, sizeof (Call));
  g_autofree char *bench_name = g_strdup ("search");
  int limit = 50, n_samples = 200;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &bench_name, "Name of the figure", "NAME" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Rows per search; 0 for every match", "N" },
    { "samples", 0, 0, G_OPTION_ARG_INT, &n_samples, "How many names to type", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_array_set_clear_func (calls, call_clear);
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 2 || limit < 0 || n_samples < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-search [OPTION…] DATABASE");
      return 2;
    }

  db = xaso_database_open (argv[1], &error);
  if (db == NULL || (names = sample_names (db, n_samples, &error)) == NULL)
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 1;
    }

  if (!type_names (db, names, limit, calls, &error))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 1;
    }
  report (bench_name, calls, names->len);
  return 0;
}
