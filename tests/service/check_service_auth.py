#!/usr/bin/env python3
"""Auth of `frontdoor serve`: no token or an unknown one is 401 with WWW-Authenticate: Bearer, a
token without the route's role is 403, neither body says more; the scheme "Bearer" is matched in any
case, the token exactly; /healthz and /readyz are anonymous.
And the refusals to start: no --tokens, a bad tokens line (named by file:line), plain HTTP off
loopback, --no-auth off loopback. Without authentication, a request addressed to a name that is not
a loopback one (a web page's request through DNS rebinding) is 403, on every route, streamed or not,
and so is one that can change something and that the browser says came from another site (a form
posted from any page); with authentication neither matters."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (ADMIN_TOKEN, AUDIT_TOKEN, DECIDE_TOKEN, Server, check, finish, parse_args,  # noqa: E402
                             sample_contacts, token_line, write_tokens)


def check_roles(server, contact):
    for token, what in ((None, "no token"), ("not-a-known-token", "an unknown token")):
        status, headers, body = server.request("POST", "/v1/decisions", contact, token=token)
        check(status == 401, f"{what}: 401, got {status}")
        check(headers.get("www-authenticate") == "Bearer", f"{what}: WWW-Authenticate: Bearer, got {headers}")
        check(json.loads(body) == {"error": {"status": 401, "message": "unauthorized"}}, f"{what}: body {body!r}")
    status, _, body = server.request("POST", "/v1/decisions", contact, headers={"Authorization": "Basic " + DECIDE_TOKEN})
    check(status == 401, f"a Basic credential: 401, got {status}")
    for token in (AUDIT_TOKEN, ADMIN_TOKEN):
        status, _, body = server.request("POST", "/v1/decisions", contact, token=token)
        check(status == 403, f"a token without the decide role: 403, got {status}")
        check(json.loads(body) == {"error": {"status": 403, "message": "forbidden"}}, f"403 body: {body!r}")
    status, _, _ = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN)
    check(status == 200, f"the decide token decides: {status}")
    # The scheme is case-insensitive (RFC 9110 §11.1); the token is not.
    for header in ("bearer " + DECIDE_TOKEN, "BEARER  " + DECIDE_TOKEN):
        status, _, _ = server.request("POST", "/v1/decisions", contact, headers={"Authorization": header})
        check(status == 200, f"Authorization {header.split()[0]!r} with the decide token: 200, got {status}")
    for header in ("Bearer " + DECIDE_TOKEN.upper(), "Bearer", "Bearer ", "Bearer" + DECIDE_TOKEN):
        status, _, _ = server.request("POST", "/v1/decisions", contact, headers={"Authorization": header})
        check(status == 401, f"Authorization {header[:12]!r}...: 401, got {status}")
    status, _, _ = server.request("GET", "/v1/pack")
    check(status == 401, f"/v1/pack needs a token: {status}")
    for path in ("/healthz", "/readyz"):
        status, _, _ = server.request("GET", path)
        check(status == 200, f"{path} is anonymous: {status}")


REBOUND_MESSAGE = ("this server runs without authentication, so it answers only requests addressed to localhost, "
                   "127.0.0.1 or [::1]; this one was addressed to another name")


def check_loopback_names(cli, rules, contact):
    with Server(cli, rules) as server:  # --no-auth
        port = server.port
        for host in (f"127.0.0.1:{port}", "127.0.0.1", f"localhost:{port}", "LocalHost", "localhost.",
                     f"frontdoor.localhost:{port}", "127.8.9.10", f"[::1]:{port}", "[::1]"):
            status, _, body = server.request("GET", "/v1/pack", headers={"Host": host})
            check(status == 200, f"without auth, Host {host!r} is answered: {status} {body[:80]!r}")
        for host in (f"evil.example:{port}", "evil.example", "localhost.evil.example", "evillocalhost",
                     f"10.0.0.1:{port}", "128.0.0.1", "[::2]", "127.0.0.1.", "[::ffff:127.0.0.1]", ":8080"):
            status, headers, body = server.request("GET", "/v1/pack", headers={"Host": host})
            check(status == 403 and json.loads(body) == {"error": {"status": 403, "message": REBOUND_MESSAGE}}
                  and headers.get("content-type") == "application/json",
                  f"without auth, Host {host!r} is refused 403 in words: {status} {body!r}")
        status, _, body = server.request("POST", "/v1/decisions", contact, headers={"Host": "evil.example"})
        check(status == 403, f"a decision addressed to another name: 403, got {status} {body[:80]!r}")
        status, _, body = server.request("POST", "/v1/decisions:batch", contact + "\n",
                                         content_type="application/x-ndjson", headers={"Host": "evil.example"})
        check(status == 403 and REBOUND_MESSAGE.encode() in body,
              f"a streamed batch addressed to another name: 403, got {status} {body[:80]!r}")
        status, _, _ = server.request("GET", "/healthz", headers={"Host": "evil.example"})
        check(status == 403, f"even /healthz: 403, got {status}")
        answer = server.raw(b"GET /v1/pack HTTP/1.0\r\n\r\n")
        check(answer.startswith(b"HTTP/1.1 200"), f"an HTTP/1.0 request without a Host is answered: {answer[:40]!r}")
    with tempfile.TemporaryDirectory() as directory:
        with Server(cli, rules, tokens=write_tokens(directory)) as server:
            status, _, _ = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN,
                                          headers={"Host": "frontdoor.hub.example"})
            check(status == 200, f"with auth, any Host is answered: {status}")
            status, _, _ = server.request("POST", "/v1/pack:reload", token=ADMIN_TOKEN,
                                          headers={"Sec-Fetch-Site": "cross-site", "Origin": "http://evil.example"})
            check(status == 200, f"with auth, a request from another site with the token is answered: {status}")


CROSS_SITE_MESSAGE = ("this server runs without authentication, so it answers only requests from its own pages; "
                      "this one came from another site")


def check_cross_site(cli, rules, contact):
    """Without auth, a request that can change something and that a browser says came from a page of
    another origin is 403: a form posted from any site (text/plain, or no body: a reload, a publish)."""
    with Server(cli, rules) as server:  # --no-auth
        own = f"127.0.0.1:{server.port}"
        refused = ({"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                   {"Sec-Fetch-Site": "cross-site", "Origin": f"http://{own}"},
                   {"Origin": "http://evil.example"}, {"Origin": f"http://{own}.evil.example"},
                   {"Origin": "http://127.0.0.1:1"}, {"Origin": "null"})
        for headers in refused:
            status, _, body = server.request("POST", "/v1/pack:reload", headers=headers)
            check(status == 403 and json.loads(body) == {"error": {"status": 403, "message": CROSS_SITE_MESSAGE}},
                  f"without auth, a reload sent with {headers} is refused 403 in words: {status} {body[:100]!r}")
        status, _, body = server.request("POST", "/v1/decisions", contact, content_type="text/plain",
                                         headers={"Sec-Fetch-Site": "cross-site"})
        check(status == 403, f"a decision posted from another site: 403, got {status} {body[:80]!r}")
        answered = ({}, {"Sec-Fetch-Site": "same-origin"}, {"Sec-Fetch-Site": "none"}, {"Origin": f"http://{own}"},
                    {"Sec-Fetch-Site": "same-origin", "Origin": "http://evil.example"})
        for headers in answered:
            status, _, body = server.request("POST", "/v1/pack:reload", headers=headers)
            check(status == 200, f"without auth, a reload sent with {headers} is answered: {status} {body[:100]!r}")
        status, _, _ = server.request("GET", "/v1/pack", headers={"Sec-Fetch-Site": "cross-site",
                                                                  "Origin": "http://evil.example"})
        check(status == 200, f"a GET from another site changes nothing and is answered: {status}")


def refuses_to_start(cli, rules, extra, expected_words, what):
    done = subprocess.run([cli, "serve", "--rules", rules, *extra], capture_output=True, text=True, timeout=60)
    check(done.returncode == 2, f"{what}: exit 2, got {done.returncode}")
    check(done.stdout == "", f"{what}: nothing on stdout (it never listened): {done.stdout!r}")
    check(expected_words in done.stderr, f"{what}: stderr says {expected_words!r}: {done.stderr!r}")


def check_start_refusals(cli, rules, directory):
    refuses_to_start(cli, rules, ["--listen", "127.0.0.1:0"], "--tokens FILE", "no --tokens")
    bad = os.path.join(directory, "bad-tokens")
    with open(bad, "w") as f:
        f.write("# comment\n" + token_line("x", "decide") + "plain-token-here decide\n")
    refuses_to_start(cli, rules, ["--listen", "127.0.0.1:0", "--tokens", bad], bad + ":3:", "a plain token line")
    # One token on two lines would get the roles of whichever line matched last (admin here).
    twice = os.path.join(directory, "twice-tokens")
    with open(twice, "w") as f:
        f.write(token_line("x", "decide") + "# and later\n" + token_line("x", "admin"))
    refuses_to_start(cli, rules, ["--listen", "127.0.0.1:0", "--tokens", twice],
                     twice + ":3: this hash is already on line 1", "a token on two lines")
    with open(bad, "w") as f:
        f.write(token_line("x", "decide,root"))
    refuses_to_start(cli, rules, ["--listen", "127.0.0.1:0", "--tokens", bad], bad + ":1:", "an unknown role")
    with open(bad, "w") as f:
        f.write(token_line("x", "decide,"))
    refuses_to_start(cli, rules, ["--listen", "127.0.0.1:0", "--tokens", bad],
                     bad + ":1: expected the hash then roles separated by commas (decide, audit, admin, metrics), "
                     "not an empty role after the last comma", "an empty role")
    good = write_tokens(directory)
    # 192.0.2.1 (TEST-NET-1, RFC 5737) is no loopback address and is assigned to no interface: the
    # server must refuse it before binding, and were that check gone, binding would fail, so the
    # test never listens beyond loopback.
    refuses_to_start(cli, rules, ["--listen", "192.0.2.1:0", "--tokens", good], "not a loopback",
                     "plain HTTP on a non-loopback address")
    refuses_to_start(cli, rules, ["--listen", "192.0.2.1:0", "--no-auth", "--allow-plain-http"], "loopback",
                     "--no-auth on a non-loopback address")


def check_token_hash(cli):
    done = subprocess.run([cli, "token", "hash", "--roles", "decide,audit"], input="s3cret\n", capture_output=True,
                          text=True, timeout=60)
    check(done.returncode == 0 and done.stdout == token_line("s3cret", "decide,audit"),
          f"token hash prints the tokens line: {done.stdout!r}")
    # A role serve would refuse is refused here, before a line is printed (it was printed, exit 0,
    # and serve then refused to start on it).
    for roles in ("bogus", "decide,admn", "", "decide audit", "decide\nsha256:" + "0" * 64 + " admin"):
        done = subprocess.run([cli, "token", "hash", "--roles", roles], input="s3cret\n", capture_output=True,
                              text=True, timeout=60)
        check(done.returncode == 2 and done.stdout == "" and "--roles takes decide, audit, admin or metrics" in
              done.stderr, f"token hash --roles {roles!r} is refused (exit 2): {done.returncode} {done.stdout!r}")
    # An empty role (a trailing comma) was taken as no role at all: "decide," printed a line, exit 0.
    for roles, words in (("decide,", "an empty role after the last comma"),
                         (",decide", "an empty role before the first comma"),
                         ("decide,,audit", "an empty role between two commas"),
                         ("decide,admn", "an unknown role 'admn'; did you mean 'admin'?")):
        done = subprocess.run([cli, "token", "hash", "--roles", roles], input="s3cret\n", capture_output=True,
                              text=True, timeout=60)
        check(done.returncode == 2 and done.stdout == "" and words in done.stderr,
              f"token hash --roles {roles!r}: exit 2 saying {words!r}: {done.returncode} {done.stdout!r} "
              f"{done.stderr!r}")


def main():
    args = parse_args()
    contact = sample_contacts(args.rules)[0]
    with tempfile.TemporaryDirectory() as directory:
        with Server(args.cli, args.rules, tokens=write_tokens(directory)) as server:
            check_roles(server, contact)
        check_start_refusals(args.cli, args.rules, directory)
    check_loopback_names(args.cli, args.rules, contact)
    check_cross_site(args.cli, args.rules, contact)
    check_token_hash(args.cli)
    finish()


if __name__ == "__main__":
    main()
