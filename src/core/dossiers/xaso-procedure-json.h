/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-procedure.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* The catalogue as a JSON file, in the format of the shipped
 * data/seed/procedures.json: "version", "valid_from", "note" and
 * "procedures", each with code, name, field, time_limit {unit, direct,
 * online}, fee {amount (null: set by the province), note}, papers, steps
 * [{name, hours}], note and, optionally, its own valid_from. */

typedef struct
{
  guint added;          /* codes the catalogue did not have */
  guint new_versions;   /* codes whose content changed */
  guint unchanged;
} XasoProcedureImportCounts;

/* Imports a whole file in one transaction, or nothing: a new code is
 * added, a changed one gets a new version from the file's (or its own)
 * valid_from, an identical one is left alone. An error names the line of
 * the procedure or value at fault. Needs XASO_RIGHT_EDIT_CATALOGUE. */
gboolean  xaso_procedure_json_import       (XasoDatabase               *db,
                                            XasoUser                   *actor,
                                            const char                 *text,
                                            gssize                      length,
                                            XasoProcedureImportCounts  *counts,
                                            GError                    **error);
gboolean  xaso_procedure_json_import_file  (XasoDatabase               *db,
                                            XasoUser                   *actor,
                                            const char                 *path,
                                            XasoProcedureImportCounts  *counts,
                                            GError                    **error);
/* The catalogue shipped with the program, for a new commune: written as
 * the program ("xaso-seed"), so it needs no account. */
gboolean  xaso_procedure_json_seed         (XasoDatabase               *db,
                                            GError                    **error);

/* The versions current on @date (NULL: today), pretty-printed UTF-8 that
 * xaso_procedure_json_import() reads back to the same catalogue. */
char     *xaso_procedure_json_export       (XasoDatabase               *db,
                                            const char                 *date,
                                            GError                    **error);
gboolean  xaso_procedure_json_export_file  (XasoDatabase               *db,
                                            const char                 *date,
                                            const char                 *path,
                                            GError                    **error);

G_END_DECLS
