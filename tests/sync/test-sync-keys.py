#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sensitive scans between two desktops of one commune (PROTOCOL.md, "Keys"),
against a real xaso-server on a real PostgreSQL over loopback TLS, driven
through xasoctl: a scan encrypted at desk A with A's key goes up as a blob
and A's key goes to the server; desk B, which never made a key, fetches it,
keeps it apart from any key of its own, and opens the scan; B's own scan
opens at A the same way; an encrypted blob damaged on the server is refused
at download (its keyed name is redone) and is not put in place. Each desktop
has a config folder of its own, as two computers have, and keeps its keys
in files there (XASO_KEYRING=file: no Secret Service here)."""

import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "sync"))
from xaso_server_fixture import COMMUNE_A, Server  # noqa: E402
from xaso_desktop import ok, table, xasoctl  # noqa: E402

SERVER, HELPER = sys.argv[1], sys.argv[2]
os.environ["XASO_KEYRING"] = "file"


class Desk:
    def __init__(self, work, name):
        self.db = os.path.join(work, name, "xaso.db")
        self.config = os.path.join(work, name + "-config")
        self.env = {"XDG_CONFIG_HOME": self.config}

    def run(self, *args, **kwargs):
        return xasoctl(self.db, *args, env=self.env, **kwargs)

    def sync(self, env=None):
        out = xasoctl(self.db, "sync", "--report", env=dict(self.env, **(env or {})))
        return table(out.stdout), out.stderr

    def helper(self, *args, check=True):
        out = subprocess.run([HELPER, args[0], self.db, *args[1:]], capture_output=True, text=True,
                             env=dict(os.environ, **self.env))
        if check and out.returncode != 0:
            raise AssertionError(f"{HELPER} {args} failed: {out.stderr}")
        return out

    def attach_scan(self, owner, path):
        """Attaches @path encrypted to document @owner; (attachment id, blob name)."""
        return tuple(self.helper("attach", "document", owner, path).stdout.strip().split("\t"))

    def read(self, attachment_id, out):
        return self.helper("read", attachment_id, out, check=False)

    def keys(self):
        folder = os.path.join(self.config, "xaso", "keys")
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []

    def blob(self, name):
        return os.path.join(os.path.dirname(self.db), "files", name[:2], name)


def setup(province, url, work):
    a, b = Desk(work, "a"), Desk(work, "b")
    a.run("init", "--code", COMMUNE_A, "--name", "Xã Tân Lập", "--province-code", "80", "--province", "Tây Ninh",
          "--agency-id", "000.00.01.H80", "--admin", "quantri", "--admin-name", "Trần Văn Quản",
          "--password-stdin", stdin="mat-khau-quan-tri\n")
    a.run("sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca)
    for user, name, role in (("tuphap", "Lê Thị Tư", "chuyen_vien"), ("chutich", "Nguyễn Văn Chủ", "lanh_dao")):
        a.run("user", "add", user, "--name", name, "--role", role, "--password-stdin",
              stdin="mat-khau-dai-1\n", user="quantri")
    a.sync()
    b.run("sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca)
    b.sync()
    return a, b


def document(desk, work, subject):
    """A draft outgoing document to attach scans to; its id."""
    path = os.path.join(work, subject + ".pdf")
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4 " + subject.encode())
    out = desk.run("doc", "outgoing", "add", "--type", "CV", "--subject", subject, "--signer", "chutich",
                   "--file", path, user="tuphap")
    return out.stdout.strip().split("\t", 1)[0]


def scan_file(work, name, size=300_000):
    path = os.path.join(work, name)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + os.urandom(size))
    return path


def read_back(desk, attachment_id, work):
    out = os.path.join(work, "opened-" + attachment_id)
    result = desk.read(attachment_id, out)
    assert result.returncode == 0, f"could not open the scan: {result.stderr}"
    with open(out, "rb") as f:
        return f.read()


def main():
    if not os.environ.get("XASO_TEST_PG"):
        print("1..0 # SKIP XASO_TEST_PG is not set")
        return 0
    print("1..5", flush=True)
    province = Server(SERVER, "sync_keys")
    province.setup()
    province.start()
    url = f"https://127.0.0.1:{province.port}"
    try:
        with tempfile.TemporaryDirectory() as work:
            a, b = setup(province, url, work)

            doc = document(a, work, "Về việc cấp bản sao")
            scan = scan_file(work, "cccd-mat-truoc.png")
            scan_id, scan_name = a.attach_scan(doc, scan)
            with open(a.blob(scan_name), "rb") as f:
                assert f.read(6) == b"XASOEF", "the scan is stored encrypted at desk A"
            report, _ = a.sync()
            assert int(report["uploaded"]) >= 1, report
            assert province.psql("SELECT count(*) FROM commune_key") == "1"
            a.sync()
            assert province.psql("SELECT count(*) FROM commune_key") == "1"
            ok("desk A's scan goes up encrypted, and A's key goes to the server once")

            report, _ = b.sync()
            assert int(report["downloaded"]) >= 1, report
            assert os.path.exists(b.blob(scan_name)), "the encrypted scan reached desk B"
            assert [k for k in b.keys() if not k.endswith("-commune.keys")] == [], \
                f"desk B made no key of its own, nor was A's kept as B's own: {b.keys()}"
            assert f"{COMMUNE_A}-commune.keys" in b.keys(), b.keys()
            with open(scan, "rb") as f:
                plain = f.read()
            assert read_back(b, scan_id, work) == plain, "desk B opens the scan as A attached it"
            ok("desk B fetches A's key, keeps it as a key of the commune, and opens A's scan")

            report, _ = b.sync()
            assert report.get("downloaded", "0") == "0", report
            with open(os.path.join(b.config, "xaso", "keys", f"{COMMUNE_A}-commune.keys")) as f:
                assert len(f.read().split()) == 1, "A's key is kept once however often B syncs"
            ok("syncing again keeps the commune's key once")

            # B's own scan: B makes a key, gives it, and A opens the scan.
            doc_b = document(b, work, "Về việc xác nhận cư trú")
            scan_b = scan_file(work, "cccd-mat-sau.png", 50_000)
            scan_b_id, _ = b.attach_scan(doc_b, scan_b)
            assert len([k for k in b.keys() if k.endswith(".key")]) == 1, b.keys()
            b.sync()
            assert province.psql("SELECT count(*) FROM commune_key") == "2"
            a.sync()
            with open(scan_b, "rb") as f:
                assert read_back(a, scan_b_id, work) == f.read(), "desk A opens B's scan"
            assert read_back(a, scan_id, work) == plain, "and still its own, with its own key"
            ok("desk B's own scan, under B's own key, opens at desk A")

            # A scan damaged on the server: B refuses it at download.
            doc_c = document(a, work, "Về việc tệp hỏng")
            damaged_scan = scan_file(work, "giay-khai-sinh.png", 20_000)
            damaged_id, damaged_name = a.attach_scan(doc_c, damaged_scan)
            a.sync()
            province.psql("UPDATE blob_chunk SET data = overlay(data placing '\\x5a5a'::bytea from 200 for 2) "
                          f"WHERE name = '{damaged_name}'")
            report, stderr = b.sync()
            assert not os.path.exists(b.blob(damaged_name)), "the damaged scan was not put in place"
            assert not os.path.exists(b.blob(damaged_name) + ".part"), "its download was discarded"
            with sqlite3.connect(b.db) as c:
                last_error = c.execute("SELECT last_error FROM blob_transfer WHERE name = ?",
                                       (damaged_name,)).fetchone()[0]
            assert damaged_name in last_error and damaged_name in stderr, (last_error, stderr)
            result = b.read(damaged_id, os.path.join(work, "never"))
            assert result.returncode != 0, "a scan never downloaded does not open"
            ok("an encrypted scan damaged on the server is refused at download, with a clear error")

    finally:
        province.kill()
        province.drop_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
