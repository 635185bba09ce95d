#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An incoming document from its arrival to its answer, as the officials of a
commune work it (issue 8): the văn thư registers a PDF (the inputs are
counted) and presents it; the leader writes a directive; the officer notes
progress and drafts the reply; the leader signs the reply in the document
window with the SoftHSM token; the văn thư numbers and issues it; the
incoming register is printed to PDF. The real app under Xvfb, driven
through its accessibility tree, with a screenshot of each step.

Usage: test-documents.py XASO XASOCTL SETUP_SCRIPT SCREENSHOT_DIR"""
import os
import shutil
import sqlite3
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xaso_a11y  # noqa: E402
from xaso_a11y import (activate, db_value, fail, find, find_all, key, log, page, shot,  # noqa: E402
                       switch_user, type_into, wait_for)

XASO, XASOCTL, SETUP, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
xaso_a11y.SHOTS = SHOTS
PDF = "/usr/share/doc/libtasn1-doc/libtasn1.pdf"
NOTATION = "215/QĐ-STP"
SUBJECT = "Về việc kiểm tra công tác hộ tịch năm 2026"
INPUTS = [0]
OFFICER = [None]   # the full name of the demo commune's tuphap
SIGNER = "Nguyễn Văn An"   # the name on the SoftHSM token's certificate
REPLY = "V/v trả lời " + NOTATION



def counted(what):
    """One input of the official's: a click or a field typed."""
    INPUTS[0] += 1
    log(f"input {INPUTS[0]}: {what}")



def queue(app, name):
    activate(wait_for(f"the {name} queue", lambda: find(app, ("toggle button", "push button"), name), 20))


def open_document(app, contains):
    """Selects the first row of the list whose cells hold @contains."""
    def row():
        for cell in find_all(app, "table cell", showing=True):
            label = cell[0] if cell.childCount else None
            if label is not None and contains in (label.name or ""):
                return cell
        return None
    cell = wait_for(f"a row with {contains!r}", row, 30)
    xaso_a11y.focus(cell)
    time.sleep(1.0)


def step(app, label):
    activate(wait_for(f"the “{label}” button", lambda: find(app, "push button", label), 20))
    time.sleep(0.5)



def status_of(db):
    return db_value(db, "SELECT status FROM document WHERE notation = ?", NOTATION)



def register(app, db, scan):
    log("the văn thư registers an incoming PDF")
    page(app, "Văn bản đến")
    shot("incoming-page")
    activate(wait_for("the register button", lambda: find(app, "push button", "Vào sổ văn bản đến"), 20))
    counted("open the form")
    file_row = wait_for("the registering form", lambda: find(app, ("entry", "text"), "Tệp văn bản (PDF hoặc ảnh)"), 20)
    type_into(file_row, scan)
    counted("the file")
    type_into(find(app, ("entry", "text"), "Cơ quan ban hành"), "Sở Tư pháp tỉnh Tây Ninh")
    counted("the issuer")
    type_into(find(app, ("entry", "text"), "Số, ký hiệu"), NOTATION)
    counted("the number and notation")
    type_into(find(app, ("entry", "text"), "Ngày tháng văn bản (ngày/tháng/năm)"), "01/12/2026")
    counted("the date")
    type_into(find(app, ("entry", "text"), "Trích yếu"), SUBJECT)
    counted("the subject")
    wait_for("the notation read as typed", lambda: find(app, "label", contains="Quyết định số 215"), 10)
    form = next(w for w in app if find(w, ("entry", "text"), "Tệp văn bản (PDF hoặc ảnh)"))
    wait_for("the preview of the file", lambda: find(form, ("document frame", "document text")), 20)
    time.sleep(1.5)
    shot("register-form")
    activate(find(app, "push button", "Vào sổ"))
    counted("register")
    wait_for("the document registered", lambda: status_of(db) == "registered", 20)
    if INPUTS[0] > 10:
        fail(f"registering took {INPUTS[0]} inputs, more than 10")
    log(f"registered in {INPUTS[0]} inputs")
    number = db_value(db, "SELECT number FROM document WHERE notation = ?", NOTATION)
    wait_for("the new document shown with its number", lambda: find(app, "label", contains=NOTATION), 20)
    time.sleep(1.0)
    shot("registered")
    return number


def present(app, db):
    log("the văn thư presents it to the leader")
    step(app, "Trình lãnh đạo…")
    wait_for("the presenting dialog", lambda: find(app, ("entry", "text"), "Ghi chú cho lãnh đạo (không bắt buộc)"), 20)
    type_into(find(app, ("entry", "text"), "Ghi chú cho lãnh đạo (không bắt buộc)"), "Kính trình đồng chí Chủ tịch")
    shot("present")
    key("Return")
    wait_for("the document presented", lambda: status_of(db) == "presented", 20)


def direct(app, db):
    log("the leader writes a directive beside the preview")
    page(app, "Văn bản đến")
    queue(app, "Chờ cho ý kiến")
    open_document(app, NOTATION)
    shot("awaiting-directive")
    step(app, "Cho ý kiến chỉ đạo…")
    note = wait_for("the directive dialog", lambda: find(app, ("entry", "text"), "Ý kiến chỉ đạo"), 20)
    lead = find(app, "combo box", "Người chủ trì")
    activate(lead)
    time.sleep(0.8)
    # The popover's list, in order: the officer is picked with the keyboard,
    # as a person would (Home, then Down to the name, then Return).
    names = [a.name for a in find_all(app, "label", showing=True)]
    popover = names[names.index("Một đơn vị (chưa giao người)"):]
    position = next(i for i, n in enumerate(popover) if OFFICER[0] in n)
    key("Home")
    for _ in range(position):
        key("Down")
    key("Return")
    time.sleep(0.5)
    type_into(note, "Giao Tư pháp chủ trì, báo cáo trước hạn")
    time.sleep(1.5)
    shot("directive")
    activate(find(app, "push button", contains="Ghi ý kiến"))
    wait_for("the directive saved", lambda: status_of(db) == "directed", 20)
    lead = db_value(db, "SELECT u.username FROM document d JOIN user u ON u.id = d.lead_user_id "
                        "WHERE d.notation = ?", NOTATION)
    if lead != "tuphap":
        fail(f"the directive gave the document to {lead!r}, not to tuphap")


def reply_value(db, column):
    return db_value(db, f"SELECT {column} FROM document WHERE reply_to_id = "
                        "(SELECT id FROM document WHERE notation = ?)", NOTATION)


def handle(app, db, draft):
    log("the officer notes progress and drafts the reply")
    page(app, "Văn bản đến")
    queue(app, "Văn bản của tôi")
    open_document(app, NOTATION)
    step(app, "Cập nhật tiến độ…")
    type_into(wait_for("the progress dialog", lambda: find(app, ("entry", "text"), "Tiến độ"), 20),
              "Đã rà soát sổ hộ tịch năm 2026")
    key("Return")
    wait_for("the progress saved", lambda: status_of(db) == "in_progress", 20)
    step(app, "Soạn văn bản trả lời…")
    type_into(wait_for("the reply form", lambda: find(app, ("entry", "text"), "Tệp dự thảo (PDF)"), 20), draft)
    time.sleep(1.5)
    shot("reply-draft")
    activate(find(app, "push button", "Lưu dự thảo"))
    wait_for("the reply saved as a draft", lambda: reply_value(db, "status") == "draft", 20)
    page(app, "Văn bản đi")
    queue(app, "Dự thảo")
    open_document(app, REPLY)
    step(app, "Trình ký")
    time.sleep(1.0)
    key("Return")
    wait_for("the reply sent for signature", lambda: reply_value(db, "status") == "signing", 20)


def sign_in_dialog(app, what):
    check = wait_for("the token certificate in the dialog",
                     lambda: find(app, ("check box", "radio button"), contains=SIGNER), 30)
    if not check.getState().contains(pyatspi.STATE_CHECKED):
        xaso_a11y.focus(check)
    pin = wait_for("the PIN entry", lambda: find(app, ("password text", "text", "entry"), "Mã PIN hoặc mật khẩu"))
    time.sleep(1.5)
    shot(what)
    type_into(pin, "1234")
    activate(find(app, "push button", "Ký"))


def close_pdf_windows(app):
    """Back to the main window, as a person closes what they finished."""
    for window in list(app):
        if window is not None and (window.name or "").endswith(".pdf"):
            close = find(window, "push button", "Đóng")
            if close is not None:
                activate(close)
    time.sleep(1.0)


def sign(app, db):
    log("the leader signs the reply in the document window with the token")
    page(app, "Văn bản đi")
    queue(app, "Chờ ký")
    open_document(app, REPLY)
    step(app, "Mở và ký…")
    activate(wait_for("the Ký số menu", lambda: find(app, ("toggle button", "push button"), "Ký số"), 30))
    activate(wait_for("the person signing item",
                      lambda: find(app, ("menu item", "push button", "check menu item"), contains="cá nhân")))
    sign_in_dialog(app, "leader-signs")
    wait_for("the signature recorded", lambda: reply_value(db, "status") == "signed", 120)
    time.sleep(1.0)
    shot("signed")
    close_pdf_windows(app)


def issue(app, db):
    log("the văn thư numbers, issues and seals the reply")
    page(app, "Văn bản đi")
    queue(app, "Chờ phát hành")
    open_document(app, REPLY)
    step(app, "Cấp số và phát hành…")
    wait_for("the issue dialog", lambda: find(app, ("entry", "text"), "Ngày ban hành"), 20)
    shot("issue")
    key("Return")
    wait_for("the reply numbered and issued", lambda: reply_value(db, "status") == "issued", 20)
    notation = reply_value(db, "notation")
    log(f"issued as {notation}")
    step(app, "Ký số cơ quan, ghi số…")
    sign_in_dialog(app, "seal-dialog")
    wait_for("the seal recorded", lambda: reply_value(db, "sealed_date") is not None, 120)
    time.sleep(1.0)
    shot("sealed")
    close_pdf_windows(app)
    return notation


def check_sealed_file(db, fixtures):
    """The file kept for the issued reply: the leader's and the organization's
    signatures, both valid for pdfsig, and a sound PDF for qpdf."""
    con = sqlite3.connect(db)
    sha = con.execute("SELECT a.sha256 FROM attachment a JOIN document d ON a.owner_id = d.id "
                      "WHERE d.reply_to_id = (SELECT id FROM document WHERE notation = ?) AND a.deleted = 0",
                      (NOTATION,)).fetchone()[0]
    con.close()
    path = os.path.join(os.path.dirname(db), "files", sha[:2], sha)
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{fixtures}/nssdb", path], capture_output=True, text=True).stdout
    log("pdfsig:\n" + out)
    if out.count("Signature Validation: Signature is Valid.") != 2:
        fail("the sealed file does not carry two valid signatures")
    check = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    if check.returncode not in (0, 3):
        fail("qpdf --check refuses the sealed file:\n" + check.stdout + check.stderr)


def print_register(app, cache):
    log("the văn thư prints the incoming register to PDF")
    page(app, "Văn bản đến")
    activate(wait_for("the print button", lambda: find(app, "push button", "In sổ"), 20))
    wait_for("the print dialog", lambda: find(app, ("entry", "text"), "Từ ngày (ngày/tháng/năm)"), 20)
    shot("print-register")
    activate(wait_for("the Print response", lambda: next(
        (b for b in find_all(app, "push button", showing=True) if (b.name or "").replace("_", "") in ("In", "In In")),
        None), 10))
    folder = os.path.join(cache, "xaso", "registers")
    printed = wait_for("the register written", lambda: next(
        (os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".pdf")), None)
        if os.path.isdir(folder) else None, 120)
    wait_for("the register in the document window", lambda: find(app, "label", contains="/ "), 60)
    time.sleep(1.5)
    shot("register-printed")
    text = subprocess.run(["pdftotext", "-layout", printed, "-"], capture_output=True, text=True).stdout
    if NOTATION not in text or "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" not in text.upper():
        fail("the printed register lacks the document or its title")


def main():
    prepared = xaso_a11y.prepare_signing("xaso-documents-", SETUP, ((PDF, "libtasn1-doc"),) + tuple(
        (shutil.which(t), t) for t in ("softhsm2-util", "pdfsig", "certtool", "xdotool")))
    if prepared is None:
        return
    workdir, fixtures = prepared
    scan = os.path.join(workdir, "cong-van-den.pdf")
    shutil.copy(PDF, scan)
    db = os.path.join(workdir, "demo.db")
    subprocess.run([XASOCTL, "--db", db, "demo", "--scale", "small", "--seed", "7"], check=True,
                   stdout=subprocess.DEVNULL)

    draft = os.path.join(workdir, "du-thao-tra-loi.pdf")
    shutil.copy(PDF, draft)
    users = subprocess.run([XASOCTL, "--db", db, "user", "list"], check=True, capture_output=True, text=True).stdout
    OFFICER[0] = next(line.split("\t")[1] for line in users.splitlines() if line.startswith("tuphap\t"))

    def scenario():
        app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
        register(app, db, scan)
        present(app, db)
        switch_user(app, "chutich")
        direct(app, db)
        switch_user(app, "tuphap")
        handle(app, db, draft)
        switch_user(app, "chutich")
        sign(app, db)
        switch_user(app, "vanthu")
        issue(app, db)
        check_sealed_file(db, fixtures)
        print_register(app, os.environ["XDG_CACHE_HOME"])

    xaso_a11y.run_app(XASO, db, workdir, scenario)
    print("ok 1 - an incoming document registered, presented, directed, handled and answered", flush=True)


if __name__ == "__main__":
    main()
