/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Passwords are kept only as salted PBKDF2-SHA256 verifiers, checked
 * offline (DESIGN.md §6): "pbkdf2-sha256$ITERATIONS$SALT$HASH", salt and
 * hash in base64. Nothing else about a password is stored. */
#define XASO_PASSWORD_ITERATIONS 600000
#define XASO_PASSWORD_MIN_LENGTH 8

/* Every account of a demo commune (one per role and a few more, listed on
 * its sign-in screen) has this password. */
#define XASO_DEMO_PASSWORD "xaso-demo"

/* Checks the password a user chose: long enough, and not the username. */
gboolean  xaso_password_acceptable    (const char  *password,
                                       const char  *username,
                                       GError     **error);
char     *xaso_password_make_verifier (const char  *password,
                                       GError     **error);
/* In constant time once the verifier is read; FALSE for a verifier that
 * cannot be read. */
gboolean  xaso_password_check         (const char  *verifier,
                                       const char  *password);

G_END_DECLS
