# SPDX-License-Identifier: GPL-3.0-or-later
"""Driving the real app through its accessibility tree, as a person would:
find widgets by role and (Vietnamese) name, click, type, take screenshots.
GTK 4.8 keeps no "showing" state and implements no GrabFocus, so a widget is
visible when it has a size, and focusing means clicking it."""
import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

SHOTS = None
STEP = [0]



STARTED = time.monotonic()


def log(msg):
    """A TAP comment: every line of @msg after "#"."""
    stamp = f"[{time.monotonic() - STARTED:6.1f} s]"
    for line in str(msg).splitlines() or [""]:
        print(f"# {stamp} {line}", flush=True)


def fail(msg):
    shot("failure")
    print(f"not ok - {msg}", flush=True)
    sys.exit(1)


def shot(name):
    STEP[0] += 1
    if SHOTS is None:
        return
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


TABLES = ("table", "tree table")
TABLE_PARTS = TABLES + ("table cell", "table row", "column header")
LONG_LIST = 60


def find(root, role, name=None, contains=None, showing=True):
    """The first descendant of @root with @role (one or a tuple) and @name or
    a name containing @contains. A search walks thousands of nodes over
    D-Bus, so unless it looks for a table's part it does not go into the
    record tables nor long lists (they keep hundreds of rows)."""
    roles = (role,) if isinstance(role, str) else role
    into_tables = any(r in TABLE_PARTS for r in roles)

    def match(acc, role_name):
        if role_name not in roles:
            return False
        if showing and not on_screen(acc):
            return False
        if name is not None and acc.name != name:
            return False
        if contains is not None and contains not in (acc.name or ""):
            return False
        return True

    def walk(acc):
        for child in acc:
            if child is None:
                continue
            role_name = child.getRoleName()
            if match(child, role_name):
                return child
            if not into_tables and (role_name == "tree table" or child.childCount > LONG_LIST):
                continue
            found = walk(child)
            if found is not None:
                return found
        return None
    return walk(root)


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
    """Types @text as a person would. xdotool now and then drops a letter
    with diacritics on a busy machine, so the field is read back and typed
    again (twice at most) when it does not hold the text."""
    for _ in range(3):
        focus(acc)
        time.sleep(0.2)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+a", "BackSpace"], check=True)
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
        time.sleep(0.3)
        if acc.getRoleName() == "password text" or text_of(acc) in (text, ""):
            return
        log(f"typed {text!r} but the field holds {text_of(acc)!r}: typing again")


def labels_under(root):
    return [a.name for a in find_all(root, "label") if a.name]


def activate(acc):
    """Clicks a button through its action, or a row (which has none in GTK 4.8)
    with the mouse, as a person would."""
    try:
        click(acc)
    except NotImplementedError:
        focus(acc)




def scratch_dir(prefix):
    """A folder of the test's own, removed when the test ends (a reference
    commune with its exports weighs a gigabyte)."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def run_app(xaso, db, workdir, scenario, args=None):
    """Starts the app on @db (or with @args instead, such as a PDF to open)
    in Vietnamese and runs @scenario(); on a failure the app's own output
    goes to the test log. The app is stopped either way."""
    env = dict(os.environ, LANG=os.environ.get("XASO_TEST_LANG", "vi_VN.UTF-8"), LANGUAGE="vi",
               GSETTINGS_BACKEND="memory")
    app_log = open(os.path.join(workdir, "app.log"), "w+")
    # A demo commune opens signed in as its clerk, as `build-aux/dev run`
    # does; the sign-in screen itself has a test of its own.
    argv = [xaso] + (args if args is not None else ["--database", db, "--user", "vanthu"])
    proc = subprocess.Popen(argv, env=env, stdout=app_log, stderr=subprocess.STDOUT)
    try:
        scenario()
        app_log.seek(0)
        # GTK warns when this test asks for a widget's place on the screen.
        warnings = [line for line in app_log.read().splitlines()
                    if ("-CRITICAL **" in line or "-WARNING **" in line)
                    and "Screen coordinates not supported" not in line]
        if warnings:
            fail("the application warned:\n" + "\n".join(warnings))
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


# ---- What the scenarios of the commune's pages share ----

def key(*keys):
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True)
    time.sleep(0.3)


def page(app, name):
    activate(wait_for(f"the {name} page in the sidebar", lambda: find(app, "list item", name), 20))
    time.sleep(0.5)


def db_value(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        row = con.execute(sql, args).fetchone()
    finally:
        con.close()
    return row[0] if row else None


def switch_user(app, username):
    """Signs out through the user menu and in again as @username."""
    activate(wait_for("the user menu", lambda: find(app, ("toggle button", "push button"),
                                                       contains="Đang đăng nhập"), 10))
    activate(wait_for("the sign-out item",
                      lambda: find(app, ("menu item", "push button", "check menu item"), contains="xuất"), 10))
    name = wait_for("the sign-in screen", lambda: find(app, ("entry", "text"), "Tên đăng nhập"), 20)
    type_into(name, username)
    type_into(find(app, ("password text", "entry", "text"), "Mật khẩu"), "xaso-demo")
    key("Return")
    wait_for(f"{username} signed in", lambda: find(app, ("toggle button", "push button"),
                                                  contains="Đang đăng nhập"), 30)
    time.sleep(1.0)


def prepare_signing(prefix, setup, needed):
    """For a scenario that signs with the SoftHSM token: skips (returning
    None) when a file or tool of @needed ((path, package) pairs) is missing;
    otherwise clears old screenshots, makes a work folder with the token and
    a trusted test root (setup script @setup) and points the app's folders
    into it. Returns (workdir, fixtures)."""
    for path, tool in needed:
        if path is None or not os.path.exists(path):
            print(f"1..0 # SKIP {tool} is not installed", flush=True)
            return None
    if os.path.isdir(SHOTS):
        for old in os.listdir(SHOTS):
            if old.endswith(".png"):
                os.remove(os.path.join(SHOTS, old))
    print("1..1", flush=True)
    workdir = scratch_dir(prefix)
    fixtures = os.path.join(workdir, "pki")
    subprocess.run(["bash", setup, fixtures], check=True, stdout=subprocess.DEVNULL)
    trust = os.path.join(workdir, "data", "xaso", "trust")
    os.makedirs(trust)
    shutil.copy(os.path.join(fixtures, "ca.pem"), os.path.join(trust, "test-root.pem"))
    os.environ["XDG_DATA_HOME"] = os.path.join(workdir, "data")
    os.environ["XDG_CACHE_HOME"] = os.path.join(workdir, "cache")
    os.environ["SOFTHSM2_CONF"] = os.path.join(fixtures, "softhsm2.conf")
    return workdir, fixtures
