#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Attachment blobs between two desktops of one commune, against a real
xaso-server on a real PostgreSQL over loopback TLS, driven through xasoctl
(PROTOCOL.md, "Blobs"): an op naming a file the server lacks is held, not
failed, while the server is away, and goes once the file is uploaded; the
other desktop gets the same bytes; the same bytes attached again are not
sent again; an upload and a download cut half-way (the process killed) go
on where they stopped (sync-anchors.md T7)."""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "sync"))
from xaso_server_fixture import COMMUNE_A  # noqa: E402
from xaso_desktop import init_commune, ok, start_province, table, xasoctl  # noqa: E402

XASOCTL = os.environ["XASOCTL"]
SERVER = sys.argv[1]
MIB = 1024 * 1024


def sync(db, check=True):
    out = xasoctl(db, "sync", "--report", check=check)
    return table(out.stdout), out


def status(db):
    return table(xasoctl(db, "sync", "status").stdout)


def attach(db, path, subject):
    """Drafts an outgoing document with @path as its file (any desktop may,
    unlike registering one); returns the blob's name (attachment.sha256)."""
    out = xasoctl(db, "doc", "outgoing", "add", "--type", "CV", "--subject", subject, "--signer", "chutich",
                  "--file", path, user="tuphap")
    doc = out.stdout.strip().split("\t", 1)[0]
    with sqlite3.connect(db) as c:
        return c.execute("SELECT sha256 FROM attachment WHERE owner_table = 'document' AND owner_id = ?",
                         (doc,)).fetchone()[0]


def blob_path(db, name):
    return os.path.join(os.path.dirname(db), "files", name[:2], name)


def token(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT value FROM sync_state WHERE key = 'sync.token'").fetchone()[0]


def upload_offset(province, db, name):
    answer = province.request("HEAD", f"/v1/blobs/{name}", token=token(db))
    if answer.status == 200:
        return None
    return int(answer.headers.get("upload-offset", "0"))


def server_blobs(province):
    """How many blobs the server stores whole, however it names its table."""
    return int(province.psql("SELECT count(*) FROM blob WHERE complete"))


def bytes_received(province):
    """Blob bytes the server kept from uploads, as its metrics count them."""
    for line in province.request("GET", "/v1/metrics").raw.decode().splitlines():
        if line.startswith("xaso_blob_bytes_received_total "):
            return int(float(line.split()[1]))
    raise AssertionError("no xaso_blob_bytes_received_total in the metrics")


def started(db, *args, speed):
    env = dict(os.environ, XASO_SYNC_MAX_SPEED=str(speed))
    return subprocess.Popen([XASOCTL, "--db", db, "sync", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(what, condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def setup_desktops(province, url, work):
    a, b = (os.path.join(work, n, "xaso.db") for n in "ab")
    init_commune(a)
    xasoctl(a, "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca)
    for user, name, role in (("tuphap", "Lê Thị Tư", "chuyen_vien"), ("chutich", "Nguyễn Văn Chủ", "lanh_dao")):
        xasoctl(a, "user", "add", user, "--name", name, "--role", role, "--password-stdin",
                stdin="mat-khau-dai-1\n", user="quantri")
    sync(a)
    xasoctl(b, "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca)
    sync(b)
    return a, b


def main():
    province = start_province(SERVER, "sync_blobs", 7)
    if province is None:
        return 0
    url = f"https://127.0.0.1:{province.port}"
    work = tempfile.mkdtemp(prefix="xaso-sync-blobs-")
    try:
        a, b = setup_desktops(province, url, work)

        scan = os.path.join(work, "giay-khai-sinh.pdf")
        with open(scan, "wb") as f:
            f.write(b"%PDF-1.4\n" + os.urandom(300 * 1024))
        name = attach(a, scan, "Về việc cấp giấy khai sinh")
        province.terminate()
        report, out = sync(a, check=False)
        assert out.returncode != 0 and out.stderr.strip(), out
        st = status(a)
        assert st["held"] == "1" and st["uploads"] == "1" and int(st["waiting"]) >= 2, st
        assert open(blob_path(a, name), "rb").read() == open(scan, "rb").read()
        ok("with the server away, the attachment's op is held (held 1) and its file listed as an upload to come (uploads 1), not failed, and the file stays")

        province.start_again()
        report, _ = sync(a)
        st = status(a)
        assert report["uploaded"] == "1" and int(report["rejected"]) == 0, report
        assert st["held"] == "0" and st["waiting"] == "0" and st["uploads"] == "0", st
        assert upload_offset(province, a, name) is None, "the server does not hold the blob whole"
        ok("the server back, the file is uploaded first, then the held op and those after it go")

        report, _ = sync(b)
        st = status(b)
        assert report["downloaded"] == "1" and st["downloads"] == "0", (report, st)
        assert open(blob_path(b, name), "rb").read() == open(scan, "rb").read()
        assert not os.path.exists(blob_path(b, name) + ".part")
        ok("the other desktop pulls the row and fetches a byte-identical file")

        kept = bytes_received(province)
        again = attach(b, scan, "Về việc cấp bản sao")
        assert again == name
        report, _ = sync(b)
        assert report["uploaded"] == "1" and status(b)["held"] == "0", report
        assert bytes_received(province) == kept, "the same bytes were sent again"
        assert server_blobs(province) == 1
        ok("the same bytes attached again on the other desktop are not sent again: the server keeps one blob")

        # T7: an upload cut half-way goes on from the server's offset.
        big = os.path.join(work, "ho-so-quet.pdf")
        with open(big, "wb") as f:
            f.write(os.urandom(5 * MIB))
        big_name = attach(a, big, "Về việc số hóa hồ sơ")
        kept_before = bytes_received(province)
        cuts = 0
        for speed in (MIB, MIB):
            p = started(a, speed=speed)
            before = upload_offset(province, a, big_name)

            def grew():
                now = upload_offset(province, a, big_name)
                return now is None or now > before
            wait_for("a chunk to arrive", grew)
            p.send_signal(signal.SIGKILL)
            p.wait()
            cuts += 1
        st = status(a)
        assert st["held"] == "1" and st["uploads"] == "1", st
        kept = upload_offset(province, a, big_name)
        assert kept is not None and 0 < kept < 5 * MIB and kept % MIB == 0, kept
        report, _ = sync(a)
        assert report["uploaded"] == "1" and status(a)["held"] == "0", report
        sent = bytes_received(province) - kept_before
        assert 5 * MIB <= sent <= (5 + cuts) * MIB, f"{sent} bytes kept for a 5 MiB file cut {cuts} times"
        assert int(province.psql(f"SELECT count(*) FROM blob_chunk WHERE name = '{big_name}'")) == 5
        ok(f"a 5 MiB upload killed {cuts} times goes on from the server's offset: {sent} bytes taken in all")

        # ... and a download cut half-way goes on from its .part.
        part = blob_path(b, big_name) + ".part"
        p = started(b, speed=MIB)
        wait_for("the .part to grow", lambda: os.path.exists(part) and os.path.getsize(part) >= MIB)
        p.send_signal(signal.SIGKILL)
        p.wait()
        had = os.path.getsize(part)
        assert not os.path.exists(blob_path(b, big_name)) and status(b)["downloads"] == "1"
        report, _ = sync(b)
        assert report["downloaded"] == "1", report
        assert open(blob_path(b, big_name), "rb").read() == open(big, "rb").read()
        assert int(report["bytes_in"]) < 5 * MIB - had + 64 * 1024, (report, had)
        ok(f"a 5 MiB download killed after {had} bytes resumes from its .part and ends byte-identical")

        # A file lost here holds nothing back; the other desktop waits for it.
        lost = os.path.join(work, "bi-mat.pdf")
        with open(lost, "wb") as f:
            f.write(os.urandom(4096))
        lost_name = attach(a, lost, "Về việc tệp bị mất")
        os.unlink(blob_path(a, lost_name))
        report, _ = sync(a)
        assert report["uploaded"] == "0" and status(a)["held"] == "0" and status(a)["waiting"] == "0", report
        report, _ = sync(b)
        st = status(b)
        assert report["downloaded"] == "0" and st["downloads"] == "1" and st.get("last_error", "") == "", (report, st)
        with sqlite3.connect(b) as c:
            assert c.execute("SELECT state FROM blob_transfer WHERE name = ?", (lost_name,)).fetchone()[0] == "waiting"
        ok("an op naming a file lost on its desktop is not held; the other desktop waits for the file, no error")
    finally:
        province.kill()
        province.drop_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
