/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xaso-demo.h"
#include "xaso-dossier-book.h"
#include "xaso-dossier-flow.h"
#include "xaso-dossier-forms.h"
#include "xaso-dossier-guidance.h"
#include "xaso-test-util.h"

/* The one-stop forms (Mẫu 01–07 of Circular 03/2025) of dossiers moved
 * through core, read back by programs we did not write: pdftotext for the
 * words, zbarimg for the QR code. */

typedef struct
{
  char         *dir;
  XasoDatabase *db;
  char         *done;      /* received, supplemented, approved and returned */
  char         *late;      /* a step late, an apology, then stopped */
  char         *refused;
} Commune;

static Commune commune;

static XasoUser *
user (const char *username)
{
  XasoUser *u = xaso_user_find (commune.db, username, NULL);

  g_assert_nonnull (u);
  return u;
}

/* The demo names its staff at random: forms are checked against them. */
static const char *
full_name (const char *username)
{
  g_autoptr(XasoUser) u = user (username);

  return g_intern_string (xaso_user_get (u, XASO_USER_FULL_NAME));
}

static char *
receive (const char *name,
         const char *at)
{
  g_autoptr(XasoUser) desk = user ("motcua1");
  g_autoptr(GError) error = NULL;
  XasoReception r = { .procedure_code = "1.004837", .applicant_name = name,
                      .applicant_id_number = "001190012345", .applicant_phone = "0912345678",
                      .applicant_address = "Thôn Đông, xã Tân Lập", .at = at, .all_papers = TRUE };
  char *id = xaso_dossier_receive (commune.db, desk, &r, &error);

  g_assert_no_error (error);
  return id;
}

static void
act (const char              *username,
     const char              *id,
     const XasoDossierAction *action)
{
  g_autoptr(XasoUser) actor = user (username);
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_dossier_act (commune.db, actor, id, action, &error));
  g_assert_no_error (error);
}

static void
move_done_dossier (void)
{
  static const char * const papers[] = { "Bản sao giấy khai sinh của người được giám hộ",
                                         "Giấy xác nhận tình trạng hôn nhân", NULL };

  commune.done = receive ("Trần Thị Bình", "2026-12-04 10:00");
  act ("motcua1", commune.done, &(XasoDossierAction) { "assigned", "2026-12-04 10:30", "tuphap" });
  act ("tuphap", commune.done, &(XasoDossierAction) { "supplement_requested", "2026-12-04 14:00",
                                                      .note = "Khoản 3 Điều 9 Luật Hộ tịch", .papers = papers });
  act ("motcua1", commune.done, &(XasoDossierAction) { "supplement_received", "2026-12-07 09:00" });
  act ("tuphap", commune.done, &(XasoDossierAction) { "forwarded", "2026-12-08 09:00", "chutich" });
  act ("chutich", commune.done, &(XasoDossierAction) { "approved", "2026-12-08 15:00" });
  act ("motcua1", commune.done, &(XasoDossierAction) { "returned", "2026-12-09 08:00",
                                                       .collected_by = "Trần Thị Bình" });
}

static void
move_other_dossiers (void)
{
  commune.late = receive ("Lê Văn Cường", "2026-12-14 09:00");
  act ("motcua1", commune.late, &(XasoDossierAction) { "assigned", "2026-12-14 09:30", "tuphap" });
  act ("tuphap", commune.late, &(XasoDossierAction) { "forwarded", "2026-12-21 09:00", "chutich" });
  act ("chutich", commune.late, &(XasoDossierAction) { "apologized", "2026-12-21 10:00",
                                                       .note = "Cần xác minh thêm nơi cư trú",
                                                       .new_due = "2026-12-24 16:00" });
  act ("chutich", commune.late, &(XasoDossierAction) { "stopped", "2026-12-22 10:00",
                                                       .note = "Người nộp đề nghị dừng giải quyết" });
  commune.refused = receive ("Phạm Thị Dung", "2026-12-15 08:00");
  act ("motcua1", commune.refused, &(XasoDossierAction) { "refused", "2026-12-15 08:30",
                                                          .note = "Không thuộc thẩm quyền giải quyết của xã" });
}

static void
make_demo_commune (void)
{
  g_autofree char *path = xaso_test_temp_path ("forms.db");
  g_autoptr(GError) error = NULL;

  commune.dir = g_path_get_dirname (path);
  commune.db = xaso_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (xaso_demo_generate (commune.db, XASO_DEMO_SMALL, 5, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  move_done_dossier ();
  move_other_dossiers ();
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
pdftotext (const char *pdf,
           const char *mode)
{
  const char *argv[] = { "pdftotext", mode, pdf, "-", NULL };

  return run (argv);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
print_form (const char      *id,
            XasoDossierForm  form)
{
  g_autoptr(XasoUser) desk = user ("motcua1");
  g_autofree char *name = g_strdup_printf ("form-%02d-%s.pdf", form, id);
  char *pdf = g_build_filename (commune.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_dossier_form_print (commune.db, desk, id, form, pdf, NULL, &error));
  g_assert_no_error (error);
  return pdf;
}

static const char *
code_of (const char *id)
{
  static char code[64];
  g_autoptr(XasoDossier) d = xaso_dossier_load (commune.db, id, NULL);

  g_strlcpy (code, xaso_dossier_get (d, XASO_DOSSIER_CODE), sizeof code);
  return code;
}

/* Every string of @expected, in its order, in @text with spaces and line
 * breaks dropped (a long paper's name wraps). */
static void
assert_in_order (const char         *text,
                 const char * const *expected)
{
  g_autofree char *squeezed = without_spaces (text);
  const char *at = squeezed;

  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *want = without_spaces (expected[i]);
      const char *found = strstr (at, want);

      if (found == NULL)
        g_error ("“%s” missing or out of order in:\n%s", expected[i], text);
      at = found + strlen (want);
    }
}

static void
test_receipt (void)
{
  g_autofree char *id = receive ("Đỗ Minh Em", "2026-12-10 10:00");
  g_autofree char *pdf = print_form (id, XASO_DOSSIER_FORM_RECEIPT);
  g_autofree char *text = pdftotext (pdf, "-layout");
  const char * const expected[] = {
    "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ TÂN LẬP", "Độc lập - Tự do - Hạnh phúc",
    "Xã Tân Lập, ngày 10 tháng 12 năm 2026", "GIẤY TIẾP NHẬN HỒ SƠ", "VÀ HẸN TRẢ KẾT QUẢ", code_of (id),
    "Ông/Bà: Đỗ Minh Em", "Số định danh cá nhân: 001190012345", "Địa chỉ: Thôn Đông, xã Tân Lập",
    "Số điện thoại: 0912345678", "Đăng ký giám hộ (mã thủ tục 1.004837)", "1. Tờ khai đăng ký giám hộ theo mẫu",
    "2. Văn bản cử người giám hộ", "Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 10 tháng 12 năm 2026",
    "Thời gian trả kết quả: 10 giờ 00 phút, ngày 15 tháng 12 năm 2026", "Nơi nhận kết quả",
    "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN", "(Ký và ghi rõ họ tên)", "Đỗ Minh Em", full_name ("motcua1"), NULL,
  };

  assert_in_order (text, expected);
  g_assert_nonnull (strstr (text, "Lệ phí"));
  g_assert_nonnull (strstr (text, "Tra cứu hồ sơ:"));
}

/* The QR code decodes, by a reader we did not write, to the code. */
static void
test_receipt_qr (void)
{
  g_autofree char *pdf = NULL, *prefix = NULL, *png = NULL, *out = NULL;
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");

  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      return;
    }
  pdf = print_form (commune.done, XASO_DOSSIER_FORM_RECEIPT);
  prefix = g_build_filename (commune.dir, "receipt", NULL);
  png = g_strconcat (prefix, "-1.png", NULL);
  {
    const char *render[] = { "pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdf, prefix, NULL };
    const char *decode[] = { "zbarimg", "-q", "--raw", png, NULL };
    g_autofree char *ignored = run (render);

    out = run (decode);
  }
  g_assert_cmpstr (g_strstrip (out), ==, code_of (commune.done));
}

static void
test_supplement (void)
{
  g_autofree char *pdf = print_form (commune.done, XASO_DOSSIER_FORM_SUPPLEMENT);
  g_autofree char *text = pdftotext (pdf, "-layout");
  const char * const expected[] = {
    "Xã Tân Lập, ngày 04 tháng 12 năm 2026", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", code_of (commune.done),
    "Kính gửi: Ông/Bà Trần Thị Bình", "Đăng ký giám hộ", "1. Bản sao giấy khai sinh của người được giám hộ",
    "2. Giấy xác nhận tình trạng hôn nhân", "Lý do, căn cứ pháp lý: Khoản 3 Điều 9 Luật Hộ tịch",
    "Người yêu cầu:", full_name ("tuphap"), "Giai đoạn yêu cầu: Thẩm định, xử lý hồ sơ", "tạm dừng",
    "NGƯỜI YÊU CẦU BỔ SUNG", "(Ký và ghi rõ họ tên)", NULL,
  };

  assert_in_order (text, expected);
}

static void
test_refusal (void)
{
  g_autofree char *pdf = print_form (commune.refused, XASO_DOSSIER_FORM_REFUSAL);
  g_autofree char *text = pdftotext (pdf, "-layout");
  const char * const expected[] = {
    "Xã Tân Lập, ngày 15 tháng 12 năm 2026", "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
    code_of (commune.refused), "Phạm Thị Dung", "Lý do từ chối: Không thuộc thẩm quyền giải quyết của xã",
    "NGƯỜI LẬP PHIẾU", full_name ("motcua1"), NULL,
  };

  assert_in_order (text, expected);
}

static void
test_apology (void)
{
  g_autofree char *pdf = print_form (commune.late, XASO_DOSSIER_FORM_APOLOGY);
  g_autofree char *text = pdftotext (pdf, "-layout");
  const char * const expected[] = {
    "Xã Tân Lập, ngày 21 tháng 12 năm 2026", "VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    code_of (commune.late), "Lê Văn Cường", "Thời gian hẹn trả kết quả là 09 giờ 00 phút, ngày 17 tháng 12 năm 2026",
    "Lý do: Cần xác minh thêm nơi cư trú", "16 giờ 00 phút, ngày 24 tháng 12 năm 2026", "NGƯỜI LẬP VĂN BẢN",
    full_name ("chutich"), NULL,
  };

  assert_in_order (text, expected);
}

static void
test_stop (void)
{
  g_autofree char *pdf = print_form (commune.late, XASO_DOSSIER_FORM_STOP);
  g_autofree char *text = pdftotext (pdf, "-layout");
  const char * const expected[] = {
    "Xã Tân Lập, ngày 22 tháng 12 năm 2026", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", code_of (commune.late),
    "Giai đoạn giải quyết khi dừng: Lãnh đạo UBND xã xem xét, ký",
    "Lý do dừng giải quyết: Người nộp đề nghị dừng giải quyết", "NGƯỜI LẬP PHIẾU", NULL,
  };

  assert_in_order (text, expected);
}

static guint
count (const char *text,
       const char *word)
{
  guint n = 0;

  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    n++;
  return n;
}

/* One row per hand-over, each judged against its step's hours: the late
 * dossier sat a week at the officer's step, then a day at the leader's
 * (four hours given) before it was stopped. */
static void
test_control (void)
{
  g_autofree char *pdf = print_form (commune.done, XASO_DOSSIER_FORM_CONTROL);
  g_autofree char *text = pdftotext (pdf, "-layout");
  g_autofree char *late_pdf = print_form (commune.late, XASO_DOSSIER_FORM_CONTROL);
  g_autofree char *late_text = pdftotext (late_pdf, "-layout");
  const char * const expected[] = {
    "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", code_of (commune.done), "Kèm theo hồ sơ của: Trần Thị Bình",
    "1. Tờ khai đăng ký giám hộ theo mẫu", "Ngày hẹn trả kết quả", "Bước giải quyết", "Thời gian giao,",
    "Người giao", "Người nhận", "Kết quả", "Ghi chú",
    "Tiếp nhận, kiểm tra", "10 giờ 00 phút,", "Thẩm định, xử lý", "10 giờ 30 phút,", "Lãnh đạo UBND xã",
    "09 giờ 00 phút,", "Trả kết quả cho người", "08 giờ 00 phút,", NULL,
  };
  g_autofree char *squeezed = without_spaces (text);

  assert_in_order (text, expected);
  g_assert_nonnull (strstr (squeezed, "ngày04tháng12năm2026"));
  g_assert_cmpuint (count (text, "Đúng hạn"), ==, 3);
  g_assert_cmpuint (count (text, "Quá hạn"), ==, 0);
  g_assert_nonnull (strstr (text, "Tạm dừng"));
  g_assert_cmpuint (count (late_text, "Quá hạn"), ==, 2);
}

/* Mẫu 07: every dossier received in the period, in a register whose
 * headings repeat on every page after the cover. */
static void
test_book (void)
{
  static const char * const headings[] = {
    "STT", "Mã hồ sơ", "Thủ tục hành chính", "Người nộp", "Địa chỉ, số điện thoại", "Ngày nhận", "Hẹn trả",
    "Chuyển xử lý, người xử lý", "Ngày có kết quả", "Ngày trả", "Ký nhận", "Ghi chú", NULL,
  };
  g_autoptr(XasoUser) desk = user ("motcua1");
  g_autofree char *pdf = g_build_filename (commune.dir, "book.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *squeezed = NULL;
  sqlite3_stmt *stmt;
  guint n = 0, found = 0;

  g_assert_true (xaso_dossier_book_print (commune.db, desk, "2026-12-01", "2026-12-20", pdf, NULL, NULL, NULL, &n,
                                          &error));
  g_assert_no_error (error);
  text = pdftotext (pdf, "-raw");
  squeezed = without_spaces (text);
  g_assert_nonnull (strstr (text, "SỔ THEO DÕI HỒ SƠ"));
  g_assert_nonnull (strstr (text, "Từ ngày 01/12/2026 đến ngày 20/12/2026"));
  assert_in_order (strstr (text, "STT"), headings);
  stmt = xaso_database_prepare (commune.db, "SELECT code FROM dossier WHERE deleted = 0 AND status <> 1 "
                                            "AND received_at >= '2026-12-01' AND received_at < '2026-12-21'", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_nonnull (strstr (squeezed, (const char *)sqlite3_column_text (stmt, 0)));
      found++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, ==, found);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (count (text, "Mã hồ sơ"), >=, 2);
}

static void
test_not_applicable (void)
{
  g_autoptr(XasoUser) desk = user ("motcua1");
  g_autofree char *pdf = g_build_filename (commune.dir, "never.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (xaso_dossier_form_print (commune.db, desk, commune.done, XASO_DOSSIER_FORM_REFUSAL, pdf, NULL,
                                           &error));
  g_assert_error (error, XASO_DOSSIER_FORM_ERROR, XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (xaso_dossier_form_print (commune.db, desk, commune.refused, XASO_DOSSIER_FORM_APOLOGY, pdf, NULL,
                                           &error));
  g_assert_error (error, XASO_DOSSIER_FORM_ERROR, XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE);
  g_clear_error (&error);
  g_assert_false (xaso_dossier_form_print (commune.db, desk, commune.done, XASO_DOSSIER_FORM_STOP, pdf, NULL,
                                           &error));
  g_assert_error (error, XASO_DOSSIER_FORM_ERROR, XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE);
}

/* Papers missing at the counter: the guidance (Mẫu 02 at reception)
 * names every paper still to bring and those shown, and no dossier is
 * made; with every paper there, it is refused. */
static void
test_guidance (void)
{
  g_autoptr(XasoUser) desk = user ("motcua1");
  g_autofree char *pdf = g_build_filename (commune.dir, "guidance.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const guint shown[] = { 0 };
  XasoReception r = { .procedure_code = "1.004837", .applicant_name = "Phan Văn Thiếu",
                      .applicant_id_number = "001190012345", .at = "2026-12-10 14:20", .papers = shown,
                      .n_papers = 1 };
  const char *dossiers = "SELECT count(*) FROM dossier";
  const char *audits = "SELECT count(*) FROM audit_event WHERE action = 'print' AND object_table = 'procedure' "
                       "AND detail = 'form 02 at reception'";
  gint64 n_dossiers = xaso_test_count (commune.db, dossiers);
  const char * const expected[] = {
    "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "Xã Tân Lập, ngày 10 tháng 12 năm 2026",
    "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "hồ sơ chưa được tiếp nhận", "Kính gửi: Ông/Bà Phan Văn Thiếu",
    "14 giờ 20 phút, ngày 10 tháng 12 năm 2026", "Đăng ký giám hộ (mã thủ tục 1.004837)",
    "chưa được tiếp nhận", "Số định danh cá nhân: 001190012345", "bổ sung, hoàn thiện một lần",
    "1. Văn bản cử người giám hộ", "Giấy tờ Ông/Bà đã xuất trình", "1. Tờ khai đăng ký giám hộ theo mẫu",
    "Giai đoạn yêu cầu: Tiếp nhận hồ sơ", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI HƯỚNG DẪN", "Phan Văn Thiếu",
    full_name ("motcua1"), NULL,
  };

  g_assert_true (xaso_dossier_guidance_print (commune.db, desk, &r, pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdftotext (pdf, "-layout");
  assert_in_order (text, expected);
  g_assert_null (strstr (text, "Mã hồ sơ"));
  g_assert_cmpint (xaso_test_count (commune.db, dossiers), ==, n_dossiers);
  g_assert_cmpint (xaso_test_count (commune.db, audits), ==, 1);

  /* Every paper there: receive the dossier, not the guidance. */
  g_unlink (pdf);
  r.papers = NULL;
  r.n_papers = 0;
  r.all_papers = TRUE;
  g_assert_false (xaso_dossier_guidance_print (commune.db, desk, &r, pdf, NULL, &error));
  g_assert_error (error, XASO_DOSSIER_FORM_ERROR, XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A form printed is an audited access and a "printed" event of the
 * dossier; the register is audited too. */
static void
test_audited (void)
{
  g_autofree char *events_sql = g_strdup_printf ("SELECT count(*) FROM dossier_event WHERE kind = 'printed' "
                                                 "AND dossier_id = '%s'", commune.done);
  const char *audit_sql = "SELECT count(*) FROM audit_event WHERE action = 'print' AND object_table = 'dossier'";
  gint64 events = xaso_test_count (commune.db, events_sql), audits = xaso_test_count (commune.db, audit_sql);
  g_autofree char *pdf = print_form (commune.done, XASO_DOSSIER_FORM_CONTROL);
  g_autoptr(XasoUser) desk = user ("motcua1");
  g_autofree char *book = g_build_filename (commune.dir, "book-audit.pdf", NULL);

  g_assert_cmpint (xaso_test_count (commune.db, events_sql), ==, events + 1);
  g_assert_cmpint (xaso_test_count (commune.db, audit_sql), ==, audits + 1);
  g_assert_true (xaso_dossier_book_print (commune.db, desk, "2026-12-01", "2026-12-02", book, NULL, NULL, NULL,
                                          NULL, NULL));
  g_assert_cmpint (xaso_test_count (commune.db, audit_sql), ==, audits + 2);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_demo_commune ();
  g_test_add_func ("/dossier-forms/receipt", test_receipt);
  g_test_add_func ("/dossier-forms/receipt-qr", test_receipt_qr);
  g_test_add_func ("/dossier-forms/supplement", test_supplement);
  g_test_add_func ("/dossier-forms/refusal", test_refusal);
  g_test_add_func ("/dossier-forms/apology", test_apology);
  g_test_add_func ("/dossier-forms/stop", test_stop);
  g_test_add_func ("/dossier-forms/control", test_control);
  g_test_add_func ("/dossier-forms/book", test_book);
  g_test_add_func ("/dossier-forms/not-applicable", test_not_applicable);
  g_test_add_func ("/dossier-forms/guidance", test_guidance);
  g_test_add_func ("/dossier-forms/audited", test_audited);
  status = g_test_run ();
  g_clear_object (&commune.db);
  g_free (commune.done);
  g_free (commune.late);
  g_free (commune.refused);
  g_free (commune.dir);
  return status;
}
