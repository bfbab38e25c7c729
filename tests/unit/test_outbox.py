"""The outbox summary: pending changes per record type and the estimated size of the next push."""

from __future__ import annotations

import json
from typing import Any

from desktop.store.outbox import pending_by_type, push_size
from desktop.store.store import Store


def test_pending_changes_are_grouped_by_type_in_record_model_order(store: Store, village: dict[str, Any]) -> None:
    store.update("villages", village["id"], {"households": 120})
    store.insert("people", {"full_name": "Hoàng Thị Nụ"})

    pending = pending_by_type(store)

    assert [(p.record_type, p.changes, p.records) for p in pending] == [
        ("categories", 10, 10),
        ("villages", 2, 1),
        ("people", 1, 1),
    ]


def test_sent_changes_are_not_counted(store: Store, village: dict[str, Any]) -> None:
    store.db.execute("UPDATE changes SET sync_state = 'sent' WHERE record_type = 'categories'")
    assert [p.record_type for p in pending_by_type(store)] == ["villages"]
    store.db.execute("UPDATE changes SET sync_state = 'sent'")
    assert pending_by_type(store) == []
    assert push_size([]) == 0


def test_the_size_is_that_of_the_changes_as_json(store: Store, village: dict[str, Any]) -> None:
    row = store.db.execute(
        "SELECT record_type, record_id, op, fields, changed_at, device_id, author FROM changes"
        " WHERE record_type = 'villages'"
    ).fetchone()
    as_sent = json.dumps(
        dict(zip(("record_type", "record_id", "op", "fields", "changed_at", "device_id", "author"), row, strict=True)),
        ensure_ascii=False,
    )

    villages = next(p for p in pending_by_type(store) if p.record_type == "villages")

    # The fields travel as JSON inside the JSON, so the estimate may differ by the quoting of that text.
    assert abs(villages.size - len(as_sent.encode())) <= len(row[3]) // 4 + 8
    assert push_size(pending_by_type(store)) >= villages.size
