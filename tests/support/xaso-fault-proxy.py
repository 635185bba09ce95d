#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A fault-injecting HTTPS proxy for the sync tests (sync-anchors.md T3–T6).

It sits between the desktops and a real xaso-server: it ends the desktops'
TLS with a certificate the test CA signed (the one the server uses, so the
pinned CA still verifies), opens TLS connections of its own to the server,
and so sees whole HTTP/1.1 requests and answers, keep-alive included. For
each request it may inject one fault, chosen by a seeded random generator
with the rates given, or taken from a script the test sends:

  drop-request   close the desktop's connection; nothing reaches the server
  drop-answer    forward the request, read the whole answer, then close: the
                 server applied it and the desktop never learns
  duplicate      send the request twice (the copy at the same time, on a
                 connection of its own) and answer with the first
  reorder        hold the request until the next one has gone by; its
                 desktop gets the answer then, or, when nothing else comes
                 within a moment, loses the connection while the request
                 stays held to arrive late, after the desktop's retry
  delay          wait up to --max-delay seconds before forwarding
  cut-request    forward the head and part of the body, then close both
  cut-answer     forward the request, answer the head and part of the body,
                 then close

Scripted only: hold-request (wait for the test's release before
forwarding; with "partial" part of the body goes first), hold-answer
(forward, read the answer, wait for the release), mark (forward as usual,
but tell the test the moment the request went).

A desktop that hangs up while its request is with the server (killed, say)
makes the proxy hang up on the server too, as its own connection would.

Control: a plain TCP socket on loopback, one JSON object per line, one
JSON answer per line (tests/support/fault_proxy.py speaks it):
  {"op": "rates", "rates": {"drop-request": 0.1, ...}, "seed": N}
  {"op": "script", "faults": [{"match": "POST /v1/push", "fault": "hold-answer", "after": 0}, ...]}
  {"op": "wait", "timeout": S}      the next scripted fault that fired
  {"op": "release", "deliver": true|false}
  {"op": "flush"}                   late requests still held go now
  {"op": "stats"} / {"op": "reset"}

On start it prints "listening PORT" and "control PORT". With --log, one
JSON line per request says what was done to it.

Usage: xaso-fault-proxy.py --upstream 127.0.0.1:PORT --ca CA --cert CERT --key KEY
                           [--seed N] [--RATE-NAME R ...] [--max-delay S] [--log FILE]"""

import argparse
import gzip
import json
import queue
import random
import select
import socket
import ssl
import sys
import threading
import time

FAULTS = ("drop-request", "drop-answer", "duplicate", "reorder", "delay", "cut-request", "cut-answer")
SCRIPTED = FAULTS + ("hold-request", "hold-answer", "mark")
REORDER_WAIT = 0.3      # seconds a reordered request waits for another to overtake it
IO_TIMEOUT = 180


class Closed(Exception):
    """The peer closed the connection before a whole message came."""


class Stream:
    """Buffered reading of HTTP/1.1 messages from a socket."""

    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""

    def fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise Closed()
        self.buffer += data

    def until(self, delimiter, limit=1 << 20):
        while delimiter not in self.buffer:
            if len(self.buffer) > limit:
                raise Closed()
            self.fill()
        end = self.buffer.index(delimiter) + len(delimiter)
        data, self.buffer = self.buffer[:end], self.buffer[end:]
        return data

    def exactly(self, n):
        while len(self.buffer) < n:
            self.fill()
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def to_end(self):
        try:
            while True:
                self.fill()
        except (Closed, OSError):
            pass
        data, self.buffer = self.buffer, b""
        return data


class Message:
    """A request or an answer: its first line, headers, and body as sent
    (chunk framing included), so it is forwarded byte for byte."""

    def __init__(self, start, headers, body=b"", closes=False):
        self.start = start
        self.headers = headers
        self.body = body
        self.closes = closes

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def head_bytes(self):
        lines = [self.start] + [f"{k}: {v}" for k, v in self.headers]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def raw(self):
        return self.head_bytes() + self.body

    def label(self):
        parts = self.start.split(" ")
        return f"{parts[0]} {parts[1].split('?')[0]}" if len(parts) > 2 else self.start

    def decoded_body(self):
        """The body with chunking and gzip undone, for the test to read."""
        body = self.body
        if (self.header("transfer-encoding") or "").lower() == "chunked":
            out, rest = b"", body
            while True:
                line, rest = rest.split(b"\r\n", 1)
                size = int(line.split(b";")[0], 16)
                if size == 0:
                    break
                out, rest = out + rest[:size], rest[size + 2:]
            body = out
        if (self.header("content-encoding") or "").lower() == "gzip":
            body = gzip.decompress(body)
        return body.decode("utf-8", "replace")


def read_head(stream):
    head = stream.until(b"\r\n\r\n").decode("latin-1")
    lines = head.split("\r\n")[:-2]
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip(), value.strip()))
    return lines[0], headers


def read_chunked(stream):
    body = b""
    while True:
        line = stream.until(b"\r\n")
        body += line
        size = int(line.split(b";")[0], 16)
        if size == 0:
            while True:             # trailers, then the empty line
                trailer = stream.until(b"\r\n")
                body += trailer
                if trailer == b"\r\n":
                    return body
        body += stream.exactly(size + 2)


def read_body(stream, message, body_expected=True):
    if not body_expected:
        return
    if (message.header("transfer-encoding") or "").lower() == "chunked":
        message.body = read_chunked(stream)
    elif message.header("content-length") is not None:
        message.body = stream.exactly(int(message.header("content-length")))
    elif message.start.startswith("HTTP/"):
        message.body = stream.to_end()       # an answer that runs until the connection closes
        message.closes = True


def wants_close(message):
    return (message.header("connection") or "").lower() == "close" or message.start.endswith("HTTP/1.0")


class Held:
    """A request the test holds, or one held to arrive late."""

    def __init__(self, request, label):
        self.request = request
        self.label = label
        self.event = threading.Event()
        self.deliver = True
        self.answer = None
        self.abandoned = False


class Proxy:
    def __init__(self, args):
        self.upstream = args.upstream.rsplit(":", 1)
        self.upstream = (self.upstream[0], int(self.upstream[1]))
        self.client_tls = ssl.create_default_context(cafile=args.ca)
        self.server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.server_tls.load_cert_chain(args.cert, args.key)
        self.lock = threading.Lock()
        self.rng = random.Random(args.seed)
        self.rates = {name: getattr(args, name.replace("-", "_")) for name in FAULTS}
        self.max_delay = args.max_delay
        self.script = []            # [{"match", "fault", "after", ...}], first match first
        self.fired = queue.Queue()  # scripted faults that fired, for "wait"
        self.holding = []           # Held requests waiting for "release"
        self.overtaken = []         # Held requests waiting for the next one to go by
        self.log = open(args.log, "a", buffering=1) if args.log else None
        self.reset()

    def reset(self):
        with self.lock:
            self.stats = {"requests": 0, "bytes_up": 0, "bytes_down": 0, "upstream_failures": 0, "hangups": 0,
                          "reorder-overtaken": 0, "reorder-late": 0}
            for name in SCRIPTED:
                self.stats[name] = 0

    def count(self, key, n=1):
        with self.lock:
            self.stats[key] = self.stats.get(key, 0) + n

    def note(self, **what):
        if self.log is not None:
            what["t"] = round(time.time(), 3)
            with self.lock:
                self.log.write(json.dumps(what) + "\n")

    # Connections ------------------------------------------------------------

    def connect_upstream(self):
        sock = socket.create_connection(self.upstream, timeout=IO_TIMEOUT)
        return self.client_tls.wrap_socket(sock, server_hostname=self.upstream[0])

    def send_down(self, client, data):
        client.sendall(data)
        self.count("bytes_down", len(data))

    def send_up(self, upstream, data):
        upstream.sendall(data)
        self.count("bytes_up", len(data))

    def exchange(self, upstream, stream, request):
        """Sends a request upstream and reads its answer (1xx skipped)."""
        self.send_up(upstream, request.raw())
        method = request.start.split(" ")[0]
        while True:
            start, headers = read_head(stream)
            answer = Message(start, headers)
            status = int(start.split(" ")[1])
            if 100 <= status < 200:
                continue
            read_body(stream, answer, method != "HEAD" and status not in (204, 304))
            return answer

    def exchange_alone(self, request):
        """A request on an upstream connection of its own; None when it fails."""
        try:
            upstream = self.connect_upstream()
        except OSError:
            self.count("upstream_failures")
            return None
        try:
            return self.exchange(upstream, Stream(upstream), request)
        except (Closed, OSError):
            self.count("upstream_failures")
            return None
        finally:
            upstream.close()

    # Choosing a fault -------------------------------------------------------

    def choose(self, label):
        with self.lock:
            # The first entry that matches: "after" lets that many matching
            # requests go by first, so the entries of a script come in turn.
            for i, entry in enumerate(self.script):
                if label.startswith(entry.get("match", "")):
                    if entry.get("after", 0) > 0:
                        entry["after"] -= 1
                        break
                    del self.script[i]
                    return entry["fault"], entry
            dice = self.rng.random()
            for name in FAULTS:
                if dice < self.rates[name]:
                    return name, {"fraction": self.rng.random(), "delay": self.rng.random() * self.max_delay}
                dice -= self.rates[name]
        return None, {}

    # Late requests: a reordered one goes once another has gone by ----------

    def overtake(self):
        with self.lock:
            late, self.overtaken = self.overtaken, []
        for held in late:
            self.count("reorder-late" if held.abandoned else "reorder-overtaken")
            held.answer = self.exchange_alone(held.request)
            self.note(fault="reorder-delivered", request=held.label, answered=held.answer is not None,
                      abandoned=held.abandoned)
            held.event.set()

    def reorder(self, client, request, label):
        held = Held(request, label)
        with self.lock:
            self.overtaken.append(held)
        if not held.event.wait(REORDER_WAIT):
            with self.lock:
                if held in self.overtaken:
                    held.abandoned = True      # arrives late, after the desktop's retry
            if held.abandoned:
                return None
            held.event.wait()
        return held.answer

    # One request ------------------------------------------------------------

    def handle(self, client, stream, state):
        """Reads one request, does what the fault says, and returns whether
        the desktop's connection stays open."""
        try:
            start, headers = read_head(stream)
        except (Closed, OSError):
            return False
        request = Message(start, headers)
        if (request.header("expect") or "").lower() == "100-continue":
            request.headers = [(k, v) for k, v in headers if k.lower() != "expect"]
            self.send_down(client, b"HTTP/1.1 100 Continue\r\n\r\n")
        read_body(stream, request, True)
        label = request.label()
        fault, details = self.choose(label)
        self.count("requests")
        if fault is not None:
            self.count(fault)
        self.note(request=label, fault=fault, bytes=len(request.body))
        if fault in ("hold-request", "hold-answer", "mark"):
            return self.scripted(client, request, label, fault, details, state)
        if fault == "drop-request":
            return False
        if fault == "reorder":
            answer = self.reorder(client, request, label)
            if answer is None:
                return False
            self.send_down(client, answer.raw())
            return not (answer.closes or wants_close(answer) or wants_close(request))
        if fault == "delay":
            time.sleep(details.get("delay", 0))
        if fault == "cut-request":
            raw = request.raw()
            head = len(request.head_bytes())
            cut = head + int(len(request.body) * details.get("fraction", 0.5)) if request.body else \
                max(1, int(head * details.get("fraction", 0.5)))
            try:
                self.send_up(self.upstream_for(state), raw[:min(cut, len(raw) - 1)])
            except OSError:
                pass
            self.drop_upstream(state)
            return False
        if fault == "duplicate":
            copy = threading.Thread(target=self.exchange_alone, args=(request,), daemon=True)
            copy.start()
        answer = self.forward(state, request)
        self.overtake()
        if answer is None:
            return False
        if fault == "drop-answer":
            return False
        if fault == "cut-answer":
            head = len(answer.head_bytes())
            cut = head + int(len(answer.body) * details.get("fraction", 0.5)) if answer.body else \
                max(1, int(head * details.get("fraction", 0.5)))
            self.send_down(client, answer.raw()[:cut])
            return False
        self.send_down(client, answer.raw())
        return not (answer.closes or wants_close(answer) or wants_close(request))

    def scripted(self, client, request, label, fault, details, state):
        held = Held(request, label)
        if fault == "hold-request":
            raw = request.raw()
            sent = 0
            if details.get("partial"):
                sent = len(request.head_bytes()) + len(request.body) // 2
                self.send_up(self.upstream_for(state), raw[:sent])
            with self.lock:
                self.holding.append(held)
            self.fired.put({"fault": fault, "request": label, "body": request.body.decode("utf-8", "replace")})
            held.event.wait()
            if not held.deliver:
                self.drop_upstream(state)
                return False
            try:
                upstream = self.upstream_for(state)
                self.send_up(upstream, raw[sent:])
                if not self.desktop_stays(state):
                    self.count("hangups")
                    self.drop_upstream(state)
                    return False
                answer = self.read_answer(state, request)
            except (Closed, OSError):
                self.drop_upstream(state)
                return False
        else:
            answer = self.forward(state, request, announce=fault == "mark" and label)
            if answer is None:
                if fault == "hold-answer":
                    self.fired.put({"fault": fault, "request": label, "answer": None})
                return False
            if fault == "hold-answer":
                with self.lock:
                    self.holding.append(held)
                self.fired.put({"fault": fault, "request": label, "status": answer.start,
                                "answer": answer.decoded_body()})
                held.event.wait()
                if not held.deliver:
                    return False
        try:
            self.send_down(client, answer.raw())
        except OSError:
            return False
        return not (answer.closes or wants_close(answer) or wants_close(request))

    def upstream_for(self, state):
        """The desktop connection's own upstream connection, opened again
        when the server closed it while it was idle."""
        upstream = state.get("upstream")
        if upstream is not None:
            readable, _, _ = select.select([upstream], [], [], 0)
            if readable and upstream.pending() == 0:
                self.drop_upstream(state)
                upstream = None
        if upstream is None:
            upstream = state["upstream"] = self.connect_upstream()
            state["stream"] = Stream(upstream)
        return upstream

    def drop_upstream(self, state):
        upstream = state.pop("upstream", None)
        state.pop("stream", None)
        if upstream is not None:
            try:
                upstream.close()
            except OSError:
                pass

    def read_answer(self, state, request):
        method = request.start.split(" ")[0]
        stream = state["stream"]
        while True:
            start, headers = read_head(stream)
            answer = Message(start, headers)
            status = int(start.split(" ")[1])
            if 100 <= status < 200:
                continue
            read_body(stream, answer, method != "HEAD" and status not in (204, 304))
            if answer.closes or wants_close(answer):
                self.drop_upstream(state)
            return answer

    def desktop_stays(self, state):
        """Waits for the server's answer to begin; False when the desktop
        hangs up first (killed, say): the proxy then hangs up on the server
        too, as the desktop's own connection would have."""
        upstream, client = state["upstream"], state.get("client")
        while client is not None and not state["stream"].buffer and upstream.pending() == 0:
            if client.pending() == 0:
                readable, _, _ = select.select([upstream, client], [], [], IO_TIMEOUT)
                if not readable:
                    raise Closed()
                if upstream in readable:
                    return True
            try:
                data = client.recv(65536)
            except ssl.SSLWantReadError:
                continue
            except OSError:
                data = b""
            if not data:
                return False
            state["client_stream"].buffer += data
        return True

    def forward(self, state, request, announce=None):
        """The request on the desktop connection's upstream connection;
        None when the server is gone (the desktop then loses its connection
        too, as it would with no proxy) or the desktop hung up."""
        try:
            upstream = self.upstream_for(state)
            self.send_up(upstream, request.raw())
            if announce:
                self.fired.put({"fault": "mark", "request": announce})
            if not self.desktop_stays(state):
                self.count("hangups")
                self.note(fault="hangup", request=request.label())
                self.drop_upstream(state)
                return None
            return self.read_answer(state, request)
        except (Closed, OSError):
            self.count("upstream_failures")
            self.drop_upstream(state)
            return None

    def serve_client(self, sock):
        state = {}
        try:
            client = self.server_tls.wrap_socket(sock, server_side=True)
        except (ssl.SSLError, OSError):
            sock.close()
            return
        client.settimeout(IO_TIMEOUT)
        stream = Stream(client)
        state["client"], state["client_stream"] = client, stream
        try:
            while self.handle(client, stream, state):
                pass
        except (Closed, OSError):
            pass
        finally:
            self.drop_upstream(state)
            try:
                client.close()
            except OSError:
                pass

    # Control ------------------------------------------------------------------

    def release(self, deliver):
        with self.lock:
            if not self.holding:
                return False
            held = self.holding.pop(0)
        held.deliver = deliver
        held.event.set()
        return True

    def flush(self):
        with self.lock:
            late = [h for h in self.overtaken if h.abandoned]
        if late:
            self.overtake()
        return len(late)

    def control(self, command):
        op = command.get("op")
        if op == "rates":
            with self.lock:
                for name in FAULTS:
                    self.rates[name] = float(command.get("rates", {}).get(name, 0))
                if "max_delay" in command:
                    self.max_delay = float(command["max_delay"])
                if "seed" in command:
                    self.rng = random.Random(command["seed"])
            return {"ok": True}
        if op == "script":
            for entry in command.get("faults", []):
                if entry.get("fault") not in SCRIPTED:
                    return {"ok": False, "error": f"unknown fault {entry.get('fault')}"}
            with self.lock:
                self.script.extend(dict(e) for e in command.get("faults", []))
            return {"ok": True}
        if op == "unscript":
            with self.lock:
                left, self.script = len(self.script), []
            return {"ok": True, "left": left}
        if op == "wait":
            try:
                return {"ok": True, "fired": self.fired.get(timeout=float(command.get("timeout", 30)))}
            except queue.Empty:
                return {"ok": False, "error": "nothing fired"}
        if op == "release":
            return {"ok": self.release(bool(command.get("deliver", True)))}
        if op == "flush":
            return {"ok": True, "delivered": self.flush()}
        if op == "stats":
            with self.lock:
                return {"ok": True, "stats": dict(self.stats), "held": len(self.holding),
                        "late": len(self.overtaken)}
        if op == "reset":
            self.reset()
            return {"ok": True}
        return {"ok": False, "error": f"unknown op {op}"}

    def serve_control(self, sock):
        with sock, sock.makefile("rwb") as f:
            for line in f:
                try:
                    answer = self.control(json.loads(line))
                except (ValueError, TypeError, AttributeError) as e:
                    answer = {"ok": False, "error": str(e)}
                f.write(json.dumps(answer).encode() + b"\n")
                f.flush()


def accept_loop(listener, target):
    while True:
        sock, _ = listener.accept()
        threading.Thread(target=target, args=(sock,), daemon=True).start()


def listen():
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    return listener


def main():
    parser = argparse.ArgumentParser(description="A fault-injecting HTTPS proxy for the sync tests.")
    parser.add_argument("--upstream", required=True, help="the xaso-server, as 127.0.0.1:PORT")
    parser.add_argument("--ca", required=True, help="the CA that signed the server's certificate")
    parser.add_argument("--cert", required=True, help="a certificate for 127.0.0.1 the CA signed")
    parser.add_argument("--key", required=True, help="its private key")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=0.5, help="longest delay, in seconds")
    parser.add_argument("--log", help="one JSON line per request")
    for name in FAULTS:
        parser.add_argument(f"--{name}", type=float, default=0.0, metavar="RATE")
    args = parser.parse_args()
    if sum(getattr(args, n.replace("-", "_")) for n in FAULTS) > 1:
        parser.error("the rates add up to more than 1")
    proxy = Proxy(args)
    proxied, controlled = listen(), listen()
    threading.Thread(target=accept_loop, args=(controlled, proxy.serve_control), daemon=True).start()
    print(f"listening {proxied.getsockname()[1]}", flush=True)
    print(f"control {controlled.getsockname()[1]}", flush=True)
    try:
        accept_loop(proxied, proxy.serve_client)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
