-- SPDX-License-Identifier: GPL-3.0-or-later
-- A save writes every page it touches to the write-ahead log before the
-- commit's fsync, so each index a save must update is part of what the
-- official waits for. Two kinds of index entry bought nothing:
--
-- References that are usually empty (a civil-status event's other party
-- and registrar, a document's reply-to…) were indexed, NULLs included,
-- only so that SQLite can check foreign keys; a lookup by a value implies
-- NOT NULL, so partial indexes serve the checks and skip the empty rows.
DROP INDEX household_head;
CREATE INDEX household_head ON household (head_person_id) WHERE head_person_id IS NOT NULL;
DROP INDEX user_person;
CREATE INDEX user_person ON user (person_id) WHERE person_id IS NOT NULL;
DROP INDEX civil_status_event_other;
CREATE INDEX civil_status_event_other ON civil_status_event (other_person_id) WHERE other_person_id IS NOT NULL;
DROP INDEX civil_status_event_registrar;
CREATE INDEX civil_status_event_registrar ON civil_status_event (registrar_user_id)
  WHERE registrar_user_id IS NOT NULL;
DROP INDEX dossier_applicant;
CREATE INDEX dossier_applicant ON dossier (applicant_person_id) WHERE applicant_person_id IS NOT NULL;
DROP INDEX dossier_event_actor;
CREATE INDEX dossier_event_actor ON dossier_event (actor_user_id) WHERE actor_user_id IS NOT NULL;
DROP INDEX dossier_event_to;
CREATE INDEX dossier_event_to ON dossier_event (to_user_id) WHERE to_user_id IS NOT NULL;
DROP INDEX document_lead;
CREATE INDEX document_lead ON document (lead_user_id) WHERE lead_user_id IS NOT NULL;
DROP INDEX document_reply_to;
CREATE INDEX document_reply_to ON document (reply_to_id) WHERE reply_to_id IS NOT NULL;
DROP INDEX document_event_actor;
CREATE INDEX document_event_actor ON document_event (actor_user_id) WHERE actor_user_id IS NOT NULL;
DROP INDEX document_event_to;
CREATE INDEX document_event_to ON document_event (to_user_id) WHERE to_user_id IS NOT NULL;

-- An op is named by (device_id, device_seq), as the sync protocol says;
-- device_seq is the outbox's key. The UUID kept beside it needs no index
-- of its own.
CREATE TABLE outbox_new (
  device_seq      INTEGER PRIMARY KEY,       -- op_id = (device_id, device_seq)
  op_id           TEXT NOT NULL,             -- UUIDv7, for people reading logs
  hlc             INTEGER NOT NULL,
  actor           TEXT NOT NULL,
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
  fields          TEXT NOT NULL,             -- JSON {field: {new, old, base}}
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'held', 'sent')),
  held_reason     TEXT,
  created_at      TEXT NOT NULL
);
INSERT INTO outbox_new SELECT device_seq, op_id, hlc, actor, table_name, row_id, kind, fields, state,
                              held_reason, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_row ON outbox (table_name, row_id);
