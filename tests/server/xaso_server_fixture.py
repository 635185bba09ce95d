# SPDX-License-Identifier: GPL-3.0-or-later
"""A throw-away xaso-server for the tests: its own database on the cluster of
XASO_TEST_PG, two communes, a CA and a certificate for 127.0.0.1, the real
server on a free loopback port, and a small HTTPS client. TAP output."""

import datetime
import gzip
import http.client
import json
import os
import re
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import uuid

COMMUNE_A = "80001"
COMMUNE_B = "80002"


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, condition, name, detail=None):
        self.n += 1
        if condition:
            print(f"ok {self.n} - {name}", flush=True)
        else:
            self.failed += 1
            print(f"not ok {self.n} - {name}", flush=True)
            if detail is not None:
                for line in str(detail).splitlines():
                    print(f"# {line}", flush=True)
        return condition

    def equal(self, got, expected, name):
        return self.ok(got == expected, name, f"got {got!r}\nexpected {expected!r}")

    def finish(self):
        print(f"1..{self.n}", flush=True)
        return 1 if self.failed else 0


def conninfo_or_skip():
    conninfo = os.environ.get("XASO_TEST_PG")
    if not conninfo:
        print("1..0 # SKIP XASO_TEST_PG is not set", flush=True)
        sys.exit(77)
    return conninfo


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def validity(days):
    """A certtool validity from @days ago to @days ahead: desktops whose clock
    is a year off (test-sync-clock.py, sync-anchors.md T12) still accept it."""
    now = datetime.datetime.now(datetime.timezone.utc)
    def at(t):
        return t.strftime("%Y-%m-%d %H:%M:%S")
    return (f'activation_date = "{at(now - datetime.timedelta(days=days))}"\n'
            f'expiration_date = "{at(now + datetime.timedelta(days=days))}"\n')


VALIDITY = validity(400)


def make_certificates(directory):
    """A CA and a server certificate for 127.0.0.1, made with certtool."""
    def path(name):
        return os.path.join(directory, name)
    with open(path("ca.tmpl"), "w") as f:
        f.write('cn = "xaso test CA"\nca\ncert_signing_key\n' + VALIDITY)
    with open(path("server.tmpl"), "w") as f:
        f.write('cn = "127.0.0.1"\nip_address = "127.0.0.1"\ntls_www_server\nsigning_key\n'
                'encryption_key\n' + VALIDITY)
    run("certtool", "--generate-privkey", "--key-type=ecdsa", "--outfile", path("ca.key"))
    run("certtool", "--generate-self-signed", "--load-privkey", path("ca.key"),
        "--template", path("ca.tmpl"), "--outfile", path("ca.crt"))
    run("certtool", "--generate-privkey", "--key-type=ecdsa", "--outfile", path("server.key"))
    run("certtool", "--generate-certificate", "--load-privkey", path("server.key"),
        "--load-ca-certificate", path("ca.crt"), "--load-ca-privkey", path("ca.key"),
        "--template", path("server.tmpl"), "--outfile", path("server.crt"))
    return path("ca.crt"), path("server.crt"), path("server.key")


class Answer:
    def __init__(self, status, headers, raw):
        self.status = status
        self.headers = headers
        self.raw = raw
        body = gzip.decompress(raw) if headers.get("content-encoding") == "gzip" else raw
        self.body = body
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None

    @property
    def code(self):
        if isinstance(self.json, dict) and isinstance(self.json.get("error"), dict):
            return self.json["error"].get("code")
        return None


class Server:
    """admin_conninfo: the cluster to make the test's database on, when not
    XASO_TEST_PG's (a failover formation's multi-host conninfo)."""

    def __init__(self, program, name, database_override=None, max_connections=4, admin_conninfo=None):
        self.program = program
        self.admin_conninfo = admin_conninfo or conninfo_or_skip()
        self.dbname = f"xaso_test_{os.getpid()}_{name}"
        self.conninfo = f"{self.admin_conninfo} dbname={self.dbname}"
        self.dir = tempfile.mkdtemp(prefix="xaso-server-test-")
        self.ca, cert, key = make_certificates(self.dir)
        self.config = os.path.join(self.dir, "server.conf")
        with open(self.config, "w") as f:
            f.write("[server]\nlisten=127.0.0.1:0\n"
                    f"tls-certificate={cert}\ntls-key={key}\n"
                    f"database={database_override or self.conninfo}\n"
                    f"max-connections={max_connections}\nenrollment-days=7\n")
        self.context = ssl.create_default_context(cafile=self.ca)
        self.process = None
        self.port = None
        self.log_path = os.path.join(self.dir, "server.log")

    # The database -----------------------------------------------------------

    def psql(self, sql, conninfo=None):
        result = subprocess.run(["psql", conninfo or self.conninfo, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                                 "-c", sql], capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        return result.stdout.strip()

    def psql_fails(self, sql):
        result = subprocess.run(["psql", self.conninfo, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                capture_output=True, text=True)
        return result.returncode != 0, result.stderr

    def create_database(self):
        self.psql(f"DROP DATABASE IF EXISTS {self.dbname} WITH (FORCE)", self.admin_conninfo)
        self.psql(f"CREATE DATABASE {self.dbname}", self.admin_conninfo)

    def drop_database(self):
        try:
            self.psql(f"DROP DATABASE IF EXISTS {self.dbname} WITH (FORCE)", self.admin_conninfo)
        except RuntimeError:
            pass

    def admin(self, *args):
        return subprocess.run([self.program, *args, "--config", self.config], capture_output=True, text=True)

    def setup(self):
        self.create_database()
        for _ in range(2):       # init-db runs twice: the second must change nothing
            result = self.admin("init-db")
            if result.returncode != 0:
                raise RuntimeError("init-db: " + result.stderr)
        for code, name in ((COMMUNE_A, "Xã Tân Lập"), (COMMUNE_B, "Xã Hòa Bình")):
            result = self.admin("commune", "add", code, "--name", name, "--province-code", "80",
                                "--province-name", "Tây Ninh", "--agency-eid", f"000.00.{code[-2:]}.H80",
                                "--agency-name", f"UBND {name.lower()}")
            if result.returncode != 0:
                raise RuntimeError("commune add: " + result.stderr)

    # The process --------------------------------------------------------------

    def start(self):
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([self.program, "serve", "--config", self.config],
                                        stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with open(self.log_path) as f:
                found = re.search(r"listening on https://127\.0\.0\.1:(\d+)/", f.read())
            if found:
                self.port = int(found.group(1))
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("xaso-server did not start:\n" + open(self.log_path).read())

    def start_again(self):
        """Starts the server again on the port it had, as after a restart
        the desktops know it."""
        with open(self.config) as f:
            config = f.read()
        with open(self.config, "w") as f:
            f.write(re.sub(r"listen=127\.0\.0\.1:\d+", f"listen=127.0.0.1:{self.port}", config))
        self.start()

    def terminate(self, timeout=20):
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        finally:
            self.log.close()

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def server_log(self):
        with open(self.log_path) as f:
            return f.read()

    # HTTP -----------------------------------------------------------------------

    def request(self, method, path, body=None, token=None, content_type="application/json",
                headers=None, compress=False, accept_gzip=False, timeout=30):
        connection = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=timeout)
        sent = dict(headers or {})
        if body is not None and not isinstance(body, (bytes, bytearray)):
            body = json.dumps(body, ensure_ascii=False).encode()
        if body is not None:
            if compress:
                body = gzip.compress(body)
                sent["Content-Encoding"] = "gzip"
            if content_type is not None:
                sent["Content-Type"] = content_type
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        if accept_gzip:
            sent["Accept-Encoding"] = "gzip"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            raw = response.read()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, raw)
        finally:
            connection.close()

    def enroll_code(self, commune):
        result = self.admin("enroll", "--commune", commune)
        if result.returncode != 0:
            raise RuntimeError("enroll: " + result.stderr)
        return result.stdout.strip()

    def enroll(self, commune, device_id, name="Máy văn thư"):
        answer = self.request("POST", "/v1/enroll",
                              {"code": self.enroll_code(commune), "device_id": device_id, "device_name": name})
        if answer.status != 200:
            raise RuntimeError(f"enroll: {answer.status} {answer.body!r}")
        return answer.json["token"]

    def push(self, token, device_id, ops, **kwargs):
        return self.request("POST", "/v1/push", {"device_id": device_id, "ops": ops}, token=token, **kwargs)

    def pull(self, token, after=0, limit=None, wait=None, **kwargs):
        query = f"after={after}"
        if limit is not None:
            query += f"&limit={limit}"
        if wait is not None:
            query += f"&wait={wait}"
        return self.request("GET", f"/v1/pull?{query}", token=token, **kwargs)

    def pull_all(self, token):
        entries, after = [], 0
        while True:
            page = self.pull(token, after=after).json
            entries += page["entries"]
            after = page["last_seq"]
            if not page["more"]:
                return entries, page["checksum"]


def new_id():
    return str(uuid.uuid4())


def op(seq, row, kind, fields, table="person", actor="officer-1", resolves=None, hlc=None):
    """An op as the outbox sends it; fields: {name: new} for an insert, or
    {name: (new, old, base)} for an update or a delete."""
    if kind == "insert":
        shaped = {name: {"new": value} for name, value in fields.items()}
    else:
        shaped = {name: {"new": v[0], "old": v[1], "base": v[2]} for name, v in fields.items()}
    result = {"seq": seq, "id": new_id(), "hlc": hlc if hlc is not None else 1000 + seq, "actor": actor,
              "table": table, "row": row, "kind": kind, "fields": shaped}
    if resolves:
        result["resolves"] = resolves
    return result


def canonical_value(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "%.17g" % value
    return json.dumps(value, ensure_ascii=False)


def canonical(entry):
    """PROTOCOL.md's canonical text of an entry, written independently of the C codec."""
    head = ",".join(f'"{name}":{canonical_value(entry[name])}'
                    for name in ("server_seq", "device_id", "seq", "table", "row", "kind"))
    fields = ",".join(f"{json.dumps(name, ensure_ascii=False)}:{canonical_value(value)}"
                      for name, value in sorted(entry["fields"].items(), key=lambda kv: kv[0].encode()))
    return "{" + head + ',"fields":{' + fields + "}}"


def running_checksums(entries, start="0" * 64):
    import hashlib
    checksum, result = start, []
    for entry in entries:
        checksum = hashlib.sha256((checksum + canonical(entry)).encode()).hexdigest()
        result.append(checksum)
    return result
