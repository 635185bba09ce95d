#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sync through a network that fails (sync-anchors.md T3–T6), against a real
xaso-server and PostgreSQL, the desktops being real xasoctl processes that
reach the server through tests/support/xaso-fault-proxy.py:

T5  desktops edit at random and sync at once through a proxy that drops,
    duplicates, reorders, delays and cuts requests and answers; once the
    faults stop, every desktop of a commune holds the same, every op is on
    the server exactly once, and every receipt the server wrote is the one
    the desktop holds.
T3  `xasoctl sync` killed with SIGKILL at random points of a push — before
    the request leaves, half sent, once the server applied it, while a pull
    page comes — then a clean sync: every op once, the outbox empty, the
    receipts the server first answered, nothing lost.
T4  xaso-server killed with SIGKILL in the middle of a batch (its
    transaction stopped on a lock the test holds), at random moments after
    a push left, and after it answered: what a desktop was told survives,
    nothing half-applied shows, every op once after the restart.
T6  a large first pull cut several times in mid-answer and resumed: the
    bytes the proxy carried stay within 1.1 × a clean run's.

Sizes come from the environment so that build-aux/dev bench can run the
full versions: XASO_FAULT_SEEDS, XASO_FAULT_ROUNDS (T5), XASO_FAULT_KILLS
(T3), XASO_FAULT_SERVER_KILLS (T4), XASO_FAULT_PULL_ROWS and
XASO_FAULT_PULL_CUTS (T6); XASO_FAULT_ONLY=t3,t5 runs some parts only.

Usage: test-sync-faults.py XASO-SERVER SYNC-RANDOM"""

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

SOURCE = os.environ["XASO_SOURCE_DIR"]
sys.path.insert(0, os.path.join(SOURCE, "tests", "server"))
sys.path.insert(0, os.path.join(SOURCE, "tests", "support"))
from xaso_server_fixture import Server, Tap, new_id, op  # noqa: E402
from fault_proxy import FaultProxy  # noqa: E402

XASOCTL = os.environ["XASOCTL"]
SERVER, RANDOM = sys.argv[1:3]


def size(name, default):
    return int(os.environ.get(name, default))


SEEDS = size("XASO_FAULT_SEEDS", 2)
ROUNDS = size("XASO_FAULT_ROUNDS", 8)
KILLS = size("XASO_FAULT_KILLS", 10)
SERVER_KILLS = size("XASO_FAULT_SERVER_KILLS", 3)
PULL_ROWS = size("XASO_FAULT_PULL_ROWS", 15000)
PULL_CUTS = size("XASO_FAULT_PULL_CUTS", 3)
ONLY = set(filter(None, os.environ.get("XASO_FAULT_ONLY", "").split(",")))

# T5's rates: a request in two meets a fault (sync-anchors.md: drops,
# duplicates and reorders at 10 % each, of requests and of answers).
RATES = {"drop_request": 0.05, "drop_answer": 0.05, "duplicate": 0.1, "reorder": 0.1, "delay": 0.1,
         "cut_request": 0.05, "cut_answer": 0.05}


# Desktops ---------------------------------------------------------------------

def xasoctl(db, *args, check=True):
    out = subprocess.run([XASOCTL, "--db", db, *args], capture_output=True, text=True)
    if check and out.returncode != 0:
        raise AssertionError(f"xasoctl {' '.join(args)}: {out.stderr}")
    return out


def table(text):
    return dict(line.split("\t", 1) for line in text.strip().splitlines() if "\t" in line)


class Desktop:
    def __init__(self, path, commune=None, device=None):
        self.path = path
        self.commune = commune
        self.device = device
        self.sent = 0
        self.outcomes = {}

    @classmethod
    def enrolled(cls, province, url, commune, path):
        out = table(xasoctl(path, "sync", "enroll", "--server", url, "--code", province.enroll_code(commune),
                            "--ca", province.ca).stdout)
        return cls(path, commune, out["device"])

    def edit(self, seed, n):
        if n > 0:
            subprocess.run([RANDOM, "--edit", str(seed), str(n), self.path], check=True)

    def state(self):
        out = subprocess.run([RANDOM, "--state", self.path], capture_output=True, text=True, check=True)
        fields = out.stdout.strip().split("\t")[1:]
        return {"hash": fields[0], "waiting": int(fields[1]), "receipts": int(fields[2]),
                "conflicts": int(fields[3]), "last_seq": int(fields[4])}

    def sync_command(self):
        return [XASOCTL, "--db", self.path, "sync", "--report"]

    def count_report(self, stdout):
        report = table(stdout)
        if "sent" not in report:
            return
        self.sent += int(report["sent"])
        for outcome in ("applied", "merged", "conflict", "rejected"):
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + int(report[outcome])

    def sync(self, must=False):
        """One `xasoctl sync`; whether it finished. A failure must be the
        network's: a fault the proxy made is never anything else."""
        out = subprocess.run(self.sync_command(), capture_output=True, text=True)
        self.count_report(out.stdout)
        if out.returncode == 0:
            return True
        if must or not self.offline():
            raise AssertionError(f"{self.path}: sync failed ({out.returncode}): {out.stderr.strip()}")
        return False

    def offline(self):
        with sqlite3.connect(self.path) as c:
            row = c.execute("SELECT value FROM sync_state WHERE key = 'sync.offline'").fetchone()
        return row is not None and row[0] == "yes"

    def receipts(self):
        with sqlite3.connect(self.path) as c:
            return {seq: (outcome, server_seq) for seq, outcome, server_seq in
                    c.execute("SELECT device_seq, outcome, server_seq FROM sync_receipt")}

    def intact(self):
        with sqlite3.connect(self.path) as c:
            return c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def add_commune(province, code):
    answer = province.admin("commune", "add", code, "--name", f"Xã Thử {code}", "--province-code", "80",
                            "--province-name", "Tây Ninh", "--agency-eid", f"000.00.{code[-2:]}.H80",
                            "--agency-name", f"UBND xã Thử {code}")
    assert answer.returncode == 0, answer.stderr


# The server's side ------------------------------------------------------------

def server_receipts(province, device):
    rows = province.psql(f"SELECT seq, outcome, coalesce(server_seq, -1) FROM receipt WHERE device_id = '{device}'")
    result = {}
    for line in filter(None, rows.splitlines()):
        seq, outcome, server_seq = line.split("|")
        result[int(seq)] = (outcome, None if server_seq == "-1" else int(server_seq))
    return result


def exactly_once(province, commune, desktops):
    """What must hold once every desktop synced cleanly; a list of what does not."""
    problems = []
    twice = province.psql(f"SELECT device_id || '/' || seq FROM log WHERE commune_code = '{commune}' "
                          "GROUP BY device_id, seq HAVING count(*) > 1")
    if twice:
        problems.append(f"ops logged more than once: {twice.split()}")
    count, last = province.psql(f"SELECT count(*), coalesce(max(server_seq), 0) FROM log "
                                f"WHERE commune_code = '{commune}'").split("|")
    following = province.psql(f"SELECT next - 1 FROM counter WHERE commune_code = '{commune}'")
    if count != last or last != following:
        problems.append(f"the log holds {count} entries up to {last}, the counter says {following}")
    unlogged = province.psql(f"SELECT count(*) FROM receipt r WHERE r.commune_code = '{commune}' "
                             "AND r.outcome <> 'rejected' AND NOT EXISTS (SELECT 1 FROM log l WHERE "
                             "l.commune_code = r.commune_code AND l.server_seq = r.server_seq AND "
                             "l.device_id = r.device_id AND l.seq = r.seq)")
    if unlogged != "0":
        problems.append(f"{unlogged} receipts name no log entry of their op")
    # Half a batch would show as entries whose receipts never came.
    unreceipted = province.psql(f"SELECT count(*) FROM log l WHERE l.commune_code = '{commune}' "
                                "AND NOT EXISTS (SELECT 1 FROM receipt r WHERE r.commune_code = l.commune_code "
                                "AND r.device_id = l.device_id AND r.seq = l.seq)")
    if unreceipted != "0":
        problems.append(f"{unreceipted} log entries have no receipt")
    for d in desktops:
        state = d.state()
        mine, theirs = d.receipts(), server_receipts(province, d.device)
        if state["waiting"] != 0:
            problems.append(f"{d.path}: {state['waiting']} ops still waiting")
        if sorted(mine) != list(range(1, state["last_seq"] + 1)) or state["receipts"] != state["last_seq"]:
            problems.append(f"{d.path}: {state['receipts']} receipts for {state['last_seq']} ops")
        if mine != theirs:
            differ = sorted(s for s in set(mine) | set(theirs) if mine.get(s) != theirs.get(s))[:10]
            problems.append(f"{d.path}: its receipts and the server's differ at {differ}")
        if not d.intact():
            problems.append(f"{d.path}: the database is damaged")
    return problems


def converged(desktops):
    hashes = {}
    for d in desktops:
        hashes.setdefault(d.commune, set()).add(d.state()["hash"])
    return all(len(h) == 1 for h in hashes.values()), hashes


def settle(desktops, rounds=3):
    for _ in range(rounds):
        for d in desktops:
            d.sync(must=True)


# T5 ---------------------------------------------------------------------------

def sync_at_once(desktops):
    failures = []

    def one(d):
        try:
            d.sync()
        except AssertionError as e:
            failures.append(str(e))
    threads = [threading.Thread(target=one, args=(d,)) for d in desktops]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return failures


def lost_enrollment(tap, province, proxy, work, code):
    """Enrollments whose answer is cut (PROTOCOL.md, POST /v1/enroll): the
    server spent the code, the desktop got no token. The desktop asks again
    with the retry key it kept and gets a fresh token, at once or in a later
    try; another desktop is still refused the spent code; the desktop syncs."""
    def enroll(name, one_time):
        return xasoctl(os.path.join(work, name), "sync", "enroll", "--server", proxy.url, "--code", one_time,
                       "--ca", province.ca, check=False)

    def devices(out):
        device = table(out.stdout).get("device", "")
        return province.psql(f"SELECT count(*) FROM device WHERE device_id = '{device}' AND NOT revoked")

    cut = {"match": "POST /v1/enroll", "fault": "cut-answer"}
    proxy.script(cut)
    at_once = enroll("t5-enroll.db", province.enroll_code(code))
    tap.ok(at_once.returncode == 0 and devices(at_once) == "1",
           "an enrollment whose answer was cut is asked again at once and answered: one device, enrolled",
           at_once.stderr)

    spent = province.enroll_code(code)
    proxy.script(cut, cut, cut)     # the first try and both of its own retries
    lost = enroll("t5-enroll-later.db", spent)
    status = table(xasoctl(os.path.join(work, "t5-enroll-later.db"), "sync", "status", check=False).stdout)
    later = enroll("t5-enroll-later.db", spent)
    other = enroll("t5-enroll-other.db", spent)
    tap.ok(lost.returncode != 0 and lost.stderr.strip() and status.get("enrolled", "no") == "no" and
           later.returncode == 0 and devices(later) == "1" and
           other.returncode != 0 and "đã được dùng" in other.stderr,
           "when every answer was lost the desktop says so and stays unenrolled; a later try with the same code "
           "enrolls it, and another desktop is refused the spent code",
           f"lost: {lost.returncode} {lost.stderr}\nstatus: {status}\nlater: {later.returncode} {later.stderr}\n"
           f"other: {other.returncode} {other.stderr}")

    desktop = Desktop(os.path.join(work, "t5-enroll.db"))
    desktop.edit(1, 5)
    desktop.sync(must=True)
    tap.ok(True, "the desktop enrolled through a cut answer syncs")


def t5(tap, province, proxy, work):
    total = {}
    for seed in range(1, SEEDS + 1):
        rng = random.Random(seed)
        a, b = f"{91000 + 2 * seed % 8000:05d}", f"{91001 + 2 * seed % 8000:05d}"
        for code in (a, b):
            add_commune(province, code)
        if seed == 1:
            lost_enrollment(tap, province, proxy, work, a)
        desktops = [Desktop.enrolled(province, proxy.url, commune,
                                     os.path.join(work, f"t5-{seed}-{commune}-{i}.db"))
                    for commune, n in ((a, 3), (b, 1)) for i in range(n)]
        proxy.reset()
        proxy.rates(seed=seed, max_delay=0.5, **RATES)
        problems = []
        for r in range(ROUNDS):
            for i, d in enumerate(desktops):
                d.edit(seed * 100000 + r * 10 + i, rng.randint(0, 4))
            problems += sync_at_once([d for d in desktops if rng.random() < 0.6])
        stats = proxy.stats()
        late = proxy.off()
        settle(desktops)
        same, hashes = converged(desktops)
        if not same:
            problems.append(f"the desktops differ: {hashes}")
        for commune in (a, b):
            problems += exactly_once(province, commune, [d for d in desktops if d.commune == commune])
        for d in desktops:
            if d.sent != d.state()["last_seq"] or d.sent != sum(d.outcomes.values()):
                problems.append(f"{d.path}: sent {d.sent}, {d.outcomes}, {d.state()['last_seq']} ops made")
        for key, value in stats.items():
            total[key] = total.get(key, 0) + value
        faults = {k: stats[k] for k in FaultProxy.FAULTS}
        tap.ok(not problems,
               f"T5 seed {seed}: {ROUNDS} rounds through {stats['requests']} requests with faults {faults} "
               f"(reordered: {stats['reorder-overtaken']} overtaken, {stats['reorder-late'] + late} arrived "
               f"after a retry): every desktop of each commune the same, every op once on the server, "
               f"sent = applied + merged + conflict + rejected", "\n".join(problems))
    return total


# T3 ---------------------------------------------------------------------------

KILL_MODES = ("delay", "before-send", "half-sent", "applied", "pulling")


def kill_client(tap, province, proxy, work, kills=KILLS, seed=3):
    rng = random.Random(seed)
    code = "92003"
    add_commune(province, code)
    victim = Desktop.enrolled(province, proxy.url, code, os.path.join(work, "t3-victim.db"))
    other = Desktop.enrolled(province, proxy.url, code, os.path.join(work, "t3-other.db"))
    proxy.off()
    proxy.reset()
    victim.edit(seed, 30)
    started = time.monotonic()
    victim.sync(must=True)
    span = max(0.05, time.monotonic() - started)
    answered, modes, problems = [], {}, []
    for k in range(kills):
        mode = KILL_MODES[k % len(KILL_MODES)] if kills <= 2 * len(KILL_MODES) else rng.choice(KILL_MODES)
        modes[mode] = modes.get(mode, 0) + 1
        # Now and then more than a batch (500 ops): the kill may come
        # between two batches, or in the second.
        n = 700 if k == 1 or rng.random() < 0.03 else rng.choice((1, 5, 20, 60))
        victim.edit(seed * 10000 + k, n)
        # An edit that changes nothing makes no op, and with none waiting
        # there would be no push to kill.
        while victim.state()["waiting"] == 0:
            n += 1
            victim.edit(seed * 10000 + k + 5000 * n, 1)
        fault = {"before-send": ("POST /v1/push", {"fault": "hold-request"}),
                 "half-sent": ("POST /v1/push", {"fault": "hold-request", "partial": True}),
                 "applied": ("POST /v1/push", {"fault": "hold-answer"}),
                 "pulling": ("GET /v1/pull", {"fault": "hold-answer"})}.get(mode)
        if fault is not None:
            batches = (victim.state()["waiting"] + 499) // 500
            after = rng.randint(0, batches - 1) if fault[0].startswith("POST") else 0
            proxy.script(dict(fault[1], match=fault[0], after=after))
        process = subprocess.Popen(victim.sync_command(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if fault is None:
            time.sleep(rng.uniform(0, span * 1.5))
            fired = True
        else:
            fired = proxy.wait(timeout=60)
        process.kill()
        process.communicate()
        if fault is not None:
            if fired is None:
                problems.append(f"kill {k} ({mode}): the desktop never reached the point")
                proxy.off()
                continue
            if fired.get("answer") and mode == "applied":
                answered.append(json.loads(fired["answer"]))
            proxy.release(deliver=rng.random() < 0.5)
        if not victim.intact():
            problems.append(f"kill {k} ({mode}): the database is damaged")
        if k % 4 == 3:
            other.sync(must=True)
    proxy.off()
    settle([victim, other])
    problems += exactly_once(province, code, [victim, other])
    same, hashes = converged([victim, other])
    if not same:
        problems.append(f"the desktops differ: {hashes}")
    mine = victim.receipts()
    for answer in answered:
        for receipt in answer["receipts"]:
            if mine.get(receipt["seq"]) != (receipt["outcome"], receipt.get("server_seq")):
                problems.append(f"op {receipt['seq']}: the server first answered {receipt}, "
                                f"the desktop holds {mine.get(receipt['seq'])}")
    hangups = proxy.stats()["hangups"]
    tap.ok(not problems, f"T3: {kills} kill points of a client ({modes}; {hangups} hung up on the server "
           f"mid-request), then a clean sync: "
           f"every op once on the server, the outbox empty, the receipts the server first gave, "
           f"{len(answered)} answers lost compared", "\n".join(problems[:20]))
    return kills, len(problems)


# T4 ---------------------------------------------------------------------------

class Locker:
    """A transaction of the test's own holding a lock the push needs, so
    that the server can be killed in the middle of a batch."""

    def __init__(self, province, sql):
        self.process = subprocess.Popen(["psql", province.conninfo, "-X", "-q", "-At"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        self.process.stdin.write(f"BEGIN;\n{sql};\n\\echo locked\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "locked"

    def release(self):
        self.process.stdin.write("COMMIT;\n")
        self.process.stdin.close()
        self.process.wait(30)


def wait_for(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


SERVER_KILL_MODES = ("mid-batch", "after-send", "answered")


def kill_server(tap, province, proxy, work, kills=SERVER_KILLS, seed=4):
    rng = random.Random(seed)
    code = "92004"
    add_commune(province, code)
    pusher = Desktop.enrolled(province, proxy.url, code, os.path.join(work, "t4-pusher.db"))
    other = Desktop.enrolled(province, proxy.url, code, os.path.join(work, "t4-other.db"))
    proxy.off()
    problems, modes = [], {}
    for k in range(kills):
        mode = SERVER_KILL_MODES[k % len(SERVER_KILL_MODES)]
        modes[mode] = modes.get(mode, 0) + 1
        pusher.edit(seed * 10000 + k, rng.randint(20, 300))
        acknowledged = pusher.receipts()
        locker = None
        if mode == "mid-batch":
            # The batch's rows and log entries are written; its receipts wait.
            locker = Locker(province, "LOCK TABLE receipt IN SHARE MODE")
        elif mode == "after-send":
            proxy.script({"match": "POST /v1/push", "fault": "mark"})
        else:
            proxy.script({"match": "POST /v1/push", "fault": "hold-answer"})
        process = subprocess.Popen(pusher.sync_command(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if mode == "mid-batch":
            reached = wait_for(lambda: province.psql(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'receipt'::regclass") != "0")
        else:
            reached = proxy.wait(timeout=60) is not None
            if mode == "after-send":
                time.sleep(rng.uniform(0, 0.15))
        province.kill()
        if locker is not None:
            locker.release()
        if mode == "answered":
            proxy.release(deliver=rng.random() < 0.5)
        stdout, stderr = process.communicate(timeout=120)
        pusher.count_report(stdout)
        if not reached:
            problems.append(f"kill {k} ({mode}): the push never reached the point: {stderr}")
        if process.returncode != 0 and not pusher.offline():
            problems.append(f"kill {k} ({mode}): the desktop saw more than a network failure: {stderr}")
        province.start_again()
        theirs = server_receipts(province, pusher.device)
        for seq, receipt in pusher.receipts().items():
            if theirs.get(seq) != receipt:
                problems.append(f"kill {k} ({mode}): op {seq} acknowledged as {receipt}, "
                                f"the server holds {theirs.get(seq)}")
        lost = [s for s in acknowledged if s not in theirs]
        if lost:
            problems.append(f"kill {k} ({mode}): acknowledged ops lost {lost[:10]}")
        problems += exactly_once(province, code, [])
        pusher.sync(must=True)
        if k % 2 == 1:
            other.sync(must=True)
    settle([pusher, other])
    problems += exactly_once(province, code, [pusher, other])
    same, hashes = converged([pusher, other])
    if not same:
        problems.append(f"the desktops differ: {hashes}")
    tap.ok(not problems, f"T4: the server killed {kills} times mid-batch ({modes}) and started again: "
           f"what desktops were told survives, no batch half applied, every op once",
           "\n".join(problems[:20]))
    return kills, len(problems)


# T6 ---------------------------------------------------------------------------

def big_log(province, code, rows):
    """@rows residents pushed by a device of the test's own, as a desktop's
    inserts would be."""
    device = new_id()
    token = province.enroll(code, device)
    for first in range(1, rows + 1, 500):
        ops = []
        for seq in range(first, min(first + 500, rows + 1)):
            name = f"Người số {seq}"
            ops.append(op(seq, new_id(), "insert", {"full_name": name, "name_folded": name.lower(),
                                                    "sort_key": name.lower()}))
        answer = province.push(token, device, ops, compress=True)
        assert answer.status == 200, answer.body


def search_gaps(path):
    """What the search indexes lack of the rows a desktop holds: a pulled
    page indexes its rows at once before its commit (migration 0022), so a
    pull cut anywhere must still leave every row findable."""
    gaps = []
    with sqlite3.connect(path) as c:
        c.create_function("xaso_indexed_now", 1, lambda rowid: 1)
        c.create_function("xaso_indexed_now", 2, lambda table, rowid: 1)
        try:
            c.execute("INSERT INTO person_fts (person_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as e:
            gaps.append(f"person_fts: {e}")
        persons = c.execute("SELECT count(*) FROM person").fetchone()[0]
        found = c.execute("SELECT count(*) FROM person_fts WHERE person_fts MATCH '\"người\"'").fetchone()[0]
        if found != persons:
            gaps.append(f"{found} of {persons} persons found by name")
        for table in ("document", "dossier"):
            missing = c.execute(f"SELECT count(*) FROM {table} WHERE rowid NOT IN "
                                f"(SELECT id FROM {table}_fts_docsize)").fetchone()[0]
            if missing:
                gaps.append(f"{missing} {table} rows not in {table}_fts")
    return gaps


def resumable_pull(tap, province, proxy, work, rows=PULL_ROWS, cuts=PULL_CUTS, seed=6):
    rng = random.Random(seed)
    code = "92006"
    add_commune(province, code)
    big_log(province, code, rows)
    proxy.off()
    clean = Desktop.enrolled(province, proxy.url, code, os.path.join(work, "t6-clean.db"))
    proxy.reset()
    clean.sync(must=True)
    clean_bytes = proxy.stats()["bytes_down"]

    cut = Desktop.enrolled(province, proxy.url, code, os.path.join(work, "t6-cut.db"))
    pages = rows // 500 + 1
    proxy.script(*({"match": "GET /v1/pull", "fault": "cut-answer", "after": rng.randint(1, max(1, pages // cuts)),
                    "fraction": rng.random()} for _ in range(cuts)))
    proxy.reset()
    attempts = 1
    while not cut.sync():
        attempts += 1
        assert attempts <= cuts + 1, "the pull does not finish"
    stats = proxy.stats()
    left = proxy.command("unscript")["left"]
    ratio = stats["bytes_down"] / clean_bytes
    problems = []
    if ratio > 1.1:
        problems.append(f"{stats['bytes_down']} bytes against {clean_bytes} clean")
    if stats["cut-answer"] != cuts or left != 0 or attempts != cuts + 1:
        problems.append(f"{stats['cut-answer']} cuts of {cuts}, {attempts} attempts")
    if clean.state()["hash"] != cut.state()["hash"]:
        problems.append("the desktop pulled in pieces holds something else than the one pulled whole")
    problems += [f"{d.path}: {gap}" for d in (clean, cut) for gap in search_gaps(d.path)]
    tap.ok(not problems, f"T6: a first pull of {rows} entries cut {stats['cut-answer']} times in mid-answer "
           f"and resumed: {ratio:.3f} × the bytes of a clean pull, the same state, every row in the search "
           f"indexes", "\n".join(problems))
    return ratio, not problems


def server_quiet(tap, province, after):
    """The server's log since it last started holds no warning: a desktop
    that vanished, a cut or a duplicate is nothing to warn about."""
    noisy = [line for line in province.server_log().splitlines()
             if "WARNING" in line or "CRITICAL" in line or "ERROR" in line]
    tap.ok(not noisy and province.process.poll() is None,
           f"the server is still up after {after}, its log without a warning", "\n".join(noisy[:10]))


def main():
    if not os.environ.get("XASO_TEST_PG"):
        print("1..0 # SKIP XASO_TEST_PG is not set (build-aux/dev test starts PostgreSQL)")
        return 0
    tap = Tap()
    province = Server(SERVER, "faults", max_connections=8)
    province.setup()
    province.start()
    work = tempfile.mkdtemp(prefix="xaso-sync-faults-")
    proxy = FaultProxy(province, log=os.path.join(work, "proxy.log"))
    try:
        if not ONLY or "t5" in ONLY:
            failed = tap.failed
            total = t5(tap, province, proxy, work)
            injected = sum(v for k, v in total.items() if k in FaultProxy.FAULTS)
            print(f"# bench sync-faults: {SEEDS} seeds, {injected} faults in {total['requests']} requests, "
                  f"{tap.failed - failed} diverged", flush=True)
        if not ONLY or "t3" in ONLY:
            n, lost = kill_client(tap, province, proxy, work)
            print(f"# bench sync-kill-client: {n} kill points, {lost} lost", flush=True)
        if not ONLY or "t5" in ONLY or "t3" in ONLY:
            server_quiet(tap, province, "desktops cut off and killed")
        if not ONLY or "t4" in ONLY:
            n, lost = kill_server(tap, province, proxy, work)
            print(f"# bench sync-kill-server: {n} kill points, {lost} lost", flush=True)
        if not ONLY or "t6" in ONLY:
            ratio, _ = resumable_pull(tap, province, proxy, work)
            print(f"# bench sync-resume-pull: {ratio:.3f} x clean bytes, {PULL_CUTS} cuts of {PULL_ROWS} entries",
                  flush=True)
    finally:
        proxy.stop()
        province.kill()
        province.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
