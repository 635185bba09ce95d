#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""xaso-server's blobs (PROTOCOL.md, Blobs): a resumable upload in chunks that
survives a cut (of the connection, or kill -9 of the server), verified against
its declared SHA-256 before it is published;
stored once per commune and invisible to another commune; ranged downloads
capped at 8 MiB; precise errors that change nothing; the metrics; partial
uploads abandoned for partial-upload-days pruned (never a complete blob), by
`xaso-server blobs prune` and by serve itself."""

import hashlib
import os
import socket
import sys
import threading
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from xaso_server_fixture import COMMUNE_A, COMMUNE_B, Server, Tap, new_id  # noqa: E402

MIB = 1024 * 1024
tap = Tap()
server = Server(sys.argv[1], "blobs")
A1, A2, B1 = new_id(), new_id(), new_id()
# What the server should count, kept as the test goes.
counted = {"received": 0, "served": 0, "completed": 0, "checksum": 0}


def sha(data):
    return hashlib.sha256(data).hexdigest()


def path(name):
    return f"/v1/blobs/{name}"


def put(token, name, offset, length, declared, chunk, content_type="application/octet-stream", headers=None):
    sent = {"Upload-Offset": str(offset), "Upload-Length": str(length), "Content-Sha256": declared}
    sent.update(headers or {})
    answer = server.request("PUT", path(name), bytes(chunk), token=token, content_type=content_type,
                            headers=sent)
    # Kept when the server's offset moved on by the chunk (not a complete blob's answer).
    if answer.status == 200 and answer.json.get("offset") == offset + len(chunk):
        counted["received"] += len(chunk)
    return answer


def get(token, name, byte_range=None):
    answer = server.request("GET", path(name), token=token,
                            headers={"Range": byte_range} if byte_range else None)
    if answer.status in (200, 206):
        counted["served"] += len(answer.body)
    return answer


def head(token, name):
    return server.request("HEAD", path(name), token=token)


def upload(token, data, declared=None):
    """Every chunk in order; the last answer."""
    declared = declared or sha(data)
    answer = None
    for offset in range(0, max(len(data), 1), MIB):
        answer = put(token, sha(data), offset, len(data), declared, data[offset:offset + MIB])
        if answer.status != 200:
            return answer
    return answer


def expect(answer, status, code, name):
    tap.equal((answer.status, answer.code), (status, code), name)
    tap.ok(answer.headers.get("content-type", "").startswith("application/json") and
           answer.json["error"]["message"], f"{name}: a JSON error with a message")


def blob_rows(where="true"):
    return server.psql(f"SELECT count(*) FROM blob WHERE {where}")


def chunk_rows(where="true"):
    return server.psql(f"SELECT count(*) FROM blob_chunk WHERE {where}")


def cut_upload(token, name, offset, length, declared, chunk):
    """A PUT whose connection breaks halfway through its body."""
    raw = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    with server.context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
        tls.sendall((f"PUT {path(name)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                     f"Content-Type: application/octet-stream\r\nContent-Length: {len(chunk)}\r\n"
                     f"Upload-Offset: {offset}\r\nUpload-Length: {length}\r\nContent-Sha256: {declared}\r\n"
                     "\r\n").encode() + chunk[:len(chunk) // 2])


def test_refusals(token):
    data = os.urandom(MIB + 10)
    name = sha(data)
    answer = head(token, name)
    tap.ok(answer.status == 404 and "upload-offset" not in answer.headers,
           "HEAD of an unknown blob: 404 without Upload-Offset")
    expect(get(token, name), 404, "not_found", "GET of an unknown blob")
    expect(get(token, name.upper()), 400, "bad_request", "a name in upper case")
    expect(get(token, name[:63]), 400, "bad_request", "a name one digit short")
    expect(get(token, name + "/x"), 400, "bad_request", "a name with a path after it")
    answer = server.request("DELETE", path(name), token=token)
    expect(answer, 405, "method_not_allowed", "DELETE of a blob")
    tap.equal(answer.headers.get("allow"), "HEAD, PUT, GET", "405 lists the blob methods in Allow")
    tap.equal(head(None, name).status, 401, "HEAD without a token: 401")
    expect(get(None, name), 401, "token_missing", "GET without a token")
    expect(put(None, name, 0, len(data), name, data[:MIB]), 401, "token_missing", "PUT without a token")
    expect(put(token + "x", name, 0, len(data), name, data[:MIB]), 401, "token_invalid", "PUT with a wrong token")
    expect(put(token, name, 0, len(data), name, data[:MIB], content_type="application/json"), 415,
           "wrong_content_type", "a chunk sent as JSON")
    expect(put(token, name, 0, len(data), name, data[:MIB], content_type=None), 415,
           "wrong_content_type", "a chunk without a Content-Type")
    expect(put(token, name, 0, len(data), name, data[:MIB], headers={"Content-Encoding": "gzip"}), 415,
           "wrong_content_type", "a compressed chunk")
    expect(put(token, name, 0, 2 * MIB, name, os.urandom(MIB + 1)), 413, "too_large", "a chunk over 1 MiB")
    expect(put(token, name, 0, 256 * MIB + 1, name, data[:MIB]), 413, "too_large",
           "an Upload-Length over 256 MiB")
    expect(server.request("PUT", path(name), data[:MIB], token=token, content_type="application/octet-stream",
                          headers={"Upload-Length": str(len(data)), "Content-Sha256": name}),
           400, "bad_request", "a chunk without Upload-Offset")
    expect(put(token, name, "-1", len(data), name, data[:MIB]), 400, "bad_request", "a negative Upload-Offset")
    expect(put(token, name, 0, "12ab", name, data[:MIB]), 400, "bad_request", "an Upload-Length not a number")
    expect(put(token, name, 0, len(data), "xyz", data[:MIB]), 400, "bad_request", "a Content-Sha256 not hex")
    expect(put(token, name, 0, len(data), name, data[:1000]), 400, "bad_request",
           "a chunk shorter than 1 MiB that does not end the blob")
    expect(put(token, name, 0, 100, name, data[:1000]), 400, "bad_request", "a chunk past Upload-Length")
    expect(get(token, name, "bytes=-5"), 400, "bad_request", "a suffix Range")
    tap.equal((blob_rows(), chunk_rows()), ("0", "0"), "the refused requests stored nothing")


def test_upload_with_cut(token):
    data = os.urandom(5 * MIB // 2)
    name, length = sha(data), len(data)

    answer = put(token, name, 0, length, name, data[:MIB])
    tap.equal((answer.status, answer.json), (200, {"offset": MIB, "complete": False}), "chunk 1 is kept")
    cut_upload(token, name, MIB, length, name, data[MIB:2 * MIB])
    answer = head(token, name)
    tap.equal((answer.status, answer.headers.get("upload-offset"), answer.headers.get("upload-length")),
              (404, str(MIB), str(length)), "after a cut in chunk 2, HEAD says 1 MiB of 2.5 MiB are kept")
    expect(get(token, name), 404, "not_found", "GET of a blob still uploading")

    answer = put(token, name, 2 * MIB, length, name, data[2 * MIB:])
    expect(answer, 409, "offset_mismatch", "chunk 3 before chunk 2")
    tap.equal(answer.json.get("offset"), MIB, "the 409 says where the kept bytes end")
    answer = put(token, name, MIB, length, sha(b"other"), data[MIB:2 * MIB])
    expect(answer, 409, "offset_mismatch", "chunk 2 declaring another checksum")
    tap.equal(answer.json.get("offset"), MIB, "that 409 says where the kept bytes end too")
    answer = put(token, name, MIB, length + 1, name, data[MIB:2 * MIB])
    expect(answer, 409, "offset_mismatch", "chunk 2 declaring another length")
    tap.equal(head(token, name).headers.get("upload-offset"), str(MIB), "the refused chunks changed nothing")

    answer = put(token, name, MIB, length, name, data[MIB:2 * MIB])
    tap.equal((answer.status, answer.json), (200, {"offset": 2 * MIB, "complete": False}),
              "chunk 2 goes on from where the server was")
    answer = put(token, name, 2 * MIB, length, name, data[2 * MIB:])
    tap.equal((answer.status, answer.json), (200, {"offset": length, "complete": True}),
              "chunk 3 completes the blob")
    counted["completed"] += 1
    answer = head(token, name)
    tap.equal((answer.status, answer.headers.get("content-length")), (200, str(length)),
              "HEAD of the complete blob: 200 with its length")
    answer = get(token, name)
    tap.ok(answer.status == 200 and answer.body == data, "GET answers the very bytes uploaded")
    tap.equal(answer.headers.get("content-type"), "application/octet-stream", "as application/octet-stream")

    before = server.psql(f"SELECT size || '/' || sha256 || '/' || received || '/' || complete || '/' || "
                         f"created_at FROM blob WHERE name = '{name}'")
    answer = put(token, name, 0, length, name, data[:MIB])
    tap.equal((answer.status, answer.json), (200, {"offset": length, "complete": True}),
              "a chunk of a complete blob is answered complete")
    answer = put(token, name, 0, 10, sha(b"0123456789"), b"0123456789")
    tap.equal((answer.status, answer.json), (200, {"offset": length, "complete": True}),
              "so is another upload under the same name")
    after = server.psql(f"SELECT size || '/' || sha256 || '/' || received || '/' || complete || '/' || "
                        f"created_at FROM blob WHERE name = '{name}'")
    tap.equal(after, before, "and the blob is as it was")
    tap.equal(chunk_rows(f"name = '{name}'"), "3", "in 3 chunks")
    tap.ok(get(token, name).body == data, "with the same bytes")
    return data


def test_communes(token_a2, token_b, data):
    name = sha(data)
    answer = head(token_a2, name)
    tap.equal((answer.status, answer.headers.get("content-length")), (200, str(len(data))),
              "another desktop of the commune finds the blob complete")
    tap.equal(blob_rows(f"name = '{name}'"), "1", "stored once: one blob row")
    leaks = 0
    leaks += head(token_b, name).status != 404
    leaks += get(token_b, name).status != 404
    leaks += get(token_b, name, "bytes=0-").status != 404
    tap.equal(leaks, 0, "a desktop of the other commune gets 404 on HEAD and GET (0 leaks)")
    answer = put(token_b, name, MIB, len(data), name, data[MIB:2 * MIB])
    tap.equal((answer.status, answer.json.get("offset")), (409, 0),
              "nor can it go on from the other commune's bytes")
    answer = upload(token_b, data)
    tap.equal((answer.status, answer.json), (200, {"offset": len(data), "complete": True}),
              "its own upload of the same bytes completes")
    counted["completed"] += 1
    tap.equal(server.psql(f"SELECT string_agg(commune_code || ':' || complete, ',' ORDER BY commune_code) "
                          f"FROM blob WHERE name = '{name}'"), f"{COMMUNE_A}:true,{COMMUNE_B}:true",
              "as a separate blob of its commune")
    tap.equal(chunk_rows(f"name = '{name}'"), "6", "each commune with its own 3 chunks")
    tap.ok(get(token_b, name).body == data, "which it can read back")

    # Row-level security beneath the server's own checks.
    scoped = f"SET ROLE xaso_app; SELECT set_config('xaso.commune', '{COMMUNE_B}', false); "
    seen = server.psql(scoped + "SELECT (SELECT count(*) FROM blob WHERE commune_code = '" + COMMUNE_A +
                       "') || '/' || (SELECT count(*) FROM blob_chunk WHERE commune_code = '" + COMMUNE_A + "')")
    tap.equal(seen.splitlines()[-1], "0/0", "scoped to commune B, the server's role sees no blob of commune A")
    server.psql(scoped + f"UPDATE blob SET received = 0, complete = false WHERE commune_code = '{COMMUNE_A}'")
    tap.equal(server.psql(f"SELECT count(*) FROM blob WHERE commune_code = '{COMMUNE_A}' AND complete"), "1",
              "nor change one")
    failed, _ = server.psql_fails(scoped + f"INSERT INTO blob (commune_code, name, size, sha256) "
                                  f"VALUES ('{COMMUNE_A}', '{'0' * 64}', 1, '{'0' * 64}')")
    tap.ok(failed, "nor add one to commune A")


def test_checksum_mismatch(token):
    data = os.urandom(3 * MIB // 2)
    name = sha(data)
    wrong = sha(data + b"!")
    answer = put(token, name, 0, len(data), wrong, data[:MIB])
    tap.equal(answer.status, 200, "the first chunk of a blob declaring a wrong checksum is kept")
    answer = put(token, name, MIB, len(data), wrong, data[MIB:])
    expect(answer, 422, "checksum_mismatch", "its last chunk")
    counted["checksum"] += 1
    answer = head(token, name)
    tap.ok(answer.status == 404 and "upload-offset" not in answer.headers,
           "HEAD then shows no upload: it was forgotten")
    tap.equal((blob_rows(f"name = '{name}'"), chunk_rows(f"name = '{name}'")), ("0", "0"),
              "no row and no chunk of it is left")
    answer = upload(token, data)
    tap.equal((answer.status, answer.json), (200, {"offset": len(data), "complete": True}),
              "uploaded again with the right checksum, it completes")
    counted["completed"] += 1


def test_start_over(token):
    data = os.urandom(2 * MIB + 5)
    name = sha(data)
    put(token, name, 0, len(data), name, data[:MIB])
    put(token, name, MIB, len(data), name, data[MIB:2 * MIB])
    answer = put(token, name, 0, len(data), name, data[:MIB])
    tap.equal((answer.status, answer.json), (200, {"offset": MIB, "complete": False}),
              "Upload-Offset 0 starts a partial upload over")
    tap.equal(chunk_rows(f"name = '{name}'"), "1", "forgetting the chunks it had")
    # Uploaders of one blob take turns on its row: none fails, none interleaves.
    results = []

    def send():
        results.append(put(token, name, 0, len(data), name, data[:MIB]).status)
    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    tap.equal(results, [200] * 6, "six desktops starting the same upload at once are all answered 200")
    tap.equal(server.psql(f"SELECT received FROM blob WHERE name = '{name}'") + "/" +
              chunk_rows(f"name = '{name}'"), f"{MIB}/1", "and the upload holds one chunk")
    upload(token, data)
    counted["completed"] += 1
    empty = b""
    answer = put(token, sha(empty), 0, 0, sha(empty), empty)
    tap.equal((answer.status, answer.json), (200, {"offset": 0, "complete": True}), "an empty blob completes")
    counted["completed"] += 1
    answer = get(token, sha(empty))
    tap.equal((answer.status, answer.body), (200, b""), "and reads back empty")
    expect(get(token, sha(empty), "bytes=0-"), 416, "range_not_satisfiable", "any Range of an empty blob")


def test_ranges(token, data):
    name, length = sha(data), len(data)
    cases = [("bytes=0-99", 0, 99, "the start"),
             ("bytes=1048000-1049999", 1048000, 1049999, "the middle, across a chunk boundary"),
             (f"bytes={length - 1}-{length - 1}", length - 1, length - 1, "the last byte"),
             ("bytes=2000000-", 2000000, length - 1, "open-ended"),
             (f"bytes={length - 10}-{length + 1000}", length - 10, length - 1, "an end past the blob's")]
    for byte_range, first, last, what in cases:
        answer = get(token, name, byte_range)
        tap.ok(answer.status == 206 and answer.body == data[first:last + 1] and
               answer.headers.get("content-range") == f"bytes {first}-{last}/{length}",
               f"Range {what}: 206, its bytes and Content-Range",
               f"{answer.status} {answer.headers.get('content-range')} {len(answer.body)} bytes")
    answer = get(token, name, f"bytes={length}-")
    expect(answer, 416, "range_not_satisfiable", "a Range starting at the end")
    tap.equal(answer.headers.get("content-range"), f"bytes */{length}", "416 names the length")
    expect(get(token, name, "bytes=10-5"), 400, "bad_request", "a Range ending before it starts")


def test_large(token):
    data = os.urandom(17 * MIB // 2)
    name, length = sha(data), len(data)
    answer = upload(token, data)
    tap.equal((answer.status, answer.json), (200, {"offset": length, "complete": True}),
              "an 8.5 MiB blob uploads in 9 chunks")
    counted["completed"] += 1
    answer = get(token, name)
    tap.ok(answer.status == 206 and answer.body == data[:8 * MIB] and
           answer.headers.get("content-range") == f"bytes 0-{8 * MIB - 1}/{length}",
           "GET without Range: its first 8 MiB as a 206")
    answer = get(token, name, "bytes=100-")
    tap.ok(answer.status == 206 and answer.body == data[100:100 + 8 * MIB] and
           answer.headers.get("content-range") == f"bytes 100-{100 + 8 * MIB - 1}/{length}",
           "an open-ended Range stops after 8 MiB")
    answer = get(token, name, f"bytes={100 + 8 * MIB}-")
    tap.ok(answer.status == 206 and answer.body == data[100 + 8 * MIB:], "asking again from there gets the rest")


def test_server_killed(token):
    """kill -9 of the server while chunks arrive: what HEAD says is kept is
    exactly what the tables hold, and the upload goes on from there."""
    data = os.urandom(8 * MIB)
    name, length = sha(data), len(data)
    stop = threading.Event()

    def send():
        for offset in range(0, length, MIB):
            if stop.is_set():
                return
            try:
                put(token, name, offset, length, name, data[offset:offset + MIB])
            except OSError:
                return
    thread = threading.Thread(target=send)
    thread.start()
    deadline = time.monotonic() + 60
    while (int(server.psql(f"SELECT coalesce(max(received), 0) FROM blob WHERE name = '{name}'")) < 3 * MIB and
           time.monotonic() < deadline):
        time.sleep(0.02)
    server.kill()
    stop.set()
    thread.join(30)
    server.log.close()
    server.start_again()
    answer = head(token, name)
    kept = int(answer.headers.get("upload-offset", "-1"))
    tap.ok(answer.status == 404 and kept >= 3 * MIB and kept % MIB == 0,
           f"after kill -9 mid-upload, HEAD says {kept // MIB} MiB are kept")
    tap.equal(server.psql(f"SELECT coalesce(sum(length(data)), 0) FROM blob_chunk WHERE name = '{name}'"),
              str(kept), "exactly the bytes the chunks hold")
    for offset in range(kept, length, MIB):
        answer = put(token, name, offset, length, name, data[offset:offset + MIB])
    tap.equal((answer.status, answer.json), (200, {"offset": length, "complete": True}),
              "the upload goes on from there and completes")
    counted["completed"] += 1
    tap.ok(get(token, name).body == data, "with the very bytes sent")


def test_metrics():
    text = server.request("GET", "/v1/metrics").body.decode()
    values = {}
    for line in text.splitlines():
        if line.startswith("xaso_blob_"):
            metric, value = line.split()
            values[metric] = int(value)
    tap.equal(values, {"xaso_blob_bytes_received_total": counted["received"],
                       "xaso_blob_bytes_served_total": counted["served"],
                       "xaso_blob_uploads_completed_total": counted["completed"],
                       "xaso_blob_checksum_failures_total": counted["checksum"]},
              "the metrics count the blob bytes received and served, uploads completed, checksum failures")
    tap.ok('xaso_requests_total{endpoint="blobs",status="206"}' in text, "requests are counted as blobs")


def partial(token, size, days_ago, seed):
    """A partial upload: its first 1 MiB of @size bytes, last touched @days_ago days ago."""
    data = bytes((seed * 7 + i) % 251 for i in range(size))
    name = sha(data)
    answer = put(token, name, 0, size, name, data[:MIB])
    assert answer.status == 200 and answer.json == {"offset": MIB, "complete": False}, answer.body
    if days_ago:
        server.psql(f"UPDATE blob SET touched_at = now() - interval '{days_ago} days', "
                    f"created_at = now() - interval '{days_ago} days' WHERE name = '{name}'")
    return name, data


def test_prune(token_a, token_b, complete):
    old_a, _ = partial(token_a, 2 * MIB + 5, 8, 1)
    old_b, _ = partial(token_b, 3 * MIB, 30, 2)
    recent_a, _ = partial(token_a, 2 * MIB, 0, 3)
    six_days, _ = partial(token_a, 2 * MIB + 1, 6, 4)
    server.psql(f"UPDATE blob SET touched_at = now() - interval '400 days' WHERE name = '{complete}'")
    before = blob_rows("complete")

    result = server.admin("blobs", "prune")
    lines = sorted(result.stdout.splitlines())
    tap.equal((result.returncode, lines),
              (0, sorted([f"{COMMUNE_A}\t{old_a}\t{MIB}\t{2 * MIB + 5}", f"{COMMUNE_B}\t{old_b}\t{MIB}\t{3 * MIB}"])),
              "blobs prune forgets the partial uploads of each commune untouched for 7 days, and says which")
    tap.equal((blob_rows(f"name IN ('{old_a}', '{old_b}')"), chunk_rows(f"name IN ('{old_a}', '{old_b}')")),
              ("0", "0"), "with their chunks")
    answer = head(token_a, old_a)
    tap.ok(answer.status == 404 and "upload-offset" not in answer.headers,
           "HEAD of a pruned upload: 404 without an offset, so the desktop starts over")
    tap.equal(blob_rows(f"name IN ('{recent_a}', '{six_days}')"), "2", "uploads touched within 7 days are kept")
    tap.equal(blob_rows("complete"), before, "no complete blob is pruned, however old")
    tap.equal(get(token_a, complete).status, 200, "and an old complete blob still reads back")

    result = server.admin("blobs", "prune", "--days", "5")
    tap.equal((result.returncode, [line.split("\t")[1] for line in result.stdout.splitlines()]), (0, [six_days]),
              "--days 5 prunes the upload untouched for 6 days")
    tap.equal(server.admin("blobs", "prune", "--days", "400").returncode, 1, "--days beyond 365 is refused")

    data = bytes((5 * 7 + i) % 251 for i in range(2 * MIB + 9))
    name = sha(data)
    answer = put(token_a, name, MIB, len(data), name, data[MIB:2 * MIB])
    tap.equal((answer.status, answer.json.get("offset")), (409, 0),
              "a chunk resuming a pruned upload hears 409 offset 0")
    tap.equal(upload(token_a, data).json, {"offset": len(data), "complete": True}, "and the upload from 0 completes")

    gone, _ = partial(token_b, 2 * MIB, 9, 6)
    server.terminate()
    server.start_again()
    deadline = time.monotonic() + 20
    while blob_rows(f"name = '{gone}'") != "0" and time.monotonic() < deadline:
        time.sleep(0.1)
    tap.equal(blob_rows(f"name = '{gone}'"), "0", "serve prunes an abandoned upload when it starts (then hourly)")
    tap.ok("pruned 1 partial upload(s) untouched for 7 days" in server.server_log(), "and logs it")
    tap.equal(blob_rows(f"name = '{recent_a}'"), "1", "keeping a recent one")


def main():
    try:
        server.setup()
        server.start()
        token_a1 = server.enroll(COMMUNE_A, A1)
        token_a2 = server.enroll(COMMUNE_A, A2)
        token_b = server.enroll(COMMUNE_B, B1)
        test_refusals(token_a1)
        data = test_upload_with_cut(token_a1)
        test_communes(token_a2, token_b, data)
        test_checksum_mismatch(token_a1)
        test_start_over(token_a2)
        test_ranges(token_a2, data)
        test_large(token_a1)
        test_metrics()
        test_server_killed(token_a1)
        test_prune(token_a1, token_b, sha(data))
    except Exception:
        import traceback
        tap.ok(False, "the test ran to its end", traceback.format_exc())
        if server.process:
            print("# server log:\n# " + server.server_log().replace("\n", "\n# "), flush=True)
    finally:
        server.kill()
        server.drop_database()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
