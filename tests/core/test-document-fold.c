/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-document-event.h"
#include "xaso-document-flow.h"
#include "xaso-document-fold.h"
#include "xaso-document-queue.h"
#include "xaso-test-util.h"

/* A document's state folded from its events (issue 11: document states
 * refolded from events after a pull): the flows of Decree 30, the same
 * state whatever order the events arrive in, the later of two allowed
 * events winning, a contradicting event kept, flagged and skipped, and the
 * flows writing the state without ops, so two desktops never make a field
 * conflict of it. */

#define FIELD(state, f) ((state)->values[XASO_DOCUMENT_FOLD_##f])
#define KNOWN(state, f) (((state)->known & (1u << XASO_DOCUMENT_FOLD_##f)) != 0)

/* "kind" items, each with its hlc (10, 20, 30…) and id; "kind>user" sends
 * it to a user; "kind:{json}" gives its data. */
typedef struct
{
  XasoDocumentFoldEvent events[16];
  char                 *strings[64];
  guint                 n;
  guint                 n_strings;
} History;

static const char *
keep (History *h,
      char    *s)
{
  h->strings[h->n_strings++] = s;
  return s;
}

static void
history_add (History    *h,
             const char *item)
{
  XasoDocumentFoldEvent *e = &h->events[h->n];
  const char *data = strchr (item, ':');
  const char *to = strchr (item, '>');
  gsize kind_length = strcspn (item, ":>");

  e->hlc = 10 * (h->n + 1);
  e->id = keep (h, g_strdup_printf ("e%02u", h->n));
  e->kind = keep (h, g_strndup (item, kind_length));
  e->at = keep (h, g_strdup_printf ("2026-12-%02uT09:00:00+07:00", h->n + 1));
  e->to_user_id = to != NULL && (data == NULL || to < data) ? keep (h, g_strndup (to + 1, strcspn (to + 1, ":"))) : NULL;
  e->note = keep (h, g_strdup_printf ("note %u", h->n));
  e->data = data != NULL ? keep (h, g_strdup (data + 1)) : "{}";
  h->n++;
}

static void
history_init (History    *h,
              const char *first,
              ...)
{
  va_list args;

  memset (h, 0, sizeof *h);
  va_start (args, first);
  for (const char *item = first; item != NULL; item = va_arg (args, const char *))
    history_add (h, item);
  va_end (args);
}

static void
history_clear (History *h)
{
  for (guint i = 0; i < h->n_strings; i++)
    g_free (h->strings[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (History, history_clear)

static void
fold (XasoDocumentState *state,
      History           *h)
{
  xaso_document_fold_sort (h->events, h->n);
  xaso_document_fold (state, h->events, h->n);
}

static void
test_incoming_flow (void)
{
  g_auto(History) h;
  g_auto(XasoDocumentState) state = { 0 };

  history_init (&h, "received:{\"deadline\":null}", "registered", "viewed", "presented>u-chutich",
                "directed>u-tuphap:{\"deadline\":\"2026-12-20\",\"lead_unit\":\"Tư pháp\",\"co_handlers\":\"vanhoa\"}",
                "passed_on>u-vanhoa:{\"deadline\":\"2026-12-18\"}", "progress", "replied", NULL);
  fold (&state, &h);
  g_assert_cmpstr (FIELD (&state, STATUS), ==, XASO_DOCUMENT_DONE);
  g_assert_cmpstr (FIELD (&state, LEAD_USER_ID), ==, "u-vanhoa");
  g_assert_cmpstr (FIELD (&state, DEADLINE), ==, "2026-12-18");
  g_assert_cmpstr (FIELD (&state, LEAD_UNIT), ==, "Tư pháp");
  g_assert_cmpstr (FIELD (&state, CO_HANDLERS), ==, "vanhoa");
  g_assert_cmpstr (FIELD (&state, DIRECTIVE), ==, "note 4");
  g_assert_cmpstr (FIELD (&state, TRANSFERRED_DATE), ==, "2026-12-05");
  /* The reply's note is the last word on its progress. */
  g_assert_cmpstr (FIELD (&state, PROGRESS), ==, "note 7");
  g_assert_false (state.needs_review);
  g_assert_cmpuint (state.refused->len, ==, 0);
  /* Nothing spoke for the dates of an outgoing document. */
  g_assert_false (KNOWN (&state, SIGNED_DATE));
  g_assert_false (KNOWN (&state, SEALED_DATE));
}

static void
test_outgoing_flow (void)
{
  g_auto(History) h;
  g_auto(XasoDocumentState) state = { 0 };

  history_init (&h, "drafted", "submitted_review", "submitted_signing", "signed", "numbered", "issued", "sealed",
                "revoked", NULL);
  fold (&state, &h);
  g_assert_cmpstr (FIELD (&state, STATUS), ==, XASO_DOCUMENT_REVOKED);
  g_assert_cmpstr (FIELD (&state, SIGNED_DATE), ==, "2026-12-04");
  g_assert_cmpstr (FIELD (&state, SEALED_DATE), ==, "2026-12-07");
  g_assert_false (state.needs_review);
  g_assert_false (KNOWN (&state, LEAD_USER_ID));
}

/* Every order of arrival folds to the same state: the fold sorts by the
 * events' own clock, then by id when two clocks are equal. */
static void
test_order_of_arrival (void)
{
  g_auto(History) h;
  g_auto(XasoDocumentState) expected = { 0 };
  GRand *rand = g_rand_new_with_seed (11);

  history_init (&h, "received", "registered", "directed>u-a:{\"deadline\":\"2026-12-20\"}",
                "directed>u-b:{\"deadline\":\"2026-12-22\"}", "progress", "done", "directed>u-c", "progress", NULL);
  /* Two desktops stamped the same clock: the id decides. */
  h.events[3].hlc = h.events[2].hlc;
  fold (&expected, &h);
  for (guint round = 0; round < 200; round++)
    {
      g_auto(XasoDocumentState) state = { 0 };

      for (guint i = h.n - 1; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1);
          XasoDocumentFoldEvent t = h.events[i];

          h.events[i] = h.events[j];
          h.events[j] = t;
        }
      fold (&state, &h);
      g_assert_cmpuint (state.known, ==, expected.known);
      for (guint f = 0; f < XASO_DOCUMENT_FOLD_N_FIELDS; f++)
        g_assert_cmpstr (state.values[f], ==, expected.values[f]);
      g_assert_cmpuint (state.refused->len, ==, expected.refused->len);
      for (guint k = 0; k < state.refused->len; k++)
        g_assert_cmpuint (g_array_index (state.refused, guint, k), ==, g_array_index (expected.refused, guint, k));
    }
  g_rand_free (rand);
  /* u-a's directive (id e02) before u-b's (e03) at the same clock; u-c's
   * came after "done", and the progress after it. */
  g_assert_cmpstr (FIELD (&expected, STATUS), ==, XASO_DOCUMENT_DONE);
  g_assert_cmpstr (FIELD (&expected, LEAD_USER_ID), ==, "u-b");
  g_assert_cmpstr (FIELD (&expected, DEADLINE), ==, "2026-12-22");
  g_assert_true (expected.needs_review);
  g_assert_cmpuint (expected.refused->len, ==, 2);
  g_assert_cmpuint (g_array_index (expected.refused, guint, 0), ==, 6);
  g_assert_cmpuint (g_array_index (expected.refused, guint, 1), ==, 7);
}

/* Two leaders directed the same document offline: both allowed, the later
 * replaces the earlier, no review needed. */
static void
test_later_directive_wins (void)
{
  g_auto(History) h;
  g_auto(XasoDocumentState) state = { 0 };

  history_init (&h, "received", "registered",
                "directed>u-a:{\"deadline\":\"2026-12-20\",\"lead_unit\":\"Tư pháp\",\"co_handlers\":\"x\"}",
                "directed>u-b:{\"deadline\":null,\"lead_unit\":null,\"co_handlers\":null}", NULL);
  fold (&state, &h);
  g_assert_cmpstr (FIELD (&state, STATUS), ==, XASO_DOCUMENT_DIRECTED);
  g_assert_cmpstr (FIELD (&state, LEAD_USER_ID), ==, "u-b");
  /* The second directive gave no deadline: it has none any more. */
  g_assert_true (KNOWN (&state, DEADLINE));
  g_assert_null (FIELD (&state, DEADLINE));
  g_assert_null (FIELD (&state, LEAD_UNIT));
  g_assert_false (state.needs_review);
}

/* One official finished the document while a leader, offline, directed it
 * to someone else: the directive came after "done", where it is not
 * allowed. It stays in the history, flagged, and changes nothing. */
static void
test_contradiction_flagged (void)
{
  g_auto(History) h;
  g_auto(XasoDocumentState) state = { 0 };

  history_init (&h, "received", "registered", "directed>u-a:{\"deadline\":\"2026-12-20\"}", "done",
                "directed>u-b:{\"deadline\":\"2026-12-30\"}", "presented", "progress", NULL);
  fold (&state, &h);
  g_assert_cmpstr (FIELD (&state, STATUS), ==, XASO_DOCUMENT_DONE);
  g_assert_cmpstr (FIELD (&state, LEAD_USER_ID), ==, "u-a");
  g_assert_cmpstr (FIELD (&state, DEADLINE), ==, "2026-12-20");
  g_assert_cmpstr (FIELD (&state, PROGRESS), ==, "note 3");
  g_assert_true (state.needs_review);
  g_assert_cmpuint (state.refused->len, ==, 3);
  g_assert_cmpuint (g_array_index (state.refused, guint, 0), ==, 4);
  g_assert_cmpuint (g_array_index (state.refused, guint, 1), ==, 5);
  g_assert_cmpuint (g_array_index (state.refused, guint, 2), ==, 6);

  /* Outgoing: sent back for review after it was signed; sealed twice. */
  xaso_document_state_clear (&state);
  history_clear (&h);
  history_init (&h, "drafted", "signed", "submitted_review", "numbered", "issued", "sealed", "sealed", NULL);
  fold (&state, &h);
  g_assert_cmpstr (FIELD (&state, STATUS), ==, XASO_DOCUMENT_ISSUED);
  g_assert_cmpstr (FIELD (&state, SEALED_DATE), ==, "2026-12-06");
  g_assert_cmpuint (state.refused->len, ==, 2);
  g_assert_cmpuint (g_array_index (state.refused, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (state.refused, guint, 1), ==, 6);
}

/* An event written before events carried these values (a directive with
 * no data) leaves them as the row holds them; no event at all leaves the
 * status. */
static void
test_unknown_fields (void)
{
  g_auto(History) h;
  g_auto(XasoDocumentState) state = { 0 };

  history_init (&h, "received", "registered", "directed>u-a", NULL);
  fold (&state, &h);
  g_assert_cmpstr (FIELD (&state, LEAD_USER_ID), ==, "u-a");
  g_assert_false (KNOWN (&state, DEADLINE));
  g_assert_false (KNOWN (&state, LEAD_UNIT));
  g_assert_false (KNOWN (&state, CO_HANDLERS));
  xaso_document_fold (&state, NULL, 0);
  g_assert_cmpuint (state.known, ==, 0);
  g_assert_true (xaso_document_transition_allowed ("viewed", XASO_DOCUMENT_DONE));
  g_assert_false (xaso_document_transition_allowed ("directed", XASO_DOCUMENT_DONE));
  g_assert_true (xaso_document_transition_allowed ("registered", NULL));
}

/* ---- With a database: the flows and the refold ---- */

typedef struct
{
  char         *path;
  XasoDatabase *db;
  XasoUser     *clerk;
  XasoUser     *leader;
  XasoUser     *deputy;
  XasoUser     *officer;
  XasoUser     *colleague;
} Office;

static void
office_set_up (Office        *o,
               gconstpointer  data)
{
  o->path = xaso_test_temp_path ("document-fold.db");
  o->db = xaso_test_open_commune (o->path);
  o->clerk = xaso_test_add_user (o->db, "vanthu", "Lê Thị Thư", "van_thu", NULL);
  o->leader = xaso_test_add_user (o->db, "chutich", "Nguyễn Văn Chủ", "lanh_dao", NULL);
  o->deputy = xaso_test_add_user (o->db, "phochutich", "Trần Văn Phó", "lanh_dao", NULL);
  o->officer = xaso_test_add_user (o->db, "tuphap", "Phạm Thị Pháp", "chuyen_vien", NULL);
  o->colleague = xaso_test_add_user (o->db, "vanhoa", "Đỗ Văn Hóa", "chuyen_vien", NULL);
}

static void
office_tear_down (Office        *o,
                  gconstpointer  data)
{
  g_clear_object (&o->clerk);
  g_clear_object (&o->leader);
  g_clear_object (&o->deputy);
  g_clear_object (&o->officer);
  g_clear_object (&o->colleague);
  g_clear_object (&o->db);
  g_free (o->path);
}

static char *
register_one (Office     *o,
              const char *notation)
{
  g_autoptr(XasoDocument) doc = xaso_document_new ("incoming");
  g_autoptr(XasoDocument) saved = NULL;
  g_autoptr(GError) error = NULL;

  xaso_document_set (doc, XASO_DOCUMENT_ISSUER, "Sở Nội vụ tỉnh Bắc Ninh");
  xaso_document_set (doc, XASO_DOCUMENT_NOTATION, notation);
  xaso_document_set (doc, XASO_DOCUMENT_ISSUED_DATE, "2026-12-01");
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "V/v báo cáo cải cách hành chính");
  saved = xaso_document_register_incoming (o->db, o->clerk, doc, NULL, FALSE, &error);
  g_assert_no_error (error);
  return g_strdup (xaso_record_get_id (XASO_RECORD (saved)));
}

static char *
field (Office     *o,
       const char *id,
       const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM document WHERE id = '%s'", column, id);

  return xaso_test_string (o->db, sql);
}

/* The flow's steps move the document with events only: the one op of the
 * document is its insert, and no op carries a field the fold owns. */
static void
test_flows_write_no_state_ops (Office        *o,
                               gconstpointer  data)
{
  g_autofree char *id = register_one (o, "15/CV-SNV");
  XasoDirective directive = { o->officer, "Tư pháp", "vanhoa", "2026-12-20", 0, "Đề nghị xử lý" };
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL, *lead = NULL, *deadline = NULL, *progress = NULL, *unit = NULL;

  g_assert_true (xaso_document_present (o->db, o->clerk, id, o->leader, NULL, &error));
  g_assert_true (xaso_document_direct (o->db, o->leader, id, &directive, &error));
  g_assert_true (xaso_document_pass_on (o->db, o->officer, id, o->colleague, "2026-12-18", NULL, &error));
  g_assert_true (xaso_document_note_progress (o->db, o->colleague, id, "Đang tổng hợp", &error));
  g_assert_no_error (error);
  status = field (o, id, "status");
  lead = field (o, id, "lead_user_id");
  deadline = field (o, id, "deadline");
  progress = field (o, id, "progress");
  unit = field (o, id, "lead_unit");
  g_assert_cmpstr (status, ==, XASO_DOCUMENT_IN_PROGRESS);
  g_assert_cmpstr (lead, ==, "u-vanhoa");
  g_assert_cmpstr (deadline, ==, "2026-12-18");
  g_assert_cmpstr (progress, ==, "Đang tổng hợp");
  g_assert_cmpstr (unit, ==, "Tư pháp");
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM outbox WHERE table_name = 'document'"), ==, 1);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM outbox WHERE table_name = 'document' "
                                           "AND kind <> 'insert'"), ==, 0);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM outbox WHERE table_name = 'document_event'"),
                   ==, 6);
  /* A deadline that is no date is refused, and nothing is written. */
  g_assert_false (xaso_document_pass_on (o->db, o->colleague, id, o->officer, "20/12/2026", NULL, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document_event WHERE kind = 'passed_on'"), ==, 1);
  /* The rows hold their fold: a refold of every document changes none. */
  g_assert_cmpint (xaso_document_refold_all (o->db, NULL), ==, 0);
}

static void
add_event (Office     *o,
           const char *document_id,
           const char *id,
           gint64      hlc,
           const char *kind,
           const char *to,
           const char *data)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO document_event (id, commune_code, document_id, kind, at, hlc, actor_user_id, to_user_id, data) "
    "VALUES ('%s', '12345', '%s', '%s', '2026-12-03T10:00:00+07:00', %" G_GINT64_FORMAT ", 'u-chutich', %s%s%s, '%s')",
    id, document_id, kind, hlc, to ? "'" : "", to ? to : "NULL", to ? "'" : "", data);
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_database_exec (o->db, sql, &error));
}

/* The documents of the leader's "needs review" queue, as ids. */
static GPtrArray *
review_queue (Office *o)
{
  g_autoptr(XasoDocumentFilter) filter = xaso_queue_filter (XASO_QUEUE_REVIEW, "incoming", o->leader);
  g_autoptr(GError) error = NULL;
  GPtrArray *docs = xaso_document_search (o->db, filter, 0, &error);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < docs->len; i++)
    g_ptr_array_add (ids, g_strdup (xaso_record_get_id (g_ptr_array_index (docs, i))));
  g_ptr_array_unref (docs);
  return ids;
}

/* Events another desktop made arrive (as a pull writes them, without
 * ops): the refold puts them in their place among this desktop's, flags
 * the one that contradicts, and the history shows it. */
static void
test_refold_merges_two_desktops (Office        *o,
                                 gconstpointer  data)
{
  g_autofree char *id = register_one (o, "15/CV-SNV");
  g_autofree char *other = register_one (o, "16/CV-SNV");
  XasoDirective directive = { o->officer, NULL, NULL, "2026-12-20", 0, "Xử lý" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) review = NULL;
  g_autofree char *status = NULL, *lead = NULL, *deadline = NULL;
  gint64 hlc;
  guint flagged = 0, waiting = 0, waiting_before = 0;

  g_assert_true (xaso_document_direct (o->db, o->leader, id, &directive, &error));
  g_assert_true (xaso_document_finish (o->db, o->officer, id, NULL, "Đã báo cáo", &error));
  g_assert_no_error (error);
  review = review_queue (o);
  g_assert_cmpuint (review->len, ==, 0);
  g_clear_pointer (&review, g_ptr_array_unref);
  g_assert_true (xaso_queue_count_waiting (o->db, "incoming", o->leader, &waiting_before, &error));
  hlc = xaso_test_count (o->db, "SELECT max(hlc) FROM document_event");
  /* The deputy, offline, had directed it to the colleague before the
   * officer finished it, and presented nothing; then, later, directed it
   * again, which comes after "done". */
  add_event (o, id, "ffff-1", hlc - 1, "directed", "u-vanhoa", "{\"deadline\":\"2026-12-25\"}");
  add_event (o, id, "ffff-2", hlc + 5, "directed", "u-vanhoa", "{\"deadline\":\"2026-12-28\"}");
  g_assert_true (xaso_document_refold (o->db, id, &error));
  g_assert_no_error (error);
  status = field (o, id, "status");
  lead = field (o, id, "lead_user_id");
  deadline = field (o, id, "deadline");
  /* The earlier directive of the deputy came between the leader's and the
   * finish: the colleague led it, by the deadline it gave, when it was
   * finished. The later one is not applied. */
  g_assert_cmpstr (status, ==, XASO_DOCUMENT_DONE);
  g_assert_cmpstr (lead, ==, "u-vanhoa");
  g_assert_cmpstr (deadline, ==, "2026-12-25");
  events = xaso_document_event_list (o->db, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      XasoDocumentEvent *e = g_ptr_array_index (events, i);

      if (e->not_applied)
        {
          flagged++;
          g_assert_cmpuint (i, ==, events->len - 1);
          g_assert_cmpstr (e->kind, ==, "directed");
        }
    }
  g_assert_cmpuint (flagged, ==, 1);
  /* Written without ops: the refold is no one's edit to push. */
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM outbox WHERE table_name = 'document' "
                                           "AND kind <> 'insert'"), ==, 0);
  /* The leader finds it in "needs review", alone, and counted among what
   * waits for them; the queue is this desktop's finding, not an op. */
  review = review_queue (o);
  g_assert_cmpuint (review->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (review, 0), ==, id);
  g_clear_pointer (&review, g_ptr_array_unref);
  g_assert_true (xaso_queue_count_waiting (o->db, "incoming", o->leader, &waiting, &error));
  g_assert_cmpuint (waiting, ==, waiting_before + 1);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM outbox WHERE table_name = 'document_review'"),
                   ==, 0);
  /* Folded again, whether as one or with every document, it stays there,
   * and the other document stays out. */
  g_assert_true (xaso_document_refold (o->db, id, &error));
  g_assert_cmpint (xaso_document_refold_all (o->db, &error), ==, 0);
  g_assert_no_error (error);
  review = review_queue (o);
  g_assert_cmpuint (review->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (review, 0), ==, id);
  g_assert_cmpstr (g_ptr_array_index (review, 0), !=, other);
  g_clear_pointer (&review, g_ptr_array_unref);
  /* A history without the contradiction (here, the event taken out by
   * hand) takes the document out of the queue at its next fold. */
  g_assert_true (xaso_database_exec (o->db, "DELETE FROM document_event WHERE id = 'ffff-2'", &error));
  g_assert_true (xaso_document_refold (o->db, id, &error));
  g_assert_no_error (error);
  review = review_queue (o);
  g_assert_cmpuint (review->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/fold/incoming-flow", test_incoming_flow);
  g_test_add_func ("/document/fold/outgoing-flow", test_outgoing_flow);
  g_test_add_func ("/document/fold/same-state-in-any-order-of-arrival", test_order_of_arrival);
  g_test_add_func ("/document/fold/later-directive-wins", test_later_directive_wins);
  g_test_add_func ("/document/fold/contradicting-event-flagged-and-skipped", test_contradiction_flagged);
  g_test_add_func ("/document/fold/older-events-leave-the-row", test_unknown_fields);
  g_test_add ("/document/refold/flows-write-no-state-ops", Office, NULL, office_set_up,
              test_flows_write_no_state_ops, office_tear_down);
  g_test_add ("/document/refold/merges-two-desktops", Office, NULL, office_set_up,
              test_refold_merges_two_desktops, office_tear_down);
  return g_test_run ();
}
