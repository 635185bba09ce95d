-- SPDX-License-Identifier: GPL-3.0-or-later
-- The digest (issue 11, src/sync/PROTOCOL.md "Digest") is logged beside the
-- syncs, so the Đồng bộ page's recent syncs say when this computer last
-- compared its tables with the server's and what it repaired: tables
-- compared, tables whose digest differed, rows written again from the
-- server's values, rows the server lacked captured again to push. A sync's
-- line has kind 'sync' and zeros there; a digest's has zeros in the sync's
-- counts.
ALTER TABLE sync_log ADD COLUMN kind TEXT NOT NULL DEFAULT 'sync' CHECK (kind = 'sync' OR kind = 'digest');
ALTER TABLE sync_log ADD COLUMN tables INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_log ADD COLUMN differing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_log ADD COLUMN repaired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_log ADD COLUMN recaptured INTEGER NOT NULL DEFAULT 0;
