#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Document states folded from their events (issue 11), against a real
xaso-server on a real PostgreSQL over loopback TLS, driven through xasoctl:
two desktops move the same incoming documents while apart, then both sync.
Two leaders direct one document to different officials: both directives
are kept and the later one leads. An official finishes another document
while a leader, elsewhere, directs it after that: the directive is kept in
the history, flagged, and changes nothing; both desktops list it as
needing review. Both desktops end with the same
state and every event, and no field conflict: the state travels as events."""

import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "server"))
sys.path.insert(0, os.path.join(os.environ["XASO_SOURCE_DIR"], "tests", "sync"))
from xaso_server_fixture import COMMUNE_A  # noqa: E402
from xaso_desktop import init_commune, ok, start_province, sync, table, xasoctl  # noqa: E402

SERVER = sys.argv[1]
ICT = timezone(timedelta(hours=7))
STATE = ("status, lead_user_id, deadline, lead_unit, co_handlers, directive, progress, transferred_date, "
         "signed_date, sealed_date")


def query(db, sql, *params):
    with sqlite3.connect(db) as c:
        return c.execute(sql, params).fetchall()


def user_id(db, username):
    return query(db, "SELECT id FROM user WHERE username = ?", username)[0][0]


def register(db, n):
    out = xasoctl(db, "doc", "incoming", "add", "--issuer", "Sở Nội vụ", "--notation", f"{n}/CV-SNV",
                  "--date", datetime.now(ICT).strftime("%Y-%m-%d"), "--subject", f"Công văn số {n}", user="vanthu")
    return out.stdout.split("\t")[0].strip()


def show(db, doc):
    """The document's fields and its history, as `xasoctl doc show` prints
    them (without --as, which would add a view to the history)."""
    lines = xasoctl(db, "doc", "show", doc).stdout.splitlines()
    fields = table("\n".join(line for line in lines if not line.startswith("event\t")))
    events = [line.split("\t")[1:] for line in lines if line.startswith("event\t")]
    return fields, events


def main():
    province = start_province(SERVER, "sync_docstate", 6)
    if province is None:
        return 0
    url = f"https://127.0.0.1:{province.port}"
    work = tempfile.mkdtemp(prefix="xaso-sync-docstate-")
    a, b = (os.path.join(work, n, "xaso.db") for n in "ab")
    try:
        init_commune(a)
        for user, role in (("vanthu", "van_thu"), ("chutich", "lanh_dao"), ("phochutich", "lanh_dao"),
                           ("tuphap", "chuyen_vien"), ("vanhoa", "chuyen_vien")):
            xasoctl(a, "user", "add", user, "--name", f"Người {user}", "--role", role, "--password-stdin",
                    stdin="mat-khau-1\n", user="quantri")
        xasoctl(a, "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca)
        xasoctl(a, "sync", "lease", "incoming", "--year", str(datetime.now(ICT).year))
        both, contradicted = register(a, 1), register(a, 2)
        sync(a)
        xasoctl(b, "sync", "enroll", "--server", url, "--code", province.enroll_code(COMMUNE_A), "--ca", province.ca)
        sync(b)
        assert show(b, both)[0]["status"] == "registered", show(b, both)
        ok("desktop A registers two documents; B has them")

        # Apart: A's leader directs the first to tuphap, then B's deputy to
        # vanhoa; tuphap, on A, finishes the second, then B's deputy directs
        # it to vanhoa.
        first, second = "2026-12-20", "2026-12-28"
        xasoctl(a, "doc", "direct", both, "--lead", "tuphap", "--deadline", first, "--note", "Chủ tịch giao",
                user="chutich")
        xasoctl(a, "doc", "direct", contradicted, "--lead", "tuphap", "--deadline", first, user="chutich")
        xasoctl(a, "doc", "finish", contradicted, "--note", "Đã trả lời Sở", user="tuphap")
        xasoctl(b, "doc", "direct", both, "--lead", "vanhoa", "--unit", "Văn hóa", "--deadline", second,
                "--note", "Phó chủ tịch giao", user="phochutich")
        xasoctl(b, "doc", "direct", contradicted, "--lead", "vanhoa", "--deadline", second, user="phochutich")
        assert show(b, contradicted)[0]["status"] == "directed"
        reports = [sync(a), sync(b), sync(a)]
        assert all(r["conflict"] == "0" for r in reports), reports
        ok("both desktops sync their moves: every op applied or merged, none a conflict")

        for doc in (both, contradicted):
            on_a, on_b = show(a, doc), show(b, doc)
            assert on_a == on_b, f"A: {on_a}\nB: {on_b}"
            assert query(a, f"SELECT {STATE} FROM document WHERE id = ?", doc) == \
                query(b, f"SELECT {STATE} FROM document WHERE id = ?", doc)
        ok("both desktops hold the same state and the same history of each document")

        fields, events = show(a, both)
        directed = [e for e in events if e[1] == "directed"]
        assert [e[3] for e in directed] == ["Người tuphap", "Người vanhoa"], events
        assert not any(len(e) > 5 for e in events) and "needs_review" not in fields, (fields, events)
        assert (fields["status"], fields["lead_user_id"], fields["deadline"], fields["lead_unit"],
                fields["directive"]) == ("directed", user_id(a, "vanhoa"), second, "Văn hóa",
                                         "Phó chủ tịch giao"), fields
        ok("two directives given apart are both kept; the later one leads, with its deadline and unit")

        fields, events = show(b, contradicted)
        late = [e for e in events if len(e) > 5]
        assert [(e[1], e[3], e[5]) for e in late] == [("directed", "Người vanhoa", "not_applied")], events
        assert events[-1] == late[0] and [e[1] for e in events[-2:]] == ["done", "directed"], events
        assert (fields["status"], fields["lead_user_id"], fields["deadline"], fields["progress"],
                fields.get("needs_review")) == ("done", user_id(b, "tuphap"), first, "Đã trả lời Sở", "1"), fields
        for db in (a, b):
            assert query(db, "SELECT count(*) FROM field_conflict WHERE table_name = 'document'") == [(0,)]
        assert province.psql("SELECT count(*) FROM conflict WHERE table_name = 'document'") == "0"
        ok("a directive after the document was finished is kept, flagged not applied, and changes nothing; "
           "no field conflict on either desktop or the server")

        for db in (a, b):
            listed = xasoctl(db, "doc", "list", "--needs-review").stdout.splitlines()
            assert [line.split("\t")[0] for line in listed] == [contradicted], listed
        ok("on both desktops the flagged document, and it alone, is in the \"needs review\" list")
    finally:
        province.kill()
        province.drop_database()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
