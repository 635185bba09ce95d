-- SPDX-License-Identifier: GPL-3.0-or-later
-- Every save appends an op and an audit event per record. Indexes that
-- begin with the record's table name put those entries in one place per
-- table, so a save touching a person and a civil-status event wrote two
-- leaf pages of each index. Record ids are UUIDv7, unique across tables and
-- growing with time: indexed alone, each save's entries land together at
-- the end of the index, on one page.
DROP INDEX outbox_row;
CREATE INDEX outbox_row ON outbox (row_id);
DROP INDEX audit_event_object;
CREATE INDEX audit_event_object ON audit_event (object_id) WHERE object_id IS NOT NULL;
