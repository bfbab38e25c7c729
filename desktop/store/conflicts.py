"""The "Cần xem lại" list: conflicts the server kept, copied down, reviewed and reversed on this laptop."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.store.store import Store

CONFLICTS_CURSOR = "conflicts_cursor"
PAGE_SIZE = 500
DELETED = "deleted"


class ConflictSource(Protocol):
    """What fetching needs from the transport (sync.client.SyncClient)."""

    def conflicts(self, since: int, limit: int = ...) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Conflict:
    """One overwritten value: the record and field, the value that lost and the one that won, who and when."""

    id: int
    record_type: str
    record_id: str
    field: str
    lost_value: Any
    lost_by: str
    lost_at: str | None
    won_value: Any
    won_by: str
    won_at: str | None


def fetch_conflicts(store: Store, source: ConflictSource) -> int:
    """Copy the commune's new conflicts from the server into the local list; returns how many were new."""
    added = 0
    for _page in range(10_000):  # bounded: a server that keeps answering cannot hang a laptop
        since = int(store.get_meta(CONFLICTS_CURSOR) or 0)
        answer = source.conflicts(since, PAGE_SIZE)
        items = [item for item in answer.get("conflicts") or [] if isinstance(item, dict)]
        last_id = int(answer.get("last_id", since))
        # The rows and the cursor commit together, so an interrupted fetch neither loses nor doubles one.
        with store.transaction():
            for item in items:
                added += store.db.execute(
                    "INSERT OR IGNORE INTO conflicts (server_id, record_type, record_id, field, lost_value, lost_by,"
                    " lost_at, won_value, won_by, won_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        int(item["id"]),
                        str(item.get("record_type") or ""),
                        str(item.get("record_id") or "").lower(),
                        str(item.get("field") or ""),
                        json.dumps(item.get("lost_value"), ensure_ascii=False),
                        str(item.get("lost_device_name") or item.get("lost_device") or ""),
                        item.get("lost_at"),
                        json.dumps(item.get("won_value"), ensure_ascii=False),
                        str(item.get("won_device_name") or item.get("won_device") or ""),
                        item.get("won_at"),
                    ],
                ).rowcount
            store.set_meta(CONFLICTS_CURSOR, str(last_id))
        if len(items) < PAGE_SIZE or last_id <= since:
            break
    return added


def open_conflicts(store: Store) -> list[Conflict]:
    """Unresolved conflicts, newest first."""
    rows = store.db.execute(
        "SELECT id, record_type, record_id, field, lost_value, lost_by, lost_at, won_value, won_by, won_at"
        " FROM conflicts WHERE resolved = 0 ORDER BY server_id DESC"
    ).fetchall()
    return [
        Conflict(
            row[0], row[1], row[2], row[3], _loads(row[4]), row[5] or "", row[6], _loads(row[7]), row[8] or "", row[9]
        )
        for row in rows
    ]


def resolve(store: Store, conflict_id: int) -> None:
    """Take a conflict off the list ("Bỏ qua")."""
    store.db.execute("UPDATE conflicts SET resolved = 1 WHERE id = ?", [conflict_id])


def keep_lost_value(store: Store, conflict: Conflict) -> None:
    """Put the overwritten value back as a new edit (pushed like any other) and take the conflict off the list."""
    with store.transaction():
        if conflict.field == DELETED:
            # Deleting is its own operation in the store: the lost "value" says which one to redo.
            if conflict.lost_value:
                store.delete(conflict.record_type, conflict.record_id)
            else:
                store.restore(conflict.record_type, conflict.record_id)
        else:
            store.update(conflict.record_type, conflict.record_id, {conflict.field: conflict.lost_value})
        resolve(store, conflict.id)


def _loads(text: str | None) -> Any:
    return json.loads(text) if text is not None else None
