#!/usr/bin/python3
"""Contract check of the frontdoor CLI against the shared contact and decision schemas.

  check_schema_agreement.py --cli PATH_TO_frontdoor --rules DIR --shared SHARED_DIR
                            [--count 1000] [--seed 1]

1. Corpus self-test: every valid corpus contact passes SHARED/spec/contact.schema.json and section 6
   of hackney-mash.md; every invalid one is refused by the schema at its labelled place, or (label
   "s6:") passes the schema and breaks exactly its one section-6 rule.
2. Agreement: the schema printed by `frontdoor schema --rules DIR` gives the shared schema's verdict
   on every contact. "s6:" contacts count as schema-valid, except that the engine's schema may
   refuse "both birth_date and expected_birth_date", the one section-6 rule JSON Schema can state.
3. Eval: `frontdoor eval --rules DIR --jsonl FILE` on all contacts, shuffled, decides every valid one
   (each decision valid against decision.schema.json), refuses every invalid one with its 1-based line
   number and a JSON pointer at or inside the defect, and exits non-zero. A batch of only the valid
   contacts then exits 0 with byte-identical decisions (no dependence on neighbours or the clock).
Without --cli only step 1 runs. Exit status 1 on any failure.
"""
import argparse
import datetime as dt
import functools
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contact_corpus as corpus  # noqa: E402

TIMEOUT_SECONDS = 900
# Debian's jsonschema lacks rfc3339-validator, so without these "format" would go unchecked.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))",
                        re.ASCII)
FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("date")
def is_date(value):
    if not isinstance(value, str):
        return True  # format constrains strings only
    try:
        return bool(_DATE.fullmatch(value)) and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


@FORMATS.checks("date-time")
def is_date_time(value):
    """RFC 3339 as the schema's pattern has it (upper-case T and Z, seconds, an offset); no leap
    second; a real calendar date; offsets within +-23:59."""
    if not isinstance(value, str):
        return True
    m = _DATE_TIME.fullmatch(value)
    return bool(m) and is_date(m[1]) and int(m[2]) < 24 and int(m[3]) < 60 and int(m[4]) < 60 and (
        m[6] == "Z" or (int(m[7]) < 24 and int(m[8]) < 60))


@functools.lru_cache(maxsize=None)
def ecma_regex(pattern):
    """JSON Schema patterns are ECMA-262 regexes. Python's re lets `$` match before a final newline
    and `\\d` match any Unicode digit, so "abc\\n" would pass "^[a-z]+$"; translate `$` (outside a
    character class) to `\\Z` and compile ASCII-only, as an engine with ECMA semantics would."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        in_class = (in_class or ch == "[") and ch != "]"
        out.append(r"\Z" if ch == "$" and not in_class else ch)
        i += 1
    return re.compile("".join(out), re.ASCII)


def _ecma_pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not ecma_regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 in every respect but "pattern", which gets ECMA-262 semantics.
StrictValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                               {"pattern": _ecma_pattern})


def make_validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return StrictValidator(schema, format_checker=FORMATS)


POINTER = re.compile(r"(/([^~/]|~[01])*)*")


def pointer(path):
    return "".join("/" + corpus.escape(token) for token in path)


def inside(path, base):
    return path == base or path.startswith(base + "/")


def label_pointer(label):
    return label.rsplit(" ", 1)[1]


def first_error(validator, instance):
    error = min(validator.iter_errors(instance), key=lambda e: pointer(e.absolute_path), default=None)
    return error and f"{pointer(error.absolute_path)}: {error.message[:200]}"


def check_corpus(valid, invalid, shared, fail):
    for contact in valid:
        problem = first_error(shared, contact) or corpus.section6_problems(contact)
        if problem:
            fail("corpus: a valid contact is refused", contact, problem)
    for contact, label in invalid:
        where, errors = label_pointer(label), list(shared.iter_errors(contact))
        if label.startswith("s6:"):
            found = [] if errors else [p for p, _ in corpus.section6_problems(contact)]
            if errors or found != [where]:
                fail("corpus: not exactly its one s6 defect", contact,
                     f"{label}; schema: {first_error(shared, contact)}; s6 at {found}")
        elif not errors:
            fail("corpus: an invalid contact passes contact.schema.json", contact, label)
        else:
            paths = {pointer(e.absolute_path) for e in errors}
            if any(not (inside(p, where) or inside(where, p)) for p in paths):
                fail("corpus: schema errors away from the labelled defect", contact,
                     f"{label}; errors at {sorted(paths)}")


def run(args, fail):
    try:
        proc = subprocess.run(args, capture_output=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as e:
        fail("cli did not run", None, f"{' '.join(args)}: {e}")
        return None
    if proc.returncode < 0:
        fail("cli crashed", None, f"{' '.join(args)}: signal {-proc.returncode}; stderr: "
             f"{proc.stderr.decode(errors='replace')[-1000:]}")
        return None
    return proc


def check_agreement(cli, rules, entries, shared, fail):
    proc = run([cli, "schema", "--rules", rules], fail)
    if proc is None:
        return 0
    try:
        document = json.loads(proc.stdout)
        if proc.returncode != 0 or str(document.get("$schema")).rstrip("#") != shared.schema["$schema"]:
            raise ValueError(f"exit status {proc.returncode}, $schema {document.get('$schema')!r}")
        engine = make_validator(document)
    except (ValueError, AttributeError, jsonschema.SchemaError) as e:
        fail("`frontdoor schema` gave no 2020-12 JSON Schema", None,
             f"{e}; stderr: {proc.stderr.decode(errors='replace')[-500:]}")
        return 0
    disagreements = 0
    for contact, label in entries:
        want, got = shared.is_valid(contact), engine.is_valid(contact)
        # "Not both birth dates" is the one section-6 rule JSON Schema can state; allow it.
        if got != want and not (label or "").startswith("s6: both"):
            disagreements += 1
            fail("schemas disagree", contact, f"{label or 'valid'}: shared schema says "
                 f"{'valid' if want else 'invalid'}; engine's: {first_error(engine, contact)}")
    return disagreements


def eval_batch(cli, rules, contacts, fail):
    """Runs `frontdoor eval` on contacts as JSONL; returns (exit status, output lines) or None."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "contacts.jsonl"
        # Odd lines carry raw UTF-8, even lines \\u escapes: both are JSON the engine must read.
        path.write_text("".join(json.dumps(c, ensure_ascii=i % 2 == 0) + "\n"
                                for i, c in enumerate(contacts)), encoding="utf-8")
        proc = run([cli, "eval", "--rules", rules, "--jsonl", str(path)], fail)
    if proc is None:
        return None
    lines = proc.stdout.split(b"\n")  # not splitlines(): U+2028 may sit raw inside a JSON string
    lines = lines[:-1] if lines and lines[-1] == b"" else lines
    if len(lines) != len(contacts):
        fail("eval output has the wrong number of lines", None,
             f"{len(lines)} lines for {len(contacts)} contacts; stderr: "
             f"{proc.stderr.decode(errors='replace')[-500:]}")
    return proc.returncode, lines


def refusal_problem(out, line_no, expected):
    error, line = out.get("error"), out.get("line")
    if type(line) is not int or line != line_no:
        return f"line is {line!r}, expected {line_no}"
    if not isinstance(error, dict) or not isinstance(error.get("message"), str) or not error["message"]:
        return "error needs a non-empty message"
    path = error.get("path")
    if not isinstance(path, str) or not POINTER.fullmatch(path):
        return f"error path {path!r} is not a JSON pointer"
    if not inside(path, expected):
        return f"error path {path!r} is not at or inside {expected!r}"
    return None


def check_eval(cli, rules, entries, decisions_schema, fail):
    result = eval_batch(cli, rules, [c for c, _ in entries], fail)
    if result is None:
        return 0, 0
    status, lines = result
    if status == 0:
        fail("eval exited 0 though it refused contacts", None, "expected a non-zero exit status")
    decided, refused, decision_lines = 0, 0, {}
    for line_no, ((contact, label), raw) in enumerate(zip(entries, lines), start=1):
        text = raw.decode("utf-8", errors="replace")[:400]
        try:
            out = json.loads(raw)
            is_refusal = isinstance(out, dict) and "error" in out
        except ValueError:
            fail("eval output line is not JSON", contact, f"line {line_no}: {text!r}")
            continue
        if label is None and is_refusal:
            fail("valid contact refused", contact, text)
        elif label is None:
            problem = first_error(decisions_schema, out)
            if not problem and out.get("contact_id") != contact["contact_id"]:
                problem = f"contact_id {out.get('contact_id')!r}"
            if problem:
                fail("decision breaks decision.schema.json", contact, f"{problem}; decision: {text}")
            else:
                decided += 1
                decision_lines[contact["contact_id"]] = raw
        elif not is_refusal:
            fail("invalid contact decided", contact, label)
        else:
            problem = refusal_problem(out, line_no, label_pointer(label))
            if problem:
                fail("wrong refusal", contact, f"{label}: {problem}; got {text}")
            else:
                refused += 1
    valid = [c for c, label in entries if label is None]
    result = eval_batch(cli, rules, valid, fail)
    if result is not None:
        status, lines = result
        if status != 0:
            fail("eval of only valid contacts exited non-zero", None, f"exit status {status}")
        for contact, raw in zip(valid, lines):
            before = decision_lines.get(contact["contact_id"])
            if before is not None and raw != before:
                fail("decision not reproducible", contact, f"{before.decode(errors='replace')[:300]}"
                     f" then {raw.decode(errors='replace')[:300]}")
    return decided, refused


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", help="the frontdoor executable; without it, only the corpus self-test")
    parser.add_argument("--rules", help="the rule-pack directory")
    parser.add_argument("--shared", required=True, help="the shared directory holding spec/")
    parser.add_argument("--count", type=int, default=1000, help="valid and invalid contacts each")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.cli and not args.rules:
        parser.error("--cli needs --rules")
    spec = Path(args.shared) / "spec"
    shared = make_validator(json.loads((spec / "contact.schema.json").read_text()))
    decisions_schema = make_validator(json.loads((spec / "decision.schema.json").read_text()))
    holidays = spec / "bank-holidays.json"
    valid = corpus.valid_contacts(args.seed, args.count, holidays)
    invalid = corpus.invalid_contacts(args.seed, args.count, holidays)
    failures = []

    def fail(what, contact, detail):
        failures.append((what, contact, detail))

    check_corpus(valid, invalid, shared, fail)
    kinds = {}
    for _, label in invalid:
        kind = next(k for k in corpus.KINDS if label.startswith(k))
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"corpus (seed {args.seed}): {len(valid)} valid, {len(invalid)} invalid: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if args.cli:
        entries = [(c, None) for c in valid] + invalid
        random.Random(args.seed).shuffle(entries)  # refusals land among decisions
        disagreements = check_agreement(args.cli, args.rules, entries, shared, fail)
        decided, refused = check_eval(args.cli, args.rules, entries, decisions_schema, fail)
        print(f"{decided} valid decided, {refused} invalid refused, {disagreements} disagreements")
    print(f"{len(failures)} failures" + (f"; the first {min(10, len(failures))}:" if failures else ""))
    for what, contact, detail in failures[:10]:
        print(f"FAIL {what}: {detail}")
        if contact is not None:
            text = json.dumps(contact, ensure_ascii=False)
            print(f"  contact: {text if len(text) <= 800 else text[:800] + '...'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
