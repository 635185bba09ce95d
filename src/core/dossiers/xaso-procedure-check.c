/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xaso-calendar.h"
#include "xaso-procedure-private.h"

/* The rules a version of a procedure keeps, whoever makes it: an
 * administrator's edit, an imported file or the shipped seed. */

/* Step hours are kept to the half hour or so; a sum is compared with this
 * much room so 0.1 + 0.2 still makes 0.3. */
#define HOURS_EPSILON 1e-6

static const char *
label (XasoProcedure *self)
{
  return self->code != NULL ? self->code : self->name;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
check_steps (XasoProcedure  *self,
             char          **problem)
{
  double total = 0;

  for (guint i = 0; i < self->n_steps; i++)
    {
      if (is_blank (self->steps[i].name))
        {
          *problem = g_strdup_printf (_("step %u of the procedure “%s” has no name"), i + 1, label (self));
          return FALSE;
        }
      if (!(self->steps[i].hours > 0) || !isfinite (self->steps[i].hours))
        {
          *problem = g_strdup_printf (_("step %u of the procedure “%s” must have more than 0 hours"),
                                      i + 1, label (self));
          return FALSE;
        }
      total += self->steps[i].hours;
    }
  if (self->n_steps > 0 && self->time_unit == XASO_TIME_SAME_DAY_15H &&
      total > XASO_CALENDAR_HOURS_PER_WORKING_DAY + HOURS_EPSILON)
    {
      *problem = g_strdup_printf (_("the steps of the same-day procedure “%s” take %g hours, more than a working day"),
                                  label (self), total);
      return FALSE;
    }
  if (self->n_steps > 0 && self->time_unit == XASO_TIME_WORKING_DAYS &&
      fabs (total - self->limit_direct * XASO_CALENDAR_HOURS_PER_WORKING_DAY) > HOURS_EPSILON)
    {
      *problem = g_strdup_printf (_("the steps of the procedure “%s” take %g hours, but its limit of %g working days is %g hours"),
                                  label (self), total, self->limit_direct,
                                  self->limit_direct * XASO_CALENDAR_HOURS_PER_WORKING_DAY);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_limits (XasoProcedure  *self,
              char          **problem)
{
  if ((guint) self->time_unit > XASO_TIME_WORKING_HOURS)
    *problem = g_strdup_printf (_("the procedure “%s” has an unknown time unit"), label (self));
  else if (!(self->limit_direct >= 0) || !(self->limit_online >= 0))
    *problem = g_strdup_printf (_("the time limit of the procedure “%s” is negative"), label (self));
  else if (self->time_unit == XASO_TIME_SAME_DAY_15H && (self->limit_direct != 0 || self->limit_online != 0))
    *problem = g_strdup_printf (_("the same-day procedure “%s” must have 0 as its time limits"), label (self));
  else if (self->time_unit != XASO_TIME_SAME_DAY_15H && (self->limit_direct == 0 || self->limit_online == 0))
    *problem = g_strdup_printf (_("the time limit of the procedure “%s” is 0"), label (self));
  else if (self->fee_amount < 0)
    *problem = g_strdup_printf (_("the fee of the procedure “%s” is negative"), label (self));
  return *problem == NULL;
}

gboolean
_xaso_procedure_check (XasoProcedure  *self,
                       char          **problem,
                       const char    **member)
{
  const char *where = NULL;

  *problem = NULL;
  if (self->code != NULL && is_blank (self->code))
    *problem = g_strdup_printf (_("the procedure “%s” has an empty code"), self->name ? self->name : "");
  else if (is_blank (self->name))
    *problem = g_strdup_printf (_("the procedure “%s” has no name"), self->code ? self->code : "");
  for (guint i = 0; *problem == NULL && self->papers != NULL && self->papers[i] != NULL; i++)
    if (is_blank (self->papers[i]))
      *problem = g_strdup_printf (_("paper %u of the procedure “%s” is empty"), i + 1, label (self));
  if (*problem != NULL)
    where = self->code != NULL && is_blank (self->code) ? "code" : is_blank (self->name) ? "name" : "papers";
  else if (!check_limits (self, problem))
    where = self->fee_amount < 0 && (guint) self->time_unit <= XASO_TIME_WORKING_HOURS ? "fee" : "time_limit";
  else if (!check_steps (self, problem))
    where = "steps";
  if (member != NULL)
    *member = where;
  return *problem == NULL;
}

char *
_xaso_procedure_sentence (const char *problem)
{
  gunichar first = g_utf8_get_char (problem);
  char upper[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_toupper (first), upper);
  return g_strdup_printf ("%s%s.", upper, g_utf8_next_char (problem));
}

gboolean
_xaso_procedure_is_date (const char *text)
{
  int y, m, d;
  char end;

  return text != NULL && strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
         text[4] == '-' && text[7] == '-' && g_date_valid_dmy (d, m, y);
}

static gboolean
same_steps (XasoProcedure *a,
            XasoProcedure *b)
{
  if (a->n_steps != b->n_steps)
    return FALSE;
  for (guint i = 0; i < a->n_steps; i++)
    if (g_strcmp0 (a->steps[i].name, b->steps[i].name) != 0 || a->steps[i].hours != b->steps[i].hours)
      return FALSE;
  return TRUE;
}

gboolean
_xaso_procedure_same_content (XasoProcedure *a,
                              XasoProcedure *b)
{
  const char * const none[] = { NULL };

  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->field, b->field) == 0 &&
         a->time_unit == b->time_unit && a->limit_direct == b->limit_direct &&
         a->limit_online == b->limit_online && a->fee_by_province == b->fee_by_province &&
         (a->fee_by_province || a->fee_amount == b->fee_amount) && g_strcmp0 (a->fee_note, b->fee_note) == 0 &&
         g_strv_equal (a->papers ? (const char * const *) a->papers : none,
                       b->papers ? (const char * const *) b->papers : none) &&
         same_steps (a, b) && g_strcmp0 (a->note, b->note) == 0;
}

char *
_xaso_procedure_papers_json (XasoProcedure *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; self->papers != NULL && self->papers[i] != NULL; i++)
    json_builder_add_string_value (builder, self->papers[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

char *
_xaso_procedure_steps_json (XasoProcedure *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_steps; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, self->steps[i].name);
      json_builder_set_member_name (builder, "hours");
      json_builder_add_double_value (builder, self->steps[i].hours);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
