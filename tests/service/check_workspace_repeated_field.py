"""A field given twice in one object of a workspace request is refused, never resolved by keeping
the last (nlohmann's way): `POST /v1/decisions` refuses a contact that gives a field twice (400,
"the field 'contact_id' is given twice in one object"), and the walkthrough and graph routes
decided the same contact with its second value; a save with "path" twice wrote the second file.
Every POST route of a real `frontdoor workspace` is sent such a body and answers 400 naming the
field and the object's JSON path; a clean contact is still walked through, and nothing is written.

    check_workspace_repeated_field.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import Server, check, check_workspace_refusals, finish, parse_args  # noqa: E402


def main():
    args = parse_args()
    scenarios = os.path.join(args.rules, "scenarios")
    with open(os.path.join(scenarios, sorted(os.listdir(scenarios))[0])) as f:
        contact = json.dumps(json.load(f)["contact"])
    repeated = contact[:-1] + ', "contact_id": "SECOND"}'
    said = "gives the field '%s' twice in one object (at '%s'); give each field once"
    cases = [  # (route, body, words the 400 answer must say)
        ("/v1/workspace:walkthrough", '{"contact": %s}' % repeated, said % ("contact_id", "/contact")),
        ("/v1/workspace:graph", '{"contact": %s}' % repeated, said % ("contact_id", "/contact")),
        ("/v1/workspace:graph", '{"contact": {"a": [1, {"b~/": 1, "b~/": 2}]}}', said % ("b~/", "/contact/a/1")),
        ("/v1/workspace:walkthrough", '{"scenario": "scenarios/x.json", "what_if": [], "what_if": []}',
         said % ("what_if", "")),
        ("/v1/workspace:save", '{"path": "pack.rules", "text": "x", "path": "second.rules"}', said % ("path", "")),
        ("/v1/workspace:check", '{"path": "pack.rules", "text": "x", "text": "y"}', said % ("text", "")),
        ("/v1/workspace:format", '{"path": "pack.rules", "path": "x.rules", "text": "y"}', said % ("path", "")),
        ("/v1/workspace:test", '{"path": "pack.rules", "text": "x", "path": "y"}', said % ("path", "")),
        ("/v1/workspace:accept", '{"scenario": "a", "scenario": "b"}', said % ("scenario", "")),
        ("/v1/workspace:publish", '{"even_if_scenarios_fail": false, "even_if_scenarios_fail": true}',
         said % ("even_if_scenarios_fail", "")),
        ("/v1/workspace:impact", '{"path": "pack.rules", "path": "x"}\n', "line 1 " + said % ("path", "")),
    ]
    with tempfile.TemporaryDirectory() as work:
        pack = os.path.join(work, "pack")
        shutil.copytree(args.rules, pack)
        published = os.path.join(work, "published")
        os.mkdir(published)
        extra = ["--workspace", pack, "--no-watch", "--publish-to", published]
        with Server(args.cli, pack, extra=extra) as workspace:
            status, _, data = workspace.request("POST", "/v1/decisions", repeated)
            check(status == 400 and b"given twice" in data, f"POST /v1/decisions refuses it: {status} {data[:200]}")
            check_workspace_refusals(workspace, cases)
            status, _, data = workspace.request("POST", "/v1/workspace:walkthrough", '{"contact": %s}' % contact)
            check(status == 200, f"the contact given once is walked through: {status} {data[:200]}")
        check(not os.path.exists(os.path.join(pack, "second.rules")), "nothing was saved")
        check(os.listdir(published) == [], "nothing was published")
    finish()


if __name__ == "__main__":
    main()
