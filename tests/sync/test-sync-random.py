#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Randomized convergence (sync-anchors.md T1, T2), sized for CI: for each
seed, three desktops of one commune and one of another edit residents at
random — new ones, one field or several, the same values and different
ones, deletions — and sync at random, the others offline meanwhile; once all
are back online every desktop of a commune holds the same residents and the
same conflicts, nothing waits, and every op sent has exactly one receipt.
Nothing of one commune reaches the other. build-aux/dev bench runs it with
more seeds and rounds (XASO_SYNC_SEEDS, XASO_SYNC_ROUNDS).

Usage: test-sync-random.py XASO-SERVER SYNC-RANDOM"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "sync"))
from xaso_server_fixture import Server  # noqa: E402
from xaso_desktop import xasoctl  # noqa: E402

SERVER, RANDOM = sys.argv[1:3]
SEEDS = int(os.environ.get("XASO_SYNC_SEEDS", "6"))
ROUNDS = int(os.environ.get("XASO_SYNC_ROUNDS", "12"))


def communes(province, seed):
    """Two communes of the seed's own, so each seed starts from empty logs."""
    codes = (f"{90000 + 2 * seed % 10000:05d}", f"{90001 + 2 * seed % 10000:05d}")
    for code in codes:
        answer = province.admin("commune", "add", code, "--name", f"Xã Thử {code}", "--province-code", "80",
                                "--province-name", "Tây Ninh", "--agency-eid", f"000.00.{code[-2:]}.H80",
                                "--agency-name", f"UBND xã Thử {code}")
        assert answer.returncode == 0, answer.stderr
    return codes


def desktops(province, url, work, seed):
    made = []
    a, b = communes(province, seed)
    for commune, n in ((a, 3), (b, 1)):
        for i in range(n):
            db = os.path.join(work, f"s{seed}-{commune}-{i}.db")
            xasoctl(db, "sync", "enroll", "--server", url, "--code", province.enroll_code(commune),
                    "--ca", province.ca)
            made.append((commune, db))
    return made


def main():
    if not os.environ.get("XASO_TEST_PG"):
        print("1..0 # SKIP XASO_TEST_PG is not set (build-aux/dev test starts PostgreSQL)")
        return 0
    print(f"1..{SEEDS}", flush=True)
    province = Server(SERVER, "random")
    province.setup()
    province.start()
    url = f"https://127.0.0.1:{province.port}"
    work = tempfile.mkdtemp(prefix="xaso-sync-random-")
    try:
        for seed in range(1, SEEDS + 1):
            made = desktops(province, url, work, seed)
            out = subprocess.run([RANDOM, str(seed), str(ROUNDS)] + [db for _, db in made],
                                 capture_output=True, text=True)
            assert out.returncode == 0, out.stderr
            lines = {line.split("\t")[0]: line.split("\t")[1:] for line in out.stdout.splitlines()}
            for commune in sorted({c for c, _ in made}):
                hashes = {lines[db][0] for c, db in made if c == commune}
                assert len(hashes) == 1, f"seed {seed}: the desktops of {commune} differ: {lines}"
            for commune, db in made:
                waiting, receipts, _, last_seq = (int(x) for x in lines[db][1:])
                assert waiting == 0, f"seed {seed}: {db} still has {waiting} ops waiting"
                # Every op this desktop made (its seq runs from 1) has one receipt.
                assert receipts == last_seq, f"seed {seed}: {db}: {receipts} receipts for {last_seq} ops"
                with sqlite3.connect(db) as c:
                    foreign = c.execute("SELECT count(*) FROM person WHERE commune_code != ?",
                                        (commune,)).fetchone()[0]
                assert foreign == 0, f"seed {seed}: {db} holds residents of another commune"
            conflicts = lines[made[0][1]][3]
            print(f"ok {seed} - seed {seed}: {ROUNDS} rounds, every desktop of each commune the same "
                  f"({conflicts} conflicts kept), each op one receipt", flush=True)
    finally:
        province.kill()
        province.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
