"""Publishing from the workspace to a running decision service, end to end: a real
`frontdoor serve --rules PUBDIR` (with tokens) and a real `frontdoor workspace DIR --publish-to
PUBDIR --publish-service URL --publish-token-file F` (with tokens), each on a copy of the pack.
A threshold changed and saved in DIR is refused while scenarios fail (PUBDIR unchanged byte for
byte), published once their new results are accepted, and then the service's GET /v1/pack has the
draft's digest and the service decides a contact the change affects the new way; a pack with
errors is refused (PUBDIR unchanged); publishing needs the admin role; a workspace without
--publish-to says how to enable it; the CLI refuses half a configuration; both routes are in the
OpenAPI document; files of PUBDIR that are not the pack's are never touched; without a service,
or with one that does not answer, the pack is published but not called active; an https service's
certificate is verified (trusted: active; not trusted: refused, saying TLS failed).

    check_workspace_publish.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_service_tls import TlsServer, make_certificate  # noqa: E402
from service_harness import (ADMIN_TOKEN, DECIDE_TOKEN, TEST_ROLES, Server, check, finish, parse_args,  # noqa: E402
                             write_tokens)

THRESHOLD_FROM = "let level_2_indicators_for_level_3 = 3 "
THRESHOLD_TO = "let level_2_indicators_for_level_3 = 2 "
TWO_INDICATORS = "scenarios/024-two-level-2-indicators-stay-level-2.json"
PUBLISHER_TOKEN = "publisher-token-for-tests"  # the service's token the workspace holds: decide and admin


def call(server, method, path, body=None, token=ADMIN_TOKEN):
    text = None if body is None else (body if isinstance(body, str) else json.dumps(body))
    status, headers, answer = server.request(method, path, text, token=token)
    try:
        return status, json.loads(answer)
    except ValueError:
        return status, answer


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def snapshot(directory):
    """Every file under `directory` (hidden ones too), by relative path, with its bytes."""
    files = {}
    for root, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, directory)] = f.read()
    return files


def save(workspace, path, text, **flags):
    return call(workspace, "POST", "/v1/workspace:save", {"path": path, "text": text, **flags})


def level_on_service(service, pack):
    contact = json.loads(read(os.path.join(pack, TWO_INDICATORS)))["contact"]
    status, body = call(service, "POST", "/v1/decisions", contact, token=DECIDE_TOKEN)
    check(status == 200, f"the service decides the two-indicator contact: {status} {body}")
    return body.get("level_of_need") if isinstance(body, dict) else None


def check_refusals(workspace, pack, published):
    before = snapshot(published)
    status, body = call(workspace, "POST", "/v1/workspace:publish", token=DECIDE_TOKEN)
    check(status == 403, f"publish with the decide role: 403: {status} {body}")
    status, body = call(workspace, "POST", "/v1/workspace:publish", "[1]")
    check(status == 400, f"publish with a body that is not an object: 400: {status} {body}")
    status, body = call(workspace, "POST", "/v1/workspace:publish", {"even_if_scenarios_fail": "yes"})
    check(status == 400 and "/even_if_scenarios_fail" in body["error"]["message"],
          f"publish with a flag that is not a boolean: 400 naming it: {status} {body}")

    thresholds = read(os.path.join(pack, "thresholds.rules"))
    broken = thresholds.replace(THRESHOLD_FROM, "let level_2_indicators_for_level_3 = three ")
    status, body = save(workspace, "thresholds.rules", broken, save_with_errors=True)
    check(status == 200 and body.get("saved") is True, f"saved with errors: {status} {body}")
    status, body = call(workspace, "POST", "/v1/workspace:publish", {"even_if_scenarios_fail": True})
    check(status == 422 and body.get("published") is False and "has errors" in body["error"]["message"]
          and any(d["file"] == "thresholds.rules" for d in body.get("diagnostics", [])),
          f"a pack with errors: 422 with its diagnostics, even when forced: {status} {body}")
    check(snapshot(published) == before, "a pack with errors: PUBDIR unchanged, byte for byte")

    status, body = save(workspace, "thresholds.rules", thresholds.replace(THRESHOLD_FROM, THRESHOLD_TO))
    check(status == 200 and body.get("saved") is True, f"the threshold changed and saved: {status} {body}")
    status, body = call(workspace, "POST", "/v1/workspace:publish")
    failing = [f["file"] for f in body.get("failing", [])] if isinstance(body, dict) else []
    check(status == 422 and body.get("published") is False and "scenarios fail" in body["error"]["message"]
          and os.path.basename(TWO_INDICATORS) in failing,
          f"failing scenarios: 422 naming them: {status} {body}")
    check(snapshot(published) == before, "failing scenarios: PUBDIR unchanged, byte for byte")
    return failing


def check_publish(service, workspace, pack, published, failing):
    check(level_on_service(service, pack) == 2, "before publishing, the service decides two indicators as level 2")
    for name in failing:
        status, body = call(workspace, "POST", "/v1/workspace:accept", {"scenario": "scenarios/" + name})
        check(status == 200 and body.get("accepted") is True, f"accept {name}: {status} {body}")
    status, state = call(workspace, "GET", "/v1/workspace/publish", token=DECIDE_TOKEN)
    check(status == 200 and state.get("enabled") is True and state.get("differs") is True
          and state["changes"] == {"added": [], "changed": ["thresholds.rules"], "removed": []},
          f"the publish state: the draft differs in thresholds.rules: {status} {state}")
    draft = state.get("draft") or {}
    check((state.get("active") or {}).get("digest") not in (None, draft.get("digest")),
          f"the service has the old pack active: {state}")

    status, body = call(workspace, "POST", "/v1/workspace:publish")
    check(status == 200 and body.get("published") is True and body.get("active") is True,
          f"publish: 200, active: {status} {body}")
    check(body.get("digest") == draft.get("digest"), f"publish: the draft's digest: {body} {draft}")
    status, active = call(service, "GET", "/v1/pack", token=DECIDE_TOKEN)
    check(status == 200 and active["digest"] == draft.get("digest"),
          f"the service's GET /v1/pack has the draft's digest: {active.get('digest')} {draft.get('digest')}")
    check(body.get("active_since") == active.get("active_since"), "publish: active_since is the service's")
    check(level_on_service(service, pack) == 3, "after publishing, the service decides two indicators as level 3")
    check(read(os.path.join(published, "thresholds.rules")) == read(os.path.join(pack, "thresholds.rules")),
          "PUBDIR has the published thresholds.rules")
    check(os.path.exists(os.path.join(published, "scenarios", os.path.basename(TWO_INDICATORS)))
          and read(os.path.join(published, "NOTES.txt")) == "not a pack file\n",
          "files of PUBDIR that are not the pack's are left alone")
    check(not os.path.exists(os.path.join(published, ".frontdoor-publishing")), "the publishing marker is gone")
    status, state = call(workspace, "GET", "/v1/workspace/publish", token=DECIDE_TOKEN)
    check(state.get("differs") is False and state["changes"] == {"added": [], "changed": [], "removed": []},
          f"after publishing, nothing differs: {state}")

    # A pack file the draft no longer has is removed from PUBDIR: output.rules joins pack.rules.
    output = read(os.path.join(pack, "output.rules"))
    os.remove(os.path.join(pack, "output.rules"))
    status, body = save(workspace, "pack.rules", read(os.path.join(pack, "pack.rules")) + "\n" + output)
    check(status == 200 and body.get("saved") is True, f"output.rules moved into pack.rules: {status} {body}")
    status, body = call(workspace, "POST", "/v1/workspace:publish")
    check(status == 200 and body.get("active") is True
          and body["changes"] == {"added": [], "changed": ["pack.rules"], "removed": ["output.rules"]},
          f"publish removes output.rules and changes pack.rules: {status} {body}")
    check(not os.path.exists(os.path.join(published, "output.rules")), "output.rules is gone from PUBDIR")

    # Forced past failing scenarios: published, and said so.
    text = read(os.path.join(pack, "thresholds.rules")).replace(THRESHOLD_TO, "let level_2_indicators_for_level_3 = 4 ")
    save(workspace, "thresholds.rules", text)
    status, body = call(workspace, "POST", "/v1/workspace:publish", {"even_if_scenarios_fail": True})
    check(status == 200 and body.get("active") is True and body.get("failing"),
          f"forced past failing scenarios: 200, active, naming them: {status} {body}")


def check_marker_holds_reload(service, published):
    """While a publish's marker is in PUBDIR the service's reload waits: a changed file is not
    activated (by the watch or by POST /v1/pack:reload) until the marker is gone."""
    status, before = call(service, "GET", "/v1/pack", token=DECIDE_TOKEN)
    marker = os.path.join(published, ".frontdoor-publishing")
    with open(marker, "w") as f:
        f.write("test\n")
    path = os.path.join(published, "thresholds.rules")
    text = read(path)
    with open(path, "w") as f:
        f.write(text.replace("let level_2_indicators_for_level_3 = 4 ", "let level_2_indicators_for_level_3 = 5 "))
    time.sleep(1.5)
    status, during = call(service, "GET", "/v1/pack", token=DECIDE_TOKEN)
    check(during["digest"] == before["digest"], "while the marker is there, the changed pack is not activated")
    os.remove(marker)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        status, after = call(service, "GET", "/v1/pack", token=DECIDE_TOKEN)
        if after["digest"] != before["digest"]:
            break
        time.sleep(0.1)
    check(after["digest"] != before["digest"], "once the marker is gone, the watch activates the changed pack")


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_without_service(cli, rules, work):
    """Without --publish-service the pack is published and not called active; with a service that
    does not answer, it is published and the answer says why it is not known to be active."""
    for name, extra, words in (("alone", [], "no --publish-service"),
                               ("down", ["--publish-service", f"http://127.0.0.1:{closed_port()}"], "cannot connect")):
        pack, target = os.path.join(work, name + "-pack"), os.path.join(work, name + "-published")
        shutil.copytree(rules, pack)
        shutil.copytree(rules, target)
        text = read(os.path.join(pack, "thresholds.rules")).replace("# How many", "# Published alone: how many")
        with Server(cli, pack, extra=["--workspace", pack, "--no-watch", "--publish-to", target, *extra]) as workspace:
            check(save(workspace, "thresholds.rules", text)[0] == 200, f"{name}: a comment changed and saved")
            status, body = call(workspace, "POST", "/v1/workspace:publish", token=None)
            check(status == 200 and body.get("published") is True and body.get("active") is False
                  and words in body.get("why", ""), f"{name}: published, not active, saying why: {status} {body}")
            check(read(os.path.join(target, "thresholds.rules")) == text, f"{name}: PUBDIR has the published file")


def check_https_service(cli, rules, work, tokens, token_file):
    """--publish-service https://: the service's certificate is verified (trusted here through
    SSL_CERT_FILE, OpenSSL's own variable); a certificate the workspace does not trust is refused,
    and the publish says so instead of calling the pack active."""
    cert, key = make_certificate(work, "service")
    target = os.path.join(work, "tls-published")
    shutil.copytree(rules, target)
    with TlsServer(cli, target, tokens, cert, key) as service:
        for name, environment, active, words in (("trusted", {"SSL_CERT_FILE": cert}, True, ""),
                                                 ("untrusted", {"SSL_CERT_FILE": os.devnull}, False, "TLS")):
            pack = os.path.join(work, name + "-tls-pack")
            shutil.copytree(rules, pack)
            text = read(os.path.join(pack, "thresholds.rules")).replace("# How many", f"# {name}: how many")
            extra = ["--workspace", pack, "--no-watch", "--publish-to", target, "--publish-service",
                     f"https://localhost:{service.port}", "--publish-token-file", token_file]
            with Server(cli, pack, extra=extra, environment=environment) as workspace:
                save(workspace, "thresholds.rules", text)
                status, body = call(workspace, "POST", "/v1/workspace:publish", token=None)
                check(status == 200 and body.get("active") is active and words in body.get("why", ""),
                      f"https, {name} certificate: active {active}: {status} {body}")


def check_not_configured(cli, rules, work, tokens):
    pack = os.path.join(work, "plain")
    shutil.copytree(rules, pack)
    with Server(cli, pack, tokens=tokens, extra=["--workspace", pack, "--no-watch"]) as workspace:
        status, body = call(workspace, "GET", "/v1/workspace/publish", token=DECIDE_TOKEN)
        check(status == 200 and body.get("enabled") is False and "--publish-to" in body.get("why", ""),
              f"not configured: enabled false, saying how: {status} {body}")
        status, body = call(workspace, "POST", "/v1/workspace:publish")
        check(status == 409 and "--publish-to" in body["error"]["message"], f"not configured: 409: {status} {body}")
        status, document = call(workspace, "GET", "/v1/openapi.json", token=DECIDE_TOKEN)
        paths = document.get("paths", {}) if isinstance(document, dict) else {}
        check(paths.get("/v1/workspace/publish", {}).get("get", {}).get("x-frontdoor-role") == "decide"
              and paths.get("/v1/workspace:publish", {}).get("post", {}).get("x-frontdoor-role") == "admin",
              "both publish routes are in the OpenAPI document with their roles")
    for extra, words in ((["--publish-service", "http://127.0.0.1:9"], "need --publish-to"),
                         (["--publish-to", work, "--publish-service", "http://example.org"], "loopback"),
                         (["--publish-to", pack], "own directory"),
                         (["--publish-to", os.path.join(work, "missing")], "not a directory")):
        done = subprocess.run([cli, "workspace", pack, "--no-auth", "--listen", "127.0.0.1:0", *extra],
                              capture_output=True, text=True, timeout=60)
        check(done.returncode == 2 and words in done.stderr,
              f"workspace {' '.join(extra)}: exit 2, {words!r}: {done.returncode} {done.stderr}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as work:
        tokens = write_tokens(work, {**TEST_ROLES, PUBLISHER_TOKEN: "decide,admin"})
        token_file = os.path.join(work, "publisher.token")
        with open(token_file, "w") as f:
            f.write(PUBLISHER_TOKEN + "\n")
        published = os.path.join(work, "published")
        shutil.copytree(args.rules, published)
        with open(os.path.join(published, "NOTES.txt"), "w") as f:
            f.write("not a pack file\n")
        pack = os.path.join(work, "pack")
        shutil.copytree(args.rules, pack)
        with Server(args.cli, published, tokens=tokens) as service:
            url = f"http://127.0.0.1:{service.port}"
            extra = ["--workspace", pack, "--no-watch", "--publish-to", published, "--publish-service", url,
                     "--publish-token-file", token_file]
            with Server(args.cli, pack, tokens=tokens, extra=extra) as workspace:
                failing = check_refusals(workspace, pack, published)
                check_publish(service, workspace, pack, published, failing)
                check_marker_holds_reload(service, published)
                check(PUBLISHER_TOKEN not in workspace.stderr() + service.stderr(), "no token in the logs")
        check_not_configured(args.cli, args.rules, work, tokens)
        check_without_service(args.cli, args.rules, work)
        check_https_service(args.cli, args.rules, work, tokens, token_file)
    finish()


if __name__ == "__main__":
    main()
