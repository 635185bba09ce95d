/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XASO_TYPE_DOCUMENT_WINDOW (xaso_document_window_get_type ())
G_DECLARE_FINAL_TYPE (XasoDocumentWindow, xaso_document_window, XASO, DOCUMENT_WINDOW, AdwApplicationWindow)

XasoDocumentWindow *xaso_document_window_new        (GtkApplication     *app,
                                                     GFile              *file);
void                xaso_document_window_show_toast (XasoDocumentWindow *self,
                                                     const char         *message);

G_END_DECLS
