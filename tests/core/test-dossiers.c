/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-commune-calendar.h"
#include "xaso-dossier-code.h"
#include "xaso-dossier-event.h"
#include "xaso-dossier-fee.h"
#include "xaso-dossier-flow.h"
#include "xaso-dossier-search.h"
#include "xaso-seed.h"
#include "xaso-test-util.h"

/* One-stop dossiers in a commune's database (DOMAIN.md, One-stop
 * dossiers): every transition through xaso_dossier_act, the codes of the
 * desks, reception, fees, rights, queues, search and the bulk refold. The
 * deadlines themselves are in test-dossier-fold.c. The agency's id is
 * 000.00.12.H56; Mon 7/12/2026 is an ordinary working day. */

#define EID "000.00.12.H56"

typedef struct
{
  char         *path;
  XasoDatabase *db;
  XasoUser     *reception;  /* tiếp nhận */
  XasoUser     *officer;    /* chuyên viên */
  XasoUser     *leader;     /* lãnh đạo */
  XasoUser     *clerk;      /* văn thư */
  XasoUser     *all;        /* the three roles of the one-stop work, to walk the table */
} Office;

static void
office_set_up (Office        *o,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  o->path = xaso_test_temp_path ("dossiers.db");
  o->db = xaso_test_open_commune (o->path);
  g_assert_true (xaso_seed_procedures (o->db, &error));
  g_assert_no_error (error);
  o->reception = xaso_test_add_user (o->db, "motcua", "Hồ Thị Cửa", "tiep_nhan", NULL);
  o->officer = xaso_test_add_user (o->db, "tuphap", "Phạm Thị Pháp", "chuyen_vien", NULL);
  o->leader = xaso_test_add_user (o->db, "chutich", "Nguyễn Văn Chủ", "lanh_dao", NULL);
  o->clerk = xaso_test_add_user (o->db, "vanthu", "Lê Thị Thư", "van_thu", NULL);
  o->all = xaso_test_add_user (o->db, "truongbp", "Đỗ Văn Trưởng", "tiep_nhan,chuyen_vien,lanh_dao", NULL);
}

static void
office_tear_down (Office        *o,
                  gconstpointer  data)
{
  g_clear_object (&o->reception);
  g_clear_object (&o->officer);
  g_clear_object (&o->leader);
  g_clear_object (&o->clerk);
  g_clear_object (&o->all);
  g_clear_object (&o->db);
  g_free (o->path);
}

/* Receives a dossier of @procedure with every paper. */
static char *
receive (Office     *o,
         const char *procedure,
         const char *name,
         const char *at)
{
  XasoReception r = { .procedure_code = procedure, .applicant_name = name, .at = at, .all_papers = TRUE };
  g_autoptr(GError) error = NULL;
  char *id = xaso_dossier_receive (o->db, o->reception, &r, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static char *
code_of (Office     *o,
         const char *id)
{
  g_autoptr(XasoDossier) d = xaso_dossier_load (o->db, id, NULL);

  g_assert_nonnull (d);
  return g_strdup (xaso_dossier_get (d, XASO_DOSSIER_CODE));
}

static const char * const form02[] = { "Giấy chứng sinh", NULL };

/* What each kind needs besides the status, filled in. */
static gboolean
act (Office      *o,
     XasoUser    *actor,
     const char  *id,
     const char  *kind,
     const char  *at,
     GError     **error)
{
  XasoDossierAction a = { .kind = kind, .at = at, .note = "Lý do ghi trên mẫu",
                          .new_due = "2027-06-30T17:00:00+07:00", .papers = form02 };

  if (g_str_equal (kind, "assigned"))
    a.to_username = "tuphap";
  else if (g_str_equal (kind, "forwarded"))
    a.to_username = "chutich";
  return xaso_dossier_act (o->db, actor, id, &a, error);
}

static void
must_act (Office     *o,
          XasoUser   *actor,
          const char *id,
          const char *kind,
          const char *at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (act (o, actor, id, kind, at, &error));
  g_assert_no_error (error);
}

static int
status_of (Office     *o,
           const char *id)
{
  g_autoptr(XasoDossier) d = xaso_dossier_load (o->db, id, NULL);

  return xaso_dossier_get_status (d);
}

/* An online dossier waiting for reception (status 1): the portal's
 * "submitted" event, folded. */
static char *
submit_online (Office     *o,
               const char *name,
               const char *code,
               const char *at)
{
  g_autoptr(XasoProcedure) p = xaso_procedure_find (o->db, "1.004837", "2026-12-01", NULL);
  g_autoptr(XasoDossier) d = xaso_dossier_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  xaso_dossier_set (d, XASO_DOSSIER_CODE, code);
  xaso_dossier_set (d, XASO_DOSSIER_PROCEDURE_ID, p->id);
  xaso_dossier_set (d, XASO_DOSSIER_CHANNEL, "online");
  xaso_dossier_set (d, XASO_DOSSIER_APPLICANT_NAME, name);
  xaso_dossier_set (d, XASO_DOSSIER_RECEIVED_AT, at);
  xaso_dossier_set (d, XASO_DOSSIER_STATUS, "1");
  g_assert_true (xaso_record_save (XASO_RECORD (d), o->db, "portal", &error));
  g_assert_no_error (error);
  id = g_strdup (xaso_record_get_id (XASO_RECORD (d)));
  g_assert_true (xaso_dossier_event_append (o->db, id, "submitted", at, o->reception, NULL, NULL, NULL, &error));
  g_assert_true (xaso_dossier_refold (o->db, id, &error));
  g_assert_no_error (error);
  return id;
}

/* The kinds a desk can do, and where each applies (domain-vietnam.md §2.4),
 * statuses 1 to 10 — the same table as test-dossier-fold.c. */
static const struct
{
  const char *kind;
  const char *from;
  int         to;
} table[] = {
  /*                         1 2 3 4 5 6 7 8 9 10 */
  { "received",             "1 0 0 0 0 0 0 0 0 0", 2 },
  { "refused",              "1 1 0 1 1 1 0 0 0 0", 3 },
  { "assigned",             "0 1 0 1 0 0 0 0 0 0", 4 },
  { "forwarded",            "0 0 0 1 0 0 0 0 0 0", 4 },
  { "supplement_requested", "0 1 0 1 0 0 0 0 0 0", 5 },
  { "supplement_received",  "0 0 0 0 1 0 0 0 0 0", 4 },
  { "payment_requested",    "0 0 0 1 0 0 0 0 0 0", 6 },
  { "payment_received",     "0 0 0 0 0 1 0 0 0 0", 4 },
  { "apologized",           "0 0 0 1 1 1 0 0 0 0", 0 },
  { "withdrawn",            "1 1 0 1 1 1 0 0 0 0", 7 },
  { "stopped",              "0 1 0 1 1 1 0 0 0 0", 8 },
  { "approved",             "0 0 0 1 0 0 0 0 0 0", 9 },
  { "returned",             "0 0 0 0 0 0 0 0 1 0", 10 },
};

static const char * const paths[] = {
  [2] = "",
  [3] = "refused",
  [4] = "assigned",
  [5] = "assigned supplement_requested",
  [6] = "assigned payment_requested",
  [7] = "withdrawn",
  [8] = "assigned stopped",
  [9] = "assigned approved",
  [10] = "assigned approved returned",
};

static char *
dossier_at_status (Office *o,
                   guint   status,
                   guint   n)
{
  g_auto(GStrv) kinds = NULL;
  char *id;

  if (status == 1)
    {
      g_autofree char *code = g_strdup_printf (EID "-261207-%04u", 5000 + n);

      return submit_online (o, "Trần Văn Mạng", code, "2026-12-07T08:00:00+07:00");
    }
  id = receive (o, "1.004837", "Trần Thị Bình", "2026-12-07 09:00");
  kinds = g_strsplit (paths[status], " ", -1);
  for (guint i = 0; kinds[i] != NULL; i++)
    if (*kinds[i] != '\0')
      must_act (o, o->all, id, kinds[i], "2026-12-07 10:00");
  g_assert_cmpint (status_of (o, id), ==, status);
  return id;
}

static char *
row_of (Office     *o,
        const char *id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT status || '|' || coalesce (due_at, '') || '|' || updated_at || '|' || coalesce (assignee_user_id, '') || "
    "'|' || (SELECT count(*) FROM dossier_event WHERE dossier_id = d.id) FROM dossier d WHERE id = '%s'", id);

  return xaso_test_string (o->db, sql);
}

/* Every kind from every status 1–10 through xaso_dossier_act: allowed, it
 * leads where the table says; refused, XASO_DOSSIER_ERROR_STATE and the
 * row and its events are as they were. */
static void
test_act_table (Office        *o,
                gconstpointer  data)
{
  guint n = 0;

  for (guint s = 1; s <= 10; s++)
    for (guint k = 0; k < G_N_ELEMENTS (table); k++)
      {
        g_autofree char *id = dossier_at_status (o, s, n++);
        g_autofree char *before = row_of (o, id);
        g_autofree char *after = NULL;
        g_autoptr(GError) error = NULL;
        gboolean allowed = table[k].from[2 * (s - 1)] == '1';
        gboolean ok = act (o, o->all, id, table[k].kind, "2026-12-08 10:00", &error);

        if (ok != allowed)
          g_error ("%s at status %u: %s", table[k].kind, s, error != NULL ? error->message : "accepted");
        after = row_of (o, id);
        if (allowed)
          {
            g_assert_no_error (error);
            g_assert_cmpint (status_of (o, id), ==, table[k].to != 0 ? table[k].to : (int)s);
            g_assert_cmpstr (after, !=, before);
          }
        else
          {
            g_assert_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_STATE);
            g_assert_cmpstr (after, ==, before);
          }
      }
}

/* The example of the brief, step by step: Fri 4/12/2026 10:00, guardianship
 * (3 working days): due Mon 7 (1), Tue 8 (2), Wed 9/12 (3) at 10:00. */
static void
test_act_walkthrough (Office        *o,
                      gconstpointer  data)
{
  g_autofree char *id = receive (o, "1.004837", "Trần Thị Bình", "2026-12-04 10:00");
  g_autoptr(XasoDossier) d = NULL;

  must_act (o, o->reception, id, "assigned", "2026-12-04 10:30");
  /* Paused Mon 7/12 09:00 → Tue 8/12 09:00: 8 h, so due Thu 10/12 10:00. */
  must_act (o, o->officer, id, "supplement_requested", "2026-12-07 09:00");
  must_act (o, o->reception, id, "supplement_received", "2026-12-08 09:00");
  must_act (o, o->officer, id, "forwarded", "2026-12-09 09:00");
  must_act (o, o->leader, id, "approved", "2026-12-10 09:00");
  must_act (o, o->reception, id, "returned", "2026-12-10 14:00");
  d = xaso_dossier_load (o->db, id, NULL);
  g_assert_cmpint (xaso_dossier_get_status (d), ==, XASO_DOSSIER_RETURNED);
  g_assert_cmpstr (xaso_dossier_get (d, XASO_DOSSIER_LEGAL_DUE_AT), ==, "2026-12-10T10:00:00+07:00");
  g_assert_cmpstr (xaso_dossier_get (d, XASO_DOSSIER_DUE_AT), ==, "2026-12-10T10:00:00+07:00");
  /* Approved on the day, before 10:00: on time. */
  g_assert_cmpstr (xaso_dossier_get (d, XASO_DOSSIER_TIMELINESS), ==, "on_time");
  g_assert_cmpstr (xaso_dossier_get (d, XASO_DOSSIER_ASSIGNEE_USER_ID), ==, "u-chutich");
  g_assert_cmpstr (xaso_dossier_get (d, XASO_DOSSIER_COLLECTED_BY), ==, "Trần Thị Bình");
}

static void
assert_codes (Office     *o,
              const char *at,
              guint       first,
              guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = receive (o, "2.000815", "Lê Văn Sao", at);
      g_autofree char *code = code_of (o, id);
      g_autoptr(GDateTime) t = xaso_dossier_parse_time (at);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (t, xaso_calendar_get_time_zone (xaso_dossier_calendar ()));
      g_autofree char *day = g_date_time_format (local, "%y%m%d");
      g_autofree char *expected = g_strdup_printf (EID "-%s-%04u", day, first + i);

      g_assert_cmpstr (code, ==, expected);
    }
}

/* One desk: 0001, 0002… through two blocks of 20, then 0001 the next day. */
static void
test_code_consecutive (Office        *o,
                       gconstpointer  data)
{
  assert_codes (o, "2026-12-07 09:00", 1, 23);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM dossier_code_block WHERE day = '261207'"), ==, 2);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT max (last_seq) FROM dossier_code_block WHERE day = '261207'"),
                   ==, 40);
  assert_codes (o, "2026-12-08 07:30", 1, 2);
  /* 01:00 on the 9th in Vietnam is 18:00 UTC on the 8th: the code is the 9th's. */
  assert_codes (o, "2026-12-08T18:00:00Z", 1, 1);
}

static void
become_desk (Office     *o,
             const char *device)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE sync_state SET value = '%s' WHERE key = 'device_id'", device);
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_database_exec (o->db, sql, &error));
  g_clear_object (&o->db);
  o->db = xaso_database_open (o->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xaso_database_get_device_id (o->db), ==, device);
}

/* Two desks of the same commune, their blocks shared by sync: desk B takes
 * 21–40 after A's 1–20, and each goes on from its own block. */
static void
test_code_two_desks (Office        *o,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  become_desk (o, "desk-a");
  assert_codes (o, "2026-12-09 09:00", 1, 3);
  become_desk (o, "desk-b");
  assert_codes (o, "2026-12-09 09:05", 21, 2);
  become_desk (o, "desk-a");
  assert_codes (o, "2026-12-09 09:10", 4, 1);
  /* A block of the 10th that desk C took and A got by sync: A starts at 21. */
  g_assert_true (xaso_database_exec (o->db,
    "INSERT INTO dossier_code_block (id, commune_code, unit_eid, day, device_id, first_seq, last_seq, next_seq, "
    "created_at, updated_at) VALUES ('b-c', '12345', '" EID "', '261210', 'desk-c', 1, 20, 6, '2026', '2026')",
    &error));
  assert_codes (o, "2026-12-10 09:00", 21, 1);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) - count (DISTINCT code) FROM dossier"), ==, 0);
}

/* Codes imported without their blocks are never given again. */
static void
test_code_without_blocks (Office        *o,
                          gconstpointer  data)
{
  g_autofree char *id = receive (o, "2.000815", "Lê Văn Sao", "2026-12-10 09:00");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO dossier (id, commune_code, code, procedure_id, applicant_name, received_at, created_at, updated_at) "
    "SELECT 'old', '12345', '" EID "-261211-0007', procedure_id, 'Cũ', '2026-12-11T08:00:00+07:00', '2026', '2026' "
    "FROM dossier WHERE id = '%s'", id);
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_database_exec (o->db, sql, &error));
  g_assert_no_error (error);
  assert_codes (o, "2026-12-11 09:00", 8, 2);
}

/* Birth registration (1.001193): the form and the birth certificate are
 * required; the abandoned child's record "(đối với …)" and the proxy's
 * letter "(nếu …)" are not. */
static void
test_reception_papers (Office        *o,
                       gconstpointer  data)
{
  const guint form_only[] = { 0 };
  const guint both[] = { 0, 1 };
  XasoReception r = { .procedure_code = "1.001193", .applicant_name = "Vũ Thị Mẹ", .at = "2026-12-07 09:00",
                      .papers = form_only, .n_papers = 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = xaso_dossier_receive (o->db, o->reception, &r, &error);
  g_autofree char *id = NULL;
  g_auto(GStrv) missing = NULL;

  g_assert_null (refused);
  g_assert_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_PAPERS);
  g_assert_nonnull (strstr (error->message, "Giấy chứng sinh"));
  g_assert_null (strstr (error->message, "bỏ rơi"));
  g_assert_null (strstr (error->message, "ủy quyền"));
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM dossier"), ==, 0);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM dossier_code_block"), ==, 0);
  missing = xaso_dossier_missing_papers (o->db, &r, NULL);
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  g_clear_error (&error);
  r.papers = both;
  r.n_papers = 2;
  id = xaso_dossier_receive (o->db, o->reception, &r, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM dossier WHERE papers = '[0,1]'"), ==, 1);
}

/* The papers of a household business (1.001612) and of a disability
 * certificate (1.001699) beyond the first are all conditional: "(khi các
 * thành viên hộ gia đình cùng đăng ký)", "(nếu có)", "… nếu có". */
static void
test_reception_conditional_papers (Office        *o,
                                   gconstpointer  data)
{
  const guint first[] = { 0 };
  XasoReception r = { .procedure_code = "1.001612", .applicant_name = "Vũ Văn Buôn", .at = "2026-12-07 09:00",
                      .papers = first, .n_papers = 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *business = xaso_dossier_receive (o->db, o->reception, &r, &error);
  g_autofree char *disability = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (business);
  r.procedure_code = "1.001699";
  disability = xaso_dossier_receive (o->db, o->reception, &r, &error);
  g_assert_no_error (error);
  g_assert_nonnull (disability);
}

static void
test_reception_id_number (Office        *o,
                          gconstpointer  data)
{
  XasoReception r = { .procedure_code = "1.004837", .applicant_name = "Vũ Văn Số", .at = "2026-12-07 09:00",
                      .all_papers = TRUE, .applicant_id_number = "12345" };
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = xaso_dossier_receive (o->db, o->reception, &r, &error);
  g_autofree char *good = NULL;

  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM dossier"), ==, 0);
  g_clear_error (&error);
  /* 024 Bắc Ninh, 0 a man born in the 1900s, 85. */
  r.applicant_id_number = "024085123456";
  good = xaso_dossier_receive (o->db, o->reception, &r, &error);
  g_assert_no_error (error);
  g_assert_nonnull (good);
}

static gint64
fee (Office        *o,
     const char    *code,
     XasoExemption  exemption,
     char         **note)
{
  g_autoptr(XasoProcedure) p = xaso_procedure_find (o->db, code, "2026-12-07", NULL);

  g_assert_nonnull (p);
  return xaso_dossier_fee (p, exemption, note);
}

static void
test_fees (Office        *o,
           gconstpointer  data)
{
  g_autofree char *note = NULL;
  g_autofree char *province = NULL;
  XasoReception r = { .procedure_code = "2.000635", .applicant_name = "Hà Thị Nghèo", .at = "2026-12-07 09:00",
                      .all_papers = TRUE, .fee_exemption = "poor" };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* A copy of a civil-status extract: 8,000 đ; waived for the three groups of Art. 11. */
  g_assert_cmpint (fee (o, "2.000635", XASO_EXEMPTION_NONE, NULL), ==, 8000);
  g_assert_cmpint (fee (o, "2.000635", XASO_EXEMPTION_MERITORIOUS, NULL), ==, 0);
  g_assert_cmpint (fee (o, "2.000635", XASO_EXEMPTION_POOR, NULL), ==, 0);
  g_assert_cmpint (fee (o, "2.000635", XASO_EXEMPTION_DISABLED, &note), ==, 0);
  g_assert_nonnull (strstr (note, "Art. 11"));
  /* Chứng thực is not civil status: a poor household still pays its 2,000 đ and 10,000 đ. */
  g_assert_cmpint (fee (o, "2.000815", XASO_EXEMPTION_POOR, NULL), ==, 2000);
  g_assert_cmpint (fee (o, "2.000884", XASO_EXEMPTION_DISABLED, NULL), ==, 10000);
  /* Set by the province: no amount here, and the slip says so. */
  g_assert_cmpint (fee (o, "1.004873", XASO_EXEMPTION_NONE, &province), ==, 0);
  g_assert_cmpstr (province, ==, "Fee set by the provincial People’s Council");
  id = xaso_dossier_receive (o->db, o->reception, &r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT fee_amount FROM dossier"), ==, 0);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM dossier WHERE fee_exemption = 'poor'"), ==, 1);
  r.fee_exemption = "rich";
  g_assert_null (xaso_dossier_receive (o->db, o->reception, &r, NULL));
  {
    g_autofree char *money = xaso_format_money (1250000);

    g_assert_cmpstr (money, ==, "1.250.000 đồng");
  }
}

static void
refuse_right (Office     *o,
              XasoUser   *who,
              const char *id,
              const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = row_of (o, id);
  g_autofree char *after = NULL;

  g_assert_false (act (o, who, id, kind, "2026-12-07 11:00", &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_STATE));
  after = row_of (o, id);
  g_assert_cmpstr (after, ==, before);
}

static void
test_rights (Office        *o,
             gconstpointer  data)
{
  XasoReception r = { .procedure_code = "1.004837", .applicant_name = "Trần Thị Bình", .at = "2026-12-07 09:00",
                      .all_papers = TRUE };
  const char * const kinds[] = { "assigned", "supplement_requested", "supplement_received", "refused", "approved",
                                 "returned", "withdrawn", "stopped" };
  g_autofree char *id = receive (o, "1.004837", "Trần Thị Bình", "2026-12-07 09:00");
  g_autoptr(GError) error = NULL;

  /* Only the counter receives. */
  g_assert_null (xaso_dossier_receive (o->db, o->officer, &r, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (xaso_dossier_receive (o->db, o->leader, &r, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* The clerk (văn thư) does nothing with dossiers. */
  g_assert_null (xaso_dossier_receive (o->db, o->clerk, &r, &error));
  g_assert_nonnull (error);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    refuse_right (o, o->clerk, id, kinds[i]);
  must_act (o, o->reception, id, "assigned", "2026-12-07 10:00");
  /* Neither the officer nor the counter approves; the leader does. */
  refuse_right (o, o->officer, id, "approved");
  refuse_right (o, o->reception, id, "approved");
  /* Taking supplements in is the counter's, not the officer's. */
  must_act (o, o->officer, id, "supplement_requested", "2026-12-07 10:30");
  refuse_right (o, o->officer, id, "supplement_received");
  must_act (o, o->reception, id, "supplement_received", "2026-12-07 14:00");
  must_act (o, o->leader, id, "approved", "2026-12-08 09:00");
  /* The result goes back at the counter. */
  refuse_right (o, o->officer, id, "returned");
  refuse_right (o, o->leader, id, "returned");
  must_act (o, o->reception, id, "returned", "2026-12-08 10:00");
}

static GPtrArray *
queue (Office           *o,
       XasoDossierQueue  q,
       const char       *user,
       const char       *text)
{
  XasoDossierFilter f = { .queue = q, .user_id = (char *)user, .text = (char *)text,
                          .now = (char *)"2026-12-08T10:00:00+07:00" };
  g_autoptr(GError) error = NULL;
  GPtrArray *list = xaso_dossier_search (o->db, &f, 50, &error);

  g_assert_no_error (error);
  return list;
}

/* The applicants' names of a list, in its order, joined by commas. */
static char *
names (GPtrArray *list)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "," : "",
                            xaso_dossier_get (g_ptr_array_index (list, i), XASO_DOSSIER_APPLICANT_NAME));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_queue(o, q, user, text, expected)          \
  G_STMT_START {                                          \
    g_autoptr(GPtrArray) _l = queue (o, q, user, text);   \
    g_autofree char *_n = names (_l);                     \
    g_assert_cmpstr (_n, ==, (expected));                 \
  } G_STMT_END

/* A small set, seen on Tue 8/12/2026 at 10:00:
 *   An  guardianship (3 d) Thu 3/12 09:00 → due Tue 8/12 09:00: overdue, at tuphap (4)
 *   Bình guardianship Fri 4/12 11:00 → due Wed 9/12 11:00: tomorrow, at chutich (4)
 *   Cúc  birth (same day) Tue 8/12 09:00 → due 17:00 today, not assigned (2)
 *   Dũng guardianship Mon 7/12 09:00, supplement asked: no due (5), at tuphap
 *   Em   guardianship Mon 7/12 09:00, approved (9)
 *   Giang online, waiting (1)
 *   Hà   guardianship, refused and approved at once offline (review) */
static void
make_queue_set (Office *o)
{
  g_autofree char *a = receive (o, "1.004837", "Nguyễn Văn An", "2026-12-03 09:00");
  g_autofree char *b = receive (o, "1.004837", "Trần Thị Bình", "2026-12-04 11:00");
  g_autofree char *c = receive (o, "1.001193", "Lê Thị Cúc", "2026-12-08 09:00");
  g_autofree char *d = receive (o, "1.004837", "Phạm Văn Dũng", "2026-12-07 09:00");
  g_autofree char *e = receive (o, "1.004837", "Hoàng Thị Em", "2026-12-07 09:00");
  g_autofree char *g = submit_online (o, "Đặng Văn Giang", EID "-261208-0900", "2026-12-08T08:00:00+07:00");
  g_autofree char *h = receive (o, "1.004837", "Vũ Thị Hà", "2026-12-07 09:00");
  g_autoptr(GError) error = NULL;

  must_act (o, o->reception, a, "assigned", "2026-12-03 10:00");
  must_act (o, o->reception, b, "assigned", "2026-12-04 14:00");
  must_act (o, o->officer, b, "forwarded", "2026-12-07 14:00");
  must_act (o, o->reception, d, "assigned", "2026-12-07 10:00");
  must_act (o, o->officer, d, "supplement_requested", "2026-12-07 11:00");
  must_act (o, o->reception, e, "assigned", "2026-12-07 10:00");
  must_act (o, o->officer, e, "forwarded", "2026-12-07 11:00");
  must_act (o, o->leader, e, "approved", "2026-12-07 15:00");
  must_act (o, o->reception, h, "assigned", "2026-12-07 10:00");
  /* Two desks offline: both events reach this database by sync. */
  g_assert_true (xaso_dossier_event_append (o->db, h, "refused", "2026-12-07T15:00:00+07:00", o->officer, NULL,
                                            "Sai thẩm quyền", NULL, &error));
  g_assert_true (xaso_dossier_event_append (o->db, h, "approved", "2026-12-07T15:00:00+07:00", o->leader, NULL,
                                            NULL, NULL, &error));
  g_assert_true (xaso_dossier_refold (o->db, h, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (o, h), ==, XASO_DOSSIER_REFUSED);
  (void)c;
  (void)g;
}

static void
test_queues (Office        *o,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  make_queue_set (o);
  assert_queue (o, XASO_DOSSIER_QUEUE_TO_RECEIVE, NULL, NULL, "Đặng Văn Giang");
  /* Nearest due first; Dũng's paused dossier has none and comes last. */
  assert_queue (o, XASO_DOSSIER_QUEUE_MINE, "u-tuphap", NULL, "Nguyễn Văn An,Phạm Văn Dũng");
  assert_queue (o, XASO_DOSSIER_QUEUE_MINE, "u-chutich", NULL, "Trần Thị Bình");
  assert_queue (o, XASO_DOSSIER_QUEUE_TO_APPROVE, "u-chutich", NULL, "Trần Thị Bình");
  /* An's dossier is at tuphap, in progress, but an officer approves nothing. */
  assert_queue (o, XASO_DOSSIER_QUEUE_TO_APPROVE, "u-tuphap", NULL, "");
  assert_queue (o, XASO_DOSSIER_QUEUE_DUE_TODAY, NULL, NULL, "Lê Thị Cúc");
  assert_queue (o, XASO_DOSSIER_QUEUE_DUE_TOMORROW, NULL, NULL, "Trần Thị Bình");
  assert_queue (o, XASO_DOSSIER_QUEUE_OVERDUE, NULL, NULL, "Nguyễn Văn An");
  assert_queue (o, XASO_DOSSIER_QUEUE_SUPPLEMENT, NULL, NULL, "Phạm Văn Dũng");
  assert_queue (o, XASO_DOSSIER_QUEUE_TO_RETURN, NULL, NULL, "Hoàng Thị Em");
  assert_queue (o, XASO_DOSSIER_QUEUE_REVIEW, NULL, NULL, "Vũ Thị Hà");
  /* Newest first. */
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, NULL,
                "Vũ Thị Hà,Đặng Văn Giang,Hoàng Thị Em,Phạm Văn Dũng,Lê Thị Cúc,Trần Thị Bình,Nguyễn Văn An");
  g_assert_cmpint (xaso_dossier_queue_count (o->db, XASO_DOSSIER_QUEUE_SUPPLEMENT, NULL, &error), ==, 1);
  g_assert_cmpint (xaso_dossier_queue_count (o->db, XASO_DOSSIER_QUEUE_MINE, "u-tuphap", &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_search (Office        *o,
             gconstpointer  data)
{
  XasoReception r = { .procedure_code = "1.004837", .applicant_name = "Trần Thị Bình", .at = "2026-12-07 09:00",
                      .all_papers = TRUE, .applicant_id_number = "024185123456" };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = xaso_dossier_receive (o->db, o->reception, &r, &error);
  g_autofree char *code = NULL;

  g_assert_no_error (error);
  g_free (receive (o, "1.004837", "Trần Văn Bính", "2026-12-07 09:30"));
  g_free (receive (o, "1.004837", "Lê Thị Lan", "2026-12-08 09:30"));
  code = code_of (o, id);
  g_assert_cmpstr (code, ==, EID "-261207-0001");
  /* Without diacritics, by prefixes of the words. */
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, "tran thi binh", "Trần Thị Bình");
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, "tran bi", "Trần Văn Bính,Trần Thị Bình");
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, "Bính", "Trần Văn Bính,Trần Thị Bình");
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, "LAN", "Lê Thị Lan");
  /* The ID number and its prefix. */
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, "024185123456", "Trần Thị Bình");
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, "02418", "Trần Thị Bình");
  /* The code, whole or as the part a citizen reads out. */
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, code, "Trần Thị Bình");
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, "261208", "Lê Thị Lan");
  assert_queue (o, XASO_DOSSIER_QUEUE_ALL, NULL, "tran lan", "");
}

/* After plain SQL spoils some cached statuses, refold_all puts back
 * exactly those, and says how many. */
static void
test_refold_all (Office        *o,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  make_queue_set (o);
  g_assert_cmpint (xaso_dossier_refold_all (o->db, &error), ==, 0);
  g_assert_true (xaso_database_exec (o->db,
    "UPDATE dossier SET status = 10 WHERE applicant_name IN ('Nguyễn Văn An', 'Lê Thị Cúc');"
    "UPDATE dossier SET due_at = '2020-01-01T00:00:00+07:00', needs_review = 1 "
    "WHERE applicant_name = 'Đặng Văn Giang';", &error));
  g_assert_cmpint (xaso_dossier_refold_all (o->db, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT status FROM dossier WHERE applicant_name = 'Nguyễn Văn An'"),
                   ==, 4);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT status FROM dossier WHERE applicant_name = 'Lê Thị Cúc'"), ==, 2);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT needs_review FROM dossier WHERE applicant_name = 'Đặng Văn Giang'"),
                   ==, 0);
  g_assert_cmpint (xaso_dossier_refold_all (o->db, &error), ==, 0);
}

static char *
due_of (Office     *o,
        const char *id)
{
  g_autoptr(XasoDossier) d = xaso_dossier_load (o->db, id, NULL);

  return g_strdup (xaso_dossier_get (d, XASO_DOSSIER_DUE_AT));
}

/* The commune's calendar_day rows count: a day off the commune (or the
 * province, through sync) adds moves the appointment; taken away again,
 * the official schedule stands. */
static void
test_calendar_rows (Office        *o,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *during = NULL, *after = NULL;
  char *id;

  g_assert_true (xaso_seed_calendar (o->db, 2026, 2026, &error));
  g_assert_true (xaso_commune_calendar_load (o->db, &error));
  /* Received Fri 4/12 10:00, 3 working days: Wed 9/12 10:00. */
  id = receive (o, "1.004837", "Lý Văn Lịch", "2026-12-04 10:00");
  before = due_of (o, id);
  g_free (id);
  g_assert_cmpstr (before, ==, "2026-12-09T10:00:00+07:00");

  /* Monday 7/12 off: Thu 10/12 10:00. */
  g_assert_true (xaso_database_exec (o->db, "INSERT INTO calendar_day (id, commune_code, date, kind, reason, "
                                     "confirmed, created_at, updated_at) VALUES ('d-extra', '12345', "
                                     "'2026-12-07', 'holiday', 'Nghỉ bù theo quyết định của tỉnh', 1, "
                                     "'2026-11-30', '2026-11-30')", &error));
  g_assert_true (xaso_commune_calendar_load (o->db, &error));
  id = receive (o, "1.004837", "Lý Văn Nghỉ", "2026-12-04 10:00");
  during = due_of (o, id);
  g_free (id);
  g_assert_cmpstr (during, ==, "2026-12-10T10:00:00+07:00");

  g_assert_true (xaso_database_exec (o->db, "UPDATE calendar_day SET deleted = 1 WHERE id = 'd-extra'", &error));
  g_assert_true (xaso_commune_calendar_load (o->db, &error));
  id = receive (o, "1.004837", "Lý Văn Làm", "2026-12-04 10:00");
  after = due_of (o, id);
  g_free (id);
  g_assert_cmpstr (after, ==, "2026-12-09T10:00:00+07:00");
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Office, NULL, office_set_up, fn, office_tear_down)
  ADD ("/dossier/act/every-kind-from-every-status", test_act_table);
  ADD ("/dossier/act/walkthrough", test_act_walkthrough);
  ADD ("/dossier/code/consecutive-per-day", test_code_consecutive);
  ADD ("/dossier/code/two-desks", test_code_two_desks);
  ADD ("/dossier/code/never-reuses-codes-without-blocks", test_code_without_blocks);
  ADD ("/dossier/reception/missing-papers", test_reception_papers);
  ADD ("/dossier/reception/conditional-papers", test_reception_conditional_papers);
  ADD ("/dossier/reception/id-number", test_reception_id_number);
  ADD ("/dossier/reception/fees", test_fees);
  ADD ("/dossier/rights", test_rights);
  ADD ("/dossier/queues", test_queues);
  ADD ("/dossier/search/folded", test_search);
  ADD ("/dossier/refold-all/fixes-what-sql-spoiled", test_refold_all);
  ADD ("/dossier/calendar/rows-of-the-commune", test_calendar_rows);
  return g_test_run ();
}
