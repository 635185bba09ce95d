/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "xaso-calendar.h"
#include "xaso-procedure-private.h"

G_DEFINE_QUARK (xaso-procedure-error-quark, xaso_procedure_error)
G_DEFINE_BOXED_TYPE (XasoProcedure, xaso_procedure, xaso_procedure_ref, xaso_procedure_unref)

#define COLUMNS XASO_PROCEDURE_COLUMNS

static void
procedure_clear (XasoProcedure *self)
{
  g_free (self->id);
  g_free (self->code);
  g_free (self->name);
  g_free (self->field);
  g_free (self->fee_note);
  g_strfreev (self->papers);
  for (guint i = 0; i < self->n_steps; i++)
    g_free (self->steps[i].name);
  g_free (self->steps);
  g_free (self->note);
  g_free (self->valid_from);
  g_free (self->valid_to);
}

XasoProcedure *
xaso_procedure_ref (XasoProcedure *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
xaso_procedure_unref (XasoProcedure *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)procedure_clear);
}

XasoProcedure *
xaso_procedure_new (void)
{
  XasoProcedure *self = g_atomic_rc_box_new0 (XasoProcedure);

  self->version = 1;
  self->time_unit = XASO_TIME_WORKING_DAYS;
  self->papers = g_new0 (char *, 1);
  return self;
}

XasoProcedure *
xaso_procedure_copy (XasoProcedure *self)
{
  XasoProcedure *copy = g_atomic_rc_box_dup (sizeof *self, self);

  copy->id = g_strdup (self->id);
  copy->code = g_strdup (self->code);
  copy->name = g_strdup (self->name);
  copy->field = g_strdup (self->field);
  copy->fee_note = g_strdup (self->fee_note);
  copy->papers = g_strdupv (self->papers);
  copy->steps = g_new0 (XasoProcedureStep, self->n_steps + 1);
  for (guint i = 0; i < self->n_steps; i++)
    {
      copy->steps[i].name = g_strdup (self->steps[i].name);
      copy->steps[i].hours = self->steps[i].hours;
    }
  copy->note = g_strdup (self->note);
  copy->valid_from = g_strdup (self->valid_from);
  copy->valid_to = g_strdup (self->valid_to);
  return copy;
}

static const char * const unit_names[] = { "same_day_15h", "working_days", "working_hours" };

const char *
xaso_time_unit_to_string (XasoTimeUnit unit)
{
  g_return_val_if_fail (unit < G_N_ELEMENTS (unit_names), NULL);
  return unit_names[unit];
}

gboolean
xaso_time_unit_from_string (const char   *text,
                            XasoTimeUnit *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    if (g_strcmp0 (text, unit_names[i]) == 0)
      {
        *unit = i;
        return TRUE;
      }
  return FALSE;
}

static GStrv
papers_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) papers = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *list = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *item = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (papers, json_node_get_string (item));
        }
    }
  return g_strv_builder_end (papers);
}

static void
steps_from_json (XasoProcedure *self,
                 const char    *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *list;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;
  list = json_node_get_array (root);
  self->steps = g_new0 (XasoProcedureStep, json_array_get_length (list));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      JsonObject *step;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      step = json_node_get_object (item);
      self->steps[self->n_steps].name = g_strdup (json_object_get_string_member_with_default (step, "name", ""));
      self->steps[self->n_steps].hours = json_object_get_double_member_with_default (step, "hours", 0);
      self->n_steps++;
    }
}

XasoProcedure *
_xaso_procedure_from_row (sqlite3_stmt *stmt)
{
  XasoProcedure *self = g_atomic_rc_box_new0 (XasoProcedure);

  self->id = g_strdup (xaso_column_text (stmt, 0));
  self->code = g_strdup (xaso_column_text (stmt, 1));
  self->version = sqlite3_column_int (stmt, 2);
  self->name = g_strdup (xaso_column_text (stmt, 3));
  self->field = g_strdup (xaso_column_text (stmt, 4));
  if (!xaso_time_unit_from_string (xaso_column_text (stmt, 5), &self->time_unit))
    self->time_unit = XASO_TIME_WORKING_DAYS;
  self->limit_direct = sqlite3_column_double (stmt, 6);
  self->limit_online = sqlite3_column_double (stmt, 7);
  self->fee_amount = sqlite3_column_int64 (stmt, 8);
  self->fee_by_province = sqlite3_column_int (stmt, 9) != 0;
  self->fee_note = g_strdup (xaso_column_text (stmt, 10));
  self->papers = papers_from_json (xaso_column_text (stmt, 11));
  steps_from_json (self, xaso_column_text (stmt, 12));
  self->note = g_strdup (xaso_column_text (stmt, 13));
  self->valid_from = g_strdup (xaso_column_text (stmt, 14));
  self->valid_to = g_strdup (xaso_column_text (stmt, 15));
  return self;
}

static XasoProcedure *
load_one (XasoDatabase  *db,
          const char    *sql,
          const char    *arg1,
          const char    *arg2,
          GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  XasoProcedure *self = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_STATIC);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self = _xaso_procedure_from_row (stmt);
  sqlite3_reset (stmt);
  if (self == NULL)
    g_set_error (error, XASO_PROCEDURE_ERROR, XASO_PROCEDURE_ERROR_NOT_FOUND,
                 _("The procedure “%s” is not in the catalogue."), arg1);
  return self;
}

XasoProcedure *
xaso_procedure_load (XasoDatabase  *db,
                     const char    *id,
                     GError       **error)
{
  return load_one (db, "SELECT " COLUMNS " FROM procedure WHERE id = ?", id, NULL, error);
}

XasoProcedure *
xaso_procedure_find (XasoDatabase  *db,
                     const char    *code,
                     const char    *date,
                     GError       **error)
{
  g_autoptr(GDateTime) now = xaso_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return load_one (db,
    "SELECT " COLUMNS " FROM procedure WHERE code = ?1 AND deleted = 0 AND valid_from <= ?2 "
    "AND (valid_to IS NULL OR valid_to > ?2) ORDER BY version DESC LIMIT 1",
    code, date != NULL ? date : today, error);
}

double
xaso_procedure_limit_hours (XasoProcedure *self,
                            const char    *channel)
{
  double limit = g_strcmp0 (channel, "online") == 0 ? self->limit_online : self->limit_direct;

  switch (self->time_unit)
    {
    case XASO_TIME_WORKING_DAYS:
      return limit * XASO_CALENDAR_HOURS_PER_WORKING_DAY;
    case XASO_TIME_WORKING_HOURS:
      return limit;
    case XASO_TIME_SAME_DAY_15H:
    default:
      return 0;
    }
}

char *
xaso_procedure_describe_limit (XasoProcedure *self,
                               const char    *channel)
{
  double limit = g_strcmp0 (channel, "online") == 0 ? self->limit_online : self->limit_direct;

  switch (self->time_unit)
    {
    case XASO_TIME_WORKING_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g working day", "%g working days", (gulong)limit),
                              limit);
    case XASO_TIME_WORKING_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g working hour", "%g working hours", (gulong)limit),
                              limit);
    case XASO_TIME_SAME_DAY_15H:
    default:
      return g_strdup (_("The same day (received from 15:00, the next working day)"));
    }
}
