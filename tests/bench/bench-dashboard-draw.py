#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The leader's dashboard for a year (issue 10: at most 150 ms from a
period change to drawn). Starts the real app on the reference commune,
opens Báo cáo, chooses a year, then changes the year back and forth as a
leader comparing years would; the app times each change from the period
control to the first frame painted with the figures (G_MESSAGES_DEBUG
prints it). Prints "bench dashboard-draw-year: N ms", the median.

Usage (under tests/gui/run-gui-test.sh): bench-dashboard-draw.py XASO DATABASE"""
import os
import re
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, fail, find, page, wait_for  # noqa: E402

XASO, DB = sys.argv[1], sys.argv[2]
CHANGES = 11


def drawn_times(log_path):
    with open(log_path) as log:
        return [int(m.group(1)) / 1000 for m in re.finditer(r"dashboard drawn in (\d+) µs", log.read())]


def main():
    workdir = tempfile.mkdtemp(prefix="xaso-dashboard-")
    log_path = os.path.join(workdir, "app.log")
    os.environ["G_MESSAGES_DEBUG"] = "xaso-reports"
    result = {}

    def scenario():
        app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 60)
        page(app, "Báo cáo")
        wait_for("the first figures", lambda: len(drawn_times(log_path)) >= 1, 120)
        activate(wait_for("the period control", lambda: find(app, "combo box", "Kỳ báo cáo"), 20))
        time.sleep(0.8)
        xaso_a11y.focus(wait_for("the “Một năm” choice", lambda: find(app, "label", "Một năm"), 10))
        wait_for("the year's figures", lambda: len(drawn_times(log_path)) >= 2, 60)
        year = wait_for("the year", lambda: find(app, "spin button", "Năm"), 20).queryValue()
        this_year = year.currentValue
        for i in range(CHANGES):
            before = len(drawn_times(log_path))
            year.currentValue = this_year - 1 if i % 2 == 0 else this_year
            wait_for("the figures drawn", lambda: len(drawn_times(log_path)) > before, 60)
            time.sleep(0.3)
        times = drawn_times(log_path)[2:]
        if len(times) < CHANGES:
            fail(f"only {len(times)} of {CHANGES} changes were drawn")
        result["times"] = times

    xaso_a11y.run_app(XASO, DB, workdir, scenario)
    print(f"# each change: {', '.join(f'{t:.0f}' for t in result['times'])} ms", flush=True)
    print(f"bench dashboard-draw-year: {statistics.median(result['times']):.1f} ms", flush=True)


if __name__ == "__main__":
    main()
