/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "xaso-procedure.h"

G_BEGIN_DECLS

/* Where each procedure of a catalogue file begins, and each of its
 * members: json-glib tells lines only for syntax errors, and a clerk
 * fixing a file by hand needs the line of a wrong value too. */
typedef struct
{
  guint       line;      /* of the procedure's "{" */
  GHashTable *members;   /* member name → line of its name */
} XasoProcedureLines;

typedef struct
{
  GHashTable *top;          /* member of the root object → line of its name */
  GArray     *procedures;   /* XasoProcedureLines, one per object of "procedures" */
} XasoProcedureFileLines;

/* The text must already have parsed as JSON. */
XasoProcedureFileLines *_xaso_procedure_json_lines (const char *text,
                                                    gsize       length);
void    _xaso_procedure_file_lines_free  (XasoProcedureFileLines *self);
guint   _xaso_procedure_json_top_line    (XasoProcedureFileLines *self,
                                          const char             *member);
guint   _xaso_procedure_json_member_line (XasoProcedureLines *lines,
                                          const char         *member);

/* Reads one procedure of a file into a new version that keeps the rules
 * of _xaso_procedure_check(); its valid_from is its own or @valid_from. */
XasoProcedure *_xaso_procedure_json_read  (JsonNode           *node,
                                           XasoProcedureLines *lines,
                                           const char         *valid_from,
                                           GError            **error);
gboolean       _xaso_procedure_json_fail  (GError            **error,
                                           guint               line,
                                           const char         *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoProcedureFileLines, _xaso_procedure_file_lines_free)

G_END_DECLS
