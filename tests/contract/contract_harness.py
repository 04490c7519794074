"""Shared helpers for the contract tests (tests/contract/CMakeLists.txt), as tests/service/service_harness.py
is for the service tests: the arguments each is given, and the check that records a failure and goes
on and the one way to end (both from tests/harness_checks.py, which the service tests share).

    from contract_harness import check, finish, parse_args
    args = parse_args(extra=[("--golden", {"required": True})])
    check(code == 0, f"eval exits 0, got {code}")
    finish()
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness_checks import check, finish  # noqa: E402,F401 (handed on to the contract tests)


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
