#!/usr/bin/env python3
"""Graceful stop: on SIGTERM `frontdoor serve` stops accepting, answers the request in flight (here,
one whose body is still arriving when the signal comes), closes idle connections, and exits 0."""
import argparse
import os
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (DECIDE_TOKEN, STOP_SECONDS, Server, check, finish, read_until_closed,  # noqa: E402
                             sample_contacts, status_of, write_tokens)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--rules", required=True)
    args = parser.parse_args()
    body = sample_contacts(args.rules)[0].encode()
    with tempfile.TemporaryDirectory() as directory:
        with Server(args.cli, args.rules, tokens=write_tokens(directory)) as server:
            idle = server.connection()
            status, _, _ = server.request("GET", "/healthz", connection=idle)
            check(status == 200, "an idle keep-alive connection is open")
            in_flight = socket.create_connection(("127.0.0.1", server.port), timeout=30)
            in_flight.sendall(f"POST /v1/decisions HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {DECIDE_TOKEN}\r\n"
                              f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
                              + body[:10])
            time.sleep(0.5)  # lets the server read the head: the request is in flight
            server.process.send_signal(15)
            time.sleep(0.5)  # lets the server take the signal before the body ends
            in_flight.sendall(body[10:])
            raw = read_until_closed(in_flight, 20)
            in_flight.close()
            check(status_of(raw) == 200 and b"Connection: close" in raw,
                  f"the request in flight is answered, and its connection closed: {raw[:200]!r}")
            status = server.process.wait(timeout=STOP_SECONDS)
            check(status == 0, f"exit status 0 after SIGTERM, got {status}; stderr: {server.stderr()}")
            try:
                socket.create_connection(("127.0.0.1", server.port), timeout=5).close()
                check(False, "no connection is accepted after the stop")
            except OSError:
                pass
            idle.close()
    finish()


if __name__ == "__main__":
    main()
