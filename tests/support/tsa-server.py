#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A local RFC 3161 time-stamp authority for the PDF signing tests.

Usage: tsa-server.py CONFIG PORTFILE
Listens on 127.0.0.1 (a free port, written to PORTFILE once it accepts
connections) and answers each POST of application/timestamp-query with
`openssl ts -reply -config CONFIG`. Stops when its parent test exits
(stdin closes) or on SIGTERM."""

import http.server
import os
import subprocess
import sys
import tempfile
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        query = self.rfile.read(length)
        with tempfile.TemporaryDirectory() as tmp:
            q = os.path.join(tmp, "q.tsq")
            r = os.path.join(tmp, "r.tsr")
            with open(q, "wb") as f:
                f.write(query)
            done = subprocess.run(["openssl", "ts", "-reply", "-config", CONFIG,
                                   "-queryfile", q, "-out", r],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if done.returncode != 0:
                self.send_error(500)
                return
            with open(r, "rb") as f:
                body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def watch_parent(server):
    # The test holds our stdin open; EOF means it is gone.
    sys.stdin.buffer.read()
    server.shutdown()


CONFIG = sys.argv[1]
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=watch_parent, args=(server,), daemon=True).start()
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()
