"""A sync reports the app version and pending changes to the server and learns of a newer app from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.cli import main
from desktop.store import Store, sync_engine
from desktop.store.versions import LATEST_VERSION, newer_version_available, running_version
from sync.server import admin
from sync.server.db import make_engine

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

pytestmark = pytest.mark.both_backends
COMMUNE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn
DOWNLOAD = "https://tinh.example.vn/toso/99.0.0"


@pytest.fixture
def laptop(province_server: ProvinceServer, tmp_path: Path) -> Path:
    folder = tmp_path / "may"
    code = province_server.enroll(COMMUNE)
    assert main(["enroll", "--server", province_server.url, "--code", code, "--data-dir", str(folder)]) == 0
    return folder


def announce(server: ProvinceServer, version: str | None) -> None:
    """`toso-server admin publish-version` (or clearing it when version is None)."""
    engine = make_engine(server.database_url)
    try:
        if version is None:
            admin.clear_version(engine)
        else:
            admin.publish_version(engine, version, DOWNLOAD)
    finally:
        engine.dispose()


def test_the_server_learns_the_app_version_and_what_is_still_pending(
    province_server: ProvinceServer, laptop: Path
) -> None:
    with Store.open(laptop, automatic_backup=False) as store:
        device_id = store.get_meta(sync_engine.SERVER_DEVICE_ID)
        store.insert("villages", {"name": "Nà Phái", "kind": "thon"})
        sync_engine.sync(store, laptop)
    rows = province_server.query(
        "SELECT app_version, pending_changes, last_sync_at FROM devices WHERE id = :id", id=device_id
    )
    [(app_version, pending, last_sync_at)] = rows
    assert (app_version, pending) == (running_version(), 0)
    assert last_sync_at


def test_a_newer_version_announced_by_the_province_is_kept_and_shown_by_toso_sync(
    province_server: ProvinceServer, laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    announce(province_server, "99.0.0")
    with Store.open(laptop, automatic_backup=False) as store:
        summary = sync_engine.sync(store, laptop)
        assert summary.latest_version == {"version": "99.0.0", "url": DOWNLOAD}
        assert json.loads(store.get_meta(LATEST_VERSION) or "") == {"version": "99.0.0", "url": DOWNLOAD}
        assert newer_version_available(store) == {"version": "99.0.0", "url": DOWNLOAD}
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(laptop)]) == 0
    assert f"Đã có phiên bản Tổ Số mới 99.0.0: {DOWNLOAD}." in capsys.readouterr().out

    announce(province_server, None)  # the province withdrew it
    with Store.open(laptop, automatic_backup=False) as store:
        assert sync_engine.sync(store, laptop).latest_version is None
        assert store.get_meta(LATEST_VERSION) is None
        assert newer_version_available(store) is None
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(laptop)]) == 0
    assert "phiên bản" not in capsys.readouterr().out


def test_the_running_version_announced_again_is_not_called_newer(province_server: ProvinceServer, laptop: Path) -> None:
    announce(province_server, running_version())
    with Store.open(laptop, automatic_backup=False) as store:
        assert sync_engine.sync(store, laptop).latest_version == {"version": running_version(), "url": DOWNLOAD}
        assert newer_version_available(store) is None
