#!/usr/bin/env python3
"""`frontdoor test` as a workflow (issue #14 section 3), on a temporary copy of the Hackney pack:
--only runs one scenario or a glob of them; -v lists the passing ones; --update, after a threshold
change, shows each difference, rewrites only the expected values that differ (every other byte of
each file as it was), and the next run passes; a scenario it cannot accept is left alone and the
exit status says so; expectations may match a part ({"contains": ...}); a walkthrough of a scenario
whose expectations the pack no longer meets says so loudly and leaves out its old narrative; and
test and check take the pack as --rules DIR or on its own.
"""
import json
import os
import shutil
import subprocess
import tempfile

from contract_harness import check, finish, parse_args

TIMEOUT = 300
CHANGED = "024-two-level-2-indicators-stay-level-2.json"


def run(cli, *args, cwd=None):
    done = subprocess.run([cli, *args], capture_output=True, text=True, cwd=cwd, timeout=TIMEOUT)
    return done.returncode, done.stdout, done.stderr


def read_scenarios(pack):
    folder = os.path.join(pack, "scenarios")
    return {name: open(os.path.join(folder, name), "rb").read() for name in sorted(os.listdir(folder))}


def check_only_and_verbose(cli, pack):
    code, out, _ = run(cli, "test", "--rules", pack, "--only", "004-level-4-progress-to-s47")
    check(code == 0 and out.endswith("1 passed, 0 failed\n"), f"--only NAME runs one scenario: got {code} {out[-200:]!r}")
    check("PASS" not in out, "without -v passing scenarios are not listed")
    code, out, _ = run(cli, "test", pack, "--only", "00[1-3]*", "-v")
    passes = [line for line in out.splitlines() if line.startswith("PASS ")]
    check(code == 0 and out.endswith("3 passed, 0 failed\n"), f"--only GLOB runs three scenarios: got {code} {out[-200:]!r}")
    check(passes == ["PASS 001-information-request-open-case.json: Row 1: information request about a child with an open case",
                     "PASS 002-information-request-ten-working-days.json: " + json.load(open(os.path.join(pack, "scenarios", "002-information-request-ten-working-days.json")))["scenario"],
                     "PASS 003-open-case-concern-goes-to-unit.json: " + json.load(open(os.path.join(pack, "scenarios", "003-open-case-concern-goes-to-unit.json")))["scenario"]],
          f"-v lists each passing scenario with its title: got {passes!r}")
    code, out, _ = run(cli, "test", "--rules", pack, "--only", "004-level-4-progress-to-s47.json")
    check(code == 0 and out.endswith("1 passed, 0 failed\n"), f"--only takes the name with .json too: got {code}")
    code, out, _ = run(cli, "test", "--rules", pack, "--only", "no-such-*")
    check(code == 1 and "no scenarios in " in out and "match 'no-such-*'" in out, f"--only matching nothing fails: got {code} {out[-200:]!r}")
    code, _, err = run(cli, "test", pack, "--rules", pack)
    check(code == 2 and "give one pack directory" in err, f"test with both DIR and --rules is a usage error: got {code} {err!r}")


def check_rules_option(cli, pack):
    code, out, _ = run(cli, "check", "--rules", pack)
    check(code == 0 and out.startswith("ok: hackney_mash"), f"check --rules DIR: got {code} {out!r}")
    code, out, _ = run(cli, "check", pack)
    check(code == 0 and out.startswith("ok: hackney_mash"), f"check DIR still works: got {code} {out!r}")
    code, out, _ = run(cli, "fmt", "--check", "--rules", pack)
    check(code == 0 and out == "", f"fmt --check --rules DIR: got {code} {out!r}")


def check_partial_expectations(cli, pack):
    folder = os.path.join(pack, "partial")
    os.makedirs(folder)
    source = json.load(open(os.path.join(pack, "scenarios", "047-age-12-on-birthday-warning.json")))
    decided = source["expect"]
    partial = dict(source)
    partial["expect"] = {"outcome": {"contains": {"code": decided["outcome"]["code"]}},
                         "warnings": {"contains": "seek_child_consent"},
                         "clock_start": {"contains": decided["clock_start"][:10]}}
    with open(os.path.join(folder, "a-partial.json"), "w") as f:
        json.dump(partial, f, indent=2)
    refused = json.load(open(os.path.join(pack, "scenarios", "204-refused-unknown-indicator.json")))
    check(refused["expect_refusal"]["message"] == {"contains": "\"neglekt\" is not a known indicator"},
          "the Hackney refusal scenario expects a part of the message, not the list of every indicator")
    wrong = dict(partial)
    wrong["expect"] = {"warnings": {"contains": "no_such_warning"}}
    with open(os.path.join(folder, "b-wrong.json"), "w") as f:
        json.dump(wrong, f, indent=2)
    code, out, _ = run(cli, "test", "--rules", pack, "--scenarios", folder, "-v")
    check(out.startswith("PASS a-partial.json"), f"partial expectations that hold pass: got {out[:300]!r}")
    check("FAIL b-wrong.json" in out and '    - expected: {"contains":"no_such_warning"}\n    + decided:  ["seek_child_consent"]\n' in out,
          f"a partial expectation that does not hold fails, shown as a difference: got {out!r}")
    check(code == 1 and out.endswith("1 passed, 1 failed\n"), f"exit 1 with one failure: got {code}")
    shutil.rmtree(folder)


def check_update(cli, pack):
    before = read_scenarios(pack)
    thresholds = os.path.join(pack, "thresholds.rules")
    text = open(thresholds).read()
    with open(thresholds, "w") as f:
        f.write(text.replace("let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 2"))
    code, out, _ = run(cli, "test", "--rules", pack)
    failed = [line.split()[1].rstrip(":") for line in out.splitlines() if line.startswith("FAIL ")]
    check(code == 1 and CHANGED in failed, f"a threshold change fails scenarios: got {code} {failed!r}")

    code, out, err = run(cli, "walkthrough", "--rules", pack, os.path.join(pack, "scenarios", CHANGED), "--no-color")
    narrative = json.loads(before[CHANGED])["narrative"]
    check(code == 1 and out.startswith("WARNING: this scenario's narrative no longer matches the decision the pack gives"),
          f"walkthrough of a stale scenario warns first: got {code} {out[:300]!r}")
    check("  level_of_need: the scenario expects 2, the pack now gives 3\n" in out and "WARNING" in err,
          f"the warning names each expectation that differs, on both streams: got {out[:600]!r} {err!r}")
    check(narrative not in out, "the old narrative is not printed beside the new decision")
    code, out, _ = run(cli, "walkthrough", "--rules", pack, os.path.join(pack, "scenarios", "001-information-request-open-case.json"), "--no-color")
    check(code == 0 and "WARNING" not in out, f"a scenario that still holds shows no warning: got {code}")

    code, out, _ = run(cli, "test", "--rules", pack, "--update")
    check(code == 0, f"--update accepts every difference: got {code} {out[-300:]!r}")
    check(f"FAIL {CHANGED}" in out and "    - expected: 2\n    + decided:  3\n" in out, "--update shows each difference before rewriting")
    check(f"  updated {os.path.join(pack, 'scenarios', CHANGED)}\n" in out, "--update names each file it rewrites")
    check(f"{len(failed)} failed ({len(failed)} updated)" in out, f"--update counts what it rewrote: got {out[-100:]!r}")
    after = read_scenarios(pack)
    for name, old in before.items():
        new = after[name]
        if name not in failed:
            check(new == old, f"{name} passed and is byte-for-byte unchanged")
            continue
        old_doc, new_doc = json.loads(old), json.loads(new)
        cut = old.index(b'"expect"')
        check(new[:cut] == old[:cut], f"{name}: every byte before its expectations is unchanged")
        check(list(old_doc["expect"]) == list(new_doc["expect"]), f"{name}: the same fields are expected, in the same order")
        check({k: v for k, v in old_doc.items() if k != "expect"} == {k: v for k, v in new_doc.items() if k != "expect"},
              f"{name}: everything but the expectations is the same")
    old_doc, new_doc = json.loads(before[CHANGED]), json.loads(after[CHANGED])
    check(new_doc["expect"]["level_of_need"] == 3 and new_doc["expect"]["factors"] == old_doc["expect"]["factors"],
          f"{CHANGED}: the differing values are the decision's, the others as they were: {new_doc['expect']!r}")
    untouched = [k for k in old_doc["expect"] if old_doc["expect"][k] == new_doc["expect"][k]]
    for key in untouched:
        value = json.dumps(old_doc["expect"][key], indent=2).replace("\n", "\n    ")
        check(f'"{key}": {value}'.encode() in after[CHANGED] or f'"{key}": {json.dumps(old_doc["expect"][key])}'.encode() in after[CHANGED],
              f"{CHANGED}: unchanged expectation {key} is written as it was")
    code, out, _ = run(cli, "test", "--rules", pack)
    check(code == 0 and out.endswith(" 0 failed\n"), f"after --update the next run passes: got {code} {out[-200:]!r}")

    # A scenario that expects a decision, for a contact the pack now refuses, is not rewritten.
    path = os.path.join(pack, "scenarios", "001-information-request-open-case.json")
    doc = json.loads(after["001-information-request-open-case.json"])
    doc["contact"]["channel"] = "carrier_pigeon"
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
    kept = open(path, "rb").read()
    code, out, _ = run(cli, "test", "--rules", pack, "--only", "001*", "--update")
    check(code == 1 and "  not updated: the contact is now refused, and the scenario expects a decision: edit it by hand\n" in out,
          f"--update refuses to turn an expected decision into a refusal: got {code} {out!r}")
    check(open(path, "rb").read() == kept, "the scenario it could not update is left as it was")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        pack = os.path.join(scratch, "pack")
        shutil.copytree(args.rules, pack)
        check_only_and_verbose(args.cli, pack)
        check_rules_option(args.cli, pack)
        check_partial_expectations(args.cli, pack)
        check_update(args.cli, pack)
    finish()


if __name__ == "__main__":
    main()
