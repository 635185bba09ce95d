-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fields of pulled entries that this program's schema does not have yet:
-- the province's server was upgraded before this desktop (PROTOCOL.md,
-- "Catalogue and schema versions"). They are kept here, never dropped, with
-- the version the server gave them; the upgrade that adds the column writes
-- them into their rows (xaso-kept-fields.c).
CREATE TABLE IF NOT EXISTS kept_field (
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  field           TEXT NOT NULL,
  value           TEXT NOT NULL,             -- JSON, as pulled
  version         INTEGER NOT NULL,          -- the entry's server_seq
  hlc             INTEGER NOT NULL,
  PRIMARY KEY (table_name, row_id, field)
) WITHOUT ROWID;
