"""Restoring a backup into a store that stays open (the running app cannot close it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop import paths
from desktop.store import settings
from desktop.store.backup import BackupError, backup_summary, list_backups, make_backup, restore_into_open_store
from desktop.store.store import Store
from tests.unit.conftest import COMMUNE_CODE


@pytest.fixture
def backups(data_dir: Path) -> Path:
    return paths.backup_dir(data_dir)


def test_the_open_store_gets_the_old_data_back_and_a_safety_copy_is_kept(
    store: Store, data_dir: Path, backups: Path
) -> None:
    store.insert("villages", {"name": "Nà Phái", "kind": "thon"})
    settings.put(store, settings.AUTHOR, "Nông Thị Hoa")
    old = make_backup(store.db, backups)
    store.insert("villages", {"name": "Khòn Pát", "kind": "thon"})
    settings.put(store, settings.AUTHOR, "Người Khác")
    assert store.author == "Người Khác"
    # Another connection to the same file, like the app's worker thread has.
    other = Store.open(data_dir, automatic_backup=False)

    safety = restore_into_open_store(store, old, backups)

    assert [v["name"] for v in store.rows("villages")] == ["Nà Phái"]
    assert store.author == "Nông Thị Hoa"  # cached values are read again
    assert [h.record_id for h in store.search("khon pat")] == []  # the index came back with the data
    assert [h.record_type for h in store.search("na phai")] == ["villages"]
    assert [v["name"] for v in other.rows("villages")] == ["Nà Phái"]  # seen by other connections
    other.close()
    assert safety.name.startswith("truoc-khoi-phuc-") and safety in [b.path for b in list_backups(backups)]
    kept = sqlite3.connect(safety)
    try:
        names = {row[0] for row in kept.execute("SELECT name FROM villages")}
    finally:
        kept.close()
    assert names == {"Nà Phái", "Khòn Pát"}
    store.insert("villages", {"name": "Bản Chắt", "kind": "ban"})  # the store goes on working
    assert store.count("villages") == 2


def test_a_damaged_file_is_refused_and_nothing_changes(store: Store, backups: Path, tmp_path: Path) -> None:
    store.insert("villages", {"name": "Nà Phái", "kind": "thon"})
    bad = tmp_path / "hong.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)

    with pytest.raises(BackupError):
        restore_into_open_store(store, bad, backups)

    assert store.count("villages") == 1
    assert list_backups(backups) == []


def test_a_summary_says_which_commune_and_how_much_a_backup_holds(store: Store, backups: Path) -> None:
    store.insert("villages", {"name": "Nà Phái", "kind": "thon"})
    summary = backup_summary(make_backup(store.db, backups))

    assert summary.commune_code == COMMUNE_CODE
    assert summary.counts == {"villages": 1, "teams": 0, "people": 0, "sessions": 0}
