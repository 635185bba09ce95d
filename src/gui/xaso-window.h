/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-application.h"

G_BEGIN_DECLS

#define XASO_TYPE_WINDOW (xaso_window_get_type ())
G_DECLARE_FINAL_TYPE (XasoWindow, xaso_window, XASO, WINDOW, AdwApplicationWindow)

XasoWindow *xaso_window_new        (XasoApplication *app,
                                    const char      *database_path,
                                    const char      *auto_user);
void        xaso_window_show_toast (XasoWindow      *self,
                                    const char      *message);
void        xaso_window_add_toast  (XasoWindow      *self,
                                    AdwToast        *toast);

G_END_DECLS
