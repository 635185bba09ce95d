#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The digest (issue 11, PROTOCOL.md "Digest") against a real xaso-server on
a real PostgreSQL over loopback TLS, through xasoctl: a demo commune seeded at
enrollment and a second desktop that pulled it both find no table differing
(the derived and default column rules hold on real data); then one desktop's
tables are damaged behind the program's back (a value changed, a row deleted,
a row added outside capture) and `xasoctl sync digest` finds those, writes the
first two again from the server and captures the third again, so that after a
sync both desktops agree with the server once more. Each digest is a line of
the sync log the Đồng bộ page shows (`xasoctl sync log`), in Vietnamese."""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
from xaso_server_fixture import Server  # noqa: E402

XASOCTL = os.environ["XASOCTL"]
SERVER = sys.argv[1]
tests = 0


def ok(what):
    global tests
    tests += 1
    print(f"ok {tests} - {what}", flush=True)


def xasoctl(db, *args, env=None):
    out = subprocess.run([XASOCTL, "--db", db, *args], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise AssertionError(f"xasoctl {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return dict(line.split("\t", 1) for line in out.stdout.splitlines() if "\t" in line)


def digest(db):
    report = xasoctl(db, "sync", "digest")
    assert report["comparable"] == "yes", report
    return {k: int(v) for k, v in report.items() if k != "comparable"}


def log_lines(db, limit=5):
    """`xasoctl sync log` in Vietnamese, as the page says it: (kind, counts, words), newest first."""
    env = dict(os.environ, LC_ALL="vi_VN.UTF-8", LANGUAGE="vi",
               XASO_LOCALEDIR=os.path.join(os.environ["XASO_BUILD_DIR"], "po"))
    out = subprocess.run([XASOCTL, "--db", db, "sync", "log", "--limit", str(limit)], capture_output=True,
                         text=True, env=env)
    assert out.returncode == 0, out.stderr
    lines = []
    for line in out.stdout.splitlines():
        kind, _started, _finished, counts, words = line.split("\t")
        lines.append((kind, dict(c.split("=") for c in counts.split()), words))
    return lines


def expect(report, **wanted):
    got = {k: report[k] for k in wanted}
    assert got == wanted, f"digest {report}, wanted {wanted}"


def main():
    if not os.environ.get("XASO_TEST_PG"):
        print("1..0 # SKIP XASO_TEST_PG is not set (build-aux/dev test starts PostgreSQL)")
        return 0
    print("1..6", flush=True)
    work = tempfile.mkdtemp(prefix="xaso-sync-digest-")
    a, b = os.path.join(work, "a.db"), os.path.join(work, "b.db")
    xasoctl(a, "demo", "--scale", "small", "--seed", "11")
    with sqlite3.connect(a) as c:
        code, name, province, province_name, eid, agency = c.execute(
            "SELECT code, name, province_code, province_name, agency_eid, agency_name FROM commune").fetchone()
    province_server = Server(SERVER, "sync_digest")
    try:
        province_server.setup()
        province_server.admin("commune", "add", code, "--name", name, "--province-code", province,
                              "--province-name", province_name, "--agency-eid", eid, "--agency-name", agency)
        province_server.start()
        url = f"https://127.0.0.1:{province_server.port}"
        for db in (a, b):
            xasoctl(db, "sync", "enroll", "--server", url, "--code", province_server.enroll_code(code),
                    "--ca", province_server.ca)
            xasoctl(db, "sync")
        xasoctl(a, "sync")

        for db in (a, b):
            report = digest(db)
            assert report["tables"] == 14, report
            expect(report, differing=0, repaired=0, recaptured=0)
        ok("a demo commune seeded at enrollment and a desktop that pulled it both match the server's digest")

        token = province_server.enroll(code, "0190cccc-0000-7000-8000-0000000000d1", "Máy kiểm tra")
        whole = province_server.request("GET", "/v1/digest", token=token).json
        person = province_server.request("GET", "/v1/digest?table=person", token=token).json
        assert person["server_seq"] == whole["server_seq"], (person, whole)
        assert sum(b["rows"] for b in person["buckets"].values()) == whole["tables"]["person"]["rows"] > 0
        assert all(0 <= int(n) <= 255 and b["rows"] > 0 for n, b in person["buckets"].items())
        bucket = next(iter(person["buckets"]))
        rows = province_server.request("GET", f"/v1/digest/rows?table=person&bucket={bucket}", token=token).json
        assert len(rows["rows"]) == person["buckets"][bucket]["rows"], rows
        assert all("full_name" in r["fields"] and r["fields"]["full_name"]["version"] > 0 for r in rows["rows"])
        for path in ("/v1/digest?table=outbox", "/v1/digest/rows?table=person",
                     "/v1/digest/rows?table=person&bucket=256"):
            answer = province_server.request("GET", path, token=token)
            assert (answer.status, answer.code) == (400, "bad_request"), (path, answer.status, answer.body)
        assert province_server.request("GET", "/v1/digest").status == 401
        ok("the server's buckets add up to its table, a bucket's rows come with their versions, bad asks are 400")

        with sqlite3.connect(b) as c:
            c.create_function("xaso_indexed_now", 1, lambda rowid: 1)
            c.create_function("xaso_fold", 1, lambda text: (text or "").lower())
            changed, old_name = c.execute("SELECT id, full_name FROM person ORDER BY id LIMIT 1").fetchone()
            c.execute("UPDATE person SET full_name = 'Hư Hỏng' WHERE id = ?", (changed,))
            gone = c.execute("SELECT id FROM calendar_day ORDER BY id LIMIT 1").fetchone()[0]
            gone_row = c.execute("SELECT * FROM calendar_day WHERE id = ?", (gone,)).fetchone()
            c.execute("DELETE FROM calendar_day WHERE id = ?", (gone,))
            columns = [r[1] for r in c.execute("PRAGMA table_info(calendar_day)")]
            extra = list(gone_row)
            extra[columns.index("id")] = "0190dddd-0000-7000-8000-000000000001"
            extra[columns.index("date")] = "2031-02-03"
            c.execute(f"INSERT INTO calendar_day ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                      extra)
        report = digest(b)
        expect(report, differing=2, repaired=2, recaptured=1)
        with sqlite3.connect(b) as c:
            assert c.execute("SELECT full_name FROM person WHERE id = ?", (changed,)).fetchone()[0] == old_name
            assert c.execute("SELECT count(*) FROM calendar_day WHERE id = ?", (gone,)).fetchone()[0] == 1
            assert c.execute("SELECT count(*) FROM outbox WHERE row_id = ?", (extra[0],)).fetchone()[0] == 1
        ok("a changed value and a deleted row are written again from the server; an extra row is captured again")

        kind, counts, words = log_lines(b)[0]
        assert (kind, counts) == ("digest", {"tables": "14", "differing": "2", "repaired": "2", "recaptured": "1"}), \
            (kind, counts)
        assert words == ("Đã đối chiếu 14 bảng với máy chủ: 2 bảng khác; 2 dòng được ghi lại theo máy chủ, "
                         "1 dòng được gửi lại lên máy chủ"), words
        earlier = [line for line in log_lines(b, 20) if line[0] == "digest"]
        assert len(earlier) == 2 and earlier[1][1]["differing"] == "0", earlier
        assert earlier[1][2] == "Đã đối chiếu 14 bảng với máy chủ: tất cả đều khớp", earlier[1]
        assert any(line[0] == "sync" for line in log_lines(b, 20)), "the syncs stay in the log beside the digests"
        ok("each digest is a line of the sync log, with what it repaired, in Vietnamese as the Đồng bộ page says it")

        waiting = xasoctl(b, "sync", "digest")
        assert waiting["comparable"] == "no" and waiting["repaired"] == "0", waiting
        assert len([line for line in log_lines(b, 20) if line[0] == "digest"]) == 2, "a digest not run is not logged"
        ok("with an op waiting in the outbox the digest is not comparable now and changes nothing")
        sync_b = xasoctl(b, "sync", "--report")
        assert int(sync_b["sent"]) == 1, sync_b
        xasoctl(a, "sync")
        xasoctl(b, "sync")
        for db in (a, b):
            expect(digest(db), differing=0, repaired=0, recaptured=0)
        with sqlite3.connect(a) as c:
            assert c.execute("SELECT count(*) FROM calendar_day WHERE id = ?", (extra[0],)).fetchone()[0] == 1
        ok("after a sync the extra row reached the server and the other desktop; both match the server again")
    finally:
        # The demo commune's database is half a gigabyte: never left behind.
        province_server.kill()
        province_server.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
