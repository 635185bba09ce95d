/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* The commune (xã, phường, đặc khu) a replica serves. */
typedef struct
{
  char     *code;            /* 5-digit statistical code */
  char     *name;            /* "Xã Tân Lập" */
  char     *province_code;   /* 2 digits */
  char     *province_name;
  char     *agency_eid;      /* electronic id of the People's Committee, e.g. 000.00.12.H56 */
  char     *agency_name;     /* "UBND xã Tân Lập" */
  gboolean  is_demo;
} XasoCommune;

void         xaso_commune_free     (XasoCommune   *commune);
gboolean     xaso_commune_validate (const XasoCommune *commune,
                                    GError       **error);
gboolean     xaso_commune_setup    (XasoDatabase  *db,
                                    const XasoCommune *commune,
                                    GError       **error);
XasoCommune *xaso_commune_load     (XasoDatabase  *db,
                                    GError       **error);

/* The official working on this computer, until desktop sign-in arrives: the
 * user the replica's state names (the demo sets its civil-status officer).
 * FALSE when none is named; either out value may come back NULL. */
gboolean     xaso_commune_get_current_official (XasoDatabase  *db,
                                                char         **full_name,
                                                char         **person_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoCommune, xaso_commune_free)

G_END_DECLS
