/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

#define XASO_TYPE_CATALOGUE_WINDOW (xaso_catalogue_window_get_type ())
G_DECLARE_FINAL_TYPE (XasoCatalogueWindow, xaso_catalogue_window, XASO, CATALOGUE_WINDOW, AdwWindow)

/* The catalogue of administrative procedures (danh mục thủ tục hành
 * chính), searched as you type: each procedure's papers, time limits, fee,
 * steps and versions. Who may edit the catalogue makes a new version of a
 * procedure from a day (xaso-procedure-editor.h). */
XasoCatalogueWindow *xaso_catalogue_window_new (GtkWindow   *parent,
                                                XasoContext *context);

G_END_DECLS
