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
import tempfile
import time

import pyatspi

XASO, XASOCTL, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
STEP = [0]


def log(msg):
    print(f"# {msg}", flush=True)


def fail(msg):
    shot("failure")
    print(f"not ok - {msg}", flush=True)
    sys.exit(1)


def shot(name):
    STEP[0] += 1
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, f"{STEP[0]:02d}-{name}.png")
    subprocess.run(["import", "-window", "root", path], check=False)
    log(f"screenshot {path}")


def wait_for(what, predicate, timeout=20.0):
    last_error = [None]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except Exception as e:  # the tree changes under us while the app works
            last_error[0] = e
            result = None
        if result:
            return result
        time.sleep(0.1)
    fail(f"timed out waiting for {what} (last error: {last_error[0]!r})")


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name in ("xaso", "Xã Số"):
            return app
    return None


def on_screen(acc):
    """GTK 4.8 does not keep the showing state; a widget of a hidden page has
    an empty extent instead."""
    try:
        ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return ext.width > 0 and ext.height > 0
    except Exception:
        return False


def find(root, role, name=None, contains=None, showing=True):
    roles = (role,) if isinstance(role, str) else role
    def match(acc):
        if acc is None or acc.getRoleName() not in roles:
            return False
        if showing and not on_screen(acc):
            return False
        if name is not None and acc.name != name:
            return False
        if contains is not None and contains not in (acc.name or ""):
            return False
        return True
    return pyatspi.findDescendant(root, match, True)


def find_all(root, role, showing=False):
    return pyatspi.findAllDescendants(
        root, lambda a: a is not None and a.getRoleName() == role and (not showing or on_screen(a)))


def click(acc):
    action = acc.queryAction()
    if action.nActions == 0:
        raise NotImplementedError("no action")
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


def text_of(acc):
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    except NotImplementedError:
        return acc.name or ""


def window_origin():
    out = subprocess.run(["xdotool", "getactivewindow", "getwindowgeometry"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "Position:" in line:
            x, y = line.split("Position:")[1].split("(")[0].strip().split(",")
            return int(x), int(y)
    return 0, 0


def focus(acc):
    """GTK 4.8 does not implement GrabFocus, so click the widget's middle as a
    person would; its extents are relative to its window."""
    ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    ox, oy = window_origin()
    subprocess.run(["xdotool", "mousemove", str(ox + ext.x + ext.width // 2),
                    str(oy + ext.y + ext.height // 2), "click", "1"], check=True)


def type_into(acc, text):
    focus(acc)
    time.sleep(0.2)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+a", "BackSpace"], check=True)
    subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
    time.sleep(0.3)


def labels_under(root):
    return [a.name for a in find_all(root, "label") if a.name]


def activate(acc):
    """Clicks a button through its action, or a row (which has none in GTK 4.8)
    with the mouse, as a person would."""
    try:
        click(acc)
    except NotImplementedError:
        focus(acc)


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


def all_match(app, prefix):
    """True once the list shows matches and every name in it matches."""
    names = [n for n in table_names(app) if not n[0].isdigit() and not n.startswith("Ấp")
             and n not in ("Nam", "Nữ")]
    return bool(names) and all(n.startswith(prefix) for n in names)


def main():
    if os.path.isdir(SHOTS):
        for old in os.listdir(SHOTS):
            if old.endswith(".png"):
                os.remove(os.path.join(SHOTS, old))
    workdir = tempfile.mkdtemp(prefix="xaso-gui-")
    db = os.path.join(workdir, "demo.db")
    log("creating the demo commune")
    subprocess.run([XASOCTL, "--db", db, "demo", "--scale", "small", "--seed", "7"], check=True,
                   stdout=subprocess.DEVNULL)

    env = dict(os.environ, LANG=os.environ.get("XASO_TEST_LANG", "vi_VN.UTF-8"), LANGUAGE="vi",
               GSETTINGS_BACKEND="memory")
    app_log = open(os.path.join(workdir, "app.log"), "w+")
    proc = subprocess.Popen([XASO, "--database", db], env=env, stdout=app_log, stderr=subprocess.STDOUT)
    try:
        run(db)
    except SystemExit:
        app_log.seek(0)
        log("application output:\n" + app_log.read())
        log(f"application exit status: {proc.poll()}")
        raise
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
    print("ok - citizens page works as an official uses it", flush=True)


def run(db):
    app = wait_for("the app on the accessibility bus", find_app, 30)
    search = wait_for("the search entry", lambda: find(app, ("entry", "text"), "Tìm công dân"), 30)
    wait_for("the first persons in the list", lambda: len(table_names(app)) > 5)
    shot("open")

    log("search a folded name")
    type_into(search, "nguyen van an")
    wait_for("only people named Nguyễn Văn An… in the results", lambda: all_match(app, "Nguyễn Văn An"))
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
