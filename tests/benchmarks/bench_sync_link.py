"""Benchmark of sync through a simulated 3G link: a commune's first push, an incremental sync, a fresh laptop.

    python -m tests.benchmarks.bench_sync_link [--sessions N] [--rtt MS] [--kbit K] [--batch-kb KB] [--page-size N]

A real province server (`toso-server serve` in its own process, SQLite) behind the fault proxy
(tests/integration/fault_proxy.py) with RTT/2 added each way and the bandwidth capped at K kbit/s each way
(--kbit 0: no cap, --rtt 0: no delay, for the smoke test). A laptop filled with demo data (`toso demo`)
enrols through the proxy and measures:

  (a) the first push of everything (one `sync`: push, pull back, conflicts, summary),
  (b) an incremental sync after 50 new sessions, 20 edits and 5 deletions,
  (c) a fresh laptop enrolling and pulling the whole commune.

For each: seconds, bytes each way and requests counted at the proxy (HTTP heads and bodies, gzip as sent), and
the lower bound = bytes up / rate + bytes down / rate + requests × RTT: one round trip per request, because the
laptop's requests.Session keeps one connection alive through the proxy (the "connections" row shows it) and the
proxy's loopback handshake costs no simulated delay. The proxy models neither TCP slow start nor loss, so the
bound is what a perfect link would allow. Targets: ≤ 1.5 × the bound, the incremental sync < 3 s. Prints a
table; asserts nothing. --batch-kb and --page-size override the engine's BATCH_BYTES and PAGE_SIZE in this
process only (for experiments; the shared code is not changed).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.store import Store, sync_engine
from desktop.store.demo import create_demo
from sync import units
from sync.client import SyncClient
from sync.server import admin
from sync.server.db import create_schema, default_database_url, make_engine
from tests.benchmarks.figures import Figure, format_table
from tests.integration.fault_proxy import Counters, Fault, FaultProxy

REPO_ROOT = Path(__file__).resolve().parents[2]
COMMUNE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn
START_TIMEOUT = 30.0  # seconds for the server process to answer /health
NEW_SESSIONS, EDITS, DELETIONS = 50, 20, 5


# ----- the server in its own process -----


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server_process(data_dir: Path, extra: Sequence[str] = ()) -> Iterator[str]:
    """`toso-server serve` on a free port, as a province runs it; yields its URL and stops it on exit."""
    port = free_port()
    command = [sys.executable, "-m", "sync.server.cli", "serve", "--data-dir", str(data_dir), "--port", str(port)]
    log = (data_dir / "server.log").open("wb")
    process = subprocess.Popen([*command, *extra], cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(START_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    """Return once GET /health answers; RuntimeError when the process ends or takes too long."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"the province server did not start on {url}")


def enrollment_code(database_url: str, commune_code: str) -> str:
    """A fresh one-time code for the commune, setting up the province as `toso-server admin` would."""
    engine = make_engine(database_url)
    try:
        create_schema(engine)
        if admin.province_code(engine) is None:
            admin.init_province(engine, units.find_commune(commune_code).province_code)
        admin.add_communes(engine, [commune_code])
        code, _expires = admin.create_enrollment_code(engine, commune_code, days=1, now=datetime.now(UTC))
    finally:
        engine.dispose()
    return code


# ----- counting what one step costs -----


@dataclass
class RequestLog:
    """Per request kind (push, pull, …): how many, seconds waiting for the answer, bytes at the proxy."""

    count: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    up: dict[str, int] = field(default_factory=dict)
    down: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, seconds: float, up: int, down: int) -> None:
        """Count one finished request."""
        self.count[kind] = self.count.get(kind, 0) + 1
        self.seconds[kind] = self.seconds.get(kind, 0.0) + seconds
        self.up[kind] = self.up.get(kind, 0) + up
        self.down[kind] = self.down.get(kind, 0) + down


def instrumented(client: SyncClient, proxy: FaultProxy, log: RequestLog) -> SyncClient:
    """The client with every request timed and its bytes taken from the proxy's counters (requests are sequential)."""
    send = client.session.request

    def timed_request(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        before = snapshot(proxy.counters)
        started = time.perf_counter()
        response = send(method, url, *args, **kwargs)
        response.content  # noqa: B018 - the whole body is read inside the timing
        seconds = time.perf_counter() - started
        after = snapshot(proxy.counters)
        kind = url.split("?")[0].rsplit("/", 1)[-1]
        log.add(kind, seconds, after.bytes_up - before.bytes_up, after.bytes_down - before.bytes_down)
        return response

    client.session.request = timed_request  # type: ignore[method-assign,assignment]
    return client


def snapshot(counters: Counters) -> Counters:
    """A copy of the proxy's counters at this moment."""
    return Counters(**vars(counters))


@dataclass
class Step:
    """One measured step: wall seconds, proxy counters and the per-request log."""

    name: str
    seconds: float
    traffic: Counters
    log: RequestLog
    note: str = ""


def measure(name: str, proxy: FaultProxy, log: RequestLog, action: Callable[[], str]) -> Step:
    """Run action (which returns a short note) and count what it cost at the proxy."""
    before = snapshot(proxy.counters)
    started = time.perf_counter()
    note = action()
    seconds = time.perf_counter() - started
    after = snapshot(proxy.counters)
    traffic = Counters(**{key: getattr(after, key) - getattr(before, key) for key in vars(after)})
    return Step(name, seconds, traffic, log, note)


def lower_bound(traffic: Counters, rate: float | None, rtt: float) -> float:
    """Seconds a perfect link needs: bytes at the link's rate each way plus one round trip per request."""
    transfer = (traffic.bytes_up + traffic.bytes_down) / rate if rate else 0.0
    return transfer + traffic.requests * rtt


# ----- the laptop's steps -----


def change_locally(store: Store, new: int, edits: int, deletions: int) -> None:
    """New sessions copied from existing ones, edits of their notes, deletions: what a week brings."""
    sessions = store.rows("sessions", order_by="id")
    fields = ("team_id", "date", "start_time", "end_time", "place", "category_counts", "citizens_total", "member_ids")
    with store.transaction():
        for row in sessions[:new]:
            values = {name: row[name] for name in fields}
            values["notes"] = "Buổi hỗ trợ mới: hướng dẫn cài ứng dụng VNeID cho người cao tuổi."
            store.insert("sessions", values)
        for row in sessions[new : new + edits]:
            store.update("sessions", row["id"], {"notes": "Đã sửa: bổ sung số người được hỗ trợ."})
        for row in sessions[new + edits : new + edits + deletions]:
            store.delete("sessions", row["id"])


def enrolling(store: Store, folder: Path, proxy: FaultProxy, code: str, log: RequestLog) -> Callable[[], str]:
    """The enrolment of a laptop through the proxy, ready to be measured."""

    def enrol() -> str:
        with instrumented(SyncClient(proxy.url), proxy, log) as client:
            done = sync_engine.enroll(store, folder, proxy.url, code, "may-do-hieu-nang", "0", client=client)
        return f"{done.pulled:,} records pulled"

    return enrol


def run(work: Path, sessions: int, rtt: float, kbit: float) -> list[Step]:
    """Set everything up, then measure the three steps."""
    server_dir, laptop_dir, fresh_dir = work / "may-chu", work / "may-xa", work / "may-moi"
    server_dir.mkdir(parents=True, exist_ok=True)
    database_url = default_database_url(server_dir)
    rate = kbit * 1000 / 8 if kbit else None
    link = Fault(latency_up=rtt / 2, latency_down=rtt / 2, rate_up=rate, rate_down=rate)
    steps: list[Step] = []
    first_code = enrollment_code(database_url, COMMUNE)
    with server_process(server_dir) as url:
        host, _, port = url.removeprefix("http://").partition(":")
        proxy = FaultProxy(host, int(port))
        proxy.default = link
        try:
            with Store.open(laptop_dir, automatic_backup=False) as laptop:
                demo = create_demo(laptop, commune_code=COMMUNE, sessions=sessions, seed=1)
                pending = laptop.pending_changes()

                log = RequestLog()
                enrol = enrolling(laptop, laptop_dir, proxy, first_code, log)
                steps.append(measure("enrol the filled laptop", proxy, log, enrol))
                token = sync_engine.read_token(laptop_dir)

                def one_sync(log: RequestLog) -> str:
                    with instrumented(SyncClient(proxy.url, token), proxy, log) as client:
                        done = sync_engine.sync(laptop, laptop_dir, client=client)
                    return f"{done.pushed} sent, {done.pulled} pulled back, mismatched: {list(done.mismatched) or '-'}"

                log = RequestLog()
                steps.append(measure(f"(a) first push: {pending:,} changes", proxy, log, lambda: one_sync(log)))
                change_locally(laptop, NEW_SESSIONS, EDITS, DELETIONS)
                log = RequestLog()
                label = f"(b) incremental: {NEW_SESSIONS} new, {EDITS} edits, {DELETIONS} deletions"
                steps.append(measure(label, proxy, log, lambda: one_sync(log)))

            fresh_code = enrollment_code(database_url, COMMUNE)
            with Store.open(fresh_dir, automatic_backup=False) as fresh:
                log = RequestLog()
                enrol = enrolling(fresh, fresh_dir, proxy, fresh_code, log)
                steps.append(measure("(c) fresh laptop: enrol and pull all", proxy, log, enrol))
                steps[-1].note += f"; {fresh.count('sessions'):,} sessions (demo made {demo.sessions:,})"
        finally:
            proxy.stop()
    return steps


# ----- the table -----


def step_figures(step: Step, rate: float | None, rtt: float) -> list[Figure]:
    """The rows of one step: totals, bound and ratio, then where the time went by request kind."""
    bound = lower_bound(step.traffic, rate, rtt)
    in_requests = sum(step.log.seconds.values())
    rows = [
        Figure(step.name, f"{step.seconds:.2f}", "s"),
        Figure("  bytes up / down", f"{step.traffic.bytes_up:,} / {step.traffic.bytes_down:,}", "B"),
        Figure("  requests / TCP connections", f"{step.traffic.requests} / {step.traffic.connections}"),
        Figure("  lower bound (bytes / rate + requests × RTT)", f"{bound:.2f}", "s"),
        Figure("  ratio to the lower bound", f"{step.seconds / bound:.2f}" if bound else "-", "×"),
        Figure("  on the laptop between requests", f"{step.seconds - in_requests:.2f}", "s"),
    ]
    for kind in sorted(step.log.count, key=lambda k: -step.log.seconds[k]):
        kind_bound = (step.log.up[kind] + step.log.down[kind]) / rate if rate else 0.0
        kind_bound += step.log.count[kind] * rtt
        rows.append(
            Figure(
                f"  {kind}: n, s, B up / down, bound s",
                f"{step.log.count[kind]}, {step.log.seconds[kind]:.2f}, "
                f"{step.log.up[kind]:,} / {step.log.down[kind]:,}, {kind_bound:.2f}",
            )
        )
    if step.note:
        rows.append(Figure("  result", step.note))
    return rows


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_sync_link",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sessions", type=int, default=20_000, help="demo sessions on the laptop (20000)")
    parser.add_argument("--rtt", type=float, default=300, help="round-trip time in ms, half each way (300)")
    parser.add_argument("--kbit", type=float, default=256, help="bandwidth each way in kbit/s, 0 = no cap (256)")
    parser.add_argument("--batch-kb", type=int, help="experiment: push batch size in kB (engine: 256)")
    parser.add_argument("--page-size", type=int, help="experiment: pull page size in records (engine: 500)")
    parser.add_argument("--data-dir", type=Path, help="keep the data here (an empty folder) rather than a temp one")
    args = parser.parse_args(argv)
    if args.batch_kb:
        sync_engine.pending_batches.__defaults__ = (args.batch_kb * 1000,)
    if args.page_size:
        sync_engine.PAGE_SIZE = args.page_size
    rtt, rate = args.rtt / 1000, args.kbit * 1000 / 8 if args.kbit else None

    with tempfile.TemporaryDirectory(prefix="toso-bench-link-") as temporary:
        steps = run(args.data_dir or Path(temporary), args.sessions, rtt, args.kbit)
    figures = [
        Figure("link: RTT / bandwidth each way", f"{args.rtt:.0f} ms / {args.kbit:g}", "kbit/s"),
        Figure(
            "engine: push batch / pull page",
            f"{sync_engine.pending_batches.__defaults__[0] // 1000} kB / {sync_engine.PAGE_SIZE}",  # type: ignore[index]
        ),
        Figure(
            "lower bound: 1 RTT per request",
            "",
            "(kept-alive connection; a new one adds no RTT: the proxy's handshake is on loopback)",
        ),
    ]
    for step in steps:
        figures += step_figures(step, rate, rtt)
    print(format_table(figures))
    return figures


if __name__ == "__main__":
    main()
