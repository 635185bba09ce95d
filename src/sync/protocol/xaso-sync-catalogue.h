/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The catalogue of what travels (PROTOCOL.md, "Catalogue and schema
 * versions"): the synced tables and the columns each has on a desktop of
 * the current schema. The server holds no copy of the desktops' tables, so
 * this is how it knows an op naming an invented table or field is to be
 * rejected rather than stored. test-sync-catalogue holds it equal to the
 * desktop's schema (src/core/store/migrations). */

/* The desktop schema the catalogue describes: the number of its last
 * migration. A push says which schema its ops were made at; those of an
 * older one are upcast (xaso-sync-upcast.h) before they are checked. */
#define XASO_SYNC_SCHEMA_VERSION 25
/* The oldest desktop schema that pushes: the one sync came with (0019). */
#define XASO_SYNC_SCHEMA_FIRST   19

/* A synced table's columns but id and commune_code (NULL-terminated), or
 * NULL when the table does not travel. */
const char * const *xaso_sync_catalogue_columns   (const char  *table);
gboolean            xaso_sync_catalogue_has_field (const char  *table,
                                                   const char  *field);
/* Whether a pushed op (JSON, as sent) names a synced table and only fields
 * of its catalogue. When not, *reason_code is "unknown_table" or
 * "unknown_field" and *reason the Vietnamese reason naming it (g_free()).
 * An op of another shape passes: the codec's own checks refuse it. */
gboolean            xaso_sync_catalogue_check_op  (JsonNode    *op,
                                                   const char **reason_code,
                                                   char       **reason);

G_END_DECLS
