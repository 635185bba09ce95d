/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-audit.h"
#include "xaso-civil-event.h"
#include "xaso-dossier-flow.h"
#include "xaso-household.h"
#include "xaso-person-data-print.h"
#include "xaso-seed.h"
#include "xaso-test-cli.h"
#include "xaso-test-util.h"

/* The personal-data report (issue 10, Law 91/2025): one resident with a
 * household, a civil-status event, a dossier and looks and edits in the
 * audit chain; the report lists them all, the PDF and the CSV hold them,
 * writing either is logged, and xasoctl makes it. */

#define NAME "Nguyễn Thị Hồng Nhung"

typedef struct
{
  char         *path;
  XasoDatabase *db;
  XasoUser     *officer;     /* chuyên viên: may report */
  XasoUser     *reception;   /* tiếp nhận: receives the dossier */
  XasoUser     *clerk;       /* văn thư: may not report */
  char         *person_id;
  char         *dossier_id;
  char         *dossier_code;
} Fixture;

static XasoPerson *
make_person (const char *name,
             const char *sex,
             const char *birth)
{
  XasoPerson *person = xaso_person_new ();

  xaso_person_set (person, XASO_PERSON_FULL_NAME, name);
  xaso_person_set (person, XASO_PERSON_SEX, sex);
  xaso_person_set (person, XASO_PERSON_BIRTH_DATE, birth);
  xaso_person_set (person, XASO_PERSON_NATIONALITY, "Việt Nam");
  return person;
}

static void
add_household (Fixture    *f,
               XasoPerson *head,
               XasoPerson *member)
{
  g_autoptr(XasoHousehold) household = xaso_household_new ();
  g_autoptr(GError) error = NULL;

  xaso_household_set (household, XASO_HOUSEHOLD_CODE, "00042");
  xaso_household_set (household, XASO_HOUSEHOLD_HAMLET, "Thôn Đoài");
  xaso_household_set (household, XASO_HOUSEHOLD_ADDRESS, "Số 7, Thôn Đoài");
  g_assert_true (xaso_household_add_member (f->db, household, head, NULL, TRUE, "tuphap", &error));
  g_assert_true (xaso_household_add_member (f->db, household, member, "Con", FALSE, "tuphap", &error));
  g_assert_no_error (error);
}

static void
add_birth (Fixture *f)
{
  g_autoptr(XasoCivilEvent) event = xaso_civil_event_new ();
  g_autoptr(GError) error = NULL;

  xaso_civil_event_set (event, XASO_CIVIL_EVENT_PERSON_ID, f->person_id);
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_KIND, "birth");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_EVENT_DATE, "12/05/1990");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_REGISTRATION_NUMBER, "12");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_BOOK_NUMBER, "01/1990");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_PLACE, "UBND xã Thử Nghiệm");
  g_assert_true (xaso_civil_event_record (event, f->db, NULL, "tuphap", &error));
  g_assert_no_error (error);
}

static void
add_dossier (Fixture *f)
{
  XasoReception r = { .procedure_code = "1.004837", .applicant_name = NAME, .applicant_person_id = f->person_id,
                      .applicant_phone = "0912345678", .at = "2026-12-07 09:00", .all_papers = TRUE };
  g_autoptr(XasoDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;

  f->dossier_id = xaso_dossier_receive (f->db, f->reception, &r, &error);
  g_assert_no_error (error);
  dossier = xaso_dossier_load (f->db, f->dossier_id, NULL);
  f->dossier_code = g_strdup (xaso_dossier_get (dossier, XASO_DOSSIER_CODE));
  g_assert_true (xaso_dossier_note_access (f->db, f->officer, f->dossier_id, "viewed", "xem hồ sơ", &error));
  g_assert_no_error (error);
}

/* Looks and an edit of the person's record, and a look at someone else's
 * that must not show. */
static void
add_accesses (Fixture    *f,
              XasoPerson *other)
{
  g_autoptr(XasoPerson) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = xaso_audit_view (f->db, "tuphap", "person", f->person_id, "Xem hồ sơ công dân",
                            (XasoAuditLoad)xaso_person_load, g_object_unref, &error);
  g_assert_nonnull (loaded);
  xaso_person_set (loaded, XASO_PERSON_PHONE, "0987 654 321");
  g_assert_true (xaso_record_save (XASO_RECORD (loaded), f->db, "tuphap", &error));
  g_assert_true (xaso_audit_append (f->db, "motcua", XASO_AUDIT_VIEW, "person",
                                    xaso_record_get_id (XASO_RECORD (other)), "Người khác", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(XasoPerson) head = make_person ("Nguyễn Văn Đức", "male", "1962");
  g_autoptr(XasoPerson) person = make_person (NAME, "female", "1990-05-12");

  f->path = xaso_test_temp_path ("person-data.db");
  f->db = xaso_test_open_commune (f->path);
  g_assert_true (xaso_seed_procedures (f->db, NULL));
  f->officer = xaso_test_add_user (f->db, "tuphap", "Phạm Thị Pháp", "chuyen_vien", NULL);
  f->reception = xaso_test_add_user (f->db, "motcua", "Hồ Thị Cửa", "tiep_nhan", NULL);
  f->clerk = xaso_test_add_user (f->db, "vanthu", "Lê Thị Thư", "van_thu", NULL);
  xaso_person_set (person, XASO_PERSON_OCCUPATION, "Giáo viên");
  add_household (f, head, person);
  f->person_id = g_strdup (xaso_record_get_id (XASO_RECORD (person)));
  add_birth (f);
  add_dossier (f);
  add_accesses (f, head);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->officer);
  g_clear_object (&f->reception);
  g_clear_object (&f->clerk);
  g_clear_object (&f->db);
  g_free (f->path);
  g_free (f->person_id);
  g_free (f->dossier_id);
  g_free (f->dossier_code);
}

/* The row of @section whose cell @column is @text, or NULL. */
static GStrv
find_row (const XasoPersonDataReport *report,
          XasoPersonDataSectionKind   kind,
          guint                       column,
          const char                 *text)
{
  const XasoPersonDataSection *section = &report->sections[kind];

  for (guint i = 0; i < section->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (section->rows, i);

      if (strstr (row[column], text) != NULL)
        return row;
    }
  return NULL;
}

static void
test_lists_everything (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPersonDataReport) report = xaso_person_data_report_collect (f->db, f->officer, f->person_id, &error);
  GStrv row;

  g_assert_no_error (error);
  g_assert_cmpstr (report->full_name, ==, NAME);
  g_assert_cmpstr (report->birth, ==, "12/05/1990");
  g_assert_cmpstr (find_row (report, XASO_PERSON_DATA_IDENTITY, 0, "Số điện thoại")[1], ==, "0987 654 321");
  g_assert_cmpstr (find_row (report, XASO_PERSON_DATA_IDENTITY, 0, "Giới tính")[1], ==, "Nữ");
  g_assert_cmpstr (find_row (report, XASO_PERSON_DATA_IDENTITY, 0, "Nghề nghiệp")[1], ==, "Giáo viên");
  g_assert_cmpstr (find_row (report, XASO_PERSON_DATA_HOUSEHOLD, 0, "Số hộ")[1], ==, "00042");
  g_assert_cmpstr (find_row (report, XASO_PERSON_DATA_HOUSEHOLD, 0, "Quan hệ")[1], ==, "Con");
  g_assert_cmpstr (find_row (report, XASO_PERSON_DATA_HOUSEHOLD, 0, "Chủ hộ")[1], ==, "Nguyễn Văn Đức");
  row = find_row (report, XASO_PERSON_DATA_CIVIL_EVENTS, 0, "Khai sinh");
  g_assert_cmpstr (row[1], ==, "12/05/1990");
  g_assert_cmpstr (row[2], ==, "Số 12, quyển số 01/1990");
  row = find_row (report, XASO_PERSON_DATA_DOSSIERS, 0, f->dossier_code);
  g_assert_nonnull (row);
  g_assert_cmpstr (row[2], ==, "Đã tiếp nhận");
  g_assert_cmpstr (row[3], ==, "07/12/2026 09:00");
  g_assert_nonnull (find_row (report, XASO_PERSON_DATA_OTHER, 1, "0912345678"));

  /* Every access, named as people say them; someone else's not. */
  row = find_row (report, XASO_PERSON_DATA_ACCESSES, 4, "Xem hồ sơ công dân");
  g_assert_cmpstr (row[1], ==, "Phạm Thị Pháp (tuphap)");
  g_assert_cmpstr (row[2], ==, "Xem");
  g_assert_cmpstr (row[3], ==, "Thông tin nhân khẩu");
  row = find_row (report, XASO_PERSON_DATA_ACCESSES, 4, "Số điện thoại");
  g_assert_cmpstr (row[2], ==, "Sửa");
  row = find_row (report, XASO_PERSON_DATA_ACCESSES, 3, "Sự kiện khai sinh ngày 12/05/1990");
  g_assert_cmpstr (row[2], ==, "Tạo");
  row = find_row (report, XASO_PERSON_DATA_ACCESSES, 3, f->dossier_code);
  g_assert_cmpstr (row[2], ==, "Tạo");
  row = find_row (report, XASO_PERSON_DATA_ACCESSES, 4, "xem hồ sơ");
  g_assert_nonnull (strstr (row[3], f->dossier_code));
  g_assert_cmpstr (row[2], ==, "Xem");
  g_assert_nonnull (find_row (report, XASO_PERSON_DATA_ACCESSES, 3, "Hộ gia đình số 00042"));
  g_assert_null (find_row (report, XASO_PERSON_DATA_ACCESSES, 4, "Người khác"));
}

static void
test_found_by_id_number (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(XasoPersonDataReport) report = NULL;

  g_assert_true (xaso_database_exec (f->db, "UPDATE person SET id_number = '001190012345' "
                                            "WHERE full_name = '" NAME "'", NULL));
  report = xaso_person_data_report_collect (f->db, f->officer, "001190012345", NULL);
  g_assert_nonnull (report);
  g_assert_cmpstr (report->person_id, ==, f->person_id);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (xaso_person_data_report_collect (f->db, f->clerk, f->person_id, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (xaso_person_data_report_collect (f->db, f->officer, "no-such-person", &error));
  g_assert_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-person"));
}

static char *
pdftotext (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gint64
count_reports (Fixture    *f,
               const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = '%s' AND actor = "
                                          "'tuphap' AND object_table = 'person' AND object_id = '%s'",
                                          action, f->person_id);

  return xaso_test_count (f->db, sql);
}

/* Only the file asked for is left in @dir. */
static void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while ((entry = g_dir_read_name (d)) != NULL)
    if (!g_str_has_prefix (entry, "person-data.db"))
      g_assert_cmpstr (entry, ==, name);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const expected[] = {
    NAME, "BÁO CÁO DỮ LIỆU CÁ NHÂN", "XÃ THỬ NGHIỆM", "I. THÔNG TIN NHÂN KHẨU", "II. HỘ GIA ĐÌNH, NƠI CƯ TRÚ",
    "III. SỰ KIỆN HỘ TỊCH", "IV. HỒ SƠ THỦ TỤC HÀNH CHÍNH", "V. DỮ LIỆU KHÁC CÓ LIÊN QUAN",
    "VI. NHẬT KÝ TRUY CẬP, XỬ LÝ DỮ LIỆU", "Phạm Thị Pháp", "Thông tin nhân khẩu", "Xem hồ sơ công dân",
    "Khai sinh", "0987 654 321", NULL,
  };
  gint64 before = count_reports (f, "print");

  g_assert_true (xaso_person_data_print (f->db, f->officer, f->person_id, XASO_PERSON_DATA_PDF, pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdftotext (pdf);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is not in the PDF:\n%s", expected[i], text);
  g_assert_cmpint (count_reports (f, "print"), ==, before + 1);
  assert_only_file (dir, "report.pdf");
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_person_data_print (f->db, f->officer, f->person_id, XASO_PERSON_DATA_CSV, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "BÁO CÁO DỮ LIỆU CÁ NHÂN\r\n"));
  g_assert_nonnull (strstr (csv, "Chủ thể dữ liệu," NAME "\r\n"));
  g_assert_nonnull (strstr (csv, "\"VI. NHẬT KÝ TRUY CẬP, XỬ LÝ DỮ LIỆU\"\r\n"));
  g_assert_nonnull (strstr (csv, ",Phạm Thị Pháp (tuphap),Sửa,Thông tin nhân khẩu,"));
  g_assert_cmpint (count_reports (f, "export"), ==, 1);
  assert_only_file (dir, "report.csv");
}

/* A file that cannot be made leaves nothing, and logs nothing. */
static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *pdf = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *other = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (xaso_person_data_print (f->db, f->officer, f->person_id, XASO_PERSON_DATA_PDF, pdf, NULL,
                                          &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  g_assert_false (xaso_person_data_print (f->db, f->officer, f->person_id, XASO_PERSON_DATA_PDF, other,
                                          cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_reports (f, "print"), ==, 0);
  assert_only_file (dir, "");
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *pdf = g_build_filename (dir, "cli.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;

  g_assert_cmpint (run (&out, &err, "--db", f->path, "--as", "tuphap", "report", "person", f->person_id,
                        "--output", pdf, NULL), ==, 0);
  text = pdftotext (pdf);
  g_assert_nonnull (strstr (text, NAME));
  g_assert_cmpint (count_reports (f, "print"), ==, 1);

  /* A bad id: a clear message, a failing status, no file. */
  g_assert_cmpint (run (&out, &err, "--db", f->path, "--as", "tuphap", "report", "person", "12-nobody",
                        "--output", pdf, "--format", "csv", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "12-nobody"));
  g_assert_cmpint (run (&out, &err, "--db", f->path, "--as", "vanthu", "report", "person", f->person_id,
                        "--output", pdf, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", f->path, "--as", "tuphap", "report", "person", f->person_id, NULL),
                   ==, 2);
  g_assert_cmpint (run (&out, &err, "--db", f->path, "--as", "tuphap", "report", "person", f->person_id,
                        "--output", pdf, "--format", "doc", NULL), ==, 2);
  assert_only_file (dir, "cli.pdf");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) \
  g_test_add ("/person-data/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("report/lists-record-household-events-dossiers-and-accesses", test_lists_everything);
  ADD ("report/finds-the-person-by-id-number", test_found_by_id_number);
  ADD ("report/refuses-other-roles-and-unknown-persons", test_refusals);
  ADD ("pdf/holds-the-sections-and-is-logged", test_pdf);
  ADD ("csv/has-a-bom-and-is-logged", test_csv);
  ADD ("write/failure-leaves-no-file-and-no-log", test_failure_leaves_nothing);
  ADD ("cli/report-person", test_cli);
#undef ADD
  return g_test_run ();
}
