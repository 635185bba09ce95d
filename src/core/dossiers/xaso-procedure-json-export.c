/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "xaso-procedure-catalogue.h"
#include "xaso-procedure-json.h"

#define NOTE_STATE "procedure-catalogue-note"

/* The catalogue written back in the seed's own format: whole numbers stay
 * whole ("direct": 3, not 3.0) so a file exported and edited by hand reads
 * like the one shipped. */
static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

static void
add_text (JsonBuilder *b,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_limit_and_fee (JsonBuilder   *b,
                   XasoProcedure *p)
{
  json_builder_set_member_name (b, "time_limit");
  json_builder_begin_object (b);
  add_text (b, "unit", xaso_time_unit_to_string (p->time_unit));
  add_number (b, "direct", p->limit_direct);
  add_number (b, "online", p->limit_online);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "fee");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "amount");
  if (p->fee_by_province)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, p->fee_amount);
  add_text (b, "note", p->fee_note);
  json_builder_end_object (b);
}

static void
add_procedure (JsonBuilder   *b,
               XasoProcedure *p)
{
  json_builder_begin_object (b);
  add_text (b, "code", p->code);
  add_text (b, "name", p->name);
  add_text (b, "field", p->field);
  add_limit_and_fee (b, p);
  json_builder_set_member_name (b, "papers");
  json_builder_begin_array (b);
  for (guint i = 0; p->papers != NULL && p->papers[i] != NULL; i++)
    json_builder_add_string_value (b, p->papers[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->n_steps; i++)
    {
      json_builder_begin_object (b);
      add_text (b, "name", p->steps[i].name);
      add_number (b, "hours", p->steps[i].hours);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_text (b, "note", p->note);
  /* Each version keeps the day it began, so an import elsewhere dates it
   * the same. */
  add_text (b, "valid_from", p->valid_from);
  json_builder_end_object (b);
}

char *
xaso_procedure_json_export (XasoDatabase  *db,
                            const char    *date,
                            GError       **error)
{
  g_autoptr(GPtrArray) list = xaso_procedure_catalogue_list (db, NULL, date, error);
  g_autoptr(GDateTime) now = xaso_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *note = xaso_database_get_state (db, NOTE_STATE);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  if (list == NULL)
    return NULL;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  add_text (b, "valid_from", date != NULL ? date : today);
  add_text (b, "note", note != NULL ? note : "");
  json_builder_set_member_name (b, "procedures");
  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    add_procedure (b, g_ptr_array_index (list, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

gboolean
xaso_procedure_json_export_file (XasoDatabase  *db,
                                 const char    *date,
                                 const char    *path,
                                 GError       **error)
{
  g_autofree char *text = xaso_procedure_json_export (db, date, error);
  g_autofree char *with_end = NULL;

  if (text == NULL)
    return FALSE;
  with_end = g_strconcat (text, "\n", NULL);
  return g_file_set_contents (path, with_end, -1, error);
}
