#!/usr/bin/env python3
"""Hot reload of `frontdoor serve`: a new pack is taken by a change of its directory (a file
renamed in, as editors do), by SIGHUP, and by POST /v1/pack:reload (admin only: 401 without a
token, 403 for a decide token). A pack with errors leaves the old one active and the route answers
422 with its diagnostics (file:line:col). The race: client threads post thousands of contacts while
another thread swaps packs A and B back and forth; no request fails, every response names A or B
in its digest header, and its body is exactly what `frontdoor eval` gives under that pack."""
import json
import os
import signal
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import ADMIN_TOKEN, DECIDE_TOKEN, Server, check, finish, parse_args, write_tokens  # noqa: E402
from reload_fixtures import THRESHOLDS, copy_pack, make_variants, replace_file  # noqa: E402

POLL_SECONDS = 20
CLIENTS = 4
REQUESTS_PER_CLIENT = 1000
SWAPS = 40


def active_digest(server):
    status, _, body = server.request("GET", "/v1/pack", token=DECIDE_TOKEN)
    return json.loads(body)["digest"] if status == 200 else None


def wait_for_digest(server, digest):
    """Polls GET /v1/pack until `digest` is active (bounded); whether it became so."""
    deadline = time.monotonic() + POLL_SECONDS
    while time.monotonic() < deadline:
        if active_digest(server) == digest:
            return True
        time.sleep(0.05)
    return False


def reload_now(server, token=ADMIN_TOKEN):
    status, headers, body = server.request("POST", "/v1/pack:reload", token=token)
    return status, headers, json.loads(body) if body else None


def check_answer(label, status, headers, body, variants, index):
    digest = headers.get("x-frontdoor-pack-digest")
    named = [name for name, v in variants.items() if v["digest"] == digest]
    if not check(len(named) == 1, f"{label}: the digest header {digest} is neither A's nor B's"):
        return
    refused, expected = variants[named[0]]["answers"][index]
    check(status == (422 if refused else 200) or (refused and status == 400), f"{label}: status {status}")
    if status in (200, 422):
        check(body == expected, f"{label}: the body is not what eval gives under {named[0]}:\n{body[:200]!r}\n"
                                f"{expected[:200]!r}")


def check_admin_route(server, variants):
    status, _, _ = reload_now(server, token=None)
    check(status == 401, f"POST /v1/pack:reload without a token: 401, not {status}")
    status, _, _ = reload_now(server, token=DECIDE_TOKEN)
    check(status == 403, f"POST /v1/pack:reload with a decide token: 403, not {status}")
    status, headers, body = reload_now(server)
    check(status == 200 and body["result"] == "unchanged" and body["active"]["digest"] == variants["A"]["digest"],
          f"a reload of the same pack is a no-op that says so: {status} {body}")
    check(headers.get("x-frontdoor-pack-digest") == variants["A"]["digest"], "the answer names the active pack")


def check_file_change(server, pack, contacts, variants):
    replace_file(os.path.join(pack, THRESHOLDS), variants["B"]["text"])
    check(wait_for_digest(server, variants["B"]["digest"]), "a file renamed into the directory reloads the pack")
    differing = [i for i in range(len(contacts)) if variants["A"]["answers"][i] != variants["B"]["answers"][i]
                 and not variants["B"]["answers"][i][0]]
    for index in differing[:3]:
        status, headers, body = server.request("POST", "/v1/decisions", contacts[index], token=DECIDE_TOKEN)
        check(status == 200 and body == variants["B"]["answers"][index][1], f"contact {index} is decided by B")
    replace_file(os.path.join(pack, THRESHOLDS), variants["A"]["text"])
    check(wait_for_digest(server, variants["A"]["digest"]), "and renamed back, A is active again")


def check_broken_pack(server, pack, contacts, variants):
    broken = os.path.join(pack, "broken.rules")
    replace_file(broken, "let oops: integer = 1 + * 2\n")
    status, headers, body = reload_now(server)
    check(status == 422, f"a broken pack: 422, not {status}: {body}")
    diagnostics = (body or {}).get("error", {}).get("diagnostics", [])
    located = [d for d in diagnostics if d["file"].endswith("broken.rules") and d["line"] == 1 and d["column"] == 25]
    check(len(located) == 1 and "broken.rules:1:25: error: expected a value" in located[0]["rendered"] and
          "^" in located[0]["rendered"], f"the diagnostic names file:line:col with its caret: {diagnostics}")
    check((body or {}).get("active", {}).get("digest") == variants["A"]["digest"] and
          headers.get("x-frontdoor-pack-digest") == variants["A"]["digest"], "the answer names the old pack, active")
    check(active_digest(server) == variants["A"]["digest"], "the old pack stays active")
    status, headers, _ = server.request("POST", "/v1/decisions", contacts[0], token=DECIDE_TOKEN)
    check(status == 200 and headers.get("x-frontdoor-pack-digest") == variants["A"]["digest"],
          "and still decides")
    check("broken.rules:1:25: error: expected a value after the operator" in server.stderr(),
          "the diagnostic is logged with file:line:col")
    os.remove(broken)
    time.sleep(0.5)  # let the watcher's reload of the removal settle
    status, _, body = reload_now(server)
    check(status == 200 and (body or {}).get("result") == "unchanged", f"the broken file removed, the pack is unchanged: {body}")


def check_sighup(cli, rules, workdir, tokens, variants):
    pack = copy_pack(variants["A"]["dir"], os.path.join(workdir, "sighup-pack"))
    with Server(cli, pack, tokens=tokens, extra=["--no-watch"]) as server:
        replace_file(os.path.join(pack, THRESHOLDS), variants["B"]["text"])
        time.sleep(1.0)
        check(active_digest(server) == variants["A"]["digest"], "with --no-watch a change alone does not reload")
        server.process.send_signal(signal.SIGHUP)
        check(wait_for_digest(server, variants["B"]["digest"]), "SIGHUP reloads the pack")
        check(server.process.poll() is None, "SIGHUP does not stop the server")


def check_race(server, pack, contacts, variants):
    errors = []
    answered = [0]
    lock = threading.Lock()
    stop_swapping = threading.Event()

    def client(number):
        connection = server.connection()
        for n in range(REQUESTS_PER_CLIENT):
            index = (number * 37 + n) % len(contacts)
            try:
                status, headers, body = server.request("POST", "/v1/decisions", contacts[index], token=DECIDE_TOKEN,
                                                       connection=connection)
            except Exception as error:  # a failed request is what this test is about
                with lock:
                    errors.append(f"client {number} request {n}: {error!r}")
                connection.close()
                connection = server.connection()
                continue
            check_answer(f"race client {number} request {n}", status, headers, body, variants, index)
            with lock:
                answered[0] += 1
        connection.close()

    def swapper():
        for swap in range(SWAPS):
            if stop_swapping.is_set():
                break
            name = "B" if swap % 2 == 0 else "A"
            replace_file(os.path.join(pack, THRESHOLDS), variants[name]["text"])
            status, _, body = reload_now(server)
            check(status == 200 and body["active"]["digest"] == variants[name]["digest"],
                  f"swap {swap} to {name}: {status} {body}")

    clients = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    swapping = threading.Thread(target=swapper)
    for t in clients + [swapping]:
        t.start()
    for t in clients:
        t.join(timeout=240)
    stop_swapping.set()
    swapping.join(timeout=60)
    check(not errors, f"no request fails during reloads: {errors[:5]}")
    check(answered[0] == CLIENTS * REQUESTS_PER_CLIENT, f"every request answered: {answered[0]}")
    print(f"race: {answered[0]} requests answered while the packs swapped", flush=True)


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        tokens = write_tokens(workdir)
        contacts, variants = make_variants(args.cli, args.rules, workdir)
        check(variants["A"]["digest"] != variants["B"]["digest"], "A and B are different packs")
        changed = sum(a != b for a, b in zip(variants["A"]["answers"], variants["B"]["answers"]))
        check(changed > 0, "B changes some decisions")
        pack = copy_pack(variants["A"]["dir"], os.path.join(workdir, "served-pack"))
        with Server(args.cli, pack, tokens=tokens) as server:
            check(active_digest(server) == variants["A"]["digest"], "A is served first")
            check_admin_route(server, variants)
            check_file_change(server, pack, contacts, variants)
            check_broken_pack(server, pack, contacts, variants)
            check_race(server, pack, contacts, variants)
            check(server.process.poll() is None, "the server is still up")
        check_sighup(args.cli, args.rules, workdir, tokens, variants)
    finish()


if __name__ == "__main__":
    main()
