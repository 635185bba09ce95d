-- SPDX-License-Identifier: GPL-3.0-or-later
-- Documents (issue 8): search as you type over a document's subject,
-- notation and issuer, folded like names ("qd" finds "QĐ"). The index is
-- contentless: it keeps only the folded words, made by xaso_fold () from the
-- columns as they are. The columns the registers and the directive need are
-- added in C by _xaso_database_upgrade_documents (), which looks before it
-- alters, so the step can be replayed.
CREATE VIRTUAL TABLE IF NOT EXISTS document_fts USING fts5 (
  words,
  content = '', tokenize = 'unicode61', prefix = '1 2 3'
);
DROP TRIGGER IF EXISTS document_fts_insert;
DROP TRIGGER IF EXISTS document_fts_update;
CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
  INSERT INTO document_fts (rowid, words) VALUES (new.rowid, xaso_fold (new.subject, new.notation, new.issuer));
END;
CREATE TRIGGER document_fts_update AFTER UPDATE OF subject, notation, issuer ON document BEGIN
  INSERT INTO document_fts (document_fts, rowid, words)
  VALUES ('delete', old.rowid, xaso_fold (old.subject, old.notation, old.issuer));
  INSERT INTO document_fts (rowid, words) VALUES (new.rowid, xaso_fold (new.subject, new.notation, new.issuer));
END;
INSERT INTO document_fts (document_fts) VALUES ('delete-all');
INSERT INTO document_fts (rowid, words) SELECT rowid, xaso_fold (subject, notation, issuer) FROM document;
-- The duplicate check (number + notation + issuer), and the lists: newest
-- first by direction (an index of one column keeps its rows in rowid
-- order), and the open documents by deadline, everyone's and each lead's
-- (xaso-document-search.c writes these conditions and this key as here).
CREATE INDEX IF NOT EXISTS document_notation ON document (notation, issuer) WHERE notation IS NOT NULL;
CREATE INDEX IF NOT EXISTS document_direction ON document (direction);
CREATE INDEX IF NOT EXISTS document_status ON document (status);
DROP INDEX IF EXISTS document_direction_status;
CREATE INDEX IF NOT EXISTS document_open_deadline ON document (coalesce (deadline, '9999-12-31'))
  WHERE status IN ('registered', 'presented', 'directed', 'in_progress');
CREATE INDEX IF NOT EXISTS document_open_lead ON document (lead_user_id, coalesce (deadline, '9999-12-31'))
  WHERE status IN ('registered', 'presented', 'directed', 'in_progress');
