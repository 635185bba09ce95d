#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an exported report back with tools we did not write, for
tests/core/test-report-export.c: prints its rows as cell|cell|… lines, rates
rounded to one decimal ("33.3"), whatever wrote them.

  read-report.py csv FILE           Python's csv module; the BOM and CRLF required
  read-report.py xlsx FILE WORKDIR [--no-totals]
                                    LibreOffice converts it to CSV after the cached
                                    results of its formulas were zeroed, so the
                                    totals row it gives is its own computation
                                    (--no-totals: a report without one, the KPIs)
"""
import csv
import io
import os
import re
import subprocess
import sys
import zipfile


def normal(cell):
    if cell.endswith("%"):
        return "%.1f" % float(cell[:-1])
    return cell


def print_rows(text):
    for row in csv.reader(io.StringIO(text, newline="")):
        print("|".join(normal(c) for c in row))


def read_csv(path):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        sys.exit("no BOM")
    if b"\r\n" not in raw or b"\n" in raw.replace(b"\r\n", b""):
        sys.exit("not CRLF lines")
    print_rows(raw[3:].decode("utf-8"))


def zero_formulas(path, out, totals=True):
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                if "state=\"frozen\"" not in text:
                    sys.exit("header row not frozen")
                if totals and "<f>SUM(" not in text:
                    sys.exit("no SUM() in the totals row")
                data = re.sub(r"(</f>)<v>[^<]*</v>", r"\1<v>0</v>", text).encode("utf-8")
            zout.writestr(item, data)


def read_xlsx(path, workdir, totals=True):
    zeroed = os.path.join(workdir, "zeroed.xlsx")
    zero_formulas(path, zeroed, totals)
    # A private profile: runs in parallel do not share one, and this one
    # makes LibreOffice compute every formula on load, not trust the file.
    profile = os.path.join(workdir, "profile", "user")
    os.makedirs(profile, exist_ok=True)
    with open(os.path.join(profile, "registrymodifications.xcu"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
                '</oor:items>\n')
    env = dict(os.environ, HOME=workdir)
    subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(workdir, "profile"),
                    "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
                    "--outdir", workdir, zeroed],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print_rows(open(os.path.join(workdir, "zeroed.csv"), encoding="utf-8").read())


if sys.argv[1] == "csv":
    read_csv(sys.argv[2])
else:
    read_xlsx(sys.argv[2], sys.argv[3], "--no-totals" not in sys.argv[4:])
