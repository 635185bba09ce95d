#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading a real PDF, as an official would: `xaso FILE.pdf` opens it in a
window of its own; the official goes to page 3 with the page entry, then to
the next page with Page Down, searches a word and reads how many hits there
are, zooms in, selects text with the mouse and copies it.

The PDF is the libtasn1 manual (libtasn1-doc, installed by build-aux/dev
and read by the PDF tests too): 36 pages of real text.

Usage: test-pdf-view.py XASO SCREENSHOT_DIR"""
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, fail, find, log, shot, text_of, type_into, wait_for  # noqa: E402

XASO, SHOTS = sys.argv[1], sys.argv[2]
xaso_a11y.SHOTS = SHOTS
PDF = "/usr/share/doc/libtasn1-doc/libtasn1.pdf"
WORD = "asn1_create_element"


def key(*keys):
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True)
    time.sleep(0.3)


def expected_hits():
    """How often the word occurs, counted by poppler-utils' pdftotext."""
    text = subprocess.run(["pdftotext", PDF, "-"], capture_output=True, text=True, check=True).stdout
    return len(re.findall(re.escape(WORD), text, re.IGNORECASE))


def page_entry(app):
    return wait_for("the page entry", lambda: find(app, ("entry", "text"), "Trang"))


def wait_page(app, number):
    wait_for(f"page {number} in the page entry", lambda: text_of(page_entry(app)) == str(number))


def hits_label(app, total=r"\d+"):
    """The "3/45" of the search bar, not the "/ 36" after the page entry."""
    for acc in xaso_a11y.find_all(app, "label", showing=True):
        if re.fullmatch(rf"\d+/{total}", acc.name or ""):
            return acc
    return None


def zoom_label(app):
    def percent():
        acc = find(app, "label", contains="%")
        return acc.name if acc is not None and re.fullmatch(r"\d+%", acc.name or "") else None
    return wait_for("the zoom level", percent)


def drag(x0, y0, x1, y1):
    subprocess.run(["xdotool", "mousemove", str(x0), str(y0), "mousedown", "1"], check=True)
    for i in range(1, 11):
        subprocess.run(["xdotool", "mousemove", str(x0 + (x1 - x0) * i // 10), str(y0 + (y1 - y0) * i // 10)],
                       check=True)
        time.sleep(0.03)
    subprocess.run(["xdotool", "mouseup", "1"], check=True)
    time.sleep(0.5)


def run():
    app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
    wait_for("the page count", lambda: find(app, "label", "/ 36"), 30)
    wait_page(app, 1)
    time.sleep(0.5)
    shot("opened")

    type_into(page_entry(app), "3")
    key("Return")
    wait_page(app, 3)
    shot("page-3")
    key("Next")
    wait_page(app, 4)
    log("Page Down went on to page 4")

    key("ctrl+f")
    search = wait_for("the search entry", lambda: find(app, ("entry", "text"), "Tìm trong văn bản"))
    type_into(search, WORD)
    want = expected_hits()
    label = wait_for(f"all {want} hits counted", lambda: hits_label(app, want), 30)
    log(f"hits: {label.name} (pdftotext counts {want})")
    first = label.name
    key("Return")
    wait_for("the next hit", lambda: hits_label(app).name != first)
    key("shift+Return")
    wait_for("the previous hit again", lambda: hits_label(app).name == first)
    shot("search")
    key("Escape")

    before = zoom_label(app)
    activate(find(app, "push button", "Phóng to"))
    wait_for("a larger zoom", lambda: zoom_label(app) != before and int(zoom_label(app)[:-1]) > int(before[:-1]))
    log(f"zoom {before} → {zoom_label(app)}")
    shot("zoomed")

    view = wait_for("the pages", lambda: find(app, "document text", "Các trang của tài liệu"))
    ext = view.queryComponent().getExtents(0)  # screen coordinates
    drag(ext.x + ext.width // 6, ext.y + ext.height // 4, ext.x + ext.width * 5 // 6, ext.y + ext.height // 2)
    shot("selected")
    key("ctrl+c")
    key("ctrl+f")
    search = wait_for("the search entry", lambda: find(app, ("entry", "text"), "Tìm trong văn bản"))
    xaso_a11y.focus(search)
    key("ctrl+a", "BackSpace", "ctrl+v")
    pasted = wait_for("the copied text pasted", lambda: text_of(search).strip() or None)
    log(f"copied: {pasted[:60]!r}")
    if not re.search(r"[A-Za-z]{3}", pasted):
        fail(f"the copied text has no words: {pasted!r}")
    shot("copied")


def main():
    if not os.path.exists(PDF):
        print(f"1..0 # SKIP {PDF} is not installed (libtasn1-doc)", flush=True)
        return
    workdir = xaso_a11y.scratch_dir("xaso-pdf-")
    xaso_a11y.run_app(XASO, None, workdir, run, args=[PDF])
    print("ok - a PDF opens, goes to page 3, finds a word, zooms, copies text", flush=True)


if __name__ == "__main__":
    main()
