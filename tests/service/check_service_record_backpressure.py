#!/usr/bin/env python3
"""Backpressure and log failure with --record. Another connection holds the log's write lock, so the
server's commit waits: with --record-queue 1 the one decision queued waits, and the others are
answered 503 with Retry-After at once; once the lock goes, the waiting one is answered 200 and every
200 has its record. A lock held past SQLite's busy timeout makes the append fail: that request is
answered 503 with a JSON body (nothing recorded, nothing acknowledged) and /readyz turns 503, until
an append succeeds again. A decision whose commit ends after the request's deadline is still answered
200 with its record id: it is in the log, so a 503 would make the client retry and record it twice."""
import json
import os
import sqlite3
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import Server, check, finish, parse_args  # noqa: E402
from record_helpers import audit_verify, missing_records, read_records, unique_contacts  # noqa: E402

BUSY_TIMEOUT_SECONDS = 10  # engine/records/open_sqlite_store.cpp: sqlite3_busy_timeout


def post_all(server, contacts):
    """Posts each contact on its own thread at once; returns [(status, headers, body, sent)]."""
    results, lock = [], threading.Lock()

    def one(text):
        status, headers, body = server.request("POST", "/v1/decisions", text)
        with lock:
            results.append((status, headers, body, text.encode()))
    threads = [threading.Thread(target=one, args=(text,)) for text in contacts]
    for t in threads:
        t.start()
    return threads, results


def lock_log(log):
    db = sqlite3.connect(log, isolation_level=None, timeout=30)
    db.execute("BEGIN IMMEDIATE")
    return db


def queue_depth(server):
    status, _, body = server.request("GET", "/metrics")
    for line in body.decode().splitlines():
        if line.startswith("frontdoor_log_queue_depth "):
            return int(line.split()[1])
    raise AssertionError(f"GET /metrics ({status}) has no frontdoor_log_queue_depth")


def wait_for_queue_depth(server, depth, seconds=20):
    """Until the recorder holds `depth` decisions (a loaded machine may take a while to queue one)."""
    deadline = time.monotonic() + seconds
    while queue_depth(server) != depth:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def check_queue_full(server, log, contacts):
    db = lock_log(log)
    first_threads, first = post_all(server, contacts[:1])
    # The first decision is queued, its commit waiting for the lock, before the others are sent.
    check(wait_for_queue_depth(server, 1), "the first decision is queued behind the held lock")
    threads, results = post_all(server, contacts[1:9])
    for t in threads:
        t.join(timeout=30)
    busy = [r for r in results if r[0] == 503]
    check(len(busy) == 8 and all(r[1].get("retry-after") == "1" for r in busy),
          f"queue full: 503 with Retry-After: {[r[0] for r in results]}")
    check(all(json.loads(r[2])["error"]["status"] == 503 for r in busy), "queue full: JSON error bodies")
    db.execute("ROLLBACK")
    db.close()
    for t in first_threads:
        t.join(timeout=30)
    check([r[0] for r in first] == [200], f"the queued decision: 200 once the log is free: {[r[0] for r in first]}")
    answered = [(r[1].get("x-frontdoor-record-id"), r[3], r[2]) for r in first + results if r[0] == 200]
    check(not missing_records(answered, read_records(log)), "every 200 has its record")


def check_log_failure(server, log, contacts):
    db = lock_log(log)
    threads, results = post_all(server, contacts[:1])
    for t in threads:
        t.join(timeout=BUSY_TIMEOUT_SECONDS + 20)
    status, headers, body = results[0][:3]
    check(status == 503 and b"could not be recorded" in body and headers.get("retry-after") == "1",
          f"a failed append: 503 with a JSON body: {status} {body!r}")
    check("x-frontdoor-record-id" not in headers, "a failed append has no record id")
    check(server.request("GET", "/readyz")[0] == 503, "after a failed append /readyz is 503")
    db.execute("ROLLBACK")
    db.close()
    status, headers, body = server.request("POST", "/v1/decisions", contacts[1])
    check(status == 200 and headers.get("x-frontdoor-record-id"), f"the log free again: 200, recorded: {status}")
    check(server.request("GET", "/readyz")[0] == 200, "after a good append /readyz is 200 again")
    check(contacts[0].encode() not in [r[1] for r in read_records(log).values()], "the failed decision is not in the log")


def check_late_commit(server, log, contacts, deadline_seconds):
    db = lock_log(log)
    threads, results = post_all(server, contacts[:1])
    time.sleep(deadline_seconds + 1)  # the commit waits for the lock past the request's deadline
    db.execute("ROLLBACK")
    db.close()
    for t in threads:
        t.join(timeout=30)
    status, headers, body, sent = results[0]
    check(status == 200 and headers.get("x-frontdoor-record-id"),
          f"a decision committed after its deadline: 200 with its record id, got {status} {body[:120]!r}")
    check(not missing_records([(headers.get("x-frontdoor-record-id"), sent, body)], read_records(log)),
          "the late decision's record is the decision answered")


def main():
    args = parse_args()
    contacts = unique_contacts(args.rules, 40, "B")
    with tempfile.TemporaryDirectory() as directory:
        log = os.path.join(directory, "decisions.db")
        with Server(args.cli, args.rules, extra=["--record", log, "--record-queue", "1"]) as server:
            check_queue_full(server, log, contacts[:10])
            check_log_failure(server, log, contacts[10:12])
            check(server.terminate() == 0, "graceful stop: exit 0")
        with Server(args.cli, args.rules, extra=["--record", log, "--request-deadline-ms", "1000"]) as server:
            check_late_commit(server, log, contacts[12:13], 1.0)
            check(server.terminate() == 0, "graceful stop: exit 0")
        code, text = audit_verify(args.cli, log)
        check(code == 0, f"audit verify: exit 0, got {code}: {text}")
    finish()


if __name__ == "__main__":
    main()
