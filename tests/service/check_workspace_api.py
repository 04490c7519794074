"""`frontdoor serve --workspace DIR` (`frontdoor workspace DIR`) end to end, on a temporary copy of
the pack: the check route answers each diagnostic with its span and its "did you mean" fix; save
writes only a pack that checks clean (unless told "save_with_errors"), formatted, by rename; every
path outside DIR is refused (.., absolute, hidden, a symbolic link out) and nothing is written
there; the scenarios run against the edited text; the page's assets are served with their content
types and nothing else; accepting a failing scenario's result rewrites only its expectation, after
which it passes, and refuses a broken pack, a missing scenario and a path out; saving and accepting
need the admin role when tokens are used.

    check_workspace_api.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import ADMIN_TOKEN, DECIDE_TOKEN, Server, check, finish, parse_args, write_tokens  # noqa: E402

TYPO_FROM = "when any(i in contact.indicators where i in level_2_indicators)\n"
TYPO_TO = "when any(i in contact.indicators where i in level_2_indicatorz)\n"


def call(server, method, path, body=None, token=None):
    status, headers, answer = server.request(method, path, None if body is None else json.dumps(body), token=token)
    try:
        return status, headers, json.loads(answer)
    except ValueError:
        return status, headers, answer


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def check_diagnostics(server, pack):
    text = read(os.path.join(pack, "thresholds.rules"))
    check(TYPO_FROM in text, "the pack has the line the test misspells")
    edited = text.replace(TYPO_FROM, TYPO_TO)
    status, _, body = call(server, "POST", "/v1/workspace:check", {"path": "thresholds.rules", "text": edited})
    check(status == 200 and body.get("clean") is False, f"check: 200, not clean: {status} {body}")
    line_number = edited[: edited.index(TYPO_TO)].count("\n") + 1
    column = edited.split("\n")[line_number - 1].index("level_2_indicatorz") + 1
    found = [d for d in body.get("diagnostics", []) if d["file"] == "thresholds.rules"]
    check(len(found) == 1, f"check: one diagnostic in thresholds.rules: {found}")
    if found:
        d = found[0]
        check((d["line"], d["column"], d["end_line"], d["end_column"]) == (line_number, column, line_number, column + 18),
              f"check: the span is the misspelt name at {line_number}:{column}: {d}")
        check(d["severity"] == "error" and "did you mean 'level_2_indicators'" in d["message"], f"check: the message: {d}")
        check(d.get("fix") == "level_2_indicators", f"check: the fix is the name: {d}")
    status, _, body = call(server, "POST", "/v1/workspace:check", {"path": "thresholds.rules", "text": text})
    check(status == 200 and body["clean"] is True and body["diagnostics"] == [], f"check: the saved text is clean: {body}")
    status, _, body = call(server, "POST", "/v1/workspace:check", {"path": "thresholds.rules"})
    check(status == 400 and "/text" in body["error"]["message"], f"check without text: 400 naming /text: {status} {body}")
    status, _, body = call(server, "POST", "/v1/workspace:format", {"path": "pack.rules", "text": "let  x =\n"})
    check(status == 200 and body["formatted"] is False and body["diagnostics"][0]["file"] == "pack.rules",
          f"format of a syntax error: its diagnostics, nothing formatted: {status} {body}")


def check_save_only_when_clean(server, pack):
    path = os.path.join(pack, "thresholds.rules")
    text = read(path)
    edited = text.replace(TYPO_FROM, TYPO_TO)
    status, _, body = call(server, "POST", "/v1/workspace:save", {"path": "thresholds.rules", "text": edited, "format": True})
    check(status == 422 and body.get("saved") is False and "not saved" in body["error"]["message"],
          f"save with an error: 422, not saved: {status} {body}")
    check(read(path) == text, "save refused: the file on disk is unchanged")
    status, _, body = call(server, "POST", "/v1/workspace:save",
                           {"path": "thresholds.rules", "text": edited, "save_with_errors": True})
    check(status == 200 and body["saved"] is True and body["clean"] is False, f"save with errors: saved: {status} {body}")
    check(read(path) == edited, "save with errors: the file on disk is the edited text")
    untidy = text.replace("let level_2_indicators_for_level_3 = 3", "let   level_2_indicators_for_level_3   =   3")
    status, _, body = call(server, "POST", "/v1/workspace:save", {"path": "thresholds.rules", "text": untidy, "format": True})
    check(status == 200 and body["saved"] is True and body["clean"] is True, f"save clean: saved: {status} {body}")
    _, _, formatted = call(server, "POST", "/v1/workspace:format", {"path": "thresholds.rules", "text": untidy})
    check(read(path) == formatted["text"] and "let level_2_indicators_for_level_3 = 3" in read(path),
          "save with format: the file on disk is the formatted text")
    leftovers = [n for n in os.listdir(pack) if n.startswith(".")]
    check(leftovers == [], f"no temporary file is left beside it: {leftovers}")


def check_confinement(server, pack, outside):
    os.symlink(outside, os.path.join(pack, "elsewhere"))
    with open(os.path.join(outside, "secret.rules"), "w") as f:
        f.write("# not the pack's\n")
    refusals = [("../secret.rules", 400, "'..'"), ("/etc/passwd", 400, "absolute"), (".hidden.rules", 400, "hidden"),
                ("scenarios/../../x.rules", 400, "'..'"), ("elsewhere/secret.rules", 403, "outside the pack directory"),
                ("", 400, "relative to the pack directory")]
    for path, want, words in refusals:
        status, _, body = call(server, "GET", "/v1/workspace/file?path=" + urllib.parse.quote(path, safe=""))
        check(status == want and words in body["error"]["message"], f"read {path!r}: {want} naming {words!r}: {status} {body}")
        status, _, body = call(server, "POST", "/v1/workspace:save",
                               {"path": path, "text": "# x\n", "save_with_errors": True})
        check(status == want and words in body["error"]["message"], f"save {path!r}: {want} naming {words!r}: {status} {body}")
    check(read(os.path.join(outside, "secret.rules")) == "# not the pack's\n", "nothing outside was overwritten")
    check(not os.path.exists(os.path.join(os.path.dirname(pack), "secret.rules")), "nothing was written beside the pack")
    status, _, body = call(server, "GET", "/v1/workspace/files")
    paths = [f["path"] for f in body["files"]]
    check(status == 200 and "thresholds.rules" in paths and any(p.startswith("scenarios/") for p in paths),
          f"files: the rule files and scenarios: {paths[:12]}")
    check(not any(p.startswith("elsewhere") for p in paths), f"files: nothing through the link out: {paths}")
    status, _, body = call(server, "GET", "/v1/workspace/file?path=pack.rules")
    check(status == 200 and body["text"] == read(os.path.join(pack, "pack.rules")), f"read pack.rules: {status}")
    status, _, body = call(server, "GET", "/v1/workspace/file?path=nothing.rules")
    check(status == 404, f"read a missing file: 404: {status} {body}")


def check_scenarios(server, pack):
    status, _, body = call(server, "POST", "/v1/workspace:test")
    total = len(os.listdir(os.path.join(pack, "scenarios")))
    check(status == 200 and body["failed"] == 0 and body["passed"] == total, f"test: all {total} pass: {status} "
          f"{ {k: body.get(k) for k in ('passed', 'failed')} if isinstance(body, dict) else body}")
    text = read(os.path.join(pack, "thresholds.rules"))
    changed = text.replace("let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 2")
    check(changed != text, "the threshold the test changes is in the pack")
    status, _, body = call(server, "POST", "/v1/workspace:test", {"path": "thresholds.rules", "text": changed})
    failed = [s for s in body.get("scenarios", []) if not s["passed"]]
    fields = {m["field"] for s in failed for m in s["mismatches"]}
    check(status == 200 and body["failed"] > 0 and "level_of_need" in fields,
          f"test with a changed threshold: scenarios fail on level_of_need: {status} {fields} {failed[:1]}")
    check(read(os.path.join(pack, "thresholds.rules")) == text, "test: the edit is not saved")
    status, _, body = call(server, "POST", "/v1/workspace:test", {"path": "thresholds.rules", "text": "let x = \n"})
    check(status == 422 and body["diagnostics"], f"test of a broken pack: 422 with diagnostics: {status} {body}")


def changed_thresholds(pack):
    text = read(os.path.join(pack, "thresholds.rules"))
    return text.replace("let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 2")


def check_coverage(server, pack, work):
    """The test answer names every rule no scenario exercised, with its file and line: with all the
    scenarios none; with the first 30 only, the rows they miss, each at its own line."""
    status, _, body = call(server, "POST", "/v1/workspace:test")
    coverage = body.get("coverage", {}) if isinstance(body, dict) else {}
    check(status == 200 and coverage.get("uncovered") == [] and coverage["covered"] == coverage["rules"],
          f"test: every rule covered, none listed: {status} {coverage}")
    folder, held = os.path.join(pack, "scenarios"), os.path.join(work, "held")
    os.mkdir(held)
    for name in sorted(os.listdir(folder))[30:]:
        os.rename(os.path.join(folder, name), os.path.join(held, name))
    try:
        status, _, body = call(server, "POST", "/v1/workspace:test")
    finally:
        for name in os.listdir(held):
            os.rename(os.path.join(held, name), os.path.join(folder, name))
    coverage = body.get("coverage", {}) if isinstance(body, dict) else {}
    uncovered = coverage.get("uncovered") or []
    check(status == 200 and uncovered and len(uncovered) == coverage["rules"] - coverage["covered"],
          f"test with 30 scenarios: each uncovered rule listed: {status} {coverage}")
    rows = [item for item in uncovered if item["kind"] == "row"]
    check(rows, f"test with 30 scenarios: some rows uncovered: {uncovered}")
    for item in uncovered:
        path = os.path.join(pack, item["file"])
        lines = read(path).split("\n") if item["file"].endswith(".rules") and os.path.isfile(path) else []
        check(1 <= item["line"] <= len(lines) and item["column"] >= 1, f"an uncovered rule at a line of a rule file: {item}")
        if item["kind"] == "row" and lines:
            row = "row " + item["name"].rsplit("row ", 1)[-1] + ":"
            check(lines[item["line"] - 1].strip() == row, f"the uncovered row {row} is at its line: {item}")


def check_accept(server, pack):
    """Accepting a failing scenario's result rewrites only the fields it expects that differ."""
    changed = changed_thresholds(pack)
    edit = {"path": "thresholds.rules", "text": changed}
    status, _, body = call(server, "POST", "/v1/workspace:test", edit)
    failed = [s for s in body.get("scenarios", []) if not s["passed"] and s["mismatches"]]
    check(status == 200 and failed, f"accept: a scenario fails with the changed threshold: {status}")
    target = failed[0]
    name = "scenarios/" + target["file"]
    path = os.path.join(pack, name)
    before_text = read(path)
    before = json.loads(before_text)
    status, _, answer = call(server, "POST", "/v1/workspace:accept", {"scenario": name, **edit})
    check(status == 200 and answer.get("accepted") is True, f"accept {name}: 200, accepted: {status} {answer}")
    after_text = read(path)
    after = json.loads(after_text)
    fields = {m["field"]: json.loads(m["actual"]) for m in target["mismatches"]}
    check(list(after) == list(before) and all(after[k] == before[k] for k in before if k != "expect"),
          f"accept {name}: everything but the expectation kept, in order")
    check(list(after["expect"]) == list(before["expect"]), f"accept {name}: the same expected fields, in order")
    for key, value in before["expect"].items():
        want = fields.get(key, value)
        check(after["expect"][key] == want, f"accept {name}: expect.{key} is {want}: {after['expect'][key]}")
    check(answer.get("text") == after_text, f"accept {name}: the answer holds the file as written")
    check(not [f for f in os.listdir(os.path.join(pack, "scenarios")) if f.startswith(".")],
          "accept: no temporary file left beside the scenario")
    status, _, body = call(server, "POST", "/v1/workspace:test", edit)
    result = [s for s in body.get("scenarios", []) if s["file"] == target["file"]]
    check(status == 200 and result and result[0]["passed"], f"accept {name}: it then passes: {result}")
    status, _, answer = call(server, "POST", "/v1/workspace:accept", {"scenario": name, **edit})
    check(status == 200 and answer.get("accepted") is False and answer.get("passed") is True,
          f"accept a passing scenario: nothing to accept: {status} {answer}")
    check(read(path) == after_text, "accept a passing scenario: the file unchanged")
    for request, code in (({"scenario": name, "path": "thresholds.rules", "text": "let x = \n"}, 422),
                          ({"scenario": "scenarios/nothing.json"}, 404),
                          ({"scenario": "thresholds.rules"}, 404),
                          ({"scenario": "../outside/x.json"}, 400),
                          ({"scenario": "/etc/passwd"}, 400),
                          ({"scenario": "scenarios/.hidden.json"}, 400),
                          ({"scenario": name, "path": 3}, 400),
                          ({"path": "thresholds.rules", "text": changed}, 400)):
        status, _, answer = call(server, "POST", "/v1/workspace:accept", request)
        check(status == code and isinstance(answer, dict) and answer.get("error"),
              f"accept {request.get('scenario')}: {code}: {status} {answer}")
    check(read(path) == after_text, "accept refused: the file unchanged")


def check_assets(server):
    status, headers, body = server.request("GET", "/")
    check(status == 200 and headers.get("content-type", "").startswith("text/html") and b"workspace page" in body,
          f"GET /: the page as text/html: {status} {headers} {body[:80]!r}")
    for target, kind in (("/assets/app.js", "text/javascript"), ("/assets/app.css", "text/css"),
                         ("/assets/fonts/a.woff2", "font/woff2")):
        status, headers, _ = server.request("GET", target)
        check(status == 200 and headers.get("content-type", "").startswith(kind), f"GET {target}: {kind}: {status} {headers}")
    for target in ("/assets", "/assets/", "/assets/fonts", "/assets/..%2Findex.html", "/assets/.secret",
                   "/assets/../index.html", "/assets/missing.js", "/index.html/.."):
        status, _, _ = server.request("GET", target)
        check(status == 404, f"GET {target}: 404, no listing and no way out: {status}")


def check_roles(cli, pack, work):
    tokens = write_tokens(work)
    with Server(cli, pack, tokens=tokens, extra=["--workspace", pack, "--no-watch"]) as server:
        text = read(os.path.join(pack, "pack.rules"))
        body = {"path": "pack.rules", "text": text}
        status, _, _ = call(server, "POST", "/v1/workspace:save", body, token=DECIDE_TOKEN)
        check(status == 403, f"save with the decide role: 403: {status}")
        status, _, _ = call(server, "POST", "/v1/workspace:check", body, token=DECIDE_TOKEN)
        check(status == 200, f"check with the decide role: 200: {status}")
        status, _, answer = call(server, "POST", "/v1/workspace:save", body, token=ADMIN_TOKEN)
        check(status == 200 and answer["saved"], f"save with the admin role: 200: {status} {answer}")
        names = sorted(os.listdir(os.path.join(pack, "scenarios")))
        status, _, answer = call(server, "POST", "/v1/workspace:accept", {"scenario": "scenarios/" + names[0]},
                                 token=DECIDE_TOKEN)
        check(status == 403, f"accept with the decide role: 403: {status} {answer}")
        status, _, answer = call(server, "POST", "/v1/workspace:accept", {"scenario": "scenarios/" + names[0]},
                                 token=ADMIN_TOKEN)
        check(status == 200, f"accept with the admin role: 200: {status} {answer}")
        status, _, _ = call(server, "GET", "/v1/workspace/files")
        check(status == 401, f"the files without a token: 401: {status}")


def check_not_a_workspace(cli, rules, work):
    """`serve` without --workspace answers the workspace routes 404; the CLI refuses bad usage."""
    with Server(cli, rules, extra=["--no-watch"]) as server:
        status, _, body = call(server, "POST", "/v1/workspace:check", {"path": "pack.rules", "text": ""})
        check(status == 404 and "not a workspace" in body["error"]["message"], f"serve: workspace routes 404: {status} {body}")
        status, _, _ = server.request("GET", "/")
        check(status == 404, f"serve: no page: {status}")
    for args, words in ((["workspace"], "give the pack directory"),
                        (["workspace", rules, "--no-auth", "--web", work], "has no index.html")):
        done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)
        check(done.returncode == 2 and words in done.stderr, f"frontdoor {' '.join(args[:1])}: exit 2, {words!r}: "
              f"{done.returncode} {done.stderr}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as work:
        pack = os.path.join(work, "pack")
        shutil.copytree(args.rules, pack)
        outside = os.path.join(work, "outside")
        os.mkdir(outside)
        web = os.path.join(work, "web")
        os.makedirs(os.path.join(web, "assets", "fonts"))
        for name, text in (("index.html", "<!doctype html><title>workspace page</title>"), ("assets/app.js", "1;"),
                           ("assets/app.css", "p{}"), ("assets/fonts/a.woff2", "w"), (".secret", "s")):
            with open(os.path.join(web, name), "w") as f:
                f.write(text)
        with Server(args.cli, pack, extra=["--workspace", pack, "--web", web, "--no-watch"]) as server:
            check_diagnostics(server, pack)
            check_save_only_when_clean(server, pack)
            check_confinement(server, pack, outside)
            check_scenarios(server, pack)
            check_coverage(server, pack, work)
            check_accept(server, pack)
            check_assets(server)
        os.unlink(os.path.join(pack, "elsewhere"))
        shutil.copy(os.path.join(args.rules, "thresholds.rules"), os.path.join(pack, "thresholds.rules"))
        check_roles(args.cli, pack, work)
        check_not_a_workspace(args.cli, args.rules, work)
    finish()


if __name__ == "__main__":
    main()
