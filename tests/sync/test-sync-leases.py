#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Numbers while offline (sync-anchors.md T9, DESIGN.md §4.7), against a
real xaso-server on a real PostgreSQL over loopback TLS, driven through
xasoctl: one desktop takes a register's lease and the other is refused;
the holder numbers online and offline, consecutively; the other cannot
number; a forged duplicate lands in the server's quarantine and overwrites
nothing; two desks receive dossiers online and offline with the server's
blocks and their own fallback ranges, every code unique and each block's
codes consecutive; the administrator moves a lease; the errors of
POST /v1/leases."""

import os
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "sync"))
from xaso_server_fixture import COMMUNE_A  # noqa: E402
from xaso_desktop import init_commune, ok, start_province, sync, table, xasoctl  # noqa: E402

SERVER = sys.argv[1]
PROCEDURES = os.path.join(os.environ["XASO_SOURCE_DIR"], "data", "seed", "procedures.json")
ICT = timezone(timedelta(hours=7))


def leases(db):
    return [line.split("\t") for line in xasoctl(db, "sync", "leases").stdout.splitlines()]


def query(db, sql, *params):
    with sqlite3.connect(db) as c:
        return c.execute(sql, params).fetchall()


def device(db):
    return query(db, "SELECT value FROM sync_state WHERE key = 'device_id'")[0][0]


def offline(db, url):
    """Points the desktop at a port nobody listens on (its network is down)."""
    with sqlite3.connect(db) as c:
        c.execute("UPDATE sync_state SET value = ? WHERE key = 'sync.server'", (url,))


def register_incoming(db, n, user="vanthu", clock=None):
    out = xasoctl(db, "doc", "incoming", "add", "--issuer", "Sở Tư pháp", "--notation", f"{n}/TB-STP",
                  "--date", "2026-12-01", "--subject", f"Thông báo số {n}", user=user, check=False, clock=clock)
    return out


def december_year():
    """The year of the latest 20 December at most 40 days from now: the
    desktop's clock is set to its second half of December, near enough to the
    server's that the leases it grants (60 days from the server's now) still
    run on 2 January after."""
    limit = datetime.now(ICT) + timedelta(days=40)
    return limit.year if (limit.month, limit.day) >= (12, 20) else limit.year - 1


def registers(db):
    """This desktop's registers by (kind, year): the lines of sync leases."""
    return {(r[2], int(r[3])): r for r in leases(db) if r[0] == "register"}


def receive(db, at, name):
    out = xasoctl(db, "dossier", "receive", "--procedure", "1.004837", "--applicant-name", name,
                  "--at", at, user="motcua")
    return out.stdout.split("\t")[1]


def main():
    province = start_province(SERVER, "sync_leases", 11)
    if province is None:
        return 0
    url = f"https://127.0.0.1:{province.port}"
    work = tempfile.mkdtemp(prefix="xaso-sync-leases-")
    a, b = (os.path.join(work, n, "xaso.db") for n in "ab")
    try:
        init_commune(a)
        for user, role in (("vanthu", "van_thu"), ("motcua", "tiep_nhan")):
            xasoctl(a, "user", "add", user, "--name", f"Người {user}", "--role", role, "--password-stdin",
                    stdin="mat-khau-1\n", user="quantri")
        xasoctl(a, "procedure", "import", PROCEDURES, user="quantri")
        xasoctl(a, "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca)
        sync(a)
        xasoctl(b, "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca)
        sync(b)
        dev_a, dev_b = device(a), device(b)

        # 0. Only a reception desk takes codes. A was the commune's computer
        # before it enrolled: it goes on receiving. B came empty: it is one
        # more computer in the office until it is set to be a desk.
        assert table(xasoctl(a, "sync", "status").stdout)["desk"] == "yes"
        assert table(xasoctl(b, "sync", "status").stdout)["desk"] == "no"
        assert not [r for r in leases(b) if r[0] in ("codes", "fallback")], leases(b)
        assert [r for r in leases(a) if r[0] == "codes"], leases(a)
        assert province.psql(f"SELECT count(*) FROM dossier_code_grant WHERE device_id = '{dev_b}'") == "0"
        assert province.psql(f"SELECT count(*) FROM desk_slot WHERE device_id = '{dev_b}'") == "0"
        today = datetime.now(ICT)
        refused = xasoctl(b, "dossier", "receive", "--procedure", "1.004837", "--applicant-name", "Người thử",
                          "--at", today.strftime("%Y-%m-%d 09:00"), user="motcua", check=False)
        assert refused.returncode != 0 and "not a reception desk" in refused.stderr, refused
        assert not query(b, "SELECT 1 FROM dossier"), "a dossier was made on a computer that is no desk"
        bad = xasoctl(b, "sync", "desk", "maybe", check=False)
        assert bad.returncode == 2 and "desk on|off" in bad.stderr, bad
        assert xasoctl(b, "sync", "desk", "on").stdout == "desk\tyes\n"
        sync(b)
        assert table(xasoctl(b, "sync", "status").stdout)["desk"] == "yes"
        assert [r for r in leases(b) if r[0] == "codes"] and [r for r in leases(b) if r[0] == "fallback"], leases(b)
        # Switched off, A gives no code from the blocks it holds.
        xasoctl(a, "sync", "desk", "off")
        assert table(xasoctl(a, "sync", "status").stdout)["desk"] == "no"
        refused = xasoctl(a, "dossier", "receive", "--procedure", "1.004837", "--applicant-name", "Người thử",
                          "--at", today.strftime("%Y-%m-%d 09:00"), user="motcua", check=False)
        assert refused.returncode != 0 and "not a reception desk" in refused.stderr, refused
        xasoctl(a, "sync", "desk", "on")
        ok("only a reception desk takes dossier codes: the standalone commune's computer is one, a new one is "
           "not and is refused a dossier with a clear reason until `xasoctl sync desk on`")

        # 1. A takes the incoming register; B is refused, naming A.
        refused = register_incoming(a, 1)
        assert refused.returncode != 0 and not query(a, "SELECT 1 FROM document"), refused
        granted = xasoctl(a, "sync", "lease", "incoming", "--year", "2026").stdout.split("\t")
        register = granted[1]
        sync(a)
        sync(b)
        held_by_b = xasoctl(b, "sync", "lease", register, check=False)
        assert held_by_b.returncode != 0 and dev_a in held_by_b.stderr, held_by_b.stderr
        rows = {r[1]: r for r in leases(b) if r[0] == "register"}
        assert rows[register][4] == dev_a and rows[register][6] == "other", rows
        rows = {r[1]: r for r in leases(a) if r[0] == "register"}
        assert rows[register][4] == dev_a and rows[register][6] == "held", rows
        ok("without a lease nothing is numbered; A takes the register's lease, B is refused with A named")

        # 2. A numbers online and offline: consecutive, from 1.
        numbers = [register_incoming(a, n).stdout.split("\t")[1].strip() for n in (1, 2)]
        sync(a)
        offline(a, "https://127.0.0.1:9")
        numbers += [register_incoming(a, n).stdout.split("\t")[1].strip() for n in (3, 4)]
        assert xasoctl(a, "sync", check=False).returncode != 0
        offline(a, url)
        sync(a)
        sync(b)
        assert numbers == ["1", "2", "3", "4"], numbers
        on_b = [r[0] for r in query(b, "SELECT number FROM document WHERE register_id = ? ORDER BY number", register)]
        assert on_b == [1, 2, 3, 4], on_b
        ok("the holder numbers online and offline, consecutively, and the other desktop sees every number")

        # 3. B cannot number: a clear refusal, nothing numbered.
        refused = register_incoming(b, 5)
        assert refused.returncode != 0 and refused.stderr.strip(), refused
        assert len(query(b, "SELECT 1 FROM document")) == 4
        ok("a desktop without the lease is refused a number, and makes none")

        # 4. A forged duplicate: B's database made to believe it holds the
        # register from 0; its number 1 and its counter go to quarantine.
        with sqlite3.connect(b) as c:
            c.execute("UPDATE register SET lease_device_id = ?, lease_until = '2099-01-01T00:00:00Z', "
                      "last_number = 0 WHERE id = ?", (dev_b, register))
        forged = register_incoming(b, 6)
        assert forged.returncode == 0 and forged.stdout.split("\t")[1].strip() == "1", forged
        report = sync(b)
        assert int(report["rejected"]) >= 2, report
        reasons = province.psql(f"SELECT reason_code || ':' || reason FROM quarantine WHERE device_id = '{dev_b}' "
                                "ORDER BY seq").splitlines()
        assert any(r.startswith("duplicate_number:") and "Số 1 " in r for r in reasons), reasons
        assert any(r.startswith("lease_held:") for r in reasons), reasons
        local = [r[0] for r in query(b, "SELECT reason_code FROM quarantine")]
        assert "duplicate_number" in local, local
        sync(a)
        on_a = query(a, "SELECT number, notation FROM document WHERE register_id = ? ORDER BY number", register)
        assert on_a == [(1, "1/TB-STP"), (2, "2/TB-STP"), (3, "3/TB-STP"), (4, "4/TB-STP")], on_a
        assert query(a, "SELECT last_number FROM register WHERE id = ?", register) == [(4,)]
        ok("a forged duplicate number lands in quarantine (duplicate_number, lease_held) and overwrites nothing")

        # 5. Two desks receive dossiers with the server's blocks, online and
        # offline, and beyond the days of their blocks from their fallback range.
        today = datetime.now(ICT)
        at = today.strftime("%Y-%m-%d 09:00")
        later = (today + timedelta(days=4)).strftime("%Y-%m-%d 09:00")
        codes = defaultdict(list)
        for db in (a, b):
            sync(db)
            codes[db] += [receive(db, at, f"Người nhận {i}") for i in range(3)]
            sync(db)
        for db in (a, b):
            offline(db, "https://127.0.0.1:9")
            codes[db] += [receive(db, at, f"Người ngoại tuyến {i}") for i in range(3)]
            codes[db] += [receive(db, later, f"Người hẹn sau {i}") for i in range(2)]
            offline(db, url)
        for db in (a, b, a, b):
            sync(db)
        everyone = query(a, "SELECT code, desk_device_id FROM dossier ORDER BY code")
        assert len(everyone) == 16 and len({c for c, _ in everyone}) == 16, everyone
        assert query(b, "SELECT code FROM dossier ORDER BY code") == [(c,) for c, _ in everyone]
        blocks = query(a, "SELECT device_id, day, first_seq, last_seq, next_seq, source FROM dossier_code_block "
                          "WHERE deleted = 0")
        for dev, day, first, last, nxt, source in blocks:
            given = sorted(int(c[-4:]) for c, d in everyone if d == dev and c.split("-")[-2] == day
                           and first <= int(c[-4:]) <= last)
            assert given == list(range(first, nxt)), (dev, day, first, last, nxt, given)
            assert source in ("server", "fallback"), source
        fallback = [int(c[-4:]) for c, _ in everyone if c.split("-")[-2] == later[2:10].replace("-", "")]
        assert len(fallback) == 4 and all(n > 8999 for n in fallback), fallback
        ranges = {r[0]: r for r in leases(a) if r[0] == "fallback"}
        assert ranges, leases(a)
        ok("two desks' dossier codes are all unique; each block's codes are consecutive from its first; "
           "days without a block use each desk's own range above 8999")

        # 6. The administrator moves the lease: B takes it, A learns it.
        released = province.admin("lease", "release", "--commune", COMMUNE_A, "--register", register)
        assert released.returncode == 0 and dev_a in released.stdout, released.stderr
        listed = province.admin("lease", "list", "--commune", COMMUNE_A)
        assert register not in listed.stdout, listed.stdout
        with sqlite3.connect(b) as c:
            c.execute("UPDATE register SET last_number = 4 WHERE id = ?", (register,))
        xasoctl(b, "sync", "lease", register)
        assert register_incoming(b, 7).stdout.split("\t")[1].strip() == "5"
        sync(b)
        # A day later A renews its lease, and learns it is B's now.
        with sqlite3.connect(a) as c:
            c.execute("UPDATE register SET lease_until = ? WHERE id = ?",
                      ((datetime.now(timezone.utc) + timedelta(days=58)).strftime("%Y-%m-%dT%H:%M:%SZ"), register))
        sync(a)
        rows = {r[1]: r for r in leases(a) if r[0] == "register"}
        assert rows[register][4] == dev_b and rows[register][6] == "other", rows
        assert register_incoming(a, 8).returncode != 0
        ok("the administrator releases the lease; the other desktop takes it and numbers on; the first stops")

        # 7. POST /v1/leases refuses what is malformed, and changes nothing.
        token = province.enroll(COMMUNE_A, "0190bbbb-0000-7000-8000-0000000000aa", "Máy thử")
        bad = [({"kind": "other"}, 400, "bad_request"),
               ({"kind": "register", "register": "x", "year": 2026}, 400, "bad_request"),
               ({"kind": "register", "register": register, "year": 1999}, 400, "bad_request"),
               ({"kind": "register", "register": register, "year": "2026"}, 400, "bad_request"),
               ({"kind": "dossier_codes", "day": "2026-02-30", "count": 5}, 400, "bad_request"),
               ({"kind": "dossier_codes", "day": "2026-12-07", "count": 0}, 400, "bad_request"),
               ({"kind": "dossier_codes", "day": "2026-12-07", "count": 501}, 400, "bad_request"),
               ({"kind": "register", "register": register, "year": 2026}, 409, "lease_held")]
        for body, status, code in bad:
            answer = province.request("POST", "/v1/leases", body, token=token)
            assert (answer.status, answer.code) == (status, code), (body, answer.status, answer.body)
        held = province.request("POST", "/v1/leases", {"kind": "register", "register": register, "year": 2026},
                                token=token).json["error"]
        assert held["holder"] == dev_b and held["until"], held
        assert province.request("POST", "/v1/leases", {"kind": "other"}).code == "token_missing"
        assert province.request("POST", "/v1/leases", b"{}", token=token, content_type="text/plain").code == \
            "wrong_content_type"
        assert province.request("GET", "/v1/leases", token=token).status == 405
        ok("malformed lease requests get 400 bad_request, a held register 409 lease_held naming its holder")

        # 8. A day's blocks never overlap and end at 8999.
        day = {"kind": "dossier_codes", "day": "2031-01-02", "count": 500}
        got = []
        while True:
            answer = province.request("POST", "/v1/leases", day, token=token)
            if answer.status != 200:
                break
            got.append((answer.json["first"], answer.json["last"]))
        assert answer.status == 409 and answer.code == "codes_exhausted", answer.body
        assert got[0][0] == 1 and got[-1][1] == 8999, got
        assert all(p[1] + 1 == n[0] for p, n in zip(got, got[1:])), got
        ok("a day's blocks follow each other without overlap up to 8999, then 409 codes_exhausted")

        # 9. From 15 December the holder of a register also takes next year's.
        year = december_year()
        xasoctl(a, "sync", "lease", "legal", "--year", str(year))
        xasoctl(b, "sync", "lease", "incoming", "--year", str(year))
        for db in (a, b):
            sync(db, clock=f"@{year}-12-14 10:00:00")
        assert ("legal", year + 1) not in registers(a), registers(a)
        for db in (a, b, a):
            sync(db, clock=f"@{year}-12-20 10:00:00")
        mine_a, mine_b = registers(a), registers(b)
        legal, incoming = mine_a[("legal", year + 1)], mine_b[("incoming", year + 1)]
        assert legal[4] == dev_a and legal[6] == "held", legal
        assert incoming[4] == dev_b and incoming[6] == "held", incoming
        assert mine_a[("incoming", year + 1)][1] == incoming[1], "one register of a kind and year on every desktop"
        listed = {line.split("\t")[0]: line.split("\t") for line in
                  province.admin("lease", "list", "--commune", COMMUNE_A).stdout.splitlines()}
        assert listed[legal[1]][1:3] == [str(year + 1), dev_a], listed
        assert listed[incoming[1]][1:3] == [str(year + 1), dev_b], listed
        # 2 January, offline: B numbers the year's first document.
        offline(b, "https://127.0.0.1:9")
        first = register_incoming(b, 10, clock=f"@{year + 1}-01-02 10:00:00")
        assert first.returncode == 0 and first.stdout.split("\t")[1].strip() == "1", first
        assert query(b, "SELECT number FROM document WHERE register_id = ?", incoming[1]) == [(1,)]
        offline(b, url)
        report = sync(b)
        assert report["rejected"] == "0", report
        sync(a)
        assert query(a, "SELECT number, notation FROM document WHERE register_id = ?", incoming[1]) == \
            [(1, "10/TB-STP")]
        ok("from 15 December the holder of this year's register takes next year's lease, and numbers the new "
           "year's first document offline on 2 January")

        # 10. A server upgraded from before leases: init-db claims the numbers
        # its log holds, once; an old number pushed again is refused.
        def claims():
            return province.psql("SELECT string_agg(series || ' ' || number || ' ' || table_name || ' ' || row_id, "
                                 f"E'\\n' ORDER BY series, number) FROM number_claim "
                                 f"WHERE commune_code = '{COMMUNE_A}'")
        held = claims()
        assert "dossier " in held and f"register:{register} 4 document" in held, held
        province.psql("DELETE FROM number_claim")
        first_run = province.admin("init-db")
        assert first_run.returncode == 0, first_run.stderr
        assert first_run.stdout == f"numbers_claimed\t{len(held.splitlines())}\n", first_run.stdout
        assert claims() == held
        second_run = province.admin("init-db")
        assert second_run.stdout == "numbers_claimed\t0\n" and claims() == held, second_run.stdout
        before = province.psql("SELECT count(*) FROM quarantine WHERE reason_code = 'duplicate_number'")
        with sqlite3.connect(b) as c:
            c.execute("UPDATE register SET last_number = 1 WHERE id = ?", (register,))
        forged = register_incoming(b, 11)
        assert forged.returncode == 0 and forged.stdout.split("\t")[1].strip() == "2", forged
        report = sync(b)
        assert int(report["rejected"]) >= 1, report
        after = province.psql("SELECT count(*) FROM quarantine WHERE reason_code = 'duplicate_number'")
        assert int(after) == int(before) + 1, (before, after)
        ok("init-db on an upgraded server claims the numbers already in the log (a second run adds none), so an "
           "old number given again is refused as a duplicate")
    except Exception:
        sys.stderr.write(province.server_log()[-3000:])
        raise
    finally:
        province.kill()
        province.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
