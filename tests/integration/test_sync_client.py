"""The transport to the province server against scripted loopback servers: retries, Retry-After, refusals."""

from __future__ import annotations

import gzip
import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from sync.client import UNAUTHORISED, SyncClient, SyncError


class Scripted:
    """A real HTTP server on loopback answering from a script of (status, headers, body); records requests."""

    def __init__(self, script: list[tuple[int, dict[str, str], dict[str, Any]]]) -> None:
        self.script, self.requests = list(script), list[dict[str, Any]]()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                outer.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "body": self.rfile.read(length)}
                )
                status, headers, body = outer.script.pop(0) if outer.script else (500, {}, {})
                data = json.dumps(body).encode()
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def scripted() -> Iterator[Callable[[list[tuple[int, dict[str, str], dict[str, Any]]]], Scripted]]:
    made: list[Scripted] = []

    def make(script: list[tuple[int, dict[str, str], dict[str, Any]]]) -> Scripted:
        made.append(Scripted(script))
        return made[-1]

    yield make
    for server in made:
        server.close()


def test_busy_answers_are_retried_honouring_retry_after(scripted: Any) -> None:
    server = scripted([(503, {"Retry-After": "2"}, {}), (429, {}, {}), (200, {}, {"counts": {}, "digest": {}})])
    waits: list[float] = []
    client = SyncClient(server.url, "tok", attempts=3, backoff_base=0.5, sleep=waits.append)
    assert client.summary() == {"counts": {}, "digest": {}}
    assert waits[0] == 2.0 and 0 <= waits[1] <= 1.0  # Retry-After as given, then full jitter up to 0.5 * 2
    assert len(server.requests) == 3
    headers = server.requests[0]["headers"]
    assert headers["X-Toso-Protocol"] == "1" and headers["Authorization"] == "Bearer tok"


def test_retries_stop_after_the_last_attempt(scripted: Any) -> None:
    server = scripted([(503, {}, {})] * 5)
    client = SyncClient(server.url, "tok", attempts=3, sleep=lambda _s: None)
    with pytest.raises(SyncError) as raised:
        client.summary()
    assert raised.value.status == 503 and "thử lại sau" in str(raised.value)
    assert len(server.requests) == 3


@pytest.mark.parametrize(
    ("status", "body", "kind", "message"),
    [
        (401, {"error": "unauthorized", "message": "x"}, "unauthorised", UNAUTHORISED),
        (426, {"error": "update_required", "message": "Hãy cập nhật."}, "update_required", "Hãy cập nhật."),
        (403, {"error": "bad_code", "message": "Mã đăng ký không đúng."}, "bad_code", "Mã đăng ký không đúng."),
    ],
)
def test_refusals_become_vietnamese_errors(scripted: Any, status: int, body: Any, kind: str, message: str) -> None:
    server = scripted([(status, {}, body)])
    with pytest.raises(SyncError) as raised:
        SyncClient(server.url, sleep=lambda _s: None).enroll("abcd-efgh-jklm", "may", "1")
    assert (raised.value.kind, str(raised.value)) == (kind, message)
    assert len(server.requests) == 1  # refusals are final: never retried
    assert json.loads(server.requests[0]["body"])["code"] == "ABCD-EFGH-JKLM"


def test_large_bodies_travel_gzipped(scripted: Any) -> None:
    server = scripted([(200, {}, {"results": []})])
    changes = [{"change_id": f"d:{n}", "fields": {"notes": "ghi chú dài " * 20}} for n in range(20)]
    SyncClient(server.url, "tok").push("batch", changes)
    sent = server.requests[0]
    assert sent["headers"]["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(sent["body"]))["changes"] == changes


def test_an_unreachable_server_is_reported_as_offline() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    waits: list[float] = []
    with pytest.raises(SyncError) as raised:
        SyncClient(f"http://127.0.0.1:{port}", attempts=2, sleep=waits.append).health()
    assert raised.value.kind == "offline" and len(waits) == 1


def test_tls_is_verified_and_its_failure_is_final(scripted: Any) -> None:
    server = scripted([])
    waits: list[float] = []
    client = SyncClient(server.url.replace("http://", "https://"), attempts=3, sleep=waits.append)
    assert client.session.verify is True
    with pytest.raises(SyncError) as raised:
        client.health()  # plain HTTP on the other end: the handshake fails, which is never retried
    assert raised.value.kind == "tls" and waits == []
    assert SyncClient(server.url, ca_bundle="/etc/toso/ca.pem").session.verify == "/etc/toso/ca.pem"
