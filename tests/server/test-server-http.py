#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""xaso-server's HTTP edges: precise errors for hostile or broken requests
(and that they change nothing), size limits before and after gzip, health and
metrics, reconnecting to PostgreSQL, 503 without it, graceful SIGTERM."""

import gzip
import json
import re
import socket
import sys
import threading
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from xaso_server_fixture import COMMUNE_A, Server, Tap, new_id, op  # noqa: E402

tap = Tap()
server = Server(sys.argv[1], "http")
A1 = new_id()


def expect(answer, status, code, name):
    tap.equal((answer.status, answer.code), (status, code), name)
    tap.ok(answer.headers.get("content-type", "").startswith("application/json") and
           answer.json["error"]["message"], f"{name}: a JSON error with a message")


def state():
    return server.psql("SELECT (SELECT count(*) FROM log) || '/' || (SELECT count(*) FROM receipt) || '/' || "
                       "(SELECT count(*) FROM row_field) || '/' || (SELECT next FROM counter WHERE commune_code = "
                       f"'{COMMUNE_A}')")


def test_errors(token):
    row = new_id()
    good = {"device_id": A1, "ops": [op(1, row, "insert", {"full_name": "Đỗ Văn Giang"})]}
    before = state()

    expect(server.request("POST", "/v1/push", b"{not json", token=token), 400, "bad_json", "malformed JSON")
    expect(server.request("POST", "/v1/push", b"[1,2]", token=token), 400, "bad_json", "JSON that is not an object")
    expect(server.request("POST", "/v1/push", b"\xff\xfe{}", token=token), 400, "bad_json", "a body that is not UTF-8")
    expect(server.request("POST", "/v1/push", {"device_id": A1}, token=token), 400, "bad_request",
           "a push without ops")
    expect(server.request("POST", "/v1/push", {"device_id": A1, "ops": [{"id": "x"}]}, token=token), 400,
           "bad_request", "an op without seq")
    expect(server.request("POST", "/v1/push", {"device_id": A1, "ops": [op(2, row, "insert", {"a": 1}),
                                                                         op(1, row, "insert", {"a": 1})]},
                          token=token), 400, "bad_request", "ops out of order")
    expect(server.request("POST", "/v1/push", {"device_id": "nope", "ops": []}, token=token), 400, "bad_request",
           "a device id that is not a UUID")
    many = {"device_id": A1, "ops": [op(i, new_id(), "insert", {"a": i}) for i in range(1, 502)]}
    expect(server.request("POST", "/v1/push", many, token=token), 413, "too_large", "more than 500 ops")
    big = b'{"device_id":"' + A1.encode() + b'","ops":[],"pad":"' + b"x" * (9 * 1024 * 1024) + b'"}'
    expect(server.request("POST", "/v1/push", big, token=token), 413, "too_large", "a body over 8 MiB")
    bomb = gzip.compress(b'{"pad":"' + b"0" * (9 * 1024 * 1024) + b'"}')
    tap.ok(len(bomb) < 100 * 1024, f"the gzip bomb is small on the wire ({len(bomb)} bytes)")
    expect(server.request("POST", "/v1/push", bomb, token=token, headers={"Content-Encoding": "gzip"}), 413,
           "too_large", "a body over 8 MiB once decompressed")
    expect(server.request("POST", "/v1/push", b"\x1f\x8b\x08\x00garbage", token=token,
                          headers={"Content-Encoding": "gzip"}), 400, "bad_json", "a broken gzip body")
    expect(server.request("POST", "/v1/push", good, token=token, content_type="text/plain"), 415,
           "wrong_content_type", "a body that is not application/json")
    expect(server.request("POST", "/v1/push", good, token=token, headers={"Content-Encoding": "br"}), 415,
           "wrong_content_type", "an encoding other than gzip")
    expect(server.request("POST", "/v1/push", good), 401, "token_missing", "a push without a token")
    expect(server.request("POST", "/v1/push", good, headers={"Authorization": "Basic eDp5"}), 401,
           "token_missing", "another authorization scheme")
    expect(server.request("POST", "/v1/push", good, token="80001.garbage"), 401, "token_invalid",
           "a malformed token")
    expect(server.request("POST", "/v1/push", good, token=token[:-4] + "0000"), 401, "token_invalid",
           "a token with a wrong secret")
    expect(server.request("GET", "/v1/pull?after=-1", token=token), 400, "bad_request", "a negative cursor")
    expect(server.request("GET", "/v1/pull?limit=501", token=token), 400, "bad_request", "a limit over 500")
    expect(server.request("GET", "/v1/pull?wait=61", token=token), 400, "bad_request", "a wait over 60 s")
    expect(server.request("GET", "/v1/pull?after=1%27%20OR%201%3D1%20--", token=token), 400, "bad_request",
           "SQL in a parameter is only a bad number")
    expect(server.request("GET", "/v1/nothing"), 404, "not_found", "an unknown endpoint")
    expect(server.request("GET", "/"), 404, "not_found", "the root")
    wrong = server.request("GET", "/v1/push", token=token)
    expect(wrong, 405, "method_not_allowed", "GET on push")
    tap.equal(wrong.headers.get("allow"), "POST", "405 names the allowed method")
    expect(server.request("DELETE", "/v1/pull", token=token), 405, "method_not_allowed", "DELETE on pull")
    expect(server.request("POST", "/v1/enroll", {"code": "x"}, content_type="text/plain"), 415,
           "wrong_content_type", "enroll with another content type")
    tap.equal(state(), before, "no failed request changed anything")

    accepted = server.request("POST", "/v1/push", good, token=token)
    tap.equal(accepted.status, 200, "the same push, well formed, is accepted")


def test_health_and_metrics(token):
    health = server.request("GET", "/v1/health")
    tap.equal((health.status, health.json), (200, {"status": "ok"}), "health answers ok")
    metrics = server.request("GET", "/v1/metrics")
    text = metrics.body.decode()
    tap.ok(metrics.status == 200 and metrics.headers["content-type"].startswith("text/plain"),
           "metrics is Prometheus text")
    for needle in ('xaso_requests_total{endpoint="push",status="413"} 3',
                   'xaso_requests_total{endpoint="health",status="200"} 1',
                   'xaso_requests_total{endpoint="other",status="404"} 2',
                   'xaso_ops_total{outcome="applied"} 1', "xaso_log_entries_served_total 0",
                   "xaso_pg_reconnections_total 0", "# TYPE xaso_requests_total counter"):
        tap.ok(needle in text, f"metrics hold {needle}", text)
    # A long-poll with nothing new waits its full second; that wait is not
    # the server's time to answer, and the histogram leaves it out.
    # A commit of the commune noticed late (the earlier pushes' wake-up runs
    # on the main loop) answers a long-poll at once, empty, by design: it
    # is asked again, as a desktop would.
    caught_up = server.pull(token, after=0).json["last_seq"]
    for _ in range(3):
        waited = time.monotonic()
        server.pull(token, after=caught_up, wait=1)
        waited = time.monotonic() - waited
        if waited >= 1:
            break
    text = server.request("GET", "/v1/metrics").body.decode()
    buckets = dict(re.findall(r'^xaso_request_duration_seconds_bucket\{endpoint="pull",le="([^"]+)"\} (\d+)$',
                              text, re.M))
    count = re.search(r'^xaso_request_duration_seconds_count\{endpoint="pull"\} (\d+)$', text, re.M)
    tap.ok(waited >= 1 and count and int(count[1]) >= 2 and buckets.get("+Inf") == count[1] and
           buckets.get("0.5") == count[1] and "# TYPE xaso_request_duration_seconds histogram" in text,
           "the duration histogram counts every pull under 0.5 s, the long-poll's wait left out", (waited, buckets))


def test_reconnect(token):
    killed = server.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                         f"WHERE datname = '{server.dbname}' AND application_name = 'xaso-server'")
    tap.ok(int(killed) >= 1, f"PostgreSQL dropped the server's {killed} connection(s)")
    answers = [server.request("GET", "/v1/health") for _ in range(4)]
    tap.ok(all(a.status == 200 for a in answers), "health recovers on a fresh connection at once",
           [a.status for a in answers])
    pushed = server.push(token, A1, [op(2, new_id(), "insert", {"full_name": "Hồ Thị Hoa"})])
    tap.equal(pushed.status, 200, "a push after the loss is answered")
    text = server.request("GET", "/v1/metrics").body.decode()
    reconnections = [line for line in text.splitlines() if line.startswith("xaso_pg_reconnections_total ")]
    tap.ok(reconnections and int(reconnections[0].split()[1]) >= 1, "metrics count the reconnection",
           reconnections)


def test_database_unavailable():
    down = Server(server.program, "down", database_override="host=127.0.0.1 port=1 user=nobody dbname=none "
                                                            "connect_timeout=2")
    down.start()
    try:
        health = down.request("GET", "/v1/health")
        tap.equal((health.status, health.code), (503, "database_unavailable"), "health is 503 without PostgreSQL")
        pull = down.request("GET", "/v1/pull", token=f"{COMMUNE_A}.{A1}.{'0' * 64}")
        tap.equal((pull.status, pull.code), (503, "database_unavailable"), "a pull is 503 without PostgreSQL")
        tap.equal(down.terminate(), 0, "a server without its database still stops cleanly")
    finally:
        down.kill()


def test_sigterm(token):
    n = int(server.psql(f"SELECT next - 1 FROM counter WHERE commune_code = '{COMMUNE_A}'"))
    result = {}

    def poll():
        start = time.monotonic()
        result["answer"] = server.pull(token, after=n, wait=30)
        result["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=poll)
    thread.start()
    time.sleep(0.7)
    start = time.monotonic()
    status = server.terminate()
    elapsed = time.monotonic() - start
    thread.join(10)
    answer = result.get("answer")
    tap.ok(answer is not None and answer.status == 200 and answer.json["entries"] == [],
           "a long-poll in progress is answered when the server stops")
    tap.ok(result.get("seconds", 99) < 10, "at once, not at the end of its wait")
    tap.equal(status, 0, f"SIGTERM: exit status 0 ({elapsed:.2f} s)")
    with socket.socket() as s:
        refused = s.connect_ex(("127.0.0.1", server.port)) != 0
    tap.ok(refused, "nothing listens any more")
    tap.ok("stopping" in server.server_log() and "POST /v1/push 200" in server.server_log(),
           "the log has a line per request and the shutdown")


def main():
    try:
        server.setup()
        server.start()
        token = server.enroll(COMMUNE_A, A1)
        test_errors(token)
        test_health_and_metrics(token)
        test_reconnect(token)
        test_database_unavailable()
        test_sigterm(token)
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
