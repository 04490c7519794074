#!/usr/bin/env python3
"""The decision log on PostgreSQL (issue 16), against a real server this script starts on a private
socket directory and stops after (postgres_server.py).

1. Both backends alike: the same contacts recorded into a SQLite file and a PostgreSQL URL give the
   same eval output, the same records (the chain recomputed here from docs/audit.md), and the same
   `audit verify`, `audit show` and `replay` output, hashes and recording times aside.
2. What a PostgreSQL user sees going wrong: a missing log, a database that is not one, an edited
   record, a planted trigger, a password kept out of messages.
3. Concurrent writers: 4 `eval --record` processes on one log; then verify passes, the log holds
   every decision each printed, ids 1..N without a gap: one chain, not forked.
4. `kill -9` of a writer mid-batch, round after round on one log: every acknowledged (printed)
   decision is in the log, in order, byte for byte, and the log verifies (as
   check_decision_log_crash.py does for SQLite); and the same while a second writer appends to
   the same log, so that a kill also lands while the other holds or waits for the lock.
5. The decision log's Catch2 suites on PostgreSQL: every case tagged [records] (tests/unit/test_records_*.cpp,
   engine/records/tests/) runs on each backend when FRONTDOOR_TEST_POSTGRES_URL names a database
   (tests/unit/test_records_fixture.hpp), and the store's own cases tagged [postgres]
   (engine/records/tests/postgres_store_test.cpp) run only then; both test programs get this server.

Without a server here the script exits 77 (skipped), or 1 under CI=true.
"""
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_decision_log_cli import record_hash  # noqa: E402
from contact_corpus import valid_contacts  # noqa: E402
from contract_harness import check, finish, parse_args  # noqa: E402
from postgres_server import PostgresServer, Unavailable, skip_status  # noqa: E402

HASH = re.compile(r"sha256:[0-9a-f]{64}")
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def run(cli, *args, stdin=None):
    done = subprocess.run([cli, *args], capture_output=True, text=True, input=stdin, timeout=600)
    return done.returncode, done.stdout, done.stderr


def without_chain(text):
    """Output with the record hashes and recording times blanked: the only things that differ
    between two logs of the same decisions made at different instants."""
    return TIME.sub("<time>", HASH.sub("<hash>", text))


def postgres_rows(server, database):
    columns = ("id", "contact_id", "input", "decision", "pack_digest", "engine_version", "recorded_at",
               "previous_hash", "hash")
    rows = server.psql(database, "SELECT id, coalesce(encode(contact_id, 'hex'), '-'), encode(input, 'hex'), "
                                 "encode(decision, 'hex'), pack_digest, engine_version, recorded_at, previous_hash, "
                                 "hash FROM records ORDER BY id")
    out = []
    for line in rows:
        values = line.split("|")
        row = dict(zip(columns, values))
        row["id"] = int(row["id"])
        row["contact_id"] = None if row["contact_id"] == "-" else bytes.fromhex(row["contact_id"]).decode()
        row["input"] = bytes.fromhex(row["input"])
        row["decision"] = bytes.fromhex(row["decision"]).decode()
        out.append(row)
    return out


def sqlite_rows(log):
    db = sqlite3.connect(f"file:{log}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in db.execute("SELECT * FROM records ORDER BY id")]
    finally:
        db.close()


def check_chain(rows, name):
    previous = "sha256:" + "0" * 64
    for row in rows:
        if row["previous_hash"] != previous or record_hash(row) != row["hash"]:
            check(False, f"{name}: record {row['id']} does not hash as docs/audit.md says")
            return
        previous = row["hash"]


def same_output(cli, what, file_log, url, *args):
    a = run(cli, *[file_log if x == "LOG" else x for x in args])
    b = run(cli, *[url if x == "LOG" else x for x in args])
    check(a[0] == b[0] and without_chain(a[1]) == without_chain(b[1]) and without_chain(a[2]) == without_chain(b[2]),
          f"{what}: SQLite and PostgreSQL differ: exit {a[0]} vs {b[0]}\n{a[1][:400]}{a[2][:400]}\n--\n{b[1][:400]}{b[2][:400]}")
    return b


def check_backends_alike(cli, rules, server, scratch, contacts):
    url = server.create_database("alike")
    file_log = os.path.join(scratch, "alike.db")
    lines = contacts + ['{"contact_id": "broken"}']
    stdin = "\n".join(lines) + "\n"
    from_file = run(cli, "eval", "--rules", rules, "--jsonl", "--record", file_log, stdin=stdin)
    from_url = run(cli, "eval", "--rules", rules, "--jsonl", "--record", url, stdin=stdin)
    check(from_url[0] == 1 and from_file == from_url, f"eval --record prints the same on both: {from_url[0]} {from_url[2]}")
    # A second, single-contact append on each, so that each log holds two groups.
    single = json.dumps(json.loads(contacts[0]), indent=2)
    for log in (file_log, url):
        check(run(cli, "eval", "--rules", rules, "--record", log, stdin=single)[0] == 0, "eval --record of one contact")
    pg, lite = postgres_rows(server, "alike"), sqlite_rows(file_log)
    check(len(pg) == len(contacts) + 1, f"the PostgreSQL log holds every decision: {len(pg)} records")
    fields = ("id", "contact_id", "input", "decision", "pack_digest", "engine_version")
    check([[r[f] for f in fields] for r in pg] == [[r[f] for f in fields] for r in lite],
          "the two logs hold the same records, byte for byte")
    check([r["decision"] for r in pg[:len(contacts)]] == from_url[1].splitlines()[:len(contacts)],
          "each PostgreSQL record holds the decision eval printed")
    check_chain(pg, "PostgreSQL")
    check_chain(lite, "SQLite")
    code, out, _ = same_output(cli, "audit verify", file_log, url, "audit", "verify", "--log", "LOG")
    check(code == 0 and out.startswith(f"ok: {len(pg)} records and 1 pack verified") and pg[-1]["hash"] in out,
          f"audit verify on PostgreSQL: {code} {out}")
    code, out, _ = run(cli, "audit", "verify", "--log", url, "--head", pg[min(5, len(pg) - 1)]["hash"] if pg else "none")
    check(code == 0, f"audit verify --head on PostgreSQL: {out}")
    contact_id = json.loads(contacts[4])["contact_id"]
    for args in (["--record", "2", "--format", "json"], ["--contact", contact_id], ["--record", "3", "--format", "md"],
                 ["--record", "99999"]):
        same_output(cli, f"audit show {' '.join(args)}", file_log, url, "audit", "show", "--log", "LOG", *args)
    code, out, _ = same_output(cli, "replay", file_log, url, "replay", "--log", "LOG")
    check(code == 0 and "every decision is identical to the recorded one" in out, f"replay on PostgreSQL: {out}")
    first_minute = pg[0]["recorded_at"][:16]
    code, out, _ = run(cli, "replay", "--log", url, "--from", first_minute, "--to", first_minute[:10])
    check(code == 0 and out.startswith(f"replayed {len(pg)} records"), f"replay --from/--to on PostgreSQL: {out}")
    same_output(cli, "replay --from a future date", file_log, url, "replay", "--log", "LOG", "--from", "2999-01-01")
    changed = os.path.join(scratch, "changed")
    subprocess.run(["cp", "-r", rules, changed], check=True)
    path = os.path.join(changed, "thresholds.rules")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 2"))
    code, out, _ = same_output(cli, "replay --with-rules --format json", file_log, url,
                               "replay", "--log", "LOG", "--with-rules", changed, "--format", "json")
    check(code == 0 and json.loads(out)["changed"] > 0, "replay --with-rules on PostgreSQL finds the changed decisions")
    return url


def check_what_goes_wrong(cli, rules, server, contacts):
    empty = server.create_database("empty")
    code, _, err = run(cli, "audit", "verify", "--log", empty)
    check(code == 3 and f"no decision log at {empty}" in err, f"audit verify of a database without a log exits 3: {code} {err}")
    code, _, err = run(cli, "audit", "verify", "--log", server.url("nosuch"))
    check(code == 3 and 'database "nosuch" does not exist' in err, f"audit verify of a missing database exits 3: {err}")
    code, _, err = run(cli, "eval", "--rules", rules, "--record", server.url("nosuch", password="s3cret"),
                       stdin=contacts[0])
    check(code == 3 and "s3cret" not in err and "frontdoor:***@" in err, f"a password in the URL is not shown: {err}")
    server.psql("empty", "CREATE TABLE records (id integer)")
    code, _, err = run(cli, "eval", "--rules", rules, "--record", empty, stdin=contacts[0])
    check(code == 3 and "is not a Frontdoor decision log" in err, f"eval --record into someone else's records table: {err}")
    # Tampering through SQL, as anyone with write access to the tables could.
    url = server.create_database("tamper")
    run(cli, "eval", "--rules", rules, "--jsonl", "--record", url, stdin="\n".join(contacts[:20]) + "\n")
    server.psql("tamper", "UPDATE records SET decision = convert_to(replace(convert_from(decision, 'UTF8'), "
                          "'\"consent\":', '\"consent \":'), 'UTF8') WHERE id = 5")
    code, out, _ = run(cli, "audit", "verify", "--log", url)
    check(code == 1 and out.startswith("broken: record 5: its content does not match its hash") and
          "first broken record: 5\n" in out, f"an edited record is caught: {code} {out}")
    server.psql("tamper", "CREATE FUNCTION drop_new() RETURNS trigger LANGUAGE plpgsql AS "
                          "'BEGIN RETURN NULL; END'; CREATE TRIGGER drop_new BEFORE INSERT ON records "
                          "FOR EACH ROW EXECUTE FUNCTION drop_new()")
    code, _, err = run(cli, "eval", "--rules", rules, "--record", url, stdin=contacts[0])
    check(code == 3 and "refusing to write to" in err and "a trigger 'drop_new' on 'records' that Frontdoor does not make" in err,
          f"eval --record refuses a log with a planted trigger: {code} {err}")
    code, out, _ = run(cli, "audit", "verify", "--log", url)
    check(code == 1 and out.startswith("broken: the log's layout is not the one Frontdoor makes: it has a trigger 'drop_new'"),
          f"audit verify reports the planted trigger: {out}")


def check_concurrent_writers(cli, rules, server, scratch, contacts, writers):
    url = server.create_database("concurrent")
    processes, files = [], []
    for n in range(writers):
        path = os.path.join(scratch, f"writer-{n}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(contacts[n::writers]) + "\n")
        files.append(path)
    # All four start before any has made the log's tables: creation races too.
    for path in files:
        processes.append(subprocess.Popen([cli, "eval", "--rules", rules, "--jsonl", "--record", url, path],
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    printed = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        check(process.returncode == 0, f"a concurrent writer exited {process.returncode}: {err}")
        printed += out.splitlines()
    rows = postgres_rows(server, "concurrent")
    check([r["id"] for r in rows] == list(range(1, len(printed) + 1)),
          f"{writers} writers: {len(printed)} decisions printed, the log holds ids 1..{len(rows)} without a gap")
    check(sorted(r["decision"] for r in rows) == sorted(printed), "the log holds exactly the decisions the writers printed")
    check_chain(rows, "concurrent log")
    code, out, _ = run(cli, "audit", "verify", "--log", url)
    check(code == 0 and out.startswith(f"ok: {len(printed)} records and 1 pack verified"), f"verify after {writers} writers: {out}")
    print(f"concurrent writers: {writers} processes printed {len(printed)} decisions; the log holds {len(rows)}; {out.splitlines()[0]}")


def kill_round(cli, rules, contacts_file, url, rng, by_lines, total):
    """Starts eval, kills it mid-batch; returns (complete lines printed, whether it was killed).
    By lines: after a random number of printed decisions. By time: a random delay after the first
    printed group, so that some kills land inside a commit (connecting to the server takes longer
    than opening a file, so a delay from the start would often kill eval before its first append)."""
    process = subprocess.Popen([cli, "eval", "--rules", rules, "--jsonl", "--record", url, contacts_file],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = []

    def read():
        for line in process.stdout:
            lines.append(line)

    reader = threading.Thread(target=read)
    reader.start()
    target = rng.randint(1, total - 300) if by_lines else 1
    deadline = time.monotonic() + 60
    while len(lines) < target and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    if not by_lines:
        time.sleep(rng.uniform(0.0, 0.3))
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reader.join()
    # A line cut off by the kill was never acknowledged.
    complete = [line.decode()[:-1] for line in lines if line.endswith(b"\n")]
    return complete, process.returncode == -signal.SIGKILL


def in_order(wanted, held):
    """True when `wanted` appear in `held` in the same order (other records may lie between)."""
    it = iter(held)
    return all(any(w == h for h in it) for w in wanted)


def check_kills(cli, rules, server, scratch, rounds, count, seed):
    url = server.create_database("killed")
    contacts_file = os.path.join(scratch, "kill.jsonl")
    companion_file = os.path.join(scratch, "companion.jsonl")
    for path, contacts in ((contacts_file, valid_contacts(seed, count)), (companion_file, valid_contacts(seed + 1, 1000))):
        with open(path, "w", encoding="utf-8") as f:
            for contact in contacts:
                f.write(json.dumps(contact, ensure_ascii=False) + "\n")
    rng = random.Random(seed)
    killed = 0
    for round_number in range(rounds):
        before = len(server.psql("killed", "SELECT id FROM records")) if round_number else 0
        # The last two rounds have a second writer appending to the same log meanwhile.
        companion = None
        if round_number >= rounds - 2:
            companion = subprocess.Popen([cli, "eval", "--rules", rules, "--jsonl", "--record", url, companion_file],
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        printed, was_killed = kill_round(cli, rules, contacts_file, url, rng, round_number % 2 == 0, count)
        killed += was_killed
        companion_printed = []
        if companion:
            out, err = companion.communicate(timeout=600)
            check(companion.returncode == 0, f"round {round_number}: the second writer exited {companion.returncode}: {err}")
            companion_printed = out.splitlines()
        code, out, err = run(cli, "audit", "verify", "--log", url)
        check(code == 0 and out.startswith("ok: "), f"round {round_number}: audit verify exited {code}: {out}{err}")
        decisions = [r["decision"] for r in postgres_rows(server, "killed")]
        new = decisions[before:]
        check(in_order(printed, new) and in_order(companion_printed, new),
              f"round {round_number}: {len(printed)} decisions acknowledged by the killed writer and "
              f"{len(companion_printed)} by the other, but the log does not hold them all in order")
        if not companion:
            check(new[:len(printed)] == printed, f"round {round_number}: the acknowledged decisions are the first new records")
        print(f"round {round_number}: {'killed' if was_killed else 'finished'} after {len(printed)} acknowledged "
              f"decisions{f' (and {len(companion_printed)} by a second writer)' if companion else ''}; the log holds "
              f"{len(new)} new records; verify: {out.splitlines()[0] if out else err}")
    check(killed >= rounds // 2, f"only {killed} of {rounds} rounds were killed mid-batch: the test proved little")
    code, out, err = run(cli, "replay", "--log", url)
    check(code == 0, f"replay after the kills exited {code}: {out}{err}")


def check_unit_tests(programs, server):
    """The Catch2 cases tagged [records] (each runs on SQLite and on PostgreSQL) and [postgres], of
    each test program, against one database of this server."""
    environment = dict(os.environ, FRONTDOOR_TEST_POSTGRES_URL=server.create_database("unit"))
    for program in programs:
        started = time.monotonic()
        done = subprocess.run([program, "[records],[postgres]"], capture_output=True, text=True, env=environment,
                              timeout=600)
        passed = re.search(r"All tests passed \((\d+) assertions? in (\d+) test cases?\)", done.stdout)
        name = os.path.basename(program)
        check(done.returncode == 0 and passed and int(passed.group(2)) >= 10,
              f"{name}'s [records] and [postgres] cases on PostgreSQL: exit {done.returncode}\n"
              f"{done.stdout[-6000:]}{done.stderr[-1000:]}")
        print(f"{name} [records],[postgres] with PostgreSQL: {passed.group(0) if passed else 'failed'} "
              f"in {time.monotonic() - started:.1f} s")


def main():
    options = parse_args(extra=[
        ("--writers", {"type": int, "default": 4}),
        ("--rounds", {"type": int, "default": 6}),
        ("--count", {"type": int, "default": 3000}),
        ("--seed", {"type": int, "default": 11}),
        ("--unit-tests", {"nargs": "*", "default": [],
                          "help": "the Catch2 programs whose [records] and [postgres] cases to run against the server"}),
    ])
    contacts = [json.dumps(c, ensure_ascii=False) for c in valid_contacts(5, 300)]
    with tempfile.TemporaryDirectory() as scratch:
        try:
            server = PostgresServer(scratch)
        except Unavailable as reason:
            return skip_status(reason)
        with server:
            check_backends_alike(options.cli, options.rules, server, scratch, contacts)
            check_what_goes_wrong(options.cli, options.rules, server, contacts)
            check_concurrent_writers(options.cli, options.rules, server, scratch,
                                     [json.dumps(c, ensure_ascii=False) for c in valid_contacts(9, 2000)], options.writers)
            check_kills(options.cli, options.rules, server, scratch, options.rounds, options.count, options.seed)
            if options.unit_tests:
                check_unit_tests(options.unit_tests, server)
    finish()


if __name__ == "__main__":
    sys.exit(main())
