-- SPDX-License-Identifier: GPL-3.0-or-later
-- edXML exchange (QCVN 102:2016): an incoming document that came in an
-- edXML package keeps its sender and the package's DocumentId, for the
-- status packages (01 delivered, 03 registered, 04 assigned, 06 done) it
-- owes the sender, and so the same package is not registered twice. The
-- rows are written with the registration, in its transaction; they stay
-- on this desktop (not captured for sync yet).
CREATE TABLE IF NOT EXISTS document_exchange (
  document_id     TEXT PRIMARY KEY REFERENCES document (id),
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  message_id      TEXT NOT NULL,
  from_organ_id   TEXT NOT NULL,
  from_organ_name TEXT NOT NULL,
  steering_type   TEXT,
  received_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS document_exchange_message ON document_exchange (from_organ_id, message_id);
