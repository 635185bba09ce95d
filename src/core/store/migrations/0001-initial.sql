-- SPDX-License-Identifier: GPL-3.0-or-later
-- The whole local replica schema (DESIGN.md §3). Later migrations add
-- behaviour, not tables. Every record has a UUIDv7 text id and the commune
-- it belongs to; records are never deleted, only tombstoned.

-- The commune this replica serves ("đơn vị hành chính").
CREATE TABLE commune (
  code            TEXT PRIMARY KEY,          -- 5-digit statistical code
  name            TEXT NOT NULL,
  province_code   TEXT NOT NULL,
  province_name   TEXT NOT NULL,
  agency_eid      TEXT NOT NULL,             -- mã định danh điện tử of the agency
  agency_name     TEXT NOT NULL,
  is_demo         INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL
);

-- Key/value state of this device: device id, sequence, clock, cursors.
CREATE TABLE sync_state (
  key             TEXT PRIMARY KEY,
  value           TEXT
);

CREATE TABLE role (
  code            TEXT PRIMARY KEY,          -- van_thu, tiep_nhan, chuyen_vien, lanh_dao, quan_tri
  name            TEXT NOT NULL
);

CREATE TABLE user (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  username        TEXT NOT NULL,
  full_name       TEXT NOT NULL,
  title           TEXT,                      -- chức vụ
  unit            TEXT,                      -- bộ phận
  person_id       TEXT,                      -- the official as a person, to refuse self-registration
  password_salt   BLOB,
  password_hash   BLOB,
  password_iterations INTEGER,
  active          INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (commune_code, username)
);

CREATE TABLE user_role (
  user_id         TEXT NOT NULL REFERENCES user (id),
  role_code       TEXT NOT NULL REFERENCES role (code),
  PRIMARY KEY (user_id, role_code)
);

CREATE TABLE household (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  code            TEXT,                      -- số hộ / mã hộ
  head_person_id  TEXT REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
  hamlet          TEXT,                      -- thôn / ấp / bản / tổ dân phố
  address         TEXT NOT NULL DEFAULT '',
  residence_kind  TEXT NOT NULL DEFAULT 'permanent' CHECK (residence_kind IN ('permanent', 'temporary')),
  notes           TEXT,
  source          TEXT,                      -- where the facts came from
  source_at       TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX household_commune_hamlet ON household (commune_code, hamlet);

CREATE TABLE person (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  full_name       TEXT NOT NULL CHECK (length (trim (full_name)) > 0),
  name_folded     TEXT NOT NULL,             -- lower case, no diacritics, đ→d
  sort_key        TEXT NOT NULL,             -- folded given name first, the Vietnamese order
  birth_date      TEXT,                      -- ISO date, or YYYY when only the year is known
  sex             TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('male', 'female', 'unknown')),
  id_number       TEXT CHECK (id_number IS NULL OR length (id_number) = 12),
  old_id_number   TEXT,
  id_issued_date  TEXT,
  ethnicity       TEXT,
  religion        TEXT,
  nationality     TEXT NOT NULL DEFAULT 'Việt Nam',
  hometown        TEXT,                      -- quê quán
  occupation      TEXT,
  phone           TEXT,
  household_id    TEXT REFERENCES household (id),
  relation_to_head TEXT,
  hamlet          TEXT,
  permanent_address TEXT,
  current_address TEXT,
  address_folded  TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'living' CHECK (status IN ('living', 'deceased', 'moved_away')),
  death_date      TEXT,
  notes           TEXT,
  source          TEXT,
  source_at       TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX person_sort ON person (commune_code, sort_key);
CREATE INDEX person_household ON person (household_id);
CREATE INDEX person_hamlet ON person (commune_code, hamlet, sort_key);
CREATE UNIQUE INDEX person_id_number ON person (commune_code, id_number) WHERE id_number IS NOT NULL AND deleted = 0;

-- Folded full-text index over persons: names, ID numbers and addresses.
CREATE VIRTUAL TABLE person_fts USING fts5 (
  name_folded, id_number, address_folded,
  content = 'person', content_rowid = 'rowid',
  tokenize = 'unicode61', prefix = '2 3'
);
CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN
  INSERT INTO person_fts (rowid, name_folded, id_number, address_folded)
  VALUES (new.rowid, new.name_folded, new.id_number, new.address_folded);
END;
CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN
  INSERT INTO person_fts (person_fts, rowid, name_folded, id_number, address_folded)
  VALUES ('delete', old.rowid, old.name_folded, old.id_number, old.address_folded);
END;
CREATE TRIGGER person_fts_update AFTER UPDATE OF name_folded, id_number, address_folded ON person BEGIN
  INSERT INTO person_fts (person_fts, rowid, name_folded, id_number, address_folded)
  VALUES ('delete', old.rowid, old.name_folded, old.id_number, old.address_folded);
  INSERT INTO person_fts (rowid, name_folded, id_number, address_folded)
  VALUES (new.rowid, new.name_folded, new.id_number, new.address_folded);
END;

-- Hộ tịch events as entered from the official civil-status system.
CREATE TABLE civil_status_event (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  person_id       TEXT NOT NULL REFERENCES person (id),
  kind            TEXT NOT NULL CHECK (kind IN ('birth', 'marriage', 'death', 'guardianship',
                                                'parent_recognition', 'change_correction', 'other')),
  event_date      TEXT NOT NULL,
  registration_number TEXT,                 -- Số
  book_number     TEXT,                      -- Quyển số …/<year>
  place           TEXT,
  other_person_id TEXT REFERENCES person (id),
  other_party_name TEXT,
  registrar_user_id TEXT REFERENCES user (id),
  notes           TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX civil_status_event_person ON civil_status_event (person_id, event_date);

-- The versioned procedure catalogue (thủ tục hành chính).
CREATE TABLE procedure (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  code            TEXT,                      -- national code, e.g. 1.001193
  version         INTEGER NOT NULL DEFAULT 1,
  name            TEXT NOT NULL,
  field           TEXT,                      -- lĩnh vực
  time_unit       TEXT NOT NULL CHECK (time_unit IN ('same_day_15h', 'working_days', 'working_hours')),
  time_limit_direct REAL NOT NULL DEFAULT 0,
  time_limit_online REAL NOT NULL DEFAULT 0,
  fee_amount      INTEGER NOT NULL DEFAULT 0,
  fee_note        TEXT,
  papers          TEXT NOT NULL DEFAULT '[]', -- JSON array
  steps           TEXT NOT NULL DEFAULT '[]', -- JSON array of {name, hours}
  valid_from      TEXT NOT NULL,
  valid_to        TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX procedure_code ON procedure (commune_code, code, version);

CREATE TABLE dossier (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  code            TEXT NOT NULL,             -- <agency eid>-<yyMMdd>-<NNNN>
  procedure_id    TEXT NOT NULL REFERENCES procedure (id),
  channel         TEXT NOT NULL DEFAULT 'direct' CHECK (channel IN ('direct', 'online', 'postal')),
  applicant_name  TEXT NOT NULL,
  applicant_folded TEXT NOT NULL DEFAULT '',
  applicant_person_id TEXT REFERENCES person (id),
  applicant_id_number TEXT,
  applicant_phone TEXT,
  applicant_address TEXT,
  summary         TEXT,
  status          INTEGER NOT NULL DEFAULT 2 CHECK (status BETWEEN 1 AND 10), -- cached fold of events
  needs_review    INTEGER NOT NULL DEFAULT 0,
  received_at     TEXT NOT NULL,
  due_at          TEXT,                      -- the current appointment
  legal_due_at    TEXT,                      -- the original legal deadline, for statistics
  resolved_at     TEXT,
  returned_at     TEXT,
  assignee_user_id TEXT REFERENCES user (id),
  department      TEXT,
  fee_amount      INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX dossier_code ON dossier (commune_code, code);
CREATE INDEX dossier_status_due ON dossier (commune_code, status, due_at);
CREATE INDEX dossier_received ON dossier (commune_code, received_at);
CREATE INDEX dossier_assignee ON dossier (assignee_user_id, status);

CREATE TABLE dossier_event (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  dossier_id      TEXT NOT NULL REFERENCES dossier (id),
  kind            TEXT NOT NULL,             -- received, assigned, forwarded, supplement_requested…
  at              TEXT NOT NULL,
  hlc             INTEGER NOT NULL,
  actor_user_id   TEXT REFERENCES user (id),
  to_user_id      TEXT REFERENCES user (id),
  note            TEXT,
  data            TEXT NOT NULL DEFAULT '{}' -- JSON
);
CREATE INDEX dossier_event_dossier ON dossier_event (dossier_id, hlc);

-- Sổ đăng ký văn bản: one yearly counter per register.
CREATE TABLE register (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  kind            TEXT NOT NULL CHECK (kind IN ('incoming', 'outgoing', 'legal', 'confidential_incoming',
                                                'confidential_outgoing')),
  name            TEXT NOT NULL,
  year            INTEGER NOT NULL,
  last_number     INTEGER NOT NULL DEFAULT 0,
  lease_device_id TEXT,                      -- the single writer allowed to allocate numbers
  lease_until     TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (commune_code, kind, year)
);

CREATE TABLE document (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  direction       TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  register_id     TEXT REFERENCES register (id),
  number          INTEGER,                   -- số (outgoing) or số đến (incoming)
  notation        TEXT,                      -- ký hiệu, e.g. 15/QĐ-UBND
  type_code       TEXT,                      -- QĐ, TB, … ; NULL for công văn
  issuer          TEXT,
  issued_date     TEXT,
  received_date   TEXT,
  subject         TEXT NOT NULL,             -- trích yếu
  subject_folded  TEXT NOT NULL DEFAULT '',
  urgency         TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'very_urgent', 'flash')),
  confidentiality TEXT NOT NULL DEFAULT 'none' CHECK (confidentiality IN ('none', 'confidential', 'secret', 'top_secret')),
  signer          TEXT,
  recipients      TEXT,
  status          TEXT NOT NULL DEFAULT 'draft',
  deadline        TEXT,
  lead_user_id    TEXT REFERENCES user (id),
  reply_to_id     TEXT REFERENCES document (id),
  copies          INTEGER,
  notes           TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX document_register ON document (register_id, number);
CREATE INDEX document_direction_date ON document (commune_code, direction, received_date, issued_date);
CREATE INDEX document_deadline ON document (commune_code, status, deadline);

CREATE TABLE document_event (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  document_id     TEXT NOT NULL REFERENCES document (id),
  kind            TEXT NOT NULL,             -- received, registered, presented, directed, viewed…
  at              TEXT NOT NULL,
  hlc             INTEGER NOT NULL,
  actor_user_id   TEXT REFERENCES user (id),
  to_user_id      TEXT REFERENCES user (id),
  note            TEXT,
  data            TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX document_event_document ON document_event (document_id, hlc);

-- Content-addressed files: the bytes live under the data directory by SHA-256.
CREATE TABLE attachment (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  sha256          TEXT NOT NULL CHECK (length (sha256) = 64),
  size            INTEGER NOT NULL,
  mime_type       TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  owner_table     TEXT NOT NULL,
  owner_id        TEXT NOT NULL,
  encrypted       INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachment_owner ON attachment (owner_table, owner_id);
CREATE INDEX attachment_sha256 ON attachment (sha256);

-- Personal-data log, chained by hash per device.
CREATE TABLE audit_event (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  device_id       TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  at              TEXT NOT NULL,
  actor           TEXT NOT NULL,
  action          TEXT NOT NULL CHECK (action IN ('view', 'create', 'edit', 'print', 'export',
                                                  'import', 'sign', 'sync', 'delete')),
  object_table    TEXT NOT NULL,
  object_id       TEXT,
  purpose         TEXT,
  detail          TEXT,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL,
  UNIQUE (device_id, seq)
);
CREATE INDEX audit_event_object ON audit_event (object_table, object_id);

-- The year calendar table: pre-filled by the algorithm, replaced by the official schedule.
CREATE TABLE calendar_day (
  id              TEXT PRIMARY KEY,
  commune_code    TEXT NOT NULL REFERENCES commune (code),
  date            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('holiday', 'compensatory', 'swapped_off', 'working_override')),
  reason          TEXT NOT NULL,
  confirmed       INTEGER NOT NULL DEFAULT 0, -- 1 when from the official schedule
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (commune_code, date)
);

-- Sync: local ops waiting for their receipts (DESIGN.md §4).
CREATE TABLE outbox (
  device_seq      INTEGER PRIMARY KEY,       -- op_id = (device_id, device_seq)
  op_id           TEXT NOT NULL UNIQUE,      -- UUIDv7
  hlc             INTEGER NOT NULL,
  actor           TEXT NOT NULL,
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
  fields          TEXT NOT NULL,             -- JSON {field: {new, old, base}}
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'held', 'sent')),
  held_reason     TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX outbox_row ON outbox (table_name, row_id);

-- The server version of each field this device has seen (the base of the next edit).
CREATE TABLE field_version (
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  field           TEXT NOT NULL,
  version         INTEGER NOT NULL,
  hlc             INTEGER NOT NULL,
  PRIMARY KEY (table_name, row_id, field)
) WITHOUT ROWID;

CREATE TABLE field_conflict (
  id              TEXT PRIMARY KEY,
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  field           TEXT NOT NULL,
  local_value     TEXT,
  remote_value    TEXT,
  local_op_id     TEXT,
  remote_actor    TEXT,
  detected_at     TEXT NOT NULL,
  resolved_at     TEXT,
  resolved_by     TEXT,
  resolution      TEXT
);
CREATE INDEX field_conflict_open ON field_conflict (table_name, row_id) WHERE resolved_at IS NULL;

CREATE TABLE quarantine (
  id              TEXT PRIMARY KEY,
  op_id           TEXT NOT NULL,
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  op              TEXT NOT NULL,             -- the op as sent, JSON
  reason_code     TEXT NOT NULL,
  reason          TEXT NOT NULL,
  received_at     TEXT NOT NULL,
  resolved_at     TEXT
);

INSERT INTO role (code, name) VALUES
  ('van_thu', 'Văn thư'),
  ('tiep_nhan', 'Tiếp nhận một cửa'),
  ('chuyen_vien', 'Chuyên viên'),
  ('lanh_dao', 'Lãnh đạo'),
  ('quan_tri', 'Quản trị');
