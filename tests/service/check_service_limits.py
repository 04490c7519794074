#!/usr/bin/env python3
"""The limits of `frontdoor serve`, each answered with its status and a JSON body, and the server
staying up for whatever a client does: 413 (body), 431 (head), 408 (slowloris, a body that stops
coming), 503 with Retry-After (connections), a connection closed after its requests-per-connection,
garbage bytes (400), a half-closed connection, and a client that never reads. After each, a good
request on a new connection is still answered."""
import json
import os
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (DECIDE_TOKEN, Server, body_of, check, finish, parse_args, read_until_closed,  # noqa: E402
                             sample_contacts, status_of, write_tokens)

LIMITS = ["--max-body-bytes", "20000", "--max-batch-bytes", "40000", "--max-header-bytes", "4096",
          "--read-timeout-ms", "1000", "--request-deadline-ms", "1000", "--write-timeout-ms", "1000",
          "--max-requests-per-connection", "3"]


def head(path, length, extra=""):
    return (f"POST {path} HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {DECIDE_TOKEN}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {length}\r\n{extra}\r\n").encode()


def error_status(raw):
    try:
        return json.loads(body_of(raw))["error"]["status"]
    except (ValueError, KeyError):
        return None


def still_serves(server, contact, what):
    status, _, _ = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN)
    check(status == 200, f"after {what}, a good request is answered: {status}")


def check_sizes(server, contact):
    big = '{"pad": "' + "x" * 30000 + '"}'
    status, _, body = server.request("POST", "/v1/decisions", big, token=DECIDE_TOKEN)
    check(status == 413 and json.loads(body)["error"]["status"] == 413, f"a body past the limit: 413: {status} {body!r}")
    lines = (contact + "\n") * (20000 // len(contact) + 1)  # past the single-contact limit, within the batch one
    check(20000 < len(lines) < 40000, f"the batch is sized between the limits: {len(lines)}")
    status, _, body = server.request("POST", "/v1/decisions:batch", lines, token=DECIDE_TOKEN,
                                     content_type="application/x-ndjson")
    check(status == 200 and body.count(b"\n") == lines.count("\n"), f"a batch under its own limit is decided: {status}")
    status, _, body = server.request("POST", "/v1/decisions:batch", lines * 2, token=DECIDE_TOKEN,
                                     content_type="application/x-ndjson")
    check(status == 413, f"a batch past its limit: 413: {status}")
    raw = server.raw(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + b"a" * 8000 + b"\r\n\r\n")
    check(status_of(raw) == 431 and error_status(raw) == 431, f"a head past the limit: 431: {raw[:120]!r}")
    raw = server.raw(head("/v1/decisions", 10_000_000))
    check(status_of(raw) == 413, f"a Content-Length past the limit is refused before the body: {raw[:120]!r}")
    still_serves(server, contact, "size limits")


def check_slow_clients(server, contact):
    # Slowloris: one byte of the head at a time, never finishing it.
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        received = b""
        for byte in b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: " + b"a" * 200:
            try:
                s.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                break
            s.settimeout(0.25)
            try:
                received = s.recv(65536)
            except socket.timeout:
                continue
            break
        received += read_until_closed(s, 10)
    check(status_of(received) == 408 and error_status(received) == 408, f"slowloris: 408: {received[:120]!r}")
    # A body that stops coming.
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(head("/v1/decisions", 100) + b'{"child"')
        raw = read_until_closed(s, 20)
    check(status_of(raw) == 408, f"a body that stops coming: 408: {raw[:120]!r}")
    # An idle connection is closed without an answer.
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        raw = read_until_closed(s, 20)
    check(raw == b"", f"an idle connection is closed silently: {raw[:120]!r}")
    still_serves(server, contact, "slow clients")


def check_bad_clients(server, contact):
    raw = server.raw(b"\x00\xff\x16\x03\x01 garbage that is not HTTP\r\n\r\n")
    check(status_of(raw) == 400 and error_status(raw) == 400, f"garbage bytes: 400: {raw[:120]!r}")
    still_serves(server, contact, "garbage bytes")
    # An HTTP/1.0 client: answered in HTTP/1.1 (RFC 9110 6.2), told the connection closes, and the
    # server closes it (raw() reads until the close, bounded by its timeout).
    started = time.monotonic()
    raw = server.raw(b"GET /readyz HTTP/1.0\r\n\r\n")
    check(raw.startswith(b"HTTP/1.1 200 ") and b"\r\nConnection: close\r\n" in raw
          and json.loads(body_of(raw)) == {"status": "ready"} and time.monotonic() - started < 5,
          f"an HTTP/1.0 request: an HTTP/1.1 answer that closes the connection: {raw[:200]!r}")
    # Half-closed: the whole request, then the client's side shut; the answer still comes.
    body = contact.encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(head("/v1/decisions", len(body)) + body)
        s.shutdown(socket.SHUT_WR)
        raw = read_until_closed(s, 20)
    check(status_of(raw) == 200, f"a half-closed connection is answered: {raw[:120]!r}")
    # Half-closed in the middle of a request.
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(head("/v1/decisions", 100) + b'{"a"')
        s.shutdown(socket.SHUT_WR)
        raw = read_until_closed(s, 20)
    check(status_of(raw) in (None, 400), f"a request cut short: closed or 400: {raw[:120]!r}")
    # A client that never reads: pipelined requests and no reads, while another client is served.
    request = head("/v1/decisions", len(body)) + body
    reader_less = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    reader_less.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    reader_less.setblocking(False)
    sent = 0
    deadline = time.monotonic() + 10
    while sent < 20_000_000 and time.monotonic() < deadline:
        try:
            sent += reader_less.send(request * 20)
        except BlockingIOError:
            time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            break
    still_serves(server, contact, "a client that never reads")
    reader_less.close()
    still_serves(server, contact, "a client that never read went away")


def check_requests_per_connection(server, contact):
    connection = server.connection()
    closes = []
    for _ in range(3):
        connection.request("POST", "/v1/decisions", body=contact.encode(),
                           headers={"Authorization": "Bearer " + DECIDE_TOKEN, "Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        closes.append(response.getheader("Connection"))
    connection.close()
    check(closes == [None, None, "close"], f"the third request closes the connection: {closes}")


def check_connection_cap(cli, rules, tokens, contact):
    with Server(cli, rules, tokens=tokens, extra=["--max-connections", "2", "--max-batches", "1"]) as server:
        # One batch whose body is still arriving holds the only batch slot: a second batch is refused.
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as holding:
            holding.sendall(head("/v1/decisions:batch", 1000).replace(b"application/json", b"application/x-ndjson")
                            + contact.encode()[:10])
            time.sleep(0.5)  # lets the server read the first batch's head
            raw = server.raw(head("/v1/decisions:batch", 2).replace(b"application/json", b"application/x-ndjson")
                             + b"{}")
            check(status_of(raw) == 503 and b"Retry-After: 1" in raw and error_status(raw) == 503,
                  f"a batch past --max-batches: 503 with Retry-After: {raw[:200]!r}")
        deadline = time.monotonic() + 20
        status = None
        while status != 200 and time.monotonic() < deadline:
            status, _, _ = server.request("POST", "/v1/decisions:batch", contact, token=DECIDE_TOKEN,
                                          content_type="application/x-ndjson")
            time.sleep(0.05)
        check(status == 200, f"once the first batch's connection closes, batches are served again: {status}")
        held = [server.connection(), server.connection()]
        for connection in held:
            status, _, _ = server.request("GET", "/healthz", connection=connection)
            check(status == 200, f"connections under the cap are served: {status}")
        raw = server.raw(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        check(status_of(raw) == 503 and b"Retry-After: 1" in raw and error_status(raw) == 503,
              f"a connection past the cap: 503 with Retry-After: {raw[:200]!r}")
        for connection in held:
            connection.close()
        deadline = time.monotonic() + 20
        status = None
        while status != 200 and time.monotonic() < deadline:
            status = status_of(server.raw(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"))
            time.sleep(0.05)
        check(status == 200, f"once connections close, new ones are served: {status}")


def main():
    args = parse_args()
    contact = sample_contacts(args.rules)[0]
    with tempfile.TemporaryDirectory() as directory:
        tokens = write_tokens(directory)
        with Server(args.cli, args.rules, tokens=tokens, extra=LIMITS) as server:
            check_sizes(server, contact)
            check_slow_clients(server, contact)
            check_bad_clients(server, contact)
            check_requests_per_connection(server, contact)
            check(server.process.poll() is None, "the server is still running")
        check_connection_cap(args.cli, args.rules, tokens, contact)
    finish()


if __name__ == "__main__":
    main()
