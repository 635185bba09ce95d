-- SPDX-License-Identifier: GPL-3.0-or-later
-- One-stop dossiers (issue 9). Search as you type over a dossier's code,
-- applicant and ID number, folded like names; the index keeps only the
-- folded words. The columns the processing needs beside those of 0001 are
-- added in C by _xaso_database_upgrade_dossiers (), which looks before it
-- alters, so the step can be replayed.
CREATE VIRTUAL TABLE IF NOT EXISTS dossier_fts USING fts5 (
  words,
  content = '', tokenize = 'unicode61', prefix = '1 2 3'
);
DROP TRIGGER IF EXISTS dossier_fts_insert;
DROP TRIGGER IF EXISTS dossier_fts_update;
CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier BEGIN
  INSERT INTO dossier_fts (rowid, words)
  VALUES (new.rowid, xaso_fold (new.code, new.applicant_name, new.applicant_id_number));
END;
CREATE TRIGGER dossier_fts_update AFTER UPDATE OF code, applicant_name, applicant_id_number ON dossier BEGIN
  INSERT INTO dossier_fts (dossier_fts, rowid, words)
  VALUES ('delete', old.rowid, xaso_fold (old.code, old.applicant_name, old.applicant_id_number));
  INSERT INTO dossier_fts (rowid, words)
  VALUES (new.rowid, xaso_fold (new.code, new.applicant_name, new.applicant_id_number));
END;
INSERT INTO dossier_fts (dossier_fts) VALUES ('delete-all');
INSERT INTO dossier_fts (rowid, words)
  SELECT rowid, xaso_fold (code, applicant_name, applicant_id_number) FROM dossier;

-- Dossier codes (DESIGN.md §4.7): each reception desk takes its numbers of
-- a day from a block it holds, so two desks never give the same code. In
-- this issue the blocks are taken locally; sync makes them leases.
CREATE TABLE IF NOT EXISTS dossier_code_block (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  unit_eid        TEXT NOT NULL,             -- the agency electronic id in the code
  day             TEXT NOT NULL,             -- yyMMdd
  device_id       TEXT NOT NULL,             -- the desk that holds the block
  first_seq       INTEGER NOT NULL,
  last_seq        INTEGER NOT NULL,
  next_seq        INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (commune_code, unit_eid, day, first_seq)
);

-- The queues: open dossiers by due time, everyone's and each officer's.
CREATE INDEX IF NOT EXISTS dossier_open_due ON dossier (coalesce (due_at, '9999'))
  WHERE status IN (2, 4, 5, 6);
CREATE INDEX IF NOT EXISTS dossier_open_assignee ON dossier (assignee_user_id, coalesce (due_at, '9999'))
  WHERE status IN (2, 4, 5, 6);
CREATE INDEX IF NOT EXISTS dossier_procedure ON dossier (procedure_id);
