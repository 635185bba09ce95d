#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Server ingest (DESIGN.md §7, budget ≥ 5,000 ops/s): pushes batches of 500
ops — new rows, then updates of them by two devices, some of which conflict —
to a real xaso-server on a PostgreSQL of this machine, over one HTTPS
keep-alive connection per device, and prints
    bench server-ingest: N ops/s

Usage: bench-ingest.py XASO-SERVER [BATCHES]; the cluster is XASO_TEST_PG."""

import http.client
import json
import os
import sys
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from xaso_server_fixture import COMMUNE_A, Server, new_id, op  # noqa: E402


def push_all(server, token, device, batches):
    connection = http.client.HTTPSConnection("127.0.0.1", server.port, context=server.context, timeout=120)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    outcomes = {}
    for ops in batches:
        connection.request("POST", "/v1/push", json.dumps({"device_id": device, "ops": ops}), headers)
        response = connection.getresponse()
        body = json.loads(response.read())
        if response.status != 200:
            raise RuntimeError(f"push: {response.status} {body}")
        for receipt in body["receipts"]:
            outcomes[receipt["outcome"]] = outcomes.get(receipt["outcome"], 0) + 1
    connection.close()
    return outcomes


def cpu_seconds(pid):
    """User and system time of a process of this machine, in seconds."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            ticks = sum(int(x) for x in f.read().rsplit(")", 1)[1].split()[11:13])
    except OSError:
        return 0.0
    return ticks / os.sysconf("SC_CLK_TCK")


def backends_cpu(server):
    """CPU time of the server's PostgreSQL backends (the cluster is on this
    machine): where a push's work goes besides xaso-server itself."""
    pids = server.psql("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid()").split()
    return sum(cpu_seconds(int(pid)) for pid in pids)


def make_batches(rows, device_seq, kind, base_of, value_of):
    ops = []
    for i, row in enumerate(rows):
        seq = device_seq + i + 1
        if kind == "insert":
            ops.append(op(seq, row, "insert", {"full_name": f"Nguyễn Văn {i}", "phone": f"09{i:08d}",
                                               "birth_date": f"{1950 + i % 60}-01-01", "hamlet": f"Ấp {i % 12}"}))
        else:
            ops.append(op(seq, row, "update", {"phone": (value_of(i), f"09{i:08d}", base_of(i))}))
    return [ops[i:i + 500] for i in range(0, len(ops), 500)]


def main():
    program = sys.argv[1]
    n_rows = 500 * (int(sys.argv[2]) if len(sys.argv) > 2 else 20)
    server = Server(program, "bench", max_connections=2)
    try:
        server.setup()
        server.start()
        d1, d2 = new_id(), new_id()
        t1, t2 = server.enroll(COMMUNE_A, d1), server.enroll(COMMUNE_A, d2)
        rows = [new_id() for _ in range(n_rows)]
        inserts = make_batches(rows, 0, "insert", None, None)
        # Device 1 updates every row on its base; device 2, offline meanwhile,
        # updates every other row on the old base: half merge-free applies,
        # half conflicts.
        updates_1 = make_batches(rows, n_rows, "update", lambda i: i + 1, lambda i: f"08{i:08d}")
        updates_2 = make_batches(rows[::2], 0, "update", lambda i: 2 * i + 1, lambda i: f"07{i:08d}")
        start = time.monotonic()
        own_start = time.process_time()
        totals = {}
        for token, device, batches in ((t1, d1, inserts), (t1, d1, updates_1), (t2, d2, updates_2)):
            for outcome, n in push_all(server, token, device, batches).items():
                totals[outcome] = totals.get(outcome, 0) + n
        elapsed = time.monotonic() - start
        own = time.process_time() - own_start
        n_ops = sum(totals.values())
        print(f"# {n_ops} ops in {elapsed:.2f} s: " + ", ".join(f"{n} {o}" for o, n in sorted(totals.items())))
        print(f"# xaso-server used {cpu_seconds(server.process.pid):.2f} s of CPU (setup included), "
              f"its PostgreSQL backends {backends_cpu(server):.2f} s, this client {own:.2f} s")
        print(f"bench server-ingest: {n_ops / elapsed:.0f} ops/s", flush=True)
        server.terminate()
        if "--log" in sys.argv:
            print(server.server_log())
    finally:
        server.kill()
        server.drop_database()


if __name__ == "__main__":
    main()
