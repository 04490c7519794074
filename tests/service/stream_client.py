"""A client for the streamed batch route: sends a body with chunked transfer encoding from one
thread while another reads and decodes the chunked answer, so neither side waits for the other.
Bounded in time: every socket operation has a timeout."""
import hashlib
import socket
import threading

from service_harness import DECIDE_TOKEN, REQUEST_SECONDS


def head_bytes(path="/v1/decisions:batch", token=DECIDE_TOKEN, content_type="application/x-ndjson"):
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Type: {content_type}",
             "Transfer-Encoding: chunked"]
    if token:
        lines.append("Authorization: Bearer " + token)
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def chunk(data):
    return b"%x\r\n" % len(data) + data + b"\r\n"


class Answer:
    """What the reading side saw: status, headers, the decoded body (or its sha256 and length when
    `keep` is False), whether the last chunk came, and the error that ended the reading, if any."""

    def __init__(self, keep):
        self.keep, self.status, self.headers = keep, None, {}
        self.body, self.digest, self.length = b"", hashlib.sha256(), 0
        self.complete, self.error = False, None

    def add(self, data):
        self.digest.update(data)
        self.length += len(data)
        if self.keep:
            self.body += data


class Reader:
    """Reads one chunked response from `s` into an Answer (on a thread of its own)."""

    def __init__(self, s, keep=True):
        self.s, self.answer, self.pending = s, Answer(keep), b""

    def _more(self):
        data = self.s.recv(1 << 16)
        if not data:
            raise EOFError("closed")
        self.pending += data

    def _line(self):
        while b"\r\n" not in self.pending:
            self._more()
        line, _, self.pending = self.pending.partition(b"\r\n")
        return line

    def _exactly(self, n):
        while len(self.pending) < n:
            self._more()
        data, self.pending = self.pending[:n], self.pending[n:]
        return data

    def run(self):
        a = self.answer
        try:
            a.status = int(self._line().split(b" ")[1])
            while (line := self._line()):
                name, _, value = line.decode().partition(":")
                a.headers[name.strip().lower()] = value.strip()
            if a.headers.get("transfer-encoding") != "chunked":
                a.add(self._exactly(int(a.headers.get("content-length", "0"))))
                a.complete = True
                return
            while True:
                size = int(self._line().split(b";")[0], 16)
                if size == 0:
                    self._line()
                    a.complete = True
                    return
                a.add(self._exactly(size))
                self._exactly(2)
        except (OSError, EOFError, ValueError, IndexError) as error:
            a.error = error

    def start(self):
        thread = threading.Thread(target=self.run, daemon=True)
        thread.start()
        return thread


def send_pieces(s, pieces, errors):
    """Sends every piece as one chunk, then the last chunk; records a send error in `errors`."""
    try:
        for piece in pieces:
            s.sendall(chunk(piece))
        s.sendall(b"0\r\n\r\n")
    except OSError as error:
        errors.append(error)


def stream_batch(port, pieces, keep=True, path="/v1/decisions:batch", seconds=REQUEST_SECONDS * 4):
    """Sends `pieces` (an iterable of bytes) as a chunked body and reads the answer concurrently;
    returns the Answer and the send errors."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as s:
        s.sendall(head_bytes(path))
        reader = Reader(s, keep)
        reading = reader.start()
        errors = []
        sending = threading.Thread(target=send_pieces, args=(s, pieces, errors), daemon=True)
        sending.start()
        sending.join(seconds)
        reading.join(seconds)
        return reader.answer, errors


def rss_kib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0
