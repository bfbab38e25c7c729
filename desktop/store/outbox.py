"""What is still only on this laptop: the changes waiting to be sent to the province server, by record type."""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.store.store import Store
from sync.records import RECORD_TYPES

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
