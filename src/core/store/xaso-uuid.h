/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *xaso_uuid_new           (void);
char     *xaso_uuid_new_at        (gint64      unix_ms);
/* The same id for the same @name on every desktop (an RFC 9562 version-8
 * UUID over its SHA-256), for a record two desktops may make apart that
 * must be one row: a register of a commune's kind and year. Not a UUIDv7:
 * xaso_uuid_is_valid() is FALSE for it. */
char     *xaso_uuid_new_named     (const char *name);
gboolean  xaso_uuid_is_valid      (const char *text);
gint64    xaso_uuid_get_unix_ms   (const char *text);

G_END_DECLS
