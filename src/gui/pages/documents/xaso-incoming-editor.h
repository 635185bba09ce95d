/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-record-editor.h"

G_BEGIN_DECLS

#define XASO_TYPE_INCOMING_EDITOR (xaso_incoming_editor_get_type ())
G_DECLARE_FINAL_TYPE (XasoIncomingEditor, xaso_incoming_editor, XASO, INCOMING_EDITOR, XasoRecordEditor)

/* Emits "saved" with the new document's id, and "show-document" with the
 * id of an earlier registration the official asked to see. */
XasoIncomingEditor *xaso_incoming_editor_new (GtkWindow   *parent,
                                              XasoContext *context);

G_END_DECLS
