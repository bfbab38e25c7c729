"""Hoạt động hỗ trợ: the paged sessions table (SessionsModel), its filters and search, and fast entry by keyboard."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.store.session_queries import SessionQuery
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.session_entry import SessionEntry
from desktop.ui.session_model import SessionsModel
from desktop.ui.views.sessions import SessionsView
from tests.gui.conftest import column, type_text

PLACES = ["Nhà văn hóa thôn Nà Phái", "Nhà văn hoá bản Chắt", "Chợ Tân Thành", "Ủy ban nhân dân xã", "Đình Nà Phái"]


def team_id(store: Store, name: str) -> str:
    return store.rows("teams", "name = ?", [name])[0]["id"]


def person_id(store: Store, name: str) -> str:
    return store.rows("people", "full_name = ?", [name])[0]["id"]


@pytest.fixture
def many(store: Store) -> list[dict[str, Any]]:
    """450 sessions over a year up to today (02/03/2026), in both active teams, at five places."""
    teams = [team_id(store, "Tổ CNSCĐ thôn Nà Phái"), team_id(store, "Tổ CNSCĐ bản Chắt")]
    saved = []
    with store.transaction():
        for i in range(450):
            counts = {"1": 1 + i % 2} if i % 3 else {"1": 2, "3": 1}
            saved.append(
                store.insert(
                    "sessions",
                    {
                        "team_id": teams[i % 2],
                        "date": (date(2026, 3, 2) - timedelta(days=i % 365)).isoformat(),
                        "start_time": "08:00",
                        "end_time": "10:00",
                        "place": PLACES[i % len(PLACES)],
                        "category_counts": counts,
                        "citizens_total": 2 + i % 9,
                    },
                )
            )
    return saved


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext, many: list[dict[str, Any]]) -> SessionsView:
    """The sessions view at laptop size, shown and active (so keys go where the focus is)."""
    widget = SessionsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1170, 680)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press where the keyboard focus is, as the user's keyboard would send it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def write(qtbot: QtBot, text: str) -> None:
    """Type text (Vietnamese too) into the focused field."""
    focused = QApplication.focusWidget()
    assert focused is not None
    type_text(qtbot, focused, text)  # type: ignore[arg-type]


# ----- the model, a page at a time -----


def test_the_model_reads_pages_on_demand(qtbot: QtBot, ctx: AppContext, many: list[dict[str, Any]]) -> None:
    model = SessionsModel(ctx, page_size=200)
    model.reload()
    assert model.rowCount() == 200
    assert model.total == 450
    assert model.citizens == sum(2 + i % 9 for i in range(450))
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 400
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 450
    assert not model.canFetchMore(model.index(-1, -1))
    assert len({model.row(r)["id"] for r in range(450)}) == 450  # no row twice across pages
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Ngày",
        "Đồng bộ",
        "Giờ",
        "Tổ",
        "Địa điểm",
        "Lĩnh vực",
        "Số người",
        "Thành viên tham gia",
        "Ghi chú",
    ]
    # Two sessions share today's date (i = 0 and 365): the one entered last comes first.
    assert model.index(0, SessionsModel.DATE).data() == "02/03/2026"
    assert model.index(0, SessionsModel.TIME).data() == "08:00–10:00"
    assert model.index(0, SessionsModel.TEAM).data() == "Tổ CNSCĐ bản Chắt"
    assert model.index(0, SessionsModel.PLACE).data() == "Nhà văn hóa thôn Nà Phái"
    assert model.index(0, SessionsModel.CATEGORIES).data() == "Định danh điện tử VNeID (2)"
    assert model.index(0, SessionsModel.CITIZENS).data() == "7"
    assert model.index(1, SessionsModel.TEAM).data() == "Tổ CNSCĐ thôn Nà Phái"
    assert model.index(1, SessionsModel.CATEGORIES).data() == (
        "Định danh điện tử VNeID (2), Thanh toán không dùng tiền mặt (1)"
    )


def test_the_count_label_tells_matching_and_loaded(view: SessionsView) -> None:
    text = view.list.count_label.text()
    assert text.startswith("450 buổi hỗ trợ · 2.700 lượt người được hỗ trợ")
    assert "đang hiện 200 dòng đầu" in text
    view.model.fetchMore(view.model.index(-1, -1))
    view.model.fetchMore(view.model.index(-1, -1))
    assert "đang hiện" not in view.list.count_label.text()


def test_scrolling_to_the_bottom_fetches_more(qtbot: QtBot, view: SessionsView) -> None:
    table = view.list.view
    table.setFocus()
    table.setCurrentIndex(view.model.index(0, 0))
    press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() > 200)


@pytest.mark.parametrize("descending", [True, False])
def test_sorting_by_date_both_ways(view: SessionsView, descending: bool) -> None:
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    view.list.view.sortByColumn(SessionsModel.DATE, order)
    dates = [view.model.row(r)["date"] for r in range(view.model.rowCount())]
    assert dates == sorted(dates, reverse=descending)
    assert dates[0] == ("2026-03-02" if descending else "2025-03-03")


def test_sorting_by_place_is_vietnamese(view: SessionsView) -> None:
    view.list.view.sortByColumn(SessionsModel.PLACE, Qt.SortOrder.AscendingOrder)
    for _ in range(2):
        view.model.fetchMore(view.model.index(-1, -1))
    places = list(dict.fromkeys(column(view.model, SessionsModel.PLACE)))
    # Đ after D (after C), Ủ after N; "hóa"/"hoá" are the same word, so bản Chắt (b) before thôn (t).
    assert places == [
        "Chợ Tân Thành",
        "Đình Nà Phái",
        "Nhà văn hoá bản Chắt",
        "Nhà văn hóa thôn Nà Phái",
        "Ủy ban nhân dân xã",
    ]


def test_a_column_that_does_not_sort_keeps_the_indicator(view: SessionsView) -> None:
    header = view.list.view.horizontalHeader()
    view.list.view.sortByColumn(SessionsModel.CITIZENS, Qt.SortOrder.DescendingOrder)
    assert view.model.row(0)["citizens_total"] == 10
    header.setSortIndicator(SessionsModel.NOTES, Qt.SortOrder.AscendingOrder)  # as a click on "Ghi chú" does
    assert header.sortIndicatorSection() == SessionsModel.CITIZENS
    assert view.model.query.sort == "citizens"


# ----- filters and search -----


def test_filter_by_team(view: SessionsView, store: Store) -> None:
    view.team_filter.setCurrentIndex(view.team_filter.findData(team_id(store, "Tổ CNSCĐ bản Chắt")))
    assert view.model.total == 225
    assert set(column(view.model, SessionsModel.TEAM)) == {"Tổ CNSCĐ bản Chắt"}


def test_filter_by_month_and_custom_range(view: SessionsView) -> None:
    view.period.setCurrentIndex(view.period.findData("this_month"))
    assert view.model.query.date_from == "2026-03-01" and view.model.query.date_to == "2026-03-31"
    assert view.model.total == 4  # 01/03 and 02/03, twice each (i and i + 365)
    assert not view.date_from.isVisible()
    view.period.setCurrentIndex(view.period.findData("custom"))
    assert view.date_from.isVisible() and view.date_to.isVisible()
    view.date_from.setDate(view.date_from.date().addMonths(-1))  # 01/02/2026 – 02/03/2026: 30 days
    assert view.model.total == 60
    view.period.setCurrentIndex(view.period.findData("last_year"))
    assert view.model.query.date_from == "2025-01-01"
    assert all(d.endswith("/2025") for d in column(view.model, SessionsModel.DATE))


def test_filter_by_category(view: SessionsView) -> None:
    view.category_filter.setCurrentIndex(view.category_filter.findData("3"))
    assert view.model.total == 150  # every third session
    assert all("Thanh toán không dùng tiền mặt" in text for text in column(view.model, SessionsModel.CATEGORIES))
    view.category_filter.setCurrentIndex(0)
    assert view.model.total == 450


def test_search_as_you_type_ignores_diacritics(qtbot: QtBot, view: SessionsView) -> None:
    view.list.search_edit.setFocus()
    write(qtbot, "nha van hoa")
    qtbot.waitUntil(lambda: view.model.query.text == "nha van hoa" and not view.model.loading)
    assert view.model.total == 180  # both spellings of "hóa", both villages
    assert set(column(view.model, SessionsModel.PLACE)) == {"Nhà văn hóa thôn Nà Phái", "Nhà văn hoá bản Chắt"}
    write(qtbot, " na phai")
    qtbot.waitUntil(lambda: view.model.query.text == "nha van hoa na phai")
    assert view.model.total == 90
    view.team_filter.setCurrentIndex(view.team_filter.findData(team_id(view.ctx.store, "Tổ CNSCĐ bản Chắt")))
    assert view.model.total == 45  # search and filters together
    view.list.search_edit.setText("khong co noi nay")
    qtbot.waitUntil(lambda: view.model.query.text == "khong co noi nay")
    assert view.model.total == 0 and view.model.rowCount() == 0
    assert view.list.count_label.text().startswith("0 buổi hỗ trợ")


# ----- fast entry, by keyboard only -----


def test_a_whole_session_entered_by_keyboard_only(qtbot: QtBot, view: SessionsView, store: Store) -> None:
    view.list.view.setFocus()  # where the official is when the view opens
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.entry.date
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to the team
    assert QApplication.focusWidget() is view.entry.team
    press(qtbot, Qt.Key.Key_Down)  # bản Chắt -> thôn Nà Phái
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "0502")  # 05/02 this year
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "8h")
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "10h30")
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "Nhà văn hóa thôn Nà Phái")
    press(qtbot, Qt.Key.Key_Tab)  # closes the completion list too
    assert QApplication.focusWidget() is view.entry.categories[0][1]  # Định danh điện tử VNeID
    write(qtbot, "5")  # a digit on the box ticks it and goes into its count
    assert view.entry.categories[0][1].isChecked()
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # past Dịch vụ công trực tuyến
    press(qtbot, Qt.Key.Key_Space)  # Thanh toán không dùng tiền mặt: ticked, the cursor in its count
    assert QApplication.focusWidget() is view.entry.categories[2][2]
    write(qtbot, "3")
    for _ in range(8):  # the seven boxes left, then the total
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.entry.total
    write(qtbot, "7")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # the leader, first in the list
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # the deputy
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "Hướng dẫn cài VNeID")
    press(qtbot, Qt.Key.Key_Return)

    saved = store.rows("sessions", "date = '2026-02-05' AND notes IS NOT NULL")
    assert len(saved) == 1
    session = saved[0]
    assert session["team_id"] == team_id(store, "Tổ CNSCĐ thôn Nà Phái")
    assert (session["start_time"], session["end_time"]) == ("08:00", "10:30")
    assert session["place"] == "Nhà văn hóa thôn Nà Phái"
    assert session["category_counts"] == {"1": 5, "3": 3}
    assert session["citizens_total"] == 7
    assert session["member_ids"] == [person_id(store, "Nguyễn Thị Ánh"), person_id(store, "Phạm Văn Đạt")]
    assert session["notes"] == "Hướng dẫn cài VNeID"
    assert view.ctx.undo.undoText() == "Thêm buổi hỗ trợ 05/02/2026 — Nhà văn hóa thôn Nà Phái"
    # The next form: team, date and place kept, the rest empty, the cursor in the date.
    entry = view.entry
    assert QApplication.focusWidget() is entry.date and entry.date.selectedText() == "05/02/2026"
    assert entry.team.currentData() == session["team_id"] and entry.place.text() == session["place"]
    assert entry.category_counts() == {} and entry.total.text() == "" and entry.member_ids() == []
    assert "Đã lưu buổi hỗ trợ 05/02/2026" in entry.last_saved.text()
    assert view.model.total == 451


def test_enter_with_only_counts_takes_the_largest_as_total(qtbot: QtBot, view: SessionsView, store: Store) -> None:
    view.entry.focus_first()
    write(qtbot, "1/3")
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "4")  # VNeID 4
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "6")  # Dịch vụ công 6, typed on its box
    assert view.entry.total.placeholderText() == "= 6"
    press(qtbot, Qt.Key.Key_Enter)
    session = store.rows("sessions", "date = '2026-03-01'", order_by="created_at DESC")[0]
    assert session["category_counts"] == {"1": 4, "2": 6}
    assert session["citizens_total"] == 6


def test_a_future_date_is_refused_inline(qtbot: QtBot, view: SessionsView, store: Store) -> None:
    before = store.count("sessions")
    entry = view.entry
    entry.focus_first()
    write(qtbot, "05/03/2026")
    press(qtbot, Qt.Key.Key_Tab)
    assert entry._errors["date"].isVisibleTo(entry)  # said as soon as the date is left
    assert entry._errors["date"].text() == "Ngày hỗ trợ không được ở tương lai."
    entry.total.setText("3")
    press(qtbot, Qt.Key.Key_Return)
    assert store.count("sessions") == before  # nothing saved
    assert QApplication.focusWidget() is entry.date  # the cursor back where the problem is
    entry.date.setText("01/03/2026")
    press(qtbot, Qt.Key.Key_Return)
    assert store.count("sessions") == before + 1
    assert not entry._errors["date"].isVisibleTo(entry)


def test_counts_above_the_total_are_refused_inline(qtbot: QtBot, view: SessionsView, store: Store) -> None:
    before = store.count("sessions")
    entry = view.entry
    entry.total.setFocus()
    write(qtbot, "4")
    entry.categories[0][1].setFocus()
    write(qtbot, "9")
    message = entry._errors["category_counts"]
    assert message.isVisibleTo(entry)
    assert message.text() == "Số người ở lĩnh vực “Định danh điện tử VNeID” (9) lớn hơn tổng số người (4)."
    press(qtbot, Qt.Key.Key_Return)
    assert store.count("sessions") == before
    entry.total.setText("")
    entry.categories[0][1].setChecked(False)
    press(qtbot, Qt.Key.Key_Return)
    assert entry._errors["citizens_total"].text() == "Hãy nhập tổng số người được hỗ trợ (gõ 0 nếu không có ai)."
    assert store.count("sessions") == before


def test_escape_clears_the_form(qtbot: QtBot, view: SessionsView) -> None:
    entry = view.entry
    entry.focus_first()
    write(qtbot, "1/3")
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "7h")
    entry.notes.setPlainText("Ghi chú tạm")
    press(qtbot, Qt.Key.Key_Escape)
    assert entry.start.text() == "" and entry.notes.toPlainText() == "" and not entry.dirty
    assert QApplication.focusWidget() is entry.date


def test_team_and_place_are_remembered(qtbot: QtBot, ctx: AppContext, view: SessionsView, store: Store) -> None:
    entry = view.entry
    entry.team.setCurrentIndex(entry.team.findData(team_id(store, "Tổ CNSCĐ thôn Nà Phái")))
    entry.place.setText("Đình Nà Phái")
    entry.total.setText("2")
    assert entry.save()
    again = SessionEntry(ctx)  # the next time the app opens
    assert again.team.currentData() == team_id(store, "Tổ CNSCĐ thôn Nà Phái")
    assert again.place.text() == "Đình Nà Phái"
    assert again.date.text() == "02/03/2026"


def test_place_completion_ignores_diacritics(qtbot: QtBot, view: SessionsView, store: Store) -> None:
    entry = view.entry
    entry.team.setCurrentIndex(entry.team.findData(team_id(store, "Tổ CNSCĐ thôn Nà Phái")))
    entry.completer.setCompletionPrefix("dinh")
    offered = [entry.completer.completionModel().index(r, 0).data() for r in range(entry.completer.completionCount())]
    assert offered == ["Đình Nà Phái"]


def test_members_are_those_of_the_team_on_that_date(qtbot: QtBot, view: SessionsView, store: Store) -> None:
    entry = view.entry
    entry.team.setCurrentIndex(entry.team.findData(team_id(store, "Tổ CNSCĐ thôn Nà Phái")))
    names = [entry.members.item(r).text() for r in range(entry.members.count())]
    assert names == ["Nguyễn Thị Ánh (Tổ trưởng)", "Phạm Văn Đạt (Tổ phó)", "Lê Văn An (Thành viên)"]
    entry.date.setText("01/03/2025")  # before the team was founded (15/03/2025)
    entry._date_finished()
    assert entry.members.count() == 0


# ----- edit, delete, history, export -----


def select_row(view: SessionsView, row: int) -> dict[str, Any]:
    view.list.view.setCurrentIndex(view.model.index(row, 0))
    return view.model.row(row)


def test_edit_in_the_form_and_undo(qtbot: QtBot, view: SessionsView, store: Store) -> None:
    session = select_row(view, 3)
    entry = view.entry
    assert entry.editing is not None and entry.editing["id"] == session["id"]
    assert entry.heading.text().startswith("Sửa buổi hỗ trợ")
    assert entry.place.text() == session["place"]
    entry.place.setFocus()
    entry.place.selectAll()
    write(qtbot, "Trường Tiểu học Tân Thành")
    entry.total.setFocus()
    entry.total.selectAll()
    write(qtbot, "11")
    press(qtbot, Qt.Key.Key_Return)
    edited = store.require("sessions", session["id"])
    assert (edited["place"], edited["citizens_total"]) == ("Trường Tiểu học Tân Thành", 11)
    assert edited["category_counts"] == session["category_counts"] and edited["date"] == session["date"]
    assert store.count("sessions") == 450  # an edit, not a new session
    assert entry.editing is None  # back to new forms
    assert view.ctx.undo.undoText().startswith("Sửa buổi hỗ trợ")
    view.ctx.undo.undo()
    restored = store.require("sessions", session["id"])
    assert (restored["place"], restored["citizens_total"]) == (session["place"], session["citizens_total"])


def test_selecting_a_row_does_not_overwrite_typing(qtbot: QtBot, view: SessionsView) -> None:
    entry = view.entry
    entry.notes.setFocus()
    write(qtbot, "đang nhập dở")
    select_row(view, 0)
    assert entry.editing is None and entry.notes.toPlainText() == "đang nhập dở"


def test_delete_and_undo(qtbot: QtBot, view: SessionsView, store: Store) -> None:
    session = select_row(view, 0)
    view.list.view.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert store.require("sessions", session["id"])["deleted"] == 1
    assert view.model.total == 449 and view.model.row_of(session["id"]) == -1
    assert view.ctx.undo.undoText() == "Xóa buổi hỗ trợ 02/03/2026 — Nhà văn hóa thôn Nà Phái"
    view.ctx.undo.undo()
    assert store.require("sessions", session["id"])["deleted"] == 0
    assert view.model.total == 450 and view.model.row_of(session["id"]) == 0


def test_history_opens_for_the_selected_session(
    qtbot: QtBot, view: SessionsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.ui.history_dialog as history

    opened: list[tuple[str, str]] = []

    def fake_exec(dialog: Any) -> int:
        opened.append((dialog.windowTitle(), dialog.parent() is view))
        return 0

    monkeypatch.setattr(history.HistoryDialog, "exec", fake_exec)
    select_row(view, 0)
    view.list.view.setFocus()
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and opened[0][1]


def test_export_writes_every_matching_row(
    qtbot: QtBot, view: SessionsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "buoi-ho-tro.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    view.category_filter.setCurrentIndex(view.category_filter.findData("3"))
    assert view.model.rowCount() < 200 or view.model.total > view.model.rowCount()
    view.list.view.setFocus()
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(out.exists)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Ngày", "Giờ", "Tổ", "Địa điểm", "Lĩnh vực", "Số người", "Thành viên tham gia", "Ghi chú")
    assert len(rows) == 1 + 150
    assert rows[1][0] == "02/03/2026" and isinstance(rows[1][5], int)


def test_export_of_more_rows_than_loaded(
    qtbot: QtBot, view: SessionsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "tat-ca"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    assert view.model.rowCount() == 200
    view.list.export()
    workbook = tmp_path / "tat-ca.xlsx"
    qtbot.waitUntil(workbook.exists)
    assert load_workbook(workbook).active.max_row == 451


def test_the_view_reloads_when_another_view_changes_sessions(view: SessionsView, store: Store) -> None:
    store.insert(
        "sessions", {"team_id": team_id(store, "Tổ CNSCĐ bản Chắt"), "date": "2026-03-02", "citizens_total": 1}
    )
    view.ctx.hub.changed(["sessions"])
    assert view.model.total == 451


def test_the_view_at_1366_by_768_fits(qtbot: QtBot, view: SessionsView) -> None:
    view.resize(1366 - 200, 768 - 110)  # the main window's share on a laptop, without sidebar and bars
    qtbot.wait(1)
    entry_area = view.entry_area
    assert entry_area.width() >= 360
    assert view.list.view.width() > 500
    # The form fits the width of its column (nothing cut on the right), also with a long place in "Sửa …".
    assert view.entry.minimumSizeHint().width() <= entry_area.viewport().width()
    view.list.view.setCurrentIndex(view.model.index(0, 0))
    assert view.entry.editing is not None
    assert view.entry.minimumSizeHint().width() <= entry_area.viewport().width()
    assert view.entry.save_button.text() == "Lưu thay đổi (Enter)"


def test_the_benchmark_runs_on_real_threads(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.benchmarks import bench_sessions_view

    figures = dict(bench_sessions_view.main(["--sessions", "300", "--data-dir", str(tmp_path / "bench")]))
    assert figures["  rows shown / sessions matching"] == "200 / 300"
    assert figures["  rows loaded at the end"] == "300"
    assert any(name.startswith("search as you type “nha van hoa”") for name in figures)
    assert "300 sessions" in capsys.readouterr().out


def test_f6_and_ctrl_f_move_between_form_table_and_search(qtbot: QtBot, view: SessionsView) -> None:
    view.entry.focus_first()
    press(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is view.list.view
    assert view.entry.editing is not None  # the first row, ready to edit
    press(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is view.entry.date
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.list.search_edit


def test_a_newer_query_wins_over_one_still_running(
    qtbot: QtBot, store: Store, tmp_path: Path, many: list[dict[str, Any]]
) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "threads.ini"), QSettings.Format.IniFormat)
    threaded = AppContext.create(store, store.folder, synchronous=False, settings=settings)
    model = SessionsModel(threaded)
    try:
        model.reload()
        qtbot.waitUntil(lambda: not model.loading)
        assert model.total == 450
        for text in ("c", "ch", "cho", "n", "nha van hoa"):  # typed faster than the worker answers
            model.set_query(SessionQuery(text=text))
        qtbot.waitUntil(lambda: not model.loading)
        assert model.total == 180
        assert set(column(model, SessionsModel.PLACE)) == {"Nhà văn hóa thôn Nà Phái", "Nhà văn hoá bản Chắt"}
        model.set_query(SessionQuery(text="nha van hoa", sort="place", descending=False))
        qtbot.waitUntil(lambda: not model.loading)
        assert column(model, SessionsModel.PLACE)[0] == "Nhà văn hoá bản Chắt"
    finally:
        model.worker.stop()
        threaded.shutdown()


def test_alt_letters_jump_to_the_fields(qtbot: QtBot, view: SessionsView) -> None:
    entry = view.entry
    entry.focus_first()
    for letter, widget in (
        (Qt.Key.Key_L, entry.categories[0][1]),
        (Qt.Key.Key_A, entry.place),
        (Qt.Key.Key_H, entry.members),
        (Qt.Key.Key_C, entry.notes),
        (Qt.Key.Key_N, entry.date),
    ):
        press(qtbot, letter, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is widget
