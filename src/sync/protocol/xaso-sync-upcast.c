/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include "xaso-sync-catalogue.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-upcast.h"

/* Each migration since sync came (0019) that changed a synced column. A
 * migration that does must add its step here in the same commit:
 * test-sync-catalogue holds the steps and the catalogue to the schema. */
static const XasoSyncUpcastStep steps[] = {
  /* 0021: where a block of dossier codes came from; a block taken before
   * it was taken here (xaso-lease-upgrade.c gives old rows the same). */
  { 21, XASO_SYNC_STEP_ADD_FIELD, "dossier_code_block", "source", "\"local\"" },
};

const XasoSyncUpcastStep *
xaso_sync_upcast_steps (guint *n_steps)
{
  *n_steps = G_N_ELEMENTS (steps);
  return steps;
}

gboolean
xaso_sync_schema_supported (gint64 version)
{
  return version >= XASO_SYNC_SCHEMA_FIRST && version <= XASO_SYNC_SCHEMA_VERSION;
}

static void
rename_member (JsonObject *fields,
               const char *from,
               const char *to)
{
  JsonNode *value = json_object_dup_member (fields, from);

  json_object_remove_member (fields, from);
  json_object_set_member (fields, to, value);
}

/* Whether @step, newer than @from, changes the op: it names the op's table,
 * and the op says what the older schema said (an old name, no value for a
 * new field, only a field that moved). An op of a later schema never does,
 * so upcasting it changes nothing. */
static gboolean
step_applies (JsonObject               *op,
              gint64                    from,
              const XasoSyncUpcastStep *step)
{
  const char *table = xaso_sync_member_string (op, "table");
  JsonNode *node = json_object_get_member (op, "fields");
  JsonObject *fields;

  if (step->version <= from || table == NULL || !g_str_equal (table, step->table) ||
      node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  fields = json_node_get_object (node);
  switch (step->kind)
    {
    case XASO_SYNC_STEP_RENAME_FIELD:
      return json_object_has_member (fields, step->field);
    case XASO_SYNC_STEP_ADD_FIELD:
      return g_strcmp0 (xaso_sync_member_string (op, "kind"), "insert") == 0 &&
             !json_object_has_member (fields, step->field);
    case XASO_SYNC_STEP_RENAME_TABLE:
      return TRUE;
    case XASO_SYNC_STEP_MOVE_FIELD:
      return json_object_get_size (fields) == 1 && json_object_has_member (fields, step->field);
    default:
      return FALSE;
    }
}

static void
apply_step (JsonObject               *op,
            const XasoSyncUpcastStep *step)
{
  JsonObject *fields = json_object_get_object_member (op, "fields");
  JsonObject *change;
  JsonNode *value;

  switch (step->kind)
    {
    case XASO_SYNC_STEP_RENAME_FIELD:
      rename_member (fields, step->field, step->to);
      break;
    case XASO_SYNC_STEP_ADD_FIELD:
      value = json_from_string (step->to, NULL);
      g_assert (value != NULL);
      change = json_object_new ();
      json_object_set_member (change, "new", value);
      json_object_set_object_member (fields, step->field, change);
      break;
    case XASO_SYNC_STEP_RENAME_TABLE:
    case XASO_SYNC_STEP_MOVE_FIELD:
      json_object_set_string_member (op, "table", step->to);
      break;
    }
}

JsonNode *
xaso_sync_upcast_op_by (JsonNode                 *op,
                        gint64                    from,
                        const XasoSyncUpcastStep *list,
                        guint                     n_steps)
{
  g_autofree char *text = NULL;
  JsonNode *copy = NULL;
  guint i = 0;

  if (!JSON_NODE_HOLDS_OBJECT (op))
    return json_node_ref (op);
  /* Most ops are of the current schema: they go on untouched, not copied. */
  while (i < n_steps && !step_applies (json_node_get_object (op), from, &list[i]))
    i++;
  if (i == n_steps)
    return json_node_ref (op);
  /* A deep copy to write into (a parsed body is sealed, and json_node_copy
   * would share its objects). */
  text = json_to_string (op, FALSE);
  copy = json_from_string (text, NULL);
  for (; i < n_steps; i++)
    if (step_applies (json_node_get_object (copy), from, &list[i]))
      apply_step (json_node_get_object (copy), &list[i]);
  return copy;
}

JsonNode *
xaso_sync_upcast_op (JsonNode *op,
                     gint64    from)
{
  return xaso_sync_upcast_op_by (op, from, steps, G_N_ELEMENTS (steps));
}
