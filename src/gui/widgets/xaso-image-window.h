/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XASO_TYPE_IMAGE_WINDOW (xaso_image_window_get_type ())
G_DECLARE_FINAL_TYPE (XasoImageWindow, xaso_image_window, XASO, IMAGE_WINDOW, AdwWindow)

/* A scanned paper (JPEG, PNG…) on its own window, fitted to it or at its
 * actual size. The picture is decoded beforehand (on the worker), so a
 * sensitive scan's private plaintext copy is gone before it shows. */
XasoImageWindow *xaso_image_window_new (GtkApplication *app,
                                        const char     *title,
                                        GdkTexture     *texture);

G_END_DECLS
