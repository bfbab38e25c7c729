"""Writing pulled records into the store and comparing what the laptop holds with the server's summary."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.store.store import Store, StoreError
from sync.protocol import digest
from sync.records import COMMON_FIELDS, RECORD_TYPES, RecordInvalid, record_type

CURSOR = "sync_cursor"

# Records per type that the server should hold too: all of them, less those created here but not yet accepted.
# Records the server holds: all but those whose insert is still pending or was refused — unless an insert of
# the record was accepted since (a refused new record, fixed and sent again whole: outbox.promote_refused_inserts).
ACCEPTED = (
    "id NOT IN (SELECT c.record_id FROM changes c"
    " WHERE c.record_type = ? AND c.op = 'insert' AND c.sync_state IN ('pending', 'rejected')"
    " AND NOT EXISTS (SELECT 1 FROM changes s WHERE s.record_type = c.record_type AND s.record_id = c.record_id"
    " AND s.op = 'insert' AND s.sync_state = 'synced'))"
)


def apply_page(store: Store, records: list[dict[str, Any]], cursor: int | None) -> int:
    """Write one pulled page (and the new cursor, unless None) in one transaction; returns the records stored."""
    stored = 0
    with store.transaction():
        for record in records:
            type_name = str(record.get("record_type") or "")
            if type_name not in RECORD_TYPES:
                continue  # a whole type this version does not know: the server keeps it; nothing to show here
            try:
                kept = store.apply_remote(type_name, record)
            except (StoreError, RecordInvalid):
                continue  # another commune's record (or a malformed id): never stored
            record_id = str(record["record_id"]).lower()
            versions = {k: v for k, v in (record.get("versions") or {}).items() if k not in kept}
            remember_versions(store, type_name, record_id, versions)
            keep_unknown_fields(store, type_name, record_id, record.get("fields"))
            stored += 1
        if cursor is not None:
            store.set_meta(CURSOR, str(cursor))
    return stored


def remember_versions(store: Store, type_name: str, record_id: str, versions: Any) -> None:
    """Keep the field versions the server issued for a record (a later edit names them as its base)."""
    if not isinstance(versions, dict):
        return
    store.db.conn.executemany(
        "INSERT OR REPLACE INTO sync_versions (record_type, record_id, field, version) VALUES (?, ?, ?, ?)",
        [(type_name, record_id, str(name), int(version)) for name, version in versions.items()],
    )


def known_fields(type_name: str) -> frozenset[str]:
    """The fields this app version knows for a record type, the common ones included."""
    return frozenset(COMMON_FIELDS) | {f.name for f in record_type(type_name).fields}


def keep_unknown_fields(store: Store, type_name: str, record_id: str, fields: Any) -> None:
    """Keep the fields a newer app wrote that this one does not know, as the server sent them (sync_extra)."""
    if not isinstance(fields, dict):
        return
    known = known_fields(type_name)
    store.db.conn.executemany(
        "INSERT OR REPLACE INTO sync_extra (record_type, record_id, field, value) VALUES (?, ?, ?, ?)",
        [
            (type_name, record_id, str(name), json.dumps(value, ensure_ascii=False))
            for name, value in fields.items()
            if name not in known
        ],
    )


@contextmanager
def references_unchecked(store: Store) -> Iterator[None]:
    """Foreign keys off while pulling: a team may arrive a page before the village it names."""
    # The server sends each record at its last change and does not check references in this slice: the laptop
    # must not refuse the page.
    store.db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        store.db.execute("PRAGMA foreign_keys = ON")


def local_counts(store: Store) -> dict[str, int]:
    """Records per type that the server should hold too: all of them, less those created but not yet accepted."""
    return {
        name: int(store.db.execute(f"SELECT count(*) FROM {name} WHERE {ACCEPTED}", [name]).fetchone()[0])
        for name in RECORD_TYPES
    }


def local_digests(store: Store) -> dict[str, str]:
    """Per-type digests as the server computes them, over the fields the server has versioned."""
    found: dict[str, str] = {}
    for name in RECORD_TYPES:
        # One row per record, not per field: 20,000 sessions have 160,000 versions (field names have no commas).
        seen: dict[str, list[str]] = {
            record_id: fields.split(",")
            for record_id, fields in store.db.execute(
                "SELECT record_id, group_concat(field) FROM sync_versions"
                " WHERE record_type = ? AND field != 'deleted' GROUP BY record_id",
                [name],
            )
        }
        extra: dict[str, dict[str, Any]] = {}
        for record_id, field_name, value in store.db.execute(
            "SELECT record_id, field, value FROM sync_extra WHERE record_type = ?", [name]
        ):
            extra.setdefault(record_id, {})[field_name] = json.loads(value) if value is not None else None
        known = known_fields(name)
        rows = store.rows(name, ACCEPTED, [name], include_deleted=True)
        found[name] = digest(
            (
                row["id"],
                int(row["deleted"]),
                {f: row.get(f) if f in known else extra.get(row["id"], {}).get(f) for f in seen.get(row["id"], [])},
            )
            for row in rows
        )
    return found


def compare_summary(
    store: Store, summary: dict[str, Any], ours: tuple[dict[str, int], dict[str, str]] | None = None
) -> tuple[str, ...]:
    """Record types whose count or digest differs from the server's summary.

    ours: this laptop's (counts, digests) when already computed (while the summary was on its way).
    """
    counts, digests = summary.get("counts") or {}, summary.get("digest") or {}
    our_counts, our_digests = ours if ours is not None else (local_counts(store), local_digests(store))
    return tuple(
        name
        for name in RECORD_TYPES
        if int(counts.get(name, 0)) != our_counts[name] or digests.get(name, our_digests[name]) != our_digests[name]
    )
