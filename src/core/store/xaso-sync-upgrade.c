/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-database-private.h"

/* Migration 0019: what sync keeps beside the tables of 0001. */
gboolean
_xaso_database_upgrade_sync (XasoDatabase  *db,
                             GError       **error)
{
  /* A conflict as the server recorded it: the value it kept (shown, with a
   * "needs review" badge, in remote_value) and the other one (local_value),
   * who made each and when. Every desktop of the commune holds the same. */
  static const char * const conflict_columns[] = {
    "kept_version INTEGER", "kept_actor TEXT", "kept_at INTEGER",
    "other_actor TEXT", "other_device TEXT", "other_at INTEGER",
    "server_seq INTEGER",                  /* the log entry that reported it */
  };
  /* A refused op keeps the seq it was sent with, to be edited and sent again. */
  static const char * const quarantine_columns[] = { "device_seq INTEGER", "actor TEXT" };
  /* An op that settles conflicts names them (a JSON array of their ids). */
  static const char * const outbox_columns[] = { "resolves TEXT" };

  return _xaso_database_add_columns (db, "field_conflict", conflict_columns, G_N_ELEMENTS (conflict_columns), error) &&
         _xaso_database_add_columns (db, "quarantine", quarantine_columns, G_N_ELEMENTS (quarantine_columns), error) &&
         _xaso_database_add_columns (db, "outbox", outbox_columns, G_N_ELEMENTS (outbox_columns), error);
}

/* Migration 0024: the digest's lines in the sync log. */
gboolean
_xaso_database_upgrade_sync_log (XasoDatabase  *db,
                                 GError       **error)
{
  static const char * const log_columns[] = {
    "kind TEXT NOT NULL DEFAULT 'sync' CHECK (kind = 'sync' OR kind = 'digest')",
    "tables INTEGER NOT NULL DEFAULT 0", "differing INTEGER NOT NULL DEFAULT 0",
    "repaired INTEGER NOT NULL DEFAULT 0", "recaptured INTEGER NOT NULL DEFAULT 0",
  };

  return _xaso_database_add_columns (db, "sync_log", log_columns, G_N_ELEMENTS (log_columns), error);
}
