/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XASO_TYPE_SIGNATURES_PANEL (xaso_signatures_panel_get_type ())
G_DECLARE_FINAL_TYPE (XasoSignaturesPanel, xaso_signatures_panel, XASO, SIGNATURES_PANEL, GtkWidget)

/* Verifies every signature of @file against the roots in @trust_paths
 * (PEM files or folders) on a worker thread, and lists them; "n-signatures"
 * changes when the list is there. A second call replaces the first. */
void xaso_signatures_panel_verify          (XasoSignaturesPanel *self,
                                            GFile               *file,
                                            const char * const  *trust_paths);
int  xaso_signatures_panel_get_n_signatures (XasoSignaturesPanel *self);

G_END_DECLS
