#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Signing in as an official does: the app opens on the sign-in screen of
a demo commune, a wrong password is refused in Vietnamese, a demo account is
chosen with a click and the work opens, the user menu says who is signed in,
and signing out comes back to the sign-in screen with the username kept.
Drives the real app through its accessibility tree; saves a screenshot of
every step.

Usage: test-sign-in.py XASO XASOCTL SCREENSHOT_DIR"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, click, fail, find, focus, log, shot, type_into, wait_for  # noqa: E402

XASO, XASOCTL, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
xaso_a11y.SHOTS = SHOTS


def main():
    if os.path.isdir(SHOTS):
        for old in os.listdir(SHOTS):
            if old.endswith(".png"):
                os.remove(os.path.join(SHOTS, old))
    workdir = xaso_a11y.scratch_dir("xaso-gui-")
    db = os.path.join(workdir, "demo.db")
    log("creating the demo commune")
    subprocess.run([XASOCTL, "--db", db, "demo", "--scale", "small", "--seed", "3"], check=True,
                   stdout=subprocess.DEVNULL)
    xaso_a11y.run_app(XASO, db, workdir, lambda: run(db), args=["--database", db])
    print("ok - signing in and out works as an official uses it", flush=True)


def run(db):
    app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
    button = wait_for("the sign-in button", lambda: find(app, "push button", "Đăng nhập"), 30)
    wait_for("the demo accounts", lambda: find(app, "label", contains="xaso-demo"), 20)
    shot("01-sign-in")

    log("a wrong password is refused, in Vietnamese")
    type_into(find(app, ("entry", "text"), "Tên đăng nhập"), "vanthu")
    type_into(find(app, ("password text", "entry", "text"), "Mật khẩu"), "sai-mat-khau")
    click(button)
    wait_for("the refusal", lambda: find(app, "label", contains="không đúng"), 20)
    if find(app, ("tree table", "table"), "Công dân") is not None:
        fail("the work opened after a wrong password")
    shot("02-refused")

    log("choose the leader's demo account")
    leader = wait_for("the leader's demo account", lambda: find(app, "label", contains="chutich"), 10)
    focus(leader)
    table = wait_for("the Công dân page after signing in", lambda: find(app, ("tree table", "table"), "Công dân"), 30)
    user = wait_for("the user menu", lambda: find(app, ("toggle button", "push button"), contains="Đang đăng nhập"), 10)
    if "Lãnh đạo" not in user.name:
        fail(f"the user menu does not say the role: {user.name!r}")
    if find(app, "list item", "Tài khoản") is not None:
        fail("a leader sees the accounts page, which is the administrator's")
    shot("03-signed-in")

    log("sign out from the user menu")
    activate(user)
    item = wait_for("Đăng xuất in the user menu",
                    lambda: find(app, ("menu item", "push button", "check menu item"), contains="xuất"), 10)
    shot("04-user-menu")
    activate(item)
    wait_for("the sign-in screen again", lambda: find(app, "push button", "Đăng nhập"), 20)
    username = find(app, ("entry", "text"), "Tên đăng nhập")
    text = xaso_a11y.text_of(username)
    if text != "chutich":
        fail(f"the username was not kept for the next sign-in: {text!r}")
    shot("05-signed-out")

    log("the administrator signs in with a typed password and adds an account")
    type_into(find(app, ("entry", "text"), "Tên đăng nhập"), "quantri")
    type_into(find(app, ("password text", "entry", "text"), "Mật khẩu"), "xaso-demo")
    subprocess.run(["xdotool", "key", "Return"], check=True)
    accounts = wait_for("the accounts page in the sidebar", lambda: find(app, "list item", "Tài khoản"), 30)
    focus(accounts)
    activate(wait_for("Thêm tài khoản", lambda: find(app, "push button", "Thêm tài khoản"), 10))
    name = wait_for("the account form", lambda: find(app, ("entry", "text"), "Họ và tên"), 10)
    type_into(name, "Phạm Thị Mới")
    type_into(find(app, ("entry", "text"), "Tên đăng nhập (ví dụ nguyen.van.a)"), "pham.moi")
    type_into(find(app, ("password text", "entry", "text"), "Mật khẩu (ít nhất 8 ký tự)"), "mat-khau-moi")
    type_into(find(app, ("password text", "entry", "text"), "Nhập lại mật khẩu"), "mat-khau-moi")
    role = find(app, "label", "Chuyên viên")
    if role is None:
        fail("the roles of the account are not in the form")
    focus(role)
    shot("06-new-account")
    activate(find(app, "push button", "Lưu"))
    wait_for("the new account in the list", lambda: find(app, "label", "Phạm Thị Mới"), 20)
    shot("07-accounts")
    out = subprocess.run([XASOCTL, "--db", db, "user", "list"], check=True, capture_output=True, text=True).stdout
    if "pham.moi\tPhạm Thị Mới\tchuyen_vien\tactive" not in out:
        fail(f"the new account is not recorded as entered: {out!r}")


if __name__ == "__main__":
    main()
