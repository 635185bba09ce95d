# SPDX-License-Identifier: GPL-3.0-or-later
"""What the sync tests do with a desktop through xasoctl: run a verb, read its
name<TAB>value lines, sync it checking that every op sent has one receipt,
and number the TAP lines."""

import os
import subprocess

XASOCTL = os.environ["XASOCTL"]
_tests = 0


def ok(what):
    global _tests
    _tests += 1
    print(f"ok {_tests} - {what}", flush=True)


def xasoctl(db, *args, stdin=None, check=True, user=None, env=None):
    cmd = [XASOCTL, "--db", db] + (["--as", user] if user else []) + list(args)
    out = subprocess.run(cmd, input=stdin, capture_output=True, text=True,
                         env=dict(os.environ, **env) if env else None)
    if check and out.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr}")
    return out


def table(text):
    return dict(line.split("\t", 1) for line in text.strip().splitlines() if "\t" in line)


def sync(db):
    report = table(xasoctl(db, "sync", "--report").stdout)
    sent = int(report["sent"])
    total = sum(int(report[k]) for k in ("applied", "merged", "conflict", "rejected"))
    assert sent == total, f"sent {sent} but {total} receipts: {report}"
    return report
