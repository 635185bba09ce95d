/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document.h"
#include "xaso-record-editor.h"

G_BEGIN_DECLS

#define XASO_TYPE_OUTGOING_EDITOR (xaso_outgoing_editor_get_type ())
G_DECLARE_FINAL_TYPE (XasoOutgoingEditor, xaso_outgoing_editor, XASO, OUTGOING_EDITOR, XasoRecordEditor)

/* A new outgoing draft; when @answers is given (an incoming document), the
 * draft is its reply. Emits "saved" with the draft's id. */
XasoOutgoingEditor *xaso_outgoing_editor_new (GtkWindow    *parent,
                                              XasoContext  *context,
                                              XasoDocument *answers);

G_END_DECLS
