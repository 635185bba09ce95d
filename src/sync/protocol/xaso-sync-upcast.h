/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Upcasters (PROTOCOL.md, "Catalogue and schema versions"): an op made on a
 * desktop of an older schema, brought to the current catalogue one
 * migration at a time, so that an upgrade never turns a person's pending
 * work into a rejection. The server upcasts a push's ops by the schema it
 * names; a desktop upgraded while offline upcasts its outbox in the same
 * migration. */

typedef enum
{
  /* field of table is now called to. */
  XASO_SYNC_STEP_RENAME_FIELD,
  /* table gained field with a default (to, as JSON text): an insert made
   * before it gets the default, as the desktop's migration gave its row. */
  XASO_SYNC_STEP_ADD_FIELD,
  /* table is now called to (fields and row ids unchanged). */
  XASO_SYNC_STEP_RENAME_TABLE,
  /* field of table moved to table to, on the row with the same id (a
   * table split): an op whose fields all moved goes to the new table; one
   * that keeps other fields too is not for this step kind to rewrite. */
  XASO_SYNC_STEP_MOVE_FIELD,
} XasoSyncStepKind;

typedef struct
{
  int               version;   /* the migration that made the change */
  XasoSyncStepKind  kind;
  const char       *table;
  const char       *field;
  const char       *to;
} XasoSyncUpcastStep;

/* The steps of the real migrations, oldest first. */
const XasoSyncUpcastStep *xaso_sync_upcast_steps   (guint *n_steps);
/* Whether ops of schema @version can be brought to the current one here. */
gboolean   xaso_sync_schema_supported (gint64 version);
/* A copy of @op (an op as pushed, or an outbox row's table and fields
 * inside such an object) with every step newer than @from applied. */
JsonNode  *xaso_sync_upcast_op        (JsonNode                 *op,
                                       gint64                    from);
JsonNode  *xaso_sync_upcast_op_by     (JsonNode                 *op,
                                       gint64                    from,
                                       const XasoSyncUpcastStep *steps,
                                       guint                     n_steps);

G_END_DECLS
