"""The laptop's sync engine without a server: outbox batches, batch ids, applying pulled pages."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from desktop.store import Store
from desktop.store.sync_engine import (
    CURSOR,
    SyncSummary,
    apply_page,
    batch_id,
    local_counts,
    pending_batches,
    wire_change,
)
from sync.ids import new_id

from .conftest import COMMUNE_CODE, OTHER_COMMUNE_CODE


def remote(type_name: str, record_id: str, fields: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A record as the server sends it in a pull page."""
    versions = {name: 7 for name in fields} | {"deleted": 7}
    return {"record_type": type_name, "record_id": record_id, "fields": fields, "versions": versions} | {
        "deleted": 0,
        "seq": 7,
        **extra,
    }


def versions_of(store: Store, record_id: str) -> dict[str, int]:
    rows = store.db.execute("SELECT field, version FROM sync_versions WHERE record_id = ?", [record_id]).fetchall()
    return dict(rows)


# ----- the outbox as batches -----


def test_batches_follow_seq_order_and_stay_under_the_size_cap(store: Store) -> None:
    for number in range(40):
        store.insert("villages", {"name": f"Thôn {number}", "kind": "thon", "notes": "ghi chú " * 40})
    batches = list(pending_batches(store, limit_bytes=4000))
    assert len(batches) > 5
    seqs = [change["seq"] for batch in batches for change in batch]
    assert seqs == sorted(seqs)
    assert len(seqs) == store.pending_changes()
    for batch in batches:
        size = sum(len(json.dumps(change, ensure_ascii=False).encode()) for change in batch)
        assert size <= 4000 or len(batch) == 1


def test_a_field_edited_twice_never_travels_twice_in_one_batch(store: Store, village: dict[str, Any]) -> None:
    store.update("villages", village["id"], {"notes": "một"})
    store.update("villages", village["id"], {"households": 120})  # another field: same batch is fine
    store.update("villages", village["id"], {"notes": "hai"})
    batches = list(pending_batches(store))
    ours = [[c["fields"] for c in batch if c["record_id"] == village["id"]] for batch in batches]
    ours = [fields for fields in ours if fields]
    assert len(ours) == 2  # the insert and first edits, then the second notes edit after the first reply
    assert ours[1] == [{"notes": "hai"}]
    assert ours[0][-1] == {"households": 120}


def test_batch_ids_are_stable_for_the_same_seq_range(store: Store, village: dict[str, Any]) -> None:
    store.update("villages", village["id"], {"notes": "một"})
    first = next(pending_batches(store))
    again = next(pending_batches(store))
    assert batch_id("device-1", first) == batch_id("device-1", again)
    assert batch_id("device-1", first) != batch_id("device-2", first)
    assert batch_id("device-1", first) != batch_id("device-1", first[:1])


def test_a_change_names_the_server_versions_it_was_based_on(store: Store, village: dict[str, Any]) -> None:
    store.db.execute(
        "INSERT INTO sync_versions (record_type, record_id, field, version) VALUES ('villages', ?, 'notes', 41)",
        [village["id"]],
    )
    store.update("villages", village["id"], {"notes": "mới", "households": 90})
    batch = [c for b in pending_batches(store) for c in b if c["op"] == "update"]
    wire = wire_change(store, "dev", batch[0])
    assert wire["change_id"] == f"dev:{batch[0]['seq']}"
    assert wire["fields"] == {"notes": "mới", "households": 90}
    assert wire["base_versions"] == {"notes": 41, "households": 0}
    assert wire["commune_code"] == COMMUNE_CODE
    assert "seq" not in wire


# ----- applying pulled pages -----


def test_a_pulled_record_is_stored_searchable_and_not_pending(store: Store) -> None:
    pending_before = store.pending_changes()
    record_id = new_id()
    stored = apply_page(store, [remote("villages", record_id, {"name": "Bản Chang", "kind": "ban"})], 12)
    assert stored == 1
    village = store.require("villages", record_id)
    assert (village["name"], village["kind"], village["commune_code"]) == ("Bản Chang", "ban", COMMUNE_CODE)
    assert store.pending_changes() == pending_before
    assert [row["sync_state"] for row in store.history("villages", record_id)] == ["remote"]
    assert [hit.record_id for hit in store.search("ban chang")] == [record_id]
    assert versions_of(store, record_id) == {"name": 7, "kind": 7, "deleted": 7}
    assert store.get_meta(CURSOR) == "12"


def test_pending_local_edits_win_over_pulled_values(store: Store, village: dict[str, Any]) -> None:
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    store.update("villages", village["id"], {"name": "Nà Phái Mới"})  # pending: the server has not seen it
    page = [remote("villages", village["id"], {"name": "Tên từ máy chủ", "kind": "thon", "households": 250})]
    apply_page(store, page, 3)
    after = store.require("villages", village["id"])
    assert after["name"] == "Nà Phái Mới"
    assert after["households"] == 250
    assert "name" not in versions_of(store, village["id"])  # the pending edit keeps its old base version
    assert versions_of(store, village["id"])["households"] == 7


def test_records_of_another_commune_are_refused(store: Store) -> None:
    record_id = new_id()
    page = [remote("villages", record_id, {"name": "Đông Kinh", "kind": "thon"}, commune_code=OTHER_COMMUNE_CODE)]
    assert apply_page(store, page, 5) == 0
    assert store.get("villages", record_id) is None
    assert store.get_meta(CURSOR) == "5"


def test_a_tombstone_deletes_the_local_record(store: Store, village: dict[str, Any]) -> None:
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    apply_page(store, [remote("villages", village["id"], {"name": "Nà Phái", "kind": "thon"}, deleted=1)], 9)
    assert store.require("villages", village["id"])["deleted"] == 1
    assert store.search("na phai") == []
    assert store.history("villages", village["id"])[-1]["op"] == "delete"


def test_a_page_and_its_cursor_commit_together_or_not_at_all(store: Store) -> None:
    store.set_meta(CURSOR, "4")
    first = new_id()
    taken_code = store.rows("categories")[0]["code"]  # a second live category with this code breaks the page
    page = [
        remote("villages", first, {"name": "Khuổi Pục", "kind": "thon"}),
        remote("categories", new_id(), {"code": taken_code, "name": "Trùng mã", "sort_order": 1}),
    ]
    with pytest.raises(sqlite3.IntegrityError):
        apply_page(store, page, 20)
    assert store.get("villages", first) is None
    assert store.get_meta(CURSOR) == "4"


def test_an_echo_of_our_own_record_changes_nothing(store: Store, village: dict[str, Any]) -> None:
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    history = len(store.history("villages", village["id"]))
    fields = {"name": village["name"], "kind": village["kind"]}
    apply_page(store, [remote("villages", village["id"], fields)], 2)
    assert len(store.history("villages", village["id"])) == history
    assert versions_of(store, village["id"])["name"] == 7


def test_local_counts_leave_out_records_the_server_has_not_accepted(store: Store, village: dict[str, Any]) -> None:
    categories = store.count("categories")
    assert local_counts(store)["villages"] == 0  # created offline: still only here
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    store.delete("villages", village["id"])
    counts = local_counts(store)
    assert counts["villages"] == 1  # tombstones count, as they do on the server
    assert counts["categories"] == categories


def test_a_clock_more_than_five_minutes_off_is_flagged() -> None:
    assert SyncSummary(0, 0, 0, 0, skew_seconds=-301).clock_warning
    assert not SyncSummary(0, 0, 0, 0, skew_seconds=299).clock_warning
    assert not SyncSummary(0, 0, 0, 0).clock_warning  # the server sent no time


def test_a_delete_travels_as_the_deleted_field(store: Store, village: dict[str, Any]) -> None:
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    store.delete("villages", village["id"])
    (change,) = next(pending_batches(store))
    assert (change["op"], change["fields"]) == ("delete", {"deleted": 1})
