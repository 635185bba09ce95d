/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-server-config.h"

G_BEGIN_DECLS

/* The province's accounts, once a commune is enrolled: `xaso-server user
 * add` writes a `user` insert into the commune's log (an entry the server
 * writes, PROTOCOL.md), which every desktop of the commune pulls; `user
 * list` reads the accounts from the server's state of the commune's rows,
 * those the desktops pushed included. */

typedef struct
{
  const char *commune;
  const char *username;
  const char *full_name;
  const char *roles;         /* van_thu,tiep_nhan,… */
  const char *password;      /* NULL: one is made and given back */
} XasoServerUser;

/* The account's id, or NULL; @made_password gets the password made when
 * none was given. */
char    *xaso_server_user_add  (const XasoServerConfig  *config,
                                const XasoServerUser    *user,
                                char                   **made_password,
                                GError                 **error);
/* Prints username, full name, roles, active (1 or 0), separated by tabs,
 * ordered by username; deleted accounts are left out. */
gboolean xaso_server_user_list (const XasoServerConfig  *config,
                                const char              *commune,
                                GError                 **error);

G_END_DECLS
