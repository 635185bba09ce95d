/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XASO_TYPE_SETUP_VIEW (xaso_setup_view_get_type ())
G_DECLARE_FINAL_TYPE (XasoSetupView, xaso_setup_view, XASO, SETUP_VIEW, AdwBin)

void xaso_setup_view_set_database_path (XasoSetupView *self,
                                        const char    *path);

const char *xaso_setup_view_get_admin_username (XasoSetupView *self);

G_END_DECLS
