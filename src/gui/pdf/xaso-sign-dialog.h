/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-pdf-appearance.h"

G_BEGIN_DECLS

#define XASO_TYPE_SIGN_DIALOG (xaso_sign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XasoSignDialog, xaso_sign_dialog, XASO, SIGN_DIALOG, AdwWindow)

/* Signing @file as @kind: a leader (person), the organization (văn thư)
 * or an electronic copy. "pick-area" asks the window to let the official
 * draw the rectangle (the dialog hides meanwhile; answer with _set_area()
 * or _area_cancelled()); "signed" (GFile *output) comes when the signed
 * file is written. */
XasoSignDialog *xaso_sign_dialog_new            (GtkWindow             *parent,
                                                 GFile                 *file,
                                                 XasoPdfAppearanceKind  kind,
                                                 GSettings             *settings);
void            xaso_sign_dialog_set_area       (XasoSignDialog        *self,
                                                 int                    page,
                                                 double                 x,
                                                 double                 y,
                                                 double                 width,
                                                 double                 height);
void            xaso_sign_dialog_area_cancelled (XasoSignDialog        *self);
void            xaso_sign_dialog_set_document_number (XasoSignDialog   *self,
                                                 const char            *number);

G_END_DECLS
