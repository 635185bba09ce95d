/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XASO_TYPE_PREFERENCES_WINDOW (xaso_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (XasoPreferencesWindow, xaso_preferences_window, XASO, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

XasoPreferencesWindow *xaso_preferences_window_new (GtkWindow *parent,
                                                    GSettings *settings);

G_END_DECLS
