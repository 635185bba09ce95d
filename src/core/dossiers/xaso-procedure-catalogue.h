/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-procedure.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* The catalogue of procedures (danh mục thủ tục hành chính) as a whole:
 * what is valid on a day, and an administrator's new versions. */

/* The versions valid on @date (YYYY-MM-DD; NULL: today), by field then
 * name in Vietnamese order. With @search, only those whose code begins
 * with it or where each of its words begins a word of the code, name or
 * field, diacritics and case ignored ("dang ky k", "1.0011").
 * Returns: (element-type XasoProcedure): the versions */
GPtrArray *xaso_procedure_catalogue_list     (XasoDatabase   *db,
                                              const char     *search,
                                              const char     *date,
                                              GError        **error);
/* Every version of @code, oldest first; empty when there is none. */
GPtrArray *xaso_procedure_catalogue_versions (XasoDatabase   *db,
                                              const char     *code,
                                              GError        **error);

/* "Sửa thủ tục": @edited (its code names the procedure) becomes a new
 * version from @valid_from, which must be after the day the current
 * version began; the current one then ends that day. A code not yet in
 * the catalogue starts at version 1. Needs XASO_RIGHT_EDIT_CATALOGUE.
 * Returns: (transfer full): the new version's id, or NULL */
char      *xaso_procedure_new_version        (XasoDatabase   *db,
                                              XasoUser       *actor,
                                              XasoProcedure  *edited,
                                              const char     *valid_from,
                                              GError        **error);

G_END_DECLS
