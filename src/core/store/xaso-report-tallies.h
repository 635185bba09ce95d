/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* Counts the tallies of the leader's figures again from the dossiers and
 * persons themselves (migration 0018). The triggers keep them up to date
 * with every write; this is for a replica filled another way, and for
 * tests that compare both. Runs in a transaction of its own unless one is
 * open. */
gboolean xaso_tallies_rebuild (XasoDatabase  *db,
                               GError       **error);

G_END_DECLS
