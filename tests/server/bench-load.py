#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Many desktops syncing at once against one xaso-server (DESIGN.md §7, issue
11): DESKTOPS devices of two communes enroll with a real server on this
machine's PostgreSQL, then for SECONDS each pushes a small batch now and
then, pulls what the others pushed, and waits in a long-poll when it has
caught up, as the background engine does. Each desktop keeps two HTTPS
keep-alive connections, one for pushes and one for pulls. Prints
    bench server-load: p50 N ms     (pushes and pulls that do not wait)
    bench server-load: p99 N ms
    bench server-load-rss: N MB     (the server's peak resident memory)
    bench server-load-server-p99: <= N ms (the same requests as the server
                                    timed them: a bucket bound of its histogram)
Long-polls are left out of the latencies (they wait by design) but must all
be answered: a long-poll the server could not take is a failure.

Usage: bench-load.py XASO-SERVER [DESKTOPS [SECONDS]]; the cluster is
XASO_TEST_PG."""

import asyncio
import gzip
import json
import os
import random
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xaso_server_fixture import COMMUNE_A, COMMUNE_B, Server, new_id, op  # noqa: E402

OPS_PER_PUSH = 3
PUSH_INTERVAL = 5.0       # seconds between a desktop's pushes, on average
LONG_POLL = 10            # seconds a caught-up desktop waits in a pull


class Connection:
    """One HTTP/1.1 keep-alive connection over TLS, on asyncio streams."""

    def __init__(self, server, token):
        self.server = server
        self.token = token
        self.reader = None
        self.writer = None
        self.connect_ms = None     # the last TLS connection's set-up, once read

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(
            "127.0.0.1", self.server.port, ssl=self.server.context, server_hostname="127.0.0.1")

    async def request(self, method, path, body=None):
        if self.writer is None:
            start = time.monotonic()
            await self.open()
            self.connect_ms = (time.monotonic() - start) * 1000
        payload = json.dumps(body).encode() if body is not None else b""
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {self.token}\r\n"
                f"Accept-Encoding: gzip\r\nContent-Length: {len(payload)}\r\n")
        if body is not None:
            head += "Content-Type: application/json\r\n"
        self.writer.write(head.encode() + b"\r\n" + payload)
        await self.writer.drain()
        status_line = await self.reader.readuntil(b"\r\n")
        headers = {}
        while True:
            line = await self.reader.readuntil(b"\r\n")
            if line == b"\r\n":
                break
            name, _, value = line.decode().partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            raw = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                raw += chunk[:-2]
        else:
            raw = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("content-encoding") == "gzip":
            raw = gzip.decompress(raw)
        if headers.get("connection", "").lower() == "close":
            self.close()
        return int(status_line.split()[1]), json.loads(raw) if raw else None

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Figures:
    def __init__(self):
        self.latencies = []        # ms, pushes and pulls that do not wait
        self.push_latencies = []
        self.long_polls = 0
        self.ops_sent = 0
        self.entries_pulled = 0
        self.failures = []
        self.connects = []         # ms, TLS connections opened

    def connected(self, connection):
        """The set-up time of @connection's new TLS connection, if its last
        request opened one: counted apart, as a desktop keeps its
        connections open between syncs."""
        if connection.connect_ms is None:
            return 0.0
        self.connects.append(connection.connect_ms)
        connection.connect_ms = None
        return self.connects[-1]


class Desktop:
    def __init__(self, server, device, token, figures, deadline):
        self.device = device
        self.figures = figures
        self.deadline = deadline
        self.push_connection = Connection(server, token)
        self.pull_connection = Connection(server, token)
        self.seq = 0
        self.rows = []

    def next_ops(self):
        ops = []
        for _ in range(OPS_PER_PUSH):
            self.seq += 1
            if self.rows and random.random() < 0.5:
                row = random.choice(self.rows)
                ops.append(op(self.seq, row, "update", {"phone": (f"09{random.randrange(10**8):08d}", None, 0)}))
            else:
                row = new_id()
                self.rows.append(row)
                ops.append(op(self.seq, row, "insert", {"full_name": f"Nguyễn Văn {self.seq}",
                                                        "birth_date": f"{1950 + self.seq % 60}-01-01"}))
        return ops

    async def pushes(self):
        await asyncio.sleep(random.uniform(0, PUSH_INTERVAL))
        while time.monotonic() < self.deadline:
            ops = self.next_ops()
            start = time.monotonic()
            status, body = await self.push_connection.request("POST", "/v1/push",
                                                              {"device_id": self.device, "ops": ops})
            elapsed = (time.monotonic() - start) * 1000 - self.figures.connected(self.push_connection)
            if status != 200 or len(body.get("receipts", [])) != len(ops):
                self.figures.failures.append(f"push {status} {body}")
                return
            self.figures.latencies.append(elapsed)
            self.figures.push_latencies.append(elapsed)
            self.figures.ops_sent += len(ops)
            await asyncio.sleep(random.uniform(0.5, 1.5) * PUSH_INTERVAL)

    async def pulls(self):
        after, caught_up = 0, False
        while time.monotonic() < self.deadline:
            wait = f"&wait={LONG_POLL}" if caught_up else ""
            start = time.monotonic()
            status, body = await self.pull_connection.request("GET", f"/v1/pull?after={after}{wait}")
            elapsed = (time.monotonic() - start) * 1000 - self.figures.connected(self.pull_connection)
            if status != 200:
                self.figures.failures.append(f"pull {status} {body}")
                return
            if caught_up:
                self.figures.long_polls += 1
            else:
                self.figures.latencies.append(elapsed)
            self.figures.entries_pulled += len(body["entries"])
            after = body["last_seq"] if body["entries"] else after
            caught_up = not body["more"]

    async def run(self):
        try:
            await asyncio.gather(self.pushes(), self.pulls())
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            self.figures.failures.append(f"{self.device}: {error!r}")
        finally:
            self.push_connection.close()
            self.pull_connection.close()


def memory_mb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def server_percentile(server, p):
    """The bound of the server's histogram (xaso_request_duration_seconds)
    under which p % of its pushes and pulls were answered, long-polls' waits
    left out: the server's own share, without this one-threaded client's
    queueing. Enrollment and metrics are not counted."""
    text = server.request("GET", "/v1/metrics").body.decode()
    below = {}
    for endpoint, bound, count in re.findall(
            r'^xaso_request_duration_seconds_bucket\{endpoint="(push|pull)",le="([^"]+)"\} (\d+)$', text, re.M):
        below[bound] = below.get(bound, 0) + int(count)
    total = below.get("+Inf", 0)
    for bound, count in sorted(below.items(), key=lambda item: float(item[0])):
        if total and count >= total * p / 100:
            return float(bound) * 1000
    return float("inf")


async def load(server, devices, seconds):
    figures = Figures()
    deadline = time.monotonic() + seconds
    desktops = [Desktop(server, device, token, figures, deadline) for device, token in devices]
    await asyncio.gather(*(desktop.run() for desktop in desktops))
    return figures


def main():
    program = sys.argv[1]
    n_desktops = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 30
    server = Server(program, "load", max_connections=8)
    try:
        server.setup()
        server.start()
        communes = [COMMUNE_A if i % 2 == 0 else COMMUNE_B for i in range(n_desktops)]
        ids = [new_id() for _ in communes]
        with ThreadPoolExecutor(8) as pool:
            tokens = list(pool.map(lambda pair: server.enroll(*pair, name=f"Máy {pair[1][:8]}"), zip(communes, ids)))
        rss_before = memory_mb(server.process.pid, "VmRSS")
        figures = asyncio.run(load(server, list(zip(ids, tokens)), seconds))
        peak = memory_mb(server.process.pid, "VmHWM")
        rss = memory_mb(server.process.pid, "VmRSS")
        print(f"# {n_desktops} desktops for {seconds:.0f} s: {len(figures.push_latencies)} pushes "
              f"({figures.ops_sent} ops), {len(figures.latencies) - len(figures.push_latencies)} pulls, "
              f"{figures.long_polls} long-polls answered, {figures.entries_pulled} entries pulled", flush=True)
        print(f"# pushes alone: p50 {statistics.median(figures.push_latencies):.0f} ms, "
              f"p99 {percentile(figures.push_latencies, 99):.0f} ms; server RSS {rss_before:.0f} MB after "
              f"enrollment, {rss:.0f} MB at the end", flush=True)
        if figures.failures:
            for failure in figures.failures[:10]:
                print(f"# {failure}", file=sys.stderr)
            print(f"bench server-load: {len(figures.failures)} desktops failed", file=sys.stderr)
            return 1
        print(f"# {len(figures.connects)} TLS connections opened: p50 {statistics.median(figures.connects):.0f} ms, "
              f"p99 {percentile(figures.connects, 99):.0f} ms (left out of the figures below)", flush=True)
        print(f"bench server-load: p50 {statistics.median(figures.latencies):.0f} ms", flush=True)
        print(f"bench server-load: p99 {percentile(figures.latencies, 99):.0f} ms", flush=True)
        print(f"bench server-load-rss: {peak:.0f} MB", flush=True)
        print(f"bench server-load-server-p99: <= {server_percentile(server, 99):.0f} ms", flush=True)
        return 0
    finally:
        server.kill()
        server.drop_database()


if __name__ == "__main__":
    sys.exit(main())
