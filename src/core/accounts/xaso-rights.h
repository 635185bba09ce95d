/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The roles of a commune's staff (DOMAIN.md); a user holds one or more. */
typedef enum
{
  XASO_ROLE_VAN_THU     = 1 << 0,   /* văn thư: registers documents, issues numbers */
  XASO_ROLE_TIEP_NHAN   = 1 << 1,   /* tiếp nhận: one-stop reception */
  XASO_ROLE_CHUYEN_VIEN = 1 << 2,   /* chuyên viên: handles the work */
  XASO_ROLE_LANH_DAO    = 1 << 3,   /* lãnh đạo: directs and signs */
  XASO_ROLE_QUAN_TRI    = 1 << 4,   /* quản trị: accounts */
} XasoRoles;

#define XASO_N_ROLES 5

/* What a role allows. The GUI hides what a user may not do; core refuses
 * it anyway, with xaso_rights_check(). */
typedef enum
{
  XASO_RIGHT_MANAGE_USERS,        /* add, edit, deactivate accounts */
  XASO_RIGHT_REGISTER_INCOMING,   /* register an incoming document */
  XASO_RIGHT_ISSUE_NUMBER,        /* number and issue an outgoing document */
  XASO_RIGHT_PRINT_REGISTER,      /* print the document registers */
  XASO_RIGHT_DIRECT,              /* write a directive on an incoming document */
  XASO_RIGHT_SIGN,                /* sign a document as its signer */
  XASO_RIGHT_HANDLE,              /* handle documents, draft replies */
  XASO_RIGHT_RECEIVE_DOSSIER,     /* receive a one-stop dossier */
  XASO_RIGHT_EDIT_CITIZENS,       /* change resident records */
  XASO_RIGHT_RECEIVE_INCOMING,    /* take in an incoming document for the văn thư to register */
  XASO_RIGHT_EDIT_CATALOGUE,      /* make new versions of the procedure catalogue */
  XASO_RIGHT_PROCESS_DOSSIER,     /* assign, forward, request supplements, refuse, stop a dossier */
  XASO_RIGHT_APPROVE_DOSSIER,     /* approve a dossier's result by signing it */
  XASO_RIGHT_RETURN_DOSSIER,      /* hand the result back, take supplements and withdrawals */
  XASO_RIGHT_REPORT_PERSONAL_DATA, /* tell a resident everything held about them and who saw it */
  XASO_N_RIGHTS
} XasoRight;

/* "van_thu,lanh_dao" ↔ flags; an unknown name is refused, naming it. */
gboolean    xaso_roles_parse       (const char  *text,
                                    XasoRoles   *roles,
                                    GError     **error);
char       *xaso_roles_to_string   (XasoRoles    roles);
/* "Văn thư, Lãnh đạo", for people. */
char       *xaso_roles_describe    (XasoRoles    roles);
const char *xaso_right_describe    (XasoRight    right);
gboolean    xaso_roles_allow       (XasoRoles    roles,
                                    XasoRight    right);

G_END_DECLS
