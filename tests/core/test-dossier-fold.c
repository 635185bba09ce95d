/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-dossier-fold.h"

/* The fold of a dossier's events (DOMAIN.md, One-stop dossiers; Deadlines
 * and the calendar; domain-vietnam.md §2.4–2.6): the transitions, the
 * order-independence, the deadlines in working time and the on-time
 * classification, with every expected value worked out by hand.
 *
 * Working time is 07:00–11:30 and 13:30–17:00 (8 h a day), UTC+7. In
 * December 2026, the 4th is a Friday, the 7th a Monday. */

static XasoProcedure *
procedure_new (XasoTimeUnit unit,
               double       direct,
               double       online)
{
  XasoProcedure *p = xaso_procedure_new ();

  p->id = g_strdup ("p");
  p->time_unit = unit;
  p->limit_direct = direct;
  p->limit_online = online;
  return p;
}

/* A history written as "kind@time" items; "apologized@time>new_due". */
typedef struct
{
  XasoDossierFoldEvent events[16];
  char                *strings[48];
  guint                n;
  guint                n_strings;
} History;

static const char *
keep (History    *h,
      char       *s)
{
  h->strings[h->n_strings++] = s;
  return s;
}

static char *
iso (const char *text)
{
  g_autoptr(GDateTime) t = xaso_dossier_parse_time (text);

  g_assert_nonnull (t);
  return xaso_dossier_format_time (t);
}

static void
history_init (History     *h,
              const char  *first,
              ...)
{
  va_list ap;

  memset (h, 0, sizeof *h);
  va_start (ap, first);
  for (const char *item = first; item != NULL; item = va_arg (ap, const char *))
    {
      g_auto(GStrv) parts = g_strsplit_set (item, "@>", 3);
      XasoDossierFoldEvent *e = &h->events[h->n];

      e->id = keep (h, g_strdup_printf ("e%02u", h->n));
      e->hlc = 1000 + h->n;
      e->kind = keep (h, g_strdup (parts[0]));
      e->at = keep (h, iso (parts[1]));
      e->to_user_id = "u-tuphap";
      if (parts[2] != NULL)
        e->data = keep (h, g_strdup_printf ("{\"new_due\": \"%s\"}", parts[2]));
      h->n++;
    }
  va_end (ap);
}

static void
history_clear (History *h)
{
  for (guint i = 0; i < h->n_strings; i++)
    g_free (h->strings[i]);
}

static void
fold (XasoDossierState  *state,
      History           *h,
      XasoProcedure     *p,
      const char        *channel)
{
  xaso_dossier_fold (state, h->events, h->n, p, channel, NULL, xaso_dossier_calendar (), FALSE);
}

/* "2026-12-10 09:00" in the commune's time, or "-" for none. */
static char *
show (GDateTime *t)
{
  g_autoptr(GDateTime) local = NULL;

  if (t == NULL)
    return g_strdup ("-");
  local = g_date_time_to_timezone (t, xaso_calendar_get_time_zone (xaso_dossier_calendar ()));
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

#define assert_time(t, expected)             \
  G_STMT_START {                             \
    g_autofree char *_s = show (t);          \
    g_assert_cmpstr (_s, ==, (expected));    \
  } G_STMT_END

/* The legal deadline of a dossier received at @at by @channel. */
static char *
deadline (XasoProcedure *p,
          const char    *channel,
          const char    *at)
{
  g_autoptr(GDateTime) received = xaso_dossier_parse_time (at);
  g_autoptr(GDateTime) due = xaso_dossier_deadline (xaso_dossier_calendar (), p, channel, received, NULL, 0);

  return show (due);
}

#define assert_deadline(p, channel, at, expected)     \
  G_STMT_START {                                      \
    g_autofree char *_d = deadline (p, channel, at);  \
    g_assert_cmpstr (_d, ==, (expected));             \
  } G_STMT_END

/* The national table (domain-vietnam.md §2.4), one row per kind, one
 * column per status 0 (not received) to 10: 1 where the kind may come.
 * 1 → 2, 3 (and the applicant may withdraw); 2 → 4 (or a supplement at
 * the reception check, a refusal, a withdrawal, a stop); 4 → 5, 6, 8, 9;
 * 5 and 6 → 4; 9 → 10; 3, 7, 8, 10 are terminal. */
static const struct
{
  const char *kind;
  const char *from;       /* statuses 0..10 */
  int         to;
} table[] = {
  /*                           0 1 2 3 4 5 6 7 8 9 10 */
  { "submitted",            "1 0 0 0 0 0 0 0 0 0 0", 1 },
  { "received",             "1 1 0 0 0 0 0 0 0 0 0", 2 },
  { "refused",              "0 1 1 0 1 1 1 0 0 0 0", 3 },
  { "rejected",             "0 1 1 0 1 1 1 0 0 0 0", 3 },   /* the old demo's word */
  { "assigned",             "0 0 1 0 1 0 0 0 0 0 0", 4 },
  { "forwarded",            "0 0 0 0 1 0 0 0 0 0 0", 4 },
  { "supplement_requested", "0 0 1 0 1 0 0 0 0 0 0", 5 },
  { "supplement_received",  "0 0 0 0 0 1 0 0 0 0 0", 4 },
  { "payment_requested",    "0 0 0 0 1 0 0 0 0 0 0", 6 },
  { "payment_received",     "0 0 0 0 0 0 1 0 0 0 0", 4 },
  { "apologized",           "0 0 0 0 1 1 1 0 0 0 0", 0 },
  { "withdrawn",            "0 1 1 0 1 1 1 0 0 0 0", 7 },
  { "stopped",              "0 0 1 0 1 1 1 0 0 0 0", 8 },
  { "approved",             "0 0 0 0 1 0 0 0 0 0 0", 9 },
  { "returned",             "0 0 0 0 0 0 0 0 0 1 0", 10 },
  { "viewed",               "1 1 1 1 1 1 1 1 1 1 1", 0 },   /* no transition */
};

static void
test_transition_table (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (table); k++)
    {
      g_assert_cmpint (xaso_dossier_transition_target (table[k].kind), ==, table[k].to);
      for (guint s = 0; s <= 10; s++)
        {
          gboolean expected = table[k].from[2 * s] == '1';

          if (xaso_dossier_transition_allowed (table[k].kind, s) != expected)
            g_error ("%s at status %u: expected %s", table[k].kind, s, expected ? "allowed" : "refused");
        }
    }
}

/* A dossier at each status, the way it got there. */
static const char * const paths[] = {
  [1] = "submitted",
  [2] = "received",
  [3] = "received refused",
  [4] = "received assigned",
  [5] = "received assigned supplement_requested",
  [6] = "received assigned payment_requested",
  [7] = "received withdrawn",
  [8] = "received assigned stopped",
  [9] = "received assigned approved",
  [10] = "received assigned approved returned",
};

/* Folding a path then one more kind: allowed, it moves to the table's
 * target (or stays); refused, the status stays and the event is listed. */
static void
test_transition_fold (void)
{
  g_autoptr(XasoProcedure) p = procedure_new (XASO_TIME_WORKING_DAYS, 3, 3);

  for (guint s = 1; s <= 10; s++)
    for (guint k = 0; k < G_N_ELEMENTS (table); k++)
      {
        g_auto(GStrv) kinds = g_strsplit (paths[s], " ", -1);
        guint n = g_strv_length (kinds);
        g_auto(XasoDossierState) state = { 0 };
        XasoDossierFoldEvent events[8] = { { 0 } };
        char ids[8][4];
        gboolean allowed = table[k].from[2 * s] == '1';

        for (guint i = 0; i <= n; i++)
          {
            g_snprintf (ids[i], sizeof ids[i], "e%u", i);
            events[i] = (XasoDossierFoldEvent) { ids[i], 100 + i, i < n ? kinds[i] : table[k].kind,
                                                 "2026-12-07T09:00:00+07:00", "u-x", "{}" };
          }
        xaso_dossier_fold (&state, events, n + 1, p, "direct", NULL, xaso_dossier_calendar (), FALSE);
        g_assert_cmpint (state.status, ==, allowed && table[k].to != 0 ? table[k].to : (int)s);
        g_assert_cmpint (state.needs_review, ==, !allowed);
        g_assert_cmpuint (state.refused->len, ==, allowed ? 0 : 1);
        if (!allowed)
          g_assert_cmpuint (g_array_index (state.refused, guint, 0), ==, n);
      }
}

static void
shuffle (XasoDossierFoldEvent *events,
         guint                 n,
         GRand                *rand)
{
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      XasoDossierFoldEvent t = events[i];

      events[i] = events[j];
      events[j] = t;
    }
}

/* Events arrive in any order from the desks; sorted by (hlc, id) they
 * fold the same. Two events share an hlc here, so the id decides. */
static void
test_fold_shuffled (void)
{
  g_autoptr(XasoProcedure) p = procedure_new (XASO_TIME_WORKING_DAYS, 3, 3);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_auto(XasoDossierState) first = { 0 };
  History h;

  history_init (&h, "received@2026-12-07 09:00", "assigned@2026-12-07 09:30",
                "supplement_requested@2026-12-08 09:00", "supplement_received@2026-12-10 09:00",
                "forwarded@2026-12-10 10:00", "apologized@2026-12-11 08:00>2026-12-16T17:00:00+07:00",
                "approved@2026-12-14 08:00", "returned@2026-12-14 10:00", NULL);
  h.events[5].hlc = h.events[4].hlc;
  fold (&first, &h, p, "direct");
  g_assert_cmpint (first.status, ==, XASO_DOSSIER_RETURNED);
  /* 24 h from Mon 09:00, with Tue 09:00–Thu 09:00 (16 h) paused: Mon 14/12 09:00. */
  assert_time (first.legal_due, "2026-12-14 09:00");
  assert_time (first.due, "2026-12-16 17:00");
  for (guint round = 0; round < 500; round++)
    {
      g_auto(XasoDossierState) state = { 0 };

      shuffle (h.events, h.n, rand);
      xaso_dossier_fold_sort (h.events, h.n);
      fold (&state, &h, p, "direct");
      g_assert_cmpint (state.status, ==, first.status);
      g_assert_cmpint (state.timeliness, ==, XASO_TIMELINESS_ON_TIME);
      g_assert_true (g_date_time_equal (state.legal_due, first.legal_due));
      g_assert_true (g_date_time_equal (state.due, first.due));
      g_assert_true (g_date_time_equal (state.resolved_at, first.resolved_at));
      g_assert_cmpuint (state.pauses->len, ==, 1);
      g_assert_false (state.needs_review);
    }
  history_clear (&h);
}

/* Two desks offline: the officer refuses and the leader approves from 4.
 * The earlier hlc wins; the other is kept, listed and flagged. */
static void
test_fold_concurrent (void)
{
  g_autoptr(XasoProcedure) p = procedure_new (XASO_TIME_WORKING_DAYS, 3, 3);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  History h;

  history_init (&h, "received@2026-12-07 09:00", "assigned@2026-12-07 09:30", "refused@2026-12-08 10:00",
                "approved@2026-12-08 10:00", NULL);
  for (guint round = 0; round < 100; round++)
    {
      g_auto(XasoDossierState) state = { 0 };
      guint refused;

      shuffle (h.events, h.n, rand);
      xaso_dossier_fold_sort (h.events, h.n);
      fold (&state, &h, p, "direct");
      /* refused (hlc 1002) comes before approved (1003): status 3. */
      g_assert_cmpint (state.status, ==, XASO_DOSSIER_REFUSED);
      g_assert_true (state.needs_review);
      g_assert_cmpuint (state.refused->len, ==, 1);
      refused = g_array_index (state.refused, guint, 0);
      g_assert_cmpstr (h.events[refused].kind, ==, "approved");
      assert_time (state.resolved_at, "2026-12-08 10:00");
      g_assert_cmpint (state.timeliness, ==, XASO_TIMELINESS_NONE);
    }
  history_clear (&h);
}

static void
test_deadline_working_days (void)
{
  g_autoptr(XasoProcedure) three = procedure_new (XASO_TIME_WORKING_DAYS, 3, 3);
  g_autoptr(XasoProcedure) one = procedure_new (XASO_TIME_WORKING_DAYS, 1, 1);
  g_autoptr(XasoProcedure) two = procedure_new (XASO_TIME_WORKING_DAYS, 2, 2);

  /* Mon 7/12 09:00 + 24 h: Tue, Wed, Thu 09:00. */
  assert_deadline (three, "direct", "2026-12-07 09:00", "2026-12-10 09:00");
  /* Fri 4/12 10:00: Mon 7 (1), Tue 8 (2), Wed 9 (3) at 10:00, past the weekend. */
  assert_deadline (three, "direct", "2026-12-04 10:00", "2026-12-09 10:00");
  /* Wed 29/4 10:00: 30/4 and 1/5 are holidays, 2–3/5 a weekend: Mon 4/5 (1), Tue 5/5 (2). */
  assert_deadline (two, "direct", "2026-04-29 10:00", "2026-05-05 10:00");
  /* Fri 24/4 10:00: Giỗ Tổ falls on Sun 26/4, so Mon 27/4 is off: Tue 28 (1), Wed 29 (2). */
  assert_deadline (two, "direct", "2026-04-24 10:00", "2026-04-29 10:00");
  /* Fri 13/2 10:00: Tết, 14–22/2 off: Mon 23 (1), Tue 24 (2), Wed 25 (3). */
  assert_deadline (three, "direct", "2026-02-13 10:00", "2026-02-25 10:00");
  /* Fri 21/8 10:00: Saturday 22/8 is worked: due Sat 22/8 10:00 with one day. */
  assert_deadline (one, "direct", "2026-08-21 10:00", "2026-08-22 10:00");
  /* …and with three: Sat 22 (1), Mon 24 (2), Tue 25 (3). */
  assert_deadline (three, "direct", "2026-08-21 10:00", "2026-08-25 10:00");
  /* Received on the worked Saturday itself, 22/8 09:00, one day: Mon 24/8 09:00. */
  assert_deadline (one, "direct", "2026-08-22 09:00", "2026-08-24 09:00");
  /* Fri 28/8 10:00: 29/8–2/9 off: Thu 3/9 (1), Fri 4/9 (2). */
  assert_deadline (two, "direct", "2026-08-28 10:00", "2026-09-04 10:00");
}

static void
test_deadline_reception_time (void)
{
  g_autoptr(XasoProcedure) one = procedure_new (XASO_TIME_WORKING_DAYS, 1, 1);

  /* At lunch, Mon 12:00: counting starts 13:30; 3.5 h Monday, 4.5 h
   * Tuesday morning: Tue 11:30, which stays at the end of the period. */
  assert_deadline (one, "direct", "2026-12-07 12:00", "2026-12-08 11:30");
  /* After 17:00, Mon 17:30: from Tue 07:00, 8 h: Tue 17:00. */
  assert_deadline (one, "direct", "2026-12-07 17:30", "2026-12-08 17:00");
  /* On a Sunday, 6/12 10:00: from Mon 07:00, 8 h: Mon 17:00. */
  assert_deadline (one, "direct", "2026-12-06 10:00", "2026-12-07 17:00");
  /* Before opening, Mon 06:00: from 07:00, Mon 17:00. */
  assert_deadline (one, "direct", "2026-12-07 06:00", "2026-12-07 17:00");
}

static void
test_deadline_15h (void)
{
  g_autoptr(XasoProcedure) same = procedure_new (XASO_TIME_SAME_DAY_15H, 0, 0);

  /* Before 15:00: the end of the same day. */
  assert_deadline (same, "direct", "2026-12-07 14:59", "2026-12-07 17:00");
  /* At 15:00: the end of the next working day. */
  assert_deadline (same, "direct", "2026-12-07 15:00", "2026-12-08 17:00");
  /* Fri 15:00: Monday 17:00. */
  assert_deadline (same, "direct", "2026-12-04 15:00", "2026-12-07 17:00");
  /* Sunday: the next working day, Monday 17:00. */
  assert_deadline (same, "direct", "2026-12-06 10:00", "2026-12-07 17:00");
  /* Fri 13/2 16:00, Tết follows: Mon 23/2 17:00. */
  assert_deadline (same, "direct", "2026-02-13 16:00", "2026-02-23 17:00");
  /* Fri 21/8 15:30: the worked Saturday 22/8 17:00. */
  assert_deadline (same, "online", "2026-08-21 15:30", "2026-08-22 17:00");
}

static void
test_deadline_channels (void)
{
  g_autoptr(XasoProcedure) p = procedure_new (XASO_TIME_WORKING_DAYS, 5, 3);
  g_autoptr(XasoProcedure) hours = procedure_new (XASO_TIME_WORKING_HOURS, 12, 4);

  /* Mon 7/12 09:00: direct 5 days → Mon 14/12 09:00; online 3 → Thu 10/12 09:00. */
  assert_deadline (p, "direct", "2026-12-07 09:00", "2026-12-14 09:00");
  assert_deadline (p, "postal", "2026-12-07 09:00", "2026-12-14 09:00");
  assert_deadline (p, "online", "2026-12-07 09:00", "2026-12-10 09:00");
  /* 12 working hours from Mon 09:00: 2.5 + 3.5 = 6 h Monday, 6 h Tuesday
   * from 07:00: 4.5 to 11:30, 1.5 from 13:30 → Tue 15:00. Online 4 h:
   * 2.5 to 11:30, 1.5 from 13:30 → Mon 15:00. */
  assert_deadline (hours, "direct", "2026-12-07 09:00", "2026-12-08 15:00");
  assert_deadline (hours, "online", "2026-12-07 09:00", "2026-12-07 15:00");
}

static void
test_deadline_pauses (void)
{
  g_autoptr(XasoProcedure) p = procedure_new (XASO_TIME_WORKING_DAYS, 3, 3);
  g_autoptr(XasoProcedure) same = procedure_new (XASO_TIME_SAME_DAY_15H, 0, 0);
  g_auto(XasoDossierState) one = { 0 };
  g_auto(XasoDossierState) two = { 0 };
  g_auto(XasoDossierState) open = { 0 };
  g_auto(XasoDossierState) today = { 0 };
  History h1, h2, h3, h4;

  /* One pause, Tue 09:00 → Thu 09:00 = 16 h: 24 h end Mon 14/12 09:00. */
  history_init (&h1, "received@2026-12-07 09:00", "assigned@2026-12-07 09:10",
                "supplement_requested@2026-12-08 09:00", "supplement_received@2026-12-10 09:00", NULL);
  fold (&one, &h1, p, "direct");
  g_assert_cmpint (one.status, ==, XASO_DOSSIER_IN_PROGRESS);
  assert_time (one.legal_due, "2026-12-14 09:00");
  assert_time (one.due, "2026-12-14 09:00");
  assert_time (one.paused_at, "-");
  /* A second, Fri 11/12 09:00 → 14:30 (2.5 + 1 = 3.5 h): 16 h used by
   * then, 8 h left from 14:30: 2.5 Friday, 4.5 Monday morning, 1 h from
   * 13:30 → Mon 14/12 14:30. */
  history_init (&h2, "received@2026-12-07 09:00", "assigned@2026-12-07 09:10",
                "supplement_requested@2026-12-08 09:00", "supplement_received@2026-12-10 09:00",
                "supplement_requested@2026-12-11 09:00", "supplement_received@2026-12-11 14:30", NULL);
  fold (&two, &h2, p, "direct");
  g_assert_cmpuint (two.pauses->len, ==, 2);
  assert_time (two.legal_due, "2026-12-14 14:30");
  /* An open pause: no deadline while the applicant has the papers. */
  history_init (&h3, "received@2026-12-07 09:00", "supplement_requested@2026-12-08 09:00", NULL);
  fold (&open, &h3, p, "direct");
  g_assert_cmpint (open.status, ==, XASO_DOSSIER_SUPPLEMENT);
  assert_time (open.legal_due, "-");
  assert_time (open.due, "-");
  assert_time (open.paused_at, "2026-12-08 09:00");
  /* Same day, Mon 09:00 (due 17:00, 6 h of working time); paused 10:00 →
   * Tue 10:00 (8 h): 6 h from Mon 09:00 less the pause → Tue 17:00. */
  history_init (&h4, "received@2026-12-07 09:00", "supplement_requested@2026-12-07 10:00",
                "supplement_received@2026-12-08 10:00", NULL);
  fold (&today, &h4, same, "direct");
  assert_time (today.legal_due, "2026-12-08 17:00");
  history_clear (&h1);
  history_clear (&h2);
  history_clear (&h3);
  history_clear (&h4);
}

/* The clock runs from the counter's reception, not from the portal's
 * submission: Sat 5/12 20:00 online, received Mon 7/12 09:00, 3 days →
 * Thu 10/12 09:00; while waiting, no appointment at all. */
static void
test_deadline_online_waiting (void)
{
  g_autoptr(XasoProcedure) p = procedure_new (XASO_TIME_WORKING_DAYS, 3, 3);
  g_auto(XasoDossierState) waiting = { 0 };
  g_auto(XasoDossierState) received = { 0 };
  History h1, h2;

  history_init (&h1, "submitted@2026-12-05 20:00", NULL);
  fold (&waiting, &h1, p, "online");
  g_assert_cmpint (waiting.status, ==, XASO_DOSSIER_NEW);
  assert_time (waiting.received_at, "2026-12-05 20:00");
  assert_time (waiting.legal_due, "-");
  assert_time (waiting.due, "-");
  history_init (&h2, "submitted@2026-12-05 20:00", "received@2026-12-07 09:00", NULL);
  fold (&received, &h2, p, "online");
  g_assert_cmpint (received.status, ==, XASO_DOSSIER_RECEIVED);
  assert_time (received.legal_due, "2026-12-10 09:00");
  history_clear (&h1);
  history_clear (&h2);
}

/* An apology (form 04) moves the appointment, never the legal deadline. */
static void
test_deadline_apology (void)
{
  g_autoptr(XasoProcedure) p = procedure_new (XASO_TIME_WORKING_DAYS, 3, 3);
  g_auto(XasoDossierState) state = { 0 };
  History h;

  history_init (&h, "received@2026-12-07 09:00", "assigned@2026-12-07 09:10",
                "apologized@2026-12-10 08:00>2026-12-15T17:00:00+07:00", NULL);
  fold (&state, &h, p, "direct");
  g_assert_cmpint (state.status, ==, XASO_DOSSIER_IN_PROGRESS);
  assert_time (state.legal_due, "2026-12-10 09:00");
  assert_time (state.due, "2026-12-15 17:00");
  history_clear (&h);
}

static XasoTimeliness
classify (const char *resolved,
          const char *due)
{
  g_autoptr(GDateTime) r = xaso_dossier_parse_time (resolved);
  g_autoptr(GDateTime) d = xaso_dossier_parse_time (due);

  return xaso_dossier_classify (r, d);
}

static void
test_classify (void)
{
  /* Due Thu 10/12 09:00. */
  g_assert_cmpint (classify ("2026-12-09 16:00", "2026-12-10 09:00"), ==, XASO_TIMELINESS_EARLY);
  g_assert_cmpint (classify ("2026-12-10 07:30", "2026-12-10 09:00"), ==, XASO_TIMELINESS_ON_TIME);
  g_assert_cmpint (classify ("2026-12-10 09:00", "2026-12-10 09:00"), ==, XASO_TIMELINESS_ON_TIME);
  g_assert_cmpint (classify ("2026-12-10 09:01", "2026-12-10 09:00"), ==, XASO_TIMELINESS_LATE);
  g_assert_cmpint (classify ("2026-12-11 08:00", "2026-12-10 09:00"), ==, XASO_TIMELINESS_LATE);
  /* 00:30 on the day in Vietnam is still the 10th there (17:30 UTC on the 9th). */
  g_assert_cmpint (classify ("2026-12-09T17:30:00Z", "2026-12-10 09:00"), ==, XASO_TIMELINESS_ON_TIME);
  g_assert_cmpint (classify (NULL, "2026-12-10 09:00"), ==, XASO_TIMELINESS_NONE);
}

static XasoTimeliness
fold_timeliness (const char *pause,
                 const char *apology,
                 const char *approved)
{
  g_autoptr(XasoProcedure) p = procedure_new (XASO_TIME_WORKING_DAYS, 3, 3);
  g_auto(XasoDossierState) state = { 0 };
  g_autofree char *a = g_strdup_printf ("approved@%s", approved);
  g_autofree char *ap = apology != NULL ? g_strdup_printf ("apologized@2026-12-10 08:00>%s", apology) : NULL;
  History h;
  XasoTimeliness t;

  if (pause != NULL)
    history_init (&h, "received@2026-12-07 09:00", "assigned@2026-12-07 09:10",
                  "supplement_requested@2026-12-08 09:00", "supplement_received@2026-12-10 09:00", a, NULL);
  else if (ap != NULL)
    history_init (&h, "received@2026-12-07 09:00", "assigned@2026-12-07 09:10", ap, a, NULL);
  else
    history_init (&h, "received@2026-12-07 09:00", "assigned@2026-12-07 09:10", a, NULL);
  fold (&state, &h, p, "direct");
  g_assert_cmpint (state.status, ==, XASO_DOSSIER_PROCESSED);
  t = state.timeliness;
  history_clear (&h);
  return t;
}

static void
test_classify_fold (void)
{
  /* Legal due Thu 10/12 09:00. */
  g_assert_cmpint (fold_timeliness (NULL, NULL, "2026-12-09 10:00"), ==, XASO_TIMELINESS_EARLY);
  g_assert_cmpint (fold_timeliness (NULL, NULL, "2026-12-10 08:30"), ==, XASO_TIMELINESS_ON_TIME);
  g_assert_cmpint (fold_timeliness (NULL, NULL, "2026-12-14 08:00"), ==, XASO_TIMELINESS_LATE);
  /* With the 16 h pause, due Mon 14/12 09:00: Monday 08:00 is on time. */
  g_assert_cmpint (fold_timeliness ("pause", NULL, "2026-12-14 08:00"), ==, XASO_TIMELINESS_ON_TIME);
  /* An apology to Tue 15/12 does not save Monday 08:00. */
  g_assert_cmpint (fold_timeliness (NULL, "2026-12-15T17:00:00+07:00", "2026-12-14 08:00"), ==,
                   XASO_TIMELINESS_LATE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/fold/transition-table", test_transition_table);
  g_test_add_func ("/dossier/fold/transitions-from-every-status", test_transition_fold);
  g_test_add_func ("/dossier/fold/shuffled-orders", test_fold_shuffled);
  g_test_add_func ("/dossier/fold/offline-desks-at-once", test_fold_concurrent);
  g_test_add_func ("/dossier/deadline/working-days-and-holidays", test_deadline_working_days);
  g_test_add_func ("/dossier/deadline/reception-time", test_deadline_reception_time);
  g_test_add_func ("/dossier/deadline/15h-rule", test_deadline_15h);
  g_test_add_func ("/dossier/deadline/channels", test_deadline_channels);
  g_test_add_func ("/dossier/deadline/pauses-while-supplementing", test_deadline_pauses);
  g_test_add_func ("/dossier/deadline/online-waiting-has-none", test_deadline_online_waiting);
  g_test_add_func ("/dossier/deadline/apology-keeps-legal", test_deadline_apology);
  g_test_add_func ("/dossier/timeliness/classify", test_classify);
  g_test_add_func ("/dossier/timeliness/fold", test_classify_fold);
  return g_test_run ();
}
