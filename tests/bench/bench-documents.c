/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "xaso-bench-db.h"
#include "xaso-bench-util.h"
#include "xaso-document-flow.h"
#include "xaso-document-search.h"
#include "xaso-register-print.h"
#include "xaso-user.h"

/* The budgets of the documents issue (issue 8), on a copy of the reference
 * commune (50,000 documents, 200,000 events):
 *   - the first page (50, loaded as the list shows them) of each document
 *     list and queue: ≤ 50 ms;
 *   - search as you type over subject, notation and issuer: p95 ≤ 10 ms;
 *   - registering an incoming document with its own 5 MB PDF, durable:
 *     p95 ≤ 50 ms;
 *   - a year's register (10,000 documents) to PDF: ≤ 3 s;
 *   - signing in (PBKDF2, 600,000 iterations): ≤ 1 s.
 * Usage: bench-documents REFERENCE.db WORK-DIR */

#define PAGE 50
#define ROUNDS 15

typedef struct
{
  const char *name;
  void      (*fill) (XasoDocumentFilter *f, const char *lead);
} Queue;

static void all_incoming (XasoDocumentFilter *f, const char *lead) { f->direction = g_strdup ("incoming"); }
static void all_outgoing (XasoDocumentFilter *f, const char *lead) { f->direction = g_strdup ("outgoing"); }
static void overdue (XasoDocumentFilter *f, const char *lead) { f->due = XASO_DOCUMENT_DUE_OVERDUE;
                                                                 f->order = XASO_DOCUMENT_ORDER_DEADLINE; }
static void due_soon (XasoDocumentFilter *f, const char *lead) { f->due = XASO_DOCUMENT_DUE_SOON;
                                                                  f->order = XASO_DOCUMENT_ORDER_DEADLINE; }
static void awaiting_directive (XasoDocumentFilter *f, const char *lead) { f->status = g_strdup ("registered,presented"); }
static void urgent (XasoDocumentFilter *f, const char *lead) { f->urgency = g_strdup ("urgent"); }
static void this_year (XasoDocumentFilter *f, const char *lead) { f->year = 2026; f->direction = g_strdup ("incoming"); }
static void issuer (XasoDocumentFilter *f, const char *lead) { f->issuer = g_strdup ("Sở Tư pháp tỉnh Tây Ninh"); }
static void done (XasoDocumentFilter *f, const char *lead) { f->status = g_strdup ("done"); }
static void to_sign (XasoDocumentFilter *f, const char *lead) { f->status = g_strdup ("signing");
                                                                 f->direction = g_strdup ("outgoing"); }
static void
mine (XasoDocumentFilter *f,
      const char         *lead)
{
  f->lead_user_id = g_strdup (lead);
  f->due = XASO_DOCUMENT_DUE_OPEN;
  f->order = XASO_DOCUMENT_ORDER_DEADLINE;
}

static const Queue queues[] = {
  { "incoming", all_incoming }, { "outgoing", all_outgoing }, { "overdue", overdue }, { "due-soon", due_soon },
  { "mine", mine }, { "awaiting-directive", awaiting_directive }, { "urgent", urgent }, { "year", this_year },
  { "issuer", issuer }, { "done", done }, { "to-sign", to_sign },
};

static double
first_page_ms (XasoDatabase             *db,
               const XasoDocumentFilter *f)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) rowids = xaso_document_search_rowids (db, f, PAGE, NULL, NULL);
  g_autoptr(GPtrArray) docs = NULL;

  g_assert_nonnull (rowids);
  docs = xaso_record_load_rowids (XASO_TYPE_DOCUMENT, db, (gint64 *)(gpointer)rowids->data, rowids->len, NULL);
  g_assert_nonnull (docs);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_lists (XasoDatabase *db,
             const char   *lead)
{
  double worst = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queues); q++)
    {
      g_autoptr(XasoDocumentFilter) f = xaso_document_filter_new ();
      g_autoptr(GArray) timings = xaso_bench_timings_new ();
      double median;

      queues[q].fill (f, lead);
      for (int i = 0; i < ROUNDS; i++)
        {
          double ms = first_page_ms (db, f);

          g_array_append_val (timings, ms);
        }
      median = xaso_bench_percentile (timings, 50);
      worst = MAX (worst, median);
      g_printerr ("  first page of %-20s median %6.2f ms, max %6.2f ms\n", queues[q].name, median,
                  xaso_bench_max (timings));
    }
  g_print ("bench doc-list-first-page: %.2f ms\n", worst);
}

/* What officials type: a subject's words, a notation, an issuer. */
static const char * const typed[] = {
  "chấn chỉnh hộ tịch", "báo cáo cải cách hành chính", "qđ-ubnd", "15/", "sở nội vụ", "phòng chống thiên tai",
  "v/v", "kế hoạch", "ubnd tỉnh", "dịch vụ công trực tuyến", "tb-snv", "giấy mời",
};

static void
bench_search (XasoDatabase *db)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();

  for (int round = 0; round < 3; round++)
    for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
      {
        glong n = g_utf8_strlen (typed[t], -1);

        for (glong len = 1; len <= n; len++)
          {
            g_autoptr(XasoDocumentFilter) f = xaso_document_filter_new ();
            double ms;

            f->text = g_utf8_substring (typed[t], 0, len);
            ms = first_page_ms (db, f);
            g_array_append_val (timings, ms);
          }
      }
  g_printerr ("  search as you type: %u keystrokes, median %.2f ms, max %.2f ms\n", timings->len,
              xaso_bench_percentile (timings, 50), xaso_bench_max (timings));
  g_print ("bench doc-search: p95 %.2f ms\n", xaso_bench_percentile (timings, 95));
}

/* A 5 MB file of its own for each registration, so each is stored. */
static char *
make_pdf (const char *dir,
          guint       i)
{
  g_autofree char *name = g_strdup_printf ("scan-%u.pdf", i);
  char *path = g_build_filename (dir, name, NULL);
  gsize size = 5 * 1024 * 1024;
  g_autofree guint32 *data = g_malloc (size);

  for (gsize k = 0; k < size / 4; k++)
    data[k] = g_random_int ();
  memcpy (data, "%PDF-1.7\n", 9);
  data[3] = i;
  g_assert_true (g_file_set_contents (path, (const char *)data, size, NULL));
  return path;
}

static void
bench_register (XasoDatabase *db,
                const char   *dir)
{
  g_autoptr(XasoUser) clerk = xaso_user_find (db, "vanthu", NULL);
  g_autoptr(GArray) timings = xaso_bench_timings_new ();

  g_assert_nonnull (clerk);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *pdf = make_pdf (dir, i);
      g_autofree char *notation = g_strdup_printf ("%u/TB-BENCH", i + 1);
      g_autoptr(XasoDocument) doc = xaso_document_new ("incoming");
      g_autoptr(XasoDocument) saved = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;

      xaso_document_set (doc, XASO_DOCUMENT_ISSUER, "Sở Nội vụ tỉnh Tây Ninh");
      xaso_document_set (doc, XASO_DOCUMENT_NOTATION, notation);
      xaso_document_set (doc, XASO_DOCUMENT_ISSUED_DATE, "2026-12-01");
      xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "V/v đo thời gian vào sổ văn bản đến");
      start = g_get_monotonic_time ();
      saved = xaso_document_register_incoming (db, clerk, doc, pdf, FALSE, &error);
      xaso_bench_timings_add (timings, start);
      g_assert_no_error (error);
      g_unlink (pdf);
    }
  g_printerr ("  register with a 5 MB PDF: median %.2f ms, max %.2f ms\n", xaso_bench_percentile (timings, 50),
              xaso_bench_max (timings));
  g_print ("bench doc-register-5mb: p95 %.2f ms\n", xaso_bench_percentile (timings, 95));
}

static void
bench_sign_in (XasoDatabase *db)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();

  for (int i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      g_autoptr(XasoUser) user = xaso_user_sign_in (db, "vanthu", "xaso-demo", &error);

      xaso_bench_timings_add (timings, start);
      g_assert_no_error (error);
    }
  g_print ("bench sign-in: %.0f ms\n", xaso_bench_percentile (timings, 50));
}

/* A year's register to PDF: the busiest year of incoming documents,
 * reported as the time for 10,000 rows. */
static void
bench_register_pdf (XasoDatabase *db,
                    const char   *dir)
{
  g_autoptr(XasoUser) clerk = xaso_user_find (db, "vanthu", NULL);
  g_autofree char *pdf = g_build_filename (dir, "register.pdf", NULL);
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT substr (received_date, 1, 4) y, count(*) n FROM document WHERE direction = 'incoming' "
    "GROUP BY y ORDER BY n DESC LIMIT 1", NULL);
  g_autofree char *year = NULL, *from = NULL, *to = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  gint64 start;
  double ms;

  g_assert_true (sqlite3_step (stmt) == SQLITE_ROW);
  year = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  from = g_strconcat (year, "-01-01", NULL);
  to = g_strconcat (year, "-12-31", NULL);
  start = g_get_monotonic_time ();
  if (!xaso_register_print (db, clerk, XASO_REGISTER_BOOK_INCOMING, from, to, pdf, NULL, &n, &error))
    g_error ("%s", error->message);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_printerr ("  the %s incoming register: %u documents in %.0f ms\n", year, n, ms);
  g_print ("bench register-pdf-10k: %.0f ms\n", ms * 10000.0 / MAX (n, 1));
  g_unlink (pdf);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) lead = NULL;
  g_autofree char *path = NULL;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("Usage: bench-documents REFERENCE.db WORK-DIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[2], 0700);
  path = xaso_bench_copy_database (argv[1], argv[2], "documents.db");
  db = xaso_database_open (path, NULL);
  g_assert_nonnull (db);
  lead = xaso_user_find (db, "tuphap", NULL);
  bench_lists (db, lead ? xaso_record_get_id (XASO_RECORD (lead)) : NULL);
  bench_search (db);
  bench_register (db, argv[2]);
  bench_register_pdf (db, argv[2]);
  bench_sign_in (db);
  xaso_database_remove_files (path);
  return 0;
}
