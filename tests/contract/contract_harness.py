"""Shared helpers for the contract tests (tests/contract/CMakeLists.txt), as tests/service/service_harness.py
is for the service tests: the arguments each is given, a check that records a failure and goes on, and
one way to end.

    from contract_harness import check, finish, parse_args
    args = parse_args(extra=[("--golden", {"required": True})])
    check(code == 0, f"eval exits 0, got {code}")
    finish()
"""
import argparse
import sys

FAILURES = []


def check(condition, what):
    """Records a failed check (the test goes on, and exits 1 at the end)."""
    if not condition:
        FAILURES.append(what)
        print("FAIL " + what, flush=True)
    return condition


def finish(passed="all checks passed"):
    """Exits 1 when any check failed, 0 otherwise; `passed` is what a test that passed prints."""
    if FAILURES:
        print(f"{len(FAILURES)} checks failed")
        sys.exit(1)
    print(passed)
    sys.exit(0)


def parse_args(extra=(), rules=True):
    """The arguments every contract test is given: --cli, the frontdoor binary, and --rules, the pack
    (not taken when `rules` is False: the tests that write their own packs); `extra` adds a test's
    own, as (flag, add_argument keywords) pairs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    if rules:
        parser.add_argument("--rules", required=True)
    for flag, keywords in extra:
        parser.add_argument(flag, **keywords)
    return parser.parse_args()
