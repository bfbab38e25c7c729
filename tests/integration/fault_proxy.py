"""A fault-injecting TCP proxy on loopback for sync tests and benchmarks: drops, truncation, latency, bandwidth."""

from __future__ import annotations

import queue
import select
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

HOST = "127.0.0.1"
CHUNK = 16_384
POLL = 0.05  # seconds: how often a blocked thread looks at the stop flag
IDLE_TIMEOUT = 60.0  # seconds: a connection nobody uses is closed, so no thread waits for ever
JOIN_TIMEOUT = 5.0
HEADER_END = b"\r\n\r\n"


@dataclass(frozen=True)
class Fault:
    """What happens to one connection; the default passes everything through untouched."""

    drop_before: bool = False  # close as soon as the request starts: the server never sees it
    drop_after_request: bool = False  # forward the request, close when the reply starts: committed, reply lost
    truncate_body_after: int | None = None  # forward the reply's headers and this many body bytes, then close
    latency_up: float = 0.0  # seconds added to every chunk from client to server
    latency_down: float = 0.0  # seconds added to every chunk from server to client
    rate_up: float | None = None  # bytes per second, client to server
    rate_down: float | None = None  # bytes per second, server to client


def slow_link(kbit_per_s: float = 256, latency: float = 0.05) -> Fault:
    """A narrow rural link: the same cap and latency both ways."""
    rate = kbit_per_s * 1000 / 8
    return Fault(latency_up=latency, latency_down=latency, rate_up=rate, rate_down=rate)


@dataclass
class Counters:
    """Traffic through the proxy since it started (or since reset)."""

    connections: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    faulted: int = 0  # connections that got a fault from the queue
    requests: int = 0  # HTTP requests whose head went through to the server (see _RequestCounter)


class FaultProxy:
    """A threaded proxy on 127.0.0.1 (a free port) in front of target; faults apply to the NEXT n connections."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.default = Fault()  # for connections with no queued fault: a slow link for a whole test, say
        self.counters = Counters()
        self._queue: list[Fault] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self._listener = socket.create_server((HOST, 0))
        self._listener.settimeout(POLL)
        self.port: int = self._listener.getsockname()[1]
        self._accepting = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)
        self._accepting.start()

    @property
    def url(self) -> str:
        """The base URL a laptop uses to reach the server through the proxy."""
        return f"http://{HOST}:{self.port}"

    def inject(self, fault: Fault, connections: int = 1) -> None:
        """Apply fault to the next n connections accepted."""
        with self._lock:
            self._queue.extend([fault] * connections)

    def clear(self) -> None:
        """Forget queued faults and go back to passing everything through."""
        with self._lock:
            self._queue.clear()
        self.default = Fault()

    @property
    def pending_faults(self) -> int:
        """Queued faults not yet applied to a connection."""
        with self._lock:
            return len(self._queue)

    def drop_connections(self) -> None:
        """Close every open connection (a cable pulled): kept-alive ones included."""
        with self._lock:
            open_sockets = list(self._sockets)
        for sock in open_sockets:
            _close(sock)

    def stop(self) -> None:
        """Stop accepting, close every connection and wait (bounded) for the threads."""
        self._stop.set()
        self._accepting.join(JOIN_TIMEOUT)
        self._listener.close()
        self.drop_connections()
        deadline = time.monotonic() + JOIN_TIMEOUT
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                fault = self._queue.pop(0) if self._queue else self.default
                self.counters.connections += 1
                self.counters.faulted += fault is not self.default
            thread = threading.Thread(target=self._serve, args=(client, fault), name="fault-proxy-conn", daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
            thread.start()

    def _track(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.add(sock)
        return sock

    def _serve(self, client: socket.socket, fault: Fault) -> None:
        self._track(client)
        client.settimeout(None)  # blocking sends; reads poll with select
        upstream: socket.socket | None = None
        try:
            if fault.drop_before:
                _recv_some(client, self._stop)  # the request has started; nothing of it goes on
                return
            upstream = self._track(socket.create_connection(self.target, timeout=JOIN_TIMEOUT))
            upstream.settimeout(None)  # blocking sends; reads poll with select
            done = threading.Event()
            pumps = [
                threading.Thread(target=self._pump, args=(client, upstream, fault, True, done), daemon=True),
                threading.Thread(target=self._pump, args=(upstream, client, fault, False, done), daemon=True),
            ]
            for pump in pumps:
                pump.start()
            for pump in pumps:
                pump.join(IDLE_TIMEOUT + JOIN_TIMEOUT)
        except OSError:
            pass
        finally:
            for sock in (client, upstream):
                if sock is not None:
                    _close(sock)
                    with self._lock:
                        self._sockets.discard(sock)

    def _pump(self, source: socket.socket, sink: socket.socket, fault: Fault, up: bool, done: threading.Event) -> None:
        """Carry one direction: a reader thread stamps chunks, this thread delivers them late and throttled."""
        latency = fault.latency_up if up else fault.latency_down
        rate = fault.rate_up if up else fault.rate_down
        chunks: queue.Queue[tuple[float, bytes] | None] = queue.Queue()
        reader = threading.Thread(target=self._read, args=(source, chunks, done), daemon=True)
        reader.start()
        cutter = None if up or fault.truncate_body_after is None else _Truncation(fault.truncate_body_after)
        requests = _RequestCounter() if up else None
        try:
            while not done.is_set():
                try:
                    item = chunks.get(timeout=POLL)
                except queue.Empty:
                    continue
                if item is None:
                    break
                arrived, data = item
                if not up and fault.drop_after_request:
                    break  # the server answered, so it has committed; the answer is lost
                if cutter is not None:
                    data = cutter.take(data)
                _wait_until(arrived + latency, done)
                started = requests.feed(data) if requests is not None else 0
                # Counted as the bytes enter the link, so a client that has read a whole reply sees them counted.
                with self._lock:
                    self.counters.requests += started
                    if up:
                        self.counters.bytes_up += len(data)
                    else:
                        self.counters.bytes_down += len(data)
                _send(sink, data, rate, done)
                if cutter is not None and cutter.cut:
                    break
        except OSError:
            pass
        finally:
            done.set()  # either side ending ends the connection: HTTP needs no half-open sockets here
            _close(sink)
            _close(source)
            reader.join(JOIN_TIMEOUT)

    def _read(
        self, source: socket.socket, chunks: queue.Queue[tuple[float, bytes] | None], done: threading.Event
    ) -> None:
        idle_since = time.monotonic()
        try:
            while not done.is_set() and not self._stop.is_set():
                # select with a timeout, not a socket timeout: the other thread's sendall must block freely.
                readable, _, _ = select.select([source], [], [], POLL)
                if not readable:
                    if time.monotonic() - idle_since > IDLE_TIMEOUT:
                        break
                    continue
                data = source.recv(CHUNK)
                if not data:
                    break
                idle_since = time.monotonic()
                chunks.put((idle_since, data))
        except (OSError, ValueError):  # ValueError: select on a socket closed meanwhile
            pass
        finally:
            chunks.put(None)


class _RequestCounter:
    """Counts the HTTP/1.1 requests in a client's byte stream: a head, then Content-Length bytes of body.

    Enough for what the laptop sends (requests gives every body a Content-Length); a chunked body is not parsed.
    """

    def __init__(self) -> None:
        self.head = b""
        self.body_left = 0

    def feed(self, data: bytes) -> int:
        """How many request heads end in data."""
        ended = 0
        while data:
            if self.body_left:
                taken = min(self.body_left, len(data))
                self.body_left -= taken
                data = data[taken:]
                continue
            self.head += data
            end = self.head.find(HEADER_END)
            if end < 0:
                return ended
            ended += 1
            data = self.head[end + len(HEADER_END) :]
            self.body_left = _content_length(self.head[:end])
            self.head = b""
        return ended


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length" and value.strip().isdigit():
            return int(value.strip())
    return 0


class _Truncation:
    """Lets a reply's headers through whole and then at most budget bytes of its body."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.head = b""
        self.in_body = False
        self.cut = False

    def take(self, data: bytes) -> bytes:
        """The part of data to forward; sets cut once the budget is spent."""
        start = 0
        if not self.in_body:
            self.head += data
            end = self.head.find(HEADER_END)
            if end < 0:
                return data
            self.in_body = True
            start = len(data) - (len(self.head) - end - len(HEADER_END))  # where the body starts in data
        keep = min(self.budget, len(data) - start)
        self.budget -= keep
        self.cut = self.budget <= 0
        return data[: start + keep]


def _recv_some(sock: socket.socket, stop: threading.Event) -> None:
    deadline = time.monotonic() + JOIN_TIMEOUT
    while time.monotonic() < deadline and not stop.is_set():
        try:
            readable, _, _ = select.select([sock], [], [], POLL)
            if readable:
                sock.recv(CHUNK)
                return
        except (OSError, ValueError):
            return


def _wait_until(moment: float, done: threading.Event) -> None:
    delay = moment - time.monotonic()
    if delay > 0:
        done.wait(delay)


def _send(sock: socket.socket, data: bytes, rate: float | None, done: threading.Event) -> None:
    if rate is None:
        sock.sendall(data)
        return
    # Small slices, each followed by the time it takes on the link: a steady stream, not bursts.
    piece = max(1, int(rate / 50))
    for start in range(0, len(data), piece):
        if done.is_set():
            return
        part = data[start : start + piece]
        sock.sendall(part)
        done.wait(len(part) / rate)


def _close(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


@contextmanager
def fault_proxy(target_url: str) -> Iterator[FaultProxy]:
    """A proxy in front of an http://host:port URL, stopped on exit."""
    host, _, port = target_url.removeprefix("http://").rstrip("/").partition(":")
    proxy = FaultProxy(host, int(port))
    try:
        yield proxy
    finally:
        proxy.stop()
