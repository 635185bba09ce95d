/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-sync-conflicts.h"

G_BEGIN_DECLS

#define XASO_TYPE_CONFLICT_ROW (xaso_conflict_row_get_type ())
G_DECLARE_FINAL_TYPE (XasoConflictRow, xaso_conflict_row, XASO, CONFLICT_ROW, AdwExpanderRow)

/* A conflict to review on the Đồng bộ page. "resolve" (XasoSyncKeep, the
 * value typed or NULL) says what a person chose. */
GtkWidget  *xaso_conflict_row_new    (const XasoSyncConflict *conflict);
const char *xaso_conflict_row_get_id (XasoConflictRow        *self);

/* A stored value (JSON text) as people read it: the text itself, a number,
 * or "(empty)". */
char       *xaso_conflict_value_text (const char             *json);
/* What a synced table's records are, as people call them. */
const char *xaso_sync_table_label    (const char             *table);

G_END_DECLS
