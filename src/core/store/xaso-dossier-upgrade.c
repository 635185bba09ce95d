/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-database-private.h"

/* Migration 0016: what reception and processing keep beside the columns
 * of 0001. A procedure's fee set by the provincial council has no amount. */
gboolean
_xaso_database_upgrade_dossiers (XasoDatabase  *db,
                                 GError       **error)
{
  static const char * const procedure_columns[] = {
    "note TEXT", "fee_by_province INTEGER NOT NULL DEFAULT 0",
  };
  static const char * const dossier_columns[] = {
    "papers TEXT NOT NULL DEFAULT '[]'",   /* indices of the procedure's papers received */
    "fee_exemption TEXT",                  /* why no fee is due, if none is */
    "timeliness TEXT",                     /* early, on_time, late: once resolved */
    "step INTEGER NOT NULL DEFAULT 0",     /* the procedure's step the dossier is at */
    "step_due_at TEXT",
    "paused_at TEXT",                      /* the clock stopped for a supplement */
    "collected_by TEXT",                   /* who took the result */
    "desk_device_id TEXT",                 /* the desk that received it */
  };

  return _xaso_database_add_columns (db, "procedure", procedure_columns, G_N_ELEMENTS (procedure_columns), error) &&
         _xaso_database_add_columns (db, "dossier", dossier_columns, G_N_ELEMENTS (dossier_columns), error);
}
