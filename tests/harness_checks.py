"""The one way a Python test records its checks and ends, shared by the contract harness
(tests/contract/contract_harness.py) and the service harness (tests/service/service_harness.py),
which each put this directory on sys.path and hand check and finish on to their tests.

    check(code == 0, f"eval exits 0, got {code}")
    finish()
"""
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
