/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XASO_TYPE_IDLE_LOCK (xaso_idle_lock_get_type ())
G_DECLARE_FINAL_TYPE (XasoIdleLock, xaso_idle_lock, XASO, IDLE_LOCK, GObject)

/* Watches a window for use; while armed, emits "idle" once nobody has
 * touched it for the minutes of the setting "lock-after-minutes" (0:
 * never), so the app can lock the session. */
XasoIdleLock *xaso_idle_lock_new       (GtkWindow    *window,
                                        GSettings    *settings);
void          xaso_idle_lock_set_armed (XasoIdleLock *self,
                                        gboolean      armed);

G_END_DECLS
