#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Numbers on the server (DESIGN.md §4.7) against a real xaso-server on a real
PostgreSQL: next year's register is a lease of its own, taken while this
year's is held and refused to another desktop; and `xaso-server init-db` on a
server upgraded from before number claims claims the numbers its log holds —
the earlier row keeps a number two rows held before, a second run adds
nothing, an old number pushed again is refused as a duplicate — also when
init-db runs as the tables' owner rather than a superuser, whom row-level
security holds to one commune."""

import os
import subprocess
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from xaso_server_fixture import COMMUNE_A, COMMUNE_B, Server, Tap, new_id, op  # noqa: E402

tap = Tap()
server = Server(sys.argv[1], "numbers")


class Device:
    def __init__(self, commune, name):
        self.id = new_id()
        self.token = server.enroll(commune, self.id, name)
        self.seq = 0

    def push(self, row, fields, table="document", actor="vanthu", kind="insert"):
        self.seq += 1
        answer = server.push(self.token, self.id, [op(self.seq, row, kind, fields, table=table, actor=actor)])
        assert answer.status == 200, answer.body
        return answer.json["receipts"][0]

    def lease(self, register, year):
        return server.request("POST", "/v1/leases", {"kind": "register", "register": register, "year": year},
                              token=self.token)


def claims(commune=None):
    where = f"WHERE commune_code = '{commune}'" if commune else ""
    return server.psql("SELECT coalesce(string_agg(commune_code || ' ' || series || ' ' || number || ' ' || row_id, "
                       f"E'\\n' ORDER BY commune_code, series, number), '') FROM number_claim {where}")


def next_year(clerk, other):
    this_year, next_one = new_id(), new_id()
    tap.equal(clerk.lease(this_year, 2026).status, 200, "the clerk's desktop holds this year's register")
    answer = clerk.lease(next_one, 2027)
    tap.equal((answer.status, answer.json.get("year"), answer.json.get("device_id")), (200, 2027, clerk.id),
              "it takes next year's register while this year's runs: a lease of its own")
    held = other.lease(next_one, 2027)
    tap.equal((held.status, held.code, held.json["error"].get("holder")), (409, "lease_held", clerk.id),
              "another desktop asking for next year's register is refused, the holder named")
    listed = server.admin("lease", "list", "--commune", COMMUNE_A).stdout
    tap.ok(f"{this_year}\t2026\t{clerk.id}" in listed and f"{next_one}\t2027\t{clerk.id}" in listed,
           "xaso-server lease list shows both years' leases", listed)


def old_log(clerk, desk):
    """What a server from before number claims holds: numbered documents and
    dossiers, and a number two documents took."""
    register = new_id()
    clerk.push(new_id(), {"username": "quantri", "roles": "quan_tri"}, table="user", actor="quantri")
    clerk.push(new_id(), {"username": "vanthu", "roles": "van_thu"}, table="user", actor="quantri")
    clerk.push(new_id(), {"username": "tiepnhan", "roles": "tiep_nhan"}, table="user", actor="quantri")
    first, second = new_id(), new_id()
    receipts = [clerk.push(first, {"register_id": register, "number": 1, "notation": "1/TB"}),
                clerk.push(new_id(), {"register_id": register, "number": 2, "notation": "2/TB"}),
                clerk.push(new_id(), {"register_id": register, "number": None, "notation": "dự thảo"}),
                desk.push(new_id(), {"code": "000.00.01.H80-261207-0001", "applicant_name": "Lê Văn Một"},
                          table="dossier", actor="tiepnhan")]
    tap.ok(all(r["outcome"] == "applied" for r in receipts), "numbered documents and a dossier are applied",
           receipts)
    server.psql("DELETE FROM number_claim")
    # Without claims a second document takes number 1: the duplicate the
    # upgrade finds in the log.
    tap.equal(desk.push(second, {"register_id": register, "number": "01", "notation": "1b/TB"})["outcome"],
              "applied", "a server without claims lets a duplicate number into its log")
    # This server claims what it applies: forgotten again, as before claims.
    server.psql("DELETE FROM number_claim")
    return register, first, second


def backfill(clerk, desk):
    register, first, second = old_log(clerk, desk)
    run = server.admin("init-db")
    tap.equal((run.returncode, run.stdout), (0, "numbers_claimed\t3\n"),
              "init-db claims the three numbers the log holds (a draft holds none)")
    held = claims(COMMUNE_A)
    tap.ok(f"register:{register} 1 {first}" in held and second not in held,
           "of two rows holding one number, the one that took it first keeps it", held)
    tap.ok("dossier 000.00.01.H80-261207-0001 " in held, "a dossier's code is claimed", held)
    again = server.admin("init-db")
    tap.equal((again.returncode, again.stdout), (0, "numbers_claimed\t0\n"), "a second init-db claims nothing")
    tap.equal(claims(COMMUNE_A), held, "the claims are the same after the second run")
    refused = [clerk.push(new_id(), {"register_id": register, "number": 2, "notation": "2b/TB"}),
               desk.push(new_id(), {"code": "000.00.01.H80-261207-0001", "applicant_name": "Lê Văn Hai"},
                         table="dossier", actor="tiepnhan")]
    tap.equal([(r["outcome"], r.get("reason_code")) for r in refused], [("rejected", "duplicate_number")] * 2,
              "an old document number or dossier code pushed again is refused as a duplicate")


def owner_run():
    """init-db as the owner of the tables, not a superuser: row-level
    security (FORCE) applies to it, and the backfill still sees every
    commune."""
    owner = f"xaso_owner_{os.getpid()}"
    server.psql(f"CREATE ROLE {owner} LOGIN")
    try:
        server.psql(f"ALTER DATABASE {server.dbname} OWNER TO {owner}; "
                    "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = "
                    f"'public' LOOP EXECUTE format('ALTER TABLE %I OWNER TO {owner}', t); END LOOP; END $$")
        b = Device(COMMUNE_B, "Máy văn thư xã B")
        b.push(new_id(), {"register_id": new_id(), "number": 7, "notation": "7/TB"})
        kept = claims()
        server.psql("DELETE FROM number_claim")
        config = server.config + ".owner"
        with open(server.config) as f, open(config, "w") as out:
            out.write(f.read().replace(f"database={server.conninfo}", f"database={server.conninfo} user={owner}"))
        run = subprocess.run([server.program, "init-db", "--config", config], capture_output=True, text=True)
        tap.equal((run.returncode, run.stdout, run.stderr), (0, f"numbers_claimed\t{len(kept.splitlines())}\n", ""),
                  "init-db as the tables' owner claims every commune's numbers")
        tap.equal(claims(), kept, "both communes' claims are back as they were")
        forced = server.psql("SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relname IN "
                             "('commune', 'row_field', 'number_claim') AND relforcerowsecurity")
        tap.equal(forced, "commune,number_claim,row_field", "row-level security is forced again after it")
    finally:
        server.psql(f"REASSIGN OWNED BY {owner} TO CURRENT_USER; DROP OWNED BY {owner}")
        server.psql(f"DROP ROLE IF EXISTS {owner}")


def main():
    server.setup()
    server.start()
    try:
        clerk = Device(COMMUNE_A, "Máy văn thư")
        desk = Device(COMMUNE_A, "Máy một cửa")
        next_year(clerk, desk)
        backfill(clerk, desk)
        owner_run()
    except Exception:
        sys.stderr.write(server.server_log()[-3000:])
        raise
    finally:
        server.kill()
        server.drop_database()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
