/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <locale.h>

#include "xaso-bench-util.h"
#include "xaso-civil-event.h"
#include "xaso-fold.h"
#include "xaso-person.h"
#include "xaso-test-util.h"
#include "xaso-uuid.h"

/* Local write with capture (DESIGN.md §7): what a save costs the official
 * — a person and their birth registration, each with the audit event core
 * appends for it, all four captured as ops in one transaction — against
 * the floor the disk sets, a plain insert of the same person row in its
 * own transaction. Both run on the same connection, so with the same synchronous=FULL and WAL settings, and
 * alternate so that checkpoints and the growing file weigh on both alike. */

#define ACTOR "bench"

static const char * const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
};
static const char * const middle_names[] = {
  "Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Hữu", "Xuân", "Thu",
};
static const char * const given_names[] = {
  "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan",
  "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Yến",
};

/* A made-up resident number @i: a different name for every i below 2,000,
 * and an ID number that is valid and unique within the run. */
typedef struct
{
  char *full_name;
  char *birth_date;
  char *id_number;
  const char *sex;
} Resident;

static void
resident_make (Resident *r,
               guint     i)
{
  int year = 1950 + (int)(i % 60);
  gboolean female = (i / 10) % 2 == 1;

  r->full_name = g_strdup_printf ("%s %s %s", family_names[i % 10], middle_names[(i / 10) % 10],
                                  given_names[(i / 100) % 20]);
  r->birth_date = g_strdup_printf ("%04d-%02u-%02u", year, 1 + i % 12, 1 + i % 28);
  r->id_number = g_strdup_printf ("001%d%02d%06u", (year >= 2000 ? 2 : 0) + female, year % 100, i);
  r->sex = female ? "female" : "male";
}

static void
resident_clear (Resident *r)
{
  g_free (r->full_name);
  g_free (r->birth_date);
  g_free (r->id_number);
}

static gboolean
save_with_capture (XasoDatabase  *db,
                   Resident      *r,
                   GError       **error)
{
  g_autoptr(XasoPerson) person = xaso_person_new ();
  g_autoptr(XasoCivilEvent) event = xaso_civil_event_new ();
  g_autofree char *number = g_strdup_printf ("%s/%s", r->id_number + 6, r->birth_date);
  const char *id = xaso_record_get_id (XASO_RECORD (person));

  xaso_person_set (person, XASO_PERSON_FULL_NAME, r->full_name);
  xaso_person_set (person, XASO_PERSON_BIRTH_DATE, r->birth_date);
  xaso_person_set (person, XASO_PERSON_SEX, r->sex);
  xaso_person_set (person, XASO_PERSON_ID_NUMBER, r->id_number);
  xaso_person_set (person, XASO_PERSON_HAMLET, "Thôn Đông");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_PERSON_ID, id);
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_KIND, "birth");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_EVENT_DATE, r->birth_date);
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_REGISTRATION_NUMBER, number);

  if (!xaso_database_begin (db, error))
    return FALSE;
  if (!xaso_record_save (XASO_RECORD (person), db, ACTOR, error) ||
      !xaso_civil_event_record (event, db, NULL, ACTOR, error))
    {
      xaso_database_rollback (db);
      return FALSE;
    }
  return xaso_database_commit (db, error);
}

/* The same row as the person save writes, folded columns included, so the
 * full-text trigger and the indexes cost the same. */
static gboolean
save_plain (XasoDatabase  *db,
            Resident      *r,
            GError       **error)
{
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *folded = xaso_fold (r->full_name);
  g_autofree char *sort_key = xaso_person_make_sort_key (r->full_name);
  g_autofree char *now = xaso_now_iso ();
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT INTO person (id, commune_code, full_name, name_folded, sort_key, birth_date, sex, id_number, "
    "hamlet, address_folded, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL || !xaso_database_begin (db, error))
    return FALSE;
  xaso_bind_text (stmt, 1, id);
  xaso_bind_text (stmt, 2, xaso_database_get_commune_code (db));
  xaso_bind_text (stmt, 3, r->full_name);
  xaso_bind_text (stmt, 4, folded);
  xaso_bind_text (stmt, 5, sort_key);
  xaso_bind_text (stmt, 6, r->birth_date);
  xaso_bind_text (stmt, 7, r->sex);
  xaso_bind_text (stmt, 8, r->id_number);
  xaso_bind_text (stmt, 9, "Thôn Đông");
  xaso_bind_text (stmt, 10, "thon dong  ");
  xaso_bind_text (stmt, 11, now);
  xaso_bind_text (stmt, 12, now);
  if (!xaso_database_step_done (db, stmt, error))
    {
      xaso_database_rollback (db);
      return FALSE;
    }
  return xaso_database_commit (db, error);
}

/* Alternates the two kinds of write; the first @warm_up pairs are not
 * counted, as they also create the statements and grow the file. */
static gboolean
run (XasoDatabase  *db,
     guint          n,
     guint          warm_up,
     GArray        *capture,
     GArray        *plain,
     GError       **error)
{
  for (guint i = 0; i < warm_up + n; i++)
    {
      Resident r = { 0 }, other = { 0 };
      gint64 started;
      gboolean ok;

      resident_make (&r, i);
      resident_make (&other, 500000 + i);
      started = g_get_monotonic_time ();
      ok = save_with_capture (db, &r, error);
      if (ok && i >= warm_up)
        xaso_bench_timings_add (capture, started);
      started = g_get_monotonic_time ();
      ok = ok && save_plain (db, &other, error);
      if (ok && i >= warm_up)
        xaso_bench_timings_add (plain, started);
      resident_clear (&r);
      resident_clear (&other);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static void
report (GArray *capture,
        GArray *plain)
{
  double capture_p95 = xaso_bench_percentile (capture, 95);
  double capture_p50 = xaso_bench_percentile (capture, 50);
  double plain_p95 = xaso_bench_percentile (plain, 95);
  double plain_p50 = xaso_bench_percentile (plain, 50);

  g_print ("bench write-capture: p95 %.2f ms\n", capture_p95);
  g_print ("bench write-capture: p50 %.2f ms\n", capture_p50);
  g_print ("bench write-plain: p95 %.2f ms\n", plain_p95);
  g_print ("bench write-plain: p50 %.2f ms\n", plain_p50);
  g_print ("bench write-capture-ratio: %.2f x\n", capture_p95 / plain_p95);
  g_print ("bench write-capture-ratio-p50: %.2f x\n", capture_p50 / plain_p50);
  g_printerr ("# write: %u of each, max %.2f ms with capture, %.2f ms plain\n",
              capture->len, xaso_bench_max (capture), xaso_bench_max (plain));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("DIRECTORY — time local writes with capture");
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GArray) capture = xaso_bench_timings_new ();
  g_autoptr(GArray) plain = xaso_bench_timings_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int n = 2000;
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &n, "Writes of each kind", "N" },
    { NULL }
  };

  /* Figures are printed with a decimal point whatever the user's locale,
   * so that the driver can read them back. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 2 || n < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-write [OPTION…] DIRECTORY");
      return 2;
    }

  /* The database goes on the disk the caller chose, never tmpfs: the fsync
   * of each commit is most of what is measured. */
  dir = g_build_filename (argv[1], "bench-write-XXXXXX", NULL);
  if (g_mkdir_with_parents (argv[1], 0700) != 0 || g_mkdtemp (dir) == NULL)
    {
      g_printerr ("bench-write: cannot create a folder in %s\n", argv[1]);
      return 1;
    }
  path = g_build_filename (dir, "write.db", NULL);
  db = xaso_test_open_commune (path);
  if (!run (db, n, 50, capture, plain, &error))
    g_printerr ("bench-write: %s\n", error->message);
  else
    report (capture, plain);

  g_clear_object (&db);
  xaso_database_remove_files (path);
  g_rmdir (dir);
  return error != NULL ? 1 : 0;
}
