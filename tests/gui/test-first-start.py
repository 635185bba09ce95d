#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real first start: no database yet, so the app asks whether to set up this
commune or open the demo. The official sets up the commune, is told what is
wrong with a bad code, corrects it, and lands on the empty Công dân page with
the catalogue and calendar in place.

Usage: test-first-start.py XASO SCREENSHOT_DIR"""
import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, fail, find, log, shot, type_into, wait_for  # noqa: E402

XASO, SHOTS = sys.argv[1], sys.argv[2]
xaso_a11y.SHOTS = SHOTS


def entry(app, name):
    return wait_for(f"the “{name}” field", lambda: find(app, ("entry", "text"), name))


def run(db):
    app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
    set_up = wait_for("the welcome page", lambda: find(app, "push button", contains="Thiết lập xã này"))
    if find(app, "push button", contains="Mở xã mẫu") is None:
        fail("the welcome page does not offer the demo commune")
    shot("welcome")
    activate(set_up)

    type_into(entry(app, "Tên xã (ví dụ Xã Tân Lập)"), "Xã Hòa Bình")
    type_into(entry(app, "Mã xã (5 chữ số)"), "123")
    type_into(entry(app, "Tỉnh"), "Bắc Ninh")
    type_into(entry(app, "Mã tỉnh (2 chữ số)"), "24")
    type_into(entry(app, "Mã định danh điện tử của cơ quan (ví dụ 000.00.12.H56)"), "000.00.31.H24")
    activate(find(app, "push button", contains="Tạo"))
    wait_for("the explanation of the commune code", lambda: find(app, ("label", "alert"), contains="mã thống kê"))
    shot("bad-code")
    if os.path.exists(db):
        fail("a database was created from an invalid form")

    log("the administrator, created with the commune")
    type_into(entry(app, "Mã xã (5 chữ số)"), "07654")
    type_into(entry(app, "Họ và tên"), "Nguyễn Thị Quản Trị")
    type_into(entry(app, "Tên đăng nhập (ví dụ quantri)"), "quantri")
    type_into(wait_for("the password", lambda: find(app, ("password text", "entry", "text"),
                                                     "Mật khẩu (ít nhất 8 ký tự)")), "mat-khau-xa")
    type_into(find(app, ("password text", "entry", "text"), "Nhập lại mật khẩu"), "mat-khau-khac")
    activate(find(app, "push button", contains="Tạo"))
    wait_for("the two passwords told apart", lambda: find(app, ("label", "alert"), contains="không giống"))
    if os.path.exists(db):
        fail("a database was created with two different passwords")
    type_into(find(app, ("password text", "entry", "text"), "Nhập lại mật khẩu"), "mat-khau-xa")
    shot("admin")
    activate(find(app, "push button", contains="Tạo"))

    log("the administrator signs in first")
    sign_in = wait_for("the sign-in screen", lambda: find(app, "push button", "Đăng nhập"), 30)
    username = find(app, ("entry", "text"), "Tên đăng nhập")
    if xaso_a11y.text_of(username) != "quantri":
        fail(f"the administrator's username is not offered: {xaso_a11y.text_of(username)!r}")
    type_into(find(app, ("password text", "entry", "text"), "Mật khẩu"), "mat-khau-xa")
    activate(sign_in)
    wait_for("the commune's name in the sidebar", lambda: find(app, "label", "Xã Hòa Bình"), 30)
    wait_for("the empty citizens list", lambda: find(app, "label", "0 người"))
    wait_for("the invitation to add the first household", lambda: find(app, "label", "Chưa có công dân nào"))
    shot("ready")

    con = sqlite3.connect(db)
    commune = con.execute("SELECT code, name, province_code, agency_eid, is_demo FROM commune").fetchall()
    admins = con.execute("SELECT username, full_name, roles FROM user").fetchall()
    procedures = con.execute("SELECT count(*) FROM procedure").fetchone()[0]
    days = con.execute("SELECT count(*) FROM calendar_day").fetchone()[0]
    con.close()
    if commune != [("07654", "Xã Hòa Bình", "24", "000.00.31.H24", 0)]:
        fail(f"the commune was not recorded as entered: {commune!r}")
    if admins != [("quantri", "Nguyễn Thị Quản Trị", "quan_tri")]:
        fail(f"the administrator was not recorded as entered: {admins!r}")
    if procedures < 20 or days < 20:
        fail(f"the catalogue ({procedures} procedures) or calendar ({days} days) is missing")


def main():
    workdir = xaso_a11y.scratch_dir("xaso-first-")
    db = os.path.join(workdir, "xaso.db")
    xaso_a11y.run_app(XASO, db, workdir, lambda: run(db))
    print("ok - a first start sets up the commune", flush=True)


if __name__ == "__main__":
    main()
