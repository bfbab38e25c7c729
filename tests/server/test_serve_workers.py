"""`toso-server serve --workers N`: several uvicorn worker processes over one database, migrated once up front."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from sync.server import cli
from sync.server.app import app_from_environment
from sync.server.db import READONLY, make_engine
from sync.server.migrations import current_revision, head_revision
from tests.server.wire import Api

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
START_TIMEOUT = 30.0  # seconds: two workers each import the app on a shared, busy machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def worker_pids(pid: int) -> list[int]:
    """uvicorn's worker processes: the supervisor's children started by multiprocessing's spawn."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    workers = []
    for child in children:
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            workers.append(int(child))
    return workers


@contextmanager
def serving(*arguments: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`toso-server serve …` in a subprocess on a free port, until /health answers; stopped on exit."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k not in (cli.DATABASE_URL_VARIABLE, cli.DATA_DIR_VARIABLE)}
    command = [sys.executable, "-m", "sync.server.cli", "serve", *arguments, "--port", str(port)]
    server = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if server.poll() is not None:
                pytest.fail(f"toso-server serve stopped: {server.communicate()[0].decode(errors='replace')}")
            try:
                if requests.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("toso-server serve did not answer /health")
            time.sleep(0.05)
        yield url, server
    finally:
        server.terminate()
        server.communicate(timeout=30)


def admin(*arguments: str) -> None:
    assert cli.main(["admin", *arguments]) == 0


def enroll_and_sync(url: str, enrollment_code: str) -> None:
    """Enrol a device, push a village and pull it back, each request to whichever worker takes it."""
    api = Api(url)
    answer = api.call("POST", "/v1/enroll", {"code": enrollment_code, "device_name": "Máy xã", "app_version": "1"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    api = Api(url, body["token"], body["device_id"], body["commune_code"])
    record_id = "0195f000-0000-7000-8000-0000000000aa"
    fields = {"name": "Nà Phái", "kind": "thon", "households": 120}
    pushed = api.push(api.change("villages", record_id, fields, op="insert"))
    assert [result["status"] for result in pushed["results"]] == ["applied"]
    pulled = {record["record_id"]: record for record in api.pull_all()}
    assert pulled[record_id]["fields"]["name"] == "Nà Phái"


def enrollment_code(capsys: pytest.CaptureFixture[str], sheet: Path, *database: str) -> str:
    admin("init", "--province", "20", *database)
    admin("add-commune", COMMUNE, *database)
    capsys.readouterr()
    admin("enroll", COMMUNE, "--pdf", str(sheet), *database)
    return capsys.readouterr().out.splitlines()[0].removeprefix("Mã đăng ký: ").split(" ")[0]


def test_serve_with_two_workers_migrates_an_empty_data_folder_and_serves_sync(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "may-chu"
    with serving("--workers", "2", "--data-dir", str(data_dir)) as (url, server):
        deadline = time.monotonic() + START_TIMEOUT
        while len(worker_pids(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(worker_pids(server.pid)) == 2
        database_url = f"sqlite:///{(data_dir / 'toso-server.sqlite3').resolve()}"
        engine = make_engine(database_url)
        try:
            with engine.connect().execution_options(**{READONLY: True}) as conn:
                assert current_revision(conn) == head_revision()  # migrated before the workers started
        finally:
            engine.dispose()
        code = enrollment_code(capsys, tmp_path / "phieu.pdf", "--data-dir", str(data_dir))
        enroll_and_sync(url, code)


def test_serve_with_two_workers_runs_on_postgresql(
    postgres_database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = enrollment_code(capsys, tmp_path / "phieu.pdf", "--database-url", postgres_database_url)
    with serving("--workers", "2", "--database-url", postgres_database_url) as (url, server):
        enroll_and_sync(url, code)
        assert len(worker_pids(server.pid)) == 2


def test_workers_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["serve", "--workers", "0"])
    assert exited.value.code == 2
    assert "phải là số nguyên dương" in capsys.readouterr().err


def test_the_worker_factory_needs_the_database_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cli.DATABASE_URL_VARIABLE, raising=False)
    with pytest.raises(RuntimeError, match="TOSO_DATABASE_URL"):
        app_from_environment()
    monkeypatch.setenv(cli.DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'toso-server.sqlite3'}")
    engine = app_from_environment().state.engine
    try:
        assert engine.url.database == str(tmp_path / "toso-server.sqlite3")
    finally:
        engine.dispose()
