/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Trust on first use, for an enrollment without the CA file: the last
 * certificate of the chain the server at @server_url presents (its CA when
 * it sends its chain, else its own certificate), as PEM text. Nothing is
 * verified here: the caller pins what this returns and shows its
 * fingerprint for the administrator to compare with the server's. */
char *xaso_sync_fetch_server_ca (const char  *server_url,
                                 GError     **error);

G_END_DECLS
