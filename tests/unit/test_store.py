"""The local store (desktop.store.Store): set-up, the change log, tombstones and how the file is opened."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from desktop import paths
from desktop.store import NotFound, RecordInvalid, Store, StoreError
from sync.ids import is_uuid
from sync.records import DEFAULT_CATEGORIES
from tests.unit.conftest import COMMUNE_CODE, OTHER_COMMUNE_CODE, TODAY


def changes_of(store: Store, record_id: str) -> list[dict[str, Any]]:
    """The change-log rows of one record, oldest first."""
    return list(store.db.query("SELECT * FROM changes WHERE record_id = ? ORDER BY seq", [record_id]))


def change_count(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM changes").fetchone()[0])


def fail_change_log(store: Store) -> None:
    """Make every write to the change log fail, as a full disk or a bug would."""
    store.db.execute(
        "CREATE TEMP TRIGGER break_changes BEFORE INSERT ON changes"
        " BEGIN SELECT RAISE(ABORT, 'change log unavailable'); END"
    )


# --- The commune ----------------------------------------------------------------------------------


def test_nothing_can_be_written_before_the_commune_is_set(blank_store: Store) -> None:
    with pytest.raises(StoreError) as caught:
        blank_store.insert("villages", {"name": "Thôn Nà Phái"})

    assert str(caught.value) == "Chưa chọn xã cho máy này; hãy thiết lập xã trước khi nhập dữ liệu."
    assert blank_store.count("villages", include_deleted=True) == 0
    assert change_count(blank_store) == 0


def test_setting_the_commune_names_it_and_keeps_it_across_reopening(data_dir: Path, blank_store: Store) -> None:
    commune = blank_store.set_commune("6040")  # a code typed without its leading zero

    assert (commune.code, commune.full_name, commune.province_full_name) == ("06040", "xã Thất Khê", "tỉnh Lạng Sơn")
    blank_store.close()
    with Store.open(data_dir, automatic_backup=False) as reopened:
        assert reopened.commune is not None
        assert reopened.commune.code == "06040"
        assert reopened.get_meta("code_scheme") == "2025"


def test_an_unknown_commune_code_is_refused(blank_store: Store) -> None:
    with pytest.raises(StoreError, match="Không có xã, phường hay đặc khu nào mang mã “99999”"):
        blank_store.set_commune("99999")

    assert blank_store.commune is None


def test_the_commune_cannot_change_once_set(store: Store, village: dict[str, Any]) -> None:
    with pytest.raises(StoreError) as caught:
        store.set_commune(OTHER_COMMUNE_CODE)

    assert str(caught.value) == (
        "Máy này đã được thiết lập cho xã Thất Khê (06040); không thể chuyển sang phường Đông Kinh."
    )
    assert store.commune is not None and store.commune.code == COMMUNE_CODE
    assert store.get_meta("commune_code") == COMMUNE_CODE


def test_setting_the_same_commune_again_changes_nothing(store: Store) -> None:
    before = change_count(store)

    store.set_commune(COMMUNE_CODE)

    assert store.count("categories") == len(DEFAULT_CATEGORIES)
    assert change_count(store) == before


def test_the_default_activity_categories_exist_once_the_commune_is_set(blank_store: Store) -> None:
    assert blank_store.count("categories") == 0

    blank_store.set_commune(COMMUNE_CODE)

    categories = blank_store.rows("categories", order_by="sort_order")
    assert [(c["code"], c["name"]) for c in categories] == [(code, name) for code, name, _ in DEFAULT_CATEGORIES]
    assert categories[0]["name"] == "Định danh điện tử VNeID"
    assert all(c["commune_code"] == COMMUNE_CODE for c in categories)


def test_a_record_of_another_commune_is_refused(store: Store) -> None:
    with pytest.raises(RecordInvalid) as caught:
        store.insert("villages", {"name": "Khối 5", "commune_code": OTHER_COMMUNE_CODE})

    assert [problem.field for problem in caught.value.errors] == ["commune_code"]
    assert "Bản ghi thuộc đơn vị khác (mã 05977)" in str(caught.value)
    assert store.count("villages", include_deleted=True) == 0


def test_an_edit_cannot_move_a_record_to_another_commune(store: Store, village: dict[str, Any]) -> None:
    with pytest.raises(RecordInvalid):
        store.update("villages", village["id"], {"commune_code": OTHER_COMMUNE_CODE, "notes": "x"})

    assert store.require("villages", village["id"])["commune_code"] == COMMUNE_CODE
    assert store.require("villages", village["id"])["notes"] is None


def test_a_record_naming_this_commune_is_accepted(store: Store) -> None:
    saved = store.insert("villages", {"name": "Bản Ké", "commune_code": COMMUNE_CODE})

    assert saved["commune_code"] == COMMUNE_CODE
    assert saved["code_scheme"] == "2025"


# --- Writes and the change log --------------------------------------------------------------------


def test_an_insert_writes_the_record_and_exactly_one_change(store: Store) -> None:
    saved = store.insert("villages", {"name": "pác cáp", "kind": "Bản", "households": 42})

    assert is_uuid(saved["id"])
    assert store.require("villages", saved["id"])["name"] == "Pác Cáp"
    [change] = changes_of(store, saved["id"])
    assert change["op"] == "insert"
    assert change["record_type"] == "villages"
    assert change["device_id"] == store.device_id
    assert change["sync_state"] == "pending"
    assert change["changed_at"] == saved["created_at"] == saved["updated_at"]
    assert store.history("villages", saved["id"])[0]["fields"] == {
        "name": [None, "Pác Cáp"],
        "kind": [None, "ban"],
        "households": [None, 42],
    }


def test_an_update_logs_only_the_fields_that_changed_with_old_and_new_values(
    store: Store, village: dict[str, Any]
) -> None:
    updated = store.update("villages", village["id"], {"name": "Nà Phái", "households": 120, "notes": "Gần chợ"})

    history = store.history("villages", village["id"])
    assert [entry["op"] for entry in history] == ["insert", "update"]
    assert history[1]["fields"] == {"households": [None, 120], "notes": [None, "Gần chợ"]}
    assert history[1]["device_id"] == store.device_id
    assert updated["updated_at"] == history[1]["changed_at"]
    assert store.require("villages", village["id"])["households"] == 120


def test_an_update_that_changes_nothing_writes_no_change(store: Store, village: dict[str, Any]) -> None:
    before = store.require("villages", village["id"])

    # Typed differently but cleaned to the same value: no change at all.
    store.update("villages", village["id"], {"name": "  nà   phái ", "kind": "Thôn"})

    assert len(changes_of(store, village["id"])) == 1
    assert store.require("villages", village["id"])["updated_at"] == before["updated_at"]


def test_a_delete_and_a_restore_each_write_one_change(store: Store, village: dict[str, Any]) -> None:
    store.delete("villages", village["id"])
    store.delete("villages", village["id"])  # already deleted: nothing more to log
    store.restore("villages", village["id"])

    history = store.history("villages", village["id"])
    assert [(entry["op"], entry["fields"]) for entry in history[1:]] == [
        ("delete", {"deleted": [0, 1]}),
        ("restore", {"deleted": [1, 0]}),
    ]
    assert {entry["device_id"] for entry in history} == {store.device_id}


def test_a_record_and_its_change_are_written_in_one_transaction(store: Store) -> None:
    fail_change_log(store)

    with pytest.raises(sqlite3.DatabaseError, match="change log unavailable"):
        store.insert("villages", {"name": "Bản Ké"})

    assert store.count("villages", include_deleted=True) == 0
    assert store.search("ban ke") == []


def test_an_edit_whose_change_cannot_be_logged_is_not_saved(store: Store, village: dict[str, Any]) -> None:
    fail_change_log(store)

    with pytest.raises(sqlite3.DatabaseError):
        store.update("villages", village["id"], {"notes": "Gần chợ"})
    with pytest.raises(sqlite3.DatabaseError):
        store.delete("villages", village["id"])

    saved = store.require("villages", village["id"])
    assert (saved["notes"], saved["deleted"]) == (None, 0)


def test_a_record_that_breaks_a_rule_leaves_no_row_and_no_change(store: Store, team: dict[str, Any]) -> None:
    before = change_count(store)

    with pytest.raises(RecordInvalid, match="không được ở tương lai"):
        store.insert("sessions", {"team_id": team["id"], "date": "2026-03-02", "place": "Nhà văn hoá"})
    with pytest.raises(RecordInvalid, match="đã có tổ đang hoạt động"):
        store.insert("teams", {"name": "Tổ thứ hai", "village_id": team["village_id"]})

    assert store.count("sessions", include_deleted=True) == 0
    assert store.count("teams", include_deleted=True) == 1
    assert change_count(store) == before
    assert store.search("nha van hoa") == [] and store.search("thu hai") == []


def test_a_transaction_lands_all_of_its_writes_or_none(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.insert("villages", {"name": "Bản Ké"})
        store.insert("villages", {"name": "Bản Chu"})
        raise RuntimeError("power cut")

    assert store.count("villages", include_deleted=True) == 0
    assert change_count(store) == len(DEFAULT_CATEGORIES)  # only the categories set-up logged


def test_a_refused_write_inside_a_transaction_does_not_undo_the_others(store: Store) -> None:
    with store.transaction():
        store.insert("villages", {"name": "Bản Ké"})
        with pytest.raises(RecordInvalid):
            store.insert("villages", {"name": ""})
        store.insert("villages", {"name": "Bản Chu"})

    assert sorted(v["name"] for v in store.rows("villages")) == ["Bản Chu", "Bản Ké"]


def test_a_record_id_given_by_the_caller_is_kept(store: Store) -> None:
    record_id = "01a22373-d2db-749c-bbdc-619392cb87c2"

    store.insert("villages", {"id": record_id, "name": "Bản Ké"})

    assert store.require("villages", record_id)["name"] == "Bản Ké"
    with pytest.raises(StoreError, match="đã tồn tại"):
        store.insert("villages", {"id": record_id, "name": "Bản Chu"})


@pytest.mark.parametrize("bad_id", ["ban-ke", "42", "01a22373-d2db-749c-bbdc"])
def test_a_record_id_given_by_the_caller_must_be_a_uuid(store: Store, bad_id: str) -> None:
    # Ids are device-made UUIDs (sync contract 1); references are checked as UUIDs, so a record
    # saved under any other id could never be referred to.
    with pytest.raises(RecordInvalid) as caught:
        store.insert("villages", {"id": bad_id, "name": "Bản Ké"})

    assert [problem.field for problem in caught.value.errors] == ["id"]
    assert store.count("villages", include_deleted=True) == 0


def test_a_record_id_given_in_upper_case_is_kept_in_lower_case_so_references_find_it(store: Store) -> None:
    record_id = "01a22373-d2db-749c-bbdc-619392cb87c2"

    store.insert("villages", {"id": record_id.upper(), "name": "Bản Ké"})
    team = store.insert("teams", {"name": "Tổ Bản Ké", "village_id": record_id.upper()})

    assert store.require("villages", record_id)["name"] == "Bản Ké"
    assert team["village_id"] == record_id


def test_a_missing_record_is_not_found_with_a_vietnamese_message(store: Store) -> None:
    assert store.get("villages", "01a22373-d2db-749c-bbdc-619392cb87c2") is None
    with pytest.raises(NotFound, match="Không tìm thấy thôn, tổ dân phố có mã"):
        store.update("villages", "01a22373-d2db-749c-bbdc-619392cb87c2", {"notes": "x"})


# --- Tombstones -----------------------------------------------------------------------------------


def test_a_deleted_record_stays_as_a_tombstone_out_of_lists_and_search(store: Store) -> None:
    person = store.insert("people", {"full_name": "Đinh Thị Mai", "phone": "0912345678"})

    store.delete("people", person["id"])

    tombstone = store.get("people", person["id"])
    assert tombstone is not None
    assert tombstone["deleted"] == 1
    assert tombstone["full_name"] == "Đinh Thị Mai"
    assert store.rows("people") == []
    assert store.count("people") == 0
    assert [p["id"] for p in store.rows("people", include_deleted=True)] == [person["id"]]
    assert store.search("mai") == [] and store.search("0912") == []
    assert [entry["op"] for entry in store.history("people", person["id"])] == ["insert", "delete"]


def test_a_restored_record_is_back_in_lists_and_search_as_it_was(store: Store) -> None:
    person = store.insert("people", {"full_name": "Đinh Thị Mai", "phone": "0912345678"})
    store.delete("people", person["id"])

    restored = store.restore("people", person["id"])

    assert restored["deleted"] == 0
    assert [p["full_name"] for p in store.rows("people")] == ["Đinh Thị Mai"]
    assert [hit.record_id for hit in store.search("mai")] == [person["id"]]
    assert [entry["op"] for entry in store.history("people", person["id"])] == ["insert", "delete", "restore"]


def test_a_deleted_record_cannot_be_edited_until_restored(store: Store, village: dict[str, Any]) -> None:
    store.delete("villages", village["id"])

    with pytest.raises(StoreError, match="hãy khôi phục trước khi sửa"):
        store.update("villages", village["id"], {"notes": "Gần chợ"})

    store.restore("villages", village["id"])
    assert store.update("villages", village["id"], {"notes": "Gần chợ"})["notes"] == "Gần chợ"


# --- Text and the file ----------------------------------------------------------------------------


def test_rows_are_stored_in_nfc_whatever_the_keyboard_sent(store: Store, team: dict[str, Any]) -> None:
    person = store.insert(
        "people",
        {
            "full_name": unicodedata.normalize("NFD", "nguyễn thị ánh"),
            "organisation": unicodedata.normalize("NFD", "Trường Tiểu học Thất Khê"),
        },
    )
    store.insert(
        "sessions",
        {
            "team_id": team["id"],
            "date": TODAY,
            "notes": unicodedata.normalize("NFD", "Hướng dẫn cài VNeID\nở nhà văn hoá"),
        },
    )

    raw = store.db.execute(
        "SELECT full_name, family_name, given_name, organisation FROM people WHERE id = ?", [person["id"]]
    ).fetchone()
    notes = store.db.execute("SELECT notes FROM sessions").fetchone()[0]
    assert raw == ("Nguyễn Thị Ánh", "Nguyễn", "Ánh", "Trường Tiểu học Thất Khê")
    assert all(unicodedata.is_normalized("NFC", text) for text in [*raw, notes])


def test_the_file_is_in_wal_mode_with_foreign_keys_on(data_dir: Path, store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert paths.database_path(data_dir).is_file()

    # WAL is a property of the file: a plain connection sees it too.
    plain = sqlite3.connect(paths.database_path(data_dir))
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        plain.close()


def test_the_device_id_is_made_once_and_kept(data_dir: Path, store: Store) -> None:
    device_id = store.device_id
    store.close()

    with Store.open(data_dir, automatic_backup=False) as reopened:
        assert is_uuid(device_id)
        assert reopened.device_id == device_id
