"""Sync under faults on a real loopback link: every interruption converges on the next sync, nothing lost or doubled."""

from __future__ import annotations

import functools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import requests

from desktop.cli import main
from desktop.store import Store, settings, sync_engine
from desktop.store.sync_engine import SyncSummary, read_token
from sync.client import SyncClient, SyncError
from tests.integration.fault_proxy import Fault, FaultProxy, fault_proxy, slow_link
from tests.integration.test_sync_roundtrip import COMMUNE, counts, enroll, fill, snapshot, sync_states

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

REPO = Path(__file__).resolve().parents[2]
ATTEMPTS = 2  # per request in these tests: small, so a fault on two connections fails a whole sync quickly
KILL_TIMEOUT = 60.0  # seconds: the killed sync must have committed its first page well before this

# How a sync fails on a broken link: a SyncError (a cut reply included).
FAILED_SYNC = (SyncError, requests.exceptions.RequestException)

FAULTS = {
    "drop_before": Fault(drop_before=True),
    "drop_after_commit": Fault(drop_after_request=True),
    "cut_mid_body": Fault(truncate_body_after=20),  # shorter than the smallest answer (an empty pull page)
}

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lường", "Nông")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm")


@pytest.fixture
def proxy(province_server: ProvinceServer) -> Iterator[FaultProxy]:
    with fault_proxy(province_server.url) as running:
        yield running


def enroll_via(proxy: FaultProxy, server: ProvinceServer, folder: Path, commune: str = COMMUNE) -> None:
    """Enrol a laptop whose every later sync goes through the proxy."""
    assert main(["enroll", "--server", proxy.url, "--code", server.enroll(commune), "--data-dir", str(folder)]) == 0


def sync_with(folder: Path, progress: Callable[[str, int, int], None] | None = None) -> SyncSummary:
    """One sync with few, quick retries (the CLI's client would wait seconds between them)."""
    with Store.open(folder, automatic_backup=False) as store:
        url = store.get_meta(settings.SERVER_URL.key)
        assert url
        client = SyncClient(url, read_token(folder), attempts=ATTEMPTS, backoff_base=0.01, read_timeout=10)
        with client:
            return sync_engine.sync(store, folder, client=client, progress=progress)


def add_people(folder: Path, n: int) -> None:
    """n people made offline in one transaction."""
    with Store.open(folder, automatic_backup=False) as store, store.transaction():
        for i in range(n):
            name = f"{FAMILY[i % 8]} {MIDDLE[i // 8 % 5]} {GIVEN[i // 40 % 14]} {GIVEN[i // 560 % 14]}"
            store.insert("people", {"full_name": name})


def server_query(server: ProvinceServer, sql: str) -> list[tuple[Any, ...]]:
    """Rows from the server's own database, opened read-only beside the running server."""
    return server.query(sql)  # SQLite or PostgreSQL, whichever the server runs on


def log_rows_per_record(server: ProvinceServer) -> dict[tuple[str, str], int]:
    rows = server_query(server, "SELECT record_type, record_id, count(*) FROM change_log GROUP BY 1, 2")
    return {(t, r): n for t, r, n in rows}


def synced_changes_per_record(folder: Path) -> dict[tuple[str, str], int]:
    with Store.open(folder, automatic_backup=False) as store:
        rows = store.db.execute(
            "SELECT record_type, record_id, count(*) FROM changes WHERE sync_state = 'synced' GROUP BY 1, 2"
        ).fetchall()
    return {(t, r): n for t, r, n in rows}


def integrity(folder: Path) -> str:
    with closing(sqlite3.connect(f"file:{folder / 'toso.sqlite3'}?mode=ro", uri=True)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def cursor_of(folder: Path) -> int:
    """The laptop's pull cursor, read without disturbing a sync that may be running."""
    with closing(sqlite3.connect(f"file:{folder / 'toso.sqlite3'}?mode=ro", uri=True, timeout=1)) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [sync_engine.CURSOR]).fetchone()
    return int(row[0]) if row else 0


def assert_converged(server: ProvinceServer, laptop: Path, fresh: Path, pusher: Path | None = None) -> None:
    """The laptop equals a fresh laptop's pull, has nothing pending, is undamaged; the server logged no doubles."""
    assert integrity(laptop) == "ok"
    assert sync_states(laptop).get("pending", 0) == 0
    assert enroll(server, fresh) == 0
    assert counts(laptop) == counts(fresh)
    assert snapshot(laptop) == snapshot(fresh)
    # One server log row per change the pushing laptop had acknowledged: a re-sent change wrote nothing.
    assert log_rows_per_record(server) == synced_changes_per_record(pusher or laptop)


@pytest.mark.parametrize("kind", list(FAULTS))
def test_a_push_cut_off_by_a_fault_converges_on_the_next_sync(
    kind: str, province_server: ProvinceServer, proxy: FaultProxy, tmp_path: Path
) -> None:
    laptop = tmp_path / "may-a"
    enroll_via(proxy, province_server, laptop)
    ids = fill(laptop)
    before, pending = snapshot(laptop), sync_states(laptop)["pending"]
    proxy.inject(FAULTS[kind], connections=ATTEMPTS)
    with pytest.raises(FAILED_SYNC):
        sync_with(laptop)
    assert proxy.counters.faulted >= 1
    proxy.clear()
    assert snapshot(laptop) == before and integrity(laptop) == "ok"
    assert sync_states(laptop)["pending"] == pending  # the lost reply acknowledged nothing
    committed = sum(log_rows_per_record(province_server).values())
    if kind == "drop_before":
        assert committed == 0  # the server never saw the request
    else:
        assert 0 < committed < pending  # the first batch was committed, its reply lost twice
    summary = sync_with(laptop)
    assert summary.pushed == pending and summary.rejected == 0 and summary.mismatched == ()
    assert_converged(province_server, laptop, tmp_path / "may-moi")
    with Store.open(tmp_path / "may-moi", automatic_backup=False) as store:
        assert store.require("villages", ids["village"])["notes"] == "gần chợ phiên"


@pytest.mark.parametrize("kind", ["drop_before", "drop_after_commit", "cut_mid_body"])
def test_one_faulty_connection_is_retried_within_the_same_sync(
    kind: str, province_server: ProvinceServer, proxy: FaultProxy, tmp_path: Path
) -> None:
    laptop = tmp_path / "may-a"
    enroll_via(proxy, province_server, laptop)
    fill(laptop)
    pending = sync_states(laptop)["pending"]
    proxy.inject(FAULTS[kind], connections=1)
    summary = sync_with(laptop)
    assert summary.pushed == summary.applied == pending and summary.mismatched == ()
    assert proxy.counters.faulted == 1
    assert_converged(province_server, laptop, tmp_path / "may-moi")


@pytest.mark.parametrize("kind", list(FAULTS))
def test_a_pull_cut_off_between_pages_resumes_from_its_checkpoint(
    kind: str, province_server: ProvinceServer, proxy: FaultProxy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, reader = tmp_path / "may-a", tmp_path / "may-b"
    assert enroll(province_server, writer) == 0
    assert sync_with(writer).mismatched == ()  # the default categories reach the server first
    enroll_via(proxy, province_server, reader)
    fill(writer)
    add_people(writer, 30)
    assert sync_with(writer).rejected == 0
    monkeypatch.setattr(sync_engine, "PAGE_SIZE", 7)
    start = cursor_of(reader)
    pages: list[int] = []

    def fault_after_first_page(step: str, done: int, _total: int) -> None:
        if step == "pull" and not pages:
            proxy.inject(FAULTS[kind], connections=ATTEMPTS)
            proxy.drop_connections()  # the next page needs a new connection, which gets the fault
        pages.append(done)

    with pytest.raises(FAILED_SYNC):
        sync_with(reader, fault_after_first_page)
    assert pages == [7] and proxy.counters.faulted >= 1
    proxy.clear()
    checkpoint = cursor_of(reader)
    assert checkpoint > start and integrity(reader) == "ok"
    summary = sync_with(reader)
    # The categories came at enrolment and the first page before the fault: neither is fetched again.
    new_records = sum(counts(writer).values()) - counts(writer)["categories"]
    assert summary.pulled == new_records - 7
    assert_converged(province_server, reader, tmp_path / "may-moi", pusher=writer)


def test_a_slow_narrow_link_with_small_batches_and_pages_converges(
    province_server: ProvinceServer, proxy: FaultProxy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = tmp_path / "may-a"
    enroll_via(proxy, province_server, laptop)
    fill(laptop)
    add_people(laptop, 40)
    pending = sync_states(laptop)["pending"]
    monkeypatch.setattr(
        sync_engine, "pending_batches", functools.partial(sync_engine.pending_batches, limit_bytes=3000)
    )
    monkeypatch.setattr(sync_engine, "PAGE_SIZE", 10)
    link = slow_link(kbit_per_s=256, latency=0.02)
    proxy.default = link
    steps: list[tuple[str, int, int]] = []
    started = time.monotonic()
    summary = sync_with(laptop, lambda *step: steps.append(step))
    elapsed = time.monotonic() - started
    assert summary.pushed == summary.applied == pending and summary.mismatched == ()
    assert sum(1 for step in steps if step[0] == "push") > 3  # many small batches, each acknowledged
    assert summary.pulled == 0  # what it just pushed is not sent back
    # A second laptop enrolling over the same link receives it all, in many pages, each a checkpoint.
    before = proxy.counters.requests
    enroll_via(proxy, province_server, tmp_path / "may-b")
    assert proxy.counters.requests - before > 3
    assert link.rate_up is not None
    # The cap held: the bytes that went up could not have gone faster than the link allows.
    assert elapsed >= proxy.counters.bytes_up / link.rate_up * 0.9
    proxy.clear()
    assert_converged(province_server, laptop, tmp_path / "may-moi")


def test_a_server_restarted_between_pages_is_resumed_from_the_checkpoint(
    province_server: ProvinceServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, reader = tmp_path / "may-a", tmp_path / "may-b"
    assert enroll(province_server, writer) == 0
    assert sync_with(writer).mismatched == ()
    assert enroll(province_server, reader) == 0
    fill(writer)
    add_people(writer, 25)
    assert sync_with(writer).rejected == 0
    monkeypatch.setattr(sync_engine, "PAGE_SIZE", 6)
    pages: list[int] = []

    def stop_after_first_page(step: str, done: int, _total: int) -> None:
        if step == "pull" and not pages:
            province_server.stop()
        pages.append(done)

    with pytest.raises(SyncError) as failed:
        sync_with(reader, stop_after_first_page)
    assert failed.value.kind == "offline" and pages == [6]
    province_server.start()
    summary = sync_with(reader)
    new_records = sum(counts(writer).values()) - counts(writer)["categories"]
    assert summary.pulled == new_records - 6  # the committed page is not fetched again
    assert_converged(province_server, reader, tmp_path / "may-moi", pusher=writer)


def test_a_sync_process_killed_mid_pull_resumes_without_loss_or_doubles(
    province_server: ProvinceServer, proxy: FaultProxy, tmp_path: Path
) -> None:
    writer, reader = tmp_path / "may-a", tmp_path / "may-b"
    assert enroll(province_server, writer) == 0
    assert sync_with(writer).mismatched == ()
    enroll_via(proxy, province_server, reader)
    add_people(writer, 2 * sync_engine.PAGE_SIZE + 20)  # three pages of the CLI's page size
    assert sync_with(writer).rejected == 0
    start = cursor_of(reader)
    # Slow enough that the next page is still on the wire when the test sees the first one committed.
    proxy.default = Fault(latency_up=0.2, latency_down=0.2, rate_down=40_000)
    command = [sys.executable, "-m", "desktop.cli", "sync", "--data-dir", str(reader)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + KILL_TIMEOUT
        while time.monotonic() < deadline and process.poll() is None and cursor_of(reader) == start:
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL  # killed, not finished
    checkpoint = cursor_of(reader)
    assert checkpoint > start  # the first page was committed before the kill
    assert integrity(reader) == "ok"
    proxy.clear()
    summary = sync_with(reader)
    assert summary.pulled == 2 * sync_engine.PAGE_SIZE + 20 - sync_engine.PAGE_SIZE
    assert_converged(province_server, reader, tmp_path / "may-moi", pusher=writer)


def test_the_cli_reports_a_cut_reply_as_a_lost_connection(
    province_server: ProvinceServer, proxy: FaultProxy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "may-a"
    enroll_via(proxy, province_server, laptop)
    fill(laptop)
    proxy.inject(FAULTS["cut_mid_body"], connections=5)  # more than the CLI's attempts
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(laptop)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("toso: Không kết nối được với máy chủ tỉnh")
