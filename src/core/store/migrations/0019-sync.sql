-- SPDX-License-Identifier: GPL-3.0-or-later
-- Sync (issue 11, DESIGN.md §4). The receipt of each op pushed is stored
-- before its outbox entry goes, so a crash between the two cannot lose the
-- op's outcome, and the count sent = applied + merged + conflict + rejected
-- can be checked on the desktop as well as on the server. The columns added
-- to field_conflict, quarantine and outbox are added in C
-- (xaso-sync-upgrade.c), which looks before it alters.
CREATE TABLE IF NOT EXISTS sync_receipt (
  device_seq      INTEGER PRIMARY KEY,       -- the op's seq on this device
  op_id           TEXT NOT NULL,
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  outcome         TEXT NOT NULL CHECK (outcome = 'applied' OR outcome = 'merged' OR outcome = 'conflict'
                                           OR outcome = 'rejected'),
  server_seq      INTEGER,                   -- NULL when rejected
  received_at     TEXT NOT NULL
);

-- What each sync did, for the Đồng bộ page's log (the last few hundred).
CREATE TABLE IF NOT EXISTS sync_log (
  id              INTEGER PRIMARY KEY,
  started_at      TEXT NOT NULL,
  finished_at     TEXT NOT NULL,
  sent            INTEGER NOT NULL,
  applied         INTEGER NOT NULL,
  merged          INTEGER NOT NULL,
  conflict        INTEGER NOT NULL,
  rejected        INTEGER NOT NULL,
  pulled          INTEGER NOT NULL,
  bytes_in        INTEGER NOT NULL,
  error           TEXT                       -- NULL when it finished
);
