"""One read, refuse, decide for every face (issue #17): a contact with a key given twice is refused
the same way, path and message, by `eval`, by `test` on a scenario holding it and by `walkthrough`
on that scenario file; a scenario's contact is decided from its bytes as written, never from a
re-serialisation that keeps the last value.

Usage: check_scenario_contact_as_written.py --cli build/frontdoor --rules rules/hackney.
Exit status 1 on any failure."""
import json
import pathlib
import shutil
import subprocess
import tempfile

from contract_harness import check, finish, parse_args

PATH = "/contact_id"
MESSAGE = "not valid JSON: the field 'contact_id' is given twice in one object"


def run(cli, *arguments, cwd):
    return subprocess.run([cli, *arguments], cwd=cwd, capture_output=True, text=True, timeout=120)


def main():
    args = parse_args()
    cli = str(pathlib.Path(args.cli).resolve())
    rules = pathlib.Path(args.rules).resolve()
    scenario = json.loads((rules / "scenarios" / "001-information-request-open-case.json").read_text())
    contact = '{"contact_id": "twice", ' + json.dumps(scenario["contact"])[1:]
    expect = json.dumps({"path": PATH, "message": MESSAGE})
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        shutil.copytree(rules, work / "pack", ignore=shutil.ignore_patterns("scenarios"))
        (work / "pack" / "scenarios").mkdir()
        (work / "contact.json").write_text(contact)
        scenario_text = '{"scenario": "a key given twice", "contact": ' + contact + ', "expect_refusal": ' + expect + "}"
        (work / "pack" / "scenarios" / "twice.json").write_text(scenario_text)

        evaluated = run(cli, "eval", "--rules", "pack", "contact.json", cwd=work)
        check(evaluated.returncode == 1 and json.loads(evaluated.stdout) == {"error": {"path": PATH, "message": MESSAGE}},
              f"eval: exit {evaluated.returncode}, {evaluated.stdout!r}")
        tested = run(cli, "test", "pack", cwd=work)
        check(tested.returncode == 0, f"test: exit {tested.returncode}, {tested.stdout!r} {tested.stderr!r}")
        walked = run(cli, "walkthrough", "--rules", "pack", "pack/scenarios/twice.json", cwd=work)
        refusal = f"The input is refused, so nothing is decided: at {PATH}: {MESSAGE}"
        check(walked.returncode == 1 and refusal in walked.stdout,
              f"walkthrough: exit {walked.returncode}, {walked.stdout[:300]!r}")
    finish("3 of 3 faces refuse the contact alike")


if __name__ == "__main__":
    main()
