"""The compact explanation on the service, as `eval --explain compact` prints it: POST /v1/decisions
and /v1/decisions:batch with ?explain=compact answer the CLI's bytes (each entry's fixed members as
"$ref": K), GET /v1/pack/explanation-dictionary answers `frontdoor explain-dictionary`'s bytes for the
active pack (the decide role; 401 without a token), and a decision recorded compact is shown by the
audit route in full, the bytes a decision without ?explain=compact has.

    check_service_compact.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (AUDIT_TOKEN, DECIDE_TOKEN, Server, check, eval_output, finish, parse_args,  # noqa: E402
                             sample_contacts, write_tokens)


def main():
    args = parse_args()
    contacts = sample_contacts(args.rules)
    text = "".join(contact + "\n" for contact in contacts)
    _, compact_lines = eval_output(args.cli, args.rules, text, "--jsonl", "--explain", "compact")
    _, full_lines = eval_output(args.cli, args.rules, text, "--jsonl")
    dictionary = subprocess.run([args.cli, "explain-dictionary", "--rules", args.rules], capture_output=True,
                                check=True, timeout=60).stdout
    with tempfile.TemporaryDirectory() as work:
        log = os.path.join(work, "log.db")
        with Server(args.cli, args.rules, tokens=write_tokens(work), extra=["--record", log]) as server:
            status, headers, data = server.request("GET", "/v1/pack/explanation-dictionary", token=DECIDE_TOKEN)
            check(status == 200 and data == dictionary and headers.get("content-type") == "application/json",
                  f"GET /v1/pack/explanation-dictionary: 200 with explain-dictionary's bytes: {status} {data[:120]}")
            digest = headers.get("x-frontdoor-pack-digest", "")
            check(digest.startswith("sha256:") and digest in data.decode(), f"its digest is the dictionary's: {digest}")
            status, _, _ = server.request("GET", "/v1/pack/explanation-dictionary")
            check(status == 401, f"without a token: 401: {status}")

            compact_answers = compact_lines.splitlines()
            decided = 0
            for contact, expected in zip(contacts, compact_answers):
                if b'"error"' in expected:
                    continue
                status, headers, data = server.request("POST", "/v1/decisions?explain=compact", contact,
                                                       token=DECIDE_TOKEN)
                check(status == 200 and data == expected + b"\n" and b'"$ref"' in data,
                      f"?explain=compact: 200 with eval --explain compact's bytes: {status} {data[:120]}")
                decided += 1
                if decided == 1:
                    record_id = headers.get("x-frontdoor-record-id")
                    full = full_lines.splitlines()[contacts.index(contact)]
                    status, _, shown = server.request("GET", f"/v1/decisions/{record_id}", token=AUDIT_TOKEN)
                    shown = json.loads(shown) if status == 200 else {}
                    check(status == 200 and shown.get("intact") is True and shown.get("decision") == json.loads(full),
                          f"the compact decision recorded is shown by the audit route in full: {status}")
            check(decided > 100, f"every sample the pack decides: {decided}")
            status, _, data = server.request("POST", "/v1/decisions:batch?explain=compact", text, token=DECIDE_TOKEN,
                                             content_type="application/x-ndjson")
            check(status == 200 and data == compact_lines,
                  f"the batch route with ?explain=compact: eval --jsonl --explain compact's bytes: {status} {len(data)}")
            status, _, data = server.request("POST", "/v1/decisions?explain=Compact", contacts[0], token=DECIDE_TOKEN)
            check(status == 400 and b"explain is false, true or compact" in data,
                  f"?explain=Compact: 400 naming the values: {status} {data[:200]}")
    finish()


if __name__ == "__main__":
    main()
