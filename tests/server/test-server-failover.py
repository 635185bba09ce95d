#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""T13 of sync-anchors.md: xaso-server on a pg_auto_failover formation (a
monitor, a primary and a synchronous secondary on loopback), reached
through a multi-host connection string. Two desktops push small batches
without pause; the primary's machine dies (kill -9); the monitor promotes
the secondary; the desktops keep retrying what was not acknowledged. Then
every op acknowledged, before or after the death, is in the new primary's
log exactly once with the server_seq its receipt gave, the log's checksums
still chain, a batch sent again gets its stored receipts, and pushes go
on. Prints the seconds from the death to the first acknowledged push.

  test-server-failover.py XASO_SERVER [--runs N] [--defaults]

--runs N repeats it on fresh formations and prints the median as
"bench failover-seconds: S s" (tests/bench/run-benchmarks); --defaults
keeps pg_auto_failover's own timeouts instead of the fast ones."""

import http.client
import os
import re
import shutil
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pg_formation  # noqa: E402
from xaso_server_fixture import COMMUNE_A, Server, Tap, new_id, op, running_checksums  # noqa: E402

BATCH = 5
BEFORE = 8          # batches each desktop has acknowledged before the kill
AFTER = 5           # and after it, sent after the death
RESUME_SECONDS = 100   # pg_auto_failover's defaults take a minute or more: 300 with them

tap = Tap()


class Desktop(threading.Thread):
    """One desktop's outbox going up batch after batch; a batch that gets
    no receipts (503, a cut connection) is sent again, unchanged, as the
    sync engine does."""

    def __init__(self, server, device, token):
        super().__init__(daemon=True)
        self.server = server
        self.device = device
        self.token = token
        self.stop = threading.Event()
        self.acked = []          # (started, acked, batch ops, receipts)
        self.failures = []       # what a failed attempt got
        self.lock = threading.Lock()

    def batch(self, k):
        return [op(k * BATCH + i + 1, new_id(), "insert", {"full_name": f"Người {self.device[:4]} {k}-{i}",
                                                         "birth_date": f"{1950 + (k + i) % 60}-01-01"})
                for i in range(BATCH)]

    def run(self):
        k = 0
        while not self.stop.is_set():
            ops = self.batch(k)
            while True:
                started = time.monotonic()
                try:
                    answer = self.server.push(self.token, self.device, ops, timeout=20)
                except (OSError, http.client.HTTPException) as e:
                    answer, failure = None, type(e).__name__
                else:
                    failure = f"{answer.status} {answer.code}"
                if answer is not None and answer.status == 200:
                    with self.lock:
                        self.acked.append((started, time.monotonic(), ops, answer.json["receipts"]))
                    break
                with self.lock:
                    self.failures.append((started, failure))
                if self.stop.is_set():
                    return
                time.sleep(0.2)
            k += 1

    def acked_after(self, moment):
        with self.lock:
            return [a for a in self.acked if a[0] >= moment]


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def check_log(formation, node, server, desktops):
    """Every receipt a desktop holds is in @node's log, at its server_seq,
    exactly once; nothing else of theirs is there twice."""
    rows = formation.psql(node, f"SELECT server_seq, device_id, seq FROM log WHERE commune_code = '{COMMUNE_A}' "
                                "ORDER BY server_seq", dbname=server.dbname)
    log = [line.split("|") for line in rows.splitlines()]
    by_key = {}
    for server_seq, device, seq in log:
        by_key.setdefault((device, int(seq)), []).append(int(server_seq))
    tap.equal([int(r[0]) for r in log], list(range(1, len(log) + 1)), "the new primary's log has no gap")
    tap.equal([k for k, v in by_key.items() if len(v) > 1], [], "no op is in the log twice")
    missing, moved, acked = [], [], 0
    for desktop in desktops:
        for _, _, ops, receipts in desktop.acked:
            for sent, receipt in zip(ops, receipts):
                acked += 1
                found = by_key.get((desktop.device, sent["seq"]))
                if found is None:
                    missing.append((desktop.device, sent["seq"]))
                elif found != [receipt["server_seq"]]:
                    moved.append((desktop.device, sent["seq"], receipt["server_seq"], found))
    tap.equal(missing, [], f"all {acked} acknowledged ops are in the new primary's log")
    tap.equal(moved, [], "each at the server_seq its receipt gave")
    return acked


def one_failover(program, fast):
    formation = pg_formation.Formation(fast=fast)
    server = None
    desktops = []
    try:
        formation.start()
        primary = formation.node_in("primary")
        standby = formation.node_in("secondary")
        tap.ok(primary is not None and standby is not None, "pg_auto_failover: a primary and a secondary")
        tap.ok(formation.synchronous_standby_names(primary) != "",
               "the primary replicates synchronously",
               formation.synchronous_standby_names(primary))
        uri = formation.uri()
        tap.ok(all(f"127.0.0.1:{n.port}" in uri for n in formation.nodes) and "read-write" in uri,
               "pg_autoctl show uri names both hosts, read-write", uri)

        server = Server(program, "failover", admin_conninfo=formation.conninfo() + " dbname=postgres")
        server.setup()
        server.start()
        for name in ("a", "b"):
            device = new_id()
            desktops.append(Desktop(server, device, server.enroll(COMMUNE_A, device, f"Máy {name}")))
        for desktop in desktops:
            desktop.start()
        tap.ok(wait_until(lambda: all(len(d.acked) >= BEFORE for d in desktops), 60),
               f"{BEFORE} batches of {BATCH} acknowledged per desktop before the kill")

        killed_at = formation.kill(primary)
        # Pushes sent after the death: only the new primary can acknowledge them.
        resumed = wait_until(lambda: all(len(d.acked_after(killed_at)) >= AFTER for d in desktops),
                             RESUME_SECONDS if fast else 300)
        for desktop in desktops:
            desktop.stop.set()
        for desktop in desktops:
            desktop.join(30)
        tap.ok(resumed, f"pushes resume: {AFTER} batches per desktop acknowledged after the kill",
               "\n".join(f"{d.device}: {len(d.acked_after(killed_at))} after, failures {d.failures[-3:]}"
                         for d in desktops) + "\n" + server.server_log()[-2000:] + formation.logs())
        firsts = [min(a[1] for a in d.acked_after(killed_at)) for d in desktops if d.acked_after(killed_at)]
        seconds = min(firsts) - killed_at if firsts else None
        failures = sorted({f for d in desktops for _, f in d.failures})
        print(f"# failed attempts during the failover: {sum(len(d.failures) for d in desktops)} ({', '.join(failures)})",
              flush=True)
        tap.ok(all(f.startswith("503 database_unavailable") for f in failures),
               "a push the database could not take is answered 503 database_unavailable", failures)

        promoted = formation.node_in("wait_primary") or formation.node_in("primary")
        tap.ok(promoted is standby, "the monitor promoted the secondary",
               [(n["nodename"], n["current_group_state"]) for n in formation.state()])
        if promoted is not None:
            acked = check_log(formation, promoted, server, desktops)
            print(f"# {acked} ops acknowledged in all", flush=True)

        token = desktops[0].token
        entries, checksum = server.pull_all(token)
        tap.ok(entries and running_checksums(entries)[-1] == checksum,
               "the log pulled after the failover chains to the server's checksum")
        first = desktops[0].acked[0]
        again = server.push(token, desktops[0].device, first[2])
        tap.equal((again.status, again.json and again.json["receipts"]), (200, first[3]),
                  "a batch acknowledged before the kill, sent again, gets the same receipts")
        metrics = server.request("GET", "/v1/metrics").body.decode()
        counted = re.search(r"^xaso_pg_reconnections_total (\d+)$", metrics, re.M)
        tap.ok(counted is not None and int(counted.group(1)) > 0, "the server counted its reconnections",
               counted and counted.group(0))
        if seconds is not None:
            print(f"# failover: {seconds:.1f} s from the primary's death to the first acknowledged push",
                  flush=True)
        return seconds
    finally:
        for desktop in desktops:
            desktop.stop.set()
        if server is not None:
            server.kill()
            shutil.rmtree(server.dir, ignore_errors=True)
        formation.stop()


def main():
    args = sys.argv[1:]
    program = args.pop(0)
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 0
    fast = "--defaults" not in args
    if not pg_formation.available():
        print("1..0 # SKIP pg_autoctl (postgresql-15-auto-failover) is not installed", flush=True)
        return 77
    bench_out = sys.stdout
    if runs:
        sys.stdout = sys.stderr      # the TAP lines are details; stdout has the figure alone
    figures = []
    for _ in range(max(runs, 1)):
        seconds = one_failover(program, fast)
        if seconds is not None:
            figures.append(seconds)
    if runs:
        name = "failover-seconds" if fast else "failover-seconds-defaults"
        print(f"# {name}: {' '.join(f'{s:.1f}' for s in figures)}", file=sys.stderr)
        if figures:
            print(f"bench {name}: {statistics.median(figures):.1f} s", file=bench_out, flush=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
