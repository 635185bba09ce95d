/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

#define XASO_TYPE_SIGN_IN_VIEW (xaso_sign_in_view_get_type ())
G_DECLARE_FINAL_TYPE (XasoSignInView, xaso_sign_in_view, XASO, SIGN_IN_VIEW, AdwBin)

/* Asks who is working: username and password, checked offline by core. A
 * demo commune lists its accounts, one per role, to sign in with a click.
 * Emits "signed-in" once the context has a user. */
void xaso_sign_in_view_start (XasoSignInView *self,
                              XasoContext    *context,
                              const char     *username,
                              const char     *notice);

G_END_DECLS
