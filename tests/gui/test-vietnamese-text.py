#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Vietnamese text as commune offices have it, through the real app: a CSV
of forty residents saved in TCVN3 (made here with glibc's iconv, not with
our tables) is imported from the Công dân page, which says what it
converted, and the list shows them in the order a register prints them; a
name copied from an old .VnTime document is pasted into the person editor,
which offers to convert it; a second record of a person already there is
asked about before it is saved.

Usage: test-vietnamese-text.py XASO XASOCTL SCREENSHOT_DIR REGISTER_ORDER"""
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, fail, find, focus, log, shot, text_of, type_into, wait_for  # noqa: E402

XASO, XASOCTL, SHOTS, ORDER = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
xaso_a11y.SHOTS = SHOTS
COLUMNS = 5  # name, birth, sex, ID number, hamlet


def register_names():
    with open(ORDER, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def make_tcvn3_csv(path, names):
    rows = "full_name,sex,hamlet,occupation\r\n" + "".join(
        f"{name},{'Nữ' if ' Thị ' in name else 'Nam'},Thôn Đông,Nông dân\r\n" for name in names[::-1])
    tcvn3 = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=rows.encode("utf-8"),
                           capture_output=True, check=True).stdout
    if b"Th\xab" not in tcvn3:  # "Thô" in TCVN3: the file really is in the old encoding
        fail("iconv did not write TCVN3")
    with open(path, "wb") as f:
        f.write(tcvn3)


def list_names(app):
    table = find(app, ("tree table", "table"), "Công dân")
    if table is None:
        return []
    names = []
    for cell in xaso_a11y.find_all(table, "table cell"):
        label = cell[0] if cell.childCount else None
        if label is not None and label.name:
            names.append(label.name)
    return names[0::COLUMNS]


def set_clipboard(text):
    """Copies @text as another program would; xclip keeps serving it."""
    proc = subprocess.Popen(["xclip", "-selection", "clipboard", "-loops", "1"], stdin=subprocess.PIPE)
    proc.stdin.write(text.encode("utf-8"))
    proc.stdin.close()
    time.sleep(0.3)
    return proc


def main():
    workdir = xaso_a11y.scratch_dir("xaso-gui-text-")
    db = os.path.join(workdir, "commune.db")
    csv = os.path.join(workdir, "nhan-khau-tcvn3.csv")
    names = register_names()
    subprocess.run([XASOCTL, "--db", db, "init", "--code", "12345", "--name", "Xã Thử Nghiệm",
                    "--province-code", "24", "--province", "Bắc Ninh", "--agency-id", "000.00.12.H56"],
                   check=True, stdout=subprocess.DEVNULL)
    make_tcvn3_csv(csv, names)
    xaso_a11y.run_app(XASO, db, workdir, lambda: run(db, csv, names))
    print("ok - Vietnamese text: old encodings converted, register order, namesakes asked about", flush=True)


def import_csv(app, csv):
    log("import the residents from the CSV file saved in TCVN3")
    wait_for("the search entry", lambda: find(app, ("entry", "text"), "Tìm công dân"), 30)
    activate(wait_for("the Add menu", lambda: find(app, ("push button", "toggle button"), "Thêm")))
    item = wait_for("the import item", lambda: find(app, ("menu item", "push button"), contains="tệp CSV"))
    activate(item)
    def chooser_button():
        # GTK 4.8 names a button with a mnemonic "_Nhập Nhập".
        return [b for b in xaso_a11y.find_all(app, "push button", showing=True)
                if b.name and b.name.endswith("Nhập") and "CSV" not in b.name]
    wait_for("the file chooser", chooser_button)
    shot("file-chooser")
    time.sleep(0.5)
    subprocess.run(["xdotool", "type", "--delay", "10", csv], check=True)
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "Return"], check=True)
    done = wait_for("what the import says", lambda: find(app, "label", contains="Đã nhập 40 người"), 60)
    said = find(app, "label", contains="TCVN3")
    if said is None or "40 dòng" not in said.name:
        fail(f"the import did not say what it converted: {said.name if said else None!r}")
    log(f"{done.name}: {said.name}")
    shot("imported")
    subprocess.run(["xdotool", "key", "Escape"], check=True)


def run(db, csv, names):
    app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
    import_csv(app, csv)
    wait_for("the residents in the list", lambda: len(list_names(app)) >= 10, 30)
    shown = list_names(app)
    if shown != names[:len(shown)]:
        fail(f"the list is not in the register's order:\n{shown}\nexpected\n{names[:len(shown)]}")
    log(f"the first {len(shown)} names are in the register's order")
    shot("register-order")

    log("paste a name copied from a .VnTime document into a new person's form")
    subprocess.run(["xdotool", "key", "ctrl+n"], check=True)
    name_row = wait_for("the person editor", lambda: find(app, ("entry", "text"), "Họ và tên"))
    # What Windows puts on the clipboard for text typed in a .VnTime font:
    # the TCVN3 bytes as Windows-1252 characters ("NguyÔn V¨n T¸m").
    pasted = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input="Nguyễn Văn Tám".encode(),
                            capture_output=True, check=True).stdout.decode("cp1252")
    clip = set_clipboard(pasted)
    focus(name_row)
    time.sleep(0.2)
    subprocess.run(["xdotool", "key", "ctrl+v"], check=True)
    convert = wait_for("the offer to convert", lambda: find(app, "push button", "Chuyển đổi"))
    offer = find(app, ("label", "alert"), contains="TCVN3")
    if offer is None or "Nguyễn Văn Tám" not in offer.name:
        fail(f"the offer does not show the converted name: {offer.name if offer else None!r}")
    shot("paste-offer")
    activate(convert)
    wait_for("the converted name in the field",
             lambda: text_of(find(app, ("entry", "text"), "Họ và tên")) == "Nguyễn Văn Tám")
    clip.wait(5)
    shot("converted")

    log("a namesake: the same person typed again is asked about before it is saved")
    type_into(find(app, ("entry", "text"), "Họ và tên"), "Dương Thị An")
    activate(find(app, "push button", "Lưu"))
    wait_for("the question about the namesake",
             lambda: find(app, ("label", "alert"), contains="đã có trong hồ sơ"))
    shot("namesake")
    activate(find(app, "push button", "Lưu"))
    wait_for("the editor to close", lambda: find(app, "push button", "Lưu") is None)
    con = sqlite3.connect(db)
    count = con.execute("SELECT count(*) FROM person WHERE full_name = ?", ("Dương Thị An",)).fetchone()[0]
    con.close()
    if count != 2:
        fail(f"saving again did not save the second Dương Thị An ({count})")


if __name__ == "__main__":
    main()
