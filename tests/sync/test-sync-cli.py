#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two desktops of one commune and one of another, against a real
xaso-server on a real PostgreSQL over loopback TLS, driven through xasoctl
as an administrator would: enroll with a one-time code (the CA pinned and
its fingerprint printed), push and pull, a change on one desktop seen on
the other, the same field changed on both recorded as a conflict on both,
different fields merged, and every op counted once:
sent = applied + merged + conflict + rejected."""

import hashlib
import os
import shutil
import sqlite3
import ssl
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "sync"))
from xaso_server_fixture import COMMUNE_A, COMMUNE_B  # noqa: E402
from xaso_desktop import init_commune, ok, start_province, sync, table, xasoctl  # noqa: E402

SERVER = sys.argv[1]


def fingerprint(pem_path):
    """The SHA-256 fingerprint of a PEM certificate, as AB:CD:…"""
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(open(pem_path).read())).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def users(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT id, username, full_name, active, roles, password_verifier FROM user "
                         "ORDER BY id").fetchall()


def written_outside(db):
    """A household and its two residents written straight into the tables."""
    now = "2026-01-02T08:00:00+07:00"
    with sqlite3.connect(db) as c:
        commune = c.execute("SELECT code FROM commune").fetchone()[0]
        c.execute("PRAGMA foreign_keys = ON")
        # The search index's triggers ask the program whether to index now.
        c.create_function("xaso_indexed_now", 1, lambda rowid: 1)
        c.execute("INSERT INTO household (id, commune_code, code, head_person_id, hamlet, address, created_at, "
                  "updated_at) VALUES ('0190aaaa-0000-7000-8000-000000000001', ?, '00042', "
                  "'0190aaaa-0000-7000-8000-000000000002', 'Ấp 3', 'Số 12, Ấp 3', ?, ?)", (commune, now, now))
        for n, name in ((2, "Đặng Văn Hùng"), (3, "Đặng Thị Lan")):
            c.execute("INSERT INTO person (id, commune_code, full_name, name_folded, sort_key, sex, household_id, "
                      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'unknown', "
                      "'0190aaaa-0000-7000-8000-000000000001', ?, ?)",
                      (f"0190aaaa-0000-7000-8000-00000000000{n}", commune, name, name.lower(), name.lower(), now, now))


def residents(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT p.id, p.full_name, h.code, h.head_person_id FROM person p "
                         "JOIN household h ON h.id = p.household_id ORDER BY p.id").fetchall()


def main():
    province = start_province(SERVER, "sync_cli", 9)
    if province is None:
        return 0
    url = f"https://127.0.0.1:{province.port}"
    work = tempfile.mkdtemp(prefix="xaso-sync-cli-")
    a, b, c = (os.path.join(work, n, "xaso.db") for n in "abc")
    try:
        init_commune(a)
        out = table(xasoctl(a, "sync", "enroll", "--server", url,
                            "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca).stdout)
        assert out["ca_fingerprint"] == fingerprint(province.ca), out
        assert out["commune"] == COMMUNE_A
        ok("a desktop with its own commune enrolls with a one-time code and pins the server's CA")

        xasoctl(a, "user", "add", "vanthu", "--name", "Lê Thị Văn", "--role", "van_thu", "--password-stdin",
                stdin="mat-khau-1\n", user="quantri")
        first = sync(a)
        assert int(first["sent"]) > 0 and int(first["rejected"]) == 0, first
        status = table(xasoctl(a, "sync", "status").stdout)
        assert status["waiting"] == "0" and status["synced"] == "yes", status
        ok(f"its {first['sent']} waiting changes are pushed, each with one receipt, and it says synced")

        code = province.enroll_code(COMMUNE_A)
        out = table(xasoctl(b, "sync", "enroll", "--server", url, "--code", code, "--ca", province.ca).stdout)
        assert out["commune"] == COMMUNE_A
        again = xasoctl(os.path.join(work, "d", "xaso.db"), "sync", "enroll", "--server", url,
                        "--code", code, "--ca", province.ca, check=False)
        assert again.returncode != 0 and again.stderr.strip(), again
        pulled = sync(b)
        assert int(pulled["pulled"]) >= int(first["sent"]), pulled
        assert users(a) == users(b), (users(a), users(b))
        ok("a new desktop takes the commune from its code, the code cannot be used twice, "
           "and it pulls the same accounts")

        xasoctl(c, "init", "--code", COMMUNE_B, "--name", "Xã Hòa Bình", "--province-code", "80", "--province", "Tây Ninh",
                "--agency-id", "000.00.02.H80", "--admin", "quantri", "--admin-name", "Lý Văn Tư",
                "--password-stdin", stdin="mat-khau-c\n")
        code_a = province.enroll_code(COMMUNE_A)
        wrong = xasoctl(c, "sync", "enroll", "--server", url, "--code", code_a, "--ca", province.ca, check=False)
        assert wrong.returncode != 0 and COMMUNE_A in wrong.stderr and COMMUNE_B in wrong.stderr, wrong.stderr
        assert table(xasoctl(c, "sync", "status").stdout)["enrolled"] == "no"
        xasoctl(os.path.join(work, "f", "xaso.db"), "sync", "enroll", "--server", url, "--code", code_a,
                "--ca", province.ca)
        ok("a desktop of another commune is refused a code of this one before the code is spent, "
           "and stays unenrolled")

        # Records written outside change capture, as a demo commune's or an
        # old import's: the first sync must send them all the same.
        written_outside(c)
        out = table(xasoctl(c, "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_B),
                            "--ca", province.ca).stdout)
        assert int(out["waiting"]) >= 3, out
        sync(c)
        e = os.path.join(work, "e", "xaso.db")
        # Without --ca: what the server presents is pinned (trust on first
        # use) and its fingerprint printed for the administrator to compare.
        out = table(xasoctl(e, "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_B)).stdout)
        assert out["ca_fingerprint"] == fingerprint(os.path.join(province.dir, "server.crt")), out
        sync(e)
        assert residents(c) == residents(e) and len(residents(e)) == 2, (residents(c), residents(e))
        assert users(a) != users(e), "a desktop of commune B holds commune A's accounts"
        ok("records written outside capture go up on the first sync and come down whole on a new desktop "
           "enrolled without a CA file (the certificate it pinned printed); nothing of the other commune comes")

        # The same field on both desktops, offline from each other.
        xasoctl(a, "user", "set-password", "vanthu", "--password-stdin", stdin="tu-may-a\n", user="quantri")
        xasoctl(b, "user", "set-password", "vanthu", "--password-stdin", stdin="tu-may-b\n", user="quantri")
        sync(a)
        on_b = sync(b)
        assert int(on_b["conflict"]) >= 1 and int(on_b["conflicts_found"]) >= 1, on_b
        sync(a)
        for db in (a, b):
            status = table(xasoctl(db, "sync", "status").stdout)
            assert int(status["conflicts"]) >= 1, status
        assert users(a) == users(b)
        ok("the same field changed on two desktops is a conflict recorded on both, one value shown on both")

        listed = [line.split("\t") for line in xasoctl(b, "sync", "conflicts").stdout.splitlines()]
        assert [c[3] for c in listed] == ["password_verifier"], listed
        assert all(c[1] == "user" and c[7] == "here" for c in listed), listed
        refused = xasoctl(b, "sync", "resolve", listed[0][0], "--keep", "mine", check=False)
        assert refused.returncode != 0, "resolving needs a signed-in user"
        for c in listed:
            xasoctl(b, "sync", "resolve", c[0], "--keep", "mine", user="quantri")
        assert table(xasoctl(b, "sync", "status").stdout)["conflicts"] == "0"
        chosen = [u for u in users(b) if u[1] == "vanthu"][0]
        sync(b)
        sync(a)
        for db in (a, b):
            assert table(xasoctl(db, "sync", "status").stdout)["conflicts"] == "0", db
        assert users(a) == users(b) and chosen in users(a)
        ok("a person keeps their own value: the choice is a new op, and the conflict closes on both desktops")

        # Different fields of one record: both kept.
        xasoctl(a, "user", "deactivate", "vanthu", user="quantri")
        xasoctl(b, "user", "set-password", "vanthu", "--password-stdin", stdin="lan-nua-nhe\n", user="quantri")
        sync(a)
        on_b = sync(b)
        assert int(on_b["merged"]) + int(on_b["applied"]) == int(on_b["sent"]) and int(on_b["conflict"]) == 0, on_b
        sync(a)
        assert users(a) == users(b)
        row = [u for u in users(a) if u[1] == "vanthu"][0]
        assert row[3] == 0, row
        ok("different fields changed on two desktops are merged: both changes kept everywhere")

        for db in (a, b):
            status = table(xasoctl(db, "sync", "status").stdout)
            assert status["waiting"] == "0" and status["synced"] == "yes", status
        ok("both desktops say synced once both directions finished and the checksums agree")
    finally:
        province.kill()
        province.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
