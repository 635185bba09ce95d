/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* The same field changed to two values on two desktops: the server kept
 * one (shown, marked "needs review"), the other is held beside it. */
typedef struct
{
  char     *id;
  char     *table;
  char     *row_id;
  char     *record;        /* what the record is called, or NULL */
  char     *field;
  char     *kept;          /* JSON text of each value */
  char     *other;
  char     *other_actor;
  char     *other_device;
  gint64    kept_at;       /* HLC of the op that set each value */
  gint64    other_at;
  char     *detected_at;
  gboolean  other_is_mine; /* the other value was made on this computer */
} XasoSyncConflict;

void       xaso_sync_conflict_free (XasoSyncConflict *conflict);
/* The conflicts still open, oldest first. */
GPtrArray *xaso_sync_conflicts_list (XasoDatabase  *db,
                                     GError       **error);

typedef enum
{
  XASO_SYNC_KEEP_KEPT,      /* the value the server kept (shown now) */
  XASO_SYNC_KEEP_OTHER,     /* the value held beside it */
  XASO_SYNC_KEEP_VALUE,     /* a value a person typed */
} XasoSyncKeep;

/* Settles conflict @id by a new op, sent like any change and audited: the
 * field gets the chosen value on every desktop, and the conflict is closed
 * everywhere once the server has it. @value (text) for XASO_SYNC_KEEP_VALUE. */
gboolean   xaso_sync_conflict_resolve (XasoDatabase  *db,
                                       const char    *id,
                                       XasoSyncKeep   keep,
                                       const char    *value,
                                       const char    *actor,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoSyncConflict, xaso_sync_conflict_free)

G_END_DECLS
