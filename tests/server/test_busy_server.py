"""A busy database is answered 503 with Retry-After and the Vietnamese "busy" body; the laptop backs off and retries.

Busy for real: another writer holds the commune's write lock (on SQLite, BEGIN IMMEDIATE on the server's file; on
PostgreSQL, the commune's advisory lock), or every connection of the server's pool is taken. The server is built
with short waits (0.5 s) so the tests do not wait the production 10 s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from fastapi import FastAPI
from sqlalchemy import Connection, Engine, RootTransaction, text
from sqlalchemy.exc import OperationalError

from desktop.store import Store, sync_engine
from sync.client import SyncClient
from sync.server import busy
from sync.server.app import create_app
from sync.server.db import READONLY, lock_commune, make_engine
from tests.server import harness
from tests.server.harness import ProvinceServer
from tests.server.wire import as_json, enrolled, village

pytestmark = pytest.mark.both_backends

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
SHORT_WAIT = 0.5  # seconds the test server waits for a lock or a pooled connection before answering 503
BUSY_BODY = {"error": "busy", "message": "Máy chủ tỉnh đang bận; máy sẽ tự thử lại sau ít phút."}


class OtherWriter:
    """Another transaction writing to the commune, stopped half-way: it holds the write lock until release()."""

    def __init__(self, database_url: str) -> None:
        self.engine = make_engine(database_url)
        self._held: tuple[Connection, RootTransaction] | None = None

    def hold(self) -> None:
        """Begin (BEGIN IMMEDIATE on SQLite) and take the commune's lock, as a push does first."""
        connection = self.engine.connect()
        transaction = connection.begin()
        lock_commune(connection, COMMUNE)
        self._held = (connection, transaction)

    def release(self) -> None:
        """Roll back and let go of the lock."""
        if self._held is not None:
            connection, transaction = self._held
            transaction.rollback()
            connection.close()
            self._held = None

    def close(self) -> None:
        self.release()
        self.engine.dispose()


@pytest.fixture
def server_engines(monkeypatch: pytest.MonkeyPatch) -> list[Engine]:
    """Makes the province server below use short waits and a pool of one connection; lists its engines."""
    engines: list[Engine] = []

    def quick_app(database_url: str) -> FastAPI:
        engine = make_engine(database_url, lock_timeout=SHORT_WAIT, pool_timeout=SHORT_WAIT, max_connections=1)
        engines.append(engine)
        return create_app(database_url, engine=engine)

    monkeypatch.setattr(harness, "create_app", quick_app)
    return engines


@pytest.fixture
def busy_server(server_engines: list[Engine], province_server: ProvinceServer) -> ProvinceServer:
    """The province server (SQLite, and PostgreSQL when available), started with the short waits."""
    assert server_engines, "the server was started before its waits were shortened"
    return province_server


@pytest.fixture
def other_writer(busy_server: ProvinceServer) -> Iterator[OtherWriter]:
    writer = OtherWriter(busy_server.database_url)
    try:
        yield writer
    finally:
        writer.close()


def check_busy_answer(response: requests.Response) -> None:
    assert response.status_code == 503, response.text
    assert as_json(response) == BUSY_BODY
    low, high = busy.RETRY_AFTER_SECONDS
    assert low <= int(response.headers["Retry-After"]) <= high


def stored_villages(server: ProvinceServer, *record_ids: str) -> int:
    ids = ", ".join(f"'{record_id}'" for record_id in record_ids)
    return int(server.query(f"SELECT count(*) FROM records WHERE record_id IN ({ids})")[0][0])


def test_a_push_that_finds_the_write_lock_held_is_answered_503_and_applies_nothing(
    busy_server: ProvinceServer, other_writer: OtherWriter
) -> None:
    api = enrolled(busy_server, COMMUNE)
    api.push(api.change("villages", "0195f000-0000-7000-8000-000000000001", village("Nà Phái"), op="insert"))
    batch_ids = [f"0195f000-0000-7000-8000-00000000001{n}" for n in range(3)]
    changes = [api.change("villages", rid, village(f"Thôn {n}"), op="insert") for n, rid in enumerate(batch_ids)]
    body = {"batch_id": "lo-bi-chan", "changes": changes}

    other_writer.hold()
    check_busy_answer(api.call("POST", "/v1/push", body))
    # Nothing of the batch was kept, not even the record of which changes were handled.
    assert stored_villages(busy_server, *batch_ids) == 0
    placeholders = ", ".join(f"'{change['change_id']}'" for change in changes)
    assert busy_server.query(f"SELECT count(*) FROM applied_changes WHERE change_id IN ({placeholders})") == [(0,)]

    other_writer.release()
    response = api.call("POST", "/v1/push", body)
    assert response.status_code == 200, response.text
    assert [result["status"] for result in response.json()["results"]] == ["applied"] * 3
    assert stored_villages(busy_server, *batch_ids) == 3


def test_a_request_that_finds_no_free_connection_is_answered_503(
    busy_server: ProvinceServer, server_engines: list[Engine]
) -> None:
    api = enrolled(busy_server, COMMUNE)
    with server_engines[-1].connect():  # the pool's only connection, taken: the next request waits, then gives up
        check_busy_answer(api.call("GET", "/v1/pull?cursor=0"))
    assert api.call("GET", "/v1/pull?cursor=0").status_code == 200


def test_a_laptop_sync_backs_off_as_told_and_succeeds_once_the_lock_is_released(
    busy_server: ProvinceServer, other_writer: OtherWriter, tmp_path: Path
) -> None:
    folder = tmp_path / "may-xa"
    with Store.open(folder, automatic_backup=False) as store:
        sync_engine.enroll(store, folder, busy_server.url, busy_server.enroll(COMMUNE), "Máy xã", "0.1.0")
        store.insert("villages", {"name": "Nà Phái", "kind": "thon", "households": 120})
        store.insert("villages", {"name": "Khau Slôm", "kind": "thon", "households": 85})
        waits: list[float] = []

        def wait_then_release(seconds: float) -> None:
            # The laptop sleeps here between attempts: the other writer finishes meanwhile.
            waits.append(seconds)
            other_writer.release()

        other_writer.hold()
        client = SyncClient(busy_server.url, sync_engine.read_token(folder), sleep=wait_then_release)
        with client:
            summary = sync_engine.sync(store, folder, client=client)
        pending = store.db.execute("SELECT count(*) FROM changes WHERE sync_state != 'synced'").fetchone()[0]

    # One wait, of the server's Retry-After (the client's own back-off would be under a second).
    assert len(waits) == 1 and busy.RETRY_AFTER_SECONDS[0] <= waits[0] <= busy.RETRY_AFTER_SECONDS[1]
    assert (summary.applied, summary.rejected, summary.mismatched) == (summary.pushed, 0, ())
    assert pending == 0
    names = {row[0] for row in busy_server.query("SELECT fields FROM records WHERE record_type = 'villages'")}
    assert any("Nà Phái" in fields for fields in names) and any("Khau Slôm" in fields for fields in names)


def test_a_database_fault_that_is_not_busy_stays_a_500(busy_server: ProvinceServer) -> None:
    api = enrolled(busy_server, COMMUNE)
    engine = make_engine(busy_server.database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE conflicts"))  # a broken database is a fault to see, not to retry
    finally:
        engine.dispose()
    response = api.call("GET", "/v1/conflicts?since=0")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers


def sqlite_error(tmp_path: Path, sql: str, *, readonly: bool) -> OperationalError:
    """The OperationalError SQLAlchemy raises for the real sqlite3 error of running sql beside a held write lock."""
    path = tmp_path / "khoa.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("CREATE TABLE IF NOT EXISTS t (x)")
    holder.execute("BEGIN IMMEDIATE")
    engine = make_engine(f"sqlite:///{path}", lock_timeout=0)
    try:
        with pytest.raises(OperationalError) as raised, engine.connect() as conn:
            conn.execution_options(**{READONLY: readonly}).exec_driver_sql(sql)
        return raised.value
    finally:
        engine.dispose()
        holder.close()


def test_only_a_lock_or_busy_error_counts_as_busy(tmp_path: Path) -> None:
    # A writer's BEGIN IMMEDIATE finds the lock taken: SQLITE_BUSY.
    assert busy.is_busy(sqlite_error(tmp_path, "SELECT count(*) FROM t", readonly=False))
    # A reader asking for a table that is not there: a fault, not a busy database.
    assert not busy.is_busy(sqlite_error(tmp_path, "SELECT * FROM khong_co_bang", readonly=True))
    assert not busy.is_busy(ValueError("database is locked"))  # only a database error says so


def test_after_the_last_retry_the_laptop_shows_the_servers_busy_message(
    busy_server: ProvinceServer, server_engines: list[Engine]
) -> None:
    from sync.client import SyncClient, SyncError

    api = enrolled(busy_server, COMMUNE)
    client = SyncClient(busy_server.url, api.token, attempts=1)
    with server_engines[-1].connect(), pytest.raises(SyncError) as refused:
        client.pull(0)
    assert str(refused.value) == BUSY_BODY["message"]
