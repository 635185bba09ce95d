#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""xaso-server against a real PostgreSQL: enrollment and its retry after a lost
answer, the four outcomes of a
push, idempotent replays, ordered pulls and their checksum, long-poll, and
one commune never seeing another's data."""

import sys
import threading
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from xaso_server_fixture import (COMMUNE_A, COMMUNE_B, Server, Tap, new_id, op,  # noqa: E402
                                 running_checksums)

tap = Tap()
server = Server(sys.argv[1], "sync")
A1, A2, B1 = new_id(), new_id(), new_id()
sent = {"applied": 0, "merged": 0, "conflict": 0, "rejected": 0}
n_sent = 0


def count(receipts):
    global n_sent
    for receipt in receipts:
        sent[receipt["outcome"]] += 1
    n_sent += len(receipts)


def outcomes(answer):
    return [r["outcome"] for r in answer.json["receipts"]]


def log_count(commune):
    return int(server.psql(f"SELECT count(*) FROM log WHERE commune_code = '{commune}'"))


def field(row, name):
    return server.psql(f"SELECT value #>> '{{}}' FROM row_field WHERE row_id = '{row}' AND field = '{name}'")


def test_enrollment():
    code = server.enroll_code(COMMUNE_A)
    tap.ok(len(code) == 22 and code.startswith(COMMUNE_A + "-") and code[6:].isalpha() and code[6:].isupper()
           and not set(code[6:]) & set("IO"), "an enrollment code is <commune>-<16 unambiguous letters>", code)
    tap.equal(server.psql(f"SELECT count(*) FROM enrollment WHERE code_hash = '{code}'"), "0",
              "the code is not stored in clear")
    body = {"code": code.lower(), "device_id": A1, "device_name": "Máy văn thư"}
    first = server.request("POST", "/v1/enroll", body)
    tap.equal(first.status, 200, "enroll with a fresh code")
    tap.equal(first.json["commune"]["name"], "Xã Tân Lập", "the answer names the commune")
    tap.ok(first.json["token"].startswith(f"{COMMUNE_A}.{A1}."), "the token binds the device to its commune")
    tap.equal(first.json["server_seq"], 0, "the commune's log is empty at enrollment")
    replay = server.request("POST", "/v1/enroll", {**body, "device_id": A2})
    tap.equal((replay.status, replay.code), (403, "enrollment_code_invalid"), "a used code is refused")
    unknown = server.request("POST", "/v1/enroll", {**body, "code": COMMUNE_A + "-ABCDEFGHJKLMNPQR"})
    tap.equal((unknown.status, unknown.code), (403, "enrollment_code_invalid"), "an unknown code is refused")
    missing = server.request("POST", "/v1/enroll", {"code": code})
    tap.equal((missing.status, missing.code), (400, "bad_request"), "enroll without a device is a bad request")

    code_b = server.enroll_code(COMMUNE_B)
    elsewhere = server.request("POST", "/v1/enroll", {"code": code_b, "device_id": A1, "device_name": "x"})
    tap.equal((elsewhere.status, elsewhere.code), (409, "device_enrolled"),
              "a device of one commune cannot enroll in another")
    reused = server.request("POST", "/v1/enroll", {"code": code_b, "device_id": B1, "device_name": "Máy xã B"})
    tap.equal(reused.status, 200, "the refused request left the code unused")

    old = server.enroll(COMMUNE_A, A2, "Máy một cửa")
    new = server.enroll(COMMUNE_A, A2, "Máy một cửa")
    tap.equal(server.pull(old).code, "token_invalid", "enrolling again revokes the old token")
    tap.equal(server.pull(new).status, 200, "the new token works")
    return first.json["token"], new, reused.json["token"]


def test_enrollment_retry():
    """The desktop that spent a code asks again with its retry key (its answer
    was lost) and gets a fresh token; nobody else can use the spent code."""
    device, key = new_id(), "k" * 24 + new_id().replace("-", "")
    code = server.enroll_code(COMMUNE_A)
    body = {"code": code, "device_id": device, "device_name": "Máy tiếp nhận", "retry_key": key}
    first = server.request("POST", "/v1/enroll", body)
    tap.equal(first.status, 200, "enroll with a retry key")
    again = server.request("POST", "/v1/enroll", body)
    tap.ok(again.status == 200 and again.json["token"] != first.json["token"]
           and again.json["commune"] == first.json["commune"],
           "the same desktop asking again with the spent code and its key gets a fresh token", again.body)
    tap.equal(server.pull(first.json["token"]).code, "token_invalid", "the lost token is revoked")
    tap.equal(server.pull(again.json["token"]).status, 200, "the fresh token works")
    for what, other in (("another device with the same key", {"device_id": new_id()}),
                        ("the same device with another key", {"retry_key": key[::-1]}),
                        ("the same device without its key", {"retry_key": None})):
        asked = {k: v for k, v in {**body, **other}.items() if v is not None}
        answer = server.request("POST", "/v1/enroll", asked)
        tap.equal((answer.status, answer.code), (403, "enrollment_code_invalid"), f"{what} is refused the spent code")
    tap.equal(server.psql(f"SELECT count(*) FROM device WHERE device_id = '{device}'"), "1",
              "the retries made one device")
    tap.equal(server.pull(again.json["token"]).status, 200, "and the refusals left its token working")

    server.psql(f"UPDATE enrollment SET expires_at = now() - interval '1 second' "
                f"WHERE commune_code = '{COMMUNE_A}' AND used_by = '{device}'")
    late = server.request("POST", "/v1/enroll", body)
    tap.equal((late.status, late.code), (403, "enrollment_code_invalid"), "once the code expired, no retry")

    fresh = server.enroll_code(COMMUNE_A)
    for bad in ("short", "x" * 129, "k" * 31 + "!", 42):
        answer = server.request("POST", "/v1/enroll", {**body, "code": fresh, "retry_key": bad})
        tap.equal((answer.status, answer.code), (400, "bad_request"), f"a malformed retry key ({bad!r}) is refused")
    tap.equal(server.request("POST", "/v1/enroll", {**body, "code": fresh}).status, 200,
              "and left the code unused")


def test_outcomes(a1, a2):
    r1, r2 = new_id(), new_id()
    first = server.push(a1, A1, [
        op(1, r1, "insert", {"full_name": "Nguyễn Văn An", "phone": "0901", "hamlet": "Ấp 1"}),
        op(2, r1, "update", {"phone": ("0902", "0901", 0)}),      # its own insert, not yet acknowledged
        op(3, r2, "insert", {"full_name": "Trần Thị Bình", "birth_date": "1990-05-01", "source_at": 52.5,
                              "notes": None}),
    ])
    tap.equal(outcomes(first), ["applied"] * 3, "inserts and an update of the device's own row are applied")
    count(first.json["receipts"])
    tap.equal([r["server_seq"] for r in first.json["receipts"]], [1, 2, 3], "server_seq counts from 1")
    tap.equal(field(r1, "phone"), "0902", "the update took effect")

    merged = server.push(a2, A2, [op(1, r1, "update", {"full_name": ("Nguyễn Văn Ân", "Nguyễn Văn An", 1)})])
    tap.equal(outcomes(merged), ["merged"], "another field changed since the base: merged")
    count(merged.json["receipts"])

    conflict = server.push(a2, A2, [op(2, r1, "update", {"phone": ("0999", "0901", 1), "hamlet": ("Ấp 2", "Ấp 1", 1)})])
    receipt = conflict.json["receipts"][0]
    tap.equal(receipt["outcome"], "conflict", "the same field changed to another value: conflict")
    count(conflict.json["receipts"])
    tap.ok(len(receipt.get("conflicts", [])) == 1, "the receipt names the conflict")
    tap.equal(field(r1, "phone"), "0902", "the server keeps its value")
    tap.equal(field(r1, "hamlet"), "Ấp 2", "the op's other field is applied")
    kept = server.psql(f"SELECT kept #>> '{{}}', other #>> '{{}}', kept_version, resolved_seq IS NULL "
                       f"FROM conflict WHERE id = '{receipt['conflicts'][0]}'")
    tap.equal(kept, "0902|0999|2|t", "both values are recorded in the conflict")

    same = server.push(a2, A2, [op(3, r1, "update", {"phone": ("0902", "0901", 1)})])
    tap.equal(outcomes(same), ["applied"], "a field that already holds the value: applied")
    count(same.json["receipts"])

    deleted = server.push(a1, A1, [op(4, r2, "delete", {"deleted": (1, 0, 3)})])
    tap.equal(outcomes(deleted), ["applied"], "a delete is applied")
    count(deleted.json["receipts"])
    tombstone = server.push(a2, A2, [op(4, r2, "update", {"notes": ("đã chuyển đi", None, 3)})])
    tap.equal(outcomes(tombstone), ["conflict"], "an edit of a row deleted on the server: conflict")
    count(tombstone.json["receipts"])
    tap.equal(server.psql(f"SELECT deleted FROM row_head WHERE row_id = '{r2}'"), "t", "the row stays deleted")

    unknown_row, invented = new_id(), new_id()
    rejected = server.push(a1, A1, [
        op(5, unknown_row, "update", {"phone": ("1", "0", 7)}),
        op(6, new_id(), "insert", {"full_name": "x"}, table="no_such_table"),
        op(7, invented, "insert", {"full_name": "Lê Văn Cường", "shoe_size": 42}),
        op(8, r1, "update", {"hamlet": ("Ấp 9", "Ấp 2", 4), "salary": (1, None, 0)}),
    ])
    receipts = rejected.json["receipts"]
    count(receipts)
    tap.equal([(r["outcome"], r.get("reason_code")) for r in receipts],
              [("rejected", "bad_reference"), ("rejected", "unknown_table"), ("rejected", "unknown_field"),
               ("rejected", "unknown_field")],
              "an update of an unknown row, an op on an unknown table and ops naming a field no desktop has "
              "are rejected, each with its own reason code")
    tap.ok(all("server_seq" not in r and r.get("reason") for r in receipts),
           "rejected receipts have a reason and no server_seq")
    tap.ok("“no_such_table”" in receipts[1]["reason"] and "“shoe_size”" in receipts[2]["reason"]
           and "“salary”" in receipts[3]["reason"], "the reason names the unknown table or field",
           [r["reason"] for r in receipts])
    tap.equal(server.psql(f"SELECT string_agg(reason_code, ',' ORDER BY seq) FROM quarantine WHERE device_id = '{A1}'"),
              "bad_reference,unknown_table,unknown_field,unknown_field", "rejected ops are kept in quarantine")
    tap.equal((server.psql(f"SELECT count(*) FROM row_head WHERE row_id = '{invented}'"), field(r1, "hamlet")),
              ("0", "Ấp 2"), "nothing of an op with an unknown field is applied, not even its known fields")

    # A2 settles its conflict for its own value, still on its old base: the
    # "resolves" lets it through, where the same op without it conflicted.
    resolve = server.push(a2, A2, [op(5, r1, "update", {"phone": ("0999", "0902", 1)},
                                      resolves=receipt["conflicts"])])
    tap.equal(outcomes(resolve), ["applied"], "a resolving op applies its value")
    count(resolve.json["receipts"])
    tap.equal(field(r1, "phone"), "0999", "the chosen value is kept")
    settled = server.psql(f"SELECT resolved_seq FROM conflict WHERE id = '{receipt['conflicts'][0]}'")
    tap.equal(settled, str(resolve.json["receipts"][0]["server_seq"]), "the conflict is marked resolved")

    entries_before = log_count(COMMUNE_A)
    again = server.push(a1, A1, [op(1, r1, "insert", {"full_name": "changed", "phone": "x", "hamlet": "y"}),
                                 op(2, r1, "update", {"phone": ("z", "x", 0)}),
                                 op(3, r2, "insert", {"full_name": "w"})])
    tap.equal(again.raw, first.raw, "a replayed push gets byte-identical receipts")
    tap.equal(log_count(COMMUNE_A), entries_before, "and adds no log entry")
    tap.equal(field(r1, "phone"), "0999", "and changes nothing")
    return r1


def test_pull(a1, a2):
    entries, checksum = server.pull_all(a1)
    n = log_count(COMMUNE_A)
    tap.equal([e["server_seq"] for e in entries], list(range(1, n + 1)), "pull returns the whole log in order")
    tap.equal(running_checksums(entries)[-1], checksum, "the checksum recomputed independently agrees")
    conflict_entry = next(e for e in entries if e["conflicts"] and e["kind"] == "update" and "hamlet" in e["fields"])
    tap.equal(sorted(conflict_entry["fields"]), ["hamlet"], "an entry holds only the fields that took effect")
    tap.equal(conflict_entry["conflicts"][0]["field"], "phone", "and carries its conflict")

    pages, after, checksums = [], 0, running_checksums(entries)
    while True:
        page = server.pull(a2, after=after, limit=2).json
        pages.append(page)
        if page["entries"]:
            tap.equal(page["checksum"], checksums[page["last_seq"] - 1],
                      f"page after {after}: the checksum is c(last_seq)")
        after = page["last_seq"]
        if not page["more"]:
            break
    tap.equal(sum(len(p["entries"]) for p in pages), n, "pages of 2 cover the log")
    tap.ok(all(len(p["entries"]) <= 2 for p in pages) and all(p["more"] for p in pages[:-1]),
           "each page respects the limit and says whether there is more")
    empty = server.pull(a1, after=n).json
    tap.equal((empty["entries"], empty["last_seq"], empty["checksum"], empty["more"]),
              ([], n, checksum, False), "a pull at the end is empty with the same checksum")
    beyond = server.pull(a1, after=n + 5)
    tap.equal((beyond.status, beyond.code), (400, "bad_request"), "a cursor beyond the log is refused")

    plain = server.pull(a1)
    zipped = server.pull(a1, accept_gzip=True)
    tap.equal(zipped.headers.get("content-encoding"), "gzip", "a pull is gzipped when the client accepts it")
    tap.ok(zipped.body == plain.body and len(zipped.raw) < len(plain.raw), "and decompresses to the same page")

    r = new_id()
    gz = server.push(a1, A1, [op(9, r, "insert", {"full_name": "Lê Văn Cường " * 40})], compress=True)
    tap.equal(outcomes(gz), ["applied"], "a gzipped push is accepted")
    count(gz.json["receipts"])


def test_long_poll(a1, a2):
    last = log_count(COMMUNE_A)
    result = {}

    def poll():
        start = time.monotonic()
        result["answer"] = server.pull(a1, after=last, wait=20)
        result["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=poll)
    thread.start()
    time.sleep(0.7)
    pushed = server.push(a2, A2, [op(6, new_id(), "insert", {"full_name": "Phạm Thị Dung"})])
    count(pushed.json["receipts"])
    thread.join(25)
    answer = result.get("answer")
    tap.ok(answer is not None and answer.status == 200 and len(answer.json["entries"]) == 1,
           "a long-poll returns the entry another device pushed", answer and answer.body)
    tap.ok(result.get("seconds", 99) < 5, f"and returns early ({result.get('seconds', 0):.2f} s, wait was 20)")

    start = time.monotonic()
    quiet = server.pull(a1, after=log_count(COMMUNE_A), wait=1)
    elapsed = time.monotonic() - start
    tap.ok(quiet.status == 200 and quiet.json["entries"] == [] and 0.9 <= elapsed < 4,
           f"a long-poll with nothing new answers when its wait is up ({elapsed:.2f} s)")


def test_tenancy(a1, b1):
    a_rows = server.psql(f"SELECT string_agg(row_id, ',') FROM row_head WHERE commune_code = '{COMMUNE_A}'").split(",")
    b_row = new_id()
    pushed = server.push(b1, B1, [
        op(1, b_row, "insert", {"full_name": "Võ Văn Em"}),
        op(2, a_rows[0], "insert", {"full_name": "taken"}),
        op(3, a_rows[0], "update", {"full_name": ("x", "y", 1)}),
    ])
    count(pushed.json["receipts"])
    tap.equal([(r["outcome"], r.get("reason_code")) for r in pushed.json["receipts"]],
              [("applied", None), ("rejected", "foreign_row"), ("rejected", "bad_reference")],
              "commune B cannot insert or update a row id of commune A")
    entries, _ = server.pull_all(b1)
    leaks = [e for e in entries if e["row"] in a_rows or e["device_id"] in (A1, A2)]
    tap.equal((len(entries), len(leaks)), (1, 0), "commune B pulls its own entry and none of A's")
    tap.equal(server.pull_all(a1)[0][-1]["row"] != b_row, True, "commune A does not see B's entry")

    foreign = server.push(b1, A1, [op(10, new_id(), "insert", {"full_name": "x"})])
    tap.equal((foreign.status, foreign.code), (403, "wrong_commune"), "a push naming another device is refused")
    _, device, secret = b1.split(".")
    forged = server.pull(f"{COMMUNE_A}.{device}.{secret}")
    tap.equal((forged.status, forged.code), (401, "token_invalid"), "a token with its commune changed is invalid")
    tap.equal(server.push(f"{COMMUNE_A}.{device}.{secret}", B1, []).code, "token_invalid",
              "and cannot push either")

    # Row-level security beneath the server: the role the server works as sees
    # only the commune its transaction names, even when asked for another.
    base = "SET ROLE xaso_app; "
    tap.equal(server.psql(base + "SELECT count(*) FROM log"), "0", "without a commune the server's role sees no row")
    seen = server.psql(base + f"SELECT set_config('xaso.commune', '{COMMUNE_B}', false); "
                       f"SELECT count(*) FROM log WHERE commune_code = '{COMMUNE_A}'").splitlines()[-1]
    tap.equal(seen, "0", "scoped to commune B it cannot read commune A's log")
    total = server.psql(base + f"SELECT set_config('xaso.commune', '{COMMUNE_B}', false); "
                        "SELECT count(*) FROM row_field").splitlines()[-1]
    tap.equal(total, server.psql(f"SELECT count(*) FROM row_field WHERE commune_code = '{COMMUNE_B}'"),
              "and sees exactly commune B's fields")
    failed, _ = server.psql_fails(base + f"SELECT set_config('xaso.commune', '{COMMUNE_B}', false); "
                                  f"INSERT INTO log VALUES ('{COMMUNE_A}', 999, 'd', 1, '{{}}', 'x')")
    tap.ok(failed, "nor write a row of commune A")
    tap.equal(server.psql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = 'xaso_app'"), "f",
              "the server's role is subject to row-level security")


def test_schema(a2):
    """PROTOCOL.md, "Catalogue and schema versions": a push says the schema
    its ops were made at; older ops are upcast, never rejected for it."""
    def push(schema, ops):
        return server.request("POST", "/v1/push", {"device_id": A2, "schema": schema, "ops": ops}, token=a2)

    before = log_count(COMMUNE_A)
    for schema, status, code in ((99, 409, "schema_too_new"), (18, 400, "bad_request"), ("21", 400, "bad_request")):
        answer = push(schema, [op(7, new_id(), "insert", {"full_name": "x"})])
        tap.equal((answer.status, answer.code), (status, code), f"a push of schema {schema!r} is refused whole")
    tap.equal(log_count(COMMUNE_A), before, "and changes nothing")

    old, new = new_id(), new_id()
    block = {"unit_eid": "000.00.01.H80", "day": "2026-12-07", "device_id": A2, "first_seq": 1, "last_seq": 20,
             "next_seq": 1}
    answer = push(20, [op(7, old, "insert", block, table="dossier_code_block")])
    count(answer.json["receipts"])
    now = push(21, [op(8, new, "insert", {**block, "source": "server"}, table="dossier_code_block")])
    count(now.json["receipts"])
    tap.equal(outcomes(answer) + outcomes(now), ["applied", "applied"],
              "an insert made before its table gained a column is applied, as is one made after")
    tap.equal((field(old, "source"), field(new, "source")), ("local", "server"),
              "the older op is given the column's default, as the desktop's migration gave its row; "
              "the newer keeps its own value")


def test_invariant():
    metrics = server.request("GET", "/v1/metrics").body.decode()
    tap.equal(sum(sent.values()), n_sent, "sent = applied + merged + conflict + rejected")
    for outcome, n in sent.items():
        tap.ok(f'xaso_ops_total{{outcome="{outcome}"}} {n}' in metrics, f"metrics count {n} {outcome}", metrics)
    stored = server.psql("SELECT count(*) FROM receipt")
    tap.equal(int(stored), n_sent, "every op sent has exactly one stored receipt")


def main():
    try:
        server.setup()
        server.start()
        a1, a2, b1 = test_enrollment()
        test_enrollment_retry()
        test_outcomes(a1, a2)
        test_pull(a1, a2)
        test_long_poll(a1, a2)
        test_tenancy(a1, b1)
        test_schema(a2)
        test_invariant()
        tap.equal(server.terminate(), 0, "SIGTERM stops the server with status 0")
    except Exception as error:  # report, then fail the plan
        import traceback
        tap.ok(False, "the test ran to its end", traceback.format_exc())
        print("# server log:\n# " + server.server_log().replace("\n", "\n# ") if server.process else "", flush=True)
        raise error
    finally:
        server.kill()
        server.drop_database()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
