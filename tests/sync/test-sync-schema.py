#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Schema upgrade while offline (sync-anchors.md T11), against a real
xaso-server on a real PostgreSQL, driven through xasoctl.

The older desktop is a database built with the real migrations up to 0020,
the schema before the last one (XASO_TEST_SCHEMA_CEILING, honoured by
xaso-migrations.c for tests only): the program is today's, the database is
what the release before 0021 made. Offline, before it ever syncs, an
administrator adds an account and imports residents into it; then the
program is upgraded (the ceiling lifted), the migration runs with those ops
waiting, and the desktop enrolls and syncs. A second, current desktop makes
the same edits and syncs to a second server of its own, so that the two
communes' states are compared whole, code for code. Every op of the older desktop
arrives, none is rejected, and the two servers' canonical states are equal.

The upcast of a real step (0021 gave dossier_code_block a column) is
exercised on the desktop by test-sync-catalogue and on the server, from a
push naming schema 20, by test-server-sync.

Usage: test-sync-schema.py XASO-SERVER"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "sync"))
from xaso_server_fixture import COMMUNE_A, Server  # noqa: E402
from xaso_desktop import ok, sync, table, xasoctl  # noqa: E402

SERVER = sys.argv[1]
OLD = {"XASO_TEST_SCHEMA_CEILING": "20"}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# What differs between two runs of the same edits: times, the clock, the
# salted password verifiers, the audit chain's hashes (over those times).
VOLATILE = {"created_at", "updated_at", "at", "hlc", "source_at", "password_verifier", "hash", "prev_hash"}
RESIDENTS = """full_name,birth_date,sex,id_number,household_code,relation_to_head,hamlet,permanent_address,phone
Đặng Văn Hùng,1970-03-02,male,079070000001,00042,chu_ho,Ấp 3,"Số 12, Ấp 3",0901000001
Đặng Thị Lan,1975-11-20,female,079175000002,00042,vo,Ấp 3,"Số 12, Ấp 3",
Lý Văn Tư,1988-07-15,male,,00043,chu_ho,Ấp 1,"Số 4, Ấp 1",0912000003
"""


def edit_offline(db, work, env=None):
    """The same edits, on whichever schema env leaves the database at."""
    xasoctl(db, "init", "--code", COMMUNE_A, "--name", "Xã Tân Lập", "--province-code", "80",
            "--province", "Tây Ninh", "--agency-id", "000.00.01.H80", "--admin", "quantri",
            "--admin-name", "Trần Văn Quản", "--password-stdin", stdin="mat-khau-quan-tri\n", env=env)
    xasoctl(db, "user", "add", "vanthu", "--name", "Lê Thị Văn", "--role", "van_thu", "--password-stdin",
            stdin="mat-khau-1\n", user="quantri", env=env)
    csv = os.path.join(work, "residents.csv")
    with open(csv, "w", encoding="utf-8") as out:
        out.write(RESIDENTS)
    xasoctl(db, "import", "persons", csv, user="quantri", env=env)


def query(db, sql):
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchall()


def canonical_state(server):
    """The commune's rows on the server, each field but the volatile ones,
    ids masked (households, accounts and audit entries get fresh ids on
    each run), as one sorted list and its SHA-256."""
    text = server.psql(
        "SELECT coalesce(json_agg(json_build_object('t', h.table_name, 'd', h.deleted, 'f', "
        "(SELECT coalesce(json_object_agg(f.field, f.value), '{}') FROM row_field f "
        " WHERE f.commune_code = h.commune_code AND f.table_name = h.table_name AND f.row_id = h.row_id))), '[]') "
        f"FROM row_head h WHERE h.commune_code = '{COMMUNE_A}'")
    rows = []
    for row in json.loads(text):
        fields = {k: v for k, v in row["f"].items() if k not in VOLATILE}
        rows.append(UUID.sub("<id>", json.dumps([row["t"], row["d"], fields], ensure_ascii=False,
                                                sort_keys=True)))
    rows.sort()
    return rows, hashlib.sha256("\n".join(rows).encode()).hexdigest()


def enroll_and_sync(db, server):
    url = f"https://127.0.0.1:{server.port}"
    xasoctl(db, "sync", "enroll", "--server", url, "--code", server.enroll_code(COMMUNE_A), "--ca", server.ca)
    report = sync(db)
    sync(db)   # what the first sync made (leases, digests) goes too
    return report


def main():
    if not os.environ.get("XASO_TEST_PG"):
        print("1..0 # SKIP XASO_TEST_PG is not set (build-aux/dev test starts PostgreSQL)")
        return 0
    print("1..5", flush=True)
    old_server, new_server = Server(SERVER, "schema_old"), Server(SERVER, "schema_new")
    work = tempfile.mkdtemp(prefix="xaso-sync-schema-")
    old, new = os.path.join(work, "old", "xaso.db"), os.path.join(work, "new", "xaso.db")
    try:
        for server in (old_server, new_server):
            server.setup()
            server.start()

        edit_offline(old, work, env=OLD)
        edit_offline(new, work)
        waiting = query(old, "SELECT count(*) FROM outbox")[0][0]
        assert query(old, "PRAGMA user_version")[0][0] == 20, query(old, "PRAGMA user_version")
        current = query(new, "PRAGMA user_version")[0][0]
        assert current > 20, current
        assert waiting == query(new, "SELECT count(*) FROM outbox")[0][0] and waiting > 5, waiting
        assert not [c for c in query(old, "PRAGMA table_info('dossier_code_block')") if c[1] == "source"]
        ok(f"a desktop of schema 20 holds {waiting} ops made offline, as many as a current desktop's")

        status = table(xasoctl(old, "sync", "status").stdout)
        assert query(old, "PRAGMA user_version")[0][0] == current
        assert query(old, "SELECT value FROM sync_state WHERE key = 'outbox_schema'") == [("20",)]
        assert status["waiting"] == str(waiting), status
        ok("upgraded while offline, it migrates with its ops waiting, keeps every one and notes their schema")

        report = enroll_and_sync(old, old_server)
        native = enroll_and_sync(new, new_server)
        assert int(report["rejected"]) == 0 and int(report["sent"]) >= waiting, report
        assert (report["sent"], report["rejected"]) == (native["sent"], native["rejected"]), (report, native)
        for server in (old_server, new_server):
            assert server.psql("SELECT count(*) FROM quarantine") == "0", server.psql("SELECT * FROM quarantine")
        entries = [int(server.psql(f"SELECT count(*) FROM log WHERE commune_code = '{COMMUNE_A}'"))
                   for server in (old_server, new_server)]
        assert entries[0] == entries[1] and entries[0] >= waiting, entries
        assert query(old, "SELECT count(*) FROM outbox")[0][0] == 0
        ok(f"every op arrives ({report['sent']} sent, 0 rejected, none for its version), as from a current desktop")

        old_rows, old_hash = canonical_state(old_server)
        new_rows, new_hash = canonical_state(new_server)
        assert old_hash == new_hash, "\n".join(sorted(set(old_rows) ^ set(new_rows)))
        assert [r.startswith('["person"') for r in old_rows].count(True) == 3, old_rows
        assert [r.startswith('["user"') for r in old_rows].count(True) == 2, old_rows
        ok(f"the server's canonical state is the one a current desktop makes ({old_hash[:12]}…)")

        for db in (old, new):
            status = table(xasoctl(db, "sync", "status").stdout)
            assert (status["waiting"], status["rejected"], status["synced"]) == ("0", "0", "yes"), status
        ok("both desktops say synced, their digests agreeing with their servers'")
    except Exception:
        for server in (old_server, new_server):
            if server.process:
                print("# server log:\n# " + server.server_log().replace("\n", "\n# "), flush=True)
        raise
    finally:
        for server in (old_server, new_server):
            server.kill()
            server.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
