/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <curl/curl.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Trust on first use, for an enrollment without the CA file: the last
 * certificate of the chain the server at @server_url presents (its CA when
 * it sends its chain, else its own certificate), as PEM text. Nothing is
 * verified here: the caller pins what this returns and shows its
 * fingerprint for the administrator to compare with the server's. */
char *xaso_sync_fetch_server_ca (const char  *server_url,
                                 GError     **error);

/* An easy handle for one unverified GET of @server_url's public health
 * answer, its body thrown away: for learning what a server presents (its
 * chain, its Date) before anything about it is trusted. Never used for a
 * request carrying a token or data. */
CURL *xaso_sync_unverified_probe_new (const char *server_url);

G_END_DECLS
