#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The province's accounts on the server, against a real xaso-server on a
real PostgreSQL and a real desktop driven through xasoctl: the accounts a
standalone commune made before enrolling go up on its first sync and
`xaso-server user list` shows them; `xaso-server user add` writes an account
the desktop pulls with its roles and a password verifier the desktop's
scheme accepts, so the holder can act on that desktop; bad input is refused
and writes nothing."""

import base64
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from xaso_server_fixture import COMMUNE_A, COMMUNE_B, Server, Tap, new_id, op  # noqa: E402

XASOCTL = os.environ["XASOCTL"]
tap = Tap()
server = Server(sys.argv[1], "users")


def xasoctl(db, *args, stdin=None, user=None, check=True):
    cmd = [XASOCTL, "--db", db] + (["--as", user] if user else []) + list(args)
    out = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if check and out.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr}")
    return out


def user_list(commune):
    result = server.admin("user", "list", "--commune", commune)
    if result.returncode != 0:
        raise AssertionError("user list: " + result.stderr)
    return [tuple(line.split("\t")) for line in result.stdout.splitlines()]


def log_size():
    return server.psql("SELECT count(*) || '/' || (SELECT count(*) FROM row_field) FROM log")


def verifier_accepts(verifier, password):
    """Core's check (xaso-password.c), written again with Python's own PBKDF2."""
    scheme, iterations, salt, digest = verifier.split("$")
    derived = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    return scheme == "pbkdf2-sha256" and int(iterations) >= 600000 and derived == base64.b64decode(digest)


def desktop_users(db):
    with sqlite3.connect(db) as c:
        return {row[0]: row[1:] for row in
                c.execute("SELECT username, full_name, roles, active, password_verifier FROM user")}


def sync(db):
    report = dict(line.split("\t", 1) for line in xasoctl(db, "sync", "--report").stdout.splitlines() if "\t" in line)
    return {k: v.strip() for k, v in report.items()}


def account_ids(db):
    with sqlite3.connect(db) as c:
        return dict(c.execute("SELECT username, id FROM user"))


def base(row):
    return int(server.psql(f"SELECT version FROM row_field WHERE row_id = '{row}' AND field = 'password_verifier'"))


def test_rights(ids):
    """The server's second wall (DESIGN.md §4.6): ops pushed straight to it,
    as a desktop that skipped core's checks would."""
    device = new_id()
    token = server.enroll(COMMUNE_A, device, "Máy thử quyền")
    procedure = {"code": "9.000001", "version": 1, "name": "Thủ tục thử", "time_unit": "working_days",
                 "valid_from": "2025-07-01"}
    ops = [op(1, new_id(), "insert", procedure, table="procedure", actor="vanthu"),
           op(2, new_id(), "insert", procedure, table="procedure", actor="quantri"),
           op(3, ids["vanthu"], "update", {"password_verifier": ("x", None, base(ids["vanthu"]))}, table="user",
              actor="vanthu"),
           op(4, ids["quantri"], "update", {"password_verifier": ("y", None, 0)}, table="user", actor="vanthu"),
           op(5, ids["vanthu"], "update", {"roles": ("van_thu,quan_tri", None, 0)}, table="user", actor="vanthu"),
           op(6, new_id(), "insert", {"full_name": "Hồ Văn Dân"}, table="person", actor="vanthu"),
           op(7, new_id(), "insert", {"kind": "received"}, table="dossier_event", actor="tiepnhan"),
           op(8, new_id(), "insert", {"kind": "received"}, table="dossier_event", actor="quantri"),
           op(9, new_id(), "insert", procedure, table="procedure", actor="xaso-seed"),
           op(10, new_id(), "insert", {"status": 1}, table="dossier", actor="khong-ai-ca"),
           op(11, ids["vanthu"], "update", {"roles": ("van_thu,quan_tri", None, 0)}, table="user",
              actor="xaso-seed"),
           op(12, new_id(), "insert", {"username": "ke-mao-danh", "roles": "quan_tri"}, table="user",
              actor="ke-mao-danh")]
    receipts = server.push(token, device, ops).json["receipts"]
    outcomes = [r["outcome"] for r in receipts]
    tap.equal(outcomes, ["rejected", "applied", "applied", "rejected", "rejected", "applied", "applied", "rejected",
                         "applied", "rejected", "rejected", "rejected"],
              "each op is checked against its actor's roles on the server; an actor with no account writes "
              "no guarded table, the seed only inserts, and no one makes themselves an administrator")
    refused = [r for r in receipts if r["outcome"] == "rejected"]
    tap.ok(all(r["reason_code"] == "forbidden" for r in refused), "a refusal is `forbidden`", refused)
    tap.equal(refused[0]["reason"], "Tài khoản “vanthu” không có quyền thay đổi danh mục thủ tục: việc này dành "
              "cho vai trò Quản trị.", "with the reason in Vietnamese, naming who may")
    tap.equal(server.psql("SELECT string_agg(seq::text, ',' ORDER BY seq) FROM quarantine WHERE reason_code = "
                          f"'forbidden' AND device_id = '{device}'"), "1,4,5,8,10,11,12",
              "the refused ops are kept in quarantine")
    tap.equal(server.psql(f"SELECT count(*) FROM row_head WHERE row_id = '{ops[0]['row']}'"), "0",
              "a refused insert leaves no row behind")


def main():
    work = tempfile.mkdtemp(prefix="xaso-users-")
    db = os.path.join(work, "a", "xaso.db")
    try:
        server.setup()
        server.start()
        xasoctl(db, "init", "--code", COMMUNE_A, "--name", "Xã Tân Lập", "--province-code", "80", "--province",
                "Tây Ninh", "--agency-id", "000.00.01.H80", "--admin", "quantri", "--admin-name", "Trần Văn Quản",
                "--password-stdin", stdin="mat-khau-quan-tri\n")
        xasoctl(db, "user", "add", "vanthu", "--name", "Lê Thị Văn", "--role", "van_thu", "--password-stdin",
                stdin="mat-khau-van-thu\n", user="quantri")
        xasoctl(db, "sync", "enroll", "--server", f"https://127.0.0.1:{server.port}",
                "--code", server.enroll_code(COMMUNE_A), "--ca", server.ca)
        tap.equal(sync(db).get("rejected"), "0", "a standalone commune's first sync is taken whole")
        tap.equal(user_list(COMMUNE_A), [("quantri", "Trần Văn Quản", "quan_tri", "1"),
                                         ("vanthu", "Lê Thị Văn", "van_thu", "1")],
                  "the accounts it made before enrolling went up: user list shows them from the server's rows")
        tap.equal(user_list(COMMUNE_B), [], "another commune lists none of them")

        password_file = os.path.join(work, "mat-khau")
        with open(password_file, "w") as f:
            f.write("tiep-nhan-2026\nthis second line is not part of it\n")
        before = log_size()
        start = time.monotonic()
        added = server.admin("user", "add", "--commune", COMMUNE_A, "--username", "tiepnhan", "--name",
                             "Nguyễn Thị Nhận", "--role", "tiep_nhan", "--password-file", password_file)
        seconds = time.monotonic() - start
        tap.ok(added.returncode == 0 and re.fullmatch(r"[0-9a-f-]{36}\n", added.stdout),
               f"user add prints the new account's id ({seconds:.1f} s with the key derivation)", added.stderr)
        account_id = added.stdout.strip()
        tap.equal(server.psql(f"SELECT device_id || ' ' || (entry::json->>'actor') FROM log WHERE (entry::json->>'row') "
                              f"= '{account_id}'"), "server xaso-server", "it is an entry the server wrote")
        several = server.admin("user", "add", "--commune", COMMUNE_A, "--username", "pho.chu.tich", "--name",
                               "Đỗ Văn Lãnh", "--role", "lanh_dao, van_thu")
        lines = several.stdout.splitlines()
        tap.ok(several.returncode == 0 and len(lines) == 2 and re.fullmatch(r"[A-Z]{16}", lines[1]),
               "without a password file one is made and printed once after the id", several.stdout + several.stderr)
        made_password = lines[1] if len(lines) == 2 else ""
        tap.equal(user_list(COMMUNE_A), [("pho.chu.tich", "Đỗ Văn Lãnh", "van_thu,lanh_dao", "1"),
                                         ("quantri", "Trần Văn Quản", "quan_tri", "1"),
                                         ("tiepnhan", "Nguyễn Thị Nhận", "tiep_nhan", "1"),
                                         ("vanthu", "Lê Thị Văn", "van_thu", "1")],
                  "user list shows the new accounts, roles in the desktop's order")

        after_adds = log_size()
        refused = [
            (["--username", "vanthu", "--name", "Người Khác", "--role", "van_thu"], "already has", "a username taken"),
            (["--username", "Nguyen", "--name", "Nguyễn An", "--role", "van_thu"], "username", "a username in capitals"),
            (["--username", "an", "--name", "Nguyễn An", "--role", "van_thu"], "username", "a username too short"),
            (["--username", "nguyen.an", "--name", "Nguyễn An", "--role", "thu_ky"], "thu_ky", "an unknown role"),
            (["--username", "nguyen.an", "--name", "Nguyễn An"], "role", "no role"),
            (["--username", "nguyen.an", "--role", "van_thu"], "name", "no name"),
        ]
        for args, words, name in refused:
            result = server.admin("user", "add", "--commune", COMMUNE_A, *args)
            tap.ok(result.returncode != 0 and words in result.stderr, f"{name} is refused, saying why", result.stderr)
        with open(password_file, "w") as f:
            f.write("ngan\n")
        short = server.admin("user", "add", "--commune", COMMUNE_A, "--username", "nguyen.an", "--name", "Nguyễn An",
                             "--role", "van_thu", "--password-file", password_file)
        tap.ok(short.returncode != 0 and "8" in short.stderr, "a password under 8 characters is refused", short.stderr)
        nowhere = server.admin("user", "add", "--commune", "80099", "--username", "nguyen.an", "--name", "Nguyễn An",
                               "--role", "van_thu")
        tap.ok(nowhere.returncode != 0 and "80099" in nowhere.stderr, "an unknown commune is refused", nowhere.stderr)
        tap.equal(log_size(), after_adds, "none of them wrote anything")
        tap.ok(before != after_adds, "while the two accounts added did")

        report = sync(db)
        tap.ok(int(report.get("pulled", 0)) >= 2 and report.get("rejected") == "0", "the desktop pulls them", report)
        users = desktop_users(db)
        tap.equal(users.get("tiepnhan", ())[:3], ("Nguyễn Thị Nhận", "tiep_nhan", 1),
                  "the account arrived on the desktop with its name, role and active")
        tap.ok(verifier_accepts(users["tiepnhan"][3], "tiep-nhan-2026") and
               not verifier_accepts(users["tiepnhan"][3], "tiep-nhan-2027"),
               "its password verifier accepts the password from the file, and only it")
        tap.ok(verifier_accepts(users["pho.chu.tich"][3], made_password), "and the made one for the other account")
        listed = [line.split("\t")[0] for line in xasoctl(db, "user", "list", user="quantri").stdout.splitlines()]
        tap.ok("tiepnhan" in listed and "pho.chu.tich" in listed, "xasoctl user list shows them", listed)
        catalogue = os.path.join(os.environ["XASO_SOURCE_DIR"], "data", "seed", "procedures.json")
        xasoctl(db, "procedure", "import", catalogue, user="quantri")
        received = xasoctl(db, "dossier", "receive", "--procedure", "1.001193", "--applicant-name", "Phạm Văn Hòa",
                           "--papers", "all", user="tiepnhan", check=False)
        tap.ok(received.returncode == 0, "the pulled reception account may receive a dossier on the desktop",
               received.stderr)
        denied = xasoctl(db, "dossier", "receive", "--procedure", "1.001193", "--applicant-name", "Phạm Văn Hòa",
                         "--papers", "all", user="vanthu", check=False)
        tap.ok(denied.returncode != 0, "while a clerk may not: the role came with it", denied.stdout)
        report = sync(db)
        tap.equal(report.get("rejected"), "0", "and the dossier it received goes up")
        status = dict(line.split("\t", 1) for line in xasoctl(db, "sync", "status").stdout.splitlines() if "\t" in line)
        tap.equal(status.get("synced"), "yes", "the desktop says synced")
        test_rights(account_ids(db))
    except Exception:
        import traceback
        tap.ok(False, "the test ran to its end", traceback.format_exc())
        if server.process:
            print("# server log:\n# " + server.server_log().replace("\n", "\n# "), flush=True)
    finally:
        server.kill()
        server.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
