/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <json-glib/json-glib.h>

#include "xaso-dossier-forms-private.h"
#include "xaso-print-layout.h"

/* What the forms of one dossier have in common: its title block, the
 * addressee, the way times and lists are written. */

XasoDossierEvent *
xaso_form_event (XasoFormData *data,
                 guint         index)
{
  return g_ptr_array_index (data->events, index);
}

const char *
xaso_form_get (XasoFormData *data,
               int           field)
{
  return xaso_dossier_get (data->dossier, (XasoDossierField)field);
}

char *
xaso_form_time_words (const char *iso)
{
  g_autoptr(GDateTime) time = iso != NULL ? xaso_dossier_parse_time (iso) : NULL;

  return time != NULL ? xaso_print_time_words (time) : g_strdup ("");
}

char *
xaso_form_agency (XasoFormData *data)
{
  return xaso_print_agency_words (data->commune->agency_name);
}

const char *
xaso_form_stage (XasoFormData *data,
                 guint         index)
{
  guint step = 0;

  for (guint i = 0; data->state.spans != NULL && i < data->state.spans->len; i++)
    {
      XasoDossierSpan *span = &g_array_index (data->state.spans, XasoDossierSpan, i);

      if (span->event <= index)
        step = span->step;
    }
  return step < data->procedure->n_steps ? data->procedure->steps[step].name : "";
}

void
xaso_form_title (XasoPrintForm *form,
                 const char    *title,
                 XasoFormData  *data)
{
  g_autofree char *code = g_markup_printf_escaped ("Mã hồ sơ: <b>%s</b>", xaso_form_get (data, XASO_DOSSIER_CODE));
  g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", title);

  xaso_print_form_paragraph (form, "14", XASO_PRINT_CENTER, bold);
  xaso_print_form_paragraph (form, "13", XASO_PRINT_CENTER, code);
  xaso_print_form_space (form, 4 * XASO_PRINT_MM);
}

void
xaso_form_field (XasoPrintForm *form,
                 const char    *label,
                 const char    *value)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s:</b> %s", label, value != NULL ? value : "");

  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, markup);
}

void
xaso_form_addressee (XasoPrintForm *form,
                     XasoFormData  *data)
{
  g_autofree char *agency = xaso_form_agency (data);
  g_autofree char *received = xaso_form_time_words (xaso_form_get (data, XASO_DOSSIER_RECEIVED_AT));
  g_autofree char *to = g_markup_printf_escaped ("<b>Kính gửi:</b> Ông/Bà %s",
                                                 xaso_form_get (data, XASO_DOSSIER_APPLICANT_NAME));
  g_autofree char *text = g_markup_printf_escaped ("Lúc %s, %s đã tiếp nhận hồ sơ thủ tục <b>%s</b> (mã thủ tục "
                                                   "%s) của Ông/Bà.", received, agency, data->procedure->name,
                                                   data->procedure->code ? data->procedure->code : "—");

  xaso_print_form_paragraph (form, "12", XASO_PRINT_CENTER, to);
  xaso_print_form_space (form, 2 * XASO_PRINT_MM);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_JUSTIFY, text);
}

/* The papers handed in: the dossier keeps their indices in the
 * procedure's list. */
GPtrArray *
xaso_form_received_papers (XasoFormData *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *papers = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  const char *json = xaso_form_get (data, XASO_DOSSIER_PAPERS);
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return papers;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 index = json_array_get_int_element (array, i);

      if (index >= 0 && data->procedure->papers != NULL && index < g_strv_length (data->procedure->papers))
        g_ptr_array_add (papers, data->procedure->papers[index]);
    }
  return papers;
}

void
xaso_form_list (XasoPrintForm      *form,
                const char * const *items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *line = g_markup_printf_escaped ("    %u. %s", i + 1, items[i]);

      xaso_print_form_paragraph (form, "12", XASO_PRINT_LEFT, line);
    }
}
