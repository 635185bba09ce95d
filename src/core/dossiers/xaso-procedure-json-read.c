/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-procedure-json-private.h"
#include "xaso-procedure-private.h"

/* One procedure of a catalogue file, read into a version. Each problem is
 * told with the line of the member it is in, for a clerk who fixes the
 * file in a text editor. */

typedef struct
{
  XasoProcedure      *procedure;
  JsonObject         *object;
  XasoProcedureLines *lines;
  char               *problem;
  const char         *member;    /* where the problem is; NULL: the procedure */
} Reader;

gboolean
_xaso_procedure_json_fail (GError     **error,
                           guint        line,
                           const char  *problem)
{
  g_set_error (error, XASO_PROCEDURE_ERROR, XASO_PROCEDURE_ERROR_INVALID, _("Line %u: %s."), line, problem);
  return FALSE;
}

static const char *
label (Reader *r)
{
  return r->procedure->code ? r->procedure->code : "";
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* An optional text member: absent and null are NULL. */
static gboolean
read_text (Reader      *r,
           const char  *name,
           char       **out)
{
  JsonNode *node = member (r->object, name);

  if (node != NULL && !is_string (node))
    {
      r->problem = g_strdup_printf (_("in the procedure “%s”, “%s” must be text"), label (r), name);
      r->member = name;
      return FALSE;
    }
  *out = node != NULL ? g_strdup (json_node_get_string (node)) : NULL;
  return TRUE;
}

static gboolean
read_time_limit (Reader *r)
{
  JsonNode *node = member (r->object, "time_limit");
  JsonObject *limit = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *names[] = { "direct", "online" };
  double *values[] = { &r->procedure->limit_direct, &r->procedure->limit_online };
  JsonNode *unit = member (limit, "unit");

  r->member = "time_limit";
  if (limit == NULL)
    r->problem = g_strdup_printf (_("the procedure “%s” has no time_limit object"), label (r));
  else if (!is_string (unit) || !xaso_time_unit_from_string (json_node_get_string (unit), &r->procedure->time_unit))
    r->problem = g_strdup_printf (_("the procedure “%s” has an unknown time unit “%s” "
                                    "(same_day_15h, working_days or working_hours)"),
                                  label (r), is_string (unit) ? json_node_get_string (unit) : "");
  for (guint i = 0; r->problem == NULL && i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *value = member (limit, names[i]);

      if (is_number (value))
        *values[i] = json_node_get_double (value);
      else
        r->problem = g_strdup_printf (_("in the procedure “%s”, time_limit.%s must be a number"),
                                      label (r), names[i]);
    }
  return r->problem == NULL;
}

/* fee.amount: whole đồng, or null when the provincial council sets it. */
static gboolean
read_fee (Reader *r)
{
  JsonNode *node = member (r->object, "fee");
  JsonObject *fee = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *amount = member (fee, "amount");
  JsonNode *note = member (fee, "note");

  r->member = "fee";
  if (fee == NULL || !json_object_has_member (fee, "amount"))
    r->problem = g_strdup_printf (_("the procedure “%s” has no fee with its amount"), label (r));
  else if (amount != NULL && !(JSON_NODE_HOLDS_VALUE (amount) && json_node_get_value_type (amount) == G_TYPE_INT64))
    r->problem = g_strdup_printf (_("in the procedure “%s”, fee.amount must be a whole number of đồng or null"),
                                  label (r));
  else if (note != NULL && !is_string (note))
    r->problem = g_strdup_printf (_("in the procedure “%s”, “%s” must be text"), label (r), "fee.note");
  if (r->problem != NULL)
    return FALSE;
  r->procedure->fee_by_province = amount == NULL;
  r->procedure->fee_amount = amount != NULL ? json_node_get_int (amount) : 0;
  r->procedure->fee_note = note != NULL ? g_strdup (json_node_get_string (note)) : NULL;
  return TRUE;
}

static gboolean
read_papers (Reader *r)
{
  JsonNode *node = member (r->object, "papers");
  g_autoptr(GStrvBuilder) papers = g_strv_builder_new ();
  JsonArray *list = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);

      if (!is_string (item))
        list = NULL;
      else
        g_strv_builder_add (papers, json_node_get_string (item));
    }
  if (list == NULL)
    {
      r->problem = g_strdup_printf (_("in the procedure “%s”, papers must be a list of texts"), label (r));
      r->member = "papers";
      return FALSE;
    }
  g_strfreev (r->procedure->papers);
  r->procedure->papers = g_strv_builder_end (papers);
  return TRUE;
}

static gboolean
read_step (Reader     *r,
           JsonNode   *item,
           guint       index)
{
  JsonObject *step = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
  JsonNode *name = member (step, "name");
  JsonNode *hours = member (step, "hours");

  if (step == NULL || !is_string (name))
    r->problem = g_strdup_printf (_("step %u of the procedure “%s” has no name"), index + 1, label (r));
  else if (!is_number (hours))
    r->problem = g_strdup_printf (_("step %u of the procedure “%s” has no hours"), index + 1, label (r));
  if (r->problem != NULL)
    return FALSE;
  r->procedure->steps[index].name = g_strdup (json_node_get_string (name));
  r->procedure->steps[index].hours = json_node_get_double (hours);
  r->procedure->n_steps = index + 1;
  return TRUE;
}

static gboolean
read_steps (Reader *r)
{
  JsonNode *node = member (r->object, "steps");
  JsonArray *list = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  r->member = "steps";
  if (list == NULL)
    {
      r->problem = g_strdup_printf (_("in the procedure “%s”, steps must be a list of {name, hours}"), label (r));
      return FALSE;
    }
  r->procedure->steps = g_new0 (XasoProcedureStep, json_array_get_length (list) + 1);
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (!read_step (r, json_array_get_element (list, i), i))
      return FALSE;
  return TRUE;
}

static gboolean
read_code (Reader *r)
{
  JsonNode *code = member (r->object, "code");

  r->member = "code";
  if (code == NULL)
    r->problem = g_strdup (_("a procedure has no code"));
  else if (!is_string (code))
    r->problem = g_strdup_printf (_("in the procedure “%s”, “%s” must be text"), "", "code");
  else
    r->procedure->code = g_strdup (json_node_get_string (code));
  return r->problem == NULL;
}

static gboolean
read_valid_from (Reader     *r,
                 const char *file_valid_from)
{
  if (!read_text (r, "valid_from", &r->procedure->valid_from))
    return FALSE;
  if (r->procedure->valid_from == NULL)
    r->procedure->valid_from = g_strdup (file_valid_from);
  else if (!_xaso_procedure_is_date (r->procedure->valid_from))
    {
      r->problem = g_strdup_printf (_("in the procedure “%s”, valid_from must be a date as YYYY-MM-DD"), label (r));
      r->member = "valid_from";
    }
  return r->problem == NULL;
}

XasoProcedure *
_xaso_procedure_json_read (JsonNode            *node,
                           XasoProcedureLines  *lines,
                           const char          *valid_from,
                           GError             **error)
{
  g_autoptr(XasoProcedure) procedure = xaso_procedure_new ();
  Reader r = { procedure, json_node_get_object (node), lines, NULL, NULL };
  g_autofree char *problem = NULL;

  if (read_code (&r) && read_text (&r, "name", &procedure->name) && read_text (&r, "field", &procedure->field) &&
      read_time_limit (&r) && read_fee (&r) && read_papers (&r) && read_steps (&r) &&
      read_text (&r, "note", &procedure->note) && read_valid_from (&r, valid_from))
    _xaso_procedure_check (procedure, &r.problem, &r.member);
  problem = g_steal_pointer (&r.problem);
  if (problem != NULL)
    {
      _xaso_procedure_json_fail (error, _xaso_procedure_json_member_line (lines, r.member), problem);
      return NULL;
    }
  return g_steal_pointer (&procedure);
}
