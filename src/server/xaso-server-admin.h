/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pg/xaso-pg.h"
#include "xaso-server-config.h"

G_BEGIN_DECLS

/* The administrator's verbs. Each works through its own connection and
 * reports in plain English through error. */

/* A connection as xaso_admin, for the verbs of other files. */
/* Sets @error (G_IO_ERROR_FAILED) to the message for the administrator and
 * returns FALSE: the admin verbs' refusals. */
gboolean xaso_server_admin_fail    (GError                 **error,
                                    const char              *format,
                                    ...) G_GNUC_PRINTF (2, 3);
/* FALSE with an error telling the administrator to add it first when the
 * server has no commune @commune. */
gboolean xaso_server_admin_check_commune (XasoPg      *pg,
                                          const char  *commune,
                                          GError     **error);
XasoPg  *xaso_server_admin_connect (const XasoServerConfig  *config,
                                    GError                 **error);

/* Creates or completes the schema, then claims the numbers the log's rows
 * hold already (@claimed says how many were new). */
gboolean xaso_server_init_db      (const XasoServerConfig  *config,
                                   guint                   *claimed,
                                   GError                 **error);
/* The backfill of number_claim, inside init-db's transaction
 * (xaso-server-backfill.c). */
gboolean xaso_server_backfill_numbers (XasoPg   *pg,
                                       guint    *added,
                                       GError  **error);

typedef struct
{
  const char *code;
  const char *name;
  const char *province_code;
  const char *province_name;
  const char *agency_eid;
  const char *agency_name;
} XasoServerCommune;

gboolean xaso_server_commune_add  (const XasoServerConfig  *config,
                                   const XasoServerCommune *commune,
                                   GError                 **error);
/* Prints the communes as tab-separated lines, ordered by code. */
gboolean xaso_server_commune_list (const XasoServerConfig  *config,
                                   GError                 **error);
/* A fresh one-time enrollment code for the commune, valid enrollment-days. */
char    *xaso_server_enroll       (const XasoServerConfig  *config,
                                   const char              *commune_code,
                                   char                   **expires_at,
                                   GError                 **error);
/* Lists the commune's register leases (register, year, device, its name,
 * until) as tab-separated lines. */
gboolean xaso_server_lease_list   (const XasoServerConfig  *config,
                                   const char              *commune_code,
                                   GError                 **error);
/* Frees a register's lease, whoever holds it, so another desktop can take
 * it; prints what was released. */
gboolean xaso_server_lease_release (const XasoServerConfig *config,
                                   const char              *commune_code,
                                   const char              *register_id,
                                   GError                 **error);

G_END_DECLS
