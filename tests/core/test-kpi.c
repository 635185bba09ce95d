/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-demo.h"
#include "xaso-dossier-flow.h"
#include "xaso-kpi.h"
#include "xaso-report-tallies.h"
#include "xaso-seed.h"
#include "xaso-test-util.h"

/* The leader's figures (issue 10): a commune of a dozen dossiers whose
 * every figure is counted by hand below, and the demo commune recounted by
 * plain SQL written apart from the report's. */

typedef struct
{
  XasoDatabase *db;
  XasoUser     *desk, *officer, *leader;
} Office;

static char *
receive (Office     *o,
         const char *channel,
         const char *at)
{
  XasoReception r = { .procedure_code = "1.004837", .channel = channel, .applicant_name = "Người Nộp",
                      .at = at, .all_papers = TRUE };
  g_autoptr(GError) error = NULL;
  char *id = xaso_dossier_receive (o->db, o->desk, &r, &error);

  g_assert_no_error (error);
  return id;
}

static void
act (Office            *o,
     XasoUser          *actor,
     const char        *id,
     XasoDossierAction  action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_dossier_act (o->db, actor, id, &action, &error));
  g_assert_no_error (error);
}

/* Assigned to the officer, passed to the leader, approved at @approved. */
static void
approve (Office     *o,
         const char *id,
         const char *assigned,
         const char *approved)
{
  act (o, o->desk, id, (XasoDossierAction) { .kind = "assigned", .at = assigned, .to_username = "tuphap" });
  act (o, o->officer, id, (XasoDossierAction) { .kind = "forwarded", .at = assigned, .to_username = "chutich" });
  act (o, o->leader, id, (XasoDossierAction) { .kind = "approved", .at = approved });
}

static void
returned (Office     *o,
          const char *id,
          const char *at)
{
  act (o, o->desk, id, (XasoDossierAction) { .kind = "returned", .at = at, .collected_by = "Người Nộp" });
}

/* The guardianship procedure (1.004837) takes 3 working days of 8 hours
 * (07:00–11:30, 13:30–17:00); December 2026 has no holiday. The period is
 * December; now is Monday 21/12 09:00. */
static void
build_fixture (Office *o)
{
  const char * const supplement[] = { "Văn bản cử người giám hộ", NULL };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;
  g_autofree char *h = NULL, *i = NULL, *j = NULL, *k = NULL, *m = NULL;

  /* K: received Fri 27/11 (before the period), due Wed 2/12 09:00,
   *    approved Tue 1/12 16:00: resolved early, in the period. */
  k = receive (o, "direct", "2026-11-27 09:00");
  approve (o, k, "2026-11-27 10:00", "2026-12-01 16:00");
  /* A: direct, Tue 1/12 09:00, due Fri 4/12 09:00; approved Thu 3/12: early; returned Thu 3/12. */
  a = receive (o, "direct", "2026-12-01 09:00");
  approve (o, a, "2026-12-01 09:30", "2026-12-03 10:00");
  returned (o, a, "2026-12-03 14:00");
  /* B: online, Tue 1/12 10:00, due Fri 4/12 10:00; approved Fri 4/12 09:30: on time. */
  b = receive (o, "online", "2026-12-01 10:00");
  approve (o, b, "2026-12-01 10:30", "2026-12-04 09:30");
  /* C: postal, Tue 1/12 11:00, due Fri 4/12 11:00; approved Fri 4/12 15:00: late; returned Mon 7/12. */
  c = receive (o, "postal", "2026-12-01 11:00");
  approve (o, c, "2026-12-01 11:15", "2026-12-04 15:00");
  returned (o, c, "2026-12-07 08:00");
  /* D: Mon 7/12 09:00, due Thu 10/12 09:00; paused Tue 8/12 09:00 → Wed 9/12 09:00 (8 working hours),
   *    so due Fri 11/12 09:00; approved Fri 11/12 08:30: on time, thanks to the pause. */
  d = receive (o, "direct", "2026-12-07 09:00");
  act (o, o->desk, d, (XasoDossierAction) { .kind = "assigned", .at = "2026-12-07 09:30", .to_username = "tuphap" });
  act (o, o->officer, d, (XasoDossierAction) { .kind = "supplement_requested", .at = "2026-12-08 09:00",
                                                .papers = supplement });
  act (o, o->desk, d, (XasoDossierAction) { .kind = "supplement_received", .at = "2026-12-09 09:00" });
  act (o, o->officer, d, (XasoDossierAction) { .kind = "forwarded", .at = "2026-12-10 09:00",
                                                .to_username = "chutich" });
  act (o, o->leader, d, (XasoDossierAction) { .kind = "approved", .at = "2026-12-11 08:30" });
  /* E: Mon 7/12 10:00, legal due Thu 10/12 10:00; an apology promises Mon 14/12, approved Fri 11/12 10:00:
   *    late all the same (the legal deadline counts). */
  e = receive (o, "direct", "2026-12-07 10:00");
  act (o, o->desk, e, (XasoDossierAction) { .kind = "assigned", .at = "2026-12-07 10:30", .to_username = "tuphap" });
  act (o, o->officer, e, (XasoDossierAction) { .kind = "apologized", .at = "2026-12-09 10:00",
                                                .new_due = "2026-12-14T17:00:00+07:00", .note = "Chờ xác minh" });
  act (o, o->officer, e, (XasoDossierAction) { .kind = "forwarded", .at = "2026-12-10 09:00",
                                                .to_username = "chutich" });
  act (o, o->leader, e, (XasoDossierAction) { .kind = "approved", .at = "2026-12-11 10:00" });
  /* F: refused on the day. M: withdrawn on the day. */
  f = receive (o, "direct", "2026-12-08 09:00");
  act (o, o->desk, f, (XasoDossierAction) { .kind = "refused", .at = "2026-12-08 10:00", .note = "Sai thẩm quyền" });
  m = receive (o, "direct", "2026-12-02 09:00");
  act (o, o->desk, m, (XasoDossierAction) { .kind = "withdrawn", .at = "2026-12-02 10:00" });
  /* H: Mon 14/12 09:00, due Thu 17/12 09:00, still open on Mon 21/12: late. */
  h = receive (o, "direct", "2026-12-14 09:00");
  act (o, o->desk, h, (XasoDossierAction) { .kind = "assigned", .at = "2026-12-14 09:30", .to_username = "tuphap" });
  /* I: Wed 16/12 10:00, due Mon 21/12 10:00: due today. J: Thu 17/12 10:00, due Tue 22/12 10:00: tomorrow. */
  i = receive (o, "direct", "2026-12-16 10:00");
  j = receive (o, "direct", "2026-12-17 10:00");
}

static void
office_set_up (Office        *o,
               gconstpointer  data)
{
  g_autofree char *path = xaso_test_temp_path ("kpi.db");
  g_autoptr(GError) error = NULL;

  o->db = xaso_test_open_commune (path);
  g_assert_true (xaso_seed_procedures (o->db, &error));
  o->desk = xaso_test_add_user (o->db, "motcua", "motcua", "tiep_nhan", "Tư pháp");
  o->officer = xaso_test_add_user (o->db, "tuphap", "tuphap", "chuyen_vien", "Tư pháp");
  o->leader = xaso_test_add_user (o->db, "chutich", "chutich", "lanh_dao", "Tư pháp");
}

static void
office_tear_down (Office        *o,
                  gconstpointer  data)
{
  g_clear_object (&o->desk);
  g_clear_object (&o->officer);
  g_clear_object (&o->leader);
  g_clear_object (&o->db);
}

static GDateTime *
monday_21 (void)
{
  return xaso_dossier_parse_time ("2026-12-21 09:00");
}

static void
test_hand_counted (Office        *o,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = monday_21 ();
  g_autoptr(GError) error = NULL;
  XasoKpi kpi;

  build_fixture (o);
  g_assert_true (xaso_kpi_compute (o->db, "2026-12-01", "2026-12-31", NULL, now, &kpi, &error));
  g_assert_no_error (error);
  /* Received in December: A B C D E F H I J M (K came in November). */
  g_assert_cmpuint (kpi.received, ==, 10);
  g_assert_cmpuint (kpi.received_online, ==, 1);   /* B */
  g_assert_cmpuint (kpi.received_postal, ==, 1);   /* C */
  g_assert_cmpuint (kpi.received_direct, ==, 8);
  g_assert_cmpfloat_with_epsilon (xaso_kpi_online_rate (&kpi), 10.0, 1e-9);
  /* Resolved: K A (early), B D (on time), C E (late): 4 of 6 in time. */
  g_assert_cmpuint (kpi.resolved, ==, 6);
  g_assert_cmpuint (kpi.resolved_early, ==, 2);
  g_assert_cmpuint (kpi.resolved_on_time, ==, 2);
  g_assert_cmpuint (kpi.resolved_late, ==, 2);
  g_assert_cmpfloat_with_epsilon (xaso_kpi_on_time_rate (&kpi), 400.0 / 6, 1e-9);
  /* Open on Monday 21: H (late since Thu 17), I (due today 10:00), J (due Tue 22). */
  g_assert_cmpuint (kpi.in_progress, ==, 3);
  g_assert_cmpuint (kpi.in_progress_late, ==, 1);
  g_assert_cmpuint (kpi.due_today, ==, 1);
  g_assert_cmpuint (kpi.due_tomorrow, ==, 1);
  g_assert_cmpuint (kpi.refused, ==, 1);
  g_assert_cmpuint (kpi.withdrawn, ==, 1);
  g_assert_cmpuint (kpi.stopped, ==, 0);
  g_assert_cmpuint (kpi.returned, ==, 2);          /* A, C */

  /* November alone: K was received; nothing resolved; no rate to give. */
  g_assert_true (xaso_kpi_compute (o->db, "2026-11-01", "2026-11-30", NULL, now, &kpi, &error));
  g_assert_cmpuint (kpi.received, ==, 1);
  g_assert_cmpuint (kpi.resolved, ==, 0);
  g_assert_cmpfloat (xaso_kpi_on_time_rate (&kpi), <, 0);
}

static void
test_pairs (Office        *o,
            gconstpointer  data)
{
  g_autoptr(GDateTime) now = monday_21 ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pairs = NULL;
  g_autofree char *joined = NULL;
  XasoKpi kpi;

  build_fixture (o);
  g_assert_true (xaso_kpi_compute (o->db, "2026-12-01", "2026-12-31", NULL, now, &kpi, &error));
  pairs = xaso_kpi_to_pairs (&kpi);
  joined = g_strjoinv ("|", pairs);
  g_assert_nonnull (strstr (joined, "received|10|received_online|1|received_direct|8|received_postal|1|"
                                    "online_rate|10.0|resolved|6|resolved_early|2|resolved_on_time|2|"
                                    "resolved_late|2|on_time_rate|66.7|in_progress|3|in_progress_late|1|"
                                    "refused|1|"));
  g_assert_true (xaso_kpi_compute (o->db, "2026-11-01", "2026-11-30", NULL, now, &kpi, &error));
  g_strfreev (pairs);
  pairs = xaso_kpi_to_pairs (&kpi);
  g_free (joined);
  joined = g_strjoinv ("|", pairs);
  g_assert_nonnull (strstr (joined, "|resolved|0|resolved_early|0|resolved_on_time|0|resolved_late|0|on_time_rate||"));
}

static void
test_bad_period (Office        *o,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XasoKpi kpi;

  g_assert_false (xaso_kpi_compute (o->db, "2026-12-31", "2026-12-01", NULL, NULL, &kpi, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (xaso_kpi_compute (o->db, "31/12/2026", "2026-12-31", NULL, NULL, &kpi, &error));
  g_assert_nonnull (error);
}

/* ---- The demo commune, recounted by plain SQL ---- */

static guint
count (XasoDatabase *db,
       const char   *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM dossier WHERE deleted = 0 AND %s", where);

  return (guint)xaso_test_count (db, sql);
}

static void
test_demo_recount (void)
{
  g_autofree char *path = xaso_test_temp_path ("kpi-demo.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);
  g_autoptr(GDateTime) now = xaso_dossier_parse_time ("2026-06-30 12:00");
  g_autoptr(GError) error = NULL;
  XasoKpi kpi;

  g_assert_true (xaso_demo_generate (db, XASO_DEMO_SMALL, 3, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xaso_kpi_compute (db, "2026-01-01", "2026-06-30", NULL, now, &kpi, &error));
  g_assert_no_error (error);
#define DAY(col) "substr (" col ", 1, 10) BETWEEN '2026-01-01' AND '2026-06-30'"
  g_assert_cmpuint (kpi.received, ==, count (db, "status != 1 AND " DAY ("received_at")));
  g_assert_cmpuint (kpi.received_online, ==, count (db, "status != 1 AND channel = 'online' AND " DAY ("received_at")));
  g_assert_cmpuint (kpi.resolved, ==, count (db, "status >= 9 AND " DAY ("resolved_at")));
  g_assert_cmpuint (kpi.resolved_early + kpi.resolved_on_time + kpi.resolved_late, ==, kpi.resolved);
  g_assert_cmpuint (kpi.resolved_late, ==, count (db, "status >= 9 AND timeliness = 'late' AND " DAY ("resolved_at")));
  g_assert_cmpuint (kpi.refused, ==, count (db, "status = 3 AND " DAY ("resolved_at")));
  g_assert_cmpuint (kpi.returned, ==, count (db, DAY ("returned_at")));
  g_assert_cmpuint (kpi.in_progress, ==,
                    count (db, "status IN (2, 4, 5, 6) AND substr (received_at, 1, 10) <= '2026-06-30'"));
  g_assert_cmpuint (kpi.documents_incoming, ==, (guint)xaso_test_count (db,
    "SELECT count(*) FROM document WHERE deleted = 0 AND direction = 'incoming' AND status != 'received' "
    "AND received_date >= '2026-01-01' AND received_date <= '2026-06-30'"));
  g_assert_cmpuint (kpi.received, >, 100);
  g_assert_cmpuint (kpi.resolved, >, 100);
#undef DAY
}

/* ---- The tallies the figures read follow every write ---- */

/* The tallies' non-zero counts, one line each. */
static char *
tallies (XasoDatabase *db)
{
  static const char sql[] =
    "SELECT group_concat (line, char (10)) FROM ("
    "SELECT day || '|' || measure || '|' || unit || '|' || field || '|' || n AS line FROM dossier_tally "
    "WHERE n <> 0 UNION ALL "
    "SELECT hamlet || '|' || sex || '|' || birth_year || '|' || status || '|' || n FROM person_tally "
    "WHERE n <> 0 ORDER BY 1)";
  return xaso_test_string (db, sql);
}

/* The demo commune, then writes of every kind the triggers watch: dossiers
 * deleted, moved to another channel, unit and procedure, refolded;
 * persons moved, died, born another year and deleted. The counts kept one write at a
 * time must equal those counted again from nothing. */
static void
test_tallies_follow_writes (void)
{
  g_autofree char *path = xaso_test_temp_path ("kpi-tallies.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL, *recounted = NULL;

  g_assert_true (xaso_demo_generate (db, XASO_DEMO_SMALL, 5, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xaso_database_exec (db,
    "UPDATE dossier SET deleted = 1 WHERE rowid % 41 = 0;"
    "UPDATE dossier SET channel = 'postal' WHERE rowid % 37 = 0;"
    "UPDATE dossier SET department = 'Phòng Kinh tế' WHERE rowid % 13 = 0;"
    "UPDATE dossier SET procedure_id = (SELECT id FROM procedure ORDER BY id LIMIT 1) WHERE rowid % 17 = 0;"
    "UPDATE dossier SET status = 2, resolved_at = NULL, timeliness = NULL WHERE rowid % 19 = 0;"
    "UPDATE person SET hamlet = 'Ấp Mới' WHERE rowid % 11 = 0;"
    "UPDATE person SET status = 'deceased', death_date = '2026-03-01' WHERE rowid % 29 = 0;"
    "UPDATE person SET birth_date = '1950' WHERE rowid % 31 = 0;"
    "UPDATE person SET deleted = 1 WHERE rowid % 43 = 0;", &error));
  g_assert_no_error (error);
  xaso_dossier_refold_all (db, &error);
  g_assert_no_error (error);
  kept = tallies (db);
  g_assert_cmpuint (strlen (kept), >, 1000);
  g_assert_true (xaso_tallies_rebuild (db, &error));
  g_assert_no_error (error);
  recounted = tallies (db);
  g_assert_cmpstr (kept, ==, recounted);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Office, NULL, office_set_up, fn, office_tear_down)
  ADD ("/kpi/hand-counted", test_hand_counted);
  ADD ("/kpi/pairs", test_pairs);
  ADD ("/kpi/bad-period", test_bad_period);
  g_test_add_func ("/kpi/demo-recount", test_demo_recount);
  g_test_add_func ("/kpi/tallies-follow-writes", test_tallies_follow_writes);
  return g_test_run ();
}
