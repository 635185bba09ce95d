/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-server-config.h"

G_BEGIN_DECLS

/* Systems that submit dossiers to the inbox (the public-service portals, a
 * kiosk), each with its token "system.<id>.<secret>": only the SHA-256 of
 * the secret is kept, as for device tokens. */

#define XASO_SYSTEM_TOKEN_PREFIX "system."

/* "system.<id>.<secret>" → id (lower case) and secret; FALSE for any other
 * shape. */
gboolean xaso_server_system_token_parse (const char  *token,
                                         char       **system_id,
                                         char       **secret);

/* Adds a system serving @communes (NULL or empty: every commune) and
 * returns its token, shown this once; @system_id gets its id. */
char    *xaso_server_system_add    (const XasoServerConfig  *config,
                                    const char              *name,
                                    const char * const      *communes,
                                    char                   **system_id,
                                    GError                 **error);
/* Prints id, name, communes ("*" for all), created, state (active or
 * revoked), separated by tabs, ordered by creation. */
gboolean xaso_server_system_list   (const XasoServerConfig  *config,
                                    GError                 **error);
/* Revokes a system's token for good. */
gboolean xaso_server_system_revoke (const XasoServerConfig  *config,
                                    const char              *system_id,
                                    GError                 **error);

G_END_DECLS
