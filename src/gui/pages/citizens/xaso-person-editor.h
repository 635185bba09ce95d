/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-record-editor.h"

G_BEGIN_DECLS

#define XASO_TYPE_PERSON_EDITOR (xaso_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (XasoPersonEditor, xaso_person_editor, XASO, PERSON_EDITOR, XasoRecordEditor)

/* Edits @person_id, or creates a person when it is %NULL: a member of
 * @household_id when that is given. */
XasoPersonEditor *xaso_person_editor_new (GtkWindow   *parent,
                                          XasoContext *ctx,
                                          const char  *person_id,
                                          const char  *household_id);

G_END_DECLS
