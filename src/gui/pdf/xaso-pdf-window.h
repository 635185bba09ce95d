/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XASO_TYPE_PDF_WINDOW (xaso_pdf_window_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfWindow, xaso_pdf_window, XASO, PDF_WINDOW, AdwApplicationWindow)

XasoPdfWindow *xaso_pdf_window_new        (GtkApplication     *app,
                                                     GFile              *file);
void                xaso_pdf_window_show_toast (XasoPdfWindow *self,
                                                     const char         *message);
/* Opens the organization's signing for an issued document, its number
 * and notation (@number, "15/QĐ-UBND") shown in the seal's text. */
void                xaso_pdf_window_seal       (XasoPdfWindow *self,
                                                const char    *number);

G_END_DECLS
