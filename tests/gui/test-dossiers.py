#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A one-stop dossier from the counter to its result (issue 9): the tiếp nhận
receives a birth registration from the chip card's QR text and prints the
receipt slip, Mẫu 01 (the inputs are counted; the slip's QR code is read
back with zbarimg); the officer requests a supplement and the clock pauses;
the supplement arrives; the officer attaches the result and passes it on;
the leader signs the result in the document window with the SoftHSM token;
the result is returned and the dossier shows it was on time. Around it:
papers missing at the counter give the printed guidance instead of a
dossier; a scanned image opens in its own window; the follow-up register
(Mẫu 07) prints for a period; a dossier's applicant opens their resident
record; the administrator makes a new version of a procedure from a day. The real app under Xvfb, driven through its accessibility tree,
with a screenshot of each step.

Usage: test-dossiers.py XASO XASOCTL SETUP_SCRIPT SCREENSHOT_DIR"""
import os
import shutil
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
APPLICANT = "Nguyễn Thị Mai"
QR = f"001303012345||{APPLICANT}|15032003|Nữ|Thôn Đông, xã Tân Lập|01012021"
INPUTS = [0]
SIGNER = "Nguyễn Văn An"
NOTE = "Miễn lệ phí theo Điều 11 Luật Hộ tịch"   # the name on the SoftHSM token's certificate



def counted(what):
    """One input of the official's: a click, a field typed, a card scanned."""
    INPUTS[0] += 1
    log(f"input {INPUTS[0]}: {what}")



def dossier(db, column):
    return db_value(db, f"SELECT {column} FROM dossier WHERE applicant_id_number = '001303012345'")



def queue(app, name):
    activate(wait_for(f"the {name} queue", lambda: find(app, ("toggle button", "push button"), name, showing=False),
                      20))
    time.sleep(0.5)


def open_dossier(app, code):
    """Types the code into the search box and takes the first match, as the
    counter does with the code on the applicant's slip."""
    search = wait_for("the search box", lambda: find(app, ("entry", "text"), "Tìm hồ sơ"), 20)
    type_into(search, code)
    time.sleep(1.5)
    key("Return")
    wait_for("the dossier shown", lambda: find(app, "label", code), 20)
    time.sleep(1.0)


def step(app, label):
    activate(wait_for(f"the “{label}” button", lambda: find(app, "push button", label), 20))
    time.sleep(0.8)


def button_in_dialog(app, label):
    """A button of the dialog on top (its name may keep the mnemonic's _)."""
    for window in reversed(list(app)):
        if window is None:
            continue
        found = find(window, "push button", contains=label) or find(window, "push button", contains="_" + label)
        if found is not None:
            return found
    return None


def confirm(app):
    activate(wait_for("the Confirm response", lambda: button_in_dialog(app, "Xác nhận"), 10))



def check_slip(cache, code):
    folder = os.path.join(cache, "xaso", "dossiers")
    slip = wait_for("the slip written", lambda: next(
        (os.path.join(root, f) for root, _, files in os.walk(folder) for f in files if f == "mau-01.pdf"), None)
        if os.path.isdir(folder) else None, 60)
    text = subprocess.run(["pdftotext", "-layout", slip, "-"], capture_output=True, text=True).stdout
    if code not in text or APPLICANT not in text:
        fail("the slip lacks the dossier code or the applicant:\n" + text)
    png = os.path.join(os.path.dirname(slip), "slip")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", slip, png], check=True)
    read = subprocess.run(["zbarimg", "--quiet", "--raw", png + "-1.png"], capture_output=True, text=True).stdout
    if code not in read:
        fail(f"the slip's QR code reads {read!r}, not {code}")
    log(f"the slip's QR code reads {read.strip()}")


def cached_pdf(app, cache, name, what):
    """The text of the PDF the app wrote into its cache, once it shows in the
    PDF window (so it is whole)."""
    wait_for(what, lambda: next((w for w in app if w is not None and (w.name or "").startswith(name) and
                                 (w.name or "").endswith(".pdf")), None), 120)
    folder = os.path.join(cache, "xaso")
    found = next(os.path.join(root, f) for root, _, files in os.walk(folder) for f in files
                 if f.startswith(name) and f.endswith(".pdf"))
    return subprocess.run(["pdftotext", "-layout", found, "-"], capture_output=True, text=True).stdout


def guidance(app, db, cache):
    log("papers missing at the counter: the guidance is printed, no dossier is made")
    page(app, "Hồ sơ một cửa")
    before = db_value(db, "SELECT count(*) FROM dossier")
    activate(wait_for("the receive button", lambda: find(app, "push button", "Tiếp nhận hồ sơ"), 20))
    procedure = wait_for("the reception form", lambda: find(app, ("entry", "text"), "Gõ tên hoặc mã thủ tục"), 20)
    type_into(procedure, "khai sinh")
    key("Return")
    wait_for("the papers of the procedure", lambda: find(app, "check box", contains="Giấy chứng sinh",
                                                         showing=False), 20)
    type_into(find(app, ("entry", "text"), "Họ và tên"), "Hà Văn Thiếu")
    activate(find(app, "check box", contains="Tờ khai đăng ký khai sinh", showing=False))
    dialog = next(w for w in app if w is not None and w.name == "Tiếp nhận hồ sơ")
    activate(wait_for("the Receive button", lambda: find(dialog, "push button", contains="Tiếp nhận") or
                      find(dialog, "push button", contains="_Tiếp nhận"), 10))
    button = wait_for("the guidance button", lambda: find(app, "push button", contains="hướng dẫn"), 20)
    shot("papers-missing")
    activate(button)
    text = cached_pdf(app, cache, "mau-02-huong-dan", "the guidance in the PDF window")
    for words in ("PHIẾU YÊU CẦU BỔ SUNG", "chưa được tiếp nhận", "Hà Văn Thiếu", "Giấy chứng sinh",
                  "Tiếp nhận hồ sơ"):
        if words not in text:
            fail(f"the guidance lacks “{words}”:\n{text}")
    if db_value(db, "SELECT count(*) FROM dossier") != before:
        fail("a dossier was made although papers were missing")
    time.sleep(1.5)
    shot("guidance")
    close_windows(app)


def receive(app, db, cache):
    log("the tiếp nhận receives a birth registration from the chip card")
    page(app, "Hồ sơ một cửa")
    shot("dossiers-page")
    activate(wait_for("the receive button", lambda: find(app, "push button", "Tiếp nhận hồ sơ"), 20))
    counted("open the reception form")
    procedure = wait_for("the reception form", lambda: find(app, ("entry", "text"), "Gõ tên hoặc mã thủ tục"), 20)
    type_into(procedure, "khai sinh")
    key("Return")
    counted("the procedure, typed ahead")
    wait_for("the papers of the procedure", lambda: find(app, "check box", contains="Tờ khai đăng ký khai sinh",
                                                         showing=False), 20)
    type_into(find(app, ("entry", "text"), "Mã QR trên thẻ căn cước"), QR)
    key("Return")
    counted("the chip card's QR code")
    wait_for("the applicant filled", lambda: xaso_a11y.text_of(find(app, ("entry", "text"), "Họ và tên")) == APPLICANT,
             10)
    for paper in ("Tờ khai đăng ký khai sinh", "Giấy chứng sinh"):
        box = wait_for(f"the paper {paper}", lambda: find(app, "check box", contains=paper, showing=False), 10)
        activate(box)
        counted(f"ticked {paper}")
    wait_for("the appointment computed", lambda: find(app, "label", contains="/20"), 10)
    time.sleep(1.0)
    shot("reception-form")
    dialog = next(w for w in app if w is not None and w.name == "Tiếp nhận hồ sơ")
    activate(wait_for("the Receive button", lambda: find(dialog, "push button", contains="Tiếp nhận") or
                      find(dialog, "push button", contains="_Tiếp nhận"), 10))
    counted("receive")
    wait_for("the dossier saved", lambda: dossier(db, "status") == 2, 20)
    code = dossier(db, "code")
    wait_for("the done page", lambda: find(app, "label", contains=code), 20)
    shot("received")
    activate(find(app, "push button", contains="In giấy tiếp nhận"))
    counted("print the slip")
    if INPUTS[0] > 12:
        fail(f"receiving took {INPUTS[0]} inputs, more than 12")
    log(f"received {code} in {INPUTS[0]} inputs")
    check_slip(cache, code)
    time.sleep(2.0)
    shot("slip")
    close_windows(app)
    return code


def close_windows(app):
    """Back to the main window, as a person closes what they finished."""
    for window in list(app):
        name = (window.name or "") if window is not None else ""
        if name.endswith((".pdf", ".png")) or name == "Tiếp nhận hồ sơ":
            close = find(window, "push button", "Đóng") or find(window, "push button", contains="Hủy")
            if close is not None:
                activate(close)
    time.sleep(1.0)


def pick_in_combo(app, combo_name, wanted):
    """Opens the drop-down and clicks the name, as a person would."""
    activate(wait_for(f"the {combo_name} row", lambda: find(app, "combo box", combo_name), 10))
    time.sleep(0.8)
    xaso_a11y.focus(wait_for(f"{wanted} in the list", lambda: find(app, "label", wanted), 10))
    time.sleep(0.8)


def assign(app, db, code, officer):
    log("the tiếp nhận assigns the dossier to the officer (it is shown once received)")
    queue(app, "Tất cả hồ sơ")
    open_dossier(app, code)
    step(app, "Chuyển xử lý…")
    wait_for("the assign dialog", lambda: find(app, "combo box", "Người nhận xử lý"), 20)
    pick_in_combo(app, "Người nhận xử lý", officer)
    shot("assign")
    confirm(app)
    wait_for("the dossier assigned", lambda: dossier(db, "status") == 4, 20)


def request_supplement(app, db, code):
    log("the officer requests a supplement; the clock pauses")
    page(app, "Hồ sơ một cửa")
    queue(app, "Của tôi")
    open_dossier(app, code)
    step(app, "Yêu cầu bổ sung…")
    other = wait_for("the supplement dialog", lambda: find(app, ("entry", "text"), "Giấy tờ khác (ngăn cách bằng dấu ;)"),
                     20)
    type_into(other, "Bản sao giấy chứng nhận kết hôn của cha mẹ")
    type_into(find(app, ("entry", "text"), "Căn cứ pháp lý và nội dung cần hoàn thiện"),
              "Điều 16 Luật Hộ tịch: xác định quan hệ cha, mẹ, con")
    shot("supplement")
    confirm(app)
    wait_for("the supplement requested", lambda: dossier(db, "status") == 5, 20)
    if dossier(db, "paused_at") is None or dossier(db, "due_at") is not None:
        fail("the clock did not pause: paused_at and due_at are "
             f"{dossier(db, 'paused_at')!r} and {dossier(db, 'due_at')!r}")
    wait_for("the pause shown", lambda: find(app, "label", contains="Tạm dừng tính thời gian"), 20)
    time.sleep(1.0)
    shot("clock-paused")


def supplement_received(app, db, code):
    log("the supplement arrives at the counter; the clock runs again")
    page(app, "Hồ sơ một cửa")
    queue(app, "Chờ bổ sung")
    open_dossier(app, code)
    step(app, "Nhận bổ sung…")
    wait_for("the dialog", lambda: find(app, ("entry", "text"), "Ghi chú"), 20)
    confirm(app)
    wait_for("the supplement received", lambda: dossier(db, "status") == 4 and dossier(db, "due_at") is not None, 20)


def view_scan(app, db, code, scan):
    log("a scanned image attached opens in its own window")
    step(app, "Đính kèm tệp…")
    type_into(wait_for("the attach dialog", lambda: find(app, ("entry", "text"), "Tệp (PDF hoặc ảnh chụp)"), 20),
              scan)
    activate(wait_for("the Attach response", lambda: button_in_dialog(app, "Đính kèm"), 10))
    wait_for("the scan attached", lambda: db_value(db, "SELECT count(*) FROM attachment a JOIN dossier d ON "
                                                       "a.owner_id = d.id WHERE d.code = ?", code) == 2, 20)
    name = os.path.basename(scan)
    activate(wait_for("the scan's open button", lambda: find(app, "push button", name), 20))
    window = wait_for("the image window", lambda: next((w for w in app if w is not None and w.name == name), None),
                      20)
    wait_for("the picture", lambda: find(window, ("image", "label", "panel", "filler"), name), 10)
    time.sleep(1.0)
    shot("scan-preview")
    close_windows(app)


def attach_and_forward(app, db, code, result, leader, scan):
    log("the officer attaches the result and passes it to the leader")
    page(app, "Hồ sơ một cửa")
    queue(app, "Của tôi")
    open_dossier(app, code)
    step(app, "Đính kèm tệp…")
    type_into(wait_for("the attach dialog", lambda: find(app, ("entry", "text"), "Tệp (PDF hoặc ảnh chụp)"), 20),
              result)
    activate(wait_for("the Attach response", lambda: button_in_dialog(app, "Đính kèm"), 10))
    wait_for("the result attached", lambda: db_value(db, "SELECT count(*) FROM attachment a JOIN dossier d ON "
                                                         "a.owner_id = d.id WHERE d.code = ?", code) == 1, 20)
    view_scan(app, db, code, scan)
    step(app, "Chuyển bước tiếp theo…")
    wait_for("the forward dialog", lambda: find(app, "combo box", "Người nhận xử lý"), 20)
    pick_in_combo(app, "Người nhận xử lý", leader)
    confirm(app)
    holder = wait_for("the dossier forwarded", lambda: db_value(
        db, "SELECT u.username FROM dossier d JOIN user u ON u.id = d.assignee_user_id WHERE d.code = ?",
        code) if dossier(db, "step") != 1 else None, 20)
    if holder != "chutich":
        fail(f"the dossier went to {holder!r}, not to chutich")


def sign_result(app, db, code):
    log("the leader approves by signing the result with the token")
    page(app, "Hồ sơ một cửa")
    queue(app, "Chờ tôi phê duyệt")
    open_dossier(app, code)
    shot("to-approve")
    step(app, "Phê duyệt và ký…")
    activate(wait_for("the Ký số menu", lambda: find(app, ("toggle button", "push button"), "Ký số"), 30))
    activate(wait_for("the person signing item",
                      lambda: find(app, ("menu item", "push button", "check menu item"), contains="cá nhân")))
    check = wait_for("the token certificate in the dialog",
                     lambda: find(app, ("check box", "radio button"), contains=SIGNER), 30)
    if not check.getState().contains(pyatspi.STATE_CHECKED):
        xaso_a11y.focus(check)
    pin = wait_for("the PIN entry", lambda: find(app, ("password text", "text", "entry"), "Mã PIN hoặc mật khẩu"))
    time.sleep(1.5)
    shot("leader-signs")
    type_into(pin, "1234")
    activate(find(app, "push button", "Ký"))
    wait_for("the approval recorded", lambda: dossier(db, "status") == 9, 120)
    time.sleep(1.0)
    close_windows(app)


def follow_up_register(app, cache, code):
    log("the follow-up register (Mẫu 07) prints for a period")
    page(app, "Hồ sơ một cửa")
    activate(wait_for("the print button", lambda: find(app, "push button", "In sổ theo dõi hồ sơ"), 20))
    wait_for("the print dialog", lambda: find(app, ("entry", "text"), "Từ ngày (ngày/tháng/năm)"), 20)
    activate(wait_for("the Print response", lambda: next(
        (b for b in find_all(app, "push button", showing=True) if (b.name or "").replace("_", "") in ("In", "In In")),
        None), 10))
    text = cached_pdf(app, cache, "so-theo-doi-ho-so", "the register in the PDF window")
    if "SỔ THEO DÕI HỒ SƠ" not in text or code.split("-")[-1] not in text:
        fail(f"the register lacks its title or the dossier {code}:\n{text[:2000]}")
    time.sleep(1.5)
    shot("follow-up-register")
    close_windows(app)


def applicant_record(app, db):
    log("a dossier's applicant opens their resident record")
    code, name = (db_value(db, "SELECT code FROM dossier WHERE applicant_person_id IS NOT NULL ORDER BY code LIMIT 1"),
                  db_value(db, "SELECT applicant_name FROM dossier WHERE applicant_person_id IS NOT NULL "
                               "ORDER BY code LIMIT 1"))
    page(app, "Hồ sơ một cửa")
    queue(app, "Tất cả hồ sơ")
    open_dossier(app, code)
    activate(wait_for("the resident record link", lambda: find(app, "push button", "Mở hồ sơ cư dân của người nộp"),
                      20))
    wait_for("the Công dân page with the person", lambda: find(app, "label", "Công dân") and
             len([a for a in find_all(app, "label", showing=True) if a.name == name]) > 0, 20)
    time.sleep(1.0)
    shot("applicant-record")


def catalogue(app, db):
    log("the administrator makes a new version of a procedure from a day")
    page(app, "Hồ sơ một cửa")
    activate(wait_for("the catalogue button", lambda: find(app, "push button", "Danh mục thủ tục"), 20))
    window = wait_for("the catalogue", lambda: next((w for w in app if w is not None and
                                                    w.name == "Danh mục thủ tục hành chính"), None), 20)
    type_into(wait_for("the catalogue's search", lambda: find(window, ("entry", "text"), "Tìm thủ tục"), 20),
              "1.004837")
    time.sleep(1.5)
    key("Return")
    wait_for("the procedure shown", lambda: find(window, "label", "Đăng ký giám hộ"), 20)
    wait_for("its versions", lambda: find(window, "label", "Phiên bản 1", showing=False), 20)
    shot("catalogue")
    activate(wait_for("the New Version button", lambda: find(window, "push button", contains="Phiên bản mới") or
                      find(window, "push button", contains="Phiên bản _mới"), 10))
    editor = wait_for("the editor", lambda: next((w for w in app if w is not None and
                                                 (w.name or "").startswith("Phiên bản mới của thủ tục")), None), 20)
    limit = wait_for("the counter's time limit", lambda: find(editor, ("entry", "text"), "Thời hạn khi nộp trực tiếp"),
                     10)
    type_into(limit, "4")

    def save():
        activate(find(editor, "push button", contains="Lưu phiên bản") or
                 find(editor, "push button", contains="_Lưu phiên bản"))
    save()
    wait_for("the steps' hours refused", lambda: find(editor, "label", contains="cộng lại 24 giờ"), 20)
    shot("new-version-refused")
    type_into(limit, "3")
    type_into(find(editor, ("entry", "text"), "Ghi chú về lệ phí"), NOTE)
    save()
    wait_for("the new version stored", lambda: db_value(
        db, "SELECT fee_note FROM procedure WHERE code = '1.004837' AND version = 2") == NOTE, 20)
    if db_value(db, "SELECT valid_to FROM procedure WHERE code = '1.004837' AND version = 1") is None:
        fail("the first version was not ended")
    wait_for("the second version listed", lambda: find(window, "label", "Phiên bản 2", showing=False), 20)
    time.sleep(1.0)
    shot("catalogue-new-version")
    close = find(window, "push button", "Đóng")
    if close is not None:
        activate(close)


def return_result(app, db, code):
    log("the counter returns the result; the dossier shows it was on time")
    page(app, "Hồ sơ một cửa")
    queue(app, "Chờ trả kết quả")
    open_dossier(app, code)
    step(app, "Trả kết quả…")
    wait_for("the return dialog", lambda: find(app, ("entry", "text"), "Người nhận kết quả"), 20)
    confirm(app)
    wait_for("the result returned", lambda: dossier(db, "status") == 10, 20)
    timeliness = dossier(db, "timeliness")
    if timeliness not in ("early", "on_time"):
        fail(f"the dossier is {timeliness!r}, not on time")
    label = "Trước hạn" if timeliness == "early" else "Đúng hạn"
    wait_for(f"“{label}” shown", lambda: find(app, "label", contains=label), 20)
    time.sleep(1.0)
    shot("returned-on-time")


def main():
    prepared = xaso_a11y.prepare_signing("xaso-dossiers-", SETUP, ((PDF, "libtasn1-doc"),) + tuple(
        (shutil.which(t), t) for t in ("softhsm2-util", "pdfsig", "zbarimg", "xdotool")))
    if prepared is None:
        return
    workdir, fixtures = prepared
    os.environ["XDG_CONFIG_HOME"] = os.path.join(workdir, "config")
    os.environ["XASO_KEYRING"] = "file"
    result = os.path.join(workdir, "giay-khai-sinh.pdf")
    shutil.copy(PDF, result)
    scan = os.path.join(workdir, "giay-chung-sinh.png")
    subprocess.run(["convert", "-size", "620x877", "xc:white", "-fill", "black", "-pointsize", "28",
                    "-annotate", "+60+120", "GIAY CHUNG SINH", scan], check=True)
    db = os.path.join(workdir, "demo.db")
    subprocess.run([XASOCTL, "--db", db, "demo", "--scale", "small", "--seed", "7"], check=True,
                   stdout=subprocess.DEVNULL)
    users = subprocess.run([XASOCTL, "--db", db, "user", "list"], check=True, capture_output=True, text=True).stdout
    names = {line.split("\t")[0]: line.split("\t")[1] for line in users.splitlines()}

    def scenario():
        app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
        switch_user(app, "motcua1")
        guidance(app, db, os.environ["XDG_CACHE_HOME"])
        code = receive(app, db, os.environ["XDG_CACHE_HOME"])
        assign(app, db, code, names["tuphap"])
        switch_user(app, "tuphap")
        request_supplement(app, db, code)
        switch_user(app, "motcua1")
        supplement_received(app, db, code)
        switch_user(app, "tuphap")
        attach_and_forward(app, db, code, result, names["chutich"], scan)
        switch_user(app, "chutich")
        sign_result(app, db, code)
        switch_user(app, "motcua1")
        return_result(app, db, code)
        follow_up_register(app, os.environ["XDG_CACHE_HOME"], code)
        applicant_record(app, db)
        switch_user(app, "quantri")
        catalogue(app, db)

    xaso_a11y.run_app(XASO, db, workdir, scenario)
    print("ok 1 - a dossier received, paused for a supplement, signed and returned on time; the guidance, a "
          "scan's preview, the follow-up register, the applicant's record and the catalogue", flush=True)


if __name__ == "__main__":
    main()
