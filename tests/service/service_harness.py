"""Shared helpers for the service tests: start the real `frontdoor serve` on a free loopback port,
talk to it with http.client or a raw socket, and stop it. Every test imports this module, so that
starting, waiting and stopping are bounded in time the same way everywhere.

    with Server(cli, rules, tokens=...) as server:
        status, headers, body = server.request("POST", "/v1/decisions", body, token=DECIDE_TOKEN)
"""
import argparse
import glob
import hashlib
import http.client
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness_checks import check, finish  # noqa: E402,F401 (handed on to the service tests)

START_SECONDS = 30   # a loaded machine may take a while to load the pack
STOP_SECONDS = 30
REQUEST_SECONDS = 30

DECIDE_TOKEN = "decide-token-for-tests"
AUDIT_TOKEN = "audit-token-for-tests"
ADMIN_TOKEN = "admin-token-for-tests"

def parse_args(extra=()):
    """The arguments every service test is given (tests/service/CMakeLists.txt): --cli, the frontdoor
    binary, and --rules, the pack; `extra` adds a test's own, as (flag, add_argument keywords) pairs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--rules", required=True)
    for flag, keywords in extra:
        parser.add_argument(flag, **keywords)
    return parser.parse_args()


def token_line(token, roles):
    return "sha256:" + hashlib.sha256(token.encode()).hexdigest() + " " + roles + "\n"


# The roles write_tokens grants unless told otherwise: token -> its roles.
TEST_ROLES = {DECIDE_TOKEN: "decide", AUDIT_TOKEN: "audit", ADMIN_TOKEN: "admin"}


def write_tokens(directory, roles=None):
    """A tokens file in `directory` granting each token of `roles` (token -> "role,role") its roles;
    by default TEST_ROLES: DECIDE_TOKEN decide, AUDIT_TOKEN audit and ADMIN_TOKEN admin."""
    path = os.path.join(directory, "tokens")
    with open(path, "w") as f:
        f.write("# tokens for the service tests\n")
        for token, granted in (TEST_ROLES if roles is None else roles).items():
            f.write(token_line(token, granted))
    return path


def sample_contacts(rules):
    """The contact of every scenario in the pack's scenarios/ folder, as JSON text, in file order
    (the samples scripts/run-hackney.sh decides)."""
    contacts = []
    for path in sorted(glob.glob(os.path.join(rules, "scenarios", "*.json"))):
        with open(path) as f:
            contacts.append(json.dumps(json.load(f)["contact"]))
    return contacts


class Server:
    """`frontdoor serve` on 127.0.0.1, port 0, started in __enter__ and killed in __exit__.

    extra: further arguments (limits); tokens: a tokens file, or None for --no-auth; environment:
    variables set for the server on top of this process's own (TZ, say)."""

    def __init__(self, cli, rules, tokens=None, extra=(), expect_start=True, environment=None):
        self.cli, self.rules, self.tokens, self.extra = cli, rules, tokens, list(extra)
        self.environment = dict(os.environ, **(environment or {}))
        self.expect_start = expect_start
        self.process = None
        self.port = None
        self.stderr_file = tempfile.TemporaryFile()

    def command(self):
        auth = ["--tokens", self.tokens] if self.tokens else ["--no-auth"]
        return [self.cli, "serve", "--rules", self.rules, "--listen", "127.0.0.1:0", "--threads", "2", *auth, *self.extra]

    def __enter__(self):
        self.process = subprocess.Popen(self.command(), stdout=subprocess.PIPE, stderr=self.stderr_file,
                                        env=self.environment)
        line = self._read_line(START_SECONDS)
        prefix = b"listening on http://127.0.0.1:"
        if not line.startswith(prefix):
            self.stop_now()
            raise RuntimeError(f"the server did not start: {line!r}; stderr: {self.stderr()}")
        self.port = int(line[len(prefix):].strip())
        return self

    def _read_line(self, seconds):
        deadline = time.monotonic() + seconds
        out = self.process.stdout
        line = b""
        while not line.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([out], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            byte = os.read(out.fileno(), 1)
            if not byte:
                break
            line += byte
        return line

    def stderr(self):
        self.stderr_file.seek(0)
        return self.stderr_file.read().decode(errors="replace")

    def __exit__(self, *exc):
        self.stop_now()
        return False

    def stop_now(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
        if self.process:
            self.process.wait(timeout=STOP_SECONDS)

    def terminate(self):
        """Sends SIGTERM and returns the exit status (bounded in time)."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=STOP_SECONDS)

    def connection(self, timeout=REQUEST_SECONDS):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, token=None, content_type="application/json", headers=None,
                connection=None):
        """Sends one request; returns (status, headers as a dict with lowercase names, body bytes)."""
        own = connection is None
        connection = connection or self.connection()
        sent = dict(headers or {})
        if token:
            sent["Authorization"] = "Bearer " + token
        if body is not None:
            sent["Content-Type"] = content_type
            if isinstance(body, str):
                body = body.encode()
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            data = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            if own:
                connection.close()

    def raw(self, data, read_seconds=REQUEST_SECONDS):
        """Sends raw bytes on a new connection and returns every byte answered until the server closes."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=read_seconds) as s:
            s.sendall(data)
            return read_until_closed(s, read_seconds)


def read_until_closed(s, seconds):
    s.settimeout(seconds)
    received = b""
    while True:
        try:
            chunk = s.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not chunk:
            break
        received += chunk
    return received


def status_of(raw_response):
    """The status code of a raw HTTP response, or None."""
    parts = raw_response.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def body_of(raw_response):
    return raw_response.partition(b"\r\n\r\n")[2]


def server_routes(cli):
    """Every route of the server (`frontdoor serve --routes`): {(METHOD, pattern): (query parameter, ...)}."""
    done = subprocess.run([cli, "serve", "--routes"], capture_output=True, text=True, timeout=60)
    check(done.returncode == 0, f"serve --routes exits 0: {done.returncode} {done.stderr}")
    routes = {}
    for line in done.stdout.splitlines():
        method, pattern, *parameters = line.split(" ")
        routes[(method, pattern)] = tuple(parameters)
    check(("POST", "/v1/decisions") in routes and ("GET", "/v1/openapi.json") in routes,
          f"serve --routes lists the routes: {routes}")
    return routes


def check_workspace_refusals(server, cases, after=None):
    """POSTs each (route, body, words) of `cases` to a workspace (the impact route's body as JSON lines,
    any other as JSON) and checks it is answered 400 with a JSON error saying `words`; a connection
    that fails counts as no answer. `after(route)`, when given, runs after each case; when it returns
    False the remaining cases are not sent."""
    for route, body, words in cases:
        kind = "application/x-ndjson" if route.endswith(":impact") else "application/json"
        try:
            status, _, data = server.request("POST", route, body, content_type=kind)
        except OSError as error:
            status, data = f"no answer ({error})", b""
        text = data.decode(errors="replace")
        check(status == 400 and words in text and text.lstrip().startswith("{"),
              f"POST {route} ({len(body):,} bytes, ending {body[-60:]!r}): 400 saying {words!r}: {status} {text[:300]}")
        if after and not after(route):
            return


def eval_output(cli, rules, text, *options):
    """What `frontdoor eval` prints for `text`: (exit status, stdout bytes)."""
    done = subprocess.run([cli, "eval", "--rules", rules, *options], input=text.encode(), capture_output=True,
                          timeout=REQUEST_SECONDS * 4)
    return done.returncode, done.stdout


def check_decide_role(cli, pack, work, ask):
    """A workspace route that needs the decide role, on `frontdoor serve --workspace pack` with
    write_tokens' file in `work`: 401 without a token, 403 with the admin role alone, 200 with the
    decide role. `ask(server, token)` sends the route's request and returns its status."""
    with Server(cli, pack, tokens=write_tokens(work), extra=["--workspace", pack, "--no-watch"]) as server:
        check(ask(server, None) == 401, "without a token: 401")
        check(ask(server, ADMIN_TOKEN) == 403, "the admin role alone: 403")
        check(ask(server, DECIDE_TOKEN) == 200, "the decide role: 200")
