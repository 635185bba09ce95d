/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-file-key.h"

G_BEGIN_DECLS

/* What a desk's own key (xaso-file-key.c) and the commune's keys from
 * other desks (xaso-commune-keys.c) share in how they are kept. */

/* A key written as 64 hex digits (surrounding blanks allowed); FALSE for
 * anything else. The copy it reads is wiped. */
gboolean _xaso_file_key_parse_hex  (const char    *text,
                                    guint8         key[XASO_FILE_KEY_SIZE]);
void     _xaso_file_key_append_hex (GString       *out,
                                    const guint8   key[XASO_FILE_KEY_SIZE]);
/* Sets @error for a key file that could not be written at @path. */
gboolean _xaso_file_key_keep_error (GError       **error,
                                    const char    *path,
                                    int            err);

G_END_DECLS
