#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tenant isolation and rights (sync-anchors.md §5, T8): a device of commune
A sends requests crafted against commune B, drawn from a seeded RNG: ops on
B's row ids, forged commune_code fields, tables and fields outside the
protocol, guarded tables written by actors without the role or with no
account, resolves of B's conflicts, pulls beyond A's log, B's blobs, A's
token with B's code, malformed tokens. After each batch: no answer to A holds
any of B's ids or values, B's log is unchanged, and every forged op has a
`rejected` receipt with a reason_code and is in the quarantine (receipts ==
ops sent). Usage: test-server-authz.py XASO_SERVER [REQUESTS [SEED]]; with
XASO_AUTHZ_BENCH set it prints the bench line."""

import hashlib
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xaso_server_fixture import COMMUNE_A, COMMUNE_B, Server, Tap, new_id, op  # noqa: E402

tap = Tap()
server = Server(sys.argv[1], "authz")
REQUESTS = int(sys.argv[2]) if len(sys.argv) > 2 else 500
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 20261207
GUARDED = ("user", "procedure", "dossier", "dossier_event")
UNKNOWN_FIELDS = ("password", "roles2", "commune", "xmin")
# A real column of each guarded table, so that its ops are refused for the
# rights, not for naming a field the table lacks.
GUARDED_FIELD = {"user": "full_name", "procedure": "name", "dossier": "summary", "dossier_event": "note"}


class CommuneB:
    """B's rows, values, conflict and blob: the secrets A must never see."""

    def __init__(self):
        self.device = new_id()
        self.token = server.enroll(COMMUNE_B, self.device, "Máy xã B")
        self.secrets = set()
        self.rows = {}
        seq = 0
        ops = []

        def add(table, row, kind, fields, actor, **kw):
            nonlocal seq
            seq += 1
            ops.append(op(seq, row, kind, fields, table=table, actor=actor, **kw))
        self.admin, self.clerk = new_id(), new_id()
        add("user", self.admin, "insert", {"username": "quantri-b", "roles": "quan_tri", "full_name": "Bí Mật Quản"},
            "quantri-b")
        add("user", self.clerk, "insert", {"username": "tiepnhan-b", "roles": "tiep_nhan",
                                           "full_name": "Bí Mật Nhận"}, "quantri-b")
        for i in range(6):
            person, dossier = new_id(), new_id()
            add("person", person, "insert", {"full_name": f"BIMATB-nguoi-{i}", "phone": f"0999{i:06d}"}, "tiepnhan-b")
            add("dossier", dossier, "insert", {"applicant_name": f"BIMATB-hoso-{i}", "status": 1}, "tiepnhan-b")
            self.rows[person], self.rows[dossier] = "person", "dossier"
        self.rows[self.admin] = self.rows[self.clerk] = "user"
        answer = server.push(self.token, self.device, ops)
        assert answer.status == 200, answer.body
        bad = [r for r in answer.json["receipts"] if r["outcome"] == "rejected"]
        assert not bad, bad
        # A conflict of B's: an update on a stale base.
        person = next(r for r, t in self.rows.items() if t == "person")
        other = new_id()
        other_token = server.enroll(COMMUNE_B, other, "Máy thứ hai xã B")
        conflict = op(1, person, "update", {"phone": ("BIMATB-xung-dot", "x", 0)}, actor="tiepnhan-b")
        receipt = server.push(other_token, other, [conflict]).json["receipts"][0]
        assert receipt["outcome"] == "conflict", receipt
        self.conflicts = receipt["conflicts"]
        self.blob = self.put_blob()
        self.secrets |= set(self.rows) | set(self.conflicts) | {"BIMATB", "Bí Mật", self.device, other}
        if self.blob:
            self.secrets.add(self.blob)

    def put_blob(self):
        data = b"BIMATB blob " + os.urandom(32)
        name = hashlib.sha256(data).hexdigest()
        answer = server.request("PUT", f"/v1/blobs/{name}", data, token=self.token,
                                content_type="application/octet-stream",
                                headers={"Upload-Offset": "0", "Upload-Length": str(len(data)),
                                         "Content-Sha256": name})
        if answer.status == 404 and answer.code is None:
            return None         # no blob endpoint on this server
        assert answer.status == 200 and answer.json.get("complete"), answer.body
        return name

    def log_state(self):
        return server.psql(f"SELECT count(*) || ' ' || coalesce(max(checksum), '') || ' ' || "
                           f"md5(coalesce(string_agg(entry, '' ORDER BY server_seq), '')) "
                           f"FROM log WHERE commune_code = '{COMMUNE_B}'")


class Attacker:
    def __init__(self, b, rng):
        self.b = b
        self.rng = rng
        self.device = new_id()
        self.token = server.enroll(COMMUNE_A, self.device, "Máy xã A")
        self.seq = 0
        self.forged = 0
        self.answers = []
        self.kinds = {}
        first = [self.next_op(new_id(), "insert", {"username": "quantri-a", "roles": "quan_tri"}, "user", "quantri-a"),
                 self.next_op(new_id(), "insert", {"username": "vanthu-a", "roles": "van_thu"}, "user", "quantri-a")]
        receipts = server.push(self.token, self.device, first).json["receipts"]
        assert all(r["outcome"] == "applied" for r in receipts), receipts

    def next_op(self, row, kind, fields, table="person", actor="vanthu-a", **kw):
        self.seq += 1
        return op(self.seq, row, kind, fields, table=table, actor=actor, **kw)

    def b_row(self, table=None):
        rows = [r for r, t in self.b.rows.items() if table is None or t == table]
        return self.rng.choice(sorted(rows))

    # The forged ops: each must come back rejected.
    def forged_op(self):
        r = self.rng
        kind = r.choice(["update_b", "delete_b", "insert_b_id", "commune_code", "unknown_table", "unknown_field",
                         "role", "no_account", "seed_update", "resolves_b"])
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if kind == "update_b":
            row = self.b_row()
            return self.next_op(row, "update", {"full_name": ("A-sua", None, r.randint(0, 50))}, table=self.b.rows[row])
        if kind == "delete_b":
            row = self.b_row()
            return self.next_op(row, "delete", {"deleted": (True, False, r.randint(0, 50))}, table=self.b.rows[row])
        if kind == "insert_b_id":
            row = self.b_row("person")
            return self.next_op(row, "insert", {"full_name": "A-chiem"})
        if kind == "commune_code":
            return self.next_op(new_id(), "insert", {"full_name": "A-gia", "commune_code": COMMUNE_B})
        if kind == "unknown_table":
            return self.next_op(new_id(), "insert", {"x": 1}, table=r.choice(["commune", "log", "token", "pg_user",
                                                                                 "device", "\"person\""]))
        if kind == "unknown_field":
            # A field no desktop table has: the codec's catalogue refuses it
            # (unknown_field) instead of storing it in A's rows.
            return self.next_op(new_id(), "insert", {r.choice(UNKNOWN_FIELDS): "x"})
        if kind == "role":
            table = r.choice(GUARDED)
            return self.next_op(new_id(), "insert", {GUARDED_FIELD[table]: "x"}, table=table, actor="vanthu-a")
        if kind == "no_account":
            table = r.choice(GUARDED)
            actor = r.choice(["random", "officer-1", "quantri-b", "tiepnhan-b", f"gia-{r.randint(0, 10**6)}"])
            fields = {"username": actor, "roles": "quan_tri"} if table == "user" else {GUARDED_FIELD[table]: "x"}
            return self.next_op(new_id(), "insert", fields, table=table, actor=actor)
        if kind == "seed_update":
            return self.next_op(self.b_row("dossier"), "update", {"status": (9, None, 0)}, table="dossier",
                                actor="xaso-seed")
        conflict = r.choice(self.b.conflicts)
        return self.next_op(self.b_row("person"), "update", {"phone": ("A", None, 0)}, resolves=[conflict])

    def request(self, *args, **kwargs):
        answer = server.request(*args, **kwargs)
        self.answers.append(answer)
        return answer

    # One crafted request; returns the number of forged ops it carried.
    def one(self):
        r = self.rng
        what = r.random()
        if what < 0.55:
            ops = [self.forged_op() for _ in range(r.randint(1, 4))]
            answer = self.request("POST", "/v1/push", {"device_id": self.device, "ops": ops}, token=self.token)
            receipts = answer.json.get("receipts", []) if answer.json else []
            expected = ["rejected"] * len(ops)
            good = (answer.status == 200 and [x["outcome"] for x in receipts] == expected and
                    all(x.get("reason_code") for x in receipts if x["outcome"] == "rejected"))
            if not good:
                tap.ok(False, "every forged op is rejected with a reason", f"{ops}\n{answer.status} {answer.body!r}")
            self.forged += len(ops)
            return
        if what < 0.65:
            after = r.choice([self.seq + 1, 10**6, 2**62, r.randint(0, 500)])
            self.request("GET", f"/v1/pull?after={after}&limit={r.randint(1, 500)}", token=self.token)
        elif what < 0.72:
            path = r.choice([f"/v1/pull?after=0&commune={COMMUNE_B}", f"/v1/pull?after=0&commune_code={COMMUNE_B}",
                             f"/v1/{COMMUNE_B}/pull?after=0"])
            self.request("GET", path, token=self.token)
        elif what < 0.80:
            body = r.choice([{"device_id": self.b.device, "ops": []},
                             {"device_id": self.device, "commune_code": COMMUNE_B, "ops": []},
                             {"device_id": self.b.device, "commune_code": COMMUNE_B,
                              "ops": [op(1, new_id(), "insert", {"full_name": "A-gia"})]}])
            self.request("POST", "/v1/push", body, token=self.token)
        elif what < 0.90 and self.b.blob:
            method = r.choice(["HEAD", "GET"])
            self.request(method, f"/v1/blobs/{self.b.blob}", token=self.token)
        else:
            token = r.choice(["", "x", self.token[:-1], self.token + "A", self.b.token[:8] + self.token[8:],
                              self.token.upper(), f"{COMMUNE_B}.{self.token}", "Bearer " + self.token])
            path = r.choice(["/v1/pull?after=0", f"/v1/blobs/{self.b.blob or '0' * 64}"])
            answer = self.request("GET", path, token=token)
            if answer.status != 401 and not (token == self.token.upper() and answer.status == 200):
                tap.ok(False, "a malformed token is refused", f"{token!r} {answer.status} {answer.body!r}")


def leaked(attacker, b):
    found = []
    for answer in attacker.answers:
        text = answer.body.decode(errors="replace") + " ".join(answer.headers.values())
        found += [s for s in b.secrets if s in text]
    return found


def main():
    try:
        server.setup()
        server.start()
        b = CommuneB()
        rng = random.Random(SEED)
        a = Attacker(b, rng)
        before = b.log_state()
        batches = 10
        leaks = []
        for batch in range(batches):
            for _ in range(REQUESTS // batches):
                a.one()
            leaks += leaked(a, b)
            a.answers.clear()
            if b.log_state() != before:
                tap.ok(False, f"batch {batch}: B's log is unchanged", b.log_state())
                break
        tap.equal(sorted(set(leaks)), [], f"{REQUESTS} crafted requests: no answer to A holds B's ids or values")
        tap.equal(b.log_state(), before, "B's log is unchanged: count, checksum and entries")
        quarantined = int(server.psql(f"SELECT count(*) FROM quarantine WHERE commune_code = '{COMMUNE_A}' "
                                      f"AND device_id = '{a.device}' AND reason_code <> ''"))
        tap.equal(quarantined, a.forged, f"every forged op ({a.forged}) is in the quarantine with a reason_code")
        tap.equal(server.psql(f"SELECT count(*) FROM log WHERE commune_code = '{COMMUNE_A}'"), "2",
                  "and none of them reached A's log either")
        tap.ok(int(server.psql(f"SELECT count(*) FROM quarantine WHERE commune_code = '{COMMUNE_A}' "
                               "AND reason_code = 'unknown_field'")) > 0,
               "a field no desktop table has is rejected as unknown_field")
        tap.ok(len(a.kinds) == 10, "every kind of forged op was tried", a.kinds)
        if os.environ.get("XASO_AUTHZ_BENCH"):
            print(f"bench server-authz: {REQUESTS} crafted requests, {len(set(leaks))} leaked, "
                  f"{quarantined} quarantined", flush=True)
    except Exception:
        import traceback
        tap.ok(False, "the test ran to its end", traceback.format_exc() + "server log:\n" + server.server_log())
    finally:
        server.kill()
        server.drop_database()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
