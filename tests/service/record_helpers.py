"""Helpers shared by the tests of `serve --record`: contacts with unique contact ids, the records of a
decision log read straight from its SQLite file (the bytes as stored, not through the server), and
`frontdoor audit verify`."""
import json
import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import REQUEST_SECONDS, sample_contacts  # noqa: E402


def unique_contacts(rules, count, prefix):
    """`count` sample contacts (cycling through the pack's samples), each with its own contact_id
    "<prefix>-<n>", as JSON text."""
    samples = [json.loads(text) for text in sample_contacts(rules)]
    out = []
    for n in range(count):
        contact = dict(samples[n % len(samples)])
        contact["contact_id"] = f"{prefix}-{n}"
        out.append(json.dumps(contact))
    return out


def read_records(log):
    """Every record in the log as {id: (contact_id, input bytes, decision bytes)}, read-only."""
    db = sqlite3.connect(f"file:{log}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT id, contact_id, input, decision FROM records ORDER BY id").fetchall()
    finally:
        db.close()
    as_bytes = lambda v: v if isinstance(v, bytes) else v.encode()  # noqa: E731
    return {row[0]: (row[1], as_bytes(row[2]), as_bytes(row[3])) for row in rows}


def audit_verify(cli, log):
    """(exit status, stdout text) of `frontdoor audit verify --log LOG`."""
    done = subprocess.run([cli, "audit", "verify", "--log", log], capture_output=True, timeout=REQUEST_SECONDS * 4)
    return done.returncode, done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace")


def missing_records(answered, records):
    """The answers (record id header, input bytes, body bytes) of 200 responses whose record is not
    in `records` byte for byte (same input, decision = body without its line end)."""
    missing = []
    for record_id, sent, body in answered:
        stored = records.get(int(record_id)) if record_id and record_id.isdigit() else None
        if stored is None or stored[1] != sent or stored[2] + b"\n" != body:
            missing.append((record_id, sent[:60]))
    return missing
