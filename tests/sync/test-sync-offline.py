#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Long offline (sync-anchors.md T10), sized for CI: desktop A stays offline
while it makes XASO_OFFLINE_LOCAL edits and desktop B sends
XASO_OFFLINE_REMOTE of its own to the server; when A comes back every op it
made is received (no reset, nothing discarded), the edits the server had
moved past are recorded as conflicts, and both desktops hold the same
residents. build-aux/dev bench runs it at full size (5,000 local ops,
50,000 on the server) and prints how long A took to reconcile.

Usage: test-sync-offline.py XASO-SERVER SYNC-OFFLINE"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
from xaso_server_fixture import COMMUNE_A, Server  # noqa: E402

XASOCTL = os.environ["XASOCTL"]
SERVER, OFFLINE = sys.argv[1:3]
LOCAL = int(os.environ.get("XASO_OFFLINE_LOCAL", "500"))
REMOTE = int(os.environ.get("XASO_OFFLINE_REMOTE", "2000"))


def enroll(province, url, db):
    out = subprocess.run([XASOCTL, "--db", db, "sync", "enroll", "--server", url,
                          "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def main():
    if not os.environ.get("XASO_TEST_PG"):
        print("1..0 # SKIP XASO_TEST_PG is not set (build-aux/dev test starts PostgreSQL)")
        return 0
    print("1..3", flush=True)
    province = Server(SERVER, "offline")
    province.setup()
    province.start()
    url = f"https://127.0.0.1:{province.port}"
    work = tempfile.mkdtemp(prefix="xaso-sync-offline-")
    try:
        a, b = os.path.join(work, "a.db"), os.path.join(work, "b.db")
        enroll(province, url, a)
        enroll(province, url, b)
        out = subprocess.run([OFFLINE, "1", str(LOCAL), str(REMOTE), a, b], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        fields = out.stdout.split("\t")
        millis = int(fields[0])
        hash_a, waiting_a, receipts_a, last_a, conflicts_a = fields[1:6]
        hash_b, waiting_b, receipts_b, last_b, conflicts_b = fields[6:11]

        assert waiting_a == "0" and receipts_a == last_a and int(last_a) >= LOCAL, fields
        assert waiting_b == "0" and receipts_b == last_b and int(last_b) >= REMOTE, fields
        print(f"ok 1 - A's {LOCAL} offline edits all received after {REMOTE} on the server: "
              f"{receipts_a} receipts for {last_a} ops, nothing waiting", flush=True)
        assert int(conflicts_a) > 0 and conflicts_a == conflicts_b.strip(), fields
        print(f"ok 2 - the edits the server had moved past are {conflicts_a} conflicts, recorded on both",
              flush=True)
        assert hash_a == hash_b, fields
        print(f"ok 3 - both desktops hold the same residents; A reconciled in {millis} ms", flush=True)
        print(f"# reconcile-ms {millis}", flush=True)
    finally:
        province.kill()
        province.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
