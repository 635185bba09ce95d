/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* How many codes a desk takes at a time. */
#define XASO_DOSSIER_CODE_BLOCK 20

/* Where an enrolled desk keeps the offline sub-range of every day's codes
 * the server assigned it ("FIRST-LAST"), for the days it has no block. */
#define XASO_DOSSIER_FALLBACK_KEY "sync.dossier_fallback"

/* Where a desktop keeps whether it is a reception desk (Bộ phận một cửa),
 * "yes" or "no": only a desk takes blocks of dossier codes and gives them. */
#define XASO_DOSSIER_DESK_KEY "sync.desk"

/* Whether this computer receives dossiers at the counter: always when it is
 * not enrolled (its commune's only computer), else as set, an enrollment
 * from before the setting counting as a desk. */
gboolean xaso_dossier_desk_is_on (XasoDatabase  *db);
gboolean xaso_dossier_desk_set   (XasoDatabase  *db,
                                  gboolean       on,
                                  GError       **error);

/* The next dossier code <@unit_eid>-<yyMMdd>-<NNNN> for a dossier received
 * on the day of @received, from a block of that day's numbers this desk
 * (this database's device) holds, taking a new block after the last one
 * any desk took when it has none left (DESIGN.md §4.7). The sequence
 * restarts every day. An enrolled desk draws only from blocks the server
 * granted it, then from its own offline sub-range of the day; a code
 * already given (before the desk enrolled) is passed over. An enrolled
 * computer that is not a desk gives none (XASO_DOSSIER_ERROR_CODE).
 * Inside the caller's transaction. */
char *xaso_dossier_code_next (XasoDatabase  *db,
                              const char    *unit_eid,
                              GDateTime     *received,
                              const char    *actor,
                              GError       **error);

G_END_DECLS
