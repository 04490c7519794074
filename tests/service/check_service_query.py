"""A query parameter the service reads is taken only as it is documented, never guessed: `explain`
is `false` or `true`, and `explain`, `contact_id` (GET /v1/decisions) and `path` (GET
/v1/workspace/file) may each be given once. Before, `?explain=maybe`, `?explain=0` or
`?explain=FALSE` silently answered with the explanation, and a parameter given twice was taken as
its first value (`?explain=false&explain=true` left the explanation out, the other order kept it):
each is now 400 naming the parameter, on the single and the batch route; `?explain=false` and
`?explain=true` still work.

    check_service_query.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import Server, check, finish, parse_args, sample_contacts  # noqa: E402


def main():
    args = parse_args()
    contact = sample_contacts(args.rules)[0]
    with tempfile.TemporaryDirectory() as work:
        log = os.path.join(work, "log.db")
        extra = ["--record", log, "--workspace", args.rules, "--no-watch"]
        with Server(args.cli, args.rules, extra=extra) as server:
            for query, explained in (("explain=false", False), ("explain=true", True), ("", True)):
                status, _, data = server.request("POST", "/v1/decisions?" + query, contact)
                check(status == 200 and ("explanation" in json.loads(data)) == explained,
                      f"?{query}: 200 with the explanation {explained}: {status} {data[:200]}")
            for query, words in (("explain=maybe", "explain is false"), ("explain=0", "explain is false"),
                                 ("explain=FALSE", "explain is false"), ("explain=", "explain is false"),
                                 ("explain=false&explain=true", "gives explain twice"),
                                 ("explain=true&explain=false", "gives explain twice")):
                for route, body, kind in (("/v1/decisions", contact, "application/json"),
                                          ("/v1/decisions:batch", contact + "\n", "application/x-ndjson")):
                    status, _, data = server.request("POST", f"{route}?{query}", body, content_type=kind)
                    check(status == 400 and words.encode() in data,
                          f"POST {route}?{query}: 400 saying {words!r}: {status} {data[:200]}")
            status, _, data = server.request("GET", "/v1/decisions?contact_id=x&contact_id=y")
            check(status == 400 and b"gives contact_id twice" in data, f"contact_id twice: 400: {status} {data[:200]}")
            status, _, data = server.request("GET", "/v1/workspace/file?path=pack.rules&path=input.rules")
            check(status == 400 and b"gives path twice" in data, f"path twice: 400: {status} {data[:200]}")
            status, _, data = server.request("GET", "/v1/workspace/file?path=pack.rules")
            check(status == 200, f"path once: 200: {status} {data[:100]}")
    finish()


if __name__ == "__main__":
    main()
