/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* The registers of Decree 30 ("sổ đăng ký văn bản"): each has its own
 * yearly series, starting at 1 on 1 January, consecutive, never reused. */
typedef enum
{
  XASO_REGISTER_INCOMING,
  XASO_REGISTER_OUTGOING,                /* administrative documents */
  XASO_REGISTER_LEGAL,                   /* legal normative documents */
  XASO_REGISTER_CONFIDENTIAL_INCOMING,   /* "mật": stubs only */
  XASO_REGISTER_CONFIDENTIAL_OUTGOING,
} XasoRegisterKind;

const char *xaso_register_kind_to_string (XasoRegisterKind kind);
/* The kind named as xaso_register_kind_to_string() names it; FALSE for
 * another name. */
gboolean    xaso_register_kind_from_string (const char       *name,
                                            XasoRegisterKind *kind);

/* The id of @kind's register for @year, made (with this desktop holding
 * its lease, as a standalone desktop holds them all) if the year has none
 * yet. Joins the caller's transaction. */
char       *xaso_register_open           (XasoDatabase     *db,
                                          XasoRegisterKind  kind,
                                          int               year,
                                          const char       *actor,
                                          GError          **error);
/* The next number of the register, written in the caller's transaction
 * (which must be one: the number is used only if it commits, so a failed
 * or killed save leaves no gap and reuses nothing). Only the desktop that
 * holds the register's lease allocates (DESIGN.md §4.7); a standalone
 * desktop takes the lease of a register nobody holds. */
gboolean    xaso_register_allocate       (XasoDatabase     *db,
                                          const char       *register_id,
                                          const char       *actor,
                                          guint            *number,
                                          GError          **error);
/* Whether this desktop allocates the numbers of @register_id. */
gboolean    xaso_register_holds_lease    (XasoDatabase     *db,
                                          const char       *register_id);

G_END_DECLS
