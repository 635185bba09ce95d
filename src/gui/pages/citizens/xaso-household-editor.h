/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-record-editor.h"

G_BEGIN_DECLS

#define XASO_TYPE_HOUSEHOLD_EDITOR (xaso_household_editor_get_type ())
G_DECLARE_FINAL_TYPE (XasoHouseholdEditor, xaso_household_editor, XASO, HOUSEHOLD_EDITOR, XasoRecordEditor)

/* Edits @household_id, or creates a household with its head when it is
 * %NULL. */
XasoHouseholdEditor *xaso_household_editor_new (GtkWindow   *parent,
                                                XasoContext *ctx,
                                                const char  *household_id);

G_END_DECLS
