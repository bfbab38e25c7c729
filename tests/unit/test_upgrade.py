"""Upgrading: a database written by the first release is migrated on the first start, with nothing lost.

The fixture tests/fixtures/toso-schema-0001.sqlite3 is a real file of schema 0001 (made once by
tests/fixtures/make_old_database.py and committed). Each test opens a copy the way the app does.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the last test shows the main window
os.environ.setdefault("TOSO_NO_CRASH_DIALOG", "1")

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop import paths
from desktop.store.migrations import MIGRATIONS, applied_migrations
from desktop.store.store import Store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "toso-schema-0001.sqlite3"
PEOPLE = {"Nguyễn Thị Ánh", "Phạm Văn Đạt", "Lăng Văn Hoà", "Hà Thị Em", "Lường Văn Đức"}
VILLAGES = {"Nà Phái", "Đồng Ý", "Chắt"}  # "Bản" is the kind (ban), not part of the name
TEAMS = {"Tổ công nghệ số cộng đồng thôn Nà Phái", "Tổ công nghệ số cộng đồng bản Chắt"}
PLACES = {"Nhà văn hóa thôn Nà Phái", "Chợ phiên Tân Thành", "Điểm trường bản Chắt", "Nhà ông Đức"}
OLD_CHANGES = 33  # every write the first release logged, all still waiting to be sent


def _old_file_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder holding a copy of the old database, as an upgrade finds it."""
    data = tmp_path / "ToSo"
    data.mkdir()
    shutil.copyfile(FIXTURE, paths.database_path(data))
    return data


@pytest.fixture
def upgraded(folder: Path) -> Store:
    """The old database opened by this version, as on the first start after an upgrade."""
    store = Store.open(folder)
    yield store
    store.close()


def test_the_fixture_is_really_the_old_schema() -> None:
    assert _old_file_rows(FIXTURE, "SELECT name FROM _migrations") == [(MIGRATIONS[0][0],)]
    tables = {name for (name,) in _old_file_rows(FIXTURE, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "search_fts" not in tables and "conflicts" not in tables
    assert len(MIGRATIONS) > 1  # otherwise there would be nothing to upgrade


def test_every_migration_is_applied(upgraded: Store) -> None:
    assert applied_migrations(upgraded.db) == [name for name, _ in MIGRATIONS]


def test_a_copy_of_the_old_file_is_kept_before_migrating(upgraded: Store, folder: Path) -> None:
    copies = sorted(paths.backup_dir(folder).glob(f"truoc-nang-cap-{MIGRATIONS[1][0]}-*.sqlite3"))
    assert len(copies) == 1
    assert _old_file_rows(copies[0], "SELECT name FROM _migrations") == [(MIGRATIONS[0][0],)]
    assert {name for (name,) in _old_file_rows(copies[0], "SELECT full_name FROM people")} == PEOPLE


def test_every_record_is_still_there_with_its_text_intact(upgraded: Store) -> None:
    assert upgraded.commune is not None and upgraded.commune.code == "06445"
    assert {row["full_name"] for row in upgraded.rows("people")} == PEOPLE
    assert {row["name"] for row in upgraded.rows("villages")} == VILLAGES
    assert {row["name"] for row in upgraded.rows("teams")} == TEAMS
    assert {row["place"] for row in upgraded.rows("sessions")} == PLACES
    assert upgraded.count("memberships") == 5 and upgraded.count("village_indicators") == 1
    assert upgraded.count("categories") == 10 and upgraded.count("decisions") == 1
    duc = upgraded.rows("people", "full_name = ?", ["Lường Văn Đức"])[0]
    assert duc["notes"] == "Trưởng bản <cũ> & nhiệt tình"
    sessions = {row["place"]: row for row in upgraded.rows("sessions")}
    assert sessions["Điểm trường bản Chắt"]["category_counts"] == {"1": 20, "5": 4}
    assert upgraded.pending_changes() == OLD_CHANGES


def test_search_works_on_the_old_records(upgraded: Store) -> None:
    def found(text: str) -> set[str]:
        return {
            upgraded.require(hit.record_type, hit.record_id).get("full_name") or "" for hit in upgraded.search(text)
        }

    assert found("nguyen thi anh") == {"Nguyễn Thị Ánh"}
    assert "Lăng Văn Hoà" in found("lang van hoa")  # the old tone placement is found by the new one too
    hits = upgraded.search("cho phien")
    assert [upgraded.require(h.record_type, h.record_id)["place"] for h in hits] == ["Chợ phiên Tân Thành"]


def test_the_upgraded_store_takes_new_records_and_opens_again_without_migrating(folder: Path) -> None:
    with Store.open(folder) as store:
        team = store.rows("teams", "name LIKE '%Nà Phái'")[0]
        store.insert("sessions", {"team_id": team["id"], "date": "2026-01-20", "place": "Nhà văn hóa mới"})
        assert store.pending_changes() == OLD_CHANGES + 1
    backups = set(paths.backup_dir(folder).iterdir())
    with Store.open(folder) as again:
        assert [h.record_type for h in again.search("nha van hoa moi")] == ["sessions"]
    assert {p for p in paths.backup_dir(folder).iterdir() if "truoc-nang-cap" in p.name} == {
        p for p in backups if "truoc-nang-cap" in p.name
    }


def test_the_main_window_opens_on_the_upgraded_data(qtbot, upgraded: Store, folder: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext.create(upgraded, folder, synchronous=True, settings=settings)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        assert "Tân Thành" in window.windowTitle()
        assert window.pending_label.text() == f"Thay đổi chưa gửi: {OLD_CHANGES}"
        window.show_area("people")
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.views["people"])
    finally:
        ctx.shutdown()
