/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"
#include "xaso-procedure.h"

G_BEGIN_DECLS

#define XASO_TYPE_PROCEDURE_EDITOR (xaso_procedure_editor_get_type ())
G_DECLARE_FINAL_TYPE (XasoProcedureEditor, xaso_procedure_editor, XASO, PROCEDURE_EDITOR, AdwWindow)

/* "Sửa thủ tục": a new version of @procedure, filled from it, in force
 * from a day the administrator chooses (xaso_procedure_new_version ()).
 * Emits "saved" with the procedure's code once the version is stored. */
XasoProcedureEditor *xaso_procedure_editor_new (GtkWindow     *parent,
                                                XasoContext   *context,
                                                XasoProcedure *procedure);

G_END_DECLS
