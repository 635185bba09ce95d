#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The inbox, POST /v1/inbox/dossiers, against a real xaso-server on a real
PostgreSQL, and a real desktop driven through xasoctl: system tokens added,
listed and revoked; an online dossier submitted by a portal lands in the
commune's log as two entries the server wrote; the same external id twice
makes one dossier; a token limited to one commune cannot submit to another;
bad bodies get precise errors and change nothing; and the desktop pulls the
dossier into its "to receive" queue (status 1), then receives it at the
counter like any other."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from xaso_server_fixture import COMMUNE_A, COMMUNE_B, Server, Tap, new_id, running_checksums  # noqa: E402

XASOCTL = os.environ["XASOCTL"]
tap = Tap()
server = Server(sys.argv[1], "inbox")
PATH = "/v1/inbox/dossiers"
ICT = timezone(timedelta(hours=7))


def xasoctl(db, *args, stdin=None, user=None, check=True):
    cmd = [XASOCTL, "--db", db] + (["--as", user] if user else []) + list(args)
    out = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if check and out.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr}")
    return out


def system(*args):
    result = server.admin("system", *args)
    if result.returncode != 0:
        raise AssertionError(f"system {' '.join(args)}: {result.stderr}")
    return result


def state():
    """What a refused request must leave as it was."""
    return server.psql("SELECT (SELECT count(*) FROM log) || '/' || (SELECT count(*) FROM row_field) || '/' || "
                       "(SELECT count(*) FROM inbox) || '/' || (SELECT string_agg(next::text, ',' ORDER BY "
                       "commune_code) FROM counter)")


def submission(ext, **changes):
    body = {"commune": COMMUNE_A, "external_id": ext, "procedure_code": "1.001193",
            "applicant": {"name": "Nguyễn Thị Ánh Đào", "id_number": "079301000123", "phone": "0901234567",
                          "address": "Số 5, Ấp 2, xã Tân Lập"},
            "submitted_at": "2026-11-20T08:15:00+07:00", "notes": "Nộp qua Cổng DVC tỉnh"}
    for name, value in changes.items():
        if value is None:
            body.pop(name, None)
        else:
            body[name] = value
    return body


def post(body, token, **kwargs):
    return server.request("POST", PATH, body, token=token, **kwargs)


def expect(answer, status, code, name):
    tap.equal((answer.status, answer.code), (status, code), name)


def test_systems():
    portal = system("add", "--name", "Cổng DVC tỉnh").stdout.strip()
    kiosk = system("add", "--name", "Ki-ốt xã Tân Lập", "--commune", COMMUNE_A).stdout.strip()
    tap.ok(portal.startswith("system.") and kiosk.startswith("system.") and portal != kiosk,
           "system add prints a token, once per system")
    listed = [line.split("\t") for line in system("list").stdout.splitlines()]
    tap.equal([(row[1], row[2], row[4]) for row in listed],
              [("Cổng DVC tỉnh", "*", "active"), ("Ki-ốt xã Tân Lập", COMMUNE_A, "active")],
              "system list: name, communes (* for all) and state, one line each")
    tap.ok(all(row[0] in token for row, token in zip(listed, (portal, kiosk))), "the listed id is the token's")
    secret = portal.rsplit(".", 1)[1]
    tap.equal(server.psql(f"SELECT count(*) FROM system_client WHERE token_hash LIKE '%{secret}%'"), "0",
              "the secret itself is not stored")
    bad = server.admin("system", "add", "--name", "Sai", "--commune", "80999")
    tap.ok(bad.returncode != 0 and "80999" in bad.stderr, "a system for an unknown commune is refused")
    tap.equal(len(system("list").stdout.splitlines()), 2, "and nothing of it is kept")
    return portal, kiosk, listed[1][0]


def test_lands(portal, device_token):
    before = int(server.psql(f"SELECT next FROM counter WHERE commune_code = '{COMMUNE_A}'"))
    first = post(submission("G22.80-261120-000001"), portal)
    tap.equal(first.status, 201, "a submission is taken in: 201")
    answer = first.json or {}
    tap.equal((answer.get("code"), answer.get("status"), answer.get("received_at")),
              ("G22.80-261120-000001", 1, "2026-11-20T08:15:00+07:00"),
              "the answer gives the dossier's code, status 1 and its time in the commune's zone")
    tap.equal(answer.get("server_seq"), before, "and the log position of the dossier")
    entries, checksum = server.pull_all(device_token)
    mine = [e for e in entries if e["server_seq"] >= before]
    tap.equal([(e["device_id"], e["table"], e["kind"]) for e in mine],
              [("server", "dossier", "insert"), ("server", "dossier_event", "insert")],
              "two entries the server wrote: the dossier and its event")
    dossier, event = mine[0]["fields"], mine[1]["fields"]
    tap.equal((dossier.get("status"), dossier.get("channel"), dossier.get("applicant_name"),
               dossier.get("applicant_id_number"), dossier.get("papers"), mine[0]["row"]),
              ("1", "online", "Nguyễn Thị Ánh Đào", "079301000123", "[]", answer.get("dossier_id")),
              "the dossier: status 1, online, the applicant as sent")
    tap.equal((event.get("dossier_id"), event.get("kind"), event.get("at"), event.get("note")),
              (answer.get("dossier_id"), "submitted", "2026-11-20T08:15:00+07:00", "Nộp qua Cổng DVC tỉnh"),
              "its event: submitted online at the time sent, with the notes")
    tap.equal(json.loads(event.get("data", "{}")), {"external_id": "G22.80-261120-000001", "system": "Cổng DVC tỉnh"},
              "the event says which system sent it under which code")
    tap.ok(mine[1]["hlc"] > mine[0]["hlc"] and event.get("hlc") == mine[1]["hlc"],
           "the event's clock follows the dossier's")
    tap.equal(running_checksums(entries)[-1], checksum, "the log's checksum chain holds across the server's entries")

    again = post(submission("G22.80-261120-000001", notes="Gửi lại"), portal)
    tap.equal((again.status, again.body), (200, first.body),
              "the same external id again answers the first result (200)")
    tap.equal(server.psql("SELECT count(DISTINCT row_id) FROM row_field WHERE table_name = 'dossier' "
                          "AND device_id = 'server'"), "1",
              "and adds no dossier")
    return answer


def test_refusals(portal, kiosk, device_token):
    before = state()
    expect(post(submission("K-1", commune=COMMUNE_B), kiosk), 403, "wrong_commune",
           "a token limited to commune A submitting for B: 403")
    expect(post(submission("K-1", commune="80099"), portal), 422, "unknown_commune", "an unknown commune: 422")
    expect(post(submission("K-2", procedure_code="9.999999"), portal), 422, "unknown_procedure",
           "a procedure the commune's catalogue lacks: 422")
    expect(post(submission("K-3", submitted_at="2025-01-02T08:00:00+07:00"), portal), 422, "unknown_procedure",
           "a procedure not yet valid on the day of submission: 422")
    expect(post(submission("G22.80-261120-000001"), kiosk), 409, "duplicate_code",
           "an external id another system sent: 409")
    desk_code = server.psql("SELECT value #>> '{}' FROM row_field WHERE table_name = 'dossier' AND field = 'code' "
                            "AND device_id <> 'server' LIMIT 1")
    expect(post(submission(desk_code), portal), 409, "duplicate_code", "the code of a dossier a desk received: 409")
    future = (datetime.now(ICT) + timedelta(hours=1)).isoformat(timespec="seconds")
    bad_bodies = [
        ({"commune": None}, "commune", "without a commune"),
        ({"external_id": "có dấu"}, "external_id", "an external id with other characters"),
        ({"external_id": "A" * 65}, "external_id", "an external id over 64 characters"),
        ({"procedure_code": "1001193"}, "procedure_code", "a procedure code of another shape"),
        ({"applicant": None}, "applicant", "without an applicant"),
        ({"applicant": {"id_number": "079301000123"}}, "applicant.name", "an applicant without a name"),
        ({"applicant": {"name": "Â" * 201}}, "applicant.name", "a name over 200 characters"),
        ({"applicant": {"name": "Lê Văn Bình", "id_number": "07930100012"}}, "applicant.id_number",
         "an ID number of 11 digits"),
        ({"applicant": {"name": "Lê Văn Bình", "id_number": 79301000123}}, "applicant.id_number",
         "an ID number that is not a string"),
        ({"applicant": {"name": "Lê Văn Bình", "phone": "09-0123"}}, "applicant.phone", "a phone of another shape"),
        ({"applicant": {"name": "Lê Văn Bình", "address": "x" * 501}}, "applicant.address",
         "an address over 500 characters"),
        ({"submitted_at": "2026-11-20 08:15"}, "submitted_at", "a time without its zone"),
        ({"submitted_at": future}, "submitted_at", "a time an hour in the future"),
        ({"notes": "n" * 2001}, "notes", "notes over 2000 characters"),
        ({"notes": 5}, "notes", "notes that are not text"),
    ]
    for changes, member, name in bad_bodies:
        answer = post(submission("K-4", **changes), portal)
        tap.ok(answer.status == 400 and answer.code == "bad_request" and
               f"“{member}”" in answer.json["error"]["message"],
               f"{name}: 400 bad_request naming “{member}”", answer.body.decode())
    expect(server.request("POST", PATH, b"{not json", token=portal), 400, "bad_json", "a body that is not JSON")
    expect(post(submission("K-5"), portal, content_type="text/plain"), 415, "wrong_content_type",
           "a body that is not application/json")
    expect(post(submission("K-6"), None), 401, "token_missing", "without a token")
    expect(post(submission("K-7"), device_token), 401, "token_invalid", "with a desktop's token")
    expect(post(submission("K-8"), portal[:-4] + "0000"), 401, "token_invalid", "with a wrong secret")
    expect(server.request("GET", PATH, token=portal), 405, "method_not_allowed", "GET on the inbox")
    tap.equal(state(), before, "none of them wrote anything")


def test_revoke(kiosk, kiosk_id):
    taken = post(submission("KIOSK-0001"), kiosk)
    tap.equal(taken.status, 201, "the kiosk submits to its own commune")
    system("revoke", kiosk_id)
    before = state()
    expect(post(submission("KIOSK-0002"), kiosk), 401, "token_invalid", "a revoked token: 401")
    tap.equal(state(), before, "and nothing is written")
    listed = {row.split("\t")[0]: row.split("\t")[4] for row in system("list").stdout.splitlines()}
    tap.equal(listed[kiosk_id], "revoked", "system list shows it revoked")
    wrong = server.admin("system", "revoke", new_id())
    tap.ok(wrong.returncode != 0 and wrong.stderr.strip(), "revoking an unknown system says so")


def desktop(work):
    db = os.path.join(work, "a", "xaso.db")
    xasoctl(db, "init", "--code", COMMUNE_A, "--name", "Xã Tân Lập", "--province-code", "80", "--province",
            "Tây Ninh", "--agency-id", "000.00.01.H80", "--admin", "quantri", "--admin-name", "Trần Văn Quản",
            "--password-stdin", stdin="mat-khau-quan-tri\n")
    xasoctl(db, "user", "add", "tiepnhan", "--name", "Lê Thị Nhận", "--role", "tiep_nhan", "--password-stdin",
            stdin="mat-khau-tiep-nhan\n", user="quantri")
    catalogue = os.path.join(os.environ["XASO_SOURCE_DIR"], "data", "seed", "procedures.json")
    xasoctl(db, "procedure", "import", catalogue, user="quantri")
    # A dossier received at the counter, whose code the inbox must not take.
    xasoctl(db, "dossier", "receive", "--procedure", "1.001193", "--applicant-name", "Nguyễn Thị Ánh Đào",
            "--papers", "all", user="tiepnhan")
    url = f"https://127.0.0.1:{server.port}"
    xasoctl(db, "sync", "enroll", "--server", url, "--code", server.enroll_code(COMMUNE_A), "--ca", server.ca)
    xasoctl(db, "sync", "--report")
    return db


def sync_report(db):
    report = dict(line.split("\t", 1) for line in xasoctl(db, "sync", "--report").stdout.splitlines()
                  if "\t" in line)
    return {k: v.strip() for k, v in report.items()}


def test_desktop(db, answer):
    report = sync_report(db)
    tap.equal(report.get("rejected"), "0", "the desktop syncs without a rejection")
    queue = [line.split("\t") for line in xasoctl(db, "dossier", "list", "--queue", "to-receive").stdout.splitlines()]
    codes = {row[1]: row for row in queue}
    tap.ok("G22.80-261120-000001" in codes and codes["G22.80-261120-000001"][2] == "1" and
           codes["G22.80-261120-000001"][3] == "Nguyễn Thị Ánh Đào",
           "xasoctl lists the submitted dossier in the to-receive queue with status 1", queue)
    with sqlite3.connect(db) as c:
        rows = c.execute("SELECT channel, applicant_folded FROM dossier WHERE applicant_name = 'Nguyễn Thị Ánh Đào' "
                         "AND (channel = 'direct' OR code = 'G22.80-261120-000001') ORDER BY channel").fetchall()
    tap.equal([r[0] for r in rows], ["direct", "online"], "the desktop holds its own dossier and the submitted one")
    tap.equal(rows[0][1], rows[1][1], f"the server folds the applicant's name as the desktop does ({rows[0][1]})")
    shown = xasoctl(db, "dossier", "show", answer["dossier_id"], user="tiepnhan").stdout
    tap.ok("submitted" in shown or "Submitted online" in shown or "trực tuyến" in shown,
           "its history shows it was submitted online", shown)
    step = xasoctl(db, "dossier", "event", answer["dossier_id"], "receive", user="tiepnhan")
    tap.ok(step.stdout.startswith("2\t"), "the counter receives it: status 2", step.stdout + step.stderr)
    report = sync_report(db)
    tap.ok(int(report.get("sent", 0)) >= 1 and report.get("rejected") == "0",
           "the reception goes up to the server and is not refused", report)
    status = dict(line.split("\t", 1) for line in xasoctl(db, "sync", "status").stdout.splitlines() if "\t" in line)
    tap.equal(status.get("synced"), "yes", "and the desktop says synced: its log and the server's agree")


def main():
    work = tempfile.mkdtemp(prefix="xaso-inbox-")
    try:
        server.setup()
        server.start()
        portal, kiosk, kiosk_id = test_systems()
        db = desktop(work)
        device_token = server.enroll(COMMUNE_A, new_id(), "Máy thử")
        answer = test_lands(portal, device_token)
        test_refusals(portal, kiosk, device_token)
        test_revoke(kiosk, kiosk_id)
        test_desktop(db, answer)
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
