/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <string.h>

#include "xaso-database-private.h"

/* Migration 0013: what the registers of Decree 30 and the directive slip
 * (phiếu giải quyết) need beside the columns of 0001. */
gboolean
_xaso_database_upgrade_documents (XasoDatabase  *db,
                                  GError       **error)
{
  static const char * const columns[] = {
    "page_count INTEGER", "recipient_unit TEXT", "lead_unit TEXT", "co_handlers TEXT", "directive TEXT",
    "progress TEXT", "signed_date TEXT", "transferred_date TEXT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *name = g_strndup (columns[i], strcspn (columns[i], " "));
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE document ADD COLUMN %s", columns[i]);

      if (!_xaso_database_has_column (db, "document", name) && !xaso_database_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Migration 0015: the day the văn thư sealed an issued document. */
gboolean
_xaso_database_upgrade_document_seal (XasoDatabase  *db,
                                      GError       **error)
{
  return _xaso_database_has_column (db, "document", "sealed_date") ||
         xaso_database_exec (db, "ALTER TABLE document ADD COLUMN sealed_date TEXT", error);
}
