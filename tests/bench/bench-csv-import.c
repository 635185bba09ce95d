/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "xaso-bench-util.h"
#include "xaso-csv.h"
#include "xaso-database-private.h"
#include "xaso-legacy.h"
#include "xaso-person-csv.h"
#include "xaso-test-util.h"

/* Importing a commune's residents from an old spreadsheet (issue 7): a
 * CSV of 60,000 rows saved in TCVN3, as offices still have them, found to
 * be TCVN3, converted and imported through the records with their ops and
 * audit entries, households made from their numbers. The residents are
 * those of the demo commune (real Vietnamese names, every row with letters
 * to convert), household by household. Budget: ≥ 20,000 rows/s. The
 * finding and converting alone is timed too (csv-decode-tcvn3).
 *
 *   bench-csv-import [--rows N] [--runs N] SOURCE.db WORKDIR */

/* The columns of an office's residents spreadsheet: who, born when, which
 * ID card, where, and in which household as what. */
#define CSV_HEADER "full_name,birth_date,sex,id_number,ethnicity,occupation,phone,household_code," \
                   "relation_to_head,hamlet,permanent_address\r\n"
#define N_CSV_COLUMNS 11

static GString *
make_csv (XasoDatabase *source,
          guint         rows)
{
  GString *csv = g_string_new (CSV_HEADER);
  sqlite3_stmt *stmt = xaso_database_prepare (source,
    "SELECT full_name, birth_date, sex, id_number, ethnicity, occupation, phone, h.code, relation_to_head, "
    "p.hamlet, permanent_address FROM person p LEFT JOIN household h ON h.id = p.household_id "
    "WHERE p.deleted = 0 ORDER BY h.code, p.rowid LIMIT ?", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int (stmt, 1, rows);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);
      const char *fields[N_CSV_COLUMNS];
      gsize len = 0;
      g_autofree char *bytes = NULL;

      for (int i = 0; i < N_CSV_COLUMNS; i++)
        fields[i] = xaso_column_text (stmt, i) ? xaso_column_text (stmt, i) : "";
      xaso_csv_write_row (row, fields, N_CSV_COLUMNS);
      bytes = xaso_legacy_encode (XASO_ENCODING_TCVN3, row->str, &len, NULL);

      g_assert_nonnull (bytes);
      g_string_append_len (csv, bytes, len);
    }
  sqlite3_reset (stmt);
  return csv;
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static double
import_once (GString    *csv,
             const char *workdir,
             guint       run,
             guint      *n_rows,
             guint      *n_converted)
{
  g_autofree char *path = g_strdup_printf ("%s/import-%u.db", workdir, run);
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv->str, csv->len, NULL);
  g_autoptr(GError) error = NULL;
  XasoTextDecoding decoding;
  gint64 started;
  double seconds;

  remove_database (path);
  db = xaso_test_open_commune (path);
  started = g_get_monotonic_time ();
  if (!xaso_person_csv_import (db, in, "bench", n_rows, &decoding, NULL, &error))
    g_error ("import failed: %s", error->message);
  seconds = (g_get_monotonic_time () - started) / 1e6;
  *n_converted = decoding.n_lines_converted;
  /* The log is folded back on another thread once the import returns; the
   * next import is timed without it running beside. */
  _xaso_database_wait_for_checkpoint (db);
  g_clear_object (&db);
  remove_database (path);
  return seconds;
}

/* Finding the encoding and converting alone, without the records. */
static double
decode_once (GString *csv,
             guint   *n_lines)
{
  XasoTextDecoding decoding;
  gint64 started = g_get_monotonic_time ();
  g_autofree char *text = xaso_text_decode_auto (csv->str, csv->len, &decoding, NULL);
  double seconds = (g_get_monotonic_time () - started) / 1e6;

  g_assert_nonnull (text);
  *n_lines = decoding.n_lines_converted;
  return seconds;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("SOURCE.db WORKDIR");
  g_autoptr(XasoDatabase) source = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) decode_rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  int rows = 60000, runs = 3;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows in the file", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Imports timed", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("Usage: bench-csv-import [--rows N] [--runs N] SOURCE.db WORKDIR\n");
      return 2;
    }
  source = xaso_database_open (argv[1], &error);
  if (source == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (argv[2], 0700);
  csv = make_csv (source, rows);
  for (int run = 0; run < runs; run++)
    {
      guint n = 0, converted = 0;
      double seconds = import_once (csv, argv[2], run, &n, &converted);
      double rate = n / seconds;

      g_printerr ("# import %d: %u rows (%u converted from TCVN3, %.1f MB) in %.2f s, %.0f rows/s\n",
                  run + 1, n, converted, csv->len / 1e6, seconds, rate);
      g_array_append_val (rates, rate);
    }
  for (int run = 0; run < runs; run++)
    {
      guint n = 0;
      double rate = 0;
      double seconds = decode_once (csv, &n);

      rate = n / seconds;
      g_array_append_val (decode_rates, rate);
    }
  printf ("bench csv-decode-tcvn3: %.0f rows/s\n", xaso_bench_percentile (decode_rates, 50));
  printf ("bench csv-import-tcvn3: %.0f rows/s\n", xaso_bench_percentile (rates, 50));
  return 0;
}
