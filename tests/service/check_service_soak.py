#!/usr/bin/env python3
"""A short soak of `frontdoor serve`: several client threads send mixed traffic for --seconds (single
decisions with and without explanations, refused contacts, batches, malformed bodies, wrong content
types, unknown routes, missing tokens, health checks) on keep-alive connections, while another thread
swaps the served pack between two variants (reload_fixtures.py: A, and B that changes some outcomes)
about once a second, by rename and POST /v1/pack:reload. Every answer must have the status its kind
expects (and a decision the bytes `eval --jsonl` prints under one of the two packs), the server's
memory must stay flat (VmRSS after a warm-up against VmRSS at the end, within a generous bound),
and SIGTERM must still stop it with exit status 0. The server records every decision (--record) and
shadows each single decision with pack B (--shadow), so the log's writer and the shadow's queue are
soaked too: at the end `audit verify` passes on the log. Bounded by --seconds, not by a request count,
so that the sanitizer build (slower) runs as long and simply sends fewer requests."""
import http.client
import os
import random
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reload_fixtures import THRESHOLDS, copy_pack, make_variants, replace_file  # noqa: E402
from record_helpers import audit_verify, read_records  # noqa: E402
from service_harness import (ADMIN_TOKEN, DECIDE_TOKEN, Server, check, eval_output, finish, parse_args,  # noqa: E402
                             write_tokens)

# Growth allowed between the sample after the warm-up and the one at the end: generous, since the
# allocator keeps freed pages, but far below what one leaked contact per request would add.
RSS_GROWTH_BYTES = 48 << 20
BATCH_SIZE = 20


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS line")


def expected_answers(cli, rules, contacts):
    """For each contact, (200, the decision line + newline) or (422, None): what eval --jsonl says."""
    _, out = eval_output(cli, rules, "\n".join(contacts) + "\n", "--jsonl")
    lines = out.decode().splitlines()
    assert len(lines) == len(contacts), f"eval --jsonl printed {len(lines)} lines for {len(contacts)} contacts"
    return [(422, None) if line.startswith('{"line":') else (200, (line + "\n").encode()) for line in lines]


class Traffic:
    """The kinds of request the soak mixes, each with the status it must get."""

    def __init__(self, cli, contacts, variants):
        self.contacts = contacts
        # Per contact, what each pack answers: (status, decision bytes or None for a refusal).
        self.answers = [expected_answers(cli, v["dir"], contacts) for v in variants.values()]
        self.batch = "\n".join(self.contacts[:BATCH_SIZE]) + "\n"
        self.batch_answers = [eval_output(cli, v["dir"], self.batch, "--jsonl")[1] for v in variants.values()]
        self.kinds = [(self.decide, 10), (self.decide_no_explain, 4), (self.batch_request, 1), (self.malformed, 1),
                      (self.wrong_type, 1), (self.unknown_route, 1), (self.no_token, 1), (self.health, 2)]

    def pick(self, rng):
        return rng.choices([k for k, _ in self.kinds], weights=[w for _, w in self.kinds])[0]

    def decide(self, send, rng):
        i = rng.randrange(len(self.contacts))
        status, _, body = send("POST", "/v1/decisions", self.contacts[i], DECIDE_TOKEN)
        ok = any(status == want and (decision is None or body == decision)
                 for want, decision in (answers[i] for answers in self.answers))
        return ok, f"decide #{i}: {status}"

    def decide_no_explain(self, send, rng):
        i = rng.randrange(len(self.contacts))
        status, _, body = send("POST", "/v1/decisions?explain=false", self.contacts[i], DECIDE_TOKEN)
        ok = status == self.answers[0][i][0] and (status != 200 or b'"explanation"' not in body)
        return ok, f"decide without explanation #{i}: {status}"

    def batch_request(self, send, rng):
        status, _, body = send("POST", "/v1/decisions:batch", self.batch, DECIDE_TOKEN, "application/x-ndjson")
        return status == 200 and body in self.batch_answers, f"batch: {status}"

    def malformed(self, send, rng):
        status, _, _ = send("POST", "/v1/decisions", '{"contact_id": ', DECIDE_TOKEN)
        return status == 400, f"malformed JSON: {status}"

    def wrong_type(self, send, rng):
        status, _, _ = send("POST", "/v1/decisions", self.contacts[0], DECIDE_TOKEN, "text/plain")
        return status == 415, f"wrong content type: {status}"

    def unknown_route(self, send, rng):
        status, _, _ = send("GET", "/v1/nowhere", None, DECIDE_TOKEN)
        return status == 404, f"unknown route: {status}"

    def no_token(self, send, rng):
        status, _, _ = send("POST", "/v1/decisions", self.contacts[0], None)
        return status == 401, f"no token: {status}"

    def health(self, send, rng):
        path = rng.choice(["/healthz", "/readyz"])
        status, _, _ = send("GET", path, None, None)
        return status == 200, f"{path}: {status}"


def client(server, traffic, seed, deadline, tally, lock):
    """Sends traffic on one keep-alive connection (reopened when the server closes it) until `deadline`."""
    rng = random.Random(seed)
    connection = server.connection()
    sent, unexpected = 0, []

    def send(method, path, body, token, content_type="application/json"):
        nonlocal connection
        try:
            return server.request(method, path, body, token=token, content_type=content_type, connection=connection)
        except (http.client.HTTPException, OSError):
            connection.close()  # e.g. closed after --max-requests-per-connection: one retry on a new one
            connection = server.connection()
            return server.request(method, path, body, token=token, content_type=content_type, connection=connection)

    while time.monotonic() < deadline:
        try:
            ok, what = traffic.pick(rng)(send, rng)
        except (http.client.HTTPException, OSError) as error:
            ok, what = False, f"connection error: {error!r}"
        sent += 1
        if not ok:
            unexpected.append(what)
    connection.close()
    with lock:
        tally["sent"] += sent
        tally["unexpected"] += unexpected


def swap_packs(server, pack, variants, deadline, tally, lock):
    """Writes pack A or B into the served directory (by rename) and asks for a reload, about once a
    second, until `deadline`; every reload must answer 200."""
    texts = [v["text"] for v in variants.values()]
    swaps, unexpected = 0, []
    connection = server.connection()
    while time.monotonic() < deadline:
        swaps += 1
        replace_file(os.path.join(pack, THRESHOLDS), texts[swaps % 2])
        try:
            status, _, body = server.request("POST", "/v1/pack:reload", "", token=ADMIN_TOKEN,
                                             connection=connection)
        except (http.client.HTTPException, OSError) as error:
            status, body = None, repr(error).encode()
            connection.close()
            connection = server.connection()
        if status != 200:
            unexpected.append(f"reload: {status} {body[:200]!r}")
        time.sleep(1)
    connection.close()
    with lock:
        tally["reloads"] += swaps
        tally["unexpected"] += unexpected


def run_traffic(server, traffic, threads, seconds, seed, pack, variants):
    tally, lock = {"sent": 0, "reloads": 0, "unexpected": []}, threading.Lock()
    deadline = time.monotonic() + seconds
    workers = [threading.Thread(target=client, args=(server, traffic, seed + i, deadline, tally, lock))
               for i in range(threads)]
    workers.append(threading.Thread(target=swap_packs, args=(server, pack, variants, deadline, tally, lock)))
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=seconds + 60)
    check(not any(w.is_alive() for w in workers), "every client thread finished")
    return tally


def main():
    args = parse_args(extra=[("--seconds", {"type": float, "default": 60}),
                             ("--warmup-seconds", {"type": float, "default": 5}),
                             ("--threads", {"type": int, "default": 4})])
    # Under AddressSanitizer freed memory waits in a quarantine (256 MiB by default) that would look
    # like growth; a small one keeps the RSS comparison meaningful. Ignored by a normal build.
    os.environ["ASAN_OPTIONS"] = os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=16"
    with tempfile.TemporaryDirectory() as directory:
        contacts, variants = make_variants(args.cli, args.rules, directory)
        traffic = Traffic(args.cli, contacts, variants)
        pack = copy_pack(variants["A"]["dir"], os.path.join(directory, "served-pack"))
        # A small per-connection request limit, so that the soak also closes and reopens connections;
        # a batch slot for every thread, so that a 503 for "too many batches" is an unexpected answer.
        log = os.path.join(directory, "decisions.db")
        extra = ["--max-requests-per-connection", "500", "--max-batches", str(args.threads), "--record", log,
                 "--shadow", variants["B"]["dir"]]
        with Server(args.cli, pack, tokens=write_tokens(directory), extra=extra) as server:
            warm = run_traffic(server, traffic, args.threads, args.warmup_seconds, 1, pack, variants)
            start_rss = rss_bytes(server.process.pid)
            soak = run_traffic(server, traffic, args.threads, args.seconds, 100, pack, variants)
            end_rss = rss_bytes(server.process.pid)
            sent = warm["sent"] + soak["sent"]
            unexpected = warm["unexpected"] + soak["unexpected"]
            print(f"{sent} requests and {warm['reloads'] + soak['reloads']} reloads in "
                  f"{args.warmup_seconds + args.seconds:.0f} s from {args.threads} threads; "
                  f"{len(unexpected)} unexpected; VmRSS {start_rss >> 10} KiB after warm-up, {end_rss >> 10} KiB at the end",
                  flush=True)
            check(soak["sent"] > 0, "the soak sent requests")
            check(soak["reloads"] > 1, "the packs swapped during the soak")
            check(not unexpected, f"every answer as expected; the first unexpected: {unexpected[:5]}")
            check(end_rss - start_rss < RSS_GROWTH_BYTES,
                  f"memory flat: VmRSS grew {(end_rss - start_rss) >> 10} KiB (bound {RSS_GROWTH_BYTES >> 10} KiB)")
            status = server.terminate()
            check(status == 0, f"exit status 0 after SIGTERM at the end of the soak, got {status}")
        check(len(read_records(log)) > 0, "the soak's decisions were recorded")
        code, text = audit_verify(args.cli, log)
        check(code == 0, f"audit verify on the soak's log: exit 0, got {code}: {text[-400:]}")
    finish()


if __name__ == "__main__":
    main()
