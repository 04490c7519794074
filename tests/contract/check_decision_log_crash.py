#!/usr/bin/env python3
"""kill -9 `frontdoor eval --record` in the middle of a batch, again and again on the same log.

A decision counts as acknowledged once its line reached standard output: eval prints a group of
decisions only after the transaction holding their records committed. After every kill the log
must open, pass `frontdoor audit verify`, and hold every acknowledged decision, in order and byte
for byte (it may hold a few more: committed, then killed before printing). At the end the whole
log must replay identically. Rounds alternate between killing after a random number of printed
decisions and killing after a random delay, so some kills land inside a commit.

Before that, eval is killed again and again while it creates a new log, at delays spread around
the moment the log appears: at every instant the log's path must hold nothing or a log that
verifies, and anything else left behind must be a recognisable, owner-only temporary
("LOG.creating-...") that a later eval leaves alone.
"""
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from contact_corpus import valid_contacts  # noqa: E402
from contract_harness import check, finish, parse_args  # noqa: E402
import json  # noqa: E402


def run(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def recorded_decisions(log):
    db = sqlite3.connect(f"file:{log}?mode=ro", uri=True)
    try:
        return [row[0] for row in db.execute("SELECT decision FROM records ORDER BY id")]
    finally:
        db.close()


def kill_round(cli, rules, contacts_file, log, rng, by_lines, total):
    """Starts eval, kills it mid-batch; returns (complete lines printed, whether it was killed)."""
    process = subprocess.Popen([cli, "eval", "--rules", rules, "--jsonl", "--record", log, contacts_file],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = []

    def read():
        for line in process.stdout:
            lines.append(line)

    reader = threading.Thread(target=read)
    reader.start()
    if by_lines:
        target = rng.randint(1, total - 300)
        deadline = time.monotonic() + 60
        while len(lines) < target and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
    else:
        time.sleep(rng.uniform(0.02, 0.4))
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reader.join()
    # A line cut off by the kill was never acknowledged.
    complete = [line.decode()[:-1] for line in lines if line.endswith(b"\n")]
    return complete, process.returncode == -signal.SIGKILL


def log_files(scratch, name):
    return sorted(f for f in os.listdir(scratch) if f.startswith(name))


def creation_time(cli, rules, contacts_file, log):
    """Seconds from starting eval to its new log appearing, the median of five runs."""
    times = []
    for _ in range(5):
        for name in log_files(os.path.dirname(log), os.path.basename(log)):
            os.remove(os.path.join(os.path.dirname(log), name))
        start = time.monotonic()
        process = subprocess.Popen([cli, "eval", "--rules", rules, "--jsonl", "--record", log, contacts_file],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not os.path.exists(log) and process.poll() is None:
            time.sleep(0.0002)
        times.append(time.monotonic() - start)
        process.kill()
        process.wait()
    return sorted(times)[len(times) // 2]


def creation_kill(cli, rules, contacts_file, log, delay, stale):
    """Starts eval on a new log and kills it after `delay` seconds; returns whether the log is
    there. `stale` holds the temporaries left by earlier kills, which must stay."""
    scratch, name = os.path.dirname(log), os.path.basename(log)
    for leftover in log_files(scratch, name):
        if leftover.startswith(name + ".creating-"):
            stale.add(leftover)
        else:
            os.remove(os.path.join(scratch, leftover))
    process = subprocess.Popen([cli, "eval", "--rules", rules, "--jsonl", "--record", log, contacts_file],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.kill()
    process.wait()
    when = f"creation kill after {delay * 1000:.1f} ms"
    there = os.path.exists(log)
    if there:
        code, out, err = run(cli, "audit", "verify", "--log", log)
        check(code == 0 and out.startswith("ok: "), f"{when}: the log is there but audit verify exited {code}: {out}{err}")
    for leftover in log_files(scratch, name):
        if leftover in (name, name + "-wal", name + "-shm"):
            continue
        mode = stat.S_IMODE(os.stat(os.path.join(scratch, leftover)).st_mode)
        check(leftover.startswith(name + ".creating-") and mode == 0o600,
              f"{when}: left {leftover} (mode {mode:o}), not an owner-only '{name}.creating-' temporary")
    missing = {f for f in stale if not os.path.exists(os.path.join(scratch, f))}
    if not check(not missing, f"{when}: a later eval removed the temporaries {sorted(missing)}"):
        stale -= missing
    return there


def check_creation_kills(cli, rules, contacts_file, scratch, rounds):
    """Kills eval again and again while it creates a new log."""
    log = os.path.join(scratch, "new.db")
    appears = creation_time(cli, rules, contacts_file, log)
    # Spread from well before the log appears to well after it; should the machine's speed have
    # changed since it was timed, a few more kills, further out, until both sides were seen.
    delays = [appears * (0.3 + 1.2 * n / max(1, rounds - 1)) for n in range(rounds)]
    outcomes, stale = {False: 0, True: 0}, set()
    for delay in delays:
        outcomes[creation_kill(cli, rules, contacts_file, log, delay, stale)] += 1
    for extra in range(1, 11):
        if outcomes[False] and outcomes[True]:
            break
        delay = appears * (0.3 / (extra + 1) if not outcomes[False] else 1.5 + 0.5 * extra)
        outcomes[creation_kill(cli, rules, contacts_file, log, delay, stale)] += 1
    print(f"creation kills: the log appears after {appears * 1000:.1f} ms; {sum(outcomes.values())} kills left "
          f"{outcomes[False]} times no log and {outcomes[True]} times a log; {len(stale)} temporaries left behind")
    check(outcomes[False] and outcomes[True], "the creation kills did not straddle the log's creation: the test proved little")


def main():
    options = parse_args(extra=[
        ("--rounds", {"type": int, "default": 8}),
        ("--count", {"type": int, "default": 3000}),
        ("--seed", {"type": int, "default": 11}),
        ("--creation-rounds", {"type": int, "default": 40}),
    ])
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory() as scratch:
        contacts_file = os.path.join(scratch, "contacts.jsonl")
        with open(contacts_file, "w", encoding="utf-8") as out:
            for contact in valid_contacts(options.seed, options.count):
                out.write(json.dumps(contact, ensure_ascii=False) + "\n")
        check_creation_kills(options.cli, options.rules, contacts_file, scratch, options.creation_rounds)
        log = os.path.join(scratch, "decisions.db")
        killed = 0
        for round_number in range(options.rounds):
            before = len(recorded_decisions(log)) if os.path.exists(log) else 0
            printed, was_killed = kill_round(options.cli, options.rules, contacts_file, log, rng,
                                             round_number % 2 == 0, options.count)
            killed += was_killed
            code, out, err = run(options.cli, "audit", "verify", "--log", log)
            if not check(code == 0 and out.startswith("ok: "), f"round {round_number}: audit verify exited {code}: {out}{err}"):
                break
            decisions = recorded_decisions(log)
            held = decisions[before:before + len(printed)]
            check(held == printed, f"round {round_number}: {len(printed)} decisions acknowledged, but the log holds "
                                   f"{sum(a == b for a, b in zip(held, printed))} of them in order")
            print(f"round {round_number}: {'killed' if was_killed else 'finished'} after {len(printed)} "
                  f"acknowledged decisions; the log holds {len(decisions) - before} new records; verify: {out.splitlines()[0]}")
        check(killed >= options.rounds // 2,
              f"only {killed} of {options.rounds} rounds were killed mid-batch: the test proved little")
        code, out, err = run(options.cli, "replay", "--log", log)
        check(code == 0, f"replay after the kills exited {code}: {out}{err}")
    print(f"{killed} kills")
    finish()


if __name__ == "__main__":
    main()
