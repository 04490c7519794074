"""A query parameter the service reads is taken only as it is documented, never guessed: `explain`
is `false`, `true` or `compact`, and `explain`, `contact_id` (GET /v1/decisions) and `path` (GET
/v1/workspace/file) may each be given once. Before, `?explain=maybe`, `?explain=0` or
`?explain=FALSE` silently answered with the explanation, and a parameter given twice was taken as
its first value (`?explain=false&explain=true` left the explanation out, the other order kept it):
each is now 400 naming the parameter, on the single and the batch route; `?explain=false` and
`?explain=true` still work.

A parameter a route does not take is refused on every route (`frontdoor serve --routes` lists
them with their parameters): `POST /v1/decisions?explian=false` (a typo) answered 200 with the
explanation, and any route took any parameter; each is now 400 whose error names the parameter
("parameter") and the ones the route takes ("takes"), and every parameter of every route given
twice is 400 naming it.

    check_service_query.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import Server, check, finish, parse_args, sample_contacts, server_routes  # noqa: E402


def refusal(status, data):
    """The error of a 400 answer, or None."""
    try:
        return json.loads(data)["error"] if status == 400 else None
    except (ValueError, KeyError):
        return None


def check_every_route(server, routes, contact):
    """Every route refuses a parameter it does not take, and each of its own given twice."""
    for (method, pattern), parameters in routes.items():
        target = pattern.replace("{id}", "x")
        body = contact if method == "POST" else None
        status, _, data = server.request(method, target + "?explian=false", body)
        error = refusal(status, data)
        check(error is not None and error.get("parameter") == "explian" and error.get("takes") == list(parameters)
              and "'explian'" in error.get("message", ""),
              f"{method} {target}?explian=false: 400 naming explian and {parameters}: {status} {data[:300]}")
        for parameter in parameters:
            status, _, data = server.request(method, f"{target}?{parameter}=a&{parameter}=b", body)
            error = refusal(status, data)
            check(error is not None and error.get("parameter") == parameter
                  and f"gives {parameter} twice" in error.get("message", ""),
                  f"{method} {target}?{parameter}=a&{parameter}=b: 400 naming {parameter}: {status} {data[:300]}")


def main():
    args = parse_args()
    routes = server_routes(args.cli)
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
            status, _, data = server.request("POST", "/v1/decisions?explian=false", contact)
            error = refusal(status, data)
            check(error is not None and "did you mean 'explain'" in error["message"] and error["takes"] == ["explain"],
                  f"?explian=false: 400 suggesting explain: {status} {data[:300]}")
            check_every_route(server, routes, contact)
    finish()


if __name__ == "__main__":
    main()
