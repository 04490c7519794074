"""GET /v1/openapi.json end to end: the document is valid OpenAPI 3.1, by two checkers (a published
validator, @seriousme/openapi-schema-validator run by web/tests/validate-openapi.js, and
openapi_rules.py, which also catches what that one lets through: undeclared path parameters and
Schema Objects that are not JSON Schema), every route the server has (`frontdoor serve --routes`)
is described in it with exactly the query parameters the route takes, every operation in it is
answered by the server (never "no such route" or 405), its contact schema is the pack's own
(GET /v1/schema), and real answers match the schemas it gives for them.

    check_service_openapi.py --cli build/frontdoor --rules rules/hackney
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (Server, check, finish, parse_args, sample_contacts, server_routes,  # noqa: E402
                             write_tokens)
from openapi_rules import openapi_errors  # noqa: E402

from jsonschema import Draft202012Validator, RefResolver  # noqa: E402

ALL_ROLES_TOKEN = "every-role-token-for-tests"


def check_query_parameters(routes, document):
    """Each operation lists exactly the query parameters its route takes (the table the server checks
    a query against), and says what a refused query answers (400, an Error)."""
    for (method, pattern), parameters in routes.items():
        operation = document["paths"].get(pattern, {}).get(method.lower(), {})
        listed = tuple(p["name"] for p in operation.get("parameters", []) if p["in"] == "query")
        check(listed == parameters, f"{method} {pattern} lists the query parameters {parameters}: {listed}")
        check("400" in operation.get("responses", {}), f"{method} {pattern} says what a refused query answers")


def check_validator_can_fail(document):
    """The checker finds what is wrong with a broken copy: a proof it can fail."""
    broken = copy.deepcopy(document)
    broken["paths"]["/v1/decisions"]["post"]["responses"]["200"].pop("description")
    broken["paths"]["/v1/things/{thing}"] = {"get": {"responses": {"200": {"description": "x"}}}}
    broken["components"]["schemas"]["Decision"]["properties"]["ruleset"] = {"$ref": "#/components/schemas/Nowhere"}
    broken["components"]["schemas"]["Error"]["type"] = 12
    errors = "\n".join(openapi_errors(broken))
    for words in ("missing required field 'description'", "['thing'] have no path parameter", "does not resolve",
                  "components/schemas/Error: not a JSON Schema 2020-12"):
        check(words in errors, f"the checker reports {words!r}: {errors}")


WEB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "web")


def published_validator(document):
    """What @seriousme/openapi-schema-validator (pinned in web/package-lock.json) says of `document`:
    {"valid": true, ...} or {"valid": false, "errors": [...]}; None when node or the package is
    missing (a failure under CI=true)."""
    script = os.path.join(WEB, "tests", "validate-openapi.js")
    module = os.path.join(WEB, "node_modules", "@seriousme", "openapi-schema-validator")
    if not shutil.which("node") or not os.path.isdir(module):
        check(os.environ.get("CI") != "true", "node and web/node_modules are there under CI (scripts/setup.sh)")
        print("NOTE: node or web/node_modules missing: the published OpenAPI validator was not run", flush=True)
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(document, f)
        f.flush()
        done = subprocess.run(["node", script, f.name], capture_output=True, text=True, timeout=60)
    check(done.returncode in (0, 1), f"validate-openapi.js ran: {done.returncode} {done.stderr}")
    return json.loads(done.stdout) if done.returncode in (0, 1) else None


def check_published_validator(document):
    """The document passes the published validator, and a broken copy does not: a proof it can fail."""
    verdict = published_validator(document)
    if verdict is None:
        return
    check(verdict["valid"], f"the published validator finds the document valid: {verdict}")
    broken = copy.deepcopy(document)
    broken["paths"]["/v1/decisions"]["post"]["responses"]["200"].pop("description")
    check(not published_validator(broken)["valid"], "the published validator refuses a response without description")
    broken = copy.deepcopy(document)
    broken["components"]["schemas"]["Decision"]["properties"]["ruleset"] = {"$ref": "#/components/schemas/Nowhere"}
    verdict = published_validator(broken)
    check(not verdict["valid"] and "Nowhere" in json.dumps(verdict),
          f"the published validator refuses a $ref that does not resolve: {verdict}")


def check_every_operation_answered(server, document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            check(not operation.get("x-frontdoor-undocumented"), f"{method} {path} is described")
            target = path.replace("{id}", "no-such-record")
            body = "{}" if method == "post" else None
            status, _, answer = server.request(method.upper(), target, body, token=ALL_ROLES_TOKEN)
            unrouted = status == 405 or (status == 404 and b"no such route" in answer)
            check(not unrouted, f"{method.upper()} {path} is answered by the server: {status} {answer[:120]!r}")
            check(str(status) in operation["responses"] or "default" in operation["responses"],
                  f"{method.upper()} {path}: the status {status} it answered is in the document")


def validator(document, schema_name):
    resolver = RefResolver.from_schema(document)
    return Draft202012Validator({"$ref": "#/components/schemas/" + schema_name}, resolver=resolver)


def check_answers_match(server, document, rules):
    decided = refused = 0
    for contact in sample_contacts(rules):
        status, _, body = server.request("POST", "/v1/decisions", contact, token=ALL_ROLES_TOKEN)
        name = {200: "Decision", 422: "Refusal", 400: "Error"}.get(status)
        errors = [e.message for e in validator(document, name).iter_errors(json.loads(body))] if name else ["status"]
        check(not errors, f"a {status} answer matches its schema {name}: {errors[:3]}")
        decided += status == 200
        refused += status == 422
    check(decided > 0 and refused > 0, "decisions and refusals were both checked")
    status, _, body = server.request("GET", "/v1/pack", token=ALL_ROLES_TOKEN)
    check(not list(validator(document, "Pack").iter_errors(json.loads(body))), "GET /v1/pack matches Pack")
    status, _, body = server.request("GET", "/v1/pack")
    check(status == 401 and not list(validator(document, "Error").iter_errors(json.loads(body))), "a 401 is an Error")


def answer_errors(document, method, pattern, status, body):
    """What is wrong with `body` against the schema the document gives for `status` of the operation."""
    responses = document["paths"][pattern][method]["responses"]
    response = responses.get(str(status))
    if response is None:
        return [f"status {status} is not in the document"]
    if "$ref" in response:
        response = document["components"]["responses"][response["$ref"].split("/")[-1]]
    schema = response["content"]["application/json"]["schema"]
    resolver = RefResolver.from_schema(document)
    return [e.message for e in Draft202012Validator(schema, resolver=resolver).iter_errors(json.loads(body))]


def check_recording_answers(cli, rules, tokens, directory, document):
    """With --record and --shadow: the audit, reload and shadow routes answer what the document says."""
    log = os.path.join(directory, "decisions.db")
    extra = ["--record", log, "--shadow", rules]
    with Server(cli, rules, tokens=tokens, extra=extra) as server:
        contacts = sample_contacts(rules)
        ids = []
        for contact in contacts:
            status, headers, body = server.request("POST", "/v1/decisions", contact, token=ALL_ROLES_TOKEN)
            if status == 200:
                ids.append(json.loads(body).get("contact_id"))
        check(ids, "some contacts were decided and recorded")
        asked = [("get", "/v1/decisions/{id}", "/v1/decisions/1", None, 200),
                 ("get", "/v1/decisions/{id}", "/v1/decisions/999999", None, 404),
                 ("get", "/v1/decisions/{id}", "/v1/decisions/x", None, 400),
                 ("get", "/v1/decisions", "/v1/decisions?contact_id=" + str(ids[0]), None, 200),
                 ("get", "/v1/decisions", "/v1/decisions", None, 400),
                 ("post", "/v1/pack:reload", "/v1/pack:reload", "", 200),
                 ("get", "/v1/shadow", "/v1/shadow", None, 200)]
        for method, pattern, target, body, want in asked:
            status, _, answer = server.request(method.upper(), target, body, token=ALL_ROLES_TOKEN)
            check(status == want, f"{method.upper()} {target}: {want}, got {status} {answer[:200]!r}")
            errors = answer_errors(document, method, pattern, status, answer)
            check(not errors, f"{method.upper()} {target} ({status}) matches the document: {errors[:3]}")


def main():
    args = parse_args()
    routes = server_routes(args.cli)
    with tempfile.TemporaryDirectory() as directory:
        tokens = write_tokens(directory, {ALL_ROLES_TOKEN: "decide,audit,admin,metrics", "m": "metrics"})
        with Server(args.cli, args.rules, tokens=tokens) as server:
            check(server.request("GET", "/v1/openapi.json")[0] == 401, "the document needs a token")
            check(server.request("GET", "/v1/openapi.json", token="m")[0] == 200, "any role may read it")
            status, headers, body = server.request("GET", "/v1/openapi.json", token=ALL_ROLES_TOKEN)
            check(status == 200 and headers.get("content-type") == "application/json", f"GET: {status} {headers}")
            document = json.loads(body)
            errors = openapi_errors(document)
            check(not errors, "the document is valid OpenAPI 3.1:\n  " + "\n  ".join(errors))
            check_validator_can_fail(document)
            check_published_validator(document)
            described = {(m.upper(), p) for p, item in document["paths"].items() for m in item}
            check(routes.keys() <= described, f"every route is in the document; missing: {routes.keys() - described}")
            check(described <= routes.keys(), f"every operation is a route; not routes: {described - routes.keys()}")
            check_query_parameters(routes, document)
            _, _, schema = server.request("GET", "/v1/schema", token=ALL_ROLES_TOKEN)
            check(document["components"]["schemas"]["Contact"] == json.loads(schema),
                  "components/schemas/Contact is the pack's own input schema (GET /v1/schema)")
            check_every_operation_answered(server, document)
            check_answers_match(server, document, args.rules)
        check_recording_answers(args.cli, args.rules, tokens, directory, document)
    finish()


if __name__ == "__main__":
    main()
