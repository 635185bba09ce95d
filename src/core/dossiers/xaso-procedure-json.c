/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "xaso-procedure-json-private.h"
#include "xaso-procedure-json.h"
#include "xaso-procedure-private.h"

#define SEED_RESOURCE "/io/github/xaso/XaSo/seed/procedures.json"
#define SEED_ACTOR "xaso-seed"
/* The catalogue file's note, kept so an export says it again. */
#define NOTE_STATE "procedure-catalogue-note"

typedef struct
{
  GPtrArray                 *procedures;   /* XasoProcedure, valid_from set */
  GArray                    *lines;        /* guint, the line of each */
  char                      *note;
  const char                *actor;
  XasoProcedureImportCounts  counts;
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->procedures, g_ptr_array_unref);
  g_clear_pointer (&import->lines, g_array_unref);
  g_clear_pointer (&import->note, g_free);
}

/* json-glib puts where a syntax error is before its message,
 * "<data>:6:35: Parse error: …"; the line is what a clerk needs, first. */
static gboolean
parse_text (JsonParser  *parser,
            const char  *text,
            gssize       length,
            GError     **error)
{
  g_autoptr(GError) local = NULL;
  const char *message;
  guint line = 1, column = 0;
  int used = 0;

  if (json_parser_load_from_data (parser, text, length, &local))
    return TRUE;
  message = local->message;
  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &used) >= 2 && used > 0)
    message += used;
  g_set_error (error, XASO_PROCEDURE_ERROR, XASO_PROCEDURE_ERROR_INVALID,
               _("Line %u: the file is not valid JSON (%s)."), line, message);
  return FALSE;
}

static gboolean
read_header (JsonNode                *root,
             XasoProcedureFileLines  *lines,
             Import                  *import,
             const char             **valid_from,
             GError                 **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *list = object ? json_object_get_member (object, "procedures") : NULL;
  JsonNode *from = object ? json_object_get_member (object, "valid_from") : NULL;
  JsonNode *note = object ? json_object_get_member (object, "note") : NULL;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return _xaso_procedure_json_fail (error, _xaso_procedure_json_top_line (lines, "procedures"),
                                      _("a catalogue file is an object with a list “procedures”"));
  *valid_from = from != NULL && JSON_NODE_HOLDS_VALUE (from) && json_node_get_value_type (from) == G_TYPE_STRING
                ? json_node_get_string (from) : NULL;
  if (!_xaso_procedure_is_date (*valid_from))
    return _xaso_procedure_json_fail (error, _xaso_procedure_json_top_line (lines, "valid_from"),
                                      _("the catalogue’s valid_from must be a date as YYYY-MM-DD"));
  if (note != NULL && JSON_NODE_HOLDS_VALUE (note) && json_node_get_value_type (note) == G_TYPE_STRING)
    import->note = g_strdup (json_node_get_string (note));
  return TRUE;
}

/* Objects are counted by the scan and by the parser alike only when every
 * element is one; anything else is named at the list's line. */
static gboolean
check_elements (JsonArray               *list,
                XasoProcedureFileLines  *lines,
                GError                 **error)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)))
      return _xaso_procedure_json_fail (error, _xaso_procedure_json_top_line (lines, "procedures"),
                                        _("every element of “procedures” must be an object"));
  g_return_val_if_fail (lines->procedures->len == json_array_get_length (list), FALSE);
  return TRUE;
}

static gboolean
read_procedures (JsonArray               *list,
                 XasoProcedureFileLines  *lines,
                 const char              *valid_from,
                 Import                  *import,
                 GError                 **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      XasoProcedureLines *at = &g_array_index (lines->procedures, XasoProcedureLines, i);
      XasoProcedure *procedure = _xaso_procedure_json_read (json_array_get_element (list, i), at, valid_from, error);
      g_autofree char *problem = NULL;
      gpointer first;

      if (procedure == NULL)
        return FALSE;
      g_ptr_array_add (import->procedures, procedure);
      g_array_append_val (import->lines, at->line);
      if (!g_hash_table_lookup_extended (seen, procedure->code, NULL, &first))
        {
          g_hash_table_insert (seen, procedure->code, GUINT_TO_POINTER (at->line));
          continue;
        }
      problem = g_strdup_printf (_("the procedure “%s” is already in the file, on line %u"),
                                 procedure->code, GPOINTER_TO_UINT (first));
      return _xaso_procedure_json_fail (error, at->line, problem);
    }
  return TRUE;
}

static gboolean
read_file (const char  *text,
           gssize       length,
           Import      *import,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(XasoProcedureFileLines) lines = NULL;
  const char *valid_from = NULL;
  JsonArray *list;

  if (!parse_text (parser, text, length, error))
    return FALSE;
  lines = _xaso_procedure_json_lines (text, length < 0 ? strlen (text) : (gsize) length);
  if (!read_header (json_parser_get_root (parser), lines, import, &valid_from, error))
    return FALSE;
  list = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "procedures");
  return check_elements (list, lines, error) && read_procedures (list, lines, valid_from, import, error);
}

static gboolean
apply_one (XasoDatabase   *db,
           Import         *import,
           XasoProcedure  *procedure,
           guint           line,
           GError        **error)
{
  g_autoptr(XasoProcedure) current = NULL;
  g_autofree char *id = NULL;
  g_autofree char *problem = NULL;

  if (!_xaso_procedure_current (db, procedure->code, &current, error))
    return FALSE;
  if (current != NULL && _xaso_procedure_same_content (current, procedure))
    {
      import->counts.unchanged++;
      return TRUE;
    }
  if (current != NULL && g_strcmp0 (procedure->valid_from, current->valid_from) <= 0)
    {
      problem = g_strdup_printf (_("a new version of the procedure “%s” must begin after %s, "
                                   "the day its current version began"), procedure->code, current->valid_from);
      return _xaso_procedure_json_fail (error, line, problem);
    }
  id = _xaso_procedure_write_version (db, current, procedure, procedure->valid_from, import->actor, error);
  if (id == NULL)
    return FALSE;
  if (current != NULL)
    import->counts.new_versions++;
  else
    import->counts.added++;
  return TRUE;
}

static gboolean
apply (XasoDatabase  *db,
       gpointer       data,
       GError       **error)
{
  Import *import = data;

  for (guint i = 0; i < import->procedures->len; i++)
    if (!apply_one (db, import, g_ptr_array_index (import->procedures, i),
                    g_array_index (import->lines, guint, i), error))
      return FALSE;
  return import->note == NULL || xaso_database_set_state (db, NOTE_STATE, import->note, error);
}

static gboolean
import_as (XasoDatabase               *db,
           const char                 *actor,
           const char                 *text,
           gssize                      length,
           XasoProcedureImportCounts  *counts,
           GError                    **error)
{
  Import import = { NULL, NULL, NULL, actor, { 0, 0, 0 } };
  gboolean ok;

  import.procedures = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_procedure_unref);
  import.lines = g_array_new (FALSE, FALSE, sizeof (guint));
  ok = read_file (text, length, &import, error) && xaso_database_run_atomically (db, apply, &import, error);
  if (ok && counts != NULL)
    *counts = import.counts;
  import_clear (&import);
  return ok;
}

gboolean
xaso_procedure_json_import (XasoDatabase               *db,
                            XasoUser                   *actor,
                            const char                 *text,
                            gssize                      length,
                            XasoProcedureImportCounts  *counts,
                            GError                    **error)
{
  if (!xaso_user_check_right (actor, XASO_RIGHT_EDIT_CATALOGUE, error))
    return FALSE;
  return import_as (db, xaso_user_get (actor, XASO_USER_USERNAME), text, length, counts, error);
}

gboolean
xaso_procedure_json_import_file (XasoDatabase               *db,
                                 XasoUser                   *actor,
                                 const char                 *path,
                                 XasoProcedureImportCounts  *counts,
                                 GError                    **error)
{
  g_autofree char *text = NULL;
  gsize length;

  if (!xaso_user_check_right (actor, XASO_RIGHT_EDIT_CATALOGUE, error))
    return FALSE;
  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, XASO_PROCEDURE_ERROR, XASO_PROCEDURE_ERROR_INVALID,
                   _("The file “%s” is not UTF-8 text."), path);
      return FALSE;
    }
  return import_as (db, xaso_user_get (actor, XASO_USER_USERNAME), text, length, counts, error);
}

gboolean
xaso_procedure_json_seed (XasoDatabase  *db,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SEED_RESOURCE, 0, error);

  if (bytes == NULL)
    return FALSE;
  return import_as (db, SEED_ACTOR, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, error);
}
