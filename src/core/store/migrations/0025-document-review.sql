-- SPDX-License-Identifier: GPL-3.0-or-later
-- The documents whose history holds an event their state could not take
-- (two officials moved one document at once, offline: the event is kept,
-- flagged and without effect; xaso-document-fold.h). The fold finds them
-- each time it runs; this table keeps the finding, so that a "needs review"
-- queue lists them without folding every document, as dossier.needs_review
-- does for dossiers. Each desktop folds the same events the same way, so the
-- table is this desktop's own: no capture, no sync, left out of the digest.
CREATE TABLE IF NOT EXISTS document_review (
  document_id TEXT PRIMARY KEY NOT NULL REFERENCES document (id) ON DELETE CASCADE
);
