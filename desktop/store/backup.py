"""Copies of the database file: rotating automatic backups, copies before migrating, and restore."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

if TYPE_CHECKING:
    from desktop.store.store import Store

AUTO_PREFIX = "tu-dong-"
SUFFIX = ".sqlite3"
KEEP_AUTOMATIC = 10
AUTOMATIC_EVERY = timedelta(hours=12)


class BackupError(RuntimeError):
    """A backup could not be made or restored; the message is for the user, in Vietnamese."""


@dataclass(frozen=True)
class BackupFile:
    """One backup copy on disk."""

    path: Path
    made_at: datetime
    size: int
    automatic: bool


def copy_database(db: sqlite_utils.Database, target: Path) -> Path:
    """Copy an open database to target with SQLite's backup API (consistent even while in use)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    destination = sqlite3.connect(partial)
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    # Rename only a finished copy, so a crash never leaves a half-written file that looks like a backup.
    os.replace(partial, target)
    return target


def list_backups(backup_dir: Path) -> list[BackupFile]:
    """Every backup in the folder, newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.glob(f"*{SUFFIX}"):
        stat = path.stat()
        found.append(
            BackupFile(
                path,
                datetime.fromtimestamp(stat.st_mtime, UTC),
                stat.st_size,
                path.name.startswith(AUTO_PREFIX),
            )
        )
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def make_backup(
    db: sqlite_utils.Database, backup_dir: Path, *, automatic: bool = False, keep: int = KEEP_AUTOMATIC
) -> Path:
    """Make a backup now; automatic ones rotate so that only the newest `keep` stay."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    prefix = AUTO_PREFIX if automatic else "sao-luu-"
    path = copy_database(db, backup_dir / f"{prefix}{stamp}{SUFFIX}")
    if automatic:
        automatic_ones = [backup for backup in list_backups(backup_dir) if backup.automatic]
        for old in automatic_ones[keep:]:
            old.path.unlink(missing_ok=True)
    return path


def backup_if_due(db: sqlite_utils.Database, backup_dir: Path, now: datetime | None = None) -> Path | None:
    """Make an automatic backup when the newest one is older than AUTOMATIC_EVERY."""
    now = now or datetime.now(UTC)
    automatic_ones = [backup for backup in list_backups(backup_dir) if backup.automatic]
    if automatic_ones and now - automatic_ones[0].made_at < AUTOMATIC_EVERY:
        return None
    return make_backup(db, backup_dir, automatic=True)


def check_integrity(path: Path) -> None:
    """Raise BackupError unless the file is an SQLite database that passes integrity_check."""
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            has_schema = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = '_migrations'").fetchone()[
                0
            ]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Tệp “{path.name}” không phải bản sao lưu dữ liệu Tổ Số hợp lệ ({error}).") from error
    if result != "ok" or not has_schema:
        raise BackupError(f"Tệp “{path.name}” bị hỏng hoặc không phải bản sao lưu của Tổ Số.")


def restore_backup(backup: Path, db_path: Path, backup_dir: Path) -> Path:
    """Replace the database file with a backup; the current file is kept as a backup first.

    The store must be closed. Returns the path of the safety copy of the data being replaced.
    """
    check_integrity(backup)
    safety = None
    if db_path.exists():
        current = sqlite_utils.Database(db_path)
        try:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
            safety = copy_database(current, backup_dir / f"truoc-khoi-phuc-{stamp}{SUFFIX}")
        finally:
            current.close()
    # The safety copy holds whatever the old WAL file held; a stale WAL must not be replayed
    # onto the restored file, so it goes before the new file takes the old one's place.
    for leftover in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        leftover.unlink(missing_ok=True)
    source = sqlite_utils.Database(backup)
    try:
        copy_database(source, db_path)
    finally:
        source.close()
    return safety or backup


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, to show before restoring it: its commune and how many live records of each kind."""

    commune_code: str | None
    counts: dict[str, int]


def backup_summary(path: Path) -> BackupSummary:
    """Read a backup's commune and record counts without opening it as a store (BackupError if unreadable)."""
    check_integrity(path)
    connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'commune_code'").fetchone()
        counts = {}
        for table in ("villages", "teams", "people", "sessions"):
            counts[table] = int(connection.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0])
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Không đọc được tệp “{path.name}” ({error}).") from error
    finally:
        connection.close()
    return BackupSummary(row[0] if row else None, counts)


def restore_into_open_store(store: Store, backup: Path, backup_dir: Path) -> Path:
    """Replace the data of an open store with a backup's, keeping a safety copy first; returns that copy.

    The app cannot close its store while it runs, so the backup is copied INTO the open connection with
    the SQLite backup API: other connections to the file (the worker threads') see the restored data at
    their next transaction, and the search index comes back together with the data it indexes.
    """
    check_integrity(backup)
    if store.db.conn.in_transaction:
        raise BackupError("Đang có thao tác ghi dữ liệu chưa xong; hãy thử khôi phục lại sau giây lát.")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    safety = copy_database(store.db, backup_dir / f"truoc-khoi-phuc-{stamp}{SUFFIX}")
    source = sqlite3.connect(f"{Path(backup).resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(store.db.conn)
    except sqlite3.Error as error:
        raise BackupError(
            f"Không khôi phục được từ “{backup.name}” ({error}); dữ liệu hiện tại không thay đổi."
        ) from error
    finally:
        source.close()
    store.reload()  # an older backup is migrated; commune, device and author are read again
    return safety
