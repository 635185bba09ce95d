/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-database-private.h"

/* Migration 0021: where a block of dossier codes came from. */
gboolean
_xaso_database_upgrade_number_leases (XasoDatabase  *db,
                                      GError       **error)
{
  static const char * const block_columns[] = {
    "source TEXT NOT NULL DEFAULT 'local' CHECK (source = 'local' OR source = 'server' OR source = 'fallback')",
  };

  return _xaso_database_add_columns (db, "dossier_code_block", block_columns, G_N_ELEMENTS (block_columns), error);
}
