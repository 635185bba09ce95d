/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Password verifiers as the desktops keep and check them offline (core's
 * xaso-password.h): "pbkdf2-sha256$ITERATIONS$SALT$HASH", a 16-byte salt and
 * the 32-byte PBKDF2-HMAC-SHA256 (RFC 8018), both in base64. The server only
 * makes them, for the accounts it adds. */

#define XASO_SERVER_PASSWORD_ITERATIONS 600000
#define XASO_SERVER_PASSWORD_MIN_LENGTH 8

char *xaso_server_password_verifier (const char *password,
                                     guint       iterations);

G_END_DECLS
