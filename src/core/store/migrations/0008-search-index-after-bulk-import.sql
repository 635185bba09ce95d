-- SPDX-License-Identifier: GPL-3.0-or-later
-- A bulk import of persons indexes its rows for search at once at the end
-- (xaso_database_defer_search_index()): FTS5 flushes its pending terms at
-- every statement of a transaction, so one insert per row into the index
-- cost a third of an import. The triggers skip the rows being deferred.
DROP TRIGGER person_fts_insert;
DROP TRIGGER person_fts_delete;
DROP TRIGGER person_fts_update;
CREATE TRIGGER person_fts_insert AFTER INSERT ON person WHEN xaso_indexed_now (new.rowid) BEGIN
  INSERT INTO person_fts (rowid, name_folded, id_number, address_folded)
  VALUES (new.rowid, new.name_folded, new.id_number, new.address_folded);
END;
CREATE TRIGGER person_fts_delete AFTER DELETE ON person WHEN xaso_indexed_now (old.rowid) BEGIN
  INSERT INTO person_fts (person_fts, rowid, name_folded, id_number, address_folded)
  VALUES ('delete', old.rowid, old.name_folded, old.id_number, old.address_folded);
END;
CREATE TRIGGER person_fts_update AFTER UPDATE OF name_folded, id_number, address_folded ON person
WHEN xaso_indexed_now (old.rowid) BEGIN
  INSERT INTO person_fts (person_fts, rowid, name_folded, id_number, address_folded)
  VALUES ('delete', old.rowid, old.name_folded, old.id_number, old.address_folded);
  INSERT INTO person_fts (rowid, name_folded, id_number, address_folded)
  VALUES (new.rowid, new.name_folded, new.id_number, new.address_folded);
END;
