/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include "xaso-dossier-fee.h"
#include "xaso-dossier-forms-private.h"
#include "xaso-print-layout.h"
#include "xaso-print-qr.h"

/* Mẫu 01, the receipt and appointment slip the counter hands the
 * applicant, with a QR code of the dossier's code to look it up. */

#define MM XASO_PRINT_MM
#define QR_ROOM (44 * MM)      /* the QR code and its caption, at the right of the title */
#define QR_SIZE (32 * MM)      /* quiet zone included: the code itself is over 2.5 cm */

static void
print_qr (XasoPrintForm *form,
          const char    *code)
{
  double x = xaso_print_form_reserve_right (form, QR_ROOM, QR_SIZE + 10 * MM);
  double y = xaso_print_form_get_y (form);
  g_autofree char *caption = g_markup_printf_escaped ("Tra cứu hồ sơ:\n%s", code);

  xaso_print_qr (xaso_print_form_get_cairo (form), code, x + (QR_ROOM - QR_SIZE) / 2, y, QR_SIZE);
  xaso_print_form_show_at (form, "7", XASO_PRINT_CENTER, caption, x, y + QR_SIZE, QR_ROOM);
}

static char *
limit_words (XasoFormData *data)
{
  XasoProcedure *p = data->procedure;
  double limit = g_strcmp0 (xaso_form_get (data, XASO_DOSSIER_CHANNEL), "online") == 0 ? p->limit_online
                                                                                       : p->limit_direct;

  switch (p->time_unit)
    {
    case XASO_TIME_WORKING_DAYS:
      return g_strdup_printf ("%g ngày làm việc", limit);
    case XASO_TIME_WORKING_HOURS:
      return g_strdup_printf ("%g giờ làm việc", limit);
    case XASO_TIME_SAME_DAY_15H:
    default:
      return g_strdup ("Trong ngày (nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo)");
    }
}

/* The fee, and why none is due: the law's words, not the interface's. */
static char *
fee_words (XasoFormData *data)
{
  static const char * const exempt[] = { NULL, "gia đình người có công với cách mạng", "hộ nghèo",
                                         "người khuyết tật" };
  const char *amount = xaso_form_get (data, XASO_DOSSIER_FEE_AMOUNT);
  gint64 fee = amount != NULL ? g_ascii_strtoll (amount, NULL, 10) : 0;
  g_autofree char *money = xaso_format_money (fee);
  XasoExemption exemption = XASO_EXEMPTION_NONE;

  xaso_exemption_from_string (xaso_form_get (data, XASO_DOSSIER_FEE_EXEMPTION), &exemption);
  if (exemption != XASO_EXEMPTION_NONE && fee == 0)
    return g_strdup_printf ("Miễn lệ phí (%s, theo Điều 11 Luật Hộ tịch)", exempt[exemption]);
  if (data->procedure->fee_by_province && fee == 0)
    return g_strdup ("Theo mức do Hội đồng nhân dân tỉnh quy định");
  if (fee == 0)
    return g_strdup (data->procedure->fee_note ? data->procedure->fee_note : "Không thu");
  return g_strdup_printf ("%s%s%s", money, data->procedure->fee_note ? ". " : "",
                          data->procedure->fee_note ? data->procedure->fee_note : "");
}

/* "Trung tâm Phục vụ hành chính công xã Tân Lập": the commune's name
 * inside a sentence starts in lower case. */
static char *
where_words (XasoFormData *data)
{
  const char *name = data->commune->name;
  const char *rest = g_utf8_next_char (name);
  g_autofree char *first = g_utf8_strdown (name, rest - name);

  return g_strdup_printf ("Bộ phận Một cửa, Trung tâm Phục vụ hành chính công %s%s", first, rest);
}

static void
print_title (XasoPrintForm *form,
             XasoFormData  *data)
{
  const char *code = xaso_form_get (data, XASO_DOSSIER_CODE);
  g_autofree char *code_line = g_markup_printf_escaped ("Mã hồ sơ:\n<b>%s</b>", code);

  print_qr (form, code);
  xaso_print_form_space (form, 3 * MM);
  xaso_print_form_paragraph (form, "Bold 14", XASO_PRINT_CENTER, "GIẤY TIẾP NHẬN HỒ SƠ\nVÀ HẸN TRẢ KẾT QUẢ");
  xaso_print_form_space (form, 2 * MM);
  xaso_print_form_paragraph (form, "16", XASO_PRINT_CENTER, code_line);
  xaso_print_form_space (form, 14 * MM);
}

static void
print_applicant (XasoPrintForm *form,
                 XasoFormData  *data)
{
  g_autofree char *agency = xaso_form_agency (data);
  g_autofree char *intro = g_markup_printf_escaped ("Bộ phận Một cửa, %s tiếp nhận hồ sơ của:", agency);
  g_autofree char *procedure = g_strdup_printf ("%s (mã thủ tục %s)", data->procedure->name,
                                                data->procedure->code ? data->procedure->code : "—");

  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, intro);
  xaso_form_field (form, "Ông/Bà", xaso_form_get (data, XASO_DOSSIER_APPLICANT_NAME));
  xaso_form_field (form, "Số định danh cá nhân", xaso_form_get (data, XASO_DOSSIER_APPLICANT_ID_NUMBER));
  xaso_form_field (form, "Địa chỉ", xaso_form_get (data, XASO_DOSSIER_APPLICANT_ADDRESS));
  xaso_form_field (form, "Số điện thoại", xaso_form_get (data, XASO_DOSSIER_APPLICANT_PHONE));
  xaso_form_field (form, "Nội dung yêu cầu giải quyết", procedure);
}

void
xaso_form_print_receipt (XasoPrintForm *form,
                         XasoFormData  *data,
                         guint          event)
{
  g_autoptr(GPtrArray) papers = xaso_form_received_papers (data);
  g_autofree char *limit = limit_words (data), *fee = fee_words (data);
  g_autofree char *received = xaso_form_time_words (xaso_form_get (data, XASO_DOSSIER_RECEIVED_AT));
  g_autofree char *due = xaso_form_time_words (xaso_form_get (data, XASO_DOSSIER_DUE_AT));
  g_autofree char *where = where_words (data);

  print_title (form, data);
  print_applicant (form, data);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_LEFT, "<b>1. Thành phần hồ sơ nộp gồm:</b>");
  xaso_form_list (form, (const char * const *)papers->pdata);
  xaso_form_field (form, "2. Số lượng hồ sơ", "01 (bộ)");
  xaso_form_field (form, "3. Thời gian giải quyết hồ sơ theo quy định", limit);
  xaso_form_field (form, "4. Lệ phí", fee);
  xaso_form_field (form, "5. Thời gian nhận hồ sơ", received);
  xaso_form_field (form, "6. Thời gian trả kết quả", due);
  xaso_form_field (form, "7. Nơi nhận kết quả", where);
  xaso_print_form_signatures (form, "NGƯỜI NỘP HỒ SƠ", xaso_form_get (data, XASO_DOSSIER_APPLICANT_NAME),
                              "NGƯỜI TIẾP NHẬN", xaso_form_event (data, event)->actor);
}
