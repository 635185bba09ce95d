#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Công dân page as an official uses it: open the app on a demo commune,
search a folded name, open a household, add a person to it (after a refused
ID number), and find them again. Drives the real app through its
accessibility tree; saves a screenshot of every step.

Usage: test-citizens.py XASO XASOCTL SCREENSHOT_DIR"""
import os
import subprocess
import sys
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, click, fail, find, find_all, log, shot, type_into, wait_for  # noqa: E402

XASO, XASOCTL, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
xaso_a11y.SHOTS = SHOTS
def table_names(app):
    table = find(app, ("tree table", "table"), "Công dân")
    if table is None:
        return []
    names = []
    for cell in find_all(table, "table cell"):
        label = cell[0] if cell.childCount else None
        if label is not None and label.name:
            names.append(label.name)
    return names


def fold(text):
    """Lower case, no diacritics, đ→d: how the app compares names."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def all_match(app, query):
    """True once the list shows matches and every name in it has a word
    starting with each word of the query."""
    names = [n for n in table_names(app)[0::5]]
    if not names:
        return False
    for name in names:
        words = fold(name).split()
        if not all(any(w.startswith(q) for w in words) for q in fold(query).split()):
            return False
    return True


def main():
    if os.path.isdir(SHOTS):
        for old in os.listdir(SHOTS):
            if old.endswith(".png"):
                os.remove(os.path.join(SHOTS, old))
    workdir = xaso_a11y.scratch_dir("xaso-gui-")
    db = os.path.join(workdir, "demo.db")
    log("creating the demo commune")
    subprocess.run([XASOCTL, "--db", db, "demo", "--scale", "small", "--seed", "7"], check=True,
                   stdout=subprocess.DEVNULL)

    xaso_a11y.run_app(XASO, db, workdir, lambda: run(db))
    print("ok - citizens page works as an official uses it", flush=True)


def run(db):
    app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
    search = wait_for("the search entry", lambda: find(app, ("entry", "text"), "Tìm công dân"), 30)
    wait_for("the first persons in the list", lambda: len(table_names(app)) > 5)
    shot("open")

    log("search a folded name")
    type_into(search, "nguyen van an")
    wait_for("only people whose name matches in the results", lambda: all_match(app, "nguyen van an"))
    shot("search")

    log("open the first person, then their household")
    subprocess.run(["xdotool", "key", "Return"], check=True)
    household_row = wait_for("the Open Household button of the person view",
                             lambda: find(app, "push button", "Xem hộ"))
    activate(household_row)
    add_member = wait_for("the household view", lambda: find(app, "push button", "Thêm thành viên…"))
    shot("household")

    log("add a member, first with an ID number that does not match the birth year")
    activate(add_member)
    editor = wait_for("the person editor", lambda: find(app, ("entry", "text"), "Họ và tên"))
    type_into(editor, "Lê Thị Thử Nghiệm")
    type_into(find(app, ("entry", "text"), "Ngày sinh"), "05/01/1991")
    type_into(find(app, ("entry", "text"), "Số định danh"), "072190123456")
    relation = find(app, ("entry", "text"), "Quan hệ với chủ hộ")
    if relation is not None:
        type_into(relation, "Con")
    shot("editor")
    activate(find(app, "push button", "Lưu"))
    wait_for("the refusal explaining the birth year",
             lambda: find(app, ("label", "alert"), contains="năm sinh"))
    shot("refused")

    log("correct the birth date and save")
    type_into(find(app, ("entry", "text"), "Ngày sinh"), "05/01/1990")
    activate(find(app, "push button", "Lưu"))
    wait_for("the editor to close", lambda: find(app, "push button", "Lưu") is None)
    shot("saved")

    log("find the new person again")
    type_into(search, "le thi thu nghiem")
    wait_for("the new person in the list", lambda: "Lê Thị Thử Nghiệm" in table_names(app))
    shot("found")

    log("open the preferences: the database location, then the digital signatures")
    subprocess.run(["xdotool", "key", "ctrl+comma"], check=True)
    wait_for("the database location in the preferences", lambda: find(app, "label", "Vị trí"))
    shot("preferences")
    signatures_page = wait_for("the Chữ ký số page of the preferences",
                               lambda: find(app, ("toggle button", "radio button", "page tab"), "Chữ ký số"))
    click(signatures_page)
    wait_for("the signing settings", lambda: find(app, "label", "Chữ ký tay"))
    shot("preferences-signatures")
    subprocess.run(["xdotool", "key", "Escape"], check=True)

    import sqlite3
    con = sqlite3.connect(db)
    views = con.execute("SELECT count(*) FROM audit_event WHERE action = 'view' AND purpose = ?",
                        ("Xem hồ sơ công dân",)).fetchone()[0]
    created = con.execute("SELECT count(*) FROM audit_event a JOIN person p ON p.id = a.object_id "
                          "WHERE a.action = 'create' AND p.full_name = ?", ("Lê Thị Thử Nghiệm",)).fetchone()[0]
    con.close()
    if views < 1 or created != 1:
        fail(f"viewing and creating were not logged (views {views}, created {created})")
    out = subprocess.run([XASOCTL, "--db", db, "search", "persons", "Lê Thị Thử Nghiệm"],
                         check=True, capture_output=True, text=True).stdout
    if "072190123456" not in out or "1990-01-05" not in out:
        fail(f"the saved person is not in the database as entered: {out!r}")


if __name__ == "__main__":
    main()
