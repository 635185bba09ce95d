-- SPDX-License-Identifier: GPL-3.0-or-later
-- Every column that refers to another record gets an index. Without one,
-- SQLite checks a foreign key by scanning the whole referring table: each new
-- person scanned every household (household.head_person_id is a deferred
-- reference), which made a million-person commune take hours to load.
CREATE INDEX IF NOT EXISTS household_head ON household (head_person_id);
CREATE INDEX IF NOT EXISTS user_person ON user (person_id);
CREATE INDEX IF NOT EXISTS user_role_role ON user_role (role_code);
CREATE INDEX IF NOT EXISTS civil_status_event_other ON civil_status_event (other_person_id);
CREATE INDEX IF NOT EXISTS civil_status_event_registrar ON civil_status_event (registrar_user_id);
CREATE INDEX IF NOT EXISTS dossier_procedure ON dossier (procedure_id);
CREATE INDEX IF NOT EXISTS dossier_applicant ON dossier (applicant_person_id);
CREATE INDEX IF NOT EXISTS dossier_event_actor ON dossier_event (actor_user_id);
CREATE INDEX IF NOT EXISTS dossier_event_to ON dossier_event (to_user_id);
CREATE INDEX IF NOT EXISTS document_lead ON document (lead_user_id);
CREATE INDEX IF NOT EXISTS document_reply_to ON document (reply_to_id);
CREATE INDEX IF NOT EXISTS document_event_actor ON document_event (actor_user_id);
CREATE INDEX IF NOT EXISTS document_event_to ON document_event (to_user_id);
