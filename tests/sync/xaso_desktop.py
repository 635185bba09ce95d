# SPDX-License-Identifier: GPL-3.0-or-later
"""What the sync tests do with a desktop through xasoctl: run a verb, read its
name<TAB>value lines, sync it checking that every op sent has one receipt,
and number the TAP lines."""

import os
import subprocess

from xaso_server_fixture import COMMUNE_A, Server  # the tests put tests/server on the path first

XASOCTL = os.environ["XASOCTL"]
_tests = 0


def ok(what):
    global _tests
    _tests += 1
    print(f"ok {_tests} - {what}", flush=True)


def xasoctl(db, *args, stdin=None, check=True, user=None, clock=None, env=None):
    """Runs a verb; @clock, a faketime offset such as "+365d", runs it with
    the desktop's clock that far off; @env, variables to set for it (a
    desktop's own XDG_CONFIG_HOME, where its keys are)."""
    cmd = (["faketime", "-f", clock] if clock else []) + [XASOCTL, "--db", db] + \
        (["--as", user] if user else []) + list(args)
    env = dict(os.environ, **(env or {}))
    if clock:
        # faketime is an LD_PRELOAD library; a sanitized build's runtime
        # must then be told not to insist on coming first.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "verify_asan_link_order=0"]))
    out = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env)
    if check and out.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr}")
    return out


def start_province(server, name, plan):
    """The province's xaso-server started on a database of its own, the TAP
    plan of @plan tests printed; None, the test skipped, without PostgreSQL."""
    if not os.environ.get("XASO_TEST_PG"):
        print("1..0 # SKIP XASO_TEST_PG is not set (build-aux/dev test starts PostgreSQL)")
        return None
    print(f"1..{plan}", flush=True)
    province = Server(server, name)
    province.setup()
    province.start()
    return province


def init_commune(db):
    """Xã Tân Lập (COMMUNE_A of the server fixture), standalone, its
    administrator quantri."""
    return xasoctl(db, "init", "--code", COMMUNE_A, "--name", "Xã Tân Lập", "--province-code", "80",
                   "--province", "Tây Ninh", "--agency-id", "000.00.01.H80", "--admin", "quantri",
                   "--admin-name", "Trần Văn Quản", "--password-stdin", stdin="mat-khau-quan-tri\n")


def table(text):
    return dict(line.split("\t", 1) for line in text.strip().splitlines() if "\t" in line)


def sync_with_warnings(db, clock=None):
    """One sync; its report and what xasoctl warned on stderr."""
    out = xasoctl(db, "sync", "--report", clock=clock)
    report = table(out.stdout)
    sent = int(report["sent"])
    total = sum(int(report[k]) for k in ("applied", "merged", "conflict", "rejected"))
    assert sent == total, f"sent {sent} but {total} receipts: {report}"
    return report, out.stderr


def sync(db, clock=None):
    return sync_with_warnings(db, clock)[0]
