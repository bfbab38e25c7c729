"""The local store: one SQLite file holding this commune's records, their change log and search index."""

from __future__ import annotations

import functools
import getpass
import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop import paths
from desktop.store import backup, rules, search
from desktop.store.migrations import migrate
from sync.ids import is_uuid, new_id, utc_now
from sync.records import (
    CODE_SCHEME,
    COMMON_FIELDS,
    DEFAULT_CATEGORIES,
    FieldError,
    Kind,
    RecordInvalid,
    category_id,
    clean_values,
    record_type,
)
from sync.text import collation_key
from sync.units import Commune, find_commune

JSON_KINDS = (Kind.ID_LIST, Kind.TEXT_LIST, Kind.COUNTS, Kind.JSON)


class StoreError(RuntimeError):
    """An expected failure of a store operation; the message is for the user, in Vietnamese."""

    def __init__(self, vi: str, en: str = "") -> None:
        super().__init__(vi)
        self.vi, self.en = vi, en or vi


class NotFound(StoreError):
    """The record asked for does not exist."""


def _vietnamese_collation(left: str, right: str) -> int:
    a, b = collation_key(left or ""), collation_key(right or "")
    return (a > b) - (a < b)


def open_database(path: Path | str) -> sqlite_utils.Database:
    """Open an SQLite file the way every part of the app must: WAL, foreign keys, patience, collation."""
    connection = sqlite3.connect(str(path), timeout=10, check_same_thread=True)
    db = sqlite_utils.Database(connection)
    # WAL lets the UI read while a background job writes; NORMAL sync is crash-safe under WAL.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.conn.create_collation("vi", _vietnamese_collation)
    return db


class Store:
    """This laptop's records: cleaned, checked, logged for sync and history, and searchable."""

    def __init__(self, db: sqlite_utils.Database, folder: Path | None = None) -> None:
        self.db = db
        self.folder = folder
        self.today: Callable[[], date] = date.today
        self._commune: Commune | None = None
        self._signature: tuple[str, str] | None = None

    # ----- opening and closing -----

    @classmethod
    def open(cls, folder: Path | str, *, automatic_backup: bool = True) -> Store:
        """Open (creating or migrating as needed) the database in a data folder."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = paths.database_path(folder)
        db = open_database(db_path)
        try:
            migrate(db, db_path, paths.backup_dir(folder))
            store = cls(db, folder)
            store._finish_opening()
            if automatic_backup:
                backup.backup_if_due(db, paths.backup_dir(folder))
        except BaseException:
            db.close()
            raise
        return store

    @classmethod
    def in_memory(cls) -> Store:
        """A throwaway store for tests and self-checks."""
        db = open_database(":memory:")
        migrate(db, None, None)
        store = cls(db, None)
        store._finish_opening()
        return store

    def _finish_opening(self) -> None:
        with self.db.atomic():
            if not self.get_meta("device_id"):
                self.set_meta("device_id", new_id())
            if self.get_meta("search_needs_rebuild") == "1":
                search.rebuild_index(self.db)
                self.set_meta("search_needs_rebuild", "0")

    def reload(self) -> None:
        """Read the file afresh after it changed under this connection (a restored backup, a rolled-back set-up)."""
        if self.folder is not None:
            migrate(self.db, paths.database_path(self.folder), paths.backup_dir(self.folder))
        self._commune = None
        self._signature = None
        self._finish_opening()

    def close(self) -> None:
        """Close the file; WAL is checkpointed so the folder can be copied as it is."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group several writes into one transaction: all of them land, or none."""
        with self.db.atomic():
            yield self

    # ----- settings kept in the database -----

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """A value kept in the database itself (device id, commune, officials)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        """Keep a value in the database."""
        with self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])
        self._signature = None  # device id or author may have changed

    @property
    def device_id(self) -> str:
        """This laptop's id, made when the database was created."""
        return self._change_signature()[0]

    @property
    def author(self) -> str:
        """Who the change log names as author: the official set in Settings, else the OS login."""
        return self._change_signature()[1]

    def _change_signature(self) -> tuple[str, str]:
        # Read once and kept: every logged change carries both, and the lookups add up over 100,000 rows.
        if self._signature is None:
            author = self.get_meta("author") or ""
            if not author:
                try:
                    author = getpass.getuser()
                except (KeyError, OSError):
                    author = ""
            self._signature = (self.get_meta("device_id") or "", author)
        return self._signature

    @property
    def commune(self) -> Commune | None:
        """The commune this laptop serves, or None before set-up."""
        if self._commune is None:
            code = self.get_meta("commune_code")
            self._commune = find_commune(code) if code else None
        return self._commune

    def set_commune(self, code: str) -> Commune:
        """Set which commune this laptop serves; once records exist it can no longer change."""
        try:
            commune = find_commune(code)
        except KeyError:
            raise StoreError(
                f"Không có xã, phường hay đặc khu nào mang mã “{code}” trong danh mục 2025.",
                f"No commune has the code “{code}” in the 2025 list.",
            ) from None
        current = self.commune
        if current is not None and current.code != commune.code:
            raise StoreError(
                f"Máy này đã được thiết lập cho {current.full_name} ({current.code}); "
                f"không thể chuyển sang {commune.full_name}.",
                f"This laptop already serves {current.full_name} ({current.code}).",
            )
        with self.transaction():
            self.set_meta("commune_code", commune.code)
            self.set_meta("code_scheme", CODE_SCHEME)
            self._commune = commune
            if not self.count("categories"):
                for order, (code_, name, name_en) in enumerate(DEFAULT_CATEGORIES, start=1):
                    self.insert(
                        "categories",
                        {
                            "id": category_id(commune.code, code_),
                            "code": code_,
                            "name": name,
                            "name_en": name_en,
                            "sort_order": order,
                        },
                    )
        return commune

    def _require_commune(self) -> Commune:
        commune = self.commune
        if commune is None:
            raise StoreError(
                "Chưa chọn xã cho máy này; hãy thiết lập xã trước khi nhập dữ liệu.",
                "No commune is set for this laptop yet.",
            )
        return commune

    # ----- reading -----

    def get(self, type_name: str, record_id: str) -> dict[str, Any] | None:
        """One record by id (deleted ones included, with deleted=1), or None."""
        record_type(type_name)
        row = next(iter(self.db.query(f"SELECT * FROM {type_name} WHERE id = ?", [record_id])), None)
        return None if row is None else decode_row(type_name, row)

    def exists(self, type_name: str, record_id: str, *, include_deleted: bool = False) -> bool:
        """True when the record is there (and, unless include_deleted, not deleted)."""
        record_type(type_name)
        row = self.db.execute(f"SELECT deleted FROM {type_name} WHERE id = ?", [record_id]).fetchone()
        return row is not None and (include_deleted or not row[0])

    def require(self, type_name: str, record_id: str) -> dict[str, Any]:
        """One record by id; NotFound when it does not exist."""
        record = self.get(type_name, record_id)
        if record is None:
            label = record_type(type_name).vi
            raise NotFound(f"Không tìm thấy {label.lower()} có mã {record_id}.", f"No such record: {record_id}.")
        return record

    def rows(
        self,
        type_name: str,
        where: str = "",
        params: list[Any] | tuple[Any, ...] = (),
        *,
        order_by: str | None = None,
        include_deleted: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Records of one type matching an SQL condition, decoded."""
        record_type(type_name)
        sql = f"SELECT * FROM {type_name} WHERE {_conditions(where, include_deleted)}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [decode_row(type_name, row) for row in self.db.query(sql, list(params))]

    def count(
        self,
        type_name: str,
        where: str = "",
        params: list[Any] | tuple[Any, ...] = (),
        *,
        include_deleted: bool = False,
    ) -> int:
        """How many records of one type match."""
        record_type(type_name)
        sql = f"SELECT count(*) FROM {type_name} WHERE {_conditions(where, include_deleted)}"
        return int(self.db.execute(sql, list(params)).fetchone()[0])

    def history(self, type_name: str, record_id: str) -> list[dict[str, Any]]:
        """Who changed what and when for one record, oldest first."""
        rows = self.db.query(
            "SELECT * FROM changes WHERE record_type = ? AND record_id = ? ORDER BY seq",
            [type_name, record_id],
        )
        return [{**row, "fields": json.loads(row["fields"])} for row in rows]

    def pending_changes(self) -> int:
        """How many changes are waiting to be sent to the province server."""
        return int(self.db.execute("SELECT count(*) FROM changes WHERE sync_state = 'pending'").fetchone()[0])

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> list[search.SearchHit]:
        """Ranked, paged matches across people, teams, villages and sessions."""
        return search.search(self.db, text, limit=limit, offset=offset)

    # ----- writing -----

    def insert(self, type_name: str, values: dict[str, Any]) -> dict[str, Any]:
        """Clean, check and save a new record, logging the change; returns the saved record."""
        commune = self._require_commune()
        self._check_commune_of(values, commune)
        cleaned = clean_values(type_name, values, today=self.today())
        record_id = _given_id(values.get("id")) or new_id()
        now = utc_now()
        record = {
            "id": record_id,
            "commune_code": commune.code,
            "code_scheme": CODE_SCHEME,
            "created_at": now,
            "updated_at": now,
            "deleted": 0,
            **cleaned,
        }
        with self.transaction():
            if self.exists(type_name, record_id, include_deleted=True):
                raise StoreError(f"Mã bản ghi {record_id} đã tồn tại.", f"Record id {record_id} already exists.")
            self._check_rules(type_name, record)
            encoded = encode_row(type_name, record)
            self.db.execute(_insert_sql(type_name), [encoded.get(column) for column in _columns(type_name)])
            changed = {k: [None, v] for k, v in cleaned.items() if v not in (None, "", [], {})}
            self._log(type_name, record_id, "insert", changed, now)
            search.index_record(self.db, type_name, record, new=True)
        return record

    def update(self, type_name: str, record_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Change some fields of a record; only real changes are logged. Returns the saved record."""
        commune = self._require_commune()
        self._check_commune_of(changes, commune)
        with self.transaction():
            old = self.require(type_name, record_id)
            if old["deleted"]:
                raise StoreError(
                    "Bản ghi này đã bị xóa; hãy khôi phục trước khi sửa.",
                    "This record is deleted; restore it before editing.",
                )
            editable = {
                k: v
                for k, v in changes.items()
                if k not in ("id", "commune_code", "code_scheme", "created_at", "updated_at", "deleted")
            }
            cleaned = clean_values(type_name, {**_field_values(type_name, old), **editable}, today=self.today())
            diff = {k: [old.get(k), v] for k, v in cleaned.items() if old.get(k) != v}
            if not diff:
                return old
            now = utc_now()
            record = {**old, **cleaned, "updated_at": now}
            self._check_rules(type_name, record)
            encoded = encode_row(type_name, record)
            self.db.table(type_name).update(record_id, {k: encoded[k] for k in diff} | {"updated_at": now})
            self._log(type_name, record_id, "update", diff, now)
            search.index_record(self.db, type_name, record)
        return record

    def delete(self, type_name: str, record_id: str) -> dict[str, Any]:
        """Mark a record deleted (a tombstone): it leaves lists and search but its history stays."""
        return self._set_deleted(type_name, record_id, True)

    def restore(self, type_name: str, record_id: str) -> dict[str, Any]:
        """Bring a deleted record back, as it was."""
        return self._set_deleted(type_name, record_id, False)

    def _set_deleted(self, type_name: str, record_id: str, deleted: bool) -> dict[str, Any]:
        self._require_commune()
        with self.transaction():
            old = self.require(type_name, record_id)
            if bool(old["deleted"]) == deleted:
                return old
            now = utc_now()
            record = {**old, "deleted": int(deleted), "updated_at": now}
            errors = rules.check(self, type_name, record) if not deleted else rules.check_delete(self, type_name, old)
            if errors:
                raise RecordInvalid(errors)
            self.db.table(type_name).update(record_id, {"deleted": int(deleted), "updated_at": now})
            self._log(
                type_name,
                record_id,
                "delete" if deleted else "restore",
                {"deleted": [int(not deleted), int(deleted)]},
                now,
            )
            search.index_record(self.db, type_name, record)
        return record

    def apply_remote(self, type_name: str, record: Mapping[str, Any]) -> set[str]:
        """Write a record as the province server holds it, logged as 'remote'; returns the fields kept local."""
        # A field with a pending local change keeps the local value: that change will be pushed and the server
        # decides. Rules are not run: the server has judged the record, and a page may arrive in any order.
        commune = self._require_commune()
        rtype = record_type(type_name)
        record_id = _given_id(record.get("record_id"))
        fields = dict(record.get("fields") or {})
        code = record.get("commune_code") or fields.get("commune_code")
        if record_id is None or (code and str(code) != commune.code):
            raise StoreError(
                f"Máy chủ gửi bản ghi không thuộc {commune.full_name} ({code}); đã bỏ qua.",
                f"The server sent a record of another commune ({code}); it was not stored.",
            )
        incoming = {f.name: fields[f.name] for f in rtype.fields if f.name in fields}
        incoming["deleted"] = int(bool(record.get("deleted", fields.get("deleted", 0))))
        with self.transaction():
            kept = set(incoming) & self._pending_fields(type_name, record_id)
            taken = {k: v for k, v in incoming.items() if k not in kept}
            old = self.get(type_name, record_id)
            now = utc_now()
            if old is None:
                defaults = {f.name: _copy_default(f.default) for f in rtype.fields}
                common = {"id": record_id, "commune_code": commune.code, "code_scheme": CODE_SCHEME}
                new = {**common, "created_at": now, "updated_at": now, "deleted": 0, **defaults, **taken}
                encoded = encode_row(type_name, new)
                self.db.execute(_insert_sql(type_name), [encoded.get(column) for column in _columns(type_name)])
                changed = {k: v for k, v in taken.items() if v not in (None, "", [], {}) and (k != "deleted" or v)}
                op, diff = "insert", {k: [None, v] for k, v in changed.items()}
            else:
                diff = {k: [old.get(k), v] for k, v in taken.items() if old.get(k) != v}
                if not diff:
                    return kept
                new = {**old, **taken, "updated_at": now}
                encoded = encode_row(type_name, new)
                self.db.table(type_name).update(record_id, {k: encoded[k] for k in diff} | {"updated_at": now})
                op = "update" if set(diff) != {"deleted"} else ("delete" if new["deleted"] else "restore")
            self.db.execute(
                "INSERT INTO changes (record_type, record_id, op, fields, changed_at, device_id, author, sync_state)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'remote')",
                [
                    type_name,
                    record_id,
                    op,
                    json.dumps(diff, ensure_ascii=False),
                    str(record.get("changed_at") or now),
                    str(record.get("device_id") or "server"),
                    str(record.get("author") or "máy chủ tỉnh"),
                ],
            )
            search.index_record(self.db, type_name, new, new=old is None)
        return kept

    def _pending_fields(self, type_name: str, record_id: str) -> set[str]:
        """Fields of one record that have a change not yet sent to the server."""
        rows = self.db.execute(
            "SELECT fields FROM changes WHERE record_type = ? AND record_id = ? AND sync_state = 'pending'",
            [type_name, record_id],
        ).fetchall()
        return {name for (text,) in rows for name in json.loads(text)}

    def _check_commune_of(self, values: dict[str, Any], commune: Commune) -> None:
        code = values.get("commune_code")
        if code and str(code) != commune.code:
            raise RecordInvalid(
                [
                    FieldError(
                        "commune_code",
                        f"Bản ghi thuộc đơn vị khác (mã {code}); "
                        f"máy này chỉ quản lý {commune.full_name} ({commune.code}).",
                        f"The record belongs to another commune ({code}); this laptop serves {commune.code} only.",
                    )
                ]
            )

    def _check_rules(self, type_name: str, record: dict[str, Any]) -> None:
        errors = rules.check(self, type_name, record)
        if errors:
            raise RecordInvalid(errors)

    def _log(self, type_name: str, record_id: str, op: str, fields: dict[str, Any], when: str) -> None:
        self.db.execute(
            "INSERT INTO changes (record_type, record_id, op, fields, changed_at, device_id, author)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                type_name,
                record_id,
                op,
                json.dumps(fields, ensure_ascii=False),
                when,
                self.device_id,
                self.author,
            ],
        )


def _given_id(value: Any) -> str | None:
    """A caller's own id (an import or a sync keeps ids made elsewhere): a UUID, stored in lower case."""
    if value in (None, ""):
        return None
    text = str(value).strip().lower()
    if not is_uuid(text):
        raise RecordInvalid(
            [
                FieldError(
                    "id", f"Mã bản ghi “{value}” không hợp lệ (phải là UUID).", f"Record id “{value}” is not a UUID."
                )
            ]
        )
    return text


@functools.cache
def _columns(type_name: str) -> tuple[str, ...]:
    return (*COMMON_FIELDS, *(f.name for f in record_type(type_name).fields))


@functools.cache
def _insert_sql(type_name: str) -> str:
    columns = _columns(type_name)
    return f"INSERT INTO {type_name} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def _conditions(where: str, include_deleted: bool) -> str:
    parts = [] if include_deleted else ["deleted = 0"]
    if where:
        parts.append(f"({where})")
    return " AND ".join(parts) or "1"


def _copy_default(value: Any) -> Any:
    return json.loads(json.dumps(value)) if isinstance(value, list | dict) else value


def _field_values(type_name: str, record: dict[str, Any]) -> dict[str, Any]:
    return {f.name: record.get(f.name) for f in record_type(type_name).fields}


def encode_row(type_name: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record as stored: list and mapping fields as JSON text."""
    rtype = record_type(type_name)
    encoded = dict(record)
    for f in rtype.fields:
        if f.kind in JSON_KINDS and f.name in encoded and encoded[f.name] is not None:
            encoded[f.name] = json.dumps(encoded[f.name], ensure_ascii=False)
    return encoded


def decode_row(type_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """A stored row as a record: JSON text back to lists and mappings."""
    rtype = record_type(type_name)
    for f in rtype.fields:
        if f.kind in JSON_KINDS and isinstance(row.get(f.name), str):
            row[f.name] = json.loads(row[f.name])
    return row
