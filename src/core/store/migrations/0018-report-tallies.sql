-- SPDX-License-Identifier: GPL-3.0-or-later
-- The leader's figures (issue 10) read tallies instead of every dossier and
-- every person: a year's dashboard adds up a few thousand small rows. The
-- tallies are kept by triggers, in the same transaction as the write that
-- changes them, whoever writes (a form, a refold, a sync pull); the triggers
-- and the first filling are made in C (xaso-report-tallies.c), from one
-- description of what each row counts.

-- Dossiers by the commune's day of what happened to them (received,
-- resolved by timeliness, refused, withdrawn, stopped, returned), the unit
-- that handled them and the procedure's field.
CREATE TABLE IF NOT EXISTS dossier_tally (
  day             TEXT NOT NULL,             -- YYYY-MM-DD, the commune's day
  measure         TEXT NOT NULL,             -- received:online, resolved:late, refused…
  unit            TEXT NOT NULL,             -- the dossier's department, or its officer's unit
  field           TEXT NOT NULL,             -- the procedure's field (lĩnh vực)
  n               INTEGER NOT NULL,
  PRIMARY KEY (day, measure, unit, field)
) WITHOUT ROWID;

-- Persons by hamlet, sex, year of birth and status: the population by
-- hamlet and the age pyramid.
CREATE TABLE IF NOT EXISTS person_tally (
  hamlet          TEXT NOT NULL,
  sex             TEXT NOT NULL,
  birth_year      TEXT NOT NULL,             -- YYYY, or '' when unknown
  status          TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (hamlet, sex, birth_year, status)
) WITHOUT ROWID;

-- Births and deaths by month; documents issued in a period.
CREATE INDEX IF NOT EXISTS civil_status_event_kind ON civil_status_event (kind, event_date)
  WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS document_issued ON document (issued_date, signed_date)
  WHERE direction = 'outgoing' AND deleted = 0;
CREATE INDEX IF NOT EXISTS document_received ON document (received_date, status)
  WHERE direction = 'incoming' AND deleted = 0;
