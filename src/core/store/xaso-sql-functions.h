/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* Functions core's queries call, registered on every connection:
 *
 * xaso_words_together (FTS_TABLE), in a full-text query whose phrases are
 * the words typed, is 1 when every word begins a token of its own in one
 * and the same column, in any order. The MATCH finds rows holding the
 * words anywhere; this keeps those where they stand together in one field
 * ("nguyen nguyen" needs two words beginning so), reading only the
 * index's positions, never the row. */
int xaso_sql_functions_register (sqlite3 *db);

G_END_DECLS
