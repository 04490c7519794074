#!/usr/bin/env python3
"""Graceful stop: on SIGTERM `frontdoor serve` stops accepting, answers the request in flight (here,
one whose body is still arriving when the signal comes), closes idle connections, and exits 0. And
under recorded load (--record, four clients posting without pause): it exits 0, every 200 a client
got has its record byte for byte, and `audit verify` passes."""
import http.client
import os
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (DECIDE_TOKEN, STOP_SECONDS, Server, check, finish, parse_args,  # noqa: E402
                             read_until_closed, sample_contacts, status_of, write_tokens)
from record_helpers import audit_verify, missing_records, read_records, unique_contacts  # noqa: E402


def post_until_refused(server, contacts, answered, lock):
    """Posts `contacts` one after another on one keep-alive connection, reconnecting when the server
    closes it, until a connection is refused (the server stopped) or the contacts run out; keeps each
    200's answer."""
    connection = None
    for text in contacts:
        try:
            connection = connection or server.connection()
            status, headers, body = server.request("POST", "/v1/decisions", text, token=DECIDE_TOKEN,
                                                   connection=connection)
        except (OSError, http.client.HTTPException):
            connection = None
            try:
                server.connection().close()
            except OSError:
                return  # refused: the server is gone
            continue
        if status == 200:
            with lock:
                answered.append((headers.get("x-frontdoor-record-id"), text.encode(), body))
        if headers.get("connection") == "close":
            connection.close()
            connection = None


def check_stop_under_recorded_load(cli, rules, directory):
    log = os.path.join(directory, "decisions.db")
    answered, lock = [], threading.Lock()
    with Server(cli, rules, tokens=write_tokens(directory), extra=["--record", log]) as server:
        clients = [threading.Thread(target=post_until_refused,
                                    args=(server, unique_contacts(rules, 5000, f"S{n}"), answered, lock))
                   for n in range(4)]
        for client in clients:
            client.start()
        time.sleep(1.5)
        server.process.send_signal(15)
        status = server.process.wait(timeout=STOP_SECONDS)
        for client in clients:
            client.join(timeout=30)
        check(status == 0, f"under recorded load: exit status 0 after SIGTERM, got {status}; stderr: {server.stderr()}")
    check(len(answered) > 10, f"the clients got decisions before the stop: {len(answered)}")
    missing = missing_records(answered, read_records(log))
    check(not missing, f"every 200 before the stop has its record: {len(missing)} missing, e.g. {missing[:3]}")
    code, text = audit_verify(cli, log)
    check(code == 0, f"audit verify after the stop: exit 0, got {code}: {text}")


def main():
    args = parse_args()
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
        check_stop_under_recorded_load(args.cli, args.rules, directory)
    finish()


if __name__ == "__main__":
    main()
