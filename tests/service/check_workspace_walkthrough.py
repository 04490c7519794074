"""POST /v1/workspace:walkthrough end to end (docs/workspace.md, "For trainers"), on a temporary copy
of the pack: a Hackney scenario's steps with their protocol clauses; a what-if that changes the
outcome names the change, with what gave it before and now, and its Markdown is byte for byte what
`frontdoor walkthrough --format md --what-if ...` prints; a stale scenario is warned about, in the
handout too; a refused contact (before or after the what-ifs) is 422 with its JSON path and the
CLI's words; bad requests are 400 and paths outside the pack are refused; every answer matches the
OpenAPI document; reading needs the decide role.

    check_workspace_walkthrough.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import Server, check, check_decide_role, finish, parse_args  # noqa: E402

from jsonschema import Draft202012Validator, RefResolver  # noqa: E402

SCENARIO = "scenarios/009-level-3-csc-screening.json"
ROUTE = "/v1/workspace:walkthrough"
HARM = {"field": "/risk/significant_harm_suspected", "value": True}


def call(server, body, token=None):
    status, _, answer = server.request("POST", ROUTE, json.dumps(body), token=token)
    try:
        return status, json.loads(answer)
    except ValueError:
        return status, answer


def cli_markdown(cli, pack, scenario, *what_ifs):
    arguments = [cli, "walkthrough", "--rules", pack, os.path.join(pack, scenario), "--format", "md"]
    for what_if in what_ifs:
        arguments += ["--what-if", what_if]
    return subprocess.run(arguments, capture_output=True, text=True, timeout=60).stdout


class Document:
    """The OpenAPI document's schemas for the walkthrough route's answers."""

    def __init__(self, server):
        _, _, body = server.request("GET", "/v1/openapi.json")
        self.document = json.loads(body)

    def errors(self, status, answer):
        responses = self.document["paths"][ROUTE]["post"]["responses"]
        response = responses.get(str(status))
        if response is None:
            return [f"status {status} is not in the document"]
        if "$ref" in response:
            response = self.document["components"]["responses"][response["$ref"].split("/")[-1]]
        schema = response["content"]["application/json"]["schema"]
        validator = Draft202012Validator(schema, resolver=RefResolver.from_schema(self.document))
        return [e.message for e in validator.iter_errors(answer)]

    def check(self, status, answer, what):
        errors = self.errors(status, answer)
        check(not errors, f"{what}: the {status} answer matches the OpenAPI document: {errors[:3]}")


def check_steps(server, cli, pack, document):
    status, body = call(server, {"scenario": SCENARIO})
    check(status == 200, f"a scenario's walkthrough: 200: {status} {str(body)[:300]}")
    if status != 200:
        return
    document.check(status, body, "the walkthrough")
    check(body["title"] == "Row 7: history of domestic abuse, more information needed", f"its title: {body['title']}")
    check("contact.indicators is history of domestic abuse" in body["facts"], f"the facts read, in words: {body['facts'][:5]}")
    headings = [step["heading"] for step in body["steps"]]
    check(len(body["steps"]) > 3, f"several steps: {headings}")
    cited = [step for step in body["steps"] if step["source"].startswith("§")]
    check(len(cited) >= 3, f"the steps carry their protocol clause: {[s['source'] for s in body['steps']]}")
    level = next((s for s in body["steps"] if "§2 level 3" in s["source"]), None)
    check(level is not None, f"the level of need step cites §2 level 3: {headings}")
    lines = [line for step in body["steps"] for line in step["lines"]]
    check(any(" does not apply" in line for line in lines) and any(" applies" in line for line in lines),
          "rows that did and did not apply are told in words")
    check(body["decision"]["outcome"]["code"] == "csc_screening", f"the decision: {body['decision'].get('outcome')}")
    check(body["stale"] == [] and "what_if" not in body, f"not stale, no what-if: {body['stale']}")
    check(body["contact"]["contact_id"] == "C-2024-0009", "the contact as decided, for the form")
    check(body["markdown"] == cli_markdown(cli, pack, SCENARIO),
          "the Markdown is what `frontdoor walkthrough --format md` prints, byte for byte")


def check_what_if(server, cli, pack, document):
    status, body = call(server, {"scenario": SCENARIO, "what_if": [HARM]})
    check(status == 200 and "what_if" in body, f"a what-if: 200 with the comparison: {status} {str(body)[:300]}")
    if status != 200:
        return
    document.check(status, body, "the what-if")
    what_if = body["what_if"]
    check(what_if["changes"] == ["/risk/significant_harm_suspected=true"], f"the change asked: {what_if['changes']}")
    outcome = [d for d in what_if["differences"] if d["change"].startswith("the recommended pathway (outcome)")]
    check(any("code changed from children's social care screening to progress to assessment" in d["change"] for d in outcome),
          f"the outcome's change is named: {what_if['differences']}")
    check(outcome and "row level_3_screening applied" in outcome[-1]["before"] and "row level_4_s47 applied" in outcome[-1]["now"],
          f"with the row that gave it before and now: {outcome}")
    gone = [d for d in what_if["differences"] if d["change"].endswith(" disappeared")]
    check(gone, f"what disappeared is told too: {[d['change'] for d in what_if['differences']]}")
    check(any("§2 level 4" in step["source"] for step in what_if["steps"]),
          f"the steps that went differently, with their clause: {[s['heading'] for s in what_if['steps']]}")
    check(body["decision"]["outcome"]["code"] == "csc_screening", "the walkthrough itself is of the contact as given")
    check(body["markdown"] == cli_markdown(cli, pack, SCENARIO, "/risk/significant_harm_suspected=true"),
          "the Markdown with the what-if is what `frontdoor walkthrough --what-if` prints, byte for byte")
    with open(os.path.join(pack, SCENARIO)) as f:
        contact = json.load(f)["contact"]
    status, pasted = call(server, {"contact": contact, "what_if": [HARM]})
    check(status == 200 and pasted["what_if"]["differences"] == what_if["differences"],
          f"a pasted contact walks through as its scenario does: {status}")
    status, same = call(server, {"scenario": SCENARIO, "what_if": [{"field": "/channel", "value": "email"}]})
    check(status == 200 and same["what_if"]["differences"] == [], f"a fact that changes nothing: no difference: {status}")


def check_stale(server, cli, pack):
    """A scenario the edited pack no longer meets: warned about, and the handout says so as the CLI does."""
    path = os.path.join(pack, "thresholds.rules")
    with open(path) as f:
        text = f.read()
    scenario = "scenarios/025-three-level-2-indicators-make-level-3.json"
    try:
        with open(path, "w") as f:
            f.write(text.replace("let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 4"))
        status, body = call(server, {"scenario": scenario})
        check(status == 200 and any(line.startswith("level_of_need: the scenario expects 3") for line in body["stale"]),
              f"a stale scenario is walked through from the pack on disk, with what no longer holds: {status} {body.get('stale')}")
        check(body["markdown"].startswith("WARNING: this scenario's narrative no longer matches")
              and body["markdown"] == cli_markdown(cli, pack, scenario), "its handout warns first, as the CLI prints it")
    finally:
        with open(path, "w") as f:
            f.write(text)


def check_refusals(server, pack, document):
    with open(os.path.join(pack, SCENARIO)) as f:
        contact = json.load(f)["contact"]
    both = dict(contact, child=dict(contact["child"], expected_birth_date="2025-01-01"))
    status, body = call(server, {"contact": both})
    check(status == 422 and body["error"]["path"] == "/child/expected_birth_date" and body["error"]["what_if"] is False
          and "give either birth_date or expected_birth_date, not both" in body["error"]["message"],
          f"a refused contact: 422 with its path and the CLI's words: {status} {body}")
    document.check(status, body, "a refused contact")
    status, body = call(server, {"scenario": SCENARIO, "what_if": [{"field": "/child/birth_date", "value": "soon"}]})
    check(status == 422 and body["error"]["path"] == "/child/birth_date" and body["error"]["what_if"] is True,
          f"a what-if the pack refuses: 422 with the fact's path, marked what_if: {status} {body}")
    document.check(status, body, "a refused what-if")
    for request, words, want in (({"what_if": []}, "/scenario", 400), ({"scenario": SCENARIO, "what_if": {}}, "/what_if", 400),
                                 ({"scenario": SCENARIO, "what_if": [{"value": 1}]}, "/what_if/0/field", 400),
                                 ({"scenario": SCENARIO, "what_if": [{"field": "/x"}]}, "/what_if/0/value", 400),
                                 ({"scenario": "../outside.json"}, "'..'", 400), ({"scenario": "scenarios/none.json"}, "", 404)):
        status, body = call(server, request)
        check(status == want and words in body["error"]["message"], f"{request}: {want} naming {words!r}: {status} {body}")
        document.check(status, body, f"the refusal of {request}")
    status, _, answer = server.request("POST", ROUTE, "[1]")
    check(status == 400, f"a body that is no object: 400: {status} {answer!r}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as work:
        pack = os.path.join(work, "pack")
        shutil.copytree(args.rules, pack)
        with Server(args.cli, pack, extra=["--workspace", pack, "--no-watch"]) as server:
            document = Document(server)
            check_steps(server, args.cli, pack, document)
            check_what_if(server, args.cli, pack, document)
            check_refusals(server, pack, document)
            check_stale(server, args.cli, pack)
        check_decide_role(args.cli, pack, work,
                          lambda server, token: call(server, {"scenario": SCENARIO}, token=token)[0])
        with Server(args.cli, args.rules, extra=["--no-watch"]) as server:
            status, body = call(server, {"scenario": SCENARIO})
            check(status == 404 and "not a workspace" in body["error"]["message"], f"serve: 404: {status} {body}")
    finish()


if __name__ == "__main__":
    main()
