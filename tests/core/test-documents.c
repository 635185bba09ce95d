/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xaso-attachment.h"
#include "xaso-calendar.h"
#include "xaso-document-actions.h"
#include "xaso-document-event.h"
#include "xaso-document-flow.h"
#include "xaso-document-queue.h"
#include "xaso-document-search.h"
#include "xaso-notation.h"
#include "xaso-register.h"
#include "xaso-test-util.h"

/* Official documents (issue 8, §2–3): the rules of Decree 30 as core
 * enforces them. */

typedef struct
{
  char         *path;
  XasoDatabase *db;
  XasoUser     *clerk;      /* văn thư */
  XasoUser     *leader;     /* lãnh đạo */
  XasoUser     *deputy;     /* lãnh đạo */
  XasoUser     *officer;    /* chuyên viên */
  XasoUser     *colleague;  /* chuyên viên */
  XasoUser     *reception;  /* tiếp nhận */
} Office;

/* Accounts are written directly: a password would cost a PBKDF2 each. */
static void
office_set_up (Office        *o,
               gconstpointer  data)
{
  o->path = xaso_test_temp_path ("documents.db");
  o->db = xaso_test_open_commune (o->path);
  o->clerk = xaso_test_add_user (o->db, "vanthu", "Lê Thị Thư", "van_thu", NULL);
  o->leader = xaso_test_add_user (o->db, "chutich", "Nguyễn Văn Chủ", "lanh_dao", NULL);
  o->deputy = xaso_test_add_user (o->db, "phochutich", "Trần Văn Phó", "lanh_dao", NULL);
  o->officer = xaso_test_add_user (o->db, "tuphap", "Phạm Thị Pháp", "chuyen_vien", NULL);
  o->colleague = xaso_test_add_user (o->db, "vanhoa", "Đỗ Văn Hóa", "chuyen_vien", NULL);
  o->reception = xaso_test_add_user (o->db, "motcua", "Hồ Thị Cửa", "tiep_nhan", NULL);
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
  g_clear_object (&o->reception);
  g_clear_object (&o->db);
  g_free (o->path);
}

static XasoDocument *
incoming (const char *notation,
          const char *received)
{
  XasoDocument *doc = xaso_document_new ("incoming");

  xaso_document_set (doc, XASO_DOCUMENT_ISSUER, "Sở Nội vụ tỉnh Bắc Ninh");
  xaso_document_set (doc, XASO_DOCUMENT_NOTATION, notation);
  xaso_document_set (doc, XASO_DOCUMENT_ISSUED_DATE, "2026-03-02");
  xaso_document_set (doc, XASO_DOCUMENT_RECEIVED_DATE, received);
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "V/v báo cáo công tác cải cách hành chính quý I");
  return doc;
}

static XasoDocument *
register_one (Office     *o,
              const char *notation,
              const char *received)
{
  g_autoptr(XasoDocument) doc = incoming (notation, received);
  g_autoptr(GError) error = NULL;
  XasoDocument *saved = xaso_document_register_incoming (o->db, o->clerk, doc, NULL, FALSE, &error);

  g_assert_no_error (error);
  return saved;
}

static int
number_of (XasoDocument *doc)
{
  return atoi (xaso_document_get (doc, XASO_DOCUMENT_NUMBER));
}

static void
test_notation (void)
{
  g_auto(XasoNotation) n = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const char * const bad[] = { "", "QĐ-UBND", "15QĐ-UBND", "15/QĐ", "0/QĐ-UBND", "15/-UBND", "15/20/QĐ-X" };

  g_assert_true (xaso_notation_parse (" 15/QĐ-UBND ", &n, &error));
  g_assert_cmpuint (n.number, ==, 15);
  g_assert_cmpstr (n.type_abbr, ==, "QĐ");
  g_assert_cmpstr (n.issuer_abbr, ==, "UBND");
  g_assert_null (n.unit_abbr);
  xaso_notation_clear (&n);

  /* As typed, in lower case: the type is Decree 30's spelling. */
  g_assert_true (xaso_notation_parse ("7/qđ-ubnd", &n, &error));
  g_assert_cmpstr (n.type_abbr, ==, "QĐ");
  text = xaso_notation_format (&n);
  g_assert_cmpstr (text, ==, "07/QĐ-ubnd");
  g_clear_pointer (&text, g_free);
  xaso_notation_clear (&n);

  /* Công văn: issuer, then the drafting unit. */
  g_assert_true (xaso_notation_parse ("12/UBND-VP", &n, &error));
  g_assert_null (n.type_abbr);
  g_assert_cmpstr (n.issuer_abbr, ==, "UBND");
  g_assert_cmpstr (n.unit_abbr, ==, "VP");
  xaso_notation_clear (&n);

  /* Legal normative documents carry the year. */
  g_assert_true (xaso_notation_parse ("03/2026/NQ-HĐND", &n, &error));
  g_assert_cmpuint (n.number, ==, 3);
  g_assert_cmpint (n.year, ==, 2026);
  g_assert_cmpstr (n.type_abbr, ==, "NQ");
  g_assert_cmpstr (n.issuer_abbr, ==, "HĐND");
  text = xaso_notation_format (&n);
  g_assert_cmpstr (text, ==, "03/2026/NQ-HĐND");
  xaso_notation_clear (&n);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (xaso_notation_parse (bad[i], &n, &error));
      g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID);
      g_test_message ("%s → %s", bad[i], error->message);
      g_clear_error (&error);
    }
}

/* Số đến: consecutive from 1 in each year's register; the type is read
 * from the notation. */
static void
test_incoming_numbers (Office        *o,
                       gconstpointer  data)
{
  g_autoptr(XasoDocument) a = register_one (o, "15/QĐ-SNV", "2026-03-02");
  g_autoptr(XasoDocument) b = register_one (o, "16/QĐ-SNV", "2026-03-02");
  g_autoptr(XasoDocument) c = register_one (o, "120/SNV-VP", "2026-12-31");
  g_autoptr(XasoDocument) next_year = register_one (o, "01/TB-SNV", "2027-01-04");
  g_autoptr(XasoDocument) again = register_one (o, "02/TB-SNV", "2027-01-05");

  g_assert_cmpint (number_of (a), ==, 1);
  g_assert_cmpint (number_of (b), ==, 2);
  g_assert_cmpint (number_of (c), ==, 3);
  g_assert_cmpint (number_of (next_year), ==, 1);
  g_assert_cmpint (number_of (again), ==, 2);
  g_assert_cmpstr (xaso_document_get (a, XASO_DOCUMENT_TYPE_CODE), ==, "QĐ");
  g_assert_null (xaso_document_get (c, XASO_DOCUMENT_TYPE_CODE));
  g_assert_cmpstr (xaso_document_get (a, XASO_DOCUMENT_STATUS), ==, XASO_DOCUMENT_REGISTERED);
  g_assert_cmpstr (xaso_document_get (a, XASO_DOCUMENT_REGISTER_ID), !=,
                   xaso_document_get (next_year, XASO_DOCUMENT_REGISTER_ID));
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM register WHERE kind = 'incoming'"), ==, 2);
  /* Every write went out as an op in the clerk's name. */
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM outbox WHERE table_name = 'document' "
                                           "AND actor = 'vanthu'"), ==, 5);
}

/* A number is used only if its save commits: a rolled-back save and a
 * process killed in the middle of one leave no gap and no reuse. */
static void
test_numbers_survive_failures (Office        *o,
                               gconstpointer  data)
{
  g_autoptr(XasoDocument) first = register_one (o, "1/QĐ-SNV", "2026-05-04");
  g_autoptr(XasoDocument) lost = NULL, after = NULL, last = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDocument) doc = incoming ("2/QĐ-SNV", "2026-05-04");
  int status = 0;
  pid_t child;

  g_assert_true (xaso_database_begin (o->db, &error));
  lost = xaso_document_register_incoming (o->db, o->clerk, doc, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (number_of (lost), ==, 2);
  xaso_database_rollback (o->db);

  child = fork ();
  if (child == 0)
    {
      g_autoptr(XasoDatabase) db = NULL;
      g_autoptr(XasoDocument) killed = NULL;

      g_random_set_seed ((guint32)getpid ());
      db = xaso_database_open (o->path, NULL);
      xaso_database_begin (db, NULL);
      killed = xaso_document_register_incoming (db, o->clerk, doc, NULL, FALSE, NULL);
      _exit (killed != NULL && number_of (killed) == 2 ? 9 : 1);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_cmpint (WEXITSTATUS (status), ==, 9);

  after = register_one (o, "3/QĐ-SNV", "2026-05-04");
  g_assert_cmpint (number_of (after), ==, 2);
  last = register_one (o, "4/QĐ-SNV", "2026-05-04");
  g_assert_cmpint (number_of (last), ==, 3);
}

/* Two programs registering at once (two desks, or the app and xasoctl)
 * get every number once, none skipped. */
static void
test_two_processes_allocate (Office        *o,
                             gconstpointer  data)
{
  const int per_child = 15;
  pid_t children[2];
  g_autoptr(GString) seen = g_string_new (NULL);

  for (int c = 0; c < 2; c++)
    {
      children[c] = fork ();
      if (children[c] == 0)
        {
          g_autoptr(XasoDatabase) db = NULL;
          int failures = 0;

          /* A forked child inherits the random state its ids are made of;
           * programs started apart seed it from the system. */
          g_random_set_seed ((guint32)getpid ());
          db = xaso_database_open (o->path, NULL);

          for (int i = 0; i < per_child; i++)
            {
              g_autofree char *notation = g_strdup_printf ("%d/TB-P%d", i + 1, c);
              g_autoptr(XasoDocument) doc = incoming (notation, "2026-06-01");
              g_autoptr(XasoDocument) saved = xaso_document_register_incoming (db, o->clerk, doc, NULL, FALSE, NULL);

              failures += saved == NULL;
            }
          _exit (failures);
        }
    }
  for (int c = 0; c < 2; c++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (children[c], &status, 0), ==, children[c]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(DISTINCT number) FROM document"), ==, 2 * per_child);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT min(number) FROM document"), ==, 1);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT max(number) FROM document"), ==, 2 * per_child);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT last_number FROM register"), ==, 2 * per_child);
}

static void
test_duplicate_warned (Office        *o,
                       gconstpointer  data)
{
  g_autoptr(XasoDocument) first = register_one (o, "15/QĐ-SNV", "2026-03-02");
  g_autoptr(XasoDocument) same = incoming ("15/QĐ-SNV", "2026-03-03");
  g_autoptr(XasoDocument) found = NULL, kept = NULL, refused = NULL;
  g_autoptr(GError) error = NULL;

  found = xaso_document_find_duplicate (o->db, same, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (xaso_record_get_id (XASO_RECORD (found)), ==, xaso_record_get_id (XASO_RECORD (first)));

  refused = xaso_document_register_incoming (o->db, o->clerk, same, NULL, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT last_number FROM register"), ==, 1);

  kept = xaso_document_register_incoming (o->db, o->clerk, same, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (number_of (kept), ==, 2);
}

/* A "mật" document: the stub only, in a register of its own. */
static void
test_confidential_stub (Office        *o,
                        gconstpointer  data)
{
  g_autoptr(XasoDocument) doc = incoming ("05/QĐ-CAT", "2026-04-01");
  g_autoptr(XasoDocument) saved = NULL, refused = NULL, open = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;

  xaso_document_set (doc, XASO_DOCUMENT_CONFIDENTIALITY, "secret");
  xaso_document_set (doc, XASO_DOCUMENT_RECIPIENTS, "Công an xã");
  xaso_document_set (doc, XASO_DOCUMENT_PAGE_COUNT, "12");
  refused = xaso_document_register_incoming (o->db, o->clerk, doc, o->path, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  saved = xaso_document_register_incoming (o->db, o->clerk, doc, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xaso_document_get (saved, XASO_DOCUMENT_SUBJECT), ==, "MẬT");
  g_assert_cmpstr (xaso_document_get (saved, XASO_DOCUMENT_NOTATION), ==, "05/QĐ-CAT");
  g_assert_cmpstr (xaso_document_get (saved, XASO_DOCUMENT_ISSUER), ==, "Sở Nội vụ tỉnh Bắc Ninh");
  g_assert_null (xaso_document_get (saved, XASO_DOCUMENT_RECIPIENTS));
  g_assert_null (xaso_document_get (saved, XASO_DOCUMENT_PAGE_COUNT));
  g_assert_cmpint (number_of (saved), ==, 1);
  kind = xaso_test_string (o->db, "SELECT r.kind FROM register r JOIN document d ON d.register_id = r.id");
  g_assert_cmpstr (kind, ==, "confidential_incoming");
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document WHERE subject LIKE '%cải cách%' "
                                           "OR subject_folded LIKE '%cai cach%'"), ==, 0);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM outbox WHERE fields LIKE '%cải cách%'"), ==, 0);

  /* The open series is separate. */
  open = register_one (o, "06/QĐ-CAT", "2026-04-01");
  g_assert_cmpint (number_of (open), ==, 1);
}

/* Takes the error's address: the call, an argument, runs first. */
static void
assert_refused (gboolean   ok,
                GError   **error)
{
  g_assert_false (ok);
  g_assert_error (*error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_test_message ("%s", (*error)->message);
  g_clear_error (error);
}

/* The GUI hides what a role may not do; core refuses it anyway. */
static void
test_rights_refused_in_core (Office        *o,
                             gconstpointer  data)
{
  g_autoptr(XasoDocument) doc = incoming ("15/QĐ-SNV", "2026-03-02");
  g_autoptr(XasoDocument) saved = NULL, nothing = NULL;
  XasoDirective d = { o->officer, NULL, NULL, "2026-03-20", 0, "Xử lý" };
  const char *id;
  g_autoptr(GError) error = NULL;

  nothing = xaso_document_register_incoming (o->db, o->officer, doc, NULL, FALSE, &error);
  assert_refused (nothing != NULL, &error);
  nothing = xaso_document_register_incoming (o->db, NULL, doc, NULL, FALSE, &error);
  assert_refused (nothing != NULL, &error);

  saved = register_one (o, "15/QĐ-SNV", "2026-03-02");
  id = xaso_record_get_id (XASO_RECORD (saved));
  assert_refused (xaso_document_present (o->db, o->reception, id, o->leader, NULL, &error), &error);
  g_assert_true (xaso_document_present (o->db, o->clerk, id, o->leader, NULL, NULL));
  /* A tiếp nhận or a chuyên viên cannot write a directive. */
  assert_refused (xaso_document_direct (o->db, o->reception, id, &d, &error), &error);
  assert_refused (xaso_document_direct (o->db, o->officer, id, &d, &error), &error);
  g_assert_true (xaso_document_direct (o->db, o->leader, id, &d, NULL));
  /* Only the lead handles it. */
  assert_refused (xaso_document_note_progress (o->db, o->colleague, id, "Đã xem", &error), &error);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document_event WHERE kind = 'progress'"), ==, 0);
}

static void
test_incoming_flow (Office        *o,
                    gconstpointer  data)
{
  g_autoptr(XasoDocument) saved = register_one (o, "15/QĐ-SNV", "2026-03-02");
  g_autoptr(XasoDocument) doc = NULL, reply = NULL, draft = xaso_document_new ("outgoing");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(XasoCalendar) calendar = xaso_calendar_new_default ();
  g_autoptr(GDateTime) now = xaso_now ();
  g_autoptr(GDateTime) due = xaso_calendar_add_working_days (calendar, now, 5, NULL, 0);
  g_autofree char *expected = g_date_time_format (due, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  XasoDirective d = { o->leader, "Văn phòng", "vanhoa", NULL, 5, "Giao Tư pháp chủ trì, Văn hóa phối hợp" };
  const char *id = xaso_record_get_id (XASO_RECORD (saved));
  static const char * const kinds[] = {
    "received", "registered", "presented", "directed", "passed_on", "progress", "progress", "replied",
  };

  g_assert_true (xaso_document_present (o->db, o->clerk, id, o->leader, "Kính trình", &error));
  g_assert_no_error (error);
  /* Presented once: a second time is not this step any more. */
  g_assert_false (xaso_document_present (o->db, o->clerk, id, o->leader, NULL, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  g_clear_error (&error);

  /* The leader leads it, then passes it on with a deadline within theirs. */
  g_assert_true (xaso_document_direct (o->db, o->leader, id, &d, &error));
  doc = xaso_document_load (o->db, id, NULL);
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_DEADLINE), ==, expected);
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_STATUS), ==, XASO_DOCUMENT_DIRECTED);
  g_assert_false (xaso_document_pass_on (o->db, o->leader, id, o->officer, "2099-01-01", NULL, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xaso_document_pass_on (o->db, o->leader, id, o->officer, NULL, "Đ/c Pháp làm", &error));
  g_assert_no_error (error);

  g_assert_true (xaso_document_note_progress (o->db, o->officer, id, "Đang tổng hợp số liệu", &error));
  g_assert_true (xaso_document_note_progress (o->db, o->colleague, id, "Đã gửi số liệu", &error));
  g_assert_no_error (error);
  g_assert_false (xaso_document_finish (o->db, o->officer, id, NULL, "", &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  xaso_document_set (draft, XASO_DOCUMENT_TYPE_CODE, "BC");
  xaso_document_set (draft, XASO_DOCUMENT_SUBJECT, "Kết quả cải cách hành chính quý I");
  xaso_document_set (draft, XASO_DOCUMENT_SIGNER, "chutich");
  reply = xaso_document_save_draft (o->db, o->officer, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xaso_document_finish (o->db, o->officer, id, xaso_record_get_id (XASO_RECORD (reply)), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&reply);
  reply = xaso_document_load (o->db, xaso_record_get_id (XASO_RECORD (draft)), NULL);
  g_clear_object (&doc);
  doc = xaso_document_load (o->db, id, NULL);
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_STATUS), ==, XASO_DOCUMENT_DONE);

  events = xaso_document_event_list (o->db, id, &error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpstr (((XasoDocumentEvent *)g_ptr_array_index (events, i))->kind, ==, kinds[i]);
  g_assert_cmpstr (((XasoDocumentEvent *)g_ptr_array_index (events, 2))->to_user, ==, "Nguyễn Văn Chủ");
  g_assert_cmpstr (((XasoDocumentEvent *)g_ptr_array_index (events, 3))->actor, ==, "Nguyễn Văn Chủ");
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document WHERE reply_to_id IS NOT NULL"), ==, 1);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *content)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return path;
}

static void
test_outgoing_flow (Office        *o,
                    gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (o->path);
  g_autofree char *draft_pdf = write_file (dir, "du-thao.pdf", "%PDF-1.7 bản dự thảo");
  g_autofree char *signed_pdf = write_file (dir, "da-ky.pdf", "%PDF-1.7 bản đã ký");
  g_autoptr(XasoDocument) doc = xaso_document_new ("outgoing");
  g_autoptr(XasoDocument) saved = NULL, issued = NULL, second = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  const char *id;

  xaso_document_set (doc, XASO_DOCUMENT_TYPE_CODE, "QĐ");
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "Về việc thành lập Tổ công tác chuyển đổi số");
  xaso_document_set (doc, XASO_DOCUMENT_SIGNER, "tuphap");
  g_assert_null (xaso_document_save_draft (o->db, o->officer, doc, draft_pdf, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  xaso_document_set (doc, XASO_DOCUMENT_SIGNER, "chutich");
  saved = xaso_document_save_draft (o->db, o->officer, doc, draft_pdf, &error);
  g_assert_no_error (error);
  id = xaso_record_get_id (XASO_RECORD (saved));
  g_assert_null (xaso_document_get (saved, XASO_DOCUMENT_NUMBER));

  /* Not signed yet: the văn thư cannot issue it. */
  g_assert_false (xaso_document_issue (o->db, o->clerk, id, "2026-03-10", FALSE, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (xaso_document_submit (o->db, o->officer, id, TRUE, &error));
  /* Only the signer named on it signs it. */
  assert_refused (xaso_document_record_signature (o->db, o->deputy, id, signed_pdf, &error), &error);
  assert_refused (xaso_document_record_signature (o->db, o->clerk, id, signed_pdf, &error), &error);
  g_assert_true (xaso_document_record_signature (o->db, o->leader, id, signed_pdf, &error));
  g_assert_no_error (error);
  file = xaso_document_get_file (o->db, saved);
  g_assert_true (g_str_has_suffix (file, "files/") || g_file_test (file, G_FILE_TEST_EXISTS));
  files = xaso_attachment_list (o->db, "document", id, &error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (((XasoAttachment *)g_ptr_array_index (files, 0))->file_name, ==, "da-ky.pdf");
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM attachment WHERE deleted = 1"), ==, 1);

  assert_refused (xaso_document_issue (o->db, o->officer, id, "2026-03-10", FALSE, &error), &error);
  g_assert_true (xaso_document_issue (o->db, o->clerk, id, "2026-03-10", FALSE, &error));
  g_assert_no_error (error);
  issued = xaso_document_load (o->db, id, NULL);
  g_assert_cmpstr (xaso_document_get (issued, XASO_DOCUMENT_NOTATION), ==, "01/QĐ-UBND");
  g_assert_cmpstr (xaso_document_get (issued, XASO_DOCUMENT_ISSUED_DATE), ==, "2026-03-10");
  g_assert_cmpstr (xaso_document_get (issued, XASO_DOCUMENT_STATUS), ==, XASO_DOCUMENT_ISSUED);
  g_assert_false (xaso_document_issue (o->db, o->clerk, id, NULL, FALSE, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  g_clear_error (&error);

  /* Revoking is an event with its reason, not an edit. */
  g_assert_false (xaso_document_revoke (o->db, o->clerk, id, "", &error));
  g_clear_error (&error);
  g_assert_true (xaso_document_revoke (o->db, o->clerk, id, "Sai thẩm quyền ban hành", &error));
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document_event WHERE kind = 'revoked' "
                                           "AND note = 'Sai thẩm quyền ban hành'"), ==, 1);
}

static const char *
issue_new (Office     *o,
           const char *type,
           gboolean    legal,
           const char *date,
           char      **notation)
{
  g_autoptr(XasoDocument) doc = xaso_document_new ("outgoing");
  g_autoptr(XasoDocument) saved = NULL, issued = NULL;
  g_autoptr(GError) error = NULL;
  static char id[64];

  xaso_document_set (doc, XASO_DOCUMENT_TYPE_CODE, type);
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "Văn bản thử");
  xaso_document_set (doc, XASO_DOCUMENT_SIGNER, "chutich");
  xaso_document_set (doc, XASO_DOCUMENT_LEAD_UNIT, "VP");
  saved = xaso_document_save_draft (o->db, o->officer, doc, NULL, &error);
  g_assert_no_error (error);
  g_strlcpy (id, xaso_record_get_id (XASO_RECORD (saved)), sizeof id);
  g_assert_true (xaso_document_submit (o->db, o->officer, id, TRUE, &error));
  g_assert_true (xaso_document_record_signature (o->db, o->leader, id, o->path, &error));
  g_assert_true (xaso_document_issue (o->db, o->clerk, id, date, legal, &error));
  g_assert_no_error (error);
  issued = xaso_document_load (o->db, id, NULL);
  *notation = g_strdup (xaso_document_get (issued, XASO_DOCUMENT_NOTATION));
  return id;
}

/* Each register has its own yearly series; numbers below 10 get a zero. */
/* The văn thư's organization signature, once issued: only a file that is
 * the signed one with more appended (an incremental signature) is taken,
 * once, by whoever holds the register. */
#define APPENDED "\n% chữ ký số của cơ quan\n"

static void
test_outgoing_seal (Office        *o,
                    gconstpointer  data)
{
  g_autofree char *notation = NULL, *signed_bytes = NULL, *sealed_bytes = NULL, *current = NULL;
  g_autofree char *dir = g_path_get_dirname (o->path);
  g_autofree char *other = write_file (dir, "khac.pdf", "%PDF-1.7 một tệp khác");
  g_autofree char *sealed = NULL;
  g_autoptr(XasoDocument) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = issue_new (o, "QĐ", FALSE, "2026-03-10", &notation);
  gsize length = 0, sealed_length = 0, current_length = 0;

  /* An incremental update: the signed bytes, then more (the file may hold NULs). */
  g_assert_true (g_file_get_contents (o->path, &signed_bytes, &length, NULL));
  sealed_length = length + strlen (APPENDED);
  sealed_bytes = g_malloc (sealed_length);
  memcpy (sealed_bytes, signed_bytes, length);
  memcpy (sealed_bytes + length, APPENDED, strlen (APPENDED));
  sealed = g_build_filename (dir, "da-dong-dau.pdf", NULL);
  g_assert_true (g_file_set_contents (sealed, sealed_bytes, sealed_length, NULL));
  before = xaso_document_load (o->db, id, NULL);
  g_assert_true (xaso_document_can (before, o->clerk, XASO_ACTION_SEAL));
  g_assert_false (xaso_document_can (before, o->officer, XASO_ACTION_SEAL));

  assert_refused (xaso_document_record_seal (o->db, o->officer, id, sealed, &error), &error);
  g_assert_false (xaso_document_record_seal (o->db, o->clerk, id, other, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_FILE);
  g_clear_error (&error);
  g_assert_true (xaso_document_record_seal (o->db, o->clerk, id, sealed, &error));
  g_assert_no_error (error);

  after = xaso_document_load (o->db, id, NULL);
  g_assert_true (xaso_document_is_sealed (after));
  g_assert_false (xaso_document_can (after, o->clerk, XASO_ACTION_SEAL));
  current = xaso_document_get_file (o->db, after);
  g_clear_pointer (&signed_bytes, g_free);
  g_assert_true (g_file_get_contents (current, &signed_bytes, &current_length, NULL));
  g_assert_cmpmem (signed_bytes, current_length, sealed_bytes, sealed_length);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document_event WHERE kind = 'sealed'"), ==, 1);
  g_assert_false (xaso_document_record_seal (o->db, o->clerk, id, sealed, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
}

static void
test_outgoing_series (Office        *o,
                      gconstpointer  data)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  issue_new (o, "QĐ", FALSE, "2026-02-02", &a);
  issue_new (o, NULL, FALSE, "2026-02-03", &b);
  issue_new (o, "NQ", TRUE, "2026-02-03", &c);
  issue_new (o, "TB", FALSE, "2026-12-31", &d);
  issue_new (o, "TB", FALSE, "2027-01-04", &e);
  g_assert_cmpstr (a, ==, "01/QĐ-UBND");
  g_assert_cmpstr (b, ==, "02/UBND-VP");
  g_assert_cmpstr (c, ==, "01/2026/NQ-UBND");
  g_assert_cmpstr (d, ==, "03/TB-UBND");
  g_assert_cmpstr (e, ==, "01/TB-UBND");
}

/* Only the desktop holding a register's lease numbers in it. */
static void
test_lease_refused (Office        *o,
                    gconstpointer  data)
{
  g_autoptr(XasoDocument) first = register_one (o, "1/QĐ-SNV", "2026-05-04");
  g_autoptr(XasoDocument) doc = incoming ("2/QĐ-SNV", "2026-05-04");
  g_autoptr(XasoDocument) refused = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_register_holds_lease (o->db, xaso_document_get (first, XASO_DOCUMENT_REGISTER_ID)));
  g_assert_true (xaso_database_exec (o->db, "UPDATE register SET lease_device_id = 'another-desktop'", NULL));
  refused = xaso_document_register_incoming (o->db, o->clerk, doc, NULL, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_NO_LEASE);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document"), ==, 1);
}

/* Two desktops of one commune opening the same year's register apart
 * (offline, a new year's first document) make the same row, so neither
 * refuses the other's on pull; another year, kind or commune is another. */
static void
test_register_same_everywhere (Office        *o,
                               gconstpointer  data)
{
  g_autofree char *path = xaso_test_temp_path ("other-desktop.db");
  g_autoptr(XasoDatabase) other = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *here = xaso_register_open (o->db, XASO_REGISTER_INCOMING, 2027, "test", &error);
  g_autofree char *there = xaso_register_open (other, XASO_REGISTER_INCOMING, 2027, "test", &error);
  g_autofree char *next_year = xaso_register_open (o->db, XASO_REGISTER_INCOMING, 2028, "test", &error);
  g_autofree char *outgoing = xaso_register_open (o->db, XASO_REGISTER_OUTGOING, 2027, "test", &error);

  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (here));
  g_assert_cmpstr (here, ==, there);
  g_assert_cmpstr (here, !=, next_year);
  g_assert_cmpstr (here, !=, outgoing);
  g_assert_cmpstr (xaso_database_get_commune_code (o->db), ==, xaso_database_get_commune_code (other));
}

static guint
count_matches (XasoDatabase       *db,
               XasoDocumentFilter *f)
{
  g_autoptr(GArray) rowids = xaso_document_search_rowids (db, f, 0, NULL, NULL);

  g_assert_nonnull (rowids);
  return rowids->len;
}

static void
test_search_and_queues (Office        *o,
                        gconstpointer  data)
{
  g_autoptr(XasoDocument) a = register_one (o, "15/QĐ-SNV", "2026-03-02");
  g_autoptr(XasoDocument) b = register_one (o, "120/UBND-VP", "2026-03-03");
  g_autoptr(XasoDocumentFilter) f = xaso_document_filter_new ();
  XasoDirective d = { o->officer, NULL, NULL, "2026-03-10", 0, NULL };
  const char *id = xaso_record_get_id (XASO_RECORD (a));
  guint waiting = 0;

  f->text = g_strdup ("qd");
  g_assert_cmpuint (count_matches (o->db, f), ==, 1);
  g_free (f->text);
  f->text = g_strdup ("cai cach hanh");
  g_assert_cmpuint (count_matches (o->db, f), ==, 2);
  g_free (f->text);
  f->text = g_strdup ("SNV");
  g_assert_cmpuint (count_matches (o->db, f), ==, 1);
  g_clear_pointer (&f->text, g_free);

  g_assert_true (xaso_document_present (o->db, o->clerk, id, o->leader, NULL, NULL));
  g_assert_true (xaso_document_direct (o->db, o->leader, id, &d, NULL));
  f->today = g_strdup ("2026-03-11");
  f->due = XASO_DOCUMENT_DUE_OVERDUE;
  g_assert_cmpuint (count_matches (o->db, f), ==, 1);
  g_free (f->today);
  f->today = g_strdup ("2026-03-09");
  g_assert_cmpuint (count_matches (o->db, f), ==, 0);
  f->due = XASO_DOCUMENT_DUE_SOON;
  f->due_soon_until = g_strdup ("2026-03-11");
  g_assert_cmpuint (count_matches (o->db, f), ==, 1);
  f->due = XASO_DOCUMENT_DUE_ANY;
  f->lead_user_id = g_strdup (xaso_record_get_id (XASO_RECORD (o->officer)));
  g_assert_cmpuint (count_matches (o->db, f), ==, 1);
  g_clear_pointer (&f->lead_user_id, g_free);
  f->status = g_strdup ("registered,presented");
  g_assert_cmpuint (count_matches (o->db, f), ==, 1);
  g_clear_pointer (&f->status, g_free);
  f->year = 2027;
  g_assert_cmpuint (count_matches (o->db, f), ==, 0);
  f->year = 2026;
  g_assert_cmpuint (count_matches (o->db, f), ==, 2);

  /* The badges: b waits for the văn thư to present it, a for the officer
   * who leads it; nothing waits for the leader's directive now. */
  g_assert_true (xaso_queue_count_waiting (o->db, "incoming", o->clerk, &waiting, NULL));
  g_assert_cmpuint (waiting, ==, 1);
  g_assert_true (xaso_queue_count_waiting (o->db, "incoming", o->officer, &waiting, NULL));
  g_assert_cmpuint (waiting, ==, 1);
  g_assert_true (xaso_queue_count_waiting (o->db, "incoming", o->leader, &waiting, NULL));
  g_assert_cmpuint (waiting, ==, 0);
  g_assert_true (xaso_queue_count_waiting (o->db, "incoming", NULL, &waiting, NULL));
  g_assert_cmpuint (waiting, ==, 0);
  (void)b;
}

/* The same scan attached to two documents is stored once. */
static void
test_files_stored_once (Office        *o,
                        gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (o->path);
  g_autofree char *scan = write_file (dir, "scan.pdf", "%PDF-1.4 bản quét");
  g_autoptr(XasoDocument) a = incoming ("1/TB-SNV", "2026-03-02");
  g_autoptr(XasoDocument) b = incoming ("2/TB-SNV", "2026-03-02");
  g_autoptr(XasoDocument) sa = NULL, sb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path_a = NULL, *path_b = NULL, *content = NULL;

  sa = xaso_document_register_incoming (o->db, o->clerk, a, scan, FALSE, &error);
  sb = xaso_document_register_incoming (o->db, o->clerk, b, scan, FALSE, &error);
  g_assert_no_error (error);
  path_a = xaso_document_get_file (o->db, sa);
  path_b = xaso_document_get_file (o->db, sb);
  g_assert_cmpstr (path_a, ==, path_b);
  g_assert_true (g_file_get_contents (path_a, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "%PDF-1.4 bản quét");
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM attachment"), ==, 2);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(DISTINCT sha256) FROM attachment"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/documents/notation/parse-and-format", test_notation);
#define ADD(path, fn) g_test_add (path, Office, NULL, office_set_up, fn, office_tear_down)
  ADD ("/documents/numbers/incoming-consecutive-yearly", test_incoming_numbers);
  ADD ("/documents/numbers/survive-rollback-and-kill", test_numbers_survive_failures);
  ADD ("/documents/numbers/two-processes", test_two_processes_allocate);
  ADD ("/documents/numbers/outgoing-series", test_outgoing_series);
  ADD ("/documents/numbers/lease", test_lease_refused);
  ADD ("/documents/numbers/register-same-everywhere", test_register_same_everywhere);
  ADD ("/documents/incoming/duplicate-warned", test_duplicate_warned);
  ADD ("/documents/incoming/confidential-stub", test_confidential_stub);
  ADD ("/documents/incoming/flow", test_incoming_flow);
  ADD ("/documents/outgoing/flow", test_outgoing_flow);
  ADD ("/documents/outgoing/seal", test_outgoing_seal);
  ADD ("/documents/rights/refused-in-core", test_rights_refused_in_core);
  ADD ("/documents/search/text-and-queues", test_search_and_queues);
  ADD ("/documents/files/stored-once", test_files_stored_once);
#undef ADD
  return g_test_run ();
}
