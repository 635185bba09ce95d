#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Clock chaos (sync-anchors.md T12): desktops whose clocks are a year ahead
and a year behind (faketime), one rolled back in the middle, edit the same
account. The server's log decides the order, not the clocks: nothing is
refused, the same-field edits are conflicts recorded on every desktop, all
end the same, a desktop's own later edit stays after its earlier one, and
each desktop says how far its clock is from the server's.

Usage: test-sync-clock.py XASO-SERVER"""

import os
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "sync"))
from xaso_server_fixture import COMMUNE_A  # noqa: E402
import xaso_desktop  # noqa: E402
from xaso_desktop import ok, start_province, sync_with_warnings, table  # noqa: E402

SERVER = sys.argv[1]
YEAR = 365 * 86400


def xasoctl(db, clock, *args, stdin=None, user=None):
    return xaso_desktop.xasoctl(db, *args, stdin=stdin, user=user, clock=clock)


def sync(db, clock):
    report, warned = sync_with_warnings(db, clock)
    assert int(report["rejected"]) == 0, report
    return report, warned


def accounts(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT id, username, active, password_verifier FROM user ORDER BY id").fetchall()


def main():
    province = start_province(SERVER, "clock", 4)
    if province is None:
        return 0
    url = f"https://127.0.0.1:{province.port}"
    work = tempfile.mkdtemp(prefix="xaso-sync-clock-")
    clocks = {"right": None, "ahead": "+365d", "behind": "-365d"}   # the first makes the accounts
    dbs = {name: os.path.join(work, f"{name}.db") for name in clocks}
    try:
        right = dbs["right"]
        xasoctl(right, None, "init", "--code", COMMUNE_A, "--name", "Xã Tân Lập", "--province-code", "80",
                "--province", "Tây Ninh", "--agency-id", "000.00.01.H80", "--admin", "quantri",
                "--admin-name", "Trần Văn Quản", "--password-stdin", stdin="mat-khau-quan-tri\n")
        xasoctl(right, None, "user", "add", "vanthu", "--name", "Lê Thị Văn", "--role", "van_thu",
                "--password-stdin", stdin="mat-khau-1\n", user="quantri")
        for name, db in dbs.items():
            xasoctl(db, clocks[name], "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A),
                    "--ca", province.ca)
            sync(db, clocks[name])
        for name, db in dbs.items():
            status = table(xasoctl(db, None, "sync", "status").stdout)
            expected = {"ahead": YEAR, "behind": -YEAR, "right": 0}[name]
            assert abs(int(status["clock_skew"]) - expected) <= 5, (name, status)
        _, warned = sync(dbs["ahead"], clocks["ahead"])
        assert "365" in warned, warned
        ok("a desktop a year ahead and one a year behind sync with nothing refused; each knows its clock's "
           "distance from the server's and the one syncing is warned")

        # The same field on all three; the clock a year ahead is then rolled
        # back and its desktop edits once more.
        for name, db in dbs.items():
            xasoctl(db, clocks[name], "user", "set-password", "vanthu", "--password-stdin",
                    stdin=f"tu-{name}\n", user="quantri")
        xasoctl(dbs["ahead"], None, "user", "set-password", "vanthu", "--password-stdin",
                stdin="lan-sau-cua-ahead\n", user="quantri")
        with sqlite3.connect(dbs["ahead"]) as c:
            hlcs = [h for (h,) in c.execute("SELECT hlc FROM outbox ORDER BY device_seq")]
        assert len(hlcs) >= 2 and all(x < y for x, y in zip(hlcs, hlcs[1:])), hlcs
        ok("after the clock is rolled back a year, the desktop's next change still comes after its last one")

        conflicts = 0
        for _ in range(2):
            for name in ("behind", "ahead", "right"):
                report, _ = sync(dbs[name], None if name == "ahead" else clocks[name])
                conflicts += int(report["conflict"])
        assert conflicts >= 2, conflicts
        views = [accounts(db) for db in dbs.values()]
        assert views[0] == views[1] == views[2], views
        ok(f"the same-field edits made a year apart on the clocks are {conflicts} conflicts, decided by the "
           "server's order; every desktop holds the same accounts")

        with sqlite3.connect(dbs["ahead"]) as c:
            mine = c.execute("SELECT count(*) FROM field_conflict WHERE field = 'password_verifier'").fetchone()[0]
        for name, db in dbs.items():
            status = table(xasoctl(db, None, "sync", "status").stdout)
            assert status["waiting"] == "0" and status["rejected"] == "0", (name, status)
            with sqlite3.connect(db) as c:
                there = c.execute("SELECT count(*) FROM field_conflict WHERE field = 'password_verifier'"
                                  ).fetchone()[0]
            assert there == mine, (name, there, mine)
        ok("every desktop records the same conflicts; nothing waits and nothing was refused")
    finally:
        province.kill()
        province.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
