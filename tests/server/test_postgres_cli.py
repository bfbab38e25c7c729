"""`toso-server admin …` and `toso-server serve` with --database-url on an empty PostgreSQL database."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sync.protocol import PROTOCOL_HEADER
from sync.server.cli import main
from sync.server.db import make_engine
from sync.server.migrations import current_revision, head_revision
from tests.server.postgres import PostgresCluster

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn


@pytest.fixture
def empty_postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A PostgreSQL database without a single table."""
    name = f"toso_cli_{uuid.uuid4().hex[:12]}"
    url = postgres_cluster.create_database(name, template="template0")
    try:
        yield url
    finally:
        postgres_cluster.drop_database(name)


def _admin(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["admin", args[0], "--database-url", url, *args[1:]])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.05)
    pytest.fail("toso-server serve did not answer /health")


def test_admin_and_serve_run_on_postgresql_from_an_empty_database(
    empty_postgres_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _admin(capsys, empty_postgres_url, "init", "--province", "20") == (
        0,
        "Đã khởi tạo máy chủ cho tỉnh Lạng Sơn.",
        "",
    )
    engine = make_engine(empty_postgres_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()  # the first command migrated the database
    finally:
        engine.dispose()
    assert _admin(capsys, empty_postgres_url, "add-commune", COMMUNE)[:2] == (0, "Đã thêm 1 xã/phường.")
    status, printed, _ = _admin(capsys, empty_postgres_url, "enroll", COMMUNE, "--pdf", str(tmp_path / "phieu.pdf"))
    assert status == 0
    code = printed.removeprefix("Mã đăng ký: ").split(" ")[0]

    port = _free_port()
    command = [sys.executable, "-m", "sync.server.cli", "serve", "--database-url", empty_postgres_url]
    server = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url)
        body = {"code": code, "device_name": "Máy Thất Khê", "app_version": "0.1.0"}
        answer = requests.post(f"{url}/v1/enroll", json=body, headers={PROTOCOL_HEADER: "1"}, timeout=5)
        assert answer.status_code == 200, answer.text
        device_id = answer.json()["device_id"]
    finally:
        server.terminate()
        server.communicate(timeout=20)

    status, listed, _ = _admin(capsys, empty_postgres_url, "devices")
    assert status == 0
    assert device_id in listed and "Máy Thất Khê" in listed
