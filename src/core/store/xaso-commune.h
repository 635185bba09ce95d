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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoCommune, xaso_commune_free)

G_END_DECLS
