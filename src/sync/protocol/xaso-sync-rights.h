/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Who may write what, as the server checks it on every op (DESIGN.md §4.6):
 * a second wall behind core's own checks, kept here because the server does
 * not link core. The roles are core's (xaso-rights.h), with the same bits;
 * tests/sync/test-sync-rights.c checks that no table here refuses what
 * core allows, nor allows what core refuses. */

typedef enum
{
  XASO_SYNC_ROLE_VAN_THU     = 1 << 0,
  XASO_SYNC_ROLE_TIEP_NHAN   = 1 << 1,
  XASO_SYNC_ROLE_CHUYEN_VIEN = 1 << 2,
  XASO_SYNC_ROLE_LANH_DAO    = 1 << 3,
  XASO_SYNC_ROLE_QUAN_TRI    = 1 << 4,
} XasoSyncRoles;

#define XASO_SYNC_ALL_ROLES 0x1f

/* "van_thu,lanh_dao" → flags; names it does not know are left out. */
guint       xaso_sync_roles_parse       (const char  *text);
/* The roles that may write rows of @table (XASO_SYNC_ALL_ROLES for a table
 * every role writes). */
guint       xaso_sync_table_writers     (const char  *table);
/* Whether an account holding @roles may make this op. @own_row: the op
 * changes the actor's own account, where changing one's password is
 * everyone's right. */
gboolean    xaso_sync_rights_allow      (guint        roles,
                                         const char  *table,
                                         const char  *kind,
                                         JsonObject  *fields,
                                         gboolean     own_row);
/* "van_thu,lanh_dao": @roles as the user table's roles column holds them,
 * in core's order. */
char       *xaso_sync_roles_to_codes    (guint        roles);
/* "Văn thư, Lãnh đạo": the roles in Vietnamese, for people. */
char       *xaso_sync_roles_describe    (guint        roles);
/* What @table holds, in Vietnamese, for the reason of a refusal. */
const char *xaso_sync_table_describe    (const char  *table);

G_END_DECLS
