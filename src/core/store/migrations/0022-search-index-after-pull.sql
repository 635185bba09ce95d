-- SPDX-License-Identifier: GPL-3.0-or-later
-- The documents and dossiers a pulled page brings are indexed for search at
-- once before its commit, as persons already were (0008): FTS5 flushes its
-- pending terms at every statement of a transaction, so a row inserted into
-- the index by its trigger cost a flush of the index for every later row of
-- the page. The triggers skip the rows being deferred
-- (xaso_database_defer_search_index()), which the same transaction indexes.
DROP TRIGGER document_fts_insert;
DROP TRIGGER document_fts_update;
CREATE TRIGGER document_fts_insert AFTER INSERT ON document WHEN xaso_indexed_now ('document', new.rowid) BEGIN
  INSERT INTO document_fts (rowid, words) VALUES (new.rowid, xaso_fold (new.subject, new.notation, new.issuer));
END;
CREATE TRIGGER document_fts_update AFTER UPDATE OF subject, notation, issuer ON document
WHEN xaso_indexed_now ('document', old.rowid) BEGIN
  INSERT INTO document_fts (document_fts, rowid, words)
  VALUES ('delete', old.rowid, xaso_fold (old.subject, old.notation, old.issuer));
  INSERT INTO document_fts (rowid, words) VALUES (new.rowid, xaso_fold (new.subject, new.notation, new.issuer));
END;
DROP TRIGGER dossier_fts_insert;
DROP TRIGGER dossier_fts_update;
CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier WHEN xaso_indexed_now ('dossier', new.rowid) BEGIN
  INSERT INTO dossier_fts (rowid, words)
  VALUES (new.rowid, xaso_fold (new.code, new.applicant_name, new.applicant_id_number));
END;
CREATE TRIGGER dossier_fts_update AFTER UPDATE OF code, applicant_name, applicant_id_number ON dossier
WHEN xaso_indexed_now ('dossier', old.rowid) BEGIN
  INSERT INTO dossier_fts (dossier_fts, rowid, words)
  VALUES ('delete', old.rowid, xaso_fold (old.code, old.applicant_name, old.applicant_id_number));
  INSERT INTO dossier_fts (rowid, words)
  VALUES (new.rowid, xaso_fold (new.code, new.applicant_name, new.applicant_id_number));
END;
