/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* The device's token, which lets it push and pull for its commune: kept in
 * the desktop keyring (libsecret, schema "io.github.xaso.XaSo.DeviceToken",
 * attributes "commune" and "device") where one answers, so a copy of the
 * database does not carry it; otherwise (no Secret Service, XASO_KEYRING=file)
 * in the database's sync_state. sync.token then says where it is. Both
 * block on D-Bus: call them off the GUI thread. */

/* Keeps @token; returns the value to write as sync.token, in the caller's
 * transaction (the keyring's mark, or the token itself). */
char *xaso_sync_token_keep   (XasoDatabase  *db,
                              const char    *token);
/* The token, wherever it is kept; NULL with an error in Vietnamese when
 * the replica is not enrolled or the keyring holding it does not answer. */
char *xaso_sync_token_lookup (XasoDatabase  *db,
                              GError       **error);

G_END_DECLS
