"""Fixtures for the reload and shadow tests: two variants of the pack that differ in a way that
changes some outcomes (A is the pack as given; B makes two level-2 indicators, not three, a child
in need), written into a pack directory by rename, as editors and deploy tools do, and the answers
`frontdoor eval` gives for every sample contact under each."""
import json
import os
import shutil
import subprocess

from service_harness import REQUEST_SECONDS, eval_output, sample_contacts

THRESHOLDS = "thresholds.rules"
A_LINE = "let level_2_indicators_for_level_3 = 3"
B_LINE = "let level_2_indicators_for_level_3 = 2"


def copy_pack(rules, into):
    """A copy of the pack in `into` (without its scenarios, which the server does not read)."""
    shutil.copytree(rules, into, ignore=shutil.ignore_patterns("scenarios"))
    return into


def thresholds_text(rules, variant):
    with open(os.path.join(rules, THRESHOLDS)) as f:
        text = f.read()
    assert A_LINE in text, "the pack's thresholds changed: update reload_fixtures.py"
    return text if variant == "A" else text.replace(A_LINE, B_LINE)


def replace_file(path, text):
    """Writes `text` to a new file beside `path` and renames it over `path`."""
    temporary = path + ".new"
    with open(temporary, "w") as f:
        f.write(text)
    os.replace(temporary, path)


def jsonl_answers(cli, rules, contacts):
    done = subprocess.run([cli, "eval", "--rules", rules, "--jsonl"], input=("\n".join(contacts) + "\n").encode(),
                          capture_output=True, timeout=REQUEST_SECONDS * 4)
    return done.stdout.split(b"\n")[:len(contacts)]


def expected_answers(cli, rules, contacts):
    """For each contact: (refused?, the bytes `frontdoor eval` prints for it alone)."""
    answers = []
    for contact, line in zip(contacts, jsonl_answers(cli, rules, contacts)):
        if line.startswith(b'{"line":'):
            code, out = eval_output(cli, rules, contact)
            answers.append((True, out))
        else:
            answers.append((False, line + b"\n"))
    return answers


def digest_of(answers):
    for refused, body in answers:
        if not refused:
            return json.loads(body)["ruleset"]["digest"]
    raise RuntimeError("no contact was decided")


def make_variants(cli, rules, workdir):
    """Packs A and B as directories, and what eval answers under each: a dict per variant with
    'dir', 'text' (of thresholds.rules), 'answers' and 'digest'."""
    contacts = sample_contacts(rules)
    variants = {}
    for name in ("A", "B"):
        directory = copy_pack(rules, os.path.join(workdir, "pack-" + name))
        text = thresholds_text(rules, name)
        replace_file(os.path.join(directory, THRESHOLDS), text)
        answers = expected_answers(cli, directory, contacts)
        variants[name] = {"dir": directory, "text": text, "answers": answers, "digest": digest_of(answers)}
    return contacts, variants


def outcome_label(decision):
    """The outcome as the service counts it: the "outcome" field's "code", else the field itself."""
    outcome = decision.get("outcome")
    if isinstance(outcome, dict) and "code" in outcome:
        outcome = outcome["code"]
    return outcome if isinstance(outcome, str) else json.dumps(outcome, separators=(",", ":"))


def pack_fields(body):
    decision = json.loads(body)
    return {k: v for k, v in decision.items() if k not in ("ruleset", "explanation")}
