/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xaso-audit.h"
#include "xaso-commune.h"
#include "xaso-dossier-forms-private.h"
#include "xaso-dossier-guidance.h"
#include "xaso-print-layout.h"

/* Mẫu 02 at the counter: the papers are checked before the dossier is
 * taken in, so the form has no dossier code; it names the procedure, the
 * papers shown and every paper still to bring. */

#define MM XASO_PRINT_MM

static void
print_title (XasoPrintForm *form)
{
  const char *name = xaso_dossier_form_title (XASO_DOSSIER_FORM_SUPPLEMENT);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", name);

  xaso_print_form_paragraph (form, "14", XASO_PRINT_CENTER, title);
  xaso_print_form_paragraph (form, "Italic 12", XASO_PRINT_CENTER,
                             "(Hướng dẫn tại Bộ phận Một cửa: hồ sơ chưa được tiếp nhận)");
  xaso_print_form_space (form, 4 * MM);
}

static void
print_intro (XasoPrintForm        *form,
             XasoCommune          *commune,
             const XasoReception  *reception,
             XasoPaperCheck       *check)
{
  g_autofree char *agency = xaso_print_agency_words (commune->agency_name);
  g_autofree char *when = xaso_print_time_words (check->at);
  g_autofree char *to = g_markup_printf_escaped ("<b>Kính gửi:</b> Ông/Bà %s", reception->applicant_name);
  g_autofree char *text = g_markup_printf_escaped (
    "Lúc %s, Bộ phận Một cửa, %s đã kiểm tra hồ sơ đề nghị giải quyết thủ tục <b>%s</b> (mã thủ tục %s) "
    "của Ông/Bà. Hồ sơ chưa đủ thành phần theo quy định nên <b>chưa được tiếp nhận</b>.",
    when, agency, check->procedure->name, check->procedure->code ? check->procedure->code : "—");

  xaso_print_form_paragraph (form, "12", XASO_PRINT_CENTER, to);
  xaso_print_form_space (form, 2 * MM);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, text);
  if (reception->applicant_id_number != NULL && *reception->applicant_id_number != '\0')
    xaso_form_field (form, "Số định danh cá nhân", reception->applicant_id_number);
}

static void
print_papers (XasoPrintForm  *form,
              XasoPaperCheck *check)
{
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY,
                             "<b>1. Ông/Bà cần bổ sung, hoàn thiện một lần các giấy tờ sau:</b>");
  xaso_form_list (form, (const char * const *)check->missing);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, "<b>2. Giấy tờ Ông/Bà đã xuất trình:</b>");
  if (check->handed_in[0] != NULL)
    xaso_form_list (form, (const char * const *)check->handed_in);
  else
    xaso_print_form_paragraph (form, "12", XASO_PRINT_LEFT, "    Chưa có.");
}

static gboolean
write_guidance (XasoCommune          *commune,
                XasoUser             *actor,
                const XasoReception  *reception,
                XasoPaperCheck       *check,
                const char           *output,
                GError              **error)
{
  g_autoptr(XasoPrintForm) form = xaso_print_form_new (output, error);
  g_autofree char *date_line = NULL;
  const char *name = xaso_user_get (actor, XASO_USER_FULL_NAME);

  if (form == NULL)
    return FALSE;
  date_line = xaso_print_date_line (commune->name, check->at);
  xaso_print_form_header (form, commune->name, NULL, date_line);
  print_title (form);
  print_intro (form, commune, reception, check);
  print_papers (form, check);
  xaso_form_field (form, "3. Lý do, căn cứ pháp lý",
                   "Thành phần hồ sơ theo thủ tục hành chính đã được công bố; hồ sơ chưa đầy đủ theo quy định.");
  xaso_form_field (form, "4. Giai đoạn yêu cầu", "Tiếp nhận hồ sơ");
  xaso_print_form_paragraph (form, "Italic 12", XASO_PRINT_JUSTIFY,
                             "Khi bổ sung đủ giấy tờ, Ông/Bà nộp lại hồ sơ tại Bộ phận Một cửa để được tiếp nhận "
                             "và hẹn trả kết quả. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà "
                             "liên hệ Bộ phận Một cửa để được hướng dẫn.");
  xaso_print_form_signatures (form, "NGƯỜI NỘP HỒ SƠ", reception->applicant_name, "NGƯỜI HƯỚNG DẪN",
                              name != NULL && *name != '\0' ? name : xaso_user_get (actor, XASO_USER_USERNAME));
  return xaso_print_form_finish (form, error);
}

typedef struct
{
  XasoUser       *actor;
  XasoPaperCheck *check;
} Printed;

static gboolean
note_print (XasoDatabase  *db,
            gpointer       data,
            GError       **error)
{
  Printed *p = data;

  return xaso_audit_append (db, xaso_user_get (p->actor, XASO_USER_USERNAME), XASO_AUDIT_PRINT, "procedure",
                            p->check->procedure->id, NULL, "form 02 at reception", error);
}

gboolean
xaso_dossier_guidance_print (XasoDatabase         *db,
                             XasoUser             *actor,
                             const XasoReception  *reception,
                             const char           *output,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_auto(XasoPaperCheck) check = { 0 };
  g_autoptr(XasoCommune) commune = NULL;
  Printed printed = { actor, &check };

  if (!xaso_user_check_right (actor, XASO_RIGHT_RECEIVE_DOSSIER, error) ||
      !xaso_dossier_check_papers (db, reception, &check, error) ||
      (commune = xaso_commune_load (db, error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (check.missing[0] == NULL)
    {
      g_set_error (error, XASO_DOSSIER_FORM_ERROR, XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE,
                   _("Every required paper was handed in: receive the dossier instead of printing the guidance."));
      return FALSE;
    }
  if (!write_guidance (commune, actor, reception, &check, output, error) ||
      !xaso_database_run_atomically (db, note_print, &printed, error))
    {
      g_unlink (output);
      return FALSE;
    }
  return TRUE;
}
