# SPDX-License-Identifier: GPL-3.0-or-later
"""A pg_auto_failover formation on loopback for the failover tests: a
monitor, a primary and a secondary in synchronous replication, in a
temporary directory, run by pg_autoctl (Debian's
postgresql-15-auto-failover) as the postgres user when we are root, since
initdb and pg_autoctl refuse root. Every process is ours, found by
descent from the pg_autoctl we started, and is stopped by its PID."""

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

# The monitor's defaults notice a dead primary in about 20 s and then wait
# 30 s more for it to demote itself before promoting the standby. FAST
# trades that caution for a failover in seconds on a quiet loopback; the
# keepers give up on an unreachable monitor sooner too
# (network_partition_timeout), so that a primary cut off still demotes
# itself before the monitor promotes the other node.
FAST_MONITOR = {
    "pgautofailover.health_check_period": "1000",
    "pgautofailover.health_check_timeout": "1000",
    "pgautofailover.health_check_max_retries": "1",
    "pgautofailover.health_check_retry_delay": "500",
    "pgautofailover.node_considered_unhealthy_timeout": "2000",
    "pgautofailover.primary_demote_timeout": "5000",
}
FAST_NETWORK_PARTITION_TIMEOUT = "3"


def available():
    return shutil.which("pg_autoctl") is not None and postgres_bin() is not None


def postgres_bin():
    """The programs of the PostgreSQL that has the monitor's extension
    (postgresql-15-auto-failover is built for one version)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/lib/pgautofailover.so"))
    return os.path.join(os.path.dirname(os.path.dirname(found[-1])), "bin") if found else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid):
    """Every process descending from @pid, found through /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class Node:
    def __init__(self, name, port, pgdata):
        self.name = name
        self.port = port
        self.pgdata = pgdata
        self.process = None
        self.log_path = pgdata + ".log"


class Formation:
    def __init__(self, dbname="xaso", fast=True):
        self.bin = postgres_bin()
        self.dbname = dbname
        self.fast = fast
        self.dir = tempfile.mkdtemp(prefix="xaso-failover-")
        self.as_postgres = []
        if os.getuid() == 0:
            os.chown(self.dir, _uid("postgres"), -1)
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        # pg_autoctl keeps its configuration and state under XDG folders, and
        # reaches each Postgres through the socket folder PGHOST names, as
        # the superuser initdb made whoever runs the test.
        self.env = [f"XDG_CONFIG_HOME={self.dir}/config", f"XDG_DATA_HOME={self.dir}/data",
                    f"XDG_RUNTIME_DIR={self.dir}/run", f"PGHOST={self.dir}", "PGUSER=postgres"]
        # Without its runtime folder, pg_autoctl puts its PID files in a
        # /tmp/pg_autoctl shared with every other user.
        for folder in ("config", "data", "run"):
            os.mkdir(os.path.join(self.dir, folder), 0o700)
            if os.getuid() == 0:
                os.chown(os.path.join(self.dir, folder), _uid("postgres"), -1)
        self.monitor = Node("monitor", free_port(), f"{self.dir}/monitor")
        self.nodes = [Node(f"node{i}", free_port(), f"{self.dir}/node{i}") for i in (1, 2)]
        # pg_autoctl makes $XDG_*/pg_autoctl/<pgdata>/ level by level, and
        # fails with "File exists" when another pg_autoctl (our polling
        # "show uri" beside the monitor starting) makes the same level
        # between its stat and its mkdir. Made here first, there is no race.
        for node in [self.monitor, *self.nodes]:
            for folder in ("config", "data", "run"):
                self._mkdirs(os.path.join(self.dir, folder), "pg_autoctl" + node.pgdata)

    def _mkdirs(self, base, relative):
        path = base
        for part in relative.split("/"):
            path = os.path.join(path, part)
            if not os.path.isdir(path):
                os.mkdir(path, 0o700)
                if os.getuid() == 0:
                    os.chown(path, _uid("postgres"), -1)

    # Running commands ---------------------------------------------------------

    def command(self, *args):
        return [*self.as_postgres, "env", *self.env, *args]

    def autoctl(self, *args, check=True):
        result = subprocess.run(self.command("pg_autoctl", *args), capture_output=True, text=True,
                                cwd=self.dir)
        if check and result.returncode != 0:
            raise RuntimeError(f"pg_autoctl {' '.join(args)}: {result.stderr}")
        return result

    def initdb(self, node, settings):
        """initdb of our own, so that the socket is in our folder (the
        default one may not be writable) and the settings are in place
        before pg_autoctl first starts the server."""
        subprocess.run(self.command(f"{self.bin}/initdb", "--no-sync", "-D", node.pgdata, "-A", "trust",
                                    "-U", "postgres", "-E", "UTF8"),
                       check=True, capture_output=True, cwd=self.dir)
        lines = [f"unix_socket_directories = '{self.dir}'"]
        lines += [f"{name} = {value}" for name, value in settings.items()]
        with open(os.path.join(node.pgdata, "postgresql.conf"), "a") as f:
            f.write("\n".join(lines) + "\n")

    def run_node(self, node, *create):
        """pg_autoctl create … --run: creates the node and keeps serving it."""
        log = open(node.log_path, "w")
        node.process = subprocess.Popen(
            self.command("pg_autoctl", "create", *create, "--pgdata", node.pgdata, "--pgport", str(node.port),
                         "--listen", "127.0.0.1", "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl",
                         "--pgctl", f"{self.bin}/pg_ctl", "--run"),
            stdout=log, stderr=subprocess.STDOUT, cwd=self.dir, start_new_session=True)
        log.close()

    # The formation --------------------------------------------------------------

    def start(self, timeout=240):
        deadline = time.monotonic() + timeout
        self.initdb(self.monitor, FAST_MONITOR if self.fast else {})
        self.run_node(self.monitor, "monitor")
        self.wait(lambda: self.autoctl("show", "uri", "--pgdata", self.monitor.pgdata, "--formation", "monitor",
                                       check=False).returncode == 0, deadline, "the monitor")
        self.monitor_uri = self.autoctl("show", "uri", "--pgdata", self.monitor.pgdata, "--formation",
                                        "monitor").stdout.strip()
        # pg_basebackup, as pg_autoctl runs it, waits for a spread checkpoint:
        # on the primary-to-be, checkpoints go as fast as they can.
        self.initdb(self.nodes[0], {"checkpoint_completion_target": "0"})
        for node in self.nodes:
            self.run_node(node, "postgres", "--name", node.name, "--monitor", self.monitor_uri,
                          "--dbname", self.dbname)
            # The first registered is the primary.
            self.wait(lambda: node.name in (n["nodename"] for n in self.state()), deadline, node.name)
        self.wait(lambda: sorted(n["current_group_state"] for n in self.state()
                                 if n["current_group_state"] == n["assigned_group_state"]) ==
                  ["primary", "secondary"], deadline, "a primary and a secondary")
        if self.fast:
            for node in self.nodes:
                self.autoctl("config", "set", "--pgdata", node.pgdata, "timeout.network_partition_timeout",
                             FAST_NETWORK_PARTITION_TIMEOUT)
                self.autoctl("reload", "--pgdata", node.pgdata)

    def wait(self, condition, deadline, what):
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except (RuntimeError, ValueError):
                pass
            if any(n.process is not None and n.process.poll() is not None for n in [self.monitor, *self.nodes]):
                break          # a pg_autoctl gave up: its log says why
            time.sleep(0.3)
        raise RuntimeError(f"pg_auto_failover: no {what} in time, or a pg_autoctl stopped\n{self.logs()}")

    def state(self):
        result = self.autoctl("show", "state", "--pgdata", self.monitor.pgdata, "--json")
        return json.loads(result.stdout)

    def node_in(self, state):
        """The node the monitor reports and assigns @state, or None."""
        for n in self.state():
            if n["current_group_state"] == state and n["assigned_group_state"] == state:
                return next(node for node in self.nodes if node.name == n["nodename"])
        return None

    def synchronous_standby_names(self, node):
        return self.psql(node, "SHOW synchronous_standby_names")

    def psql(self, node, sql, dbname="postgres"):
        result = subprocess.run(["psql", f"host=127.0.0.1 port={node.port} user=postgres dbname={dbname}",
                                 "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        return result.stdout.strip()

    def conninfo(self):
        """libpq's multi-host form: whichever host accepts writes."""
        hosts = ",".join("127.0.0.1" for _ in self.nodes)
        ports = ",".join(str(node.port) for node in self.nodes)
        return f"host={hosts} port={ports} user=postgres target_session_attrs=read-write"

    def uri(self):
        return self.autoctl("show", "uri", "--pgdata", self.monitor.pgdata, "--formation",
                            "default").stdout.strip()

    # Losing a machine -------------------------------------------------------------

    def kill(self, node):
        """Kills @node as if its machine died: the pg_autoctl keeping it
        first (it would restart Postgres at once), then kill -9 of the
        postmaster named by postmaster.pid, then what is left of the node
        (the backends). Returns time.monotonic() of the postmaster's kill."""
        with open(os.path.join(node.pgdata, "postmaster.pid")) as f:
            postmaster = int(f.readline())
        tree = children(node.process.pid)
        keepers = [node.process.pid] + [pid for pid in tree if pid != postmaster and
                                         pid not in children(postmaster)]
        backends = children(postmaster)
        for pid in keepers:
            _kill(pid, signal.SIGKILL)
        os.kill(postmaster, signal.SIGKILL)
        killed_at = time.monotonic()
        for pid in backends:
            _kill(pid, signal.SIGKILL)
        node.process.wait()
        return killed_at

    def stop(self):
        for node in [*self.nodes, self.monitor]:
            if node.process is not None and node.process.poll() is None:
                self.autoctl("stop", "--pgdata", node.pgdata, check=False)
        for node in [*self.nodes, self.monitor]:
            if node.process is None:
                continue
            try:
                node.process.wait(30)
            except subprocess.TimeoutExpired:
                for pid in [node.process.pid, *children(node.process.pid)]:
                    _kill(pid, signal.SIGKILL)
                node.process.wait()
        # A postmaster that outlived its keeper: only if that PID is still
        # the postmaster of this folder, never a process that took it over.
        for node in [*self.nodes, self.monitor]:
            try:
                with open(os.path.join(node.pgdata, "postmaster.pid")) as f:
                    pid = int(f.readline())
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if node.pgdata.encode() in f.read():
                        _kill(pid, signal.SIGKILL)
            except (OSError, ValueError):
                pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def logs(self):
        text = []
        for node in [self.monitor, *self.nodes]:
            try:
                with open(node.log_path) as f:
                    text.append(f"--- {node.name}\n" + "".join(f.readlines()[-15:]))
            except OSError:
                pass
        return "\n".join(text)


def _uid(user):
    import pwd
    return pwd.getpwnam(user).pw_uid


def _kill(pid, sig):
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass
