/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

#define XASO_TYPE_APPLICATION (xaso_application_get_type ())
G_DECLARE_FINAL_TYPE (XasoApplication, xaso_application, XASO, APPLICATION, AdwApplication)

XasoApplication *xaso_application_new                 (void);
GSettings       *xaso_application_get_settings        (XasoApplication *self);
void             xaso_application_open_pdf            (XasoApplication *self,
                                                       GFile           *file);
void             xaso_application_add_pdf_drop_target (GtkWidget       *window);

G_END_DECLS
