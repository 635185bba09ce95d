# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts tests/support/xaso-fault-proxy.py in front of a test xaso-server
(tests/server/xaso_server_fixture.py) and speaks its control socket."""

import json
import os
import socket
import subprocess
import sys

PROGRAM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "xaso-fault-proxy.py")


class FaultProxy:
    FAULTS = ("drop-request", "drop-answer", "duplicate", "reorder", "delay", "cut-request", "cut-answer")

    def __init__(self, server, seed=1, log=None):
        """In front of @server, a started fixture Server; its certificate
        for 127.0.0.1 is the proxy's too, so the desktops' pinned CA holds."""
        args = [sys.executable, PROGRAM, "--upstream", f"127.0.0.1:{server.port}", "--ca", server.ca,
                "--cert", os.path.join(server.dir, "server.crt"), "--key", os.path.join(server.dir, "server.key"),
                "--seed", str(seed)]
        if log is not None:
            args += ["--log", log]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        ports = {}
        for _ in range(2):
            name, port = self.process.stdout.readline().split()
            ports[name] = int(port)
        self.port = ports["listening"]
        self.control_port = ports["control"]
        self.url = f"https://127.0.0.1:{self.port}"
        self.connection = socket.create_connection(("127.0.0.1", self.control_port))
        self.channel = self.connection.makefile("rwb")

    def command(self, op, **kwargs):
        self.channel.write(json.dumps(dict(op=op, **kwargs)).encode() + b"\n")
        self.channel.flush()
        return json.loads(self.channel.readline())

    def rates(self, seed=None, max_delay=None, **rates):
        """Fault rates by name, dashes written as underscores: drop_request=0.1."""
        command = {"rates": {k.replace("_", "-"): v for k, v in rates.items()}}
        if seed is not None:
            command["seed"] = seed
        if max_delay is not None:
            command["max_delay"] = max_delay
        assert self.command("rates", **command)["ok"]

    def off(self):
        self.rates()
        self.command("unscript")
        return self.command("flush")["delivered"]

    def script(self, *faults):
        answer = self.command("script", faults=list(faults))
        assert answer["ok"], answer

    def wait(self, timeout=30):
        """The next scripted fault that fired, or None."""
        answer = self.command("wait", timeout=timeout)
        return answer.get("fired") if answer["ok"] else None

    def release(self, deliver=True):
        return self.command("release", deliver=deliver)["ok"]

    def stats(self):
        return self.command("stats")["stats"]

    def reset(self):
        self.command("reset")

    def stop(self):
        try:
            self.channel.close()
            self.connection.close()
        except OSError:
            pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
