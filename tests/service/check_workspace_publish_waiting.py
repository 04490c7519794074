"""A publish that waits on its decision service does not hold up anyone else. A real `frontdoor
workspace` (two I/O threads) publishes to a stand-in service on loopback that accepts the reload
but keeps another pack active, so the workspace watches it for its 15 s of patience. Meanwhile:
requests on eight fresh connections (spread over both I/O threads) are each answered within 2 s,
the publish state (which asks the same service) too, and a second publish is refused with 409
"another publish is running". The first then answers 200: published, not active, saying which pack
the service still has. Once the stand-in has the draft active, publishing again is not refused
(the slot was given back before the answer) and is called active.

    check_workspace_publish_waiting.py --cli build/frontdoor --rules rules/hackney
"""
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import ADMIN_TOKEN, DECIDE_TOKEN, Server, check, finish, parse_args, write_tokens  # noqa: E402

ANSWER_SECONDS = 2  # a request that is not held up answers well within this
OLD_DIGEST = "sha256:" + "0" * 64


class StandInService(http.server.ThreadingHTTPServer):
    """Answers POST /v1/pack:reload with 200 and GET /v1/pack with `active` (a digest)."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), StandInHandler)
        self.active = OLD_DIGEST
        self.reloads = threading.Event()

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
        return False


class StandInHandler(http.server.BaseHTTPRequestHandler):
    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.answer({"name": "stand-in", "version": "1", "digest": self.server.active,
                     "active_since": "2026-12-07T00:00:00Z"})

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.reloads.set()
        self.answer({"reloaded": True})

    def log_message(self, *args):
        pass


def call(server, method, path, body=None, token=ADMIN_TOKEN, timeout=60):
    text = None if body is None else json.dumps(body)
    status, _, answer = server.request(method, path, text, token=token, connection=server.connection(timeout))
    return status, json.loads(answer)


def check_not_held_up(workspace):
    slowest = 0.0
    for _ in range(8):
        started = time.monotonic()
        try:
            status, _, _ = workspace.request("GET", "/healthz", connection=workspace.connection(ANSWER_SECONDS + 3))
        except OSError as error:
            status = f"no answer ({error})"
        slowest = max(slowest, time.monotonic() - started)
        check(status == 200, f"a request on a fresh connection is answered during the publish: {status}")
    check(slowest < ANSWER_SECONDS, f"and each within {ANSWER_SECONDS} s (the slowest took {slowest:.2f} s)")
    started = time.monotonic()
    status, state = call(workspace, "GET", "/v1/workspace/publish", token=DECIDE_TOKEN, timeout=ANSWER_SECONDS + 3)
    check(status == 200 and state["active"]["digest"] == OLD_DIGEST and time.monotonic() - started < ANSWER_SECONDS,
          f"the publish state is answered during the publish: {status} {state.get('active')}")
    status, body = call(workspace, "POST", "/v1/workspace:publish", timeout=ANSWER_SECONDS + 3)
    check(status == 409 and "another publish is running" in body["error"]["message"],
          f"a second publish is refused while the first runs: {status} {body}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as work:
        tokens = write_tokens(work)
        token_file = os.path.join(work, "publisher.token")
        with open(token_file, "w") as f:
            f.write("stand-in-token\n")
        published = os.path.join(work, "published")
        pack = os.path.join(work, "pack")
        shutil.copytree(args.rules, published)
        shutil.copytree(args.rules, pack)
        with StandInService() as service:
            url = f"http://127.0.0.1:{service.server_address[1]}"
            extra = ["--workspace", pack, "--no-watch", "--publish-to", published, "--publish-service", url,
                     "--publish-token-file", token_file]
            with Server(args.cli, pack, tokens=tokens, extra=extra) as workspace:
                first = {}

                def publish():
                    first["answer"] = call(workspace, "POST", "/v1/workspace:publish")

                publishing = threading.Thread(target=publish)
                publishing.start()
                check(service.reloads.wait(30), "the workspace asked the stand-in service to reload")
                check_not_held_up(workspace)
                publishing.join(60)
                status, body = first.get("answer", (None, {}))
                check(status == 200 and body.get("published") is True and body.get("active") is False
                      and OLD_DIGEST in body.get("why", ""),
                      f"the first publish: published, not active, naming the pack still active: {status} {body}")
                service.active = body.get("digest")
                status, body = call(workspace, "POST", "/v1/workspace:publish")
                check(status == 200 and body.get("active") is True,
                      f"publishing again once it is done: not refused, and active: {status} {body}")
    finish()


if __name__ == "__main__":
    main()
