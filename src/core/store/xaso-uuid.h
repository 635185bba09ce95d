/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *xaso_uuid_new           (void);
char     *xaso_uuid_new_at        (gint64      unix_ms);
gboolean  xaso_uuid_is_valid      (const char *text);
gint64    xaso_uuid_get_unix_ms   (const char *text);

G_END_DECLS
