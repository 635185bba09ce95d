/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include "xaso-dossier-forms-private.h"
#include "xaso-print-layout.h"

/* Mẫu 06, the control slip that travels with the dossier: one row per
 * hand-over, with whether the step kept the time the procedure gives it,
 * from the fold's spans. */

#define MM XASO_PRINT_MM

static const XasoPrintColumn columns[] = {
  { "Bước giải quyết", 24, FALSE }, { "Thời gian giao, nhận hồ sơ", 20, TRUE }, { "Người giao", 15, TRUE },
  { "Người nhận", 15, TRUE }, { "Kết quả (Trước hạn/ đúng hạn/ quá hạn)", 13, TRUE }, { "Ghi chú", 13, FALSE },
};

static const char *
result_words (XasoTimeliness timeliness)
{
  switch (timeliness)
    {
    case XASO_TIMELINESS_EARLY:
      return "Trước hạn";
    case XASO_TIMELINESS_ON_TIME:
      return "Đúng hạn";
    case XASO_TIMELINESS_LATE:
      return "Quá hạn";
    case XASO_TIMELINESS_NONE:
    default:
      return NULL;
    }
}

/* How a step went: while it runs, nothing yet; a step the procedure gives
 * no time to is not judged. */
static const char *
span_result (XasoDossierSpan *span)
{
  if (span->end == NULL)
    return "Đang giải quyết";
  if (span->due == NULL)
    return NULL;
  return result_words (xaso_dossier_classify (span->end, span->due));
}

/* A supplement request during the step, which paused its clock. */
static const char *
span_note (XasoFormData    *data,
           XasoDossierSpan *span)
{
  for (guint i = 0; i < data->state.pauses->len; i++)
    {
      XasoPause *pause = &g_array_index (data->state.pauses, XasoPause, i);

      if (g_date_time_compare (pause->start, span->start) >= 0 &&
          (span->end == NULL || g_date_time_compare (pause->start, span->end) < 0))
        return "Tạm dừng chờ bổ sung hồ sơ";
    }
  return NULL;
}

static void
span_row (XasoPrintTable  *table,
          XasoFormData    *data,
          XasoDossierSpan *span)
{
  XasoDossierEvent *e = xaso_form_event (data, span->event);
  gboolean reception = g_strcmp0 (e->kind, "received") == 0;
  g_autofree char *at = xaso_form_time_words (e->at);
  const char *cells[] = {
    span->step < data->procedure->n_steps ? data->procedure->steps[span->step].name : e->kind, at,
    reception ? xaso_form_get (data, XASO_DOSSIER_APPLICANT_NAME) : e->actor, reception ? e->actor : e->to_user,
    span_result (span), span_note (data, span),
  };

  xaso_print_table_row (table, cells);
}

/* The result handed back: the last hand-over, judged on the dossier's
 * legal deadline. */
static void
return_row (XasoPrintTable *table,
            XasoFormData   *data)
{
  XasoDossierEvent *e = NULL;
  g_autofree char *at = NULL;

  for (guint i = 0; i < data->events->len; i++)
    if (g_strcmp0 (xaso_form_event (data, i)->kind, "returned") == 0)
      e = xaso_form_event (data, i);
  if (e == NULL)
    return;
  at = xaso_form_time_words (e->at);
  {
    const char *cells[] = {
      "Trả kết quả cho người nộp hồ sơ", at, e->actor, xaso_form_get (data, XASO_DOSSIER_COLLECTED_BY),
      result_words (data->state.timeliness), NULL,
    };

    xaso_print_table_row (table, cells);
  }
}

static void
print_summary (XasoPrintForm *form,
               XasoFormData  *data)
{
  g_autoptr(GPtrArray) papers = xaso_form_received_papers (data);
  g_autofree char *due = xaso_form_time_words (xaso_form_get (data, XASO_DOSSIER_DUE_AT));
  g_autofree char *with = g_markup_printf_escaped ("Kèm theo hồ sơ của: <b>%s</b>",
                                                   xaso_form_get (data, XASO_DOSSIER_APPLICANT_NAME));
  g_autofree char *procedure = g_strdup_printf ("%s (mã thủ tục %s)", data->procedure->name,
                                                data->procedure->code ? data->procedure->code : "—");

  xaso_form_title (form, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", data);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_LEFT, with);
  xaso_form_field (form, "Thủ tục", procedure);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_LEFT, "<b>Hồ sơ gồm:</b>");
  xaso_form_list (form, (const char * const *)papers->pdata);
  xaso_form_field (form, "Ngày hẹn trả kết quả", due);
  xaso_print_form_space (form, 3 * MM);
}

void
xaso_form_print_control (XasoPrintForm *form,
                         XasoFormData  *data)
{
  g_autoptr(XasoPrintTable) table = NULL;

  print_summary (form, data);
  table = xaso_print_form_table (form);
  xaso_print_table_begin (table, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < data->state.spans->len; i++)
    span_row (table, data, &g_array_index (data->state.spans, XasoDossierSpan, i));
  return_row (table, data);
  xaso_print_form_end_table (form, table);
}
