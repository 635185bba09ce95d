/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-record-editor.h"

G_BEGIN_DECLS

#define XASO_TYPE_ACCOUNT_EDITOR (xaso_account_editor_get_type ())
G_DECLARE_FINAL_TYPE (XasoAccountEditor, xaso_account_editor, XASO, ACCOUNT_EDITOR, XasoRecordEditor)

/* Edits the account @user_id, or adds one when it is %NULL; as the
 * signed-in administrator (core checks). */
XasoAccountEditor *xaso_account_editor_new (GtkWindow   *parent,
                                            XasoContext *ctx,
                                            const char  *user_id);

G_END_DECLS
