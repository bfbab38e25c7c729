"""Fixtures for the whole suite: a real province server on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer


@pytest.fixture
def province_server(tmp_path: Path) -> Iterator[ProvinceServer]:
    """A running province server over a fresh SQLite data folder: .url, .data_dir, .database_url, .enroll(code),
    .revoke(device_id), .stop()/.start() to restart it mid-test on the same URL."""
    # Imported here: the server extra (fastapi, uvicorn, sqlalchemy) is needed only by tests that use it.
    from tests.server.harness import ProvinceServer

    server = ProvinceServer(tmp_path / "may-chu")
    server.start()
    try:
        yield server
    finally:
        server.stop()
