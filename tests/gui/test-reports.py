#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The leader's dashboard (issue 10): the chairman opens Báo cáo on the demo
commune; the tiles show the figures `xasoctl report kpi` prints for the same
period; the period becomes a year; the bar of an overdue officer opens the
dossiers page on exactly that officer's overdue dossiers, with the report's
filter pinned and removable; the KPI report is exported to XLSX and PDF
from Báo cáo → Báo cáo and read back by programs we did not write. The real
app under Xvfb, driven through its accessibility tree, with screenshots.

Usage: test-reports.py XASO XASOCTL SCREENSHOT_DIR"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xaso_a11y  # noqa: E402
from xaso_a11y import activate, db_value, fail, find, find_all, key, log, page, shot, switch_user, wait_for  # noqa: E402

XASO, XASOCTL, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
xaso_a11y.SHOTS = SHOTS


def figure(name):
    """The number at the end of an accessible name ("…: 1.234" or "…: 92,5%")."""
    m = re.search(r"([\d.,]+)%?$", name or "")
    if m is None:
        fail(f"no figure in “{name}”")
    return m.group(1)


def kpi(db, first, last):
    out = subprocess.run([XASOCTL, "--db", db, "report", "kpi", "--from", first, "--to", last],
                         check=True, capture_output=True, text=True).stdout
    return dict(line.split("\t", 1) for line in out.splitlines())


def tile(app, caption):
    return wait_for(f"the “{caption}” tile", lambda: find(app, "push button", contains=caption + ":"), 30)


def this_month(app, db):
    log("the chairman opens Báo cáo: this month's figures, as xasoctl counts them")
    page(app, "Báo cáo")
    today = datetime.date.today()
    first = today.replace(day=1).isoformat()
    last = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    figures = kpi(db, first, last.isoformat())
    received = tile(app, "Hồ sơ đã tiếp nhận")
    if figure(received.name).replace(".", "") != figures["received"]:
        fail(f"the tile says {received.name}, xasoctl {figures['received']}")
    resolved = tile(app, "Hồ sơ đã giải quyết")
    if figure(resolved.name).replace(".", "") != figures["resolved"]:
        fail(f"the tile says {resolved.name}, xasoctl {figures['resolved']}")
    time.sleep(1.0)
    shot("dashboard-this-month")


def choose_year(app, db):
    log("the period becomes the whole year")
    combo = wait_for("the period control", lambda: find(app, "combo box", "Kỳ báo cáo"), 20)
    activate(combo)
    time.sleep(0.8)
    xaso_a11y.focus(wait_for("the “Một năm” choice", lambda: find(app, "label", "Một năm"), 10))
    year = datetime.date.today().year
    wait_for("the year's figures", lambda: find(app, "label", f"Năm {year}"), 30)
    figures = kpi(db, f"{year}-01-01", f"{year}-12-31")
    wait_for("the year's received count", lambda: figure(tile(app, "Hồ sơ đã tiếp nhận").name).replace(".", "")
             == figures["received"], 30)
    time.sleep(1.0)
    shot("dashboard-year")
    return figures


def officer_bar(app):
    """The first bar of the overdue-by-officer chart: its officer and count."""
    chart = wait_for("the overdue-by-officer chart",
                     lambda: find(app, ("panel", "grouping", "filler"), "Hồ sơ quá hạn, theo cán bộ"), 20)
    bars = [b for b in find_all(chart, "push button") if b.name and ":" in b.name]
    if not bars:
        fail("the overdue-by-officer chart has no bars")
    return bars[0]


def officer_overdue(app, db):
    log("the officer with most overdue dossiers: the bar opens their overdue dossiers")
    bar = officer_bar(app)
    name, count = bar.name.split(":")[0], int(figure(bar.name).replace(".", ""))
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).strftime("%Y-%m-%dT%H:%M:%S")
    in_db = db_value(db, "SELECT count(*) FROM dossier d JOIN user u ON u.id = d.assignee_user_id "
                         "WHERE u.full_name = ? AND d.deleted = 0 AND d.status IN (2, 4, 5, 6) "
                         "AND coalesce (d.due_at, d.legal_due_at) < ?", name, now)
    log(f"{name}: {count} overdue on the bar, {in_db} in the database")
    activate(bar)
    wait_for("the pinned filter", lambda: find(app, ("panel", "grouping", "filler"),
                                               contains="Từ báo cáo: Quá hạn — " + name), 20)
    wait_for(f"{count} dossiers listed", lambda: find(app, "label", f"{count} hồ sơ"), 20)
    time.sleep(1.0)
    shot("officer-overdue-dossiers")
    activate(wait_for("the remove-filter button", lambda: find(app, "push button", "Bỏ bộ lọc của báo cáo"), 10))
    wait_for("the pinned filter gone", lambda: find(app, ("panel", "grouping", "filler"),
                                                    contains="Từ báo cáo") is None, 10)


def scroll_down(times):
    """The mouse wheel over the middle of the window, as a person reads on."""
    ox, oy = xaso_a11y.window_origin()
    subprocess.run(["xdotool", "mousemove", str(ox + 700), str(oy + 450)], check=True)
    for _ in range(times):
        subprocess.run(["xdotool", "click", "5"], check=True)
    time.sleep(0.8)


def lower_charts(app):
    log("the charts further down: officers, units, fields, documents, population")
    page(app, "Báo cáo")
    table = wait_for("the table view of the channels",
                     lambda: find(app, ("toggle button", "push button"),
                                  "Xem “Tiếp nhận theo hình thức và bộ phận” dạng bảng"), 20)
    activate(table)
    time.sleep(0.8)
    shot("channels-as-table")
    activate(table)
    for n in range(3):
        scroll_down(4)
        shot(f"dashboard-lower-{n + 1}")


def export(app, label, folder, suffix):
    button = wait_for(f"the “{label}” button", lambda: find(app, "push button", contains=label), 20)
    activate(button)
    return wait_for(f"the {suffix} written", lambda: next(
        (os.path.join(root, f) for root, _, files in os.walk(folder) for f in files
         if f.startswith("kpi-") and f.endswith(suffix)), None) if os.path.isdir(folder) else None, 60)


def exports(app, db, workdir, figures):
    log("the year's KPI report to Excel and to PDF, read back by LibreOffice and pdftotext")
    page(app, "Báo cáo")
    activate(wait_for("the Reports tab", lambda: find(app, ("page tab", "toggle button", "push button"),
                                                      "Báo cáo"), 20))
    time.sleep(0.8)
    shot("reports-tab")
    title = "Tổng hợp số liệu trong kỳ"
    xlsx = export(app, f"Excel: {title}", os.path.join(workdir, "documents"), ".xlsx")
    time.sleep(1.0)
    shot("xlsx-saved")   # with the toast that offers to open it
    reader = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support", "read-report.py")
    out = os.path.join(workdir, "xlsx-read")
    os.makedirs(out)
    rows = subprocess.run(["python3", reader, "xlsx", xlsx, out, "--no-totals"], check=True, capture_output=True, text=True,
                          timeout=300).stdout
    values = {row.split("|")[0]: row.split("|")[-1] for row in rows.splitlines() if "|" in row}
    for name in ("received", "resolved", "on_time_rate", "online_rate"):
        if values.get(name) != figures[name]:
            fail(f"LibreOffice reads {name} = {values.get(name)}, xasoctl says {figures[name]}:\n{rows}")
    log("LibreOffice reads the spreadsheet back with the year's figures")
    pdf = export(app, f"Xem và in: {title}", os.environ["XDG_CACHE_HOME"], ".pdf")
    wait_for("the report in the document window", lambda: find(app, "label", contains="/ "), 60)
    time.sleep(1.5)
    shot("kpi-pdf")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    if title.upper() not in text.upper() or figures["received"] not in text.replace(".", ""):
        fail("the PDF lacks its title or the received count:\n" + text)


def main():
    for tool in ("xdotool", "import"):
        if shutil.which(tool) is None:
            print(f"1..0 # SKIP {tool} is not installed", flush=True)
            return
    print("1..1", flush=True)
    if os.path.isdir(SHOTS):
        shutil.rmtree(SHOTS)
    workdir = tempfile.mkdtemp(prefix="xaso-reports-")
    os.environ["XDG_CACHE_HOME"] = os.path.join(workdir, "cache")
    os.environ["XDG_DATA_HOME"] = os.path.join(workdir, "data")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(workdir, "config")
    os.makedirs(os.environ["XDG_CONFIG_HOME"])
    with open(os.path.join(os.environ["XDG_CONFIG_HOME"], "user-dirs.dirs"), "w") as dirs:
        dirs.write(f'XDG_DOCUMENTS_DIR="{workdir}/documents"\n')
    db = os.path.join(workdir, "demo.db")
    subprocess.run([XASOCTL, "--db", db, "demo", "--scale", "small", "--seed", "7"], check=True,
                   stdout=subprocess.DEVNULL)

    def scenario():
        app = wait_for("the app on the accessibility bus", xaso_a11y.find_app, 30)
        switch_user(app, "chutich")
        this_month(app, db)
        figures = choose_year(app, db)
        lower_charts(app)
        officer_overdue(app, db)
        exports(app, db, workdir, figures)

    xaso_a11y.run_app(XASO, db, workdir, scenario)
    print("ok 1 - the dashboard counts as xasoctl does, its bars open their dossiers, its reports export",
          flush=True)


if __name__ == "__main__":
    main()
