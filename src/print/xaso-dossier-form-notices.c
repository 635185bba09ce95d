/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <json-glib/json-glib.h>

#include "xaso-dossier-forms-private.h"
#include "xaso-print-layout.h"

/* Mẫu 02 to 05: what the office tells the applicant in writing when a
 * dossier does not go straight through — papers to add (all of them at
 * once), a refusal, an apology with a new date, a stop. Each reports one
 * event of the history, with its reason. */

#define MM XASO_PRINT_MM

/* A string member of the event's data: "new_due". */
static char *
data_string (XasoDossierEvent *e,
             const char       *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (e->data == NULL || !json_parser_load_from_data (parser, e->data, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member_with_default (object, member, NULL));
}

/* The papers a supplement request names, from its data. */
static GStrv
requested_papers (XasoDossierEvent *e)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) papers = g_strv_builder_new ();
  JsonObject *object;
  JsonArray *array;

  if (e->data != NULL && json_parser_load_from_data (parser, e->data, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) &&
      (object = json_node_get_object (json_parser_get_root (parser))) != NULL &&
      json_object_has_member (object, "papers") &&
      (array = json_object_get_array_member (object, "papers")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      g_strv_builder_add (papers, json_array_get_string_element (array, i));
  return g_strv_builder_end (papers);
}

static void
reason (XasoPrintForm    *form,
        const char       *label,
        XasoDossierEvent *e)
{
  xaso_form_field (form, label, e->note != NULL && *e->note ? e->note : "Không ghi lý do.");
}

void
xaso_form_print_supplement (XasoPrintForm *form,
                            XasoFormData  *data,
                            guint          event)
{
  XasoDossierEvent *e = xaso_form_event (data, event);
  g_auto(GStrv) papers = requested_papers (e);
  g_autofree char *at = xaso_form_time_words (e->at);
  g_autofree char *pause = g_strdup_printf ("Thời hạn giải quyết hồ sơ tạm dừng từ %s cho đến khi nhận đủ hồ sơ "
                                            "bổ sung; thời gian đã giải quyết trước đó vẫn được tính.", at);

  xaso_form_title (form, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", data);
  xaso_form_addressee (form, data);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY,
                             "Sau khi xem xét, hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện <b>một lần</b> "
                             "với đầy đủ các nội dung sau:");
  xaso_form_list (form, (const char * const *)papers);
  reason (form, "Lý do, căn cứ pháp lý", e);
  xaso_form_field (form, "Người yêu cầu", e->actor);
  xaso_form_field (form, "Giai đoạn yêu cầu", xaso_form_stage (data, event));
  xaso_print_form_paragraph (form, "Italic 12", XASO_PRINT_JUSTIFY, pause);
  xaso_print_form_signatures (form, "NGƯỜI NỘP HỒ SƠ", xaso_form_get (data, XASO_DOSSIER_APPLICANT_NAME),
                              "NGƯỜI YÊU CẦU BỔ SUNG", e->actor);
}

void
xaso_form_print_refusal (XasoPrintForm *form,
                         XasoFormData  *data,
                         guint          event)
{
  XasoDossierEvent *e = xaso_form_event (data, event);
  g_autofree char *agency = xaso_form_agency (data);
  g_autofree char *text = g_markup_printf_escaped ("Qua xem xét, %s không thể tiếp nhận, giải quyết hồ sơ này "
                                                   "vì lý do sau:", agency);

  xaso_form_title (form, "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", data);
  xaso_form_addressee (form, data);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, text);
  reason (form, "Lý do từ chối", e);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, "Xin thông báo để Ông/Bà được biết và thực hiện.");
  xaso_print_form_signatures (form, "NGƯỜI NỘP HỒ SƠ", xaso_form_get (data, XASO_DOSSIER_APPLICANT_NAME),
                              "NGƯỜI LẬP PHIẾU", e->actor);
}

/* The appointment the apology moves: the previous apology's new date, or
 * the one given on the receipt. */
static char *
previous_due (XasoFormData *data,
              guint         event)
{
  for (guint i = event; i > 0; i--)
    {
      XasoDossierEvent *e = xaso_form_event (data, i - 1);

      if (g_strcmp0 (e->kind, "apologized") == 0)
        {
          g_autofree char *due = data_string (e, "new_due");

          if (due != NULL)
            return xaso_form_time_words (due);
        }
    }
  return xaso_form_time_words (xaso_form_get (data, XASO_DOSSIER_LEGAL_DUE_AT));
}

void
xaso_form_print_apology (XasoPrintForm *form,
                         XasoFormData  *data,
                         guint          event)
{
  XasoDossierEvent *e = xaso_form_event (data, event);
  g_autofree char *agency = xaso_form_agency (data), *before = previous_due (data, event);
  g_autofree char *new_due = data_string (e, "new_due");
  g_autofree char *after = xaso_form_time_words (new_due);
  g_autofree char *late = g_markup_printf_escaped ("Thời gian hẹn trả kết quả là <b>%s</b>. Tuy nhiên, đến nay %s "
                                                   "chưa trả được kết quả giải quyết hồ sơ của Ông/Bà.", before,
                                                   agency);
  g_autofree char *sorry = g_markup_printf_escaped ("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. %s xin lỗi Ông/Bà "
                                                    "và hẹn lại thời gian trả kết quả vào <b>%s</b>.", agency,
                                                    after);

  xaso_form_title (form, "VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", data);
  xaso_form_addressee (form, data);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, late);
  reason (form, "Lý do", e);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, sorry);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, "Rất mong nhận được sự thông cảm của Ông/Bà.");
  xaso_print_form_signatures (form, NULL, NULL, "NGƯỜI LẬP VĂN BẢN", e->actor);
}

void
xaso_form_print_stop (XasoPrintForm *form,
                      XasoFormData  *data,
                      guint          event)
{
  XasoDossierEvent *e = xaso_form_event (data, event);
  g_autofree char *agency = xaso_form_agency (data);
  g_autofree char *at = xaso_form_time_words (e->at);
  g_autofree char *text = g_markup_printf_escaped ("%s thông báo dừng giải quyết hồ sơ của Ông/Bà kể từ %s.", agency,
                                                   at);

  xaso_form_title (form, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", data);
  xaso_form_addressee (form, data);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, text);
  xaso_form_field (form, "Giai đoạn giải quyết khi dừng", xaso_form_stage (data, event));
  reason (form, "Lý do dừng giải quyết", e);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, "Xin thông báo để Ông/Bà được biết.");
  xaso_print_form_signatures (form, NULL, NULL, "NGƯỜI LẬP PHIẾU", e->actor);
}
