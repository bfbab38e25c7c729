"""Schema migrations (desktop.store.migrations): a new file, a file of the previous version, a copy first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from desktop import paths
from desktop.store import Store, open_database
from desktop.store.migrations import MIGRATIONS, applied_migrations, migrate

ALL_NAMES = [name for name, _ in MIGRATIONS]
RECORD_TABLES = {
    "categories",
    "villages",
    "decisions",
    "teams",
    "people",
    "memberships",
    "sessions",
    "village_indicators",
}
VILLAGE_ID = "01a22373-d2db-749c-bbdc-619392cb87c2"
TEAM_ID = "01a22373-d2db-749c-bbdc-619392cb87c3"
PERSON_ID = "01a22373-d2db-749c-bbdc-619392cb87c4"
SESSION_ID = "01a22373-d2db-749c-bbdc-619392cb87c5"
STAMP = "2025-11-02T08:00:00.000Z"


def pre_migration_copies(folder: Path) -> list[Path]:
    return sorted(paths.backup_dir(folder).glob("truoc-nang-cap-*"))


@pytest.fixture
def old_file(data_dir: Path) -> Path:
    """A data folder whose database is at the first schema version, with a few records in it."""
    data_dir.mkdir(parents=True)
    db_path = paths.database_path(data_dir)
    db = open_database(db_path)
    try:
        assert migrate(db, db_path, paths.backup_dir(data_dir), migrations=MIGRATIONS[:1]) == [ALL_NAMES[0]]
        common = {
            "commune_code": "06040",
            "code_scheme": "2025",
            "created_at": STAMP,
            "updated_at": STAMP,
            "deleted": 0,
        }
        with db.atomic():
            db.execute("INSERT INTO meta (key, value) VALUES ('commune_code', '06040'), ('code_scheme', '2025')")
            db["villages"].insert({"id": VILLAGE_ID, **common, "name": "Nà Phái", "kind": "thon"})
            db["teams"].insert(
                {
                    "id": TEAM_ID,
                    **common,
                    "name": "Tổ công nghệ số thôn Nà Phái",
                    "village_id": VILLAGE_ID,
                    "status": "active",
                }
            )
            db["people"].insert(
                {
                    "id": PERSON_ID,
                    **common,
                    "full_name": "Đinh Thị Mai",
                    "family_name": "Đinh",
                    "middle_name": "Thị",
                    "given_name": "Mai",
                    "phone": "0912345678",
                }
            )
            db["sessions"].insert(
                {
                    "id": SESSION_ID,
                    **common,
                    "team_id": TEAM_ID,
                    "date": "2025-10-30",
                    "place": "Nhà văn hoá thôn Nà Phái",
                    "citizens_total": 9,
                    "category_counts": '{"1": 9}',
                    "member_ids": f'["{PERSON_ID}"]',
                }
            )
    finally:
        db.close()
    return db_path


def test_a_new_file_gets_every_migration_and_every_table(data_dir: Path) -> None:
    with Store.open(data_dir, automatic_backup=False) as store:
        assert applied_migrations(store.db) == ALL_NAMES
        tables = set(store.db.table_names())

    assert {"meta", "changes", "_migrations", "search_fts", "search_rows"} | RECORD_TABLES <= tables
    assert pre_migration_copies(data_dir) == []  # nothing to keep from an empty file


def test_the_fixture_file_is_at_the_previous_version(old_file: Path) -> None:
    db = sqlite_utils.Database(old_file)
    try:
        assert applied_migrations(db) == ALL_NAMES[:1]
        assert "search_fts" not in db.table_names()
    finally:
        db.close()


def test_opening_a_file_of_the_previous_version_migrates_it(data_dir: Path, old_file: Path) -> None:
    with Store.open(data_dir, automatic_backup=False) as store:
        assert applied_migrations(store.db) == ALL_NAMES
        assert "search_fts" in store.db.table_names()
        assert store.get_meta("search_needs_rebuild") == "0"
        assert store.commune is not None and store.commune.code == "06040"
        assert store.require("sessions", SESSION_ID)["member_ids"] == [PERSON_ID]
        assert store.count("people") == 1


def test_a_copy_of_the_old_file_is_kept_before_migrating(data_dir: Path, old_file: Path) -> None:
    Store.open(data_dir, automatic_backup=False).close()

    [copy] = pre_migration_copies(data_dir)
    assert copy.name.startswith(f"truoc-nang-cap-{ALL_NAMES[1]}-")
    assert copy.suffix == ".sqlite3"
    old = sqlite_utils.Database(copy)
    try:
        assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert applied_migrations(old) == ALL_NAMES[:1]
        assert "search_fts" not in old.table_names()
        assert old.execute("SELECT name FROM villages").fetchall() == [("Nà Phái",)]
    finally:
        old.close()


def test_records_written_before_the_search_index_existed_are_found(data_dir: Path, old_file: Path) -> None:
    with Store.open(data_dir, automatic_backup=False) as store:

        def found(text: str) -> set[tuple[str, str]]:
            return {(hit.record_type, hit.record_id) for hit in store.search(text)}

        assert found("na phai") == {("villages", VILLAGE_ID), ("teams", TEAM_ID), ("sessions", SESSION_ID)}
        assert found("dinh thi mai") == {("people", PERSON_ID)}
        assert found("0912") == found("912345") == {("people", PERSON_ID)}
        assert found("nha van hoa") == {("sessions", SESSION_ID)}


def test_records_written_before_the_migration_can_be_edited_and_are_logged(data_dir: Path, old_file: Path) -> None:
    with Store.open(data_dir, automatic_backup=False) as store:
        store.update("people", PERSON_ID, {"position": "Đoàn viên"})

        assert [entry["op"] for entry in store.history("people", PERSON_ID)] == ["update"]
        assert [hit.record_id for hit in store.search("doan vien")] == [PERSON_ID]


def test_opening_twice_migrates_nothing_more(data_dir: Path, old_file: Path) -> None:
    Store.open(data_dir, automatic_backup=False).close()
    first_copies = pre_migration_copies(data_dir)

    with Store.open(data_dir, automatic_backup=False) as store:
        assert applied_migrations(store.db) == ALL_NAMES
        assert store.db.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(ALL_NAMES)
        assert migrate(store.db, paths.database_path(data_dir), paths.backup_dir(data_dir)) == []
        assert [hit.record_id for hit in store.search("dinh thi mai")] == [PERSON_ID]

    assert pre_migration_copies(data_dir) == first_copies


def test_a_failing_migration_leaves_the_file_at_the_last_good_version(data_dir: Path, old_file: Path) -> None:
    def broken(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    db = open_database(old_file)
    try:
        with pytest.raises(sqlite3.OperationalError):
            migrate(db, old_file, paths.backup_dir(data_dir), migrations=[*MIGRATIONS, ("0099_broken", broken)])

        assert applied_migrations(db) == ALL_NAMES
        assert "half_done" not in db.table_names()
    finally:
        db.close()
    assert len(pre_migration_copies(data_dir)) == 1
