#!/usr/bin/env python3
"""Every route of `frontdoor serve` and the statuses a client sees: decisions byte-identical to
`frontdoor eval` on the Hackney samples, refusals (422) in the CLI's words, malformed and empty
bodies (400), wrong content types (415), unknown routes (404), wrong methods (405 with Allow), the
pack and schema routes, health, the headers every decision response carries, and the Host header
RFC 9112 3.2 asks for (400 without one in HTTP/1.1, with two, or with a malformed one); a body with a
content coding is 415, one with a transfer coding but chunked 501, and one whose length
Transfer-Encoding does not tell 400 on a closed connection."""
import gzip
import json
import os
import subprocess
import sys
import socket
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (DECIDE_TOKEN, Server, body_of, check, eval_output, finish, parse_args,  # noqa: E402
                             read_until_closed, sample_contacts, status_of, write_tokens)


def check_decisions(server, cli, rules, pack):
    decided = refused = 0
    for index, contact in enumerate(sample_contacts(rules), 1):
        status, headers, body = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN)
        code, expected = eval_output(cli, rules, contact)
        if code == 0:
            decided += 1
            check(status == 200, f"sample {index}: status {status}, expected 200: {body[:200]!r}")
            check(body == expected, f"sample {index}: the decision differs from eval's:\n{body[:300]!r}\n{expected[:300]!r}")
        else:
            refused += 1
            check(status in (400, 422), f"sample {index}: refused by eval but answered {status}")
            if status == 422:
                check(body == expected, f"sample {index}: the refusal differs from eval's: {body!r} vs {expected!r}")
        named = (headers.get("x-frontdoor-pack-name"), headers.get("x-frontdoor-pack-version"),
                 headers.get("x-frontdoor-pack-digest"))
        check(named == (pack["name"], pack["version"], pack["digest"]), f"sample {index}: pack headers {named}")
        check(len(headers.get("x-request-id", "")) == 16, f"sample {index}: a request id is made")
    check(decided > 100 and refused > 5, f"the samples hold decisions and refusals ({decided}, {refused})")
    contact = sample_contacts(rules)[0]
    status, _, body = server.request("POST", "/v1/decisions?explain=false", contact, token=DECIDE_TOKEN)
    code, expected = eval_output(cli, rules, contact, "--no-explain")
    check(status == 200 and body == expected, f"?explain=false gives eval --no-explain's bytes: {body[:200]!r}")
    status, headers, _ = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN,
                                        headers={"X-Request-Id": "hub-42.a_b"})
    check(headers.get("x-request-id") == "hub-42.a_b", "a safe incoming request id is echoed")
    status, headers, _ = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN,
                                        headers={"X-Request-Id": "bad id with spaces"})
    check(headers.get("x-request-id") not in (None, "bad id with spaces"), "an unsafe request id is replaced")


def check_bad_bodies(server):
    def post(body, content_type="application/json"):
        return server.request("POST", "/v1/decisions", body, token=DECIDE_TOKEN, content_type=content_type)

    status, headers, body = post("{not json")
    error = json.loads(body).get("error", {})
    check(status == 400 and error.get("status") == 400 and "not valid JSON" in error.get("message", ""),
          f"malformed JSON: 400 with a JSON error: {status} {body!r}")
    check(headers.get("content-type") == "application/json", "error bodies are JSON")
    status, _, body = post("")
    check(status == 400 and json.loads(body)["error"]["status"] == 400, f"empty body: 400: {status} {body!r}")
    status, _, body = post('{"a": 1}', content_type="text/plain")
    check(status == 415 and json.loads(body)["error"]["status"] == 415, f"text/plain: 415: {status} {body!r}")
    status, _, body = post('{"a": 1}', content_type="application/json; charset=utf-8")
    check(status == 422 and "path" in json.loads(body)["error"], f"JSON with a charset is read: {status} {body!r}")
    deep = "[" * 300 + "]" * 300
    status, _, body = post(deep)
    # The engine's reader refuses it as JSON it will not read, before any path exists: a malformed request.
    check(status == 400 and "nests deeper than 256" in json.loads(body)["error"]["message"],
          f"JSON nested past the limit: 400 naming the nesting: {status} {body[:200]!r}")


def check_expect_continue(server, rules):
    """curl sends `Expect: 100-continue` for bodies over a kilobyte and waits for the interim answer."""
    body = sample_contacts(rules)[0].encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(f"POST /v1/decisions HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {DECIDE_TOKEN}\r\n"
                  f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nExpect: 100-continue\r\n"
                  "Connection: close\r\n\r\n".encode())
        interim = s.recv(4096)
        check(interim.startswith(b"HTTP/1.1 100 Continue\r\n\r\n"), f"Expect: 100-continue is answered: {interim!r}")
        s.sendall(body)
        raw = interim + read_until_closed(s, 30)
    final = raw.split(b"\r\n\r\n", 1)[1]
    check(final.startswith(b"HTTP/1.1 200 OK"), f"then the decision: {final[:100]!r}")


def check_routing(server, rules, pack):
    status, _, body = server.request("GET", "/v1/nothing", token=DECIDE_TOKEN)
    check(status == 404 and json.loads(body)["error"]["status"] == 404, f"unknown route: 404: {status} {body!r}")
    # GET /v1/decisions is the audit role's lookup by contact (handle_audit.cpp); DELETE is no route.
    status, headers, body = server.request("DELETE", "/v1/decisions", token=DECIDE_TOKEN)
    check(status == 405 and "POST" in headers.get("allow", ""), f"wrong method: 405 with Allow: {status} {headers}")
    check(json.loads(body)["error"]["status"] == 405, "405 has a JSON body")
    status, headers, body = server.request("GET", "/v1/pack", token=DECIDE_TOKEN)
    described = json.loads(body)
    check(status == 200, f"/v1/pack: 200: {status}")
    for key in ("name", "version", "digest"):
        check(described.get(key) == pack[key], f"/v1/pack {key}: {described.get(key)!r}")
    check(described.get("active_since", "").endswith("Z"), f"/v1/pack active_since: {described.get('active_since')!r}")
    files = [f["path"] for f in described.get("files", [])]
    check("thresholds.rules" in files, f"/v1/pack lists the pack's files: {files}")
    status, _, body = server.request("GET", "/v1/schema", token=DECIDE_TOKEN)
    check(status == 200 and body == pack["schema"], "/v1/schema is `frontdoor schema`'s output")
    for path in ("/healthz", "/readyz"):
        status, _, body = server.request("GET", path)
        check(status == 200 and json.loads(body)["status"] in ("ok", "ready"), f"{path}: 200 anonymous: {status}")


def check_host_header(server):
    """RFC 9112 3.2: one Host, a valid one, and none only in HTTP/1.0; with a token, any name."""
    def get(host_lines, version="1.1"):
        raw = (f"GET /v1/pack HTTP/{version}\r\n{host_lines}Authorization: Bearer {DECIDE_TOKEN}\r\n"
               "Connection: close\r\n\r\n")
        answer = server.raw(raw.encode())
        return status_of(answer), body_of(answer)

    refused = (("", "an HTTP/1.1 request needs a Host header"),
               ("Host: 127.0.0.1\r\nHost: evil.example\r\n", "a request has one Host header; this one has 2"),
               ("Host: evil.example 127.0.0.1\r\n", "the Host header is not a host name or address"),
               ("Host: [::1\r\n", "the Host header is not a host name or address"),
               ("Host: [::1]x\r\n", "the Host header is not a host name or address"),
               ("Host: localhost:80x\r\n", "the Host header is not a host name or address"),
               ("Host: a/b\r\n", "the Host header is not a host name or address"))
    for lines, words in refused:
        status, body = get(lines)
        check(status == 400 and words in json.loads(body or b"{}").get("error", {}).get("message", ""),
              f"Host lines {lines!r}: 400 saying {words!r}: {status} {body[:120]!r}")
    answered = (("", "1.0"), ("Host: hub-frontdoor.internal:8443\r\n", "1.1"), ("Host: [::1]:80\r\n", "1.1"),
                ("Host: 10.0.0.7\r\n", "1.1"), ("Host: \r\n", "1.1"))
    for lines, version in answered:
        status, body = get(lines, version)
        check(status == 200, f"HTTP/{version} with Host lines {lines!r} is answered: {status} {body[:120]!r}")


def check_content_coding(server, rules):
    """A body with a content coding is 415 in words (a gzip body was read as JSON and refused as "not
    valid JSON at byte 0"; a plain one sent as br was decided as if uncoded); identity is fine."""
    contact = sample_contacts(rules)[0]
    for coding, body in (("gzip", gzip.compress(contact.encode())), ("br", contact), ("gzip, identity", contact)):
        for path, content_type in (("/v1/decisions", "application/json"),
                                   ("/v1/decisions:batch", "application/x-ndjson")):
            status, _, answer = server.request("POST", path, body, token=DECIDE_TOKEN, content_type=content_type,
                                               headers={"Content-Encoding": coding})
            check(status == 415 and b"has a content coding (Content-Encoding)" in answer,
                  f"POST {path} with Content-Encoding {coding!r}: 415 in words: {status} {answer[:100]!r}")
    status, _, _ = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN,
                                  headers={"Content-Encoding": " Identity"})
    check(status == 200, f"Content-Encoding: identity is no coding: {status}")


def check_transfer_coding(server, rules):
    """RFC 9112 6: a transfer coding other than chunked is 501 in words (a gzip body was refused as not
    JSON, inline in a batch's answer, and a plain one decided); a Transfer-Encoding that does not end in
    chunked, or names it twice, is 400 in words and closes (the body was read as empty)."""
    contact = sample_contacts(rules)[0].encode()

    def post(path, content_type, coding, body):
        head = (f"POST {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {DECIDE_TOKEN}\r\n"
                f"Content-Type: {content_type}\r\nTransfer-Encoding: {coding}\r\nConnection: close\r\n\r\n")
        answer = server.raw(head.encode() + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body))
        return status_of(answer), answer

    for path, content_type in (("/v1/decisions", "application/json"), ("/v1/decisions:batch", "application/x-ndjson")):
        for coding, body in (("gzip, chunked", gzip.compress(contact)), ("gzip, chunked", contact),
                             ("x-frontdoor, Chunked", contact)):
            status, answer = post(path, content_type, coding, body)
            check(status == 501 and b"transfer coding Frontdoor does not implement" in answer,
                  f"POST {path} with Transfer-Encoding {coding!r}: 501 in words: {status} {answer[-160:]!r}")
        for coding in ("gzip", "chunked, chunked", "chunked, gzip"):
            status, answer = post(path, content_type, coding, contact)
            check(status == 400 and b"cannot be told from Transfer-Encoding" in answer
                  and b"connection: close" in answer.lower(),
                  f"POST {path} with Transfer-Encoding {coding!r}: 400 in words, closed: {status} {answer[-160:]!r}")
        for coding in ("chunked", " chunked ", "identity, chunked"):
            status, answer = post(path, content_type, coding, contact)
            check(status == 200, f"POST {path} with Transfer-Encoding {coding!r} is decided: {status} {answer[-160:]!r}")


def pack_facts(cli, rules):
    schema = subprocess.run([cli, "schema", "--rules", rules], capture_output=True, timeout=60).stdout
    decision = json.loads(eval_output(cli, rules, sample_contacts(rules)[0])[1])
    return {**decision["ruleset"], "schema": schema}


def main():
    args = parse_args()
    pack = pack_facts(args.cli, args.rules)
    with tempfile.TemporaryDirectory() as directory:
        with Server(args.cli, args.rules, tokens=write_tokens(directory)) as server:
            check_decisions(server, args.cli, args.rules, pack)
            check_bad_bodies(server)
            check_routing(server, args.rules, pack)
            check_expect_continue(server, args.rules)
            check_host_header(server)
            check_content_coding(server, args.rules)
            check_transfer_coding(server, args.rules)
    finish()


if __name__ == "__main__":
    main()
