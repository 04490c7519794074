#!/usr/bin/env python3
"""POST /v1/decisions:batch answers exactly what `frontdoor eval --jsonl` prints for the same lines:
the Hackney samples (decisions and refusals inline, in order), blank lines skipped, a line that is
not JSON refused by number, ?explain=false as --no-explain; and a wrong content type is 415. A
batch of many chunks decided on several threads (--batch-threads) answers the same bytes in the
same order as one thread; a number of threads that is not one is refused at start."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (DECIDE_TOKEN, Server, check, eval_output, finish, parse_args,  # noqa: E402
                             sample_contacts, write_tokens)


def post_batch(server, lines, path="/v1/decisions:batch", content_type="application/x-ndjson"):
    return server.request("POST", path, lines, token=DECIDE_TOKEN, content_type=content_type)


def main():
    args = parse_args()
    contacts = sample_contacts(args.rules)
    lines = "\n".join(contacts[:40]) + "\n\n   \n{not json\r\n" + "\n".join(contacts[40:]) + "\n"
    with tempfile.TemporaryDirectory() as directory:
        with Server(args.cli, args.rules, tokens=write_tokens(directory)) as server:
            status, headers, body = post_batch(server, lines)
            _, expected = eval_output(args.cli, args.rules, lines, "--jsonl")
            check(status == 200, f"batch: 200, got {status}")
            check(headers.get("content-type") == "application/x-ndjson", f"batch content type: {headers}")
            check(body == expected, "batch: the bytes of eval --jsonl")
            check(body.count(b"\n") == len(contacts) + 1 and b'"line":43,"error"' in body,
                  "one answer a line, the bad line refused by its number")
            check(b'"error"' in body.split(b"\n")[0] or b'"outcome"' in body.split(b"\n")[0], "answers in order")
            check(headers.get("x-frontdoor-pack-digest", "").startswith("sha256:"), "batch: pack headers")
            status, _, body = post_batch(server, lines, path="/v1/decisions:batch?explain=false")
            _, expected = eval_output(args.cli, args.rules, lines, "--jsonl", "--no-explain")
            check(status == 200 and body == expected, "batch ?explain=false: the bytes of eval --jsonl --no-explain")
            status, _, body = post_batch(server, "", content_type="application/x-ndjson")
            check(status == 200 and body == b"", f"an empty batch: 200 with no lines: {status} {body!r}")
            status, _, _ = post_batch(server, lines, content_type="application/json")
            check(status == 415, f"a batch sent as application/json: 415, got {status}")
        many = "".join((line + "\n") * 3 for line in contacts) * 4 + "{not json\n"
        _, expected = eval_output(args.cli, args.rules, many, "--jsonl", "--threads", "1")
        for threads in ("1", "3"):
            with Server(args.cli, args.rules, tokens=write_tokens(directory), extra=["--batch-threads", threads]) as server:
                status, _, body = post_batch(server, many)
                check(status == 200 and body == expected,
                      f"--batch-threads {threads}: {len(many.splitlines())} lines answered as eval --jsonl --threads 1")
    refused = subprocess.run([args.cli, "serve", "--rules", args.rules, "--no-auth", "--batch-threads", "0"],
                             capture_output=True, text=True, timeout=30)
    check(refused.returncode == 2 and refused.stderr.strip() ==
          "frontdoor serve: --batch-threads takes a number of threads from 1 to 999, not '0'",
          f"--batch-threads 0 is a usage error: {refused.returncode} {refused.stderr!r}")
    finish()


if __name__ == "__main__":
    main()
