"""`frontdoor serve --tls-cert FILE --tls-key FILE` end to end, with a self-signed certificate made
here by `openssl req`: a decision over HTTPS (the bytes `eval` prints) with Python's ssl trusting
that certificate alone; a client that does not trust it is refused; plain HTTP to the TLS port
fails and the server goes on serving; bad or mismatched files refuse to start, naming the file;
TLS passes the policy on an address that is not loopback, where plain HTTP may not (the test uses an
unassigned address, so nothing ever listens beyond loopback).

    check_service_tls.py --cli build/frontdoor --rules rules/hackney
"""
import http.client
import os
import socket
import ssl
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import (DECIDE_TOKEN, REQUEST_SECONDS, START_SECONDS, Server, check, eval_output,  # noqa: E402
                             finish, parse_args, read_until_closed, sample_contacts, write_tokens)


def make_certificate(directory, name):
    cert, key = os.path.join(directory, name + ".crt"), os.path.join(directory, name + ".key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True, timeout=60)
    return cert, key


class TlsServer(Server):
    """The harness's server with --tls-cert and --tls-key, announcing https://."""

    def __init__(self, cli, rules, tokens, cert, key):
        super().__init__(cli, rules, tokens=tokens, extra=["--tls-cert", cert, "--tls-key", key])
        self.context = ssl.create_default_context(cafile=cert)

    def __enter__(self):
        self.process = subprocess.Popen(self.command(), stdout=subprocess.PIPE, stderr=self.stderr_file)
        line = self._read_line(START_SECONDS)
        prefix = b"listening on https://127.0.0.1:"
        if not line.startswith(prefix):
            self.stop_now()
            raise RuntimeError(f"the server did not start: {line!r}; stderr: {self.stderr()}")
        self.port = int(line[len(prefix):].strip())
        return self

    def connection(self, timeout=REQUEST_SECONDS):
        return http.client.HTTPSConnection("localhost", self.port, timeout=timeout, context=self.context)


def check_decisions_over_tls(server, cli, rules):
    contact = sample_contacts(rules)[0]
    status, headers, body = server.request("POST", "/v1/decisions", contact, token=DECIDE_TOKEN)
    _, expected = eval_output(cli, rules, contact)
    check(status == 200 and body == expected, f"a decision over HTTPS is what eval prints: {status}")
    check("x-frontdoor-pack-digest" in headers, "the decision carries its pack's headers over HTTPS")
    connection = server.connection()
    statuses = [server.request("GET", "/healthz", connection=connection)[0] for _ in range(3)]
    connection.close()
    check(statuses == [200, 200, 200], f"keep-alive over TLS: {statuses}")


def check_untrusting_client(server):
    try:
        untrusting = http.client.HTTPSConnection("localhost", server.port, timeout=REQUEST_SECONDS,
                                                 context=ssl.create_default_context())
        untrusting.request("GET", "/healthz")
        untrusting.getresponse()
        check(False, "a client that does not trust the certificate is refused")
    except ssl.SSLCertVerificationError:
        pass


def check_plain_http_to_tls_port(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=REQUEST_SECONDS) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        answer = read_until_closed(s, REQUEST_SECONDS)
    check(not answer.startswith(b"HTTP/"), f"plain HTTP to the TLS port gets no HTTP answer: {answer[:40]!r}")
    check(server.process.poll() is None, "the server is still running after plain HTTP")
    check(server.request("GET", "/healthz")[0] == 200, "the server still answers HTTPS after plain HTTP")


def refuses(cli, rules, tokens, extra, status, words, what):
    command = [cli, "serve", "--rules", rules, "--tokens", tokens, "--listen", "127.0.0.1:0", *extra]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    check(done.returncode == status, f"{what}: exit {status}, got {done.returncode}: {done.stderr}")
    check(done.stdout == "", f"{what}: it never listened: {done.stdout!r}")
    check(words in done.stderr, f"{what}: stderr says {words!r}: {done.stderr!r}")


def check_bad_files(cli, rules, tokens, directory, cert, key):
    other_cert, other_key = make_certificate(directory, "other")
    garbage = os.path.join(directory, "garbage.pem")
    with open(garbage, "w") as f:
        f.write("this is not a certificate\n")
    missing = os.path.join(directory, "missing.pem")
    refuses(cli, rules, tokens, ["--tls-cert", missing, "--tls-key", key], 5, missing, "a missing certificate")
    refuses(cli, rules, tokens, ["--tls-cert", garbage, "--tls-key", key], 5, garbage, "a certificate not PEM")
    refuses(cli, rules, tokens, ["--tls-cert", cert, "--tls-key", garbage], 5, garbage, "a key not PEM")
    refuses(cli, rules, tokens, ["--tls-cert", cert, "--tls-key", other_key], 5, other_key, "a key of another cert")
    refuses(cli, rules, tokens, ["--tls-cert", cert], 2, "--tls-key", "a certificate without its key")


def check_tls_off_loopback(cli, rules, tokens, cert, key):
    """TLS off loopback passes the loopback policy without --allow-plain-http (plain HTTP there is
    refused: check_service_auth). The address is 192.0.2.1 (TEST-NET-1, RFC 5737), assigned to no
    interface, so the server gets as far as binding and fails there: the test never listens beyond
    loopback."""
    command = [cli, "serve", "--rules", rules, "--tokens", tokens, "--listen", "192.0.2.1:0", "--threads", "1",
               "--tls-cert", cert, "--tls-key", key]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    check("not a loopback" not in done.stderr, f"TLS off loopback is allowed by the policy: {done.stderr!r}")
    check(done.returncode == 5 and "cannot listen on 192.0.2.1:0" in done.stderr,
          f"it goes on to bind (which fails on an unassigned address): exit {done.returncode}, {done.stderr!r}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as directory:
        tokens = write_tokens(directory)
        cert, key = make_certificate(directory, "server")
        with TlsServer(args.cli, args.rules, tokens, cert, key) as server:
            check_decisions_over_tls(server, args.cli, args.rules)
            check_untrusting_client(server)
            check_plain_http_to_tls_port(server)
            check_decisions_over_tls(server, args.cli, args.rules)
            check(server.terminate() == 0, "SIGTERM stops the TLS server with exit 0")
        check_bad_files(args.cli, args.rules, tokens, directory, cert, key)
        check_tls_off_loopback(args.cli, args.rules, tokens, cert, key)
    finish()


if __name__ == "__main__":
    main()
