"""POST /v1/workspace:graph end to end (docs/workspace.md, "The graph"), on a temporary copy of the
pack: the graph is byte for byte what `frontdoor graph --format json` prints, with a scenario's
contact (or the contact pasted) it is what `--contact` prints; the pack as edited (unsaved text) is
drawn; every vertex but the input fields says where it is written; a refused contact is 422 with its
JSON path as POST /v1/decisions answers; a pack with errors is 422 with diagnostics; bad requests
are 400 naming the JSON path; every answer matches the OpenAPI document; it needs the decide role.

    check_workspace_graph.py --cli build/frontdoor --rules rules/hackney
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
ROUTE = "/v1/workspace:graph"


def call(server, body, token=None):
    status, _, answer = server.request("POST", ROUTE, json.dumps(body), token=token)
    answer = answer.decode() if isinstance(answer, bytes) else answer
    try:
        return status, json.loads(answer), answer
    except ValueError:
        return status, answer, answer


def cli_graph(cli, pack, *contact):
    arguments = [cli, "graph", "--rules", pack, "--format", "json"]
    if contact:
        arguments += ["--contact", contact[0]]
    return subprocess.run(arguments, capture_output=True, text=True, timeout=60).stdout


class Document:
    """The OpenAPI document's schemas for the graph route's answers."""

    def __init__(self, server):
        _, _, body = server.request("GET", "/v1/openapi.json")
        self.document = json.loads(body)
        self.operation = self.document["paths"].get(ROUTE, {}).get("post")

    def check(self, status, answer, what):
        response = (self.operation or {}).get("responses", {}).get(str(status))
        if response is None:
            check(False, f"{what}: status {status} is in the OpenAPI document")
            return
        if "$ref" in response:
            response = self.document["components"]["responses"][response["$ref"].split("/")[-1]]
        schema = response["content"]["application/json"]["schema"]
        validator = Draft202012Validator(schema, resolver=RefResolver.from_schema(self.document))
        errors = [e.message for e in validator.iter_errors(answer)]
        check(not errors, f"{what}: the {status} answer matches the OpenAPI document: {errors[:3]}")


def check_graph(server, cli, pack, document):
    check(document.operation is not None and document.operation.get("x-frontdoor-role") == "decide",
          f"the route is in the OpenAPI document, role decide: {document.operation and document.operation.get('x-frontdoor-role')}")
    status, body, raw = call(server, {})
    check(status == 200 and raw == cli_graph(cli, pack),
          f"the pack's graph: 200, byte for byte what `frontdoor graph --format json` prints: {status} {raw[:200]!r}")
    if status != 200:
        return
    document.check(status, body, "the graph")
    rows = [v for v in body["vertices"] if v["kind"] == "row"]
    check(rows and all(v["source"] and v["source"]["file"].endswith(".rules") and v["source"]["line"] > 0 for v in rows),
          f"each row says where it is written: {rows[:1]}")
    fields = [v for v in body["vertices"] if v["kind"] == "input field"]
    check(fields and all(v["source"] is None for v in fields), "an input field is written nowhere: its source is null")
    check(all("state" not in v for v in body["vertices"]), "without a contact, no vertex has a state")

    status, body, raw = call(server, {"scenario": SCENARIO})
    check(status == 200 and raw == cli_graph(cli, pack, os.path.join(pack, SCENARIO)),
          f"a scenario's graph: byte for byte what `graph --contact` prints: {status} {raw[:200]!r}")
    if status == 200:
        document.check(status, body, "a scenario's graph")
        applied = [v["label"] for v in body["vertices"] if v.get("state") == "applied" and v["kind"] == "row"]
        check(applied, f"rows on its path are marked applied: {applied[:5]}")
    with open(os.path.join(pack, SCENARIO)) as f:
        contact = json.load(f)["contact"]
    status, _, pasted = call(server, {"contact": contact})
    check(status == 200 and pasted == raw, f"a pasted contact draws as its scenario does: {status}")


def check_edited(server, cli, pack):
    """The pack as edited: one file's unsaved text in place of the file's."""
    path = "thresholds.rules"
    with open(os.path.join(pack, path)) as f:
        text = f.read()
    edited = "\n" + text  # every row of the file one line further down
    status, body, _ = call(server, {"path": path, "text": edited})
    check(status == 200, f"the edited pack's graph: 200: {status}")
    if status != 200:
        return
    _, before, _ = call(server, {})
    lines = {v["id"]: v["source"]["line"] for v in before["vertices"] if v["source"] and v["source"]["file"] == path}
    moved = {v["id"]: v["source"]["line"] for v in body["vertices"] if v["source"] and v["source"]["file"] == path}
    check(lines and all(moved[i] == line + 1 for i, line in lines.items()),
          "the unsaved text is drawn: each of its nodes one line further down")


def check_refusals(server, pack, document):
    with open(os.path.join(pack, SCENARIO)) as f:
        contact = json.load(f)["contact"]
    both = dict(contact, child=dict(contact["child"], expected_birth_date="2025-01-01"))
    status, body, _ = call(server, {"contact": both})
    _, _, decided = server.request("POST", "/v1/decisions", json.dumps(both))
    check(status == 422 and body["error"]["path"] == "/child/expected_birth_date" and body == json.loads(decided),
          f"a refused contact: 422 with its path, as POST /v1/decisions answers: {status} {body}")
    document.check(status, body, "a refused contact")
    status, body, _ = call(server, {"path": "thresholds.rules", "text": "let broken ="})
    check(status == 422 and any(d["file"] == "thresholds.rules" for d in body["diagnostics"]),
          f"a pack with errors: 422 with its diagnostics: {status} {str(body)[:300]}")
    document.check(status, body, "a pack with errors")
    for request, words, want in (({"scenario": 3}, "/scenario", 400), ({"path": "thresholds.rules"}, "/text", 400),
                                 ({"text": "x"}, "/path", 400), ({"path": 1, "text": ""}, "/path", 400),
                                 ({"scenario": "../outside.json"}, "'..'", 400),
                                 ({"scenario": "scenarios/none.json"}, "", 404)):
        status, body, _ = call(server, request)
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
            check_graph(server, args.cli, pack, document)
            check_edited(server, args.cli, pack)
            check_refusals(server, pack, document)
        check_decide_role(args.cli, pack, work,
                          lambda server, token: call(server, {"scenario": SCENARIO}, token=token)[0])
        with Server(args.cli, args.rules, extra=["--no-watch"]) as server:
            status, body, _ = call(server, {})
            check(status == 404 and "not a workspace" in body["error"]["message"], f"serve: 404: {status} {body}")
    finish()


if __name__ == "__main__":
    main()
