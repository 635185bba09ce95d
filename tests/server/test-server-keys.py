#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The commune's keys of sensitive attachments (PROTOCOL.md, "Keys") against
the real xaso-server on a real PostgreSQL: a device gives its key under the
id derived from it, again without harm; malformed bodies, a wrong key id and
another commune's code are refused with their precise error and change
nothing; every device of the commune gets the keys, another commune's token
none of them, even reading the table directly under row-level security."""

import hashlib
import hmac
import os
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from xaso_server_fixture import COMMUNE_A, COMMUNE_B, Server, Tap, new_id  # noqa: E402

tap = Tap()
server = Server(sys.argv[1], "keys")
A1, A2, B1 = new_id(), new_id(), new_id()


def key_id(key):
    """As xaso-attachment-crypt.c names a key in a file's header."""
    return hmac.new(key, b"xaso attachment key id v1", hashlib.sha256).digest()[:8].hex()


def give(token, key, commune=COMMUNE_A, kid=None, body=None):
    body = body if body is not None else {"commune_code": commune, "key": key.hex()}
    return server.request("PUT", f"/v1/keys/{kid or key_id(key)}", body, token=token)


def stored():
    return int(server.psql("SELECT count(*) FROM commune_key"))


def test_give(token_a1, key):
    first = give(token_a1, key)
    tap.equal(first.status, 201, "a device gives its key: 201")
    tap.equal(first.json, {"key_id": key_id(key), "added": True}, "the answer names the key id and says it was added")
    again = give(token_a1, key)
    tap.equal((again.status, again.json["added"]), (200, False), "giving it again is harmless: 200, not added")
    row = server.psql(f"SELECT commune_code || ' ' || device_id || ' ' || encode(key_bytes, 'hex') "
                      f"FROM commune_key WHERE key_id = '{key_id(key)}'")
    tap.equal(row, f"{COMMUNE_A} {A1} {key.hex()}", "the row keeps the commune, the giving device and the bytes")


def test_refusals(token_a1, token_b):
    key = os.urandom(32)
    before = stored()
    cases = [
        ("a body that is no JSON", give(token_a1, key, body=b"{no"), 400, "bad_json"),
        ("a key of 31 bytes", give(token_a1, key, kid=key_id(key), body={"commune_code": COMMUNE_A,
                                                                      "key": key[:31].hex()}), 400, "bad_request"),
        ("a key in upper-case hex", give(token_a1, key, body={"commune_code": COMMUNE_A,
                                                             "key": key.hex().upper()}), 400, "bad_request"),
        ("a body without a commune", give(token_a1, key, body={"key": key.hex()}), 400, "bad_request"),
        ("a malformed key id", give(token_a1, key, kid="XYZ"), 400, "bad_request"),
        ("the id of another key", give(token_a1, key, kid=key_id(os.urandom(32))), 422, "key_id_mismatch"),
        ("another commune's code", give(token_a1, key, commune=COMMUNE_B), 403, "wrong_commune"),
        ("a commune-B token giving a key as commune A", give(token_b, key, commune=COMMUNE_A), 403,
         "wrong_commune"),
        ("no token", server.request("PUT", f"/v1/keys/{key_id(key)}", {"commune_code": COMMUNE_A,
                                                                       "key": key.hex()}), 401, "token_missing"),
    ]
    for what, answer, status, code in cases:
        tap.equal((answer.status, answer.code), (status, code), f"{what} is refused: {status} {code}")
        tap.ok(isinstance(answer.json["error"].get("message"), str) and answer.json["error"]["message"],
               f"{what}: the refusal says why")
    tap.equal(stored(), before, "no refused key was stored")
    post = server.request("POST", "/v1/keys", {}, token=token_a1)
    tap.equal(post.status, 405, "GET only on /v1/keys")


def test_fetch(token_a1, token_a2, token_b, key_a1):
    key_a2 = os.urandom(32)
    tap.equal(give(token_a2, key_a2).status, 201, "a second device of the commune gives its key")
    got = server.request("GET", "/v1/keys", token=token_a2)
    tap.equal(got.status, 200, "GET /v1/keys: 200")
    keys = {k["key_id"]: k for k in got.json["keys"]}
    tap.equal(sorted(keys), sorted([key_id(key_a1), key_id(key_a2)]), "both keys of the commune are listed")
    tap.equal((keys[key_id(key_a1)]["key"], keys[key_id(key_a1)]["device_id"]), (key_a1.hex(), A1),
              "each with its bytes and the device that gave it")
    tap.ok(keys[key_id(key_a1)]["given_at"].endswith("Z"), "and when, in UTC")
    other = server.request("GET", "/v1/keys", token=token_b)
    tap.equal((other.status, other.json), (200, {"keys": []}), "another commune's token gets none of them")
    key_b = os.urandom(32)
    tap.equal(give(token_b, key_b, commune=COMMUNE_B).status, 201, "commune B gives a key of its own")
    only_b = server.request("GET", "/v1/keys", token=token_b).json["keys"]
    tap.equal([k["key_id"] for k in only_b], [key_id(key_b)], "and gets back only its own")
    seen = server.psql("SET ROLE xaso_app; SET xaso.commune = '80002'; SELECT count(*) FROM commune_key")
    tap.equal(seen.split()[-1], "1", "row-level security shows commune B's connection one key only")
    bad = server.request("GET", "/v1/keys", token=token_b[:-4] + "AAAA")
    tap.equal((bad.status, bad.code), (401, "token_invalid"), "a forged token gets nothing")


def main():
    try:
        server.setup()
        server.start()
        token_a1 = server.enroll(COMMUNE_A, A1)
        token_a2 = server.enroll(COMMUNE_A, A2)
        token_b = server.enroll(COMMUNE_B, B1)
        key_a1 = os.urandom(32)
        test_give(token_a1, key_a1)
        test_refusals(token_a1, token_b)
        test_fetch(token_a1, token_a2, token_b, key_a1)
    except Exception:
        import traceback
        tap.ok(False, "the test ran to its end", traceback.format_exc())
        if server.process:
            print("# server log:\n# " + server.server_log().replace("\n", "\n# "), flush=True)
    finally:
        server.kill()
        server.drop_database()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
