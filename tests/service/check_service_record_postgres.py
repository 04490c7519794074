#!/usr/bin/env python3
"""serve --record postgresql://... when the database goes away mid-run and comes back. While the
server is stopped a decision is answered 503 with a JSON body and no record id (nothing recorded,
nothing acknowledged) and /readyz is 503; once the server is back, the next decision is recorded and
answered 200 (the writer connects again) and /readyz is 200 again. Every 200 has its record, the
refused decision has none, and the log verifies. Uses the private PostgreSQL server of the contract
tests (tests/contract/postgres_server.py): exit 77 (skipped) without one, 1 under CI=true."""
import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "contract"))
from service_harness import Server, check, finish, parse_args  # noqa: E402
from record_helpers import audit_verify, unique_contacts  # noqa: E402
from postgres_server import PostgresServer, Unavailable, skip_status  # noqa: E402


def recorded_inputs(database, server):
    """The input of every record, by id, read with psql."""
    rows = server.psql(database, "SELECT id, encode(input, 'hex') FROM records ORDER BY id")
    return {int(line.split("|")[0]): bytes.fromhex(line.split("|")[1]) for line in rows}


def decide(service, contact):
    started = time.monotonic()
    status, headers, body = service.request("POST", "/v1/decisions", contact)
    return status, headers, body, time.monotonic() - started


def check_database_gone_and_back(service, database, contacts):
    answered = {}
    status, headers, _, _ = decide(service, contacts[0])
    check(status == 200 and headers.get("x-frontdoor-record-id"), f"the database up: 200, recorded: {status}")
    answered[headers.get("x-frontdoor-record-id")] = contacts[0]
    check(service.request("GET", "/readyz")[0] == 200, "the database up: /readyz is 200")

    database.stop()
    for contact in contacts[1:3]:
        status, headers, body, seconds = decide(service, contact)
        error = json.loads(body).get("error", {}) if body.startswith(b"{") else {}
        check(status == 503 and error.get("status") == 503 and b"could not be recorded" in body,
              f"the database stopped: 503 with a JSON body, got {status} {body[:300]!r}")
        check("x-frontdoor-record-id" not in headers, "the database stopped: no record id")
        check(seconds < 15, f"the database stopped: answered at once, not after {seconds:.1f} s")
    status, _, body = service.request("GET", "/readyz")
    check(status == 503, f"the database stopped: /readyz is 503, got {status} {body!r}")

    database.resume()
    status, headers, body, _ = decide(service, contacts[3])
    check(status == 200 and headers.get("x-frontdoor-record-id"),
          f"the database back: the next decision is recorded and answered 200, got {status} {body[:300]!r}")
    answered[headers.get("x-frontdoor-record-id")] = contacts[3]
    status, _, body = service.request("GET", "/readyz")
    check(status == 200, f"the database back: /readyz is 200 again, got {status} {body!r}")
    return answered


def main():
    args = parse_args()
    contacts = unique_contacts(args.rules, 4, "P")
    with tempfile.TemporaryDirectory() as scratch:
        try:
            database = PostgresServer(scratch)
        except Unavailable as reason:
            sys.exit(skip_status(reason))
        with database:
            url = database.create_database("served")
            with Server(args.cli, args.rules, extra=["--record", url]) as service:
                answered = check_database_gone_and_back(service, database, contacts)
                check(service.terminate() == 0, "graceful stop: exit 0")
            records = recorded_inputs("served", database)
            check(all(record_id and records.get(int(record_id)) == contact.encode()
                      for record_id, contact in answered.items()), "every 200 has its record, byte for byte")
            check(sorted(records.values()) == sorted(c.encode() for c in answered.values()),
                  f"the log holds only the decisions answered 200: {len(records)} records")
            code, text = audit_verify(args.cli, url)
            check(code == 0, f"audit verify: exit 0, got {code}: {text}")
    finish()


if __name__ == "__main__":
    main()
