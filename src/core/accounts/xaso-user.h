/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-record.h"
#include "xaso-rights.h"

G_BEGIN_DECLS

#define XASO_USER_ERROR (xaso_user_error_quark ())

typedef enum
{
  XASO_USER_ERROR_INVALID,
  XASO_USER_ERROR_DUPLICATE,
  XASO_USER_ERROR_WEAK_PASSWORD,
  XASO_USER_ERROR_WRONG_PASSWORD,
  XASO_USER_ERROR_SLOWED,          /* too many wrong passwords: wait */
  XASO_USER_ERROR_INACTIVE,
  XASO_USER_ERROR_NOT_FOUND,
  XASO_USER_ERROR_NOT_ALLOWED,     /* the role does not allow it */
  XASO_USER_ERROR_FAILED,
} XasoUserError;

/* An account of the commune's staff. */
typedef enum
{
  XASO_USER_USERNAME,
  XASO_USER_FULL_NAME,
  XASO_USER_TITLE,               /* chức vụ */
  XASO_USER_UNIT,                /* bộ phận */
  XASO_USER_PERSON_ID,           /* the official as a resident */
  XASO_USER_ROLES,               /* van_thu,lanh_dao,… */
  XASO_USER_ACTIVE,              /* 1 or 0 */
  XASO_USER_PASSWORD_VERIFIER,   /* see xaso-password.h */
  XASO_USER_N_FIELDS
} XasoUserField;

#define XASO_TYPE_USER (xaso_user_get_type ())
G_DECLARE_FINAL_TYPE (XasoUser, xaso_user, XASO, USER, XasoRecord)

GQuark      xaso_user_error_quark  (void);

XasoUser   *xaso_user_new          (void);
XasoUser   *xaso_user_load         (XasoDatabase   *db,
                                    const char     *id,
                                    GError        **error);
XasoUser   *xaso_user_find         (XasoDatabase   *db,
                                    const char     *username,
                                    GError        **error);
/* Every account of the commune, active or not, by username. */
GPtrArray  *xaso_user_list         (XasoDatabase   *db,
                                    GError        **error);
const char *xaso_user_get          (XasoUser       *self,
                                    XasoUserField   field);
void        xaso_user_set          (XasoUser       *self,
                                    XasoUserField   field,
                                    const char     *value);
XasoRoles   xaso_user_get_roles    (XasoUser       *self);
gboolean    xaso_user_is_active    (XasoUser       *self);
/* Checks the password and keeps only its verifier. */
gboolean    xaso_user_set_password (XasoUser       *self,
                                    const char     *password,
                                    GError        **error);

/* Refuses, saying who may not do what, unless @actor's roles allow it. */
gboolean    xaso_user_check_right  (XasoUser       *actor,
                                    XasoRight       right,
                                    GError        **error);

/* Account management, rights checked here: an administrator adds, edits
 * and deactivates accounts; anyone changes their own password. The first
 * account of a commune, made with it, must be an administrator and needs
 * no @actor. */
gboolean    xaso_user_add          (XasoDatabase   *db,
                                    XasoUser       *actor,
                                    XasoUser       *user,
                                    const char     *password,
                                    GError        **error);
gboolean    xaso_user_change_password (XasoDatabase *db,
                                    XasoUser       *actor,
                                    XasoUser       *user,
                                    const char     *password,
                                    GError        **error);
/* Saves an administrator's edits of an account (over others' concurrent
 * changes, as xaso_record_save_edits()), with a new password when one is
 * given; the last active administrator keeps that role and stays active. */
char       *xaso_user_save_edits   (XasoDatabase   *db,
                                    XasoUser       *actor,
                                    XasoUser       *original,
                                    XasoUser       *edited,
                                    const char     *password,
                                    GError        **error);
gboolean    xaso_user_deactivate   (XasoDatabase   *db,
                                    XasoUser       *actor,
                                    XasoUser       *user,
                                    GError        **error);

/* Checks a username and password offline. Wrong passwords are counted per
 * username on this desktop: after three, each try waits longer (5 s,
 * 10 s, … up to 5 minutes), and the error says how long. */
XasoUser   *xaso_user_sign_in      (XasoDatabase   *db,
                                    const char     *username,
                                    const char     *password,
                                    GError        **error);

G_END_DECLS
