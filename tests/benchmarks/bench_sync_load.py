"""Benchmark of the province server under load: many laptops syncing at the same moment.

    python -m tests.benchmarks.bench_sync_load [--laptops 200] [--communes 20] [--sessions N] [--changes 20]
        [--workers 2] [--clients 4] [--database-url postgresql+psycopg://…]

One server (`toso-server serve --workers N`, as a province runs it) over SQLite by default or
PostgreSQL (--database-url: a throwaway database is created on that server and dropped afterwards). The
communes are seeded through the server's own apply_change with a demo commune of --sessions sessions each,
and the laptops are enrolled, before the clock starts. Then every laptop — a thread with its own
sync.client.SyncClient, spread over --clients processes so the laptops' own Python does not queue behind one
GIL — does one sync cycle at the same moment, the requests the engine sends: push its changes (new sessions,
edits of sessions it alone touches, deletions; made by the engine's pending_batches and wire_change on a demo
store), pull its commune from its cursor until the server has no more, fetch conflicts, and the summary.

Prints throughput (syncs/s, requests/s), latency per request type (p50/p95/max) and per sync, and errors: every
HTTP attempt answered 5xx or failed (timeout, reset) counts, even when the client's retry then succeeded; the 503s
among them are the server saying "busy" on purpose (a lock or a connection not had within 10 s).
Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from desktop.store import Store, sync_engine
from desktop.store.demo import create_demo
from sync import units
from sync.client import SyncClient, SyncError
from sync.ids import format_utc, new_id
from sync.server import admin, auth, service
from sync.server.db import conflicts, create_schema, default_database_url, make_engine, records
from tests.benchmarks.bench_sync_link import REPO_ROOT, free_port, wait_healthy
from tests.benchmarks.figures import Figure, format_table

PROVINCE_COMMUNE = "06040"  # xã Thất Khê: its province (Lạng Sơn) gives the communes
START_DELAY = 3.0  # seconds between handing out the plans and the common start: every process is ready by then
READ_TIMEOUT = 60.0  # the laptop's own default is 30 s; longer here, so a slow answer is measured, not cut
KINDS = ("push", "pull", "conflicts", "summary")


# ----- the database and the server process -----


@contextmanager
def bench_database(base_url: str | None, folder: Path) -> Iterator[str]:
    """An empty database: an SQLite file in folder, or a fresh PostgreSQL database beside base_url's, dropped after."""
    if base_url is None:
        yield default_database_url(folder)
        return
    url = make_url(base_url)
    name = f"toso_bench_{uuid.uuid4().hex[:8]}"
    admin_engine = make_engine(url.set(database="postgres").render_as_string(hide_password=False))
    admin_engine = admin_engine.execution_options(isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


@contextmanager
def server_process(database_url: str, workers: int, folder: Path) -> Iterator[tuple[str, int]]:
    """`toso-server serve` with this many worker processes on a free port; yields its URL and pid, stops it on exit."""
    port = free_port()
    command = [sys.executable, "-m", "sync.server.cli", "serve", "--database-url", database_url]
    command += ["--workers", str(workers), "--host", "127.0.0.1", "--port", str(port)]
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) used so far by a process and its children (uvicorn's workers); None without /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return own + sum(cpu_seconds(int(child)) or 0.0 for child in children)


# ----- what the laptops send, made by the engine -----


@dataclass
class Template:
    """A demo commune's records as pushed changes, and a week's changes on top of them, both as the engine sends."""

    seed: list[dict[str, Any]]  # every change of the demo commune
    week: list[dict[str, Any]]  # new sessions, edits and deletions
    sessions: list[str]  # ids of the demo's sessions, for laptops to edit different ones


def make_template(folder: Path, sessions: int, changes: int) -> Template:
    """Build the demo store and read its outbox through pending_batches and wire_change."""
    with Store.open(folder, automatic_backup=False) as store:
        create_demo(store, commune_code=PROVINCE_COMMUNE, sessions=sessions, seed=2)
        seed = outbox(store)
        store.db.execute("UPDATE changes SET sync_state = 'synced'")
        session_ids = [row["id"] for row in store.rows("sessions", order_by="id")]
        edits = max(1, changes * 3 // 10)
        deletions = max(1, changes // 10)
        with store.transaction():
            for record_id in session_ids[: changes - edits - deletions]:
                row = store.get("sessions", record_id)
                assert row is not None
                values = {key: row[key] for key in ("team_id", "date", "start_time", "place", "citizens_total")}
                values |= {"category_counts": row["category_counts"], "member_ids": row["member_ids"]}
                store.insert("sessions", {**values, "notes": "Buổi hỗ trợ mới tại nhà văn hoá thôn."})
            for record_id in session_ids[:edits]:
                store.update("sessions", record_id, {"notes": "Đã sửa: bổ sung số người được hỗ trợ."})
            for record_id in session_ids[edits : edits + deletions]:
                store.delete("sessions", record_id)
        week = outbox(store)
    return Template(seed, week, session_ids)


def outbox(store: Store) -> list[dict[str, Any]]:
    """Every pending change as the engine puts it on the wire (device id "template"; remapped per laptop)."""
    return [
        sync_engine.wire_change(store, "template", change)
        for batch in sync_engine.pending_batches(store, limit_bytes=10**12)
        for change in batch
    ]


def for_commune(change: dict[str, Any], commune_code: str, device_id: str, ids: dict[str, str]) -> dict[str, Any]:
    """The change as a laptop of another commune sends it: its commune, its change id, ids remapped."""
    moved: dict[str, Any] = json.loads(json.dumps(change))
    moved["commune_code"] = commune_code
    moved["change_id"] = f"{device_id}:{change['change_id'].split(':')[1]}"
    moved["record_id"] = ids.get(moved["record_id"], moved["record_id"])
    if "id" in moved["fields"]:
        moved["fields"]["id"] = moved["record_id"]
    if "commune_code" in moved["fields"]:
        moved["fields"]["commune_code"] = commune_code
    return moved


# ----- setting the province up -----


@dataclass
class Laptop:
    """One laptop's plan: who it is and what it sends."""

    number: int
    commune_code: str
    token: str
    cursor: int
    conflicts_since: int
    batch_id: str
    changes: list[dict[str, Any]]


def province_communes(count: int) -> list[str]:
    """The first count communes of the province, in code order."""
    province = units.find_commune(PROVINCE_COMMUNE).province_code
    codes = sorted(c.code for c in units.all_communes() if c.province_code == province)
    return codes[:count]


def seed_communes(engine: Engine, communes: list[str], template: Template) -> None:
    """Every commune gets the demo's records through the server's own apply_change, one transaction each."""
    today, now = datetime.now(UTC).date(), format_utc(datetime.now(UTC))
    for code in communes:
        device = auth.Device(id=str(uuid.uuid4()), commune_code=code, name="nạp dữ liệu")
        with engine.begin() as conn:
            for change in template.seed:
                moved = for_commune(change, code, device.id, {})
                # As the engine does batch after batch: a second edit names the version the first one got.
                moved["base_versions"] = current_versions(conn, code, moved)
                result = service.apply_change(conn, device, moved, today, now)
                if result["status"] != "applied":
                    raise RuntimeError(f"seed change rejected: {result.get('reason')}")


def enroll_laptops(engine: Engine, communes: list[str], laptops: int, template: Template) -> list[Laptop]:
    """Enrol the laptops round-robin over the communes and give each its week of changes."""
    now = datetime.now(UTC)
    plans: list[Laptop] = []
    week_edits = [c for c in template.week if c["op"] != "insert"]
    if len(template.sessions) < -(-laptops // len(communes)) * len(week_edits):
        raise SystemExit("--sessions is too small: every laptop of a commune edits sessions of its own")
    for number in range(laptops):
        code = communes[number % len(communes)]
        enrollment, _ = admin.create_enrollment_code(engine, code, days=1, now=now)
        with engine.begin() as conn:
            device, token = auth.enroll(conn, enrollment, f"máy {number + 1}", "bench", now)
            # Each laptop of a commune edits its own sessions: concurrent edits of one field are a separate test.
            slot = number // len(communes)
            own = template.sessions[slot * len(week_edits) : (slot + 1) * len(week_edits)]
            ids = {change["record_id"]: target for change, target in zip(week_edits, own, strict=True)}
            ids |= {c["record_id"]: new_id() for c in template.week if c["op"] == "insert"}
            changes = [for_commune(change, code, device.id, ids) for change in template.week]
            for change in changes:
                change["base_versions"] = current_versions(conn, code, change)
            cursor = conn.execute(select(func.max(records.c.seq)).where(records.c.commune_code == code)).scalar()
            last_conflict = conn.execute(
                select(func.max(conflicts.c.id)).where(conflicts.c.commune_code == code)
            ).scalar()
        batch = sync_engine.batch_id(device.id, [{"seq": number}, {"seq": number}])
        plans.append(Laptop(number, code, token, int(cursor or 0), int(last_conflict or 0), batch, changes))
    return plans


def current_versions(conn: Any, commune_code: str, change: dict[str, Any]) -> dict[str, int]:
    """The base versions the laptop would hold: the server's current versions of the fields it writes."""
    versions_text = conn.execute(
        select(records.c.versions).where(
            records.c.commune_code == commune_code,
            records.c.record_type == change["record_type"],
            records.c.record_id == change["record_id"],
        )
    ).scalar()
    versions = json.loads(versions_text) if versions_text else {}
    return {name: int(versions.get(name, 0)) for name in change["fields"]}


# ----- the laptops -----

Attempt = tuple[str, float, str]  # (request kind, seconds, "200" or the status / the exception's name)


@dataclass
class Outcome:
    """One laptop's sync: when it started and ended (wall clock), whether it succeeded, every HTTP attempt."""

    started: float
    ended: float
    ok: bool
    attempts: list[Attempt]
    applied: int = 0
    rejected: int = 0

    @property
    def seconds(self) -> float:
        """How long the whole sync took."""
        return self.ended - self.started


def run_laptops(url: str, plans: list[Laptop], start_at: float) -> list[Outcome]:
    """In one client process: a thread per laptop, all starting at start_at (wall clock)."""
    with ThreadPoolExecutor(max_workers=len(plans)) as pool:
        return list(pool.map(lambda plan: one_laptop(url, plan, start_at), plans))


def one_laptop(url: str, plan: Laptop, start_at: float) -> Outcome:
    """One sync cycle as the engine runs it: push, pull to the end, conflicts, summary."""
    attempts: list[Attempt] = []
    client = SyncClient(url, plan.token, read_timeout=READ_TIMEOUT)
    record_attempts(client, attempts)
    time.sleep(max(0.0, start_at - time.time()))  # the common start: a moment, not a condition to wait for
    started = time.time()
    ok, applied, rejected = True, 0, 0
    try:
        answer = client.push(plan.batch_id, plan.changes)
        statuses = [item.get("status") for item in answer.get("results") or []]
        applied, rejected = statuses.count("applied"), statuses.count("rejected")
        cursor = plan.cursor
        for _page in range(10_000):
            page = client.pull(cursor, sync_engine.PAGE_SIZE)
            new_cursor = int(page.get("cursor", cursor))
            if not page.get("more") or new_cursor <= cursor:
                break
            cursor = new_cursor
        client.conflicts(plan.conflicts_since, 500)
        client.summary(app_version="bench", pending=0)
    except SyncError:
        ok = False
    finally:
        client.close()
    return Outcome(started, time.time(), ok, attempts, applied, rejected)


def record_attempts(client: SyncClient, attempts: list[Attempt]) -> None:
    """Log every HTTP attempt the client makes (a retried one too) with its time and outcome."""
    send = client.session.request

    def timed_request(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        kind = url.split("?")[0].rsplit("/", 1)[-1]
        started = time.perf_counter()
        try:
            response = send(method, url, *args, **kwargs)
            response.content  # noqa: B018 - the body is part of the latency
        except Exception as error:
            attempts.append((kind, time.perf_counter() - started, type(error).__name__))
            raise
        attempts.append((kind, time.perf_counter() - started, str(response.status_code)))
        return response

    client.session.request = timed_request  # type: ignore[method-assign,assignment]


# ----- the run and the table -----


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The sample at that fraction of the sorted list (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def latency_row(name: str, samples: Sequence[float]) -> Figure:
    """p50 / p95 / max in milliseconds."""
    if not samples:
        return Figure(name, "-")
    values = (
        f"{percentile(samples, 0.5) * 1000:.0f} / {percentile(samples, 0.95) * 1000:.0f} / {max(samples) * 1000:.0f}"
    )
    return Figure(f"{name} ({len(samples)})", values, "ms")


def run(args: argparse.Namespace, folder: Path) -> list[Figure]:
    """Seed, enrol, start the server, run every laptop at once, and sum up."""
    started = time.perf_counter()
    template = make_template(folder / "template", args.sessions, args.changes)
    communes = province_communes(args.communes)
    with bench_database(args.database_url, folder) as database_url:
        engine = make_engine(database_url)
        try:
            create_schema(engine)
            admin.init_province(engine, units.find_commune(PROVINCE_COMMUNE).province_code)
            admin.add_communes(engine, communes)
            seed_communes(engine, communes, template)
            plans = enroll_laptops(engine, communes, args.laptops, template)
        finally:
            engine.dispose()
        setup_seconds = time.perf_counter() - started
        with server_process(database_url, args.workers, folder) as (url, pid):
            cpu_before = cpu_seconds(pid)
            groups = [plans[i :: args.clients] for i in range(args.clients)]
            start_at = time.time() + START_DELAY + 0.02 * args.laptops / args.clients
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=args.clients, mp_context=context) as pool:
                results = [
                    item
                    for group in pool.map(run_laptops, [url] * len(groups), groups, [start_at] * len(groups))
                    for item in group
                ]
            cpu_after = cpu_seconds(pid)
        server_cpu = cpu_after - cpu_before if cpu_after is not None and cpu_before is not None else None
    wall = max(outcome.ended for outcome in results) - min(outcome.started for outcome in results)
    spread = max(outcome.started for outcome in results) - min(outcome.started for outcome in results)
    attempts = [attempt for outcome in results for attempt in outcome.attempts]
    failed = sum(not outcome.ok for outcome in results)
    errors = [outcome for _, _, outcome in attempts if not outcome.startswith(("2", "4"))]
    refused = [outcome for _, _, outcome in attempts if outcome.startswith("4")]
    backend = "PostgreSQL" if args.database_url else "SQLite"
    figures = [
        Figure("backend / uvicorn workers / client processes", f"{backend} / {args.workers} / {args.clients}"),
        Figure("laptops / communes / changes pushed each", f"{args.laptops} / {len(communes)} / {len(template.week)}"),
        Figure("records per commune before the run", f"{len(template.seed):,}"),
        Figure("setup (demo, seeding, enrolment)", f"{setup_seconds:.1f}", "s"),
        Figure("laptops started within", f"{spread * 1000:.0f}", "ms"),
        Figure("all syncs done after", f"{wall:.2f}", "s"),
        Figure("throughput: syncs", f"{len(results) / wall:.1f}", "syncs/s"),
        Figure("throughput: requests", f"{len(attempts) / wall:.1f}", "req/s"),
        Figure(
            "server CPU per sync (all its processes)",
            f"{server_cpu / len(results) * 1000:.0f}" if server_cpu is not None else "-",
            "ms",
        ),
        Figure("syncs that failed", str(failed)),
        Figure(
            "changes applied / rejected",
            f"{sum(o.applied for o in results):,} / {sum(o.rejected for o in results)}",
        ),
        Figure("errors: 5xx, timeouts, resets", str(len(errors)), ", ".join(sorted(set(errors)))),
        Figure("  of which busy (503: the laptop waits Retry-After, retries)", str(errors.count("503"))),
        Figure("refusals: 4xx", str(len(refused)), ", ".join(sorted(set(refused)))),
        latency_row("latency of a whole sync p50 / p95 / max", [outcome.seconds for outcome in results]),
    ]
    for kind in KINDS:
        samples = [seconds for name, seconds, _ in attempts if name == kind]
        figures.append(latency_row(f"  {kind} p50 / p95 / max", samples))
    return figures


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_sync_load",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--laptops", type=int, default=200, help="laptops syncing at once (200)")
    parser.add_argument("--communes", type=int, default=20, help="communes they belong to (20)")
    parser.add_argument("--sessions", type=int, default=2000, help="demo sessions per commune on the server (2000)")
    parser.add_argument("--changes", type=int, default=20, help="changes each laptop pushes (20)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (2: one per core)")
    parser.add_argument("--clients", type=int, default=4, help="processes the laptops' threads are spread over (4)")
    parser.add_argument("--database-url", help="a PostgreSQL server (postgresql+psycopg://…); default SQLite")
    parser.add_argument("--data-dir", type=Path, help="keep the data and server.log here (an empty folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="toso-bench-load-") as temporary:
        folder = args.data_dir or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        figures = run(args, folder)
    print(format_table(figures))
    return figures


if __name__ == "__main__":
    main()
