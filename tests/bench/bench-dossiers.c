/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "xaso-bench-db.h"
#include "xaso-bench-util.h"
#include "xaso-dossier-flow.h"
#include "xaso-dossier-forms.h"
#include "xaso-dossier-search.h"
#include "xaso-user.h"

/* The budgets of one-stop dossiers, on a copy of the reference commune
 * (100,000 dossiers and their events):
 *   - the first page (50, loaded as the list shows them) of every queue
 *     and filter: ≤ 50 ms;
 *   - search as you type over codes, applicants' names and ID numbers:
 *     p95 ≤ 10 ms;
 *   - refolding every dossier: ≥ 100,000 dossiers/s;
 *   - receiving a birth registration at the counter: the median of 50.
 * Usage: bench-dossiers REFERENCE.db WORK-DIR */

#define PAGE 50
#define ROUNDS 15
#define RECEPTIONS 50

typedef struct
{
  const char *name;
  void      (*fill) (XasoDossierFilter *f, const char *officer, const char *leader);
} Queue;

#define QUEUE(fn, q) \
  static void fn (XasoDossierFilter *f, const char *officer, const char *leader) { f->queue = (q); }

QUEUE (all, XASO_DOSSIER_QUEUE_ALL)
QUEUE (to_receive, XASO_DOSSIER_QUEUE_TO_RECEIVE)
QUEUE (due_today, XASO_DOSSIER_QUEUE_DUE_TODAY)
QUEUE (due_tomorrow, XASO_DOSSIER_QUEUE_DUE_TOMORROW)
QUEUE (overdue, XASO_DOSSIER_QUEUE_OVERDUE)
QUEUE (supplement, XASO_DOSSIER_QUEUE_SUPPLEMENT)
QUEUE (to_return, XASO_DOSSIER_QUEUE_TO_RETURN)
QUEUE (review, XASO_DOSSIER_QUEUE_REVIEW)

static void mine (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->queue = XASO_DOSSIER_QUEUE_MINE; f->user_id = g_strdup (officer); }
static void to_approve (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->queue = XASO_DOSSIER_QUEUE_TO_APPROVE; f->user_id = g_strdup (leader); }
static void procedure (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->procedure_code = g_strdup ("1.001193"); }
static void field (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->field = g_strdup ("Chứng thực"); }
static void online (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->channel = g_strdup ("online"); }
static void returned (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->status = XASO_DOSSIER_RETURNED; }
static void stopped (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->status = XASO_DOSSIER_STOPPED; }
static void assignee (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->assignee_user_id = g_strdup (officer); }
static void last_month (XasoDossierFilter *f, const char *officer, const char *leader)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -30);

  f->from = g_date_time_format (then, "%Y-%m-%d");
  f->to = g_date_time_format (now, "%Y-%m-%d");
}
static void civil_online_overdue (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->queue = XASO_DOSSIER_QUEUE_OVERDUE; f->field = g_strdup ("Hộ tịch"); f->channel = g_strdup ("online"); }

static void mine_civil (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->queue = XASO_DOSSIER_QUEUE_MINE; f->user_id = g_strdup (officer); f->field = g_strdup ("Hộ tịch"); }
static void name_in_overdue (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->queue = XASO_DOSSIER_QUEUE_OVERDUE; f->text = g_strdup ("nguyễn"); }
static void name_in_all (XasoDossierFilter *f, const char *officer, const char *leader)
{ f->text = g_strdup ("nguyễn"); f->channel = g_strdup ("postal"); }

static const Queue queues[] = {
  { "all", all }, { "to-receive", to_receive }, { "mine", mine }, { "to-approve", to_approve },
  { "due-today", due_today }, { "due-tomorrow", due_tomorrow }, { "overdue", overdue },
  { "supplement", supplement }, { "to-return", to_return }, { "review", review },
  { "procedure", procedure }, { "field", field }, { "online", online }, { "returned", returned },
  { "stopped", stopped }, { "assignee", assignee }, { "last-month", last_month },
  { "civil-online-overdue", civil_online_overdue }, { "mine-civil", mine_civil },
  { "name-in-overdue", name_in_overdue }, { "name-postal", name_in_all },
};

static double
first_page_ms (XasoDatabase            *db,
               const XasoDossierFilter *f)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) rowids = xaso_dossier_search_rowids (db, f, PAGE, NULL, NULL);
  g_autoptr(GPtrArray) dossiers = NULL;

  g_assert_nonnull (rowids);
  dossiers = xaso_record_load_rowids (XASO_TYPE_DOSSIER, db, (gint64 *)(gpointer)rowids->data, rowids->len, NULL);
  g_assert_nonnull (dossiers);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
user_id (XasoDatabase *db,
         const char   *username)
{
  g_autoptr(XasoUser) user = xaso_user_find (db, username, NULL);

  return user != NULL ? g_strdup (xaso_record_get_id (XASO_RECORD (user))) : NULL;
}

static void
bench_lists (XasoDatabase *db)
{
  g_autofree char *officer = user_id (db, "tuphap");
  g_autofree char *leader = user_id (db, "chutich");
  double worst = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queues); q++)
    {
      g_autoptr(XasoDossierFilter) f = xaso_dossier_filter_new ();
      g_autoptr(GArray) timings = xaso_bench_timings_new ();
      double median;

      queues[q].fill (f, officer, leader);
      for (int i = 0; i < ROUNDS; i++)
        {
          double ms = first_page_ms (db, f);

          g_array_append_val (timings, ms);
        }
      median = xaso_bench_percentile (timings, 50);
      worst = MAX (worst, median);
      g_printerr ("  first page of %-22s median %6.2f ms, max %6.2f ms\n", queues[q].name, median,
                  xaso_bench_max (timings));
    }
  g_print ("bench dossier-list-first-page: %.2f ms\n", worst);
}

static char *
sample (XasoDatabase *db,
        const char   *sql)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (xaso_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static void
type_prefixes (XasoDatabase *db,
               const char   *text,
               GArray       *timings)
{
  glong n = g_utf8_strlen (text, -1);

  for (glong len = 1; len <= n; len++)
    {
      g_autoptr(XasoDossierFilter) f = xaso_dossier_filter_new ();
      double ms;

      f->text = g_utf8_substring (text, 0, len);
      ms = first_page_ms (db, f);
      g_array_append_val (timings, ms);
    }
}

/* What the counter types: names with and without their marks, ID numbers
 * and codes read from a slip, whole or their last part. */
static void
bench_search (XasoDatabase *db)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();
  g_autofree char *code = sample (db, "SELECT code FROM dossier ORDER BY rowid DESC LIMIT 1 OFFSET 500");
  g_autofree char *old_code = sample (db, "SELECT code FROM dossier ORDER BY rowid LIMIT 1 OFFSET 5000");
  g_autofree char *id_number = sample (db, "SELECT applicant_id_number FROM dossier WHERE applicant_id_number "
                                           "IS NOT NULL ORDER BY rowid LIMIT 1 OFFSET 777");
  g_autofree char *name = sample (db, "SELECT applicant_name FROM dossier ORDER BY rowid LIMIT 1 OFFSET 4242");
  const char *typed[] = {
    "nguyễn văn", "tran thi", "Lê Thị Hồng", "pham van hung", "hoàng", "vu thi lan", "đặng", "bui",
    code, old_code, code != NULL ? strrchr (code, '-') - 6 : NULL, id_number, name,
  };

  for (int round = 0; round < 3; round++)
    for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
      if (typed[t] != NULL)
        type_prefixes (db, typed[t], timings);
  g_printerr ("  search as you type: %u keystrokes, median %.2f ms, max %.2f ms\n", timings->len,
              xaso_bench_percentile (timings, 50), xaso_bench_max (timings));
  g_print ("bench dossier-search: p95 %.2f ms\n", xaso_bench_percentile (timings, 95));
}

static void
bench_refold (XasoDatabase *db)
{
  g_autoptr(GArray) rates = xaso_bench_timings_new ();
  gint64 n = 0;

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 changed = xaso_dossier_refold_all (db, &error);
      double seconds = (g_get_monotonic_time () - start) / 1e6;
      g_autofree char *count = sample (db, "SELECT count(*) FROM dossier WHERE deleted = 0");
      double rate;

      if (changed < 0)
        g_error ("%s", error->message);
      n = g_ascii_strtoll (count, NULL, 10);
      rate = n / seconds;
      g_array_append_val (rates, rate);
      g_printerr ("  refold of %" G_GINT64_FORMAT " dossiers: %.2f s, %" G_GINT64_FORMAT " changed\n", n, seconds,
                  changed);
    }
  g_print ("bench dossier-refold: %.0f dossiers/s\n", xaso_bench_percentile (rates, 50));
}

/* Reception ends when the receipt and appointment slip (Mẫu 01) is ready
 * to print: its PDF, with the QR code, counts in the reception's time. */
static void
print_receipt_slip (XasoDatabase *db,
                    XasoUser     *reception,
                    const char   *dossier_id,
                    const char   *dir)
{
  g_autofree char *path = g_build_filename (dir, "mau-01.pdf", NULL);
  g_autoptr(GError) error = NULL;

  if (!xaso_dossier_form_print (db, reception, dossier_id, XASO_DOSSIER_FORM_RECEIPT, path, NULL, &error))
    g_error ("%s", error->message);
}

static void
bench_receive (XasoDatabase *db,
               const char   *dir)
{
  g_autoptr(XasoUser) reception = xaso_user_find (db, "motcua1", NULL);
  g_autoptr(GArray) timings = xaso_bench_timings_new ();
  XasoReception r = { .procedure_code = "1.001193", .applicant_name = "Nguyễn Thị Mai",
                      .applicant_id_number = "072185001234", .applicant_phone = "0912345678",
                      .summary = "Đăng ký khai sinh cho con", .all_papers = TRUE };

  g_assert_nonnull (reception);
  for (int i = 0; i < RECEPTIONS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autofree char *id = xaso_dossier_receive (db, reception, &r, &error);

      if (id == NULL)
        g_error ("%s", error->message);
      print_receipt_slip (db, reception, id, dir);
      xaso_bench_timings_add (timings, start);
    }
  g_printerr ("  reception of a birth registration to its slip's PDF: median %.2f ms, max %.2f ms\n",
              xaso_bench_percentile (timings, 50), xaso_bench_max (timings));
  g_print ("bench dossier-receive-slip: %.2f ms\n", xaso_bench_percentile (timings, 50));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autofree char *path = NULL;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("Usage: bench-dossiers REFERENCE.db WORK-DIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[2], 0700);
  path = xaso_bench_copy_database (argv[1], argv[2], "dossiers.db");
  db = xaso_database_open (path, NULL);
  g_assert_nonnull (db);
  bench_lists (db);
  bench_search (db);
  bench_refold (db);
  bench_receive (db, argv[2]);
  g_clear_object (&db);
  xaso_database_remove_files (path);
  return 0;
}
