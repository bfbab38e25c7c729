"""The members view: list and filters, inline editing with undo, delete rules, adding, and merging duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.store.teams import add_member
from desktop.ui.context import AppContext
from desktop.ui.duplicates_dialog import Candidate, DuplicatesDialog, default_keep
from desktop.ui.models import PeopleModel
from desktop.ui.views.people import NO_TEAM, PeopleView
from desktop.ui.widgets import messages
from tests.gui.conftest import HOA, ROSTER, column, type_text


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext) -> PeopleView:
    """The members view, shown at the size of a laptop screen's work area."""
    widget = PeopleView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1090, 660)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ids_by_name(store: Store) -> dict[str, str]:
    """Every person's id by full name."""
    return {person["full_name"]: person["id"] for person in store.rows("people")}


def names(view: PeopleView) -> list[str]:
    """The names the list shows, top to bottom."""
    return column(view.proxy, PeopleModel.NAME)


def select(view: PeopleView, name: str) -> None:
    """Select a person in the list by name."""
    assert view.list.select_id(ids_by_name(view.ctx.store)[name])
    assert view.panel.record_id == ids_by_name(view.ctx.store)[name]


def line(view: PeopleView, field: str) -> QLineEdit:
    """The panel's input of a one-line field."""
    widget = view.panel.form.editors[field].widget
    assert isinstance(widget, QLineEdit)
    return widget


def replace_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Clear an input and type into it, as a user would."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def error_beside(view: PeopleView, field: str) -> str:
    """The problem shown under a field of the panel's form ("" when none)."""
    label = view.panel.form._errors[field]
    return label.text() if label.isVisible() else ""


def reloaded(qtbot: QtBot, view: PeopleView) -> None:
    """Wait for the reload a change schedules (several announced types make one reload)."""
    qtbot.waitUntil(lambda: not view._reload_timer.isActive())


# ----- the list -----


def test_list_shows_everyone_in_roster_order_with_teams_and_roles(view: PeopleView) -> None:
    shown = names(view)
    assert shown[:6] == ROSTER
    assert set(shown[6:]) == HOA
    assert view.list.count_label.text() == "8 thành viên"
    an = shown.index("Lê Văn An")
    assert view.proxy.index(an, PeopleModel.TEAMS).data() == "Tổ CNSCĐ bản Chắt; Tổ CNSCĐ thôn Nà Phái"
    assert view.proxy.index(an, PeopleModel.ROLES).data() == "Tổ trưởng; Thành viên"
    dat = shown.index("Phạm Văn Đạt")
    assert view.proxy.index(dat, PeopleModel.PHONE).data() == "0912 345 678"
    assert view.panel.record_id == ""  # nothing selected yet: the panel says what to do
    assert view.panel.pages.currentIndex() == 0


def test_position_cell_joins_position_and_organisation(view: PeopleView, store: Store) -> None:
    store.update(
        "people", ids_by_name(store)["Hà Thị Em"], {"position": "Giáo viên", "organisation": "Trường Tiểu học"}
    )
    view.reload()
    assert view.proxy.index(names(view).index("Hà Thị Em"), PeopleModel.POSITION).data() == "Giáo viên, Trường Tiểu học"


def test_team_filter_each_team_and_no_team(view: PeopleView, store: Store) -> None:
    items = [view.team_filter.itemText(i) for i in range(view.team_filter.count())]
    # Dissolved teams have nobody today, so they are not offered.
    assert items == ["Tất cả các tổ", "Không thuộc tổ nào", "Tổ CNSCĐ bản Chắt", "Tổ CNSCĐ thôn Nà Phái"]
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]["id"]
    view.set_team_filter(team)
    assert names(view) == ["Lê Văn An", "Nguyễn Thị Ánh", "Phạm Văn Đạt"]
    assert view.list.count_label.text() == "3 thành viên"
    view.set_team_filter(NO_TEAM)
    assert set(names(view)) == {"Trần Đức Bình", "Đỗ Văn Dũng", *HOA}
    view.set_team_filter(None)
    assert len(names(view)) == 8


def test_gender_filter_combines_with_team_and_search(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    view.set_gender_filter("nu")
    assert names(view) == ["Nguyễn Thị Ánh", "Hà Thị Em"]
    view.set_team_filter(store.rows("teams", "name = ?", ["Tổ CNSCĐ bản Chắt"])[0]["id"])
    assert names(view) == ["Hà Thị Em"]
    view.set_team_filter(None)
    view.set_gender_filter(None)
    type_text(qtbot, view.list.search_edit, "lang hoa")  # no diacritics, tone mark anywhere
    assert set(names(view)) == HOA


def test_search_finds_a_phone_typed_any_way(qtbot: QtBot, view: PeopleView) -> None:
    type_text(qtbot, view.list.search_edit, "0912")
    assert names(view) == ["Phạm Văn Đạt"]


# ----- inline editing -----


def test_editing_a_phone_inline_saves_the_canonical_form(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    select(view, "Phạm Văn Đạt")
    phone = line(view, "phone")
    assert phone.text() == "0912 345 678"
    assert not view.panel.save_button.isEnabled()
    replace_text(qtbot, phone, "+84 987.654.321")
    assert view.panel.save_button.isEnabled()
    qtbot.keyClick(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.require("people", view.panel.record_id)["phone"] == "0987654321"
    assert phone.text() == "0987 654 321"  # the form shows what was stored, formatted
    assert not view.panel.save_button.isEnabled()
    reloaded(qtbot, view)
    row = names(view).index("Phạm Văn Đạt")
    assert view.proxy.index(row, PeopleModel.PHONE).data() == "0987 654 321"
    assert view.panel.record_id == ids_by_name(store)["Phạm Văn Đạt"]  # still selected after the reload
    assert view.ctx.undo.undoText() == "Sửa thành viên Phạm Văn Đạt"


def test_an_invalid_phone_is_explained_beside_the_field(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    select(view, "Phạm Văn Đạt")
    phone = line(view, "phone")
    replace_text(qtbot, phone, "0123 456")
    type_text(qtbot, line(view, "birth_year"), "0")  # 19900: a second problem, shown at the same time
    view.panel.save_button.click()
    assert error_beside(view, "phone").startswith("Số điện thoại “0123 456” không hợp lệ: số di động có 10 chữ số")
    assert "Năm sinh 19900 không hợp lệ" in error_beside(view, "birth_year")
    assert error_beside(view, "full_name") == ""
    assert phone.text() == "0123 456"  # what was typed stays, to be corrected
    assert store.require("people", view.panel.record_id)["phone"] == "0912345678"
    assert not view.ctx.undo.canUndo()
    replace_text(qtbot, phone, "0987654321")
    replace_text(qtbot, line(view, "birth_year"), "1990")
    assert view.panel.save()
    assert error_beside(view, "phone") == ""


def test_undo_restores_the_old_phone(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    select(view, "Phạm Văn Đạt")
    replace_text(qtbot, line(view, "phone"), "0987654321")
    assert view.panel.save()
    reloaded(qtbot, view)
    view.ctx.undo.undo()
    reloaded(qtbot, view)
    assert store.require("people", view.panel.record_id)["phone"] == "0912345678"
    assert line(view, "phone").text() == "0912 345 678"
    view.ctx.undo.redo()
    reloaded(qtbot, view)
    assert line(view, "phone").text() == "0987 654 321"


def test_escape_reverts_unsaved_edits(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    select(view, "Hà Thị Em")
    name = line(view, "full_name")
    replace_text(qtbot, name, "Hà Thị Én")
    assert view.panel.is_dirty()
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert name.text() == "Hà Thị Em"
    assert not view.panel.is_dirty()
    assert store.count("people", "full_name = ?", ["Hà Thị Én"]) == 0


def test_a_name_typed_in_lower_case_is_saved_capitalised(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    select(view, "Hà Thị Em")
    replace_text(qtbot, line(view, "full_name"), "hà thị én")
    assert view.panel.save()
    assert line(view, "full_name").text() == "Hà Thị Én"
    assert view.panel.heading.text() == "Hà Thị Én"
    reloaded(qtbot, view)
    assert "Hà Thị Én" in names(view)


@pytest.mark.parametrize(("answer", "stored"), [(True, "Hà Thị Én"), (False, "Hà Thị Em")])
def test_moving_away_from_unsaved_edits_asks(
    qtbot: QtBot, view: PeopleView, store: Store, monkeypatch: pytest.MonkeyPatch, answer: bool, stored: str
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, _yes: str = "") -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(messages, "confirm", confirm)
    em = ids_by_name(store)["Hà Thị Em"]
    select(view, "Hà Thị Em")
    replace_text(qtbot, line(view, "full_name"), "Hà Thị Én")
    select(view, "Lê Văn An")
    assert asked == ["Thông tin của Hà Thị Em đã sửa nhưng chưa lưu. Lưu lại trước khi chuyển sang người khác?"]
    assert store.require("people", em)["full_name"] == stored
    assert line(view, "full_name").text() == "Lê Văn An"


def test_edits_that_cannot_be_saved_keep_the_person_selected(
    qtbot: QtBot, view: PeopleView, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    select(view, "Hà Thị Em")
    replace_text(qtbot, line(view, "phone"), "12")
    view.list.select_id(ids_by_name(store)["Lê Văn An"])
    assert view.panel.record_id == ids_by_name(store)["Hà Thị Em"]
    assert view.list.current_id() == ids_by_name(store)["Hà Thị Em"]
    assert "không hợp lệ" in error_beside(view, "phone")


def test_memberships_over_time(view: PeopleView, store: Store) -> None:
    ids = ids_by_name(store)
    old_team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Đồng Ý"])[0]["id"]
    store.insert(
        "memberships",
        {
            "team_id": old_team,
            "person_id": ids["Lê Văn An"],
            "role": "to_pho",
            "start_date": "2024-05-02",
            "end_date": "2025-06-30",
        },
    )
    view.reload()
    select(view, "Lê Văn An")
    table = view.panel.memberships
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows == [
        ["Tổ CNSCĐ bản Chắt", "Tổ trưởng", "02/04/2025 – nay"],
        ["Tổ CNSCĐ thôn Nà Phái", "Thành viên", "15/03/2025 – nay"],
        ["Tổ CNSCĐ thôn Đồng Ý (đã giải thể)", "Tổ phó", "02/05/2024 – 30/06/2025"],
    ]
    select(view, "Đỗ Văn Dũng")
    assert view.panel.no_memberships.isVisible()
    assert not table.isVisible()


def test_f2_moves_to_the_form(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    select(view, "Lê Văn An")
    view.list.view.setFocus()
    qtbot.keyClick(view.list.view, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is line(view, "full_name")


# ----- adding and deleting -----


def test_add_a_person(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    view.set_team_filter(NO_TEAM)
    view.list.add_action.trigger()
    dialog = view.add_dialog
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    type_text(qtbot, form.editors["full_name"].widget, "vi thị hồng")
    type_text(qtbot, form.editors["phone"].widget, "12345")
    dialog.accept()
    assert dialog.isVisible()  # the problem is marked and the dialog stays open
    form.editors["phone"].widget.clear()
    type_text(qtbot, form.editors["phone"].widget, "0388 123 456")
    dialog.accept()
    person = store.rows("people", "full_name = ?", ["Vi Thị Hồng"])[0]
    assert person["phone"] == "0388123456"
    assert view.panel.record_id == person["id"]  # the new person is selected, shown in the panel
    assert "Vi Thị Hồng" in names(view)
    view.ctx.undo.undo()
    reloaded(qtbot, view)
    assert "Vi Thị Hồng" not in names(view)


def test_delete_is_refused_for_an_active_member(
    view: PeopleView, store: Store, message_boxes: list[tuple[str, str, str]]
) -> None:
    select(view, "Nguyễn Thị Ánh")
    view.list.delete_action.trigger()
    assert message_boxes == [
        (
            "warning",
            "Không xóa được thành viên",
            "Nguyễn Thị Ánh đang là thành viên của “Tổ CNSCĐ thôn Nà Phái”; hãy cho thôi tham gia tổ trước khi xóa.",
        )
    ]
    assert store.get("people", ids_by_name(store)["Nguyễn Thị Ánh"])["deleted"] == 0
    assert not view.ctx.undo.canUndo()


def test_delete_with_undo(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    dung = ids_by_name(store)["Đỗ Văn Dũng"]
    select(view, "Đỗ Văn Dũng")
    view.list.view.setFocus()
    qtbot.keyClick(view.list.view, Qt.Key.Key_Delete)
    reloaded(qtbot, view)
    assert "Đỗ Văn Dũng" not in names(view)
    assert view.list.current_id() != ""  # the next person is selected
    assert view.ctx.undo.undoText() == "Xóa thành viên Đỗ Văn Dũng"
    view.ctx.undo.undo()
    reloaded(qtbot, view)
    assert "Đỗ Văn Dũng" in names(view)
    assert store.require("people", dung)["deleted"] == 0


def test_history_opens_for_the_selected_person(qtbot: QtBot, view: PeopleView) -> None:
    select(view, "Phạm Văn Đạt")
    view.list.view.setFocus()
    qtbot.keyClick(view.list.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = view.history_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text() == "Thành viên: Phạm Văn Đạt"
    assert dialog.tree.topLevelItem(0).text(0).split(" — ")[1] == "Tạo mới"
    dialog.close()


# ----- duplicates -----


def make_hoa_duplicates(store: Store) -> tuple[str, str]:
    """The two Lăng Văn Hoà/Hòa records as one person typed twice: same birth year, each in a team."""
    ids = ids_by_name(store)
    first, second = ids["Lăng Văn Hoà"], ids["Lăng Văn Hòa"]
    store.update("people", second, {"birth_year": 1985, "phone": "0387 111 222"})
    teams = {team["name"]: team["id"] for team in store.rows("teams")}
    add_member(store, teams["Tổ CNSCĐ thôn Nà Phái"], first, "thanh_vien", "2025-06-01")
    add_member(store, teams["Tổ CNSCĐ bản Chắt"], second, "to_pho", "2025-07-01")
    return first, second


def open_duplicates(qtbot: QtBot, view: PeopleView) -> DuplicatesDialog:
    """Open the duplicates dialog with its shortcut."""
    view.list.view.setFocus()
    qtbot.keyClick(view.list.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = view.duplicates_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_duplicates_are_merged_keeping_memberships(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    first, second = make_hoa_duplicates(store)
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]["id"]
    session = store.insert("sessions", {"team_id": team, "date": "2026-02-05", "member_ids": [first]})
    view.reload()
    dialog = open_duplicates(qtbot, view)
    assert dialog.group_list.count() == 1
    assert dialog.group_list.item(0).text() == "Lăng Văn Hoà — 2 bản ghi"
    table = dialog.table
    assert [table.item(r, dialog.NAME).text() for r in range(2)] == ["Lăng Văn Hoà", "Lăng Văn Hòa"]
    assert [table.item(r, dialog.PHONE).text() for r in range(2)] == ["", "0387 111 222"]
    assert table.item(1, dialog.TEAMS).text() == "Tổ CNSCĐ bản Chắt (Tổ phó)"
    assert dialog.keep_row() == 0  # one team each, but Hoà attended a session: kept unless the user says
    dialog.select_keep(1)
    assert dialog.plan.text().startswith("Giữ lại bản ghi Lăng Văn Hòa tạo lúc ")
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter merges
    assert dialog.group_list.count() == 0  # the group is gone
    assert dialog.empty.isVisible()
    assert store.require("people", first)["deleted"] == 1
    kept = store.require("people", second)
    assert kept["birth_year"] == 1985 and kept["phone"] == "0387111222"
    teams = {m["team_id"]: m["role"] for m in store.rows("memberships", "person_id = ?", [second])}
    assert sorted(teams.values()) == ["thanh_vien", "to_pho"]
    assert store.count("memberships", "person_id = ?", [first]) == 0
    assert store.require("sessions", session["id"])["member_ids"] == [second]  # attendance moves too
    reloaded(qtbot, view)
    assert names(view).count("Lăng Văn Hòa") == 1 and "Lăng Văn Hoà" not in names(view)
    row = names(view).index("Lăng Văn Hòa")
    assert view.proxy.index(row, PeopleModel.TEAMS).data() == "Tổ CNSCĐ bản Chắt; Tổ CNSCĐ thôn Nà Phái"

    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()  # undo inside the dialog: the group comes back
    assert dialog.group_list.count() == 1
    assert store.require("people", first)["deleted"] == 0
    assert store.count("memberships", "person_id = ?", [first]) == 1
    dialog.close()


def test_a_group_can_be_skipped(qtbot: QtBot, view: PeopleView, store: Store) -> None:
    make_hoa_duplicates(store)
    dialog = open_duplicates(qtbot, view)
    dialog.skip_button.click()
    assert dialog.group_list.count() == 0
    assert store.count("people") == 8  # nothing merged
    dialog.close()


def test_a_merge_the_store_refuses_is_explained(
    qtbot: QtBot, view: PeopleView, store: Store, message_boxes: list[tuple[str, str, str]]
) -> None:
    first, second = make_hoa_duplicates(store)
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ bản Chắt"])[0]["id"]
    # Both served in the team over overlapping months of 2024: one person cannot be in a team twice at once.
    for person, start, end in ((first, "2024-01-01", "2024-06-30"), (second, "2024-03-01", "2024-12-31")):
        store.insert(
            "memberships",
            {"team_id": team, "person_id": person, "role": "thanh_vien", "start_date": start, "end_date": end},
        )
    dialog = open_duplicates(qtbot, view)
    dialog.merge_button.click()
    assert message_boxes == [
        (
            "warning",
            "Không gộp được",
            "Người này đã là thành viên của tổ trong khoảng thời gian đó; không thêm lần nữa.",
        )
    ]
    assert store.require("people", first)["deleted"] == 0  # all or nothing
    assert dialog.group_list.count() == 1
    assert dialog.merge_button.isEnabled()
    dialog.close()


@pytest.fixture
def threaded_ctx(store: Store, tmp_path: Path) -> Iterator[AppContext]:
    """The app context as the app runs it: reader and writer on their own threads, with their own connections."""
    settings = QSettings(str(tmp_path / "threaded.ini"), QSettings.Format.IniFormat)
    context = AppContext.create(store, tmp_path / "data", synchronous=False, settings=settings)
    yield context
    context.shutdown()


def test_a_merge_runs_on_the_writer_thread_and_undoes_on_the_gui_thread(
    qtbot: QtBot, threaded_ctx: AppContext, store: Store
) -> None:
    first, second = make_hoa_duplicates(store)
    dialog = DuplicatesDialog(threaded_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.group_list.count() == 1)  # found by the reader thread
    dialog.merge_button.click()
    assert not dialog.merge_button.isEnabled()  # busy until the writer is done
    qtbot.waitUntil(lambda: threaded_ctx.undo.canUndo() and dialog.group_list.count() == 0)
    assert store.require("people", second)["deleted"] == 1  # the older record was kept
    assert store.count("memberships", "person_id = ?", [first]) == 2
    threaded_ctx.undo.undo()  # replayed on the writer thread too: a merge may have moved thousands of sessions
    qtbot.waitUntil(lambda: dialog.group_list.count() == 1)
    assert store.require("people", second)["deleted"] == 0
    assert store.count("memberships", "person_id = ?", [second]) == 1
    dialog.close()


def test_tab_goes_from_filters_to_search_to_list_to_form(qtbot: QtBot, view: PeopleView) -> None:
    select(view, "Lê Văn An")
    view.team_filter.setFocus()
    order = []
    for _ in range(6):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    editors = view.panel.form.editors
    assert order == [
        view.team_filter,
        view.gender_filter,
        view.list.search_edit,
        view.list.view,
        editors["full_name"].widget,
        editors["gender"].widget,
    ]


def test_the_record_with_more_history_is_kept_by_default() -> None:
    def candidate(name: str, teams: int, sessions: int) -> Candidate:
        return Candidate(name, "Lăng Văn Hòa", "1985", "", "", "", teams, sessions, "02/03/2026 08:00")

    assert default_keep([candidate("a", 0, 0), candidate("b", 1, 0)]) == 1
    assert default_keep([candidate("a", 1, 3), candidate("b", 1, 40)]) == 1  # fewer sessions to rewrite
    assert default_keep([candidate("a", 0, 0), candidate("b", 0, 0)]) == 0  # else the oldest
