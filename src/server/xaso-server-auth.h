/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-server-request.h"

G_BEGIN_DECLS

/* Opens the request's transaction for the device of its bearer token:
 * scoped to the token's commune (row-level security), then checks the token
 * against the stored hash. On failure nothing is left open. */
gboolean xaso_server_auth_begin (XasoPg                   *pg,
                                 const XasoServerRequest  *request,
                                 char                    **commune_code,
                                 char                    **device_id,
                                 GError                  **error);

/* The commune a bearer token names, unchecked; NULL when there is none. */
char    *xaso_server_token_commune (const char *authorization);

/* Compares two strings in a time that does not depend on where they differ. */
gboolean xaso_server_secret_equal (const char *a,
                                   const char *b);

G_END_DECLS
