/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <string.h>

#include "xaso-procedure-json-private.h"

/* A scan of the text that knows strings (and their escapes) from the
 * braces and brackets around them; enough for JSON that has parsed. */
typedef struct
{
  const char *p, *end;
  guint       line;
  guint       depth;          /* 1 inside the root object */
  char       *key;            /* the last string read, with the line it began on */
  guint       key_line;
  gboolean    in_procedures;  /* inside the root's "procedures" array */
  GArray     *procedures;     /* XasoProcedureLines */
  GHashTable *top;
} Scan;

static void
lines_clear (gpointer data)
{
  XasoProcedureLines *lines = data;

  g_clear_pointer (&lines->members, g_hash_table_unref);
}

/* Reads a string from the opening quote at scan->p; keeps it raw, escapes
 * and all, which is enough to recognise the member names we look for. */
static void
read_string (Scan *scan)
{
  const char *start = ++scan->p;

  scan->key_line = scan->line;
  while (scan->p < scan->end && *scan->p != '"')
    {
      if (*scan->p == '\\' && scan->p + 1 < scan->end)
        scan->p++;
      else if (*scan->p == '\n')
        scan->line++;
      scan->p++;
    }
  g_free (scan->key);
  scan->key = g_strndup (start, scan->p - start);
}

static void
open_container (Scan *scan,
                char  c)
{
  scan->depth++;
  if (c == '[' && scan->depth == 2 && g_strcmp0 (scan->key, "procedures") == 0)
    scan->in_procedures = TRUE;
  else if (c == '{' && scan->depth == 3 && scan->in_procedures)
    {
      XasoProcedureLines lines = { scan->line, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

      g_array_append_val (scan->procedures, lines);
    }
  g_clear_pointer (&scan->key, g_free);
}

static void
close_container (Scan *scan,
                 char  c)
{
  if (c == ']' && scan->depth == 2)
    scan->in_procedures = FALSE;
  if (scan->depth > 0)
    scan->depth--;
}

/* A member of a procedure: its name was the last string, at depth 3. */
static void
note_member (Scan *scan)
{
  XasoProcedureLines *lines;

  if (scan->depth == 1 && scan->key != NULL && !g_hash_table_contains (scan->top, scan->key))
    g_hash_table_insert (scan->top, g_strdup (scan->key), GUINT_TO_POINTER (scan->key_line));
  if (!scan->in_procedures || scan->depth != 3 || scan->key == NULL || scan->procedures->len == 0)
    return;
  lines = &g_array_index (scan->procedures, XasoProcedureLines, scan->procedures->len - 1);
  if (!g_hash_table_contains (lines->members, scan->key))
    g_hash_table_insert (lines->members, g_strdup (scan->key), GUINT_TO_POINTER (scan->key_line));
}

XasoProcedureFileLines *
_xaso_procedure_json_lines (const char *text,
                            gsize       length)
{
  Scan scan = { text, text + length, 1, 0, NULL, 0, FALSE, NULL, NULL };
  XasoProcedureFileLines *lines = g_new0 (XasoProcedureFileLines, 1);

  scan.procedures = g_array_new (FALSE, TRUE, sizeof (XasoProcedureLines));
  g_array_set_clear_func (scan.procedures, lines_clear);
  scan.top = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (; scan.p < scan.end; scan.p++)
    switch (*scan.p)
      {
      case '\n':
        scan.line++;
        break;
      case '"':
        read_string (&scan);
        break;
      case '{':
      case '[':
        open_container (&scan, *scan.p);
        break;
      case '}':
      case ']':
        close_container (&scan, *scan.p);
        break;
      case ':':
        note_member (&scan);
        break;
      default:
        break;
      }
  g_free (scan.key);
  lines->top = scan.top;
  lines->procedures = scan.procedures;
  return lines;
}

void
_xaso_procedure_file_lines_free (XasoProcedureFileLines *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->top);
  g_array_unref (self->procedures);
  g_free (self);
}

guint
_xaso_procedure_json_top_line (XasoProcedureFileLines *self,
                               const char             *member)
{
  gpointer line;

  if (g_hash_table_lookup_extended (self->top, member, NULL, &line))
    return GPOINTER_TO_UINT (line);
  return 1;
}

guint
_xaso_procedure_json_member_line (XasoProcedureLines *lines,
                                  const char         *member)
{
  gpointer line;

  if (member != NULL && g_hash_table_lookup_extended (lines->members, member, NULL, &line))
    return GPOINTER_TO_UINT (line);
  return lines->line;
}
