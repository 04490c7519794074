"""GET /metrics end to end: the real server, real requests, then a scrape read by two parsers (the
Prometheus client's own, from Debian's python3-prometheus-client, and a strict one of the text
format here), whose counts must be exactly those of the requests sent. Also: who may scrape, and
that nothing in the metrics, nor in the server's log at its most verbose level (trace), says what a
contact says.

    check_service_metrics.py --cli build/frontdoor --rules rules/hackney
"""
import json
import math
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (ADMIN_TOKEN, DECIDE_TOKEN, Server, check, finish, parse_args,  # noqa: E402
                             sample_contacts, write_tokens)

from prometheus_client.parser import text_string_to_metric_families  # noqa: E402

METRICS_TOKEN = "metrics-token-for-tests"

FAMILIES = {
    "frontdoor_pack_info": "gauge",
    "frontdoor_open_connections": "gauge",
    "frontdoor_http_requests_total": "counter",
    "frontdoor_decision_duration_seconds": "histogram",
    "frontdoor_decisions_total": "counter",
    "frontdoor_refusals_total": "counter",
    "frontdoor_log_commit_duration_seconds": "histogram",
    "frontdoor_log_queue_depth": "gauge",
    "frontdoor_log_pushbacks_total": "counter",
    "frontdoor_reloads_total": "counter",
    "frontdoor_shadow_transitions_total": "counter",
    "frontdoor_shadow_recorded_total": "counter",
    "frontdoor_shadow_record_failures_total": "counter",
}

NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
LABEL = r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"'
SAMPLE = re.compile(rf"^({NAME})(?:\{{({LABEL}(?:,{LABEL})*)?\}})? (\S+)$")


def strict_parse(text):
    """Parses the text format strictly: every family HELP then TYPE, then its samples, each sample
    of a declared family (with _bucket/_sum/_count for histograms), each number a float, the text
    ending in a newline. Returns {family: {"type": t, "samples": [(name, {labels}, value)]}}."""
    families, current = {}, None
    if not text.endswith("\n"):
        check(False, "the exposition ends with a newline")
    lines = text.split("\n")[:-1]
    for number, line in enumerate(lines, 1):
        where = f"metrics line {number}: {line!r}"
        if line.startswith("# HELP "):
            name = line.split(" ")[2]
            check(re.fullmatch(NAME, name) and name not in families, f"{where}: a new, valid family name")
            families[name] = {"type": None, "samples": []}
            current = name
        elif line.startswith("# TYPE "):
            parts = line.split(" ")
            check(len(parts) == 4 and parts[2] == current and parts[3] in ("counter", "gauge", "histogram"),
                  f"{where}: TYPE right after its HELP")
            families[current]["type"] = parts[3]
        else:
            match = SAMPLE.match(line)
            if not check(match is not None, f"{where}: a sample line"):
                continue
            name, value = match.group(1), match.groups()[-1]
            labels = dict(re.findall(LABEL, match.group(2) or ""))
            kind = families.get(current, {}).get("type")
            allowed = {current} if kind != "histogram" else {current + s for s in ("_bucket", "_sum", "_count")}
            check(name in allowed, f"{where}: a sample of family {current}")
            try:
                parsed = float(value)
            except ValueError:
                check(False, f"{where}: the value is a number")
                continue
            families[current]["samples"].append((name, labels, parsed))
    return families


def check_histogram(families, name):
    samples = families[name]["samples"]
    buckets = [(s[1]["le"], s[2]) for s in samples if s[0] == name + "_bucket"]
    bounds = [math.inf if le == "+Inf" else float(le) for le, _ in buckets]
    counts = [value for _, value in buckets]
    check(bounds == sorted(bounds) and bounds[-1] == math.inf, f"{name}: bucket bounds ascend to +Inf")
    check(counts == sorted(counts), f"{name}: buckets are cumulative")
    total = [s[2] for s in samples if s[0] == name + "_count"]
    check(total == [counts[-1]], f"{name}: _count equals the +Inf bucket")
    return counts[-1]


def value_of(families, family, **labels):
    for sample_name, sample_labels, value in families[family]["samples"]:
        if sample_name == family and sample_labels == labels:
            return value
    return None


def scrape(server, token=METRICS_TOKEN):
    status, headers, body = server.request("GET", "/metrics", token=token)
    check(status == 200, f"GET /metrics with the metrics role: 200, got {status}")
    check(headers.get("content-type", "").startswith("text/plain; version=0.0.4"), f"content type: {headers}")
    text = body.decode()
    families = strict_parse(text)
    client = {f.name: f.type for f in text_string_to_metric_families(text)}
    # The Prometheus client names counters without their _total suffix.
    expected = {name[:-6] if kind == "counter" else name: kind for name, kind in FAMILIES.items()}
    check(client == expected, f"the Prometheus client's parser reads every family: {client}")
    check({n: f["type"] for n, f in families.items()} == FAMILIES, f"the strict parser reads every family")
    return text, families


def check_roles(server):
    check(server.request("GET", "/metrics")[0] == 401, "GET /metrics without a token: 401")
    check(server.request("GET", "/metrics", token=DECIDE_TOKEN)[0] == 403, "GET /metrics with decide: 403")
    check(server.request("GET", "/metrics", token=ADMIN_TOKEN)[0] == 200, "GET /metrics with admin: 200")


def check_at_start(server):
    text, families = scrape(server)
    _, _, body = server.request("GET", "/v1/pack", token=DECIDE_TOKEN)
    pack = json.loads(body)
    check(value_of(families, "frontdoor_pack_info", name=pack["name"], version=pack["version"],
                   digest=pack["digest"]) == 1, "frontdoor_pack_info names the active pack")
    for result in ("ok", "failed"):
        check(value_of(families, "frontdoor_reloads_total", result=result) == 0, f"reloads {result} at 0")
    for name in ("frontdoor_refusals_total", "frontdoor_log_queue_depth", "frontdoor_log_pushbacks_total"):
        check(value_of(families, name) == 0, f"{name} at 0 before any traffic")
    check(check_histogram(families, "frontdoor_log_commit_duration_seconds") == 0, "no log commit yet")
    check(check_histogram(families, "frontdoor_decision_duration_seconds") == 0, "no decision yet")


def send_traffic(server, contacts):
    """Decides every contact, one refused contact and one body that is not JSON, asks for a path
    that does not exist and sends a head too large; returns the outcome codes counted."""
    outcomes = {}
    connection = server.connection()
    for text in contacts:
        status, _, body = server.request("POST", "/v1/decisions", text, token=DECIDE_TOKEN, connection=connection)
        if status == 200:
            code = json.loads(body).get("outcome", {}).get("code", "none")
            outcomes[code] = outcomes.get(code, 0) + 1
    connection.close()
    refused = server.request("POST", "/v1/decisions", '{"contact_id": "REFUSED-1"}', token=DECIDE_TOKEN)[0]
    check(refused == 422, f"a contact with missing fields is refused: {refused}")
    check(server.request("POST", "/v1/decisions", "{not json", token=DECIDE_TOKEN)[0] == 400, "not JSON: 400")
    check(server.request("GET", "/nowhere", token=DECIDE_TOKEN)[0] == 404, "unknown path: 404")
    huge = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (64 << 10) + b"\r\n\r\n"
    check(server.raw(huge).startswith(b"HTTP/1.1 431"), "a head too large: 431")
    return outcomes


def check_after_traffic(server, contacts, outcomes, sample_statuses):
    text, families = scrape(server)
    for code, count in outcomes.items():
        check(value_of(families, "frontdoor_decisions_total", outcome=code) == count,
              f"decisions_total{{outcome={code}}} == {count}")
    counted = sum(s[2] for s in families["frontdoor_decisions_total"]["samples"])
    check(counted == sum(outcomes.values()), f"decisions counted {counted}, decided {sum(outcomes.values())}")
    # The refused samples (422, or 400 when not JSON), the missing-fields contact and the body that is not JSON.
    refused = sample_statuses.count(422) + sample_statuses.count(400) + 2
    check(value_of(families, "frontdoor_refusals_total") == refused, f"refusals_total counts {refused} refusals")
    decided = check_histogram(families, "frontdoor_decision_duration_seconds")
    check(decided == len(contacts) + 2, f"one latency sample a decide call: {decided}")
    requests = lambda route, status: value_of(families, "frontdoor_http_requests_total", route=route, status=status)
    check(requests("/v1/decisions", "200") == sum(outcomes.values()), "requests_total counts the 200s")
    check(requests("/v1/decisions", "400") == sample_statuses.count(400) + 1, "requests_total counts the 400s")
    check(requests("/v1/decisions", "422") == sample_statuses.count(422) + 1, "requests_total counts the 422s")
    check(requests("unrouted", "404") == 1, "requests_total counts the 404 as unrouted")
    check(requests("unrouted", "431") == 1, "requests_total counts the 431 refused before routing")
    check(requests("/metrics", "200") == 1, "the admin's scrape is counted (this one is counted after it is written)")
    check(requests("/metrics", "403") == 1 and requests("/metrics", "401") == 1, "refused scrapes are counted")
    for text_contact in contacts + ['{"contact_id": "REFUSED-1"}']:
        contact_id = json.loads(text_contact).get("contact_id")
        check(contact_id not in text, f"no contact id in the metrics ({contact_id})")


PERSONAL_KEYS = {"child_id", "birth_date", "expected_birth_date", "organisation", "unit", "since", "opened",
                 "closed", "received_at", "requested_at"}


def personal_values(value, key=None):
    """The values of a contact that say something about a child or a family: identifiers, dates,
    organisations and units (ids of contacts are allowed in logs; these are not)."""
    if isinstance(value, dict):
        return [v for k, item in value.items() for v in personal_values(item, k)]
    if isinstance(value, list):
        return [v for item in value for v in personal_values(item, key)]
    return [value] if key in PERSONAL_KEYS and isinstance(value, str) and len(value) >= 4 else []


def check_log_privacy(server_log, contacts):
    values = {v for text in contacts for v in personal_values(json.loads(text))}
    check(len(values) > 10, f"the samples hold personal values to look for: {len(values)}")
    check("request " in server_log, "the trace-level log has its per-request lines")
    leaked = sorted(v for v in values if v in server_log)
    check(not leaked, f"nothing a contact says is in the server's log at trace level: {leaked[:5]}")


def check_kept_counts(cli, rules, tokens, directory, contacts):
    """With --record and --shadow: the log's commits, reloads and shadow transitions are counted."""
    extra = ["--record", os.path.join(directory, "decisions.db"), "--shadow", rules, "--log-level", "trace"]
    with Server(cli, rules, tokens=tokens, extra=extra) as server:
        decided = sum(server.request("POST", "/v1/decisions", c, token=DECIDE_TOKEN)[0] == 200 for c in contacts)
        reload_status = server.request("POST", "/v1/pack:reload", "", token=ADMIN_TOKEN)[0]
        check(reload_status == 200, f"a reload of the unchanged pack: 200, got {reload_status}")
        _, families = scrape(server)
        commits = check_histogram(families, "frontdoor_log_commit_duration_seconds")
        check(0 < commits <= decided, f"log commits timed: {commits} for {decided} recorded decisions")
        check(value_of(families, "frontdoor_log_queue_depth") == 0, "nothing waits for the log after the answers")
        check(value_of(families, "frontdoor_log_pushbacks_total") == 0, "no pushback under light load")
        check(value_of(families, "frontdoor_reloads_total", result="ok") == 1, "the reload is counted as ok")
        check(value_of(families, "frontdoor_reloads_total", result="failed") == 0, "no failed reload")
        # A batch's lines are counted as decisions and refusals too.
        decisions_before = sum(s[2] for s in families["frontdoor_decisions_total"]["samples"])
        refusals_before = value_of(families, "frontdoor_refusals_total")
        batch = "\n".join(contacts) + "\n"
        status, _, answer = server.request("POST", "/v1/decisions:batch", batch, token=DECIDE_TOKEN,
                                           content_type="application/x-ndjson")
        lines = answer.decode().splitlines()
        refused_lines = sum(line.startswith('{"line":') for line in lines)
        check(status == 200 and len(lines) == len(contacts), f"the batch is answered: {status}, {len(lines)} lines")
        _, families = scrape(server)
        decisions_after = sum(s[2] for s in families["frontdoor_decisions_total"]["samples"])
        check(decisions_after - decisions_before == len(lines) - refused_lines,
              f"the batch's decisions are counted: {decisions_after - decisions_before} of {len(lines) - refused_lines}")
        check(value_of(families, "frontdoor_refusals_total") - refusals_before == refused_lines,
              f"the batch's refused lines are counted ({refused_lines})")
        # The candidate is the same pack: no decision differs, so no transition is counted.
        check(not families["frontdoor_shadow_transitions_total"]["samples"], "no transition for an identical candidate")
        check(server.terminate() == 0, "graceful stop: exit 0")
        check_log_privacy(server.stderr(), contacts)


def main():
    args = parse_args()
    contacts = sample_contacts(args.rules)
    with tempfile.TemporaryDirectory() as directory:
        tokens = write_tokens(directory, {DECIDE_TOKEN: "decide", METRICS_TOKEN: "metrics", ADMIN_TOKEN: "admin"})
        with Server(args.cli, args.rules, tokens=tokens, extra=["--log-level", "trace"]) as server:
            check_roles(server)
            with Server(args.cli, args.rules, tokens=tokens) as fresh:
                check_at_start(fresh)
                statuses = [fresh.request("POST", "/v1/decisions", c, token=DECIDE_TOKEN)[0] for c in contacts]
            check(statuses.count(422) > 0 and statuses.count(200) > 0, "the samples hold decisions and refusals")
            outcomes = send_traffic(server, contacts)
            check(len(outcomes) > 1, f"the samples reach several outcomes: {outcomes}")
            check_after_traffic(server, contacts, outcomes, statuses)
            check(server.terminate() == 0, "graceful stop: exit 0")
            check_log_privacy(server.stderr(), contacts)
        check_kept_counts(args.cli, args.rules, tokens, directory, contacts)
    finish()


if __name__ == "__main__":
    main()
