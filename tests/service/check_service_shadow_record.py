#!/usr/bin/env python3
"""Shadow mode's record log (`serve --shadow CAND --shadow-record LOG`, issue #12): every decision
the candidate (B) would make differently from the active pack (A), for contacts posted singly and
as lines of a batch, is recorded in LOG as the candidate makes it: the input exactly as posted, B's
decision with its explanation (what `frontdoor eval` prints under B), B's digest. LOG holds nothing
else, passes `frontdoor audit verify`, and `frontdoor replay` confirms every record; the --record log
beside it holds A's decisions only. While the shadow log cannot be written, responses are unaffected
and the failures counted and logged once. --shadow-record is refused without --shadow and when it names the
--record log."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (ADMIN_TOKEN, AUDIT_TOKEN, DECIDE_TOKEN, REQUEST_SECONDS, Server, check,  # noqa: E402
                             finish, parse_args, write_tokens)
from reload_fixtures import copy_pack, make_variants, pack_fields  # noqa: E402

POLL_SECONDS = 30


def differing(variants, index):
    (refused_a, a), (refused_b, b) = variants["A"]["answers"][index], variants["B"]["answers"][index]
    if refused_a and refused_b:
        return False
    return refused_a != refused_b or pack_fields(a) != pack_fields(b)


def shadow_state(server):
    status, _, body = server.request("GET", "/v1/shadow", token=AUDIT_TOKEN)
    check(status == 200, f"GET /v1/shadow: {status} {body[:200]!r}")
    return json.loads(body)


def wait_until_recorded(server, compared, recorded, seconds=POLL_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = shadow_state(server)
        if (state["compared"] + state["dropped"] >= compared
                and state["recorded"] + state["record_failures"] >= recorded):
            return state
        time.sleep(0.05)
    return shadow_state(server)


def run(cli, *args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=REQUEST_SECONDS * 4)


def read_log(cli, log):
    """Every record of `log`, in order, as `frontdoor audit show --format json` gives it."""
    records = []
    while True:
        done = run(cli, "audit", "show", "--log", log, "--record", str(len(records) + 1), "--format", "json")
        if done.returncode != 0:
            return records
        records.extend(json.loads(done.stdout))


def check_refusals(cli, rules, candidate, workdir):
    log = os.path.join(workdir, "refused.db")
    done = run(cli, "serve", "--rules", rules, "--no-auth", "--listen", "127.0.0.1:0", "--shadow-record", log)
    check(done.returncode == 2 and "--shadow-record LOG needs --shadow DIR" in done.stderr,
          f"--shadow-record without --shadow: exit 2 and why, not {done.returncode} {done.stderr!r}")
    same = os.path.join(workdir, ".", "refused.db")
    done = run(cli, "serve", "--rules", rules, "--no-auth", "--listen", "127.0.0.1:0", "--shadow", candidate,
               "--record", log, "--shadow-record", same)
    check(done.returncode == 2 and "--shadow-record and --record name the same log" in done.stderr,
          f"--shadow-record naming the --record log: exit 2 and why, not {done.returncode} {done.stderr!r}")
    done = run(cli, "serve", "--rules", rules, "--no-auth", "--listen", "127.0.0.1:0", "--shadow", candidate,
               "--shadow-record", "")
    check(done.returncode == 2 and "--shadow-record takes a decision log" in done.stderr,
          f"--shadow-record without a value: exit 2, not {done.returncode} {done.stderr!r}")
    check(not os.path.exists(log), "a refused start creates no log")


def check_failures(cli, variants, contacts, candidate, tokens, workdir):
    """While another process holds the shadow log's write lock, appends fail (after SQLite's busy
    timeout): the responses are A's, at once; the failures are counted and logged once at warn
    level without a contact's contents; once the lock goes, recording resumes."""
    changed = [i for i in range(len(contacts)) if differing(variants, i) and not variants["B"]["answers"][i][0]]
    log = os.path.join(workdir, "locked.db")
    with Server(cli, variants["A"]["dir"], tokens=tokens, extra=["--shadow", candidate, "--shadow-record", log]) as server:
        locker = sqlite3.connect(log, timeout=0, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        for index in changed:
            start = time.monotonic()
            status, _, body = server.request("POST", "/v1/decisions", contacts[index], token=DECIDE_TOKEN)
            check(status == 200 and body == variants["A"]["answers"][index][1] and time.monotonic() - start < 2,
                  f"contact {index}, shadow log locked: A's answer at once ({status})")
        state = wait_until_recorded(server, len(changed), len(changed), seconds=60)
        check(state["recorded"] == 0 and state["record_failures"] == len(changed) and state["differing"] == len(changed),
              f"the decisions the locked log could not take are counted as failures: {state}")
        locker.execute("ROLLBACK")
        locker.close()
        for index in changed:
            server.request("POST", "/v1/decisions", contacts[index], token=DECIDE_TOKEN)
        state = wait_until_recorded(server, 2 * len(changed), 2 * len(changed))
        check(state["recorded"] == len(changed) and state["record_failures"] == len(changed),
              f"recording resumes once the log can be written: {state}")
        warnings = [line for line in server.stderr().splitlines() if "shadow record log" in line]
        check(len(warnings) == 1 and "warn" in warnings[0], f"the failure is logged once, at warn level: {warnings}")
        secrets = {value for index in changed for value in leaf_strings(json.loads(contacts[index])) if len(value) > 3}
        check(not any(value in server.stderr() for value in secrets), "no contact's contents in the server's log")
    done = run(cli, "audit", "verify", "--log", log)
    check(done.returncode == 0 and len(read_log(cli, log)) == len(changed),
          f"the log holds what was recorded after the lock, whole: {done.returncode} {done.stderr!r}")


def leaf_strings(value):
    if isinstance(value, dict):
        return [s for v in value.values() for s in leaf_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in leaf_strings(v)]
    return [value] if isinstance(value, str) else []


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        tokens = write_tokens(workdir)
        contacts, variants = make_variants(args.cli, args.rules, workdir)
        candidate = copy_pack(variants["B"]["dir"], os.path.join(workdir, "candidate"))
        check_refusals(args.cli, variants["A"]["dir"], candidate, workdir)
        half = len(contacts) // 2
        changed = [i for i in range(len(contacts)) if differing(variants, i)]
        expected = sorted((contacts[i], variants["B"]["answers"][i][1]) for i in changed
                          if not variants["B"]["answers"][i][0])
        print(f"{len(contacts)} contacts ({len(contacts) - half} in the batch); B changes {len(changed)} "
              f"({sum(i >= half for i in changed)} in the batch); {len(expected)} to record")
        check(any(i < half for i in changed) and any(i >= half for i in changed),
              f"B changes contacts posted singly and in the batch: {changed}")
        shadow_log, main_log = os.path.join(workdir, "shadow.db"), os.path.join(workdir, "decisions.db")
        extra = ["--shadow", candidate, "--shadow-record", shadow_log, "--record", main_log]
        with Server(args.cli, variants["A"]["dir"], tokens=tokens, extra=extra) as server:
            for index in range(half):
                status, _, body = server.request("POST", "/v1/decisions", contacts[index], token=DECIDE_TOKEN)
                check(status in (200, 422) and body == variants["A"]["answers"][index][1],
                      f"contact {index}: the response is A's answer")
            batch = "\n".join(contacts[half:]) + "\n"
            status, _, body = server.request("POST", "/v1/decisions:batch", batch, token=DECIDE_TOKEN,
                                             content_type="application/x-ndjson")
            check(status == 200 and len(body.splitlines()) == len(contacts) - half,
                  f"the batch is answered, a line a contact: {status}")
            state = wait_until_recorded(server, len(contacts), len(expected))
            check(state["compared"] == len(contacts) and state["dropped"] == 0,
                  f"every contact, single or batch line, was compared: {state}")
            check(state["differing"] == len(changed), f"differing: {state['differing']}, not {len(changed)}")
            check(state["recorded"] == len(expected) and state["record_failures"] == 0,
                  f"each differing decision of B was recorded: {state}")
            status, _, metrics = server.request("GET", "/metrics", token=ADMIN_TOKEN)
            check(f"frontdoor_shadow_recorded_total {len(expected)}\n".encode() in metrics,
                  "/metrics counts the recorded decisions")
            check(b"frontdoor_shadow_record_failures_total 0\n" in metrics, "/metrics counts no failure")
        done = run(args.cli, "audit", "verify", "--log", shadow_log)
        check(done.returncode == 0, f"audit verify passes on the shadow log: {done.returncode} {done.stderr!r}")
        records = read_log(args.cli, shadow_log)
        got = sorted((r["input"], json.dumps(r["decision"], sort_keys=True)) for r in records)
        want = sorted((contact, json.dumps(json.loads(answer), sort_keys=True)) for contact, answer in expected)
        check(got == want, f"the shadow log holds exactly B's differing decisions: {len(got)} records, "
                           f"{len(want)} expected")
        check(all(r["pack_digest"] == variants["B"]["digest"] and r["intact"] for r in records),
              "each shadow record names B and is intact")
        check(all("explanation" in r["decision"] for r in records), "each keeps its explanation")
        done = run(args.cli, "replay", "--log", shadow_log)
        check(done.returncode == 0, f"replay confirms each shadow record byte for byte: {done.stdout[-400:]!r}")
        main_records = read_log(args.cli, main_log)
        check(main_records and all(r["pack_digest"] == variants["A"]["digest"] for r in main_records),
              "the --record log holds A's decisions only")
        check_failures(args.cli, variants, contacts, candidate, tokens, workdir)
    finish()


if __name__ == "__main__":
    main()
