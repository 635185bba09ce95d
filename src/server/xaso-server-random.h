/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Secrets from the kernel's generator (getrandom(2): the server is Linux-only). */

/* 16 letters a person reads off paper without mistaking one for another. */
#define XASO_ENROLLMENT_LETTERS 16

void      xaso_server_random_bytes   (guint8 *buffer,
                                      gsize   length);
char     *xaso_server_random_letters (guint n);
/* 32 random bytes in hex: the secret part of a device token. */
char     *xaso_server_random_secret  (void);
/* "<commune>-<16 letters>" upper-cased, or NULL when it has another shape. */
char     *xaso_server_enrollment_code_normalize (const char *code);

G_END_DECLS
