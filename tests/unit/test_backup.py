"""Backups (desktop.store.backup): automatic rotating copies, restoring one, refusing a bad file."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop import paths
from desktop.store import Store
from desktop.store.backup import (
    AUTOMATIC_EVERY,
    KEEP_AUTOMATIC,
    BackupError,
    backup_if_due,
    check_integrity,
    list_backups,
    make_backup,
    restore_backup,
)
from tests.unit.conftest import COMMUNE_CODE, TODAY


def village_names(db_file: Path) -> list[str]:
    """The live villages in a database file, read without the store."""
    connection = sqlite3.connect(db_file)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM villages WHERE deleted = 0 ORDER BY name")]
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_store(folder: Path, *, automatic_backup: bool = False) -> Store:
    store = Store.open(folder, automatic_backup=automatic_backup)
    store.today = lambda: TODAY
    return store


@pytest.fixture
def backups(data_dir: Path) -> Path:
    return paths.backup_dir(data_dir)


# --- Automatic backups ----------------------------------------------------------------------------


def test_an_automatic_backup_is_made_when_due_and_not_again_until_due(store: Store, backups: Path) -> None:
    first = backup_if_due(store.db, backups)

    assert first is not None and first.is_file()
    assert first.name.startswith("tu-dong-") and first.suffix == ".sqlite3"
    assert backup_if_due(store.db, backups) is None
    soon = datetime.now(UTC) + AUTOMATIC_EVERY - timedelta(minutes=5)
    assert backup_if_due(store.db, backups, now=soon) is None

    later = datetime.now(UTC) + AUTOMATIC_EVERY + timedelta(minutes=5)
    second = backup_if_due(store.db, backups, now=later)

    assert second is not None and second != first
    assert {b.path for b in list_backups(backups)} == {first, second}


def test_opening_the_store_makes_the_automatic_backup_once(data_dir: Path, backups: Path) -> None:
    with open_store(data_dir, automatic_backup=True) as store:
        store.set_commune(COMMUNE_CODE)
    with open_store(data_dir, automatic_backup=True):
        pass

    assert [b.automatic for b in list_backups(backups)] == [True]


def test_a_backup_is_a_complete_database_even_while_the_store_is_open(store: Store, backups: Path) -> None:
    store.insert("villages", {"name": "Nà Phái"})  # still in the WAL file, not yet in the main file

    copy = make_backup(store.db, backups)

    check_integrity(copy)
    assert village_names(copy) == ["Nà Phái"]
    assert not copy.with_suffix(".sqlite3.part").exists()


def test_only_the_newest_automatic_backups_are_kept(store: Store, backups: Path) -> None:
    manual = make_backup(store.db, backups)
    made = [make_backup(store.db, backups, automatic=True) for _ in range(KEEP_AUTOMATIC + 3)]

    automatic = [b.path for b in list_backups(backups) if b.automatic]
    assert len(automatic) == KEEP_AUTOMATIC
    assert set(automatic) == set(made[-KEEP_AUTOMATIC:])
    assert manual.is_file()  # a backup the user asked for is never rotated away


# --- Restoring ------------------------------------------------------------------------------------


def test_restoring_brings_back_the_old_data_and_keeps_a_copy_of_what_it_replaced(
    data_dir: Path, store: Store, backups: Path
) -> None:
    store.insert("villages", {"name": "Nà Phái"})
    saved = make_backup(store.db, backups)
    store.insert("villages", {"name": "Bản Ké"})
    store.close()
    db_file = paths.database_path(data_dir)

    safety = restore_backup(saved, db_file, backups)

    assert village_names(db_file) == ["Nà Phái"]
    assert safety.name.startswith("truoc-khoi-phuc-")
    assert sorted(village_names(safety)) == ["Bản Ké", "Nà Phái"]
    with open_store(data_dir) as reopened:
        assert [v["name"] for v in reopened.rows("villages")] == ["Nà Phái"]
        assert reopened.search("ban ke") == []
        assert len(reopened.search("na phai")) == 1
        assert reopened.commune is not None and reopened.commune.code == COMMUNE_CODE


def test_the_safety_copy_can_itself_be_restored(data_dir: Path, store: Store, backups: Path) -> None:
    store.insert("villages", {"name": "Nà Phái"})
    saved = make_backup(store.db, backups)
    store.insert("villages", {"name": "Bản Ké"})
    store.close()
    db_file = paths.database_path(data_dir)

    safety = restore_backup(saved, db_file, backups)
    restore_backup(safety, db_file, backups)

    assert village_names(db_file) == ["Bản Ké", "Nà Phái"]


def test_backups_work_in_a_folder_whose_name_has_url_characters(tmp_path: Path) -> None:
    folder = tmp_path / "Tổ Số #2 (100% xã)"
    with open_store(folder) as store:
        store.set_commune(COMMUNE_CODE)
        store.insert("villages", {"name": "Nà Phái"})
        saved = make_backup(store.db, paths.backup_dir(folder))
        store.insert("villages", {"name": "Bản Ké"})

    check_integrity(saved)
    restore_backup(saved, paths.database_path(folder), paths.backup_dir(folder))

    assert village_names(paths.database_path(folder)) == ["Nà Phái"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]  # no stray file made beside it


# --- Refusing a bad file --------------------------------------------------------------------------


def corrupt_copy(good: Path, target: Path) -> Path:
    """A copy of a real backup whose pages after the first are overwritten with junk."""
    data = bytearray(good.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size:] = b"\xa5" * (len(data) - page_size)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("kind", ["text", "empty", "other_sqlite", "corrupt", "truncated", "missing"])
def test_a_file_that_is_not_a_good_backup_is_refused_and_the_data_left_alone(
    data_dir: Path, store: Store, backups: Path, tmp_path: Path, kind: str
) -> None:
    store.insert("villages", {"name": "Nà Phái"})
    good = make_backup(store.db, backups)
    store.close()
    db_file = paths.database_path(data_dir)
    before = digest(db_file)
    bad = tmp_path / f"{kind}.sqlite3"
    if kind == "text":
        bad.write_text("Danh sách thành viên tổ công nghệ số\n", encoding="utf-8")
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "other_sqlite":
        other = sqlite3.connect(bad)
        other.execute("CREATE TABLE contacts (name TEXT)")
        other.commit()
        other.close()
    elif kind == "corrupt":
        corrupt_copy(good, bad)
    elif kind == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2 + 100])
    backups_before = sorted(p.name for p in backups.iterdir())

    with pytest.raises(BackupError) as caught:
        restore_backup(bad, db_file, backups)

    message = str(caught.value)
    assert message.startswith(f"Tệp “{bad.name}”")
    assert "không phải bản sao lưu" in message
    assert digest(db_file) == before
    assert sorted(p.name for p in backups.iterdir()) == backups_before  # no safety copy for nothing
    assert village_names(db_file) == ["Nà Phái"]
