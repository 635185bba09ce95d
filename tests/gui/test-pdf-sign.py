#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Signing a real PDF with a USB token, as a commune leader would: the test
makes a CA and a SoftHSM2 token at run time (tests/support/pdf-sign-setup.sh),
trusts the CA the way the preferences do (a PEM under the user data folder's
xaso/trust/), opens a copy of the libtasn1 manual, chooses "Ký số" → "Ký số
cá nhân…", picks the token's certificate, types a wrong PIN first (the dialog
must say so and let the official retry), then the right one, keeps the
preset place (bottom right of the last page) and signs. The signed file
opens in a window of its own whose signatures panel must say "Hợp lệ";
poppler's pdfsig, trusting the same CA through an NSS database, must say
"Signature is Valid" too.

Usage: test-pdf-sign.py XASO SETUP_SCRIPT SCREENSHOT_DIR"""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, fail, find, log, shot, type_into, wait_for  # noqa: E402

XASO, SETUP, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
xaso_a11y.SHOTS = SHOTS
PDF = "/usr/share/doc/libtasn1-doc/libtasn1.pdf"
SIGNER = "Nguyễn Văn An"


def key(*keys):
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True)
    time.sleep(0.3)


def labels(app):
    return [a.name for a in xaso_a11y.find_all(app, "label", showing=True) if a.name]


def sign_dialog(app):
    return find(app, ("check box", "radio button"), contains=SIGNER)


def sign_button(app):
    return find(app, "push button", "Ký")


def run(workdir, doc, signed):
    app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
    wait_for("the page count", lambda: find(app, "label", "/ 36"), 30)
    shot("opened")

    activate(wait_for("the Ký số menu", lambda: find(app, ("toggle button", "push button"), "Ký số")))
    item = wait_for("the person signing item",
                    lambda: find(app, ("menu item", "push button", "check menu item"), contains="cá nhân"))
    activate(item)
    check = wait_for("the token certificate in the dialog", lambda: sign_dialog(app), 30)
    if not check.getState().contains(pyatspi_checked()):
        xaso_a11y.focus(check)
    pin = wait_for("the PIN entry", lambda: find(app, ("password text", "text", "entry"), "Mã PIN hoặc mật khẩu"))
    wait_for("the appearance preview", lambda: find(app, ("image", "icon", "animation"), "Xem trước chữ ký"))
    time.sleep(1.0)
    shot("sign-dialog")

    type_into(pin, "0000")
    activate(sign_button(app))
    wait_for("the wrong-PIN message", lambda: any("Sai mã PIN" in t for t in labels(app)), 60)
    shot("wrong-pin")
    log("a wrong PIN is refused and the form comes back")

    type_into(pin, "1234")
    activate(sign_button(app))
    wait_for("the signed file", lambda: os.path.exists(signed), 120)
    valid = wait_for("“Hợp lệ” in the signatures panel",
                     lambda: find(app, "label", "Hợp lệ") or
                     next((a for a in xaso_a11y.find_all(app, "label", showing=True)
                           if (a.name or "").startswith("Hợp lệ · ")), None), 60)
    log(f"the panel says {valid.name!r}")
    wait_for("the signer in the panel", lambda: any(SIGNER in t for t in labels(app)) or
             find(app, ("list item", "panel", "section"), contains=SIGNER), 10)
    time.sleep(1.0)
    shot("signed-and-verified")


def run_organization(twice):
    """The văn thư signs the leader's signed file as the organization: the
    seal goes over the left third of the leader's signature by default, and
    the panel then lists both signatures as valid."""
    app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
    wait_for("the leader's signature in the panel", lambda: find(app, "label", "Hợp lệ"), 60)
    activate(wait_for("the Ký số menu", lambda: find(app, ("toggle button", "push button"), "Ký số")))
    item = wait_for("the organization signing item",
                    lambda: find(app, ("menu item", "push button", "check menu item"), contains="cơ quan"))
    activate(item)
    check = wait_for("the token certificate in the dialog", lambda: sign_dialog(app), 30)
    if not check.getState().contains(pyatspi_checked()):
        xaso_a11y.focus(check)
    pin = wait_for("the PIN entry", lambda: find(app, ("password text", "text", "entry"), "Mã PIN hoặc mật khẩu"))
    time.sleep(1.0)
    shot("organization-dialog")
    type_into(pin, "1234")
    activate(sign_button(app))
    wait_for("the file signed twice", lambda: os.path.exists(twice), 120)
    wait_for("both signatures valid in the panel",
             lambda: any(t.startswith("2 trên 2 chữ ký hợp lệ") for t in labels(app)), 60)
    time.sleep(1.0)
    shot("organization-signed")


def pyatspi_checked():
    import pyatspi
    return pyatspi.STATE_CHECKED


def pdfsig_valid(fixtures, signed, count=1):
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{fixtures}/nssdb", signed],
                         capture_output=True, text=True).stdout
    log("pdfsig:\n" + out)
    return out.count("Signature Validation: Signature is Valid.") == count and "Total document signed" in out


def main():
    if not os.path.exists(PDF):
        print(f"1..0 # SKIP {PDF} is not installed (libtasn1-doc)", flush=True)
        return
    for tool in ("softhsm2-util", "pdfsig", "certtool", "certutil"):
        if shutil.which(tool) is None:
            print(f"1..0 # SKIP {tool} is not installed", flush=True)
            return
    print("1..2", flush=True)
    workdir = xaso_a11y.scratch_dir("xaso-sign-")
    fixtures = os.path.join(workdir, "pki")
    subprocess.run(["bash", SETUP, fixtures], check=True)
    trust = os.path.join(workdir, "data", "xaso", "trust")
    os.makedirs(trust)
    shutil.copy(os.path.join(fixtures, "ca.pem"), os.path.join(trust, "test-root.pem"))
    os.environ["XDG_DATA_HOME"] = os.path.join(workdir, "data")
    os.environ["SOFTHSM2_CONF"] = os.path.join(fixtures, "softhsm2.conf")
    doc = os.path.join(workdir, "libtasn1.pdf")
    shutil.copy(PDF, doc)
    signed = os.path.join(workdir, "libtasn1-signed.pdf")
    xaso_a11y.run_app(XASO, None, workdir, lambda: run(workdir, doc, signed), args=[doc])
    if not pdfsig_valid(fixtures, signed):
        fail("pdfsig does not find the signature valid")
    print("ok 1 - signed with the token through the dialog; the panel and pdfsig say valid", flush=True)

    twice = os.path.join(workdir, "libtasn1-signed-signed.pdf")
    xaso_a11y.run_app(XASO, None, workdir, lambda: run_organization(twice), args=[signed])
    if not pdfsig_valid(fixtures, twice, 2):
        fail("pdfsig does not find both signatures valid")
    print("ok 2 - signed again as the organization; both signatures stay valid", flush=True)


if __name__ == "__main__":
    main()
