#!/usr/bin/env python3
"""`serve --record LOG`: every decision answered 200 (single and batch) is in the log, its input and
decision byte for byte, with its record id in X-Frontdoor-Record-Id; refusals are not recorded; the
audit routes answer recorded decisions to the audit role only (decide token 403, none 401), 400 for a
bad id, 404 for an unknown one, 409 for a record altered in the file; without --record they say no
log is configured; the log verifies afterwards."""
import glob
import json
import os
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (AUDIT_TOKEN, DECIDE_TOKEN, Server, check, finish, parse_args,  # noqa: E402
                             sample_contacts, write_tokens)
from record_helpers import audit_verify, missing_records, read_records  # noqa: E402


def decide_samples(server, contacts):
    """Posts every sample; returns the 200 answers (record id, input, body) and the other statuses."""
    answered, others = [], []
    connection = server.connection()
    for text in contacts:
        status, headers, body = server.request("POST", "/v1/decisions", text, token=DECIDE_TOKEN, connection=connection)
        if status == 200:
            answered.append((headers.get("x-frontdoor-record-id"), text.encode(), body))
        else:
            others.append(status)
    connection.close()
    return answered, others


def check_single_decisions(server, contacts, log):
    answered, others = decide_samples(server, contacts)
    check(len(answered) > 100 and others and set(others) <= {400, 422}, f"samples: decided and refused: {others}")
    records = read_records(log)
    check(not missing_records(answered, records), f"every 200 has its record: missing {missing_records(answered, records)[:5]}")
    check(len(records) == len(answered), f"refusals are not recorded: {len(records)} records, {len(answered)} decisions")
    return answered


def check_batch(server, contacts, log):
    before = len(read_records(log))
    status, headers, body = server.request("POST", "/v1/decisions:batch", "\n".join(contacts) + "\n",
                                           token=DECIDE_TOKEN, content_type="application/x-ndjson")
    check(status == 200, f"recorded batch: 200, got {status}")
    decided = [line for line in body.split(b"\n") if line and not line.startswith(b'{"line"')]
    added = [r for i, r in sorted(read_records(log).items()) if i > before]
    check([r[2] for r in added] == decided, f"batch: its {len(decided)} decisions are the {len(added)} new records, in order")
    inputs = [c.encode() for c in contacts]
    check(all(r[1] in inputs for r in added), "batch: each record's input is a line sent")


def check_audit_routes(server, answered, log):
    record_id, sent, body = answered[3]
    path = f"/v1/decisions/{record_id}"
    status, _, data = server.request("GET", path, token=AUDIT_TOKEN)
    shown = json.loads(data) if status == 200 else {}
    check(status == 200 and shown.get("intact") is True and shown.get("problem") is None, f"GET {path}: 200, intact: {status} {data[:200]!r}")
    check(shown.get("decision") == json.loads(body) and shown.get("input") == sent.decode(), "GET record: its decision and input")
    check(server.request("GET", path, token=DECIDE_TOKEN)[0] == 403, "GET record with the decide token: 403")
    check(server.request("GET", path)[0] == 401, "GET record without a token: 401")
    for bad in ("abc", "0", "-1", "1x", "9" * 19):
        status, _, data = server.request("GET", f"/v1/decisions/{bad}", token=AUDIT_TOKEN)
        check(status == 400 and b'"error"' in data, f"GET /v1/decisions/{bad}: 400 with a JSON error, got {status}")
    status, _, data = server.request("GET", "/v1/decisions/999999", token=AUDIT_TOKEN)
    check(status == 404 and b"no record 999999" in data, f"unknown record: 404, got {status} {data!r}")
    contact_id = shown.get("contact_id")
    status, _, data = server.request("GET", f"/v1/decisions?contact_id={contact_id}", token=AUDIT_TOKEN)
    listed = json.loads(data) if status == 200 else {}
    ids = [r["id"] for r in listed.get("records", [])]
    check(status == 200 and int(record_id) in ids and all(r["contact_id"] == contact_id for r in listed["records"]),
          f"GET ?contact_id={contact_id}: its records, got {status} {ids}")
    check(server.request("GET", "/v1/decisions?contact_id=", token=AUDIT_TOKEN)[0] == 400, "empty contact_id: 400")
    check(server.request("GET", "/v1/decisions", token=AUDIT_TOKEN)[0] == 400, "no contact_id: 400")
    status, _, data = server.request("GET", "/v1/decisions?contact_id=nobody-at-all", token=AUDIT_TOKEN)
    check(status == 200 and json.loads(data)["records"] == [], f"a contact with no records: 200, none: {status}")
    check(server.request("GET", "/v1/decisions?contact_id=x", token=DECIDE_TOKEN)[0] == 403, "list with decide token: 403")


def check_tampered_record(server, log, record_id):
    db = sqlite3.connect(log)
    db.execute("UPDATE records SET decision = replace(decision, 'outcome', 'outcomf') WHERE id = ?", (record_id,))
    db.commit()
    db.close()
    status, _, data = server.request("GET", f"/v1/decisions/{record_id}", token=AUDIT_TOKEN)
    shown = json.loads(data) if data.startswith(b"{") else {}
    check(status == 409 and shown.get("intact") is False and f"record {record_id}" in (shown.get("problem") or ""),
          f"an altered record: 409 with its problem, got {status} {data[:300]!r}")
    contact_id = shown.get("contact_id")
    status, _, data = server.request("GET", f"/v1/decisions?contact_id={contact_id}", token=AUDIT_TOKEN)
    listed = json.loads(data) if data.startswith(b"{") else {}
    marks = {r["id"]: r.get("intact") for r in listed.get("records", [])}
    check(status == 409 and listed.get("intact") is False and marks.get(record_id) is False
          and all(intact is True for id_, intact in marks.items() if id_ != record_id),
          f"the list of its contact's records: 409, the altered one (only) not intact: {status} {marks}")
    # A decision rewritten as an object whose ruleset nests 200,000 deep: shown as its text, and the
    # service stays up (dumping it as JSON would exhaust the stack).
    deep = '{"ruleset": ' + "[" * 200000 + "]" * 200000 + "}"
    db = sqlite3.connect(log)
    db.execute("UPDATE records SET decision = ? WHERE id = ?", (deep, record_id))
    db.commit()
    db.close()
    try:
        status, _, data = server.request("GET", f"/v1/decisions/{record_id}", token=AUDIT_TOKEN)
    except OSError as error:
        status, data = f"no answer ({error})", b""
    shown = json.loads(data) if data.startswith(b"{") else {}
    check(status == 409 and shown.get("decision") == deep,
          f"a decision nested 200,000 deep: 409, shown as its text, got {status} {data[:200]!r}")
    check(server.request("GET", "/healthz")[0] == 200, "and the service is still up")


def check_thread_names(server):
    """The server's threads are named for top -H and perf (docs/service.md, Threads and stopping)."""
    names = set()
    for task in glob.glob(f"/proc/{server.process.pid}/task/*/comm"):
        with open(task) as comm:
            names.add(comm.read().strip())
    for wanted in ("fd-io-0", "fd-log-writer", "fd-checkpoint"):
        check(wanted in names, f"a thread named {wanted}: {sorted(names)}")


def main():
    args = parse_args()
    contacts = sample_contacts(args.rules)
    with tempfile.TemporaryDirectory() as directory:
        tokens = write_tokens(directory)
        log = os.path.join(directory, "decisions.db")
        with Server(args.cli, args.rules, tokens=tokens, extra=["--record", log]) as server:
            status, _, _ = server.request("GET", "/readyz")
            check(status == 200, f"/readyz with a writable log: 200, got {status}")
            check_thread_names(server)
            answered = check_single_decisions(server, contacts, log)
            check_batch(server, contacts, log)
            check_audit_routes(server, answered, log)
            code, text = audit_verify(args.cli, log)
            check(code == 0, f"audit verify after recording: exit 0, got {code}: {text}")
            check_tampered_record(server, log, int(answered[5][0]))
        with Server(args.cli, args.rules, tokens=tokens) as server:
            status, _, data = server.request("GET", "/v1/decisions/1", token=AUDIT_TOKEN)
            check(status == 404 and b"no decision log is configured" in data, f"without --record: 404 saying so: {data!r}")
            status, headers, _ = server.request("POST", "/v1/decisions", contacts[0], token=DECIDE_TOKEN)
            check(status == 200 and "x-frontdoor-record-id" not in headers, "without --record: no record id")
    finish()


if __name__ == "__main__":
    main()
