#!/usr/bin/env python3
"""`kill -9` under load with --record: client threads post contacts with unique ids over keep-alive
connections; the server is killed mid-run. Then `frontdoor audit verify` passes, and every response a
client received 200 for has its record (by X-Frontdoor-Record-Id and by contact_id), input and
decision byte for byte."""
import os
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import DECIDE_TOKEN, Server, check, finish, parse_args  # noqa: E402
from record_helpers import audit_verify, missing_records, read_records, unique_contacts  # noqa: E402

THREADS = 6
PER_THREAD = 3000  # bounded: far more than the run lasts


def client(server, contacts, answered, lock):
    connection = server.connection(timeout=10)
    for text in contacts:
        try:
            status, headers, body = server.request("POST", "/v1/decisions", text, token=DECIDE_TOKEN,
                                                   connection=connection)
        except Exception:  # the server was killed: this request has no answer, so nothing is owed
            return
        if status == 200:
            with lock:
                answered.append((headers.get("x-frontdoor-record-id"), text.encode(), body))


def main():
    args = parse_args()
    contacts = unique_contacts(args.rules, THREADS * PER_THREAD, "K")
    answered, lock = [], threading.Lock()
    with tempfile.TemporaryDirectory() as directory:
        log = os.path.join(directory, "decisions.db")
        with Server(args.cli, args.rules, extra=["--record", log]) as server:
            threads = [threading.Thread(target=client, args=(server, contacts[i::THREADS], answered, lock))
                       for i in range(THREADS)]
            for t in threads:
                t.start()
            deadline = time.monotonic() + 20
            while len(answered) < 300 and time.monotonic() < deadline:
                time.sleep(0.05)
            server.process.kill()  # SIGKILL, mid-run
            server.process.wait(timeout=30)
            for t in threads:
                t.join(timeout=30)
        check(len(answered) >= 300, f"the clients got 200s before the kill: {len(answered)}")
        code, text = audit_verify(args.cli, log)
        check(code == 0, f"audit verify after kill -9: exit 0, got {code}: {text}")
        records = read_records(log)
        missing = missing_records(answered, records)
        check(not missing, f"every 200 has its record: {len(missing)} missing, e.g. {missing[:3]}")
        recorded_ids = {r[0] for r in records.values()}
        unrecorded = [sent for _, sent, _ in answered if sent.split(b'"contact_id": "')[1].split(b'"')[0].decode()
                      not in recorded_ids]
        check(not unrecorded, f"every 200's contact_id is in the log: {len(unrecorded)} are not")
        print(f"{len(answered)} answered 200 before the kill, {len(records)} records in the log")
    finish()


if __name__ == "__main__":
    main()
