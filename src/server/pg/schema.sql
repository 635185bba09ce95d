-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The schema of xaso-server (src/sync/PROTOCOL.md), applied by
-- `xaso-server init-db` in one transaction; running it again changes nothing.
--
-- Tenancy: every table that holds a commune's data has commune_code first in
-- its primary key, and no statement of the server joins two communes, so a
-- province that outgrows one machine distributes these tables on Citus by
-- commune_code unchanged. Row-level security is the second wall behind the
-- server's own checks: each request's transaction sets xaso.commune to the
-- commune of its token, and the policies below show a role no other row.

CREATE TABLE IF NOT EXISTS schema_version (
  version integer NOT NULL
);

CREATE TABLE IF NOT EXISTS commune (
  commune_code  text PRIMARY KEY CHECK (commune_code ~ '^[0-9]{5}$'),
  name          text NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  province_name text NOT NULL,
  agency_eid    text NOT NULL,
  agency_name   text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- The commune's next log position and the running checksum of its log so
-- far. A push locks this row for its whole transaction: entries are numbered
-- without gaps, chained in commit order, and no global sequence is shared by
-- the communes.
CREATE TABLE IF NOT EXISTS counter (
  commune_code text PRIMARY KEY REFERENCES commune,
  next         bigint NOT NULL DEFAULT 1 CHECK (next >= 1),
  checksum     text NOT NULL DEFAULT repeat('0', 64)
);

-- One-time enrollment codes; only their SHA-256 is kept.
CREATE TABLE IF NOT EXISTS enrollment (
  commune_code text NOT NULL REFERENCES commune,
  code_hash    text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  used_by      text,
  PRIMARY KEY (commune_code, code_hash)
);
-- The SHA-256 of the retry key the desktop that used the code sent: the same
-- desktop, whose answer was lost, may ask again with it while the code is
-- valid (PROTOCOL.md, POST /v1/enroll).
ALTER TABLE enrollment ADD COLUMN IF NOT EXISTS used_key_hash text;

-- Enrolled desktops; token_hash is the SHA-256 of the token's secret. A new
-- enrollment of the same device replaces the hash, which revokes the old token.
CREATE TABLE IF NOT EXISTS device (
  commune_code text NOT NULL REFERENCES commune,
  device_id    text NOT NULL,
  name         text NOT NULL,
  token_hash   text NOT NULL,
  revoked      boolean NOT NULL DEFAULT false,
  enrolled_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, device_id)
);
-- A device serves one commune (409 device_enrolled). Like row_head_one_commune
-- below, this index exists only to refuse an id claimed by a second commune; on
-- Citus both become small reference tables.
CREATE UNIQUE INDEX IF NOT EXISTS device_one_commune ON device (device_id);

-- The server's state of each synced row: its tombstone and the server_seq of
-- the last entry that touched it.
--
-- Key columns that hold ids and names are compared bytewise (COLLATE "C"):
-- a push probes and inserts thousands of keys, and a locale's comparison
-- costs several times a memcmp at each step of a btree descent. The order is
-- also SQLite's, which the desktops use. The hot tables leave room in each
-- page (fillfactor) so that an update of a head's version or a field's value,
-- whose indexed columns stay the same, stays on its page and writes no index.
CREATE TABLE IF NOT EXISTS row_head (
  commune_code text NOT NULL,
  table_name   text COLLATE "C" NOT NULL,
  row_id       text COLLATE "C" NOT NULL,
  deleted      boolean NOT NULL DEFAULT false,
  version      bigint NOT NULL,
  PRIMARY KEY (commune_code, table_name, row_id)
) WITH (fillfactor = 80);
CREATE UNIQUE INDEX IF NOT EXISTS row_head_one_commune ON row_head (table_name, row_id);

-- The current value of each field, its version (the server_seq of the entry
-- that set it) and the device that set it: a device's later op builds on its
-- own earlier writes, even before it has their versions. JSON null is stored
-- as 'null'::jsonb, never SQL NULL.
CREATE TABLE IF NOT EXISTS row_field (
  commune_code text NOT NULL,
  table_name   text COLLATE "C" NOT NULL,
  row_id       text COLLATE "C" NOT NULL,
  field        text COLLATE "C" NOT NULL,
  value        jsonb NOT NULL,
  version      bigint NOT NULL,
  device_id    text NOT NULL,
  PRIMARY KEY (commune_code, table_name, row_id, field)
) WITH (fillfactor = 80);

-- The commune's log: each entry's JSON text exactly as pull serves it, and the
-- running checksum c(server_seq).
CREATE TABLE IF NOT EXISTS log (
  commune_code text NOT NULL,
  server_seq   bigint NOT NULL,
  device_id    text NOT NULL,
  seq          bigint NOT NULL,
  entry        text NOT NULL,
  checksum     text NOT NULL,
  PRIMARY KEY (commune_code, server_seq)
);

-- One receipt per op received, answered byte for byte when the op comes again.
CREATE TABLE IF NOT EXISTS receipt (
  commune_code text NOT NULL,
  device_id    text COLLATE "C" NOT NULL,
  seq          bigint NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('applied', 'merged', 'conflict', 'rejected')),
  server_seq   bigint,
  receipt      text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, device_id, seq)
);

-- Both values of a field two offices changed at once; resolved_seq is the
-- entry of the op that settled it.
CREATE TABLE IF NOT EXISTS conflict (
  commune_code text NOT NULL,
  id           uuid NOT NULL,
  table_name   text NOT NULL,
  row_id       text NOT NULL,
  field        text NOT NULL,
  kept         jsonb NOT NULL,
  kept_version bigint NOT NULL,
  other        jsonb NOT NULL,
  other_actor  text NOT NULL,
  other_device text NOT NULL,
  other_seq    bigint NOT NULL,
  server_seq   bigint NOT NULL,
  resolved_seq bigint,
  PRIMARY KEY (commune_code, id)
);

-- Rejected ops, kept with their reason so that nothing is lost.
CREATE TABLE IF NOT EXISTS quarantine (
  commune_code text NOT NULL,
  device_id    text COLLATE "C" NOT NULL,
  seq          bigint NOT NULL,
  op           text NOT NULL,
  reason_code  text NOT NULL,
  reason       text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, device_id, seq)
);

-- A database made before the key columns were bytewise gets them now; a
-- column already "C" is left alone, so running this again rewrites nothing.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT a.attrelid::regclass AS t, a.attname AS col
           FROM pg_attribute a
           WHERE (a.attrelid, a.attname) IN (('row_head'::regclass, 'table_name'), ('row_head'::regclass, 'row_id'),
                                             ('row_field'::regclass, 'table_name'), ('row_field'::regclass, 'row_id'),
                                             ('row_field'::regclass, 'field'), ('receipt'::regclass, 'device_id'),
                                             ('quarantine'::regclass, 'device_id'))
             AND a.attcollation <> 'pg_catalog."C"'::regcollation
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE text COLLATE "C"', c.t, c.col);
  END LOOP;
END $$;
ALTER TABLE row_head SET (fillfactor = 80);
ALTER TABLE row_field SET (fillfactor = 80);

-- Attachment blobs (PROTOCOL.md, Blobs), stored once per commune under their
-- name. A row with complete = false is an upload in progress: received bytes
-- of size are kept, in blob_chunk, and sha256 is what the uploader declared.
-- An upload locks its row (SELECT … FOR UPDATE) while it appends a chunk, so
-- two uploaders of the same blob never interleave.
CREATE TABLE IF NOT EXISTS blob (
  commune_code text NOT NULL,
  name         text NOT NULL CHECK (name ~ '^[0-9a-f]{64}$'),
  size         bigint NOT NULL CHECK (size >= 0),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  received     bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
  complete     boolean NOT NULL DEFAULT false CHECK (NOT complete OR received = size),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, name)
);

-- A blob's bytes, one row per chunk of the upload (1 MiB but the last), so a
-- ranged read fetches only the chunks it overlaps.
CREATE TABLE IF NOT EXISTS blob_chunk (
  commune_code text NOT NULL,
  name         text NOT NULL,
  chunk_offset bigint NOT NULL CHECK (chunk_offset >= 0),
  data         bytea NOT NULL,
  PRIMARY KEY (commune_code, name, chunk_offset),
  FOREIGN KEY (commune_code, name) REFERENCES blob ON DELETE CASCADE
);
-- When an upload last received a chunk: one untouched for partial-upload-days
-- is pruned (`xaso-server blobs prune`, and hourly by `serve`). Published
-- blobs are never pruned.
ALTER TABLE blob ADD COLUMN IF NOT EXISTS touched_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS blob_partial_touched ON blob (commune_code, touched_at) WHERE NOT complete;

-- The bytes are stored as uploaded (often compressed or encrypted already):
-- PostgreSQL need not try to compress them again.
ALTER TABLE blob_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- The commune's keys of sensitive attachments (PROTOCOL.md, Keys): each
-- desktop encrypts scans of identity papers with a key of its own, and gives
-- it here so the commune's other enrolled desktops can open them. The server
-- already holds the commune's records in plain rows under the same walls
-- (the device token, row-level security); the keys protect the scans at rest
-- on the desktops (a stolen office PC), not from this server. key_id is the
-- id derived from the key (xaso-sync-keys.c), so a key is stored once.
CREATE TABLE IF NOT EXISTS commune_key (
  commune_code text NOT NULL,
  key_id       text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
  key_bytes    bytea NOT NULL CHECK (length(key_bytes) = 32),
  device_id    text NOT NULL,
  given_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, key_id)
);

-- Roles. They own nothing and cannot log in: the server's login role (or the
-- superuser in tests) is granted them and switches with SET ROLE, so row-level
-- security applies even to a connection opened as the tables' owner.
--   xaso_app    answers the HTTP requests, one commune per transaction;
--   xaso_admin  runs the administrator's verbs (commune add/list, enroll).
-- Roles belong to the cluster, not the database: two init-db running at once
-- may race to create them, hence the exception handler.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'xaso_app') THEN
    CREATE ROLE xaso_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'xaso_admin') THEN
    CREATE ROLE xaso_admin NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO xaso_app, xaso_admin;
GRANT SELECT ON schema_version TO xaso_app, xaso_admin;
GRANT SELECT ON commune TO xaso_app;
GRANT SELECT, UPDATE ON counter, enrollment TO xaso_app;
GRANT SELECT, INSERT, UPDATE ON device, row_head, row_field, conflict TO xaso_app;
-- A push gives back the id it claimed for an insert it then rejected.
GRANT DELETE ON row_head TO xaso_app;
GRANT SELECT, INSERT ON log, receipt, quarantine TO xaso_app;
-- An upload that starts over or fails its checksum is forgotten.
GRANT SELECT, INSERT, UPDATE, DELETE ON blob, blob_chunk TO xaso_app;
-- Keys are given once and never changed.
GRANT SELECT, INSERT ON commune_key TO xaso_app;
GRANT SELECT, INSERT ON commune, counter, enrollment TO xaso_admin;
GRANT SELECT ON device TO xaso_admin;
-- Abandoned partial uploads are pruned commune by commune.
GRANT SELECT, DELETE ON blob, blob_chunk TO xaso_admin;

-- Row-level security on every commune table. FORCE makes it apply to the
-- tables' owner too; only superusers and BYPASSRLS roles escape it, which is
-- why the server always works as xaso_app or xaso_admin.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['commune', 'counter', 'enrollment', 'device', 'row_head', 'row_field',
                           'log', 'receipt', 'conflict', 'quarantine', 'blob', 'blob_chunk', 'commune_key']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS commune_scope ON %I', t);
    EXECUTE format('CREATE POLICY commune_scope ON %I '
                   'USING (commune_code = current_setting(''xaso.commune'', true)) '
                   'WITH CHECK (commune_code = current_setting(''xaso.commune'', true))', t);
  END LOOP;
END $$;

-- The one read across communes: the administrator lists the communes. Every
-- other admin verb works inside one commune by setting xaso.commune first.
DROP POLICY IF EXISTS commune_admin_list ON commune;
CREATE POLICY commune_admin_list ON commune FOR SELECT TO xaso_admin USING (true);

-- Systems that submit dossiers to the inbox (POST /v1/inbox/dossiers): the
-- national or provincial public-service portal, a kiosk. A system serves the
-- whole province (all_communes) or the communes listed in system_commune;
-- token_hash is the SHA-256 of its token's secret. These rows belong to the
-- province, not to a commune: on Citus system_client is a reference table.
CREATE TABLE IF NOT EXISTS system_client (
  system_id    uuid PRIMARY KEY,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  token_hash   text NOT NULL,
  all_communes boolean NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

CREATE TABLE IF NOT EXISTS system_commune (
  commune_code text NOT NULL REFERENCES commune,
  system_id    uuid NOT NULL REFERENCES system_client,
  PRIMARY KEY (commune_code, system_id)
);

-- What the inbox took in, by the submitter's own dossier code: the same
-- external id again is answered `answer` and adds nothing.
CREATE TABLE IF NOT EXISTS inbox (
  commune_code text NOT NULL REFERENCES commune,
  external_id  text NOT NULL,
  system_id    uuid NOT NULL,
  dossier_id   text NOT NULL,
  server_seq   bigint NOT NULL,
  answer       text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, external_id)
);

GRANT SELECT ON system_client TO xaso_app;
GRANT SELECT ON system_commune TO xaso_app;
GRANT SELECT, INSERT ON inbox TO xaso_app;
GRANT SELECT, INSERT, UPDATE ON system_client TO xaso_admin;
GRANT SELECT, INSERT ON system_commune TO xaso_admin;
-- The administrator's own entries (xaso-server user add) go into the log
-- like the server's: the same tables as a push, inside one commune.
GRANT SELECT, UPDATE ON counter TO xaso_admin;
GRANT SELECT, INSERT, UPDATE ON row_head, row_field TO xaso_admin;
GRANT SELECT, INSERT ON log TO xaso_admin;

-- Numbers (DESIGN.md §4.7, PROTOCOL.md "POST /v1/leases").
--
-- The single writer of each document register: the one device that gives its
-- numbers, until `until` (60 days, renewed while it syncs). Another device
-- gets it only once it is expired, or after `xaso-server lease release`.
CREATE TABLE IF NOT EXISTS register_lease (
  commune_code text NOT NULL REFERENCES commune,
  register_id  text NOT NULL,
  year         integer NOT NULL,
  device_id    text NOT NULL,
  granted_at   timestamptz NOT NULL DEFAULT now(),
  until        timestamptz NOT NULL,
  PRIMARY KEY (commune_code, register_id)
);

-- The commune's dossier code counter of each day: the last sequence number
-- given in a block. A request for a block locks its row.
CREATE TABLE IF NOT EXISTS dossier_code_day (
  commune_code text NOT NULL REFERENCES commune,
  day          date NOT NULL,
  last_seq     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (commune_code, day)
);

-- Every block of dossier codes given, and to which desk.
CREATE TABLE IF NOT EXISTS dossier_code_grant (
  commune_code text NOT NULL,
  day          date NOT NULL,
  first_seq    integer NOT NULL,
  last_seq     integer NOT NULL,
  device_id    text NOT NULL,
  granted_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, day, first_seq)
);

-- Each desk's slot: its own sub-range of every day's codes above 8999, for
-- the days it receives dossiers offline without a block.
CREATE TABLE IF NOT EXISTS desk_slot (
  commune_code text NOT NULL REFERENCES commune,
  device_id    text NOT NULL,
  slot         integer NOT NULL CHECK (slot >= 0 AND slot < 20),
  PRIMARY KEY (commune_code, device_id),
  UNIQUE (commune_code, slot)
);

-- The human numbers the commune's rows hold: a document's number in its
-- register (series 'register:<id>') and a dossier's code (series 'dossier').
-- A push that would give one to a second row is rejected into quarantine
-- (duplicate_number); a number once used stays used. Bytewise order, so a
-- day's dossier codes are one range of the index.
CREATE TABLE IF NOT EXISTS number_claim (
  commune_code text NOT NULL,
  series       text COLLATE "C" NOT NULL,
  number       text COLLATE "C" NOT NULL,
  table_name   text NOT NULL,
  row_id       text NOT NULL,
  PRIMARY KEY (commune_code, series, number)
);

GRANT SELECT, INSERT, UPDATE ON register_lease, dossier_code_day, desk_slot TO xaso_app;
GRANT SELECT, INSERT ON dossier_code_grant, number_claim TO xaso_app;
GRANT SELECT, DELETE ON register_lease TO xaso_admin;
GRANT SELECT ON dossier_code_grant, desk_slot TO xaso_admin;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['system_commune', 'inbox', 'register_lease', 'dossier_code_day', 'dossier_code_grant',
                           'desk_slot', 'number_claim']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS commune_scope ON %I', t);
    EXECUTE format('CREATE POLICY commune_scope ON %I '
                   'USING (commune_code = current_setting(''xaso.commune'', true)) '
                   'WITH CHECK (commune_code = current_setting(''xaso.commune'', true))', t);
  END LOOP;
END $$;

-- `xaso-server system list` shows every system with its communes.
DROP POLICY IF EXISTS system_admin_list ON system_commune;
CREATE POLICY system_admin_list ON system_commune FOR SELECT TO xaso_admin USING (true);
