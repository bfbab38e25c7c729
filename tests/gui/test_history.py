"""The history dialog: every change of any record, newest first, in words people read."""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.store.teams import add_member
from desktop.ui.context import AppContext
from desktop.ui.history_dialog import HistoryDialog, history_entries, local_time
from desktop.ui.undo import run_undoable


def person_id(store: Store, name: str) -> str:
    """A person's id by full name."""
    return str(store.rows("people", "full_name = ?", [name])[0]["id"])


def team_id(store: Store, name: str) -> str:
    """A team's id by name."""
    return str(store.rows("teams", "name = ?", [name])[0]["id"])


def open_dialog(qtbot: QtBot, ctx: AppContext, type_name: str, record_id: str) -> HistoryDialog:
    """The dialog for one record, shown."""
    dialog = HistoryDialog(ctx, type_name, record_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def lines(dialog: HistoryDialog) -> list[list[str]]:
    """Each change as its heading followed by "label: change" for each field."""
    result = []
    for i in range(dialog.tree.topLevelItemCount()):
        top: QTreeWidgetItem = dialog.tree.topLevelItem(i)
        fields = [f"{top.child(j).text(0)}: {top.child(j).text(1)}" for j in range(top.childCount())]
        result.append([top.text(0), *fields])
    return result


def test_an_edit_shows_old_and_new_values_in_words(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    dat = person_id(store, "Phạm Văn Đạt")
    run_undoable(
        ctx.undo,
        store,
        ctx.hub,
        "Sửa",
        lambda s: s.update("people", dat, {"phone": "+84 987 654 321", "gender": "khac", "position": None}),
    )
    dialog = open_dialog(qtbot, ctx, "people", dat)
    assert dialog.windowTitle() == "Lịch sử thay đổi — Phạm Văn Đạt"
    assert dialog.heading.text() == "Thành viên: Phạm Văn Đạt"
    edit, created = lines(dialog)
    when, operation, who = edit[0].split(" — ")
    assert operation == "Sửa"
    assert who == store.author
    assert time.strptime(when, "%d/%m/%Y %H:%M")
    # In the form's order, choices by label, phones formatted, an emptied field said so.
    assert edit[1:] == [
        "Giới tính: Nam → Khác",
        "Số điện thoại: 0912 345 678 → 0987 654 321",
        "Chức vụ: Công an viên → (trống)",
    ]
    assert created[0].split(" — ")[1] == "Tạo mới"
    # A new record lists what it was created with; the name parts derived from the full name are left out.
    assert created[1:] == [
        "Họ và tên: Phạm Văn Đạt",
        "Giới tính: Nam",
        "Năm sinh: 1990",
        "Số điện thoại: 0912 345 678",
        "Chức vụ: Công an viên",
    ]
    assert dialog.summary.text() == "2 lần thay đổi, mới nhất ở trên cùng."


def test_references_and_dates_are_shown_as_names(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    membership = add_member(store, team_id(store, "Tổ CNSCĐ bản Chắt"), person_id(store, "Trần Đức Bình"))
    store.update("memberships", membership["id"], {"start_date": "05/01/2026", "role": "to_pho"})
    dialog = open_dialog(qtbot, ctx, "memberships", membership["id"])
    edit, created = lines(dialog)
    assert edit[1:] == ["Chức danh trong Tổ: Thành viên → Tổ phó", "Từ ngày: 02/03/2026 → 05/01/2026"]
    assert created[1:] == [
        "Thành viên: Trần Đức Bình",
        "Tổ: Tổ CNSCĐ bản Chắt",
        "Chức danh trong Tổ: Thành viên",
        "Từ ngày: 02/03/2026",
    ]


def test_a_deleted_record_still_shows_its_history(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    dung = person_id(store, "Đỗ Văn Dũng")
    store.delete("people", dung)
    store.restore("people", dung)
    store.delete("people", dung)
    dialog = open_dialog(qtbot, ctx, "people", dung)
    assert dialog.heading.text() == "Thành viên: Đỗ Văn Dũng (đã xóa)"
    history = lines(dialog)
    assert [entry[0].split(" — ")[1] for entry in history] == ["Xóa", "Khôi phục", "Xóa", "Tạo mới"]
    assert [len(entry) for entry in history[:3]] == [1, 1, 1]  # no "deleted 0 → 1" noise


def test_any_record_type_works(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    team = team_id(store, "Tổ CNSCĐ thôn Nà Phái")
    store.update("teams", team, {"name": "Tổ công nghệ số cộng đồng thôn Nà Phái"})
    dialog = open_dialog(qtbot, ctx, "teams", team)
    assert dialog.heading.text() == "Tổ công nghệ số cộng đồng: Tổ công nghệ số cộng đồng thôn Nà Phái"
    assert lines(dialog)[0][1:] == ["Tên tổ: Tổ CNSCĐ thôn Nà Phái → Tổ công nghệ số cộng đồng thôn Nà Phái"]
    session = store.insert(
        "sessions",
        {
            "team_id": team,
            "date": "2026-02-05",
            "place": "Nhà văn hóa",
            "citizens_total": 12,
            "member_ids": [person_id(store, "Lê Văn An"), person_id(store, "Phạm Văn Đạt")],
        },
    )
    created = lines(open_dialog(qtbot, ctx, "sessions", session["id"]))[0]
    assert "Thành viên tham gia: Lê Văn An; Phạm Văn Đạt" in created
    assert "Ngày: 05/02/2026" in created


def test_changes_from_another_device_name_it(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    em = person_id(store, "Hà Thị Em")
    store.db.execute(
        "INSERT INTO changes (record_type, record_id, op, fields, changed_at, device_id, author, sync_state)"
        " VALUES ('people', ?, 'update', ?, '2026-03-02T01:30:00.000Z', ?, 'Hoàng Văn Nam', 'synced')",
        [em, json.dumps({"birth_year": [2000, 2001]}), "0190aaaa-0000-7000-8000-00000000c0de"],
    )
    entries = history_entries(store, "people", em)
    assert entries[0].author == "Hoàng Văn Nam"
    assert entries[0].device.endswith("c0de")
    assert entries[1].device == ""  # made on this laptop
    dialog = open_dialog(qtbot, ctx, "people", em)
    assert lines(dialog)[0][0].endswith("— Hoàng Văn Nam (trên máy khác, mã …00c0de)")
    assert lines(dialog)[0][1:] == ["Năm sinh: 2000 → 2001"]


def test_times_are_local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        assert local_time("2026-03-02T18:30:00.000Z") == "03/03/2026 01:30"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_an_unknown_record_says_so(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx, "people", "0190aaaa-0000-7000-8000-000000000000")
    assert dialog.heading.text() == "Không tìm thấy bản ghi này."
    assert dialog.summary.text() == "Chưa có thay đổi nào được ghi lại."
