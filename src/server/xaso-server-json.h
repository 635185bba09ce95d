/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* JSON written straight into a GString, for the record sets a push sends
 * to PostgreSQL: a JsonBuilder would allocate a node per value of a batch.
 * Strings and values are written by the codec's xaso_sync_json_append_*. */

/* Opens the next record of an array begun with "[" (a comma if needed). */
void      xaso_json_next_record   (GString    *out);
/* A value read back from PostgreSQL as jsonb_typeof and #>> '{}'. */
JsonNode *xaso_json_value_new     (const char *type,
                                   const char *text);

G_END_DECLS
