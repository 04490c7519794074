"""POST /v1/workspace:impact end to end (docs/workspace.md, "See the impact"), on a temporary copy
of the Hackney pack: a threshold changed in the editor (the text sent, not saved) over the sample
contacts repeated past 1,000 lines gives the report `frontdoor replay --contacts --rules --with-rules
--format json` prints for the same change saved, key for key; progress lines come before it, every
500 lines and at the end; a line the reader refuses is counted as refused; the service's decision
log (--record) is assessed too, and a workspace without one is 409; bad requests are 400 naming line 1 and the JSON
path, a pack with errors 422 with its diagnostics, another media type 415; the route and its
answers are in the OpenAPI document; it needs the decide role.

    check_workspace_impact.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import Server, check, check_decide_role, finish, parse_args, sample_contacts  # noqa: E402

ROUTE = "/v1/workspace:impact"
RULES_FILE = "thresholds.rules"
BEFORE = "let level_2_indicators_for_level_3 = 3"
AFTER = "let level_2_indicators_for_level_3 = 2"
NDJSON = "application/x-ndjson"


def edited_text(pack):
    with open(os.path.join(pack, RULES_FILE)) as f:
        text = f.read()
    assert BEFORE in text, f"{RULES_FILE} no longer holds {BEFORE!r}"
    return text.replace(BEFORE, AFTER)


def contacts_text(rules, count):
    """`count` lines of the sample contacts, each with a new contact id, then a blank line and a
    line the reader refuses (not JSON)."""
    samples = [json.loads(c) for c in sample_contacts(rules)]
    lines = []
    for i in range(count):
        contact = dict(samples[i % len(samples)])
        contact["contact_id"] = f"IMPACT-{i:05d}"
        lines.append(json.dumps(contact))
    return "\n".join(lines) + "\n\nthis is not a contact\n"


def post(server, first, contacts="", token=None, content_type=NDJSON):
    body = (first if isinstance(first, str) else json.dumps(first)) + "\n" + contacts
    status, headers, data = server.request("POST", ROUTE, body, token=token, content_type=content_type)
    text = data.decode()
    if status != 200:
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text
    return status, [json.loads(line) for line in text.splitlines() if line.strip()]


def cli_report(cli, pack, edited_pack, contacts_path):
    run = subprocess.run([cli, "replay", "--contacts", contacts_path, "--rules", pack, "--with-rules", edited_pack,
                          "--format", "json"], capture_output=True, text=True, timeout=120)
    check(run.returncode == 0, f"the CLI's impact report: {run.returncode} {run.stderr[:300]}")
    return json.loads(run.stdout)


def check_contacts(server, cli, pack, work):
    edited_pack = os.path.join(work, "edited")
    shutil.copytree(pack, edited_pack)
    text = edited_text(pack)
    with open(os.path.join(edited_pack, RULES_FILE), "w") as f:
        f.write(text)
    contacts = contacts_text(pack, 1200)
    contacts_path = os.path.join(work, "contacts.jsonl")
    with open(contacts_path, "w") as f:
        f.write(contacts)
    status, lines = post(server, {"path": RULES_FILE, "text": text}, contacts)
    check(status == 200, f"an impact over 1,200 contacts: 200: {status} {str(lines)[:300]}")
    if status != 200:
        return
    progress = [line["progress"]["lines"] for line in lines if "progress" in line]
    check(progress == [500, 1000, 1202], f"a progress line every 500 lines and at the end, before the report: {progress}")
    check("report" in lines[-1] and all("progress" in line for line in lines[:-1]), "the report is the last line")
    report = lines[-1]["report"]
    expected = cli_report(cli, pack, edited_pack, contacts_path)
    check(report == expected, "the report is what `frontdoor replay --with-rules --format json` prints for the "
          f"change saved: {json.dumps(report)[:400]} against {json.dumps(expected)[:400]}")
    check(report["changed"] > 0, f"the lower threshold changes decisions: {report['changed']}")
    changed = [t for t in report["outcome_transitions"] if t["before"] != t["after"]]
    check(changed and all(t["count"] > 0 for t in changed), f"outcome transitions that changed: {changed}")
    without_path = os.path.join(work, "without-the-bad-line.jsonl")
    with open(without_path, "w") as f:
        f.write(contacts.replace("this is not a contact\n", ""))
    without = cli_report(cli, pack, edited_pack, without_path)
    check(report["refused_before"] == without["refused_before"] + 1 and report["refused_after"] == without["refused_after"] + 1,
          f"the line that is not JSON is counted as refused on both sides: {report['refused_before']} {report['refused_after']}")
    check(report["total"] == 1201, f"1,200 contacts and the refused line: {report['total']}")
    with open(os.path.join(pack, RULES_FILE)) as f:
        check(BEFORE in f.read(), "the edit was not saved")
    status, lines = post(server, {}, contacts)
    check(status == 200 and lines[-1]["report"]["changed"] == 0,
          f"without an edit the saved pack is compared with itself: nothing changes: {status} {str(lines)[-200:]}")


def check_line_ends(server, cli, pack, work):
    """CRLF line ends, a 200 KB line across the reader's 64 KiB blocks, exactly 1,000 lines and no
    LF at the end: still the CLI's report, progress at 500 and 1000 and not twice at the end."""
    text = edited_text(pack)
    lines = contacts_text(pack, 1000).split("\n")[:1000]
    padded = json.loads(lines[3])
    padded["note"] = "x" * 200_000
    lines[3] = json.dumps(padded)
    contacts = "\r\n".join(lines)
    contacts_path = os.path.join(work, "crlf.jsonl")
    with open(contacts_path, "w", newline="") as f:
        f.write(contacts)
    status, answer = post(server, {"path": RULES_FILE, "text": text}, contacts)
    check(status == 200, f"CRLF contacts: 200: {status}")
    if status != 200:
        return
    progress = [line["progress"]["lines"] for line in answer if "progress" in line]
    check(progress == [500, 1000], f"progress at 500 and 1000 lines, the last without LF, told once: {progress}")
    expected = cli_report(cli, pack, os.path.join(work, "edited"), contacts_path)
    check(answer[-1]["report"] == expected, "CRLF, a long line and no final LF: the CLI's report: "
          f"{json.dumps(answer[-1]['report'])[:300]} against {json.dumps(expected)[:300]}")


def check_refusals(server, pack):
    text = edited_text(pack)
    status, body = server.request("POST", ROUTE, "{}\n", content_type="application/json")[0], None
    check(status == 415, f"application/json: 415: {status}")
    status, body = post(server, "", "")
    check(status == 400 and "line 1" in body["error"]["message"], f"no request line: 400 naming line 1: {status} {body}")
    status, body = post(server, "[1, 2]", "")
    check(status == 400 and "line 1" in body["error"]["message"], f"not an object: 400: {status} {body}")
    status, body = post(server, {"path": 3, "text": text})
    check(status == 400 and "line 1 /path" in body["error"]["message"], f"a path that is not a string: 400 /path: {body}")
    status, body = post(server, {"path": RULES_FILE})
    check(status == 400 and "/text" in body["error"]["message"], f"a path without text: 400 /text: {body}")
    status, body = post(server, {"log": "yes"})
    check(status == 400 and "line 1 /log" in body["error"]["message"], f"log not a boolean: 400 /log: {body}")
    status, body = post(server, {"path": RULES_FILE, "text": text.replace(AFTER, AFTER + " +")})
    check(status == 422 and body.get("diagnostics") and body["diagnostics"][0]["file"] == RULES_FILE,
          f"a pack with errors: 422 with its diagnostics: {status} {str(body)[:300]}")
    status, body = post(server, {"log": True})
    check(status == 409 and "--record" in body["error"]["message"], f"no decision log: 409: {status} {body}")


def check_log(cli, pack, work):
    log = os.path.join(work, "decisions.log")
    with Server(cli, pack, extra=["--workspace", pack, "--no-watch", "--record", log]) as server:
        decided = sum(server.request("POST", "/v1/decisions", contact)[0] == 200 for contact in sample_contacts(pack))
        status, lines = post(server, {"log": True, "path": RULES_FILE, "text": edited_text(pack)})
        check(status == 200 and "report" in lines[-1], f"the decision log: 200 with a report: {status} {str(lines)[:300]}")
        if status == 200:
            report = lines[-1]["report"]
            check(report["before_from"] == "log" and report["compared"] == decided,
                  f"every recorded decision compared: {report['before_from']} {report['compared']}")
            check(report["changed"] > 0, f"the edit changes some: {report['changed']}")
        status, body = post(server, {"log": True, "from": "yesterday"})
        check(status == 400 and "line 1" in body["error"]["message"], f"a bad time bound: 400: {status} {body}")
        status, body = post(server, {"log": True}, "{}\n")
        check(status == 400 and "line 2" in body["error"]["message"], f"contacts after log: 400 line 2: {status} {body}")


def check_document(server):
    _, _, body = server.request("GET", "/v1/openapi.json")
    operation = json.loads(body)["paths"].get(ROUTE, {}).get("post", {})
    check(operation.get("x-frontdoor-role") == "decide", f"the route is in the OpenAPI document: {operation.keys()}")
    check(NDJSON in operation.get("requestBody", {}).get("content", {}), "its body is JSON lines")
    check({"200", "400", "409", "415", "422"} <= set(operation.get("responses", {})), "its answers are described")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as work:
        pack = os.path.join(work, "pack")
        shutil.copytree(args.rules, pack)
        with Server(args.cli, pack, extra=["--workspace", pack, "--no-watch"]) as server:
            check_contacts(server, args.cli, pack, work)
            check_line_ends(server, args.cli, pack, work)
            check_refusals(server, pack)
            check_document(server)
        check_log(args.cli, pack, work)
        check_decide_role(args.cli, pack, work, lambda server, token: post(server, {}, token=token)[0])
        with Server(args.cli, args.rules, extra=["--no-watch"]) as server:
            status, body = post(server, {})
            check(status == 404 and "not a workspace" in body["error"]["message"], f"serve: 404: {status} {body}")
    finish()


if __name__ == "__main__":
    main()
