#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sync of a whole commune (DESIGN.md §7): a demo commune's desktop enrolls
with a real xaso-server on this machine's PostgreSQL and sends everything
(its records become ops at enrollment), then an empty desktop enrolls and
pulls the commune. Prints
    bench sync-first-push: N ops/s       (push, receipts, and the log back)
    bench sync-initial-pull: N rows/s    (budget ≥ 20,000)
    bench sync-pull-wire: N bytes/row    (budget ≤ 150)
    bench sync-digest: N ms              (a whole-commune digest, both sides: xasoctl sync digest)
    bench sync-digest-server: N ms       (the server's GET /v1/digest alone)
    bench sync-a-to-b: p50/p95 N ms      (a change on one desktop seen on another)
the pull's figures the median of three empty desktops; the last from two of
them running their background engines (bench-sync-latency).

Usage: bench-sync.py XASOCTL XASO-SERVER DEMO.db BENCH-SYNC-LATENCY; the
cluster is XASO_TEST_PG."""

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server"))
from xaso_server_fixture import Server  # noqa: E402

XASOCTL, SERVER, DEMO, LATENCY = sys.argv[1:5]


def xasoctl(db, *args):
    out = subprocess.run([XASOCTL, "--db", db, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"xasoctl {' '.join(args)}: {out.stderr}")
    return dict(line.split("\t", 1) for line in out.stdout.splitlines() if "\t" in line)


def digest_bench(server, code, desktop):
    """The whole-commune digest, medians of three: a desktop's (its tables
    hashed, the server asked) and the server's answer alone."""
    whole, alone = [], []
    for _ in range(3):
        start = time.monotonic()
        report = xasoctl(desktop, "sync", "digest")
        whole.append(time.monotonic() - start)
        if report["comparable"] != "yes" or report["differing"] != "0":
            print(f"# digest: {report}", file=sys.stderr, flush=True)
    token = server.enroll(code, "0190bbbb-0000-7000-8000-0000000000d1", "Máy đo")
    for _ in range(3):
        start = time.monotonic()
        answer = server.request("GET", "/v1/digest", token=token, timeout=600)
        alone.append(time.monotonic() - start)
        assert answer.status == 200, answer.body
    print(f"bench sync-digest: {statistics.median(whole) * 1000:.0f} ms", flush=True)
    print(f"bench sync-digest-server: {statistics.median(alone) * 1000:.0f} ms", flush=True)


def main():
    if not os.environ.get("XASO_TEST_PG"):
        print("bench sync: skipped, XASO_TEST_PG is not set", file=sys.stderr)
        return 1
    work = tempfile.mkdtemp(prefix="xaso-bench-sync-")
    desktop = os.path.join(work, "a.db")
    shutil.copy(DEMO, desktop)
    with sqlite3.connect(desktop) as c:
        code, name, province, province_name, eid, agency = c.execute(
            "SELECT code, name, province_code, province_name, agency_eid, agency_name FROM commune").fetchone()
    server = Server(SERVER, "bench_sync", max_connections=8)
    try:
        server.setup()
        server.admin("commune", "add", code, "--name", name, "--province-code", province, "--province-name",
                     province_name, "--agency-eid", eid, "--agency-name", agency)
        server.start()
        url = f"https://127.0.0.1:{server.port}"

        def enroll(db):
            return xasoctl(db, "sync", "enroll", "--server", url, "--code", server.enroll_code(code),
                           "--ca", server.ca)

        waiting = int(enroll(desktop)["waiting"])
        start = time.monotonic()
        report = xasoctl(desktop, "sync", "--report")
        elapsed = time.monotonic() - start
        print(f"bench sync-first-push: {int(report['sent']) / elapsed:.0f} ops/s "
              f"({report['sent']} of {waiting} ops, {elapsed:.1f} s)", flush=True)

        rates, wire = [], []
        for n in range(3):
            empty = os.path.join(work, f"empty-{n}.db")
            enroll(empty)
            start = time.monotonic()
            report = xasoctl(empty, "sync", "--report")
            elapsed = time.monotonic() - start
            rates.append(int(report["pulled"]) / elapsed)
            wire.append(int(report["bytes_in"]) / max(int(report["pulled"]), 1))
            print(f"# empty desktop {n + 1}: {report['pulled']} rows in {elapsed:.1f} s, "
                  f"{report['bytes_in']} bytes", file=sys.stderr, flush=True)
        print(f"bench sync-initial-pull: {statistics.median(rates):.0f} rows/s", flush=True)
        print(f"bench sync-pull-wire: {statistics.median(wire):.1f} bytes/row", flush=True)
        digest_bench(server, code, os.path.join(work, "empty-0.db"))
        sys.stdout.flush()
        subprocess.run([LATENCY, os.path.join(work, "empty-0.db"), os.path.join(work, "empty-1.db"), "50"],
                       check=True)
    finally:
        server.kill()
        server.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
