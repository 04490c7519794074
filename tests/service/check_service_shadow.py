#!/usr/bin/env python3
"""Shadow mode of `frontdoor serve`: with --shadow, a candidate pack (B) decides every request as
well, off the response path. The responses are the active pack's (A's) alone; GET /v1/shadow counts
the differing decisions by outcome old -> new exactly as `frontdoor eval` under A and B predicts for
the contacts sent; --shadow-out holds one line per differing decision with ids and outcomes only;
and the candidate reloads when its directory changes."""
import collections
import json
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (ADMIN_TOKEN, AUDIT_TOKEN, DECIDE_TOKEN, Server, check, finish, parse_args,  # noqa: E402
                             write_tokens)
from reload_fixtures import THRESHOLDS, copy_pack, make_variants, outcome_label, pack_fields, replace_file  # noqa: E402

POLL_SECONDS = 30


def predicted_transitions(variants):
    """(outcome under A, outcome under B) -> count, for the contacts whose decisions differ."""
    counts = collections.Counter()
    for (refused_a, a), (refused_b, b) in zip(variants["A"]["answers"], variants["B"]["answers"]):
        if refused_a and refused_b:
            continue
        before = "refused" if refused_a else outcome_label(json.loads(a))
        after = "refused" if refused_b else outcome_label(json.loads(b))
        if refused_a != refused_b or pack_fields(a) != pack_fields(b):
            counts[(before, after)] += 1
    return counts


def shadow_state(server):
    status, _, body = server.request("GET", "/v1/shadow", token=AUDIT_TOKEN)
    check(status == 200, f"GET /v1/shadow: {status} {body[:200]!r}")
    return json.loads(body)


def wait_until_compared(server, count):
    deadline = time.monotonic() + POLL_SECONDS
    while time.monotonic() < deadline:
        state = shadow_state(server)
        if state["compared"] + state["dropped"] >= count:
            return state
        time.sleep(0.05)
    return shadow_state(server)


def send_all(server, contacts, variants):
    """Posts every contact; the answers must be A's, whatever the candidate says."""
    for index, contact in enumerate(contacts):
        status, headers, body = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN)
        refused, expected = variants["A"]["answers"][index]
        check(headers.get("x-frontdoor-pack-digest") == variants["A"]["digest"], f"contact {index}: decided by A")
        if status in (200, 422):
            check(body == expected, f"contact {index}: the response is A's answer")


def metric_transitions(server):
    """frontdoor_shadow_transitions_total from /metrics, as (from, to) -> count."""
    status, _, body = server.request("GET", "/metrics", token=ADMIN_TOKEN)
    check(status == 200, f"GET /metrics: {status}")
    found = {}
    for line in body.decode().splitlines():
        match = re.match(r'frontdoor_shadow_transitions_total\{from="([^"]*)",to="([^"]*)"\} (\d+)$', line)
        if match:
            found[(match.group(1), match.group(2))] = int(match.group(3))
    return found


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        tokens = write_tokens(workdir)
        contacts, variants = make_variants(args.cli, args.rules, workdir)
        predicted = predicted_transitions(variants)
        check(sum(predicted.values()) > 0 and any(b != a for a, b in predicted), f"B changes outcomes: {predicted}")
        candidate = copy_pack(variants["B"]["dir"], os.path.join(workdir, "candidate"))
        out = os.path.join(workdir, "shadow.jsonl")
        extra = ["--shadow", candidate, "--shadow-out", out]
        with Server(args.cli, variants["A"]["dir"], tokens=tokens, extra=extra) as server:
            status, _, _ = server.request("GET", "/v1/shadow", token=DECIDE_TOKEN)
            check(status == 403, f"GET /v1/shadow with a decide token: 403, not {status}")
            state = shadow_state(server)
            check(state["candidate"]["digest"] == variants["B"]["digest"], "the candidate is B")
            send_all(server, contacts, variants)
            state = wait_until_compared(server, len(contacts))
            check(state["dropped"] == 0 and state["compared"] == len(contacts),
                  f"every contact was shadowed: {state['compared']} compared, {state['dropped']} dropped")
            counted = {(t["before"], t["after"]): t["count"] for t in state["transitions"]}
            check(counted == dict(predicted), f"the transitions are eval's:\n{counted}\n{dict(predicted)}")
            check(state["differing"] == sum(predicted.values()), f"differing: {state['differing']}")
            check(metric_transitions(server) == dict(predicted),
                  f"/metrics counts the same transitions: {metric_transitions(server)}")
            with open(out) as f:
                lines = [json.loads(line) for line in f]
            written = collections.Counter((line["outcome_before"], line["outcome_after"]) for line in lines)
            check(written == predicted, f"--shadow-out holds each differing decision: {written}")
            check(all(set(line) == {"request_id", "contact_id", "outcome_before", "outcome_after", "fields",
                                    "pack_before", "pack_after"} for line in lines), "ids, outcomes and names only")
            check(all(line["pack_before"] == variants["A"]["digest"] and line["pack_after"] == variants["B"]["digest"]
                      for line in lines), "each line names both packs")
            replace_file(os.path.join(candidate, THRESHOLDS), variants["A"]["text"])
            deadline = time.monotonic() + POLL_SECONDS
            while shadow_state(server)["candidate"]["digest"] != variants["A"]["digest"] and time.monotonic() < deadline:
                time.sleep(0.05)
            check(shadow_state(server)["candidate"]["digest"] == variants["A"]["digest"],
                  "the candidate reloads when its directory changes")
            send_all(server, contacts, variants)
            state = wait_until_compared(server, 2 * len(contacts))
            check(state["compared"] == 2 * len(contacts) and state["differing"] == sum(predicted.values()),
                  f"a candidate equal to the active pack differs nowhere: {state}")
        with Server(args.cli, variants["A"]["dir"], tokens=tokens) as server:
            status, _, _ = server.request("GET", "/v1/shadow", token=AUDIT_TOKEN)
            check(status == 404, f"without --shadow, GET /v1/shadow: 404, not {status}")
    finish()


if __name__ == "__main__":
    main()
