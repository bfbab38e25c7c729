"""What is still only on this laptop: the changes waiting to be sent to the province server, by record type."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.store.store import Store
from sync.records import DEFAULT_CATEGORIES, RECORD_TYPES, category_id, record_type

# A change travels as one JSON object; the keys and punctuation around its values cost the same for every
# change, so they are counted once here rather than rebuilt 100,000 times in SQL.
_ENVELOPE = len(
    json.dumps(
        {"record_type": "", "record_id": "", "op": "", "fields": None, "changed_at": "", "device_id": "", "author": ""}
    )
) - len("null")


@dataclass(frozen=True)
class PendingChanges:
    """The pending changes of one record type: how many, to how many records, and their size in bytes."""

    record_type: str
    changes: int
    records: int
    size: int


def pending_by_type(store: Store) -> list[PendingChanges]:
    """Pending changes grouped by record type, in the order the record model lists the types."""
    rows = store.db.execute(
        "SELECT record_type, count(*), count(DISTINCT record_id), "
        " sum(length(CAST(fields AS BLOB)) + length(CAST(record_type AS BLOB)) + length(record_id)"
        "     + length(op) + length(changed_at) + length(device_id) + coalesce(length(CAST(author AS BLOB)), 0))"
        " FROM changes WHERE sync_state = 'pending' GROUP BY record_type"
    ).fetchall()
    order = {name: index for index, name in enumerate(RECORD_TYPES)}
    found = [
        PendingChanges(str(name), int(changes), int(records), int(size or 0) + _ENVELOPE * int(changes))
        for name, changes, records, size in rows
    ]
    return sorted(found, key=lambda item: order.get(item.record_type, len(order)))


def push_size(pending: list[PendingChanges]) -> int:
    """The estimated size in bytes of the next push: every pending change as JSON (before compression)."""
    return sum(item.size for item in pending)


def insert_fields(store: Store, type_name: str, row: dict[str, Any]) -> dict[str, list[Any]]:
    """A record's whole current state as an insert change's fields ({name: [None, value]})."""
    fields: dict[str, list[Any]] = {
        f.name: [None, row.get(f.name)]
        for f in record_type(type_name).fields
        if row.get(f.name) not in (None, "", [], {})
    }
    if row.get("deleted"):
        fields["deleted"] = [None, 1]
    # Fields a newer app wrote (kept in sync_extra) belong to the record too.
    for name, value in store.db.execute(
        "SELECT field, value FROM sync_extra WHERE record_type = ? AND record_id = ?", [type_name, row["id"]]
    ):
        fields[name] = [None, json.loads(value) if value is not None else None]
    return fields


def queue_insert(store: Store, type_name: str, row: dict[str, Any]) -> None:
    """Put a record's whole current state in the outbox as an insert (inside the caller's transaction)."""
    store.db.execute(
        "INSERT INTO changes (record_type, record_id, op, fields, changed_at, device_id, author)"
        " VALUES (?, ?, 'insert', ?, ?, ?, ?)",
        [
            type_name,
            row["id"],
            json.dumps(insert_fields(store, type_name, row), ensure_ascii=False),
            row["updated_at"],
            store.device_id,
            store.author,
        ],
    )


def withhold_default_categories(store: Store, commune_code: str) -> list[str]:
    """Take out of the outbox the default categories this laptop made offline and never touched since.

    Called before an enrolment's first pull: the province's list, when it published one, then arrives as is
    instead of being overwritten by this laptop's defaults. Returns their ids for requeue_unreceived().
    """
    defaults = [category_id(commune_code, code) for code, _name, _name_en in DEFAULT_CATEGORIES]
    marks = ",".join("?" * len(defaults))
    untouched = [
        str(record_id)
        for (record_id,) in store.db.execute(
            f"SELECT record_id FROM changes WHERE record_type = 'categories' AND record_id IN ({marks})"
            " GROUP BY record_id HAVING count(*) = 1 AND max(op) = 'insert' AND max(sync_state) = 'pending'",
            defaults,
        )
    ]
    if not untouched:
        return []
    with store.transaction():
        store.db.execute(
            f"DELETE FROM changes WHERE record_type = 'categories' AND record_id IN ({','.join('?' * len(untouched))})",
            untouched,
        )
    return untouched


def requeue_unreceived(store: Store, withheld: list[str]) -> int:
    """Queue again the withheld default categories the server did not send (it has none yet); returns how many."""
    with store.transaction():
        received = {
            str(record_id)
            for (record_id,) in store.db.execute(
                "SELECT DISTINCT record_id FROM sync_versions WHERE record_type = 'categories'"
            )
        }
        rows = [
            row for record_id in withheld if record_id not in received and (row := store.get("categories", record_id))
        ]
        for row in rows:
            queue_insert(store, "categories", row)
    return len(rows)


def promote_refused_inserts(store: Store) -> int:
    """Turn the first pending change of each record whose insert the server refused into a whole insert.

    Once the official fixes a refused new record, the fix is an edit of one field; sent as such, the server
    would hold a record with that field alone. Sent as an insert of the whole record, it arrives complete.
    """
    rows = store.db.execute(
        "SELECT min(p.seq), p.record_type, p.record_id FROM changes p"
        " WHERE p.sync_state = 'pending' AND p.op != 'insert'"
        "   AND EXISTS (SELECT 1 FROM changes r WHERE r.record_type = p.record_type AND r.record_id = p.record_id"
        "               AND r.op = 'insert' AND r.sync_state = 'rejected')"
        "   AND NOT EXISTS (SELECT 1 FROM changes s WHERE s.record_type = p.record_type"
        "               AND s.record_id = p.record_id AND s.op = 'insert' AND s.sync_state IN ('synced', 'pending'))"
        " GROUP BY p.record_type, p.record_id"
    ).fetchall()
    promoted = 0
    with store.transaction():
        for seq, type_name, record_id in rows:
            row = store.get(type_name, record_id)
            if row is None:
                continue
            fields = json.dumps(insert_fields(store, type_name, row), ensure_ascii=False)
            store.db.execute("UPDATE changes SET op = 'insert', fields = ? WHERE seq = ?", [fields, seq])
            promoted += 1
    return promoted
