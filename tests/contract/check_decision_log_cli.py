#!/usr/bin/env python3
"""What a user of `frontdoor eval --record`, `audit` and `replay` sees: exit codes, messages, the
record named. The hash chain is recomputed here independently, from docs/audit.md, and the log is
tampered with through Python's own sqlite3, as anyone with write access to the file could.
"""
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from contact_corpus import valid_contacts  # noqa: E402
from contract_harness import check, finish, parse_args  # noqa: E402


def run(cli, *args, stdin=None):
    done = subprocess.run([cli, *args], capture_output=True, text=True, input=stdin)
    return done.returncode, done.stdout, done.stderr


def field(name, data):
    return name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data


def record_hash(row):
    """docs/audit.md, "How the chain works"."""
    sha = hashlib.sha256(b"frontdoor decision record 1\n")
    sha.update(field("id", str(row["id"]).encode()))
    sha.update(b"contact_id\0-\0" if row["contact_id"] is None else field("contact_id", row["contact_id"].encode()))
    sha.update(field("input", bytes(row["input"])))
    for name in ("decision", "pack_digest", "engine_version", "recorded_at", "previous_hash"):
        sha.update(field(name, row[name].encode()))
    return "sha256:" + sha.hexdigest()


def sql(log, *statements):
    db = sqlite3.connect(log)
    db.row_factory = sqlite3.Row
    try:
        rows = None
        for statement in statements:
            rows = db.execute(*statement if isinstance(statement, tuple) else (statement,)).fetchall()
        db.commit()
        return rows
    finally:
        db.close()


def tampered_copy(log, scratch, name, *statements):
    copy = os.path.join(scratch, name + ".db")
    shutil.copy(log, copy)
    sql(copy, *statements)
    return copy


def check_recording(cli, rules, scratch, contacts):
    log = os.path.join(scratch, "decisions.db")
    lines = contacts + ['{"contact_id": "broken"}']
    code, out, _ = run(cli, "eval", "--rules", rules, "--jsonl", "--record", log, stdin="\n".join(lines) + "\n")
    check(code == 1, f"eval --record with one refused contact exits 1 (got {code})")
    decisions = out.splitlines()
    check(len(decisions) == len(lines) and '"error"' in decisions[-1], "eval --record prints one line per contact")
    check(stat.S_IMODE(os.stat(log).st_mode) == 0o600, "the log file is created with permissions 0600")
    rows = sql(log, "SELECT * FROM records ORDER BY id")
    check(len(rows) == len(contacts), f"refusals are not recorded: {len(rows)} records for {len(contacts)} decisions")
    check([r["decision"] for r in rows] == decisions[:-1], "each record holds the decision eval printed")
    check([bytes(r["input"]).decode() for r in rows] == contacts, "each record holds the input exactly as received")
    code, out, _ = run(cli, "eval", "--rules", rules, "--record", log, stdin=json.dumps(json.loads(contacts[0]), indent=2))
    check(code == 0 and sql(log, "SELECT count(*) AS n FROM records")[0]["n"] == len(contacts) + 1,
          "eval --record of one contact appends one record")
    code, _, err = run(cli, "eval", "--rules", rules, "--no-explain", "--record", log, stdin=contacts[0])
    check(code == 2 and "--no-explain" in err, "eval --record --no-explain is refused with exit 2")
    return log, decisions[:-1]


def check_chain_and_show(cli, log, contacts, decisions):
    rows = sql(log, "SELECT * FROM records ORDER BY id")
    previous = "sha256:" + "0" * 64
    for row in rows:
        check(row["previous_hash"] == previous and record_hash(row) == row["hash"],
              f"record {row['id']}: the hash documented in docs/audit.md matches the stored one")
        previous = row["hash"]
    code, out, _ = run(cli, "audit", "verify", "--log", log)
    check(code == 0 and out.startswith(f"ok: {len(rows)} records and 1 pack verified"), f"audit verify: {code} {out}")
    check(f"head: record {len(rows)} {previous}" in out, "audit verify prints the head hash")
    code, out, _ = run(cli, "audit", "show", "--log", log, "--record", "2", "--format", "json")
    shown = json.loads(out) if code == 0 else [{}]
    check(shown[0].get("decision") == json.loads(decisions[1]) and shown[0].get("input") == contacts[1]
          and shown[0].get("intact") is True and shown[0].get("problem", "") is None,
          "audit show --record 2 --format json gives the recorded decision and input, checked intact")
    contact_id = json.loads(contacts[4])["contact_id"]
    code, out, _ = run(cli, "audit", "show", "--log", log, "--contact", contact_id)
    check(code == 0 and out.startswith("Record 5\n") and "Explanation" in out and contact_id in out,
          "audit show --contact prints the contact's record with its explanation")
    code, out, _ = run(cli, "audit", "show", "--log", log, "--record", "3", "--format", "md")
    check(code == 0 and "## Record 3" in out and "### Explanation" in out, "audit show --format md")
    code, _, err = run(cli, "audit", "show", "--log", log, "--record", "99999")
    check(code == 1 and "no record 99999" in err, "audit show of a missing record exits 1")
    code, _, err = run(cli, "audit", "verify", "--log", os.path.join(os.path.dirname(log), "none.db"))
    check(code == 3 and "no decision log at" in err, "audit verify of a missing log exits 3 (the log cannot be opened)")
    return previous


def check_tampering(cli, log, scratch, head):
    cases = {
        "edit": (["UPDATE records SET decision = replace(decision, '\"consent\":', '\"consent \":') WHERE id = 5"], 5),
        "delete": (["DELETE FROM records WHERE id = 8"], 9),
        "swap": (["UPDATE records SET id = -1 WHERE id = 3", "UPDATE records SET id = 3 WHERE id = 6",
                  "UPDATE records SET id = 6 WHERE id = -1"], 3),
        "rules": (["UPDATE pack_files SET content = CAST(replace(CAST(content AS TEXT), "
                   "'level_2_indicators_for_level_3 = 3', 'level_2_indicators_for_level_3 = 2') AS BLOB) "
                   "WHERE path = 'thresholds.rules'"], 1),
    }
    for name, (statements, broken) in cases.items():
        copy = tampered_copy(log, scratch, name, *statements)
        code, out, _ = run(cli, "audit", "verify", "--log", copy)
        check(code == 1 and f"first broken record: {broken}\n" in out and out.startswith(f"broken: record {broken}: "),
              f"tampering ({name}) is caught at record {broken}: {code} {out}")
    # audit show checks the record it shows: a tampered one under a loud warning, exit status 1.
    copy = os.path.join(scratch, "edit.db")
    for fmt, warning in (("text", "!!! WARNING: THIS RECORD IS NOT INTACT: record 5: its content does not match its hash"),
                         ("md", "> **WARNING: this record is not intact.** record 5: its content does not match")):
        code, out, err = run(cli, "audit", "show", "--log", copy, "--record", "5", "--format", fmt)
        check(code == 1 and warning in out and "frontdoor audit show: WARNING: record 5: " in err,
              f"audit show --format {fmt} of a tampered record warns and exits 1: {code} {out[:300]} {err}")
    code, out, _ = run(cli, "audit", "show", "--log", copy, "--record", "5", "--format", "json")
    shown = json.loads(out)[0] if out.startswith("[") else {}
    check(code == 1 and shown.get("intact") is False and shown.get("problem", "").startswith("record 5: its content"),
          f"audit show --format json of a tampered record says it is not intact: {code} {out[:300]}")
    # A decision rewritten as an object whose ruleset nests 200,000 deep: shown as its text, never a crash.
    deep = "{\"ruleset\": " + "[" * 200000 + "]" * 200000 + "}"
    copy_deep = tampered_copy(log, scratch, "deep", ("UPDATE records SET decision = ? WHERE id = 5", (deep,)))
    for fmt in ("text", "md", "json"):
        code, out, err = run(cli, "audit", "show", "--log", copy_deep, "--record", "5", "--format", fmt)
        shown = (json.loads(out)[0] if out.startswith("[") else {}) if fmt == "json" else {}
        check(code == 1 and "record 5: its content does not match its hash" in err
              and (shown.get("decision") == deep if fmt == "json" else "(not JSON)" in out),
              f"audit show --format {fmt} of a decision nested 200,000 deep shows it as text, exit 1: {code} {err[-300:]}")
    code, out, err = run(cli, "audit", "show", "--log", copy, "--record", "6")
    check(code == 0 and "integrity     intact: its content matches its hash, and it follows on from record 5" in out
          and err == "", f"audit show of the intact record after it: {code} {err}")
    # A rewrite of the whole chain from record 3 on, with a falsified decision: the file alone
    # cannot show it; replay and the published head can.
    copy = tampered_copy(log, scratch, "rewrite",
                         "UPDATE records SET decision = replace(decision, '\"consent\":', '\"consent \":') WHERE id = 3")
    rows = sql(copy, "SELECT * FROM records ORDER BY id")
    previous = rows[1]["hash"]
    for row in rows[2:]:
        row = dict(row)
        row["previous_hash"] = previous
        previous = record_hash(row)
        sql(copy, ("UPDATE records SET previous_hash = ?, hash = ? WHERE id = ?", (row["previous_hash"], previous, row["id"])))
    code, _, _ = run(cli, "audit", "verify", "--log", copy)
    check(code == 0, "a whole-chain rewrite passes verify on its own (the documented limit)")
    code, out, _ = run(cli, "audit", "verify", "--log", copy, "--head", head)
    check(code == 1 and "the published head" in out, "verify --head catches a whole-chain rewrite")
    code, out, _ = run(cli, "replay", "--log", copy)
    check(code == 1 and "record 3 (contact" in out and "1 differ" in out, f"replay catches the falsified decision: {out}")


def check_replay(cli, rules, log, scratch, contacts):
    code, out, _ = run(cli, "replay", "--log", log)
    check(code == 0 and "every decision is identical to the recorded one" in out, f"replay --log: {code} {out}")
    code, out, _ = run(cli, "replay", "--log", log, "--from", "2999-01-01")
    check(code == 0 and out.startswith("no records to replay"), "replay --from a future date replays nothing")
    code, _, err = run(cli, "replay", "--log", log, "--from", "yesterday")
    check(code == 2 and err.startswith("frontdoor replay: the bound 'from' is \"yesterday\": expected a UTC date"),
          f"replay --from with a malformed date exits 2 and says what was expected: {err}")
    # Dates and times that do not exist are refused with the library's own sentence, as are a span
    # that ends before it starts and bounds that a contacts file cannot use.
    for option, bound, reason in (("--from", "2024-13-01", "there is no month 13"),
                                  ("--to", "2024-02-30", "February 2024 has 29 days"),
                                  ("--from", "2024-01-01T25:00:00Z", "hours run from 00 to 23")):
        code, out, err = run(cli, "replay", "--log", log, option, bound)
        check(code == 2 and err.startswith(f"frontdoor replay: the bound '{option[2:]}' is \"{bound}\": ")
              and reason in err and out == "", f"replay {option} {bound} is refused: {code} {err}")
    code, out, err = run(cli, "replay", "--log", log, "--from", "2024-05-02", "--to", "2024-05-01")
    check(code == 2 and "the bound 'from' (2024-05-02) is later than the bound 'to' (2024-05-01)" in err and out == "",
          f"replay --from later than --to is refused: {code} {out}{err}")
    code, _, err = run(cli, "replay", "--contacts", log, "--rules", rules, "--with-rules", rules, "--from", "2024-05-01")
    check(code == 2 and "--from and --to select a log's records" in err, f"replay --contacts --from is refused: {err}")
    code, _, err = run(cli, "replay", "--log", log, "--from")
    check(code == 2 and "the option '--from' needs a value" in err, f"replay --from without a value is refused: {err}")
    # A bound with a closing Z is the same UTC time: the first record's own minute takes it in.
    first_minute = sql(log, "SELECT recorded_at FROM records WHERE id = 1")[0]["recorded_at"][:16]
    total = sql(log, "SELECT count(*) AS n FROM records")[0]["n"]
    for bound in (first_minute, first_minute + "Z"):
        code, out, _ = run(cli, "replay", "--log", log, "--from", bound)
        check(code == 0 and out.startswith(f"replayed {total} records"), f"replay --from {bound}: {out}")
    changed = os.path.join(scratch, "changed")
    shutil.copytree(rules, changed)
    path = os.path.join(changed, "thresholds.rules")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 2"))
    code, out, _ = run(cli, "replay", "--log", log, "--with-rules", changed)
    check(code == 0 and "level_2_indicators_for_level_3: same facts, different result" in out
          and "Outcome transitions" in out and "level_of_need: 2 -> 3" in out, "replay --with-rules names the rule")
    code, out, _ = run(cli, "replay", "--log", log, "--with-rules", changed, "--format", "json")
    from_log = json.loads(out)
    # The report says which packs it compared, and over which span of recording.
    digests = [row["pack_digest"] for row in sql(log, "SELECT DISTINCT pack_digest FROM records")]
    check([p["digest"] for p in from_log["packs_before"]] == digests and from_log["before_from"] == "log"
          and from_log["packs_before"][0]["contacts"] == total and from_log["pack_after"]["digest"] not in digests,
          f"the JSON impact report names the recorded pack and the candidate: {from_log['packs_before']}")
    code, out, _ = run(cli, "replay", "--log", log, "--with-rules", changed, "--from", "2000-01-01")
    _, checked, _ = run(cli, "check", rules)  # "ok: NAME version VERSION (DIGEST)"
    pack = checked.split(" (")[0][len("ok: "):]
    check(f"\nPacks compared\n  before (as recorded): {pack} ({digests[0]}): {total} records\n"
          f"  after: {pack} ({from_log['pack_after']['digest']})\n"
          "  records made from 2000-01-01 (UTC, inclusive)\n" in out, f"the text impact report names the packs: {out[:600]}")
    contacts_file = os.path.join(scratch, "contacts.jsonl")
    with open(contacts_file, "w", encoding="utf-8") as f:
        f.write("\n".join(contacts) + "\n")
    code, out, _ = run(cli, "replay", "--contacts", contacts_file, "--rules", rules, "--with-rules", changed, "--format", "json")
    from_file = json.loads(out)
    # The log holds one more record than the file has lines: contacts[0] again, recorded alone.
    from_log_lines = [c for c in from_log["contacts"] if c["label"] != f"record {len(contacts) + 1}"]
    check(from_file["changed"] > 0 and from_file["changed"] == len(from_log_lines),
          f"the log and the contacts file give the same impact: {from_file['changed']} {len(from_log_lines)}")
    check(sum(t["count"] for t in from_file["outcome_transitions"]) == from_file["compared"], "transitions cover every contact")
    # Lines that both packs refuse are counted once in the total, and not compared.
    with open(contacts_file, "a", encoding="utf-8") as f:
        f.write("not JSON\n" + '{"contact_id": 5}\n')
    code, out, _ = run(cli, "replay", "--contacts", contacts_file, "--rules", rules, "--with-rules", changed, "--format", "json")
    with_refusals = json.loads(out)
    check(with_refusals["total"] == len(contacts) + 2 and with_refusals["refused_both"] == 2
          and with_refusals["compared"] == len(contacts), f"refused lines are counted once: {out[:200]}")
    code, out, _ = run(cli, "replay", "--contacts", contacts_file, "--rules", rules, "--with-rules", changed)
    check(out.startswith(f"{from_file['changed']} of {len(contacts) + 2} decisions change (refused: 2 before, 2 after; "
                         "2 by both packs, not compared)"), f"the text report counts each line once: {out.splitlines()[0]}")
    # --limit bounds the list, not the summary, and says how many were left out.
    code, limited, _ = run(cli, "replay", "--contacts", contacts_file, "--rules", rules, "--with-rules", changed, "--limit", "1")
    listed = limited.split("\nChanged decisions\n", 1)[-1]
    check(code == 0 and limited.split("\nChanged decisions\n")[0] == out.split("\nChanged decisions\n")[0]
          and sum(line.startswith("  line ") for line in listed.splitlines()) == 1
          and f"  ... {from_file['changed'] - 1} more not shown (--limit 1)\n" in listed,
          f"replay --limit 1 lists one changed contact and counts the rest: {listed[:300]}")
    code, _, err = run(cli, "replay", "--contacts", contacts_file, "--rules", rules, "--with-rules", changed, "--limit", "x")
    check(code == 2 and "--limit takes a number" in err, f"replay --limit x is a usage error: {code} {err}")
    check_changed_deadlines(cli, rules, scratch, contacts_file)
    # The pack stored in the log decides even after its directory is gone.
    gone = os.path.join(scratch, "gone")
    shutil.copytree(rules, gone)
    other_log = os.path.join(scratch, "other.db")
    run(cli, "eval", "--rules", gone, "--jsonl", "--record", other_log, stdin="\n".join(contacts[:50]) + "\n")
    shutil.rmtree(gone)
    code, out, _ = run(cli, "replay", "--log", other_log)
    check(code == 0 and "replayed 50 records" in out, "replay works after the pack's directory was deleted")


def check_changed_deadlines(cli, rules, scratch, contacts_file):
    """An amber partner check due in 12 hours instead of 24: every changed due_at is in the text
    report, by its path, even when the contact has several deadlines."""
    amber = os.path.join(scratch, "amber")
    shutil.copytree(rules, amber)
    path = os.path.join(amber, "deadlines.rules")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    check('"amber" -> 24 hours' in text, "the Hackney pack has a 24-hour amber partner check")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace('"amber" -> 24 hours', '"amber" -> 12 hours'))
    code, out, _ = run(cli, "replay", "--contacts", contacts_file, "--rules", rules, "--with-rules", amber, "--format", "json")
    report = json.loads(out)
    code, text_report, _ = run(cli, "replay", "--contacts", contacts_file, "--rules", rules, "--with-rules", amber)
    expected = []
    for contact in report["contacts"]:
        for field in contact["fields"]:
            before, after = field["before"], field["after"]
            if field["field"] != "deadlines" or len(before) != len(after):
                continue
            expected += [f'    deadlines[{i}].due_at: {json.dumps(b["due_at"])} -> {json.dumps(a["due_at"])}\n'
                         for i, (b, a) in enumerate(zip(before, after)) if b != a]
    several = sum(len(f["before"] or []) > 2 for c in report["contacts"] for f in c["fields"] if f["field"] == "deadlines")
    check(code == 0 and report["changed"] > 0 and several > 0 and len(expected) >= report["changed"],
          f"the amber change moves deadlines of contacts with several: {report['changed']} changed, {several} with 3+")
    missing = [line for line in expected if line not in text_report]
    check(not missing, f"every changed due_at is in the text report; {len(missing)} of {len(expected)} are not, "
                       f"e.g. {missing[:1]}")


def main():
    options = parse_args()
    contacts = [json.dumps(c, ensure_ascii=False) for c in valid_contacts(5, 300)]
    with tempfile.TemporaryDirectory() as scratch:
        log, decisions = check_recording(options.cli, options.rules, scratch, contacts)
        head = check_chain_and_show(options.cli, log, contacts, decisions)
        check_tampering(options.cli, log, scratch, head)
        check_replay(options.cli, options.rules, log, scratch, contacts)
    finish()


if __name__ == "__main__":
    main()
