-- SPDX-License-Identifier: GPL-3.0-or-later
-- The digest (issue 11, src/sync/PROTOCOL.md "Digest") is logged beside the
-- syncs, so the Đồng bộ page's recent syncs say when this computer last
-- compared its tables with the server's and what it repaired: sync_log gets
-- kind ('sync' or 'digest'), tables compared, tables whose digest differed,
-- rows written again from the server's values and rows the server lacked
-- captured again to push. The columns are added in C (xaso-sync-upgrade.c),
-- which looks before it alters.
SELECT 1;
