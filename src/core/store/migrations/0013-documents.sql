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
-- The duplicate check (number + notation + issuer) and the queues.
CREATE INDEX IF NOT EXISTS document_notation ON document (notation, issuer) WHERE notation IS NOT NULL;
CREATE INDEX IF NOT EXISTS document_direction_status ON document (direction, status);
