/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-record-editor.h"

G_BEGIN_DECLS

#define XASO_TYPE_CIVIL_EVENT_EDITOR (xaso_civil_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (XasoCivilEventEditor, xaso_civil_event_editor, XASO, CIVIL_EVENT_EDITOR, XasoRecordEditor)

/* Records a civil-status event of @person_id; @person_name, when given,
 * is shown in the title bar. */
XasoCivilEventEditor *xaso_civil_event_editor_new (GtkWindow   *parent,
                                                   XasoContext *ctx,
                                                   const char  *person_id,
                                                   const char  *person_name);

G_END_DECLS
