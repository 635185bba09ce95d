/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

#define XASO_TYPE_DIRECTIVE_DIALOG (xaso_directive_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XasoDirectiveDialog, xaso_directive_dialog, XASO, DIRECTIVE_DIALOG, AdwWindow)

/* The directive on @document_id, its file (or NULL) shown beside; @users
 * are the commune's accounts, of whom those who handle documents may
 * lead or co-operate. */
XasoDirectiveDialog *xaso_directive_dialog_new (GtkWidget   *from,
                                                XasoContext *context,
                                                const char  *document_id,
                                                const char  *file_path,
                                                GPtrArray   *users);

G_END_DECLS
