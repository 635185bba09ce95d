#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""GUI memory (DESIGN.md §7: at most 200 MB RSS with the reference database
after visiting every page). Starts the real app on the reference commune,
visits every section of the sidebar through the accessibility tree, and on
Công dân searches, scrolls through the list and opens a person, as an
official would in a morning; then opens the leader's dashboard and reads
the process's resident memory with it shown.
Prints "bench gui-memory: N MB".

Usage (under tests/gui/run-gui-test.sh, which gives it a display and the
accessibility bus): bench-gui-memory.py XASO DATABASE"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, click, find, type_into, wait_for  # noqa: E402

XASO, DB = sys.argv[1], sys.argv[2]
SECTIONS = ["Văn bản đến", "Văn bản đi", "Hồ sơ một cửa", "Báo cáo", "Đồng bộ", "Công dân"]


def key(*keys, times=1):
    for _ in range(times):
        subprocess.run(["xdotool", "key", *keys], check=True)
        time.sleep(0.05)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def visit(app):
    for section in SECTIONS:
        row = wait_for(f"the {section} row of the sidebar",
                       lambda: find(app, ("list item", "label"), section), 30)
        activate(row)
        time.sleep(0.5)
    search = wait_for("the search entry", lambda: find(app, ("entry", "text"), "Tìm công dân"), 30)
    for text in ("nguyen van", "tran thi", ""):
        type_into(search, text)
        time.sleep(1.0)
    activate(search)
    key("Tab")
    key("Page_Down", times=40)
    key("Return")
    time.sleep(1.0)
    print(f"# before the dashboard: {rss_mb(app.get_process_id()):.1f} MB", flush=True)
    dashboard(app)


def dashboard(app):
    activate(wait_for("the Báo cáo row of the sidebar", lambda: find(app, ("list item", "label"), "Báo cáo"), 30))
    wait_for("the dashboard's figures", lambda: find(app, "push button", contains="Hồ sơ đã tiếp nhận: "), 60)
    time.sleep(2.0)


def main():
    workdir = tempfile.mkdtemp(prefix="xaso-memory-")
    result = {}

    def scenario():
        app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 60)
        visit(app)
        result["rss"] = rss_mb(app.get_process_id())

    xaso_a11y.run_app(XASO, DB, workdir, scenario)
    print(f"bench gui-memory: {result['rss']:.1f} MB", flush=True)


if __name__ == "__main__":
    main()
