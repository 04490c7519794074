"""JSON nested 100,000 deep never brings the workspace down (docs/security.md, "Nesting"): every
POST route of a real `frontdoor workspace` is sent a body whose JSON nests that deep, at the top or
inside a member the route reads (a scenario, a contact, a what-if, an edit, the impact route's
request line), and answers 400 with a JSON error saying the body nests deeper than 256 levels, or
refuses the member's type; the server answers /healthz after each. (Before, the graph and
walkthrough routes copied such a value and the process died of a stack overflow.)

    check_workspace_nesting.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import Server, check, check_workspace_refusals, finish, parse_args  # noqa: E402

DEPTH = 100000
DEEP = "[" * DEPTH + "]" * DEPTH
TOO_DEEP = "nests deeper than 256 levels"

# (route, body, words the 400 answer must say)
CASES = [
    ("/v1/workspace:graph", '{"scenario": "scenarios/x.json", "contact": {"a": %s}}' % DEEP, TOO_DEEP),
    ("/v1/workspace:graph", '{"contact": %s}' % DEEP, TOO_DEEP),
    ("/v1/workspace:walkthrough", '{"contact": {"a": %s}}' % DEEP, TOO_DEEP),
    ("/v1/workspace:walkthrough", '{"contact": {}, "what_if": %s}' % DEEP, TOO_DEEP),
    ("/v1/workspace:accept", '{"scenario": %s}' % DEEP, TOO_DEEP),
    ("/v1/workspace:check", '{"path": "pack.rules", "text": %s}' % DEEP, TOO_DEEP),
    ("/v1/workspace:format", '{"path": "pack.rules", "text": %s}' % DEEP, TOO_DEEP),
    ("/v1/workspace:save", '{"path": "pack.rules", "text": %s}' % DEEP, TOO_DEEP),
    ("/v1/workspace:test", '{"path": "pack.rules", "text": "x", "scenario": %s}' % DEEP, TOO_DEEP),
    ("/v1/workspace:publish", '{"even_if_scenarios_fail": %s}' % DEEP, TOO_DEEP),
    ("/v1/workspace:impact", '{"path": %s}\n' % DEEP, TOO_DEEP),
    ("/v1/workspace:graph", DEEP, TOO_DEEP),
]


def still_up(workspace, route):
    """Whether the workspace answers /healthz after POST `route`: checked, and the test stops if not."""
    try:
        alive = workspace.request("GET", "/healthz")[0]
    except OSError as error:
        alive = f"no answer ({error})"
    check(alive == 200, f"and the workspace is still up after POST {route}: {alive}")
    return alive == 200


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as work:
        pack = os.path.join(work, "pack")
        shutil.copytree(args.rules, pack)
        published = os.path.join(work, "published")
        os.mkdir(published)
        extra = ["--workspace", pack, "--no-watch", "--publish-to", published]
        with Server(args.cli, pack, extra=extra) as workspace:
            check_workspace_refusals(workspace, CASES, lambda route: still_up(workspace, route))
    finish()


if __name__ == "__main__":
    main()
