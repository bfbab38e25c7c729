"""The first window: villages, teams and members listed from the store, sorted and filtered the Vietnamese way."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop import app as desktop_app
from desktop.store.store import Store
from desktop.store.teams import add_member
from desktop.ui.commune_dialog import CommuneChoice, CommuneDialog
from desktop.ui.main_window import MainWindow, TablePage
from desktop.ui.models import (
    ID_ROLE,
    PeopleModel,
    TeamsModel,
    VietnameseSortFilterProxy,
    VillagesModel,
)
from sync.units import find_commune

TAN_THANH = "06445"  # xã Tân Thành, tỉnh Lạng Sơn
TODAY = date(2026, 3, 2)
# Roster order: given name, then middle, then family, in the Vietnamese alphabet (Á after A, Đ after D,
# E after Đ); code-point order would put "Ánh" after "Bình" and "Đạt" after "Em".
ROSTER = ["Lê Văn An", "Nguyễn Thị Ánh", "Trần Đức Bình", "Đỗ Văn Dũng", "Phạm Văn Đạt", "Hà Thị Em"]
HOA = {"Lăng Văn Hoà", "Lăng Văn Hòa"}  # one name, the tone mark on different vowels


def fill(store: Store) -> dict[str, str]:
    """Three villages, two active teams and a dissolved one, eight people; the ids by name."""
    ids: dict[str, str] = {}
    for name, kind, households in (("Nà Phái", "thon", 182), ("Đồng Ý", "thon", None), ("Bản Chắt", "ban", 64)):
        ids[name] = store.insert("villages", {"name": name, "kind": kind, "households": households})["id"]
    ids["team Nà Phái"] = store.insert(
        "teams", {"name": "Tổ CNSCĐ thôn Nà Phái", "village_id": ids["Nà Phái"], "founded_on": "2025-03-15"}
    )["id"]
    ids["team Bản Chắt"] = store.insert(
        "teams", {"name": "Tổ CNSCĐ bản Chắt", "village_id": ids["Bản Chắt"], "founded_on": "2025-04-02"}
    )["id"]
    ids["team cũ"] = store.insert(
        "teams",
        {
            "name": "Tổ CNSCĐ thôn Đồng Ý",
            "status": "dissolved",
            "founded_on": "2024-05-02",
            "dissolved_on": "2025-06-30",
        },
    )["id"]
    people: list[dict[str, Any]] = [
        {
            "full_name": "Phạm Văn Đạt",
            "gender": "nam",
            "birth_year": 1990,
            "phone": "0912345678",
            "position": "Công an viên",
        },
        {"full_name": "Lăng Văn Hoà", "gender": "nam", "birth_year": 1985},
        {"full_name": "Nguyễn Thị Ánh", "gender": "nu", "birth_year": 1979, "position": "Trưởng thôn"},
        {"full_name": "Hà Thị Em", "gender": "nu", "birth_year": 2001},
        {"full_name": "Trần Đức Bình", "gender": "nam", "birth_year": 1968},
        {"full_name": "Lăng Văn Hòa", "gender": "nam", "birth_year": 1992},
        {"full_name": "Đỗ Văn Dũng", "gender": "nam", "birth_year": 1975},
        {"full_name": "Lê Văn An", "gender": "nam", "birth_year": 2003, "position": "Bí thư Chi đoàn"},
    ]
    for person in people:
        ids[person["full_name"]] = store.insert("people", person)["id"]
    add_member(store, ids["team Nà Phái"], ids["Nguyễn Thị Ánh"], "to_truong", "2025-03-15")
    add_member(store, ids["team Nà Phái"], ids["Phạm Văn Đạt"], "to_pho", "2025-03-15")
    add_member(store, ids["team Nà Phái"], ids["Lê Văn An"], "thanh_vien", "2025-03-15")
    add_member(store, ids["team Bản Chắt"], ids["Lê Văn An"], "to_truong", "2025-04-02")
    add_member(store, ids["team Bản Chắt"], ids["Hà Thị Em"], "thanh_vien", "2025-04-02")
    return ids


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store in a temporary data folder, set to xã Tân Thành and filled."""
    store = Store.open(tmp_path / "data", automatic_backup=False)
    store.today = lambda: TODAY
    store.set_commune(TAN_THANH)
    fill(store)
    yield store
    store.close()


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type into a line edit key by key; letters beyond ASCII come as key events carrying their text,
    the way Vietnamese keyboards (Unikey, EVKey) deliver them (QTest itself only knows ASCII keys)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(edit, char)
        else:
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))


def column(model: Any, col: int) -> list[str]:
    """The texts one column shows, top to bottom."""
    return [model.index(row, col).data() for row in range(model.rowCount())]


# ----- models, without a view -----


def test_villages_model_reads_the_store(qapp: QApplication, store: Store) -> None:
    model = VillagesModel(store)
    assert model.rowCount() == 0  # nothing is read before reload()
    model.reload()
    assert model.rowCount() == 3
    assert model.columnCount() == 4
    assert column(model, VillagesModel.NAME) == ["Bản Chắt", "Thôn Đồng Ý", "Thôn Nà Phái"]
    assert column(model, VillagesModel.KIND) == ["Bản", "Thôn", "Thôn"]
    assert column(model, VillagesModel.HOUSEHOLDS) == ["64", "", "182"]
    assert column(model, VillagesModel.TEAM) == ["Tổ CNSCĐ bản Chắt", "", "Tổ CNSCĐ thôn Nà Phái"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Tên thôn", "Loại", "Số hộ", "Tổ CNSCĐ"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.index(0, 0).data(ID_ROLE) == model.row(0)["id"]
    alignment = model.index(0, VillagesModel.HOUSEHOLDS).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight


def test_teams_model_shows_members_and_leader(qapp: QApplication, store: Store) -> None:
    model = TeamsModel(store)
    model.reload()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Tên tổ",
        "Thôn",
        "Trạng thái",
        "Ngày thành lập",
        "Số thành viên",
        "Tổ trưởng",
    ]
    rows = {
        model.index(r, TeamsModel.NAME).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }
    assert rows["Tổ CNSCĐ thôn Nà Phái"] == [
        "Tổ CNSCĐ thôn Nà Phái",
        "Thôn Nà Phái",
        "Đang hoạt động",
        "15/03/2025",
        "3",
        "Nguyễn Thị Ánh",
    ]
    assert rows["Tổ CNSCĐ thôn Đồng Ý"][2:5] == ["Đã giải thể", "02/05/2024", "0"]


def test_people_model_lists_roster_order_with_teams_and_roles(qapp: QApplication, store: Store) -> None:
    model = PeopleModel(store)
    model.reload()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Họ và tên",
        "Năm sinh",
        "Giới tính",
        "Số điện thoại",
        "Chức vụ",
        "Tổ",
        "Chức danh trong Tổ",
    ]
    names = column(model, PeopleModel.NAME)
    assert names[:6] == ROSTER
    assert set(names[6:]) == HOA
    an = names.index("Lê Văn An")
    assert model.index(an, PeopleModel.TEAMS).data() == "Tổ CNSCĐ bản Chắt; Tổ CNSCĐ thôn Nà Phái"
    assert model.index(an, PeopleModel.ROLES).data() == "Tổ trưởng; Thành viên"
    dat = names.index("Phạm Văn Đạt")
    assert [model.index(dat, c).data() for c in range(PeopleModel.TEAMS)] == [
        "Phạm Văn Đạt",
        "1990",
        "Nam",
        "0912 345 678",
        "Công an viên",
    ]


def test_reload_sees_new_records(qapp: QApplication, store: Store) -> None:
    model = VillagesModel(store)
    model.reload()
    store.insert("villages", {"name": "Khòn Pẩu", "kind": "thon"})
    model.reload()
    assert column(model, VillagesModel.NAME) == ["Bản Chắt", "Thôn Đồng Ý", "Thôn Khòn Pẩu", "Thôn Nà Phái"]


def test_proxy_sorts_by_vietnamese_collation_and_filters_without_diacritics(qapp: QApplication, store: Store) -> None:
    model = VillagesModel(store)
    model.reload()
    proxy = VietnameseSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(VillagesModel.NAME, Qt.SortOrder.DescendingOrder)
    assert column(proxy, VillagesModel.NAME) == ["Thôn Nà Phái", "Thôn Đồng Ý", "Bản Chắt"]
    proxy.sort(VillagesModel.HOUSEHOLDS, Qt.SortOrder.AscendingOrder)
    assert column(proxy, VillagesModel.HOUSEHOLDS) == ["64", "182", ""]  # empty last
    proxy.set_search_text("dong y")
    assert column(proxy, VillagesModel.NAME) == ["Thôn Đồng Ý"]


# ----- the window -----


def test_window_title_tabs_and_row_counts(window: MainWindow, store: Store) -> None:
    assert window.windowTitle() == "Tổ Số — Xã Tân Thành, tỉnh Lạng Sơn"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Thôn/Tổ dân phố", "Tổ CNSCĐ", "Thành viên"]
    assert [page.proxy.rowCount() for page in window.pages()] == [3, 3, 8]
    assert window.count_label.text() == "3 thôn, tổ dân phố"
    window.tabs.setCurrentWidget(window.teams)
    assert window.count_label.text() == "3 tổ"
    window.tabs.setCurrentWidget(window.people)
    assert window.count_label.text() == "8 thành viên"
    assert window.pending_label.text() == f"Thay đổi chưa đồng bộ: {store.pending_changes()}"
    assert store.pending_changes() > 0
    assert str(store.folder) in window.folder_label.text()
    assert window.people.search_edit.placeholderText() == "Tìm kiếm… (không cần gõ dấu)"


def test_window_fits_a_1366x768_screen(window: MainWindow) -> None:
    assert window.width() <= 1366 and window.height() <= 768
    assert window.minimumWidth() <= 1024


def test_people_tab_sorts_vietnamese_style(window: MainWindow) -> None:
    view = window.people.view
    assert view.isSortingEnabled()
    names = column(window.people.proxy, PeopleModel.NAME)
    assert names[:6] == ROSTER  # the default order, before any click
    assert sorted(ROSTER) != ROSTER  # code-point order is a different order

    view.sortByColumn(PeopleModel.NAME, Qt.SortOrder.DescendingOrder)
    names = column(window.people.proxy, PeopleModel.NAME)
    assert set(names[:2]) == HOA
    assert names[2:] == ROSTER[::-1]
    assert names.index("Phạm Văn Đạt") < names.index("Đỗ Văn Dũng")  # Đ after D

    view.sortByColumn(PeopleModel.BIRTH_YEAR, Qt.SortOrder.AscendingOrder)
    years = column(window.people.proxy, PeopleModel.BIRTH_YEAR)
    assert years == sorted(years)


def test_clicking_a_header_sorts_by_that_column(window: MainWindow, qtbot: QtBot) -> None:
    header = window.teams.view.horizontalHeader()
    x = header.sectionViewportPosition(TeamsModel.FOUNDED) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    # By date, not by the dd/MM/yyyy text (which would put 02/04/2025 first).
    assert column(window.teams.proxy, TeamsModel.FOUNDED) == ["02/05/2024", "15/03/2025", "02/04/2025"]


@pytest.mark.parametrize("typed", ["hoa", "HOA", "Hòa", "hoà", "lang van hoa"])
def test_filter_finds_both_spellings_without_diacritics(window: MainWindow, qtbot: QtBot, typed: str) -> None:
    page: TablePage = window.people
    window.tabs.setCurrentWidget(page)
    type_text(qtbot, page.search_edit, typed)
    assert set(column(page.proxy, PeopleModel.NAME)) == HOA
    assert window.count_label.text() == "2 / 8 thành viên"
    page.search_edit.clear()
    assert page.proxy.rowCount() == 8
    assert window.count_label.text() == "8 thành viên"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("dat pham", ["Phạm Văn Đạt"]),  # words in any order, đ typed as d
        ("0912345678", ["Phạm Văn Đạt"]),  # the phone as typed, not as shown
        ("912 345", ["Phạm Văn Đạt"]),
        ("ban chat", ["Lê Văn An", "Hà Thị Em"]),  # the team column counts too
        ("khoa", []),
    ],
)
def test_filter_matches_word_starts_in_any_column(
    window: MainWindow, qtbot: QtBot, typed: str, found: list[str]
) -> None:
    type_text(qtbot, window.people.search_edit, typed)
    assert column(window.people.proxy, PeopleModel.NAME) == found


def test_reload_action_reads_the_store_again(window: MainWindow, store: Store) -> None:
    store.insert("people", {"full_name": "Vi Thị Yến"})
    assert window.people.proxy.rowCount() == 8
    window.reload_action.trigger()
    assert window.people.proxy.rowCount() == 9
    assert window.pending_label.text() == f"Thay đổi chưa đồng bộ: {store.pending_changes()}"


def test_about_box_names_version_licence_and_folder(
    window: MainWindow, store: Store, message_boxes: list[tuple[str, str, str]]
) -> None:
    window.about_action.trigger()
    assert len(message_boxes) == 1
    kind, title, text = message_boxes[0]
    assert (kind, title) == ("about", "Giới thiệu Tổ Số")
    assert "GPL-3.0-or-later" in text
    assert html.escape(str(store.folder)) in text


def test_quit_closes_the_window(window: MainWindow) -> None:
    window.quit_action.trigger()
    assert not window.isVisible()


# ----- the commune dialog -----


def test_commune_dialog_finds_a_commune_without_diacritics(qtbot: QtBot) -> None:
    dialog = CommuneDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()

    qtbot.keyClicks(dialog.search_edit, "tan thanh")
    assert dialog.results.count() > 1
    assert not ok.isEnabled()  # several found, none chosen yet

    dialog.search_edit.setText("tan thanh lang son")
    # The 2025 list has no "Tân Thanh" in Lạng Sơn: the diacritic-blind search finds Tân Thành.
    assert [dialog.results.item(i).text() for i in range(dialog.results.count())] == [
        "Xã Tân Thành — tỉnh Lạng Sơn (mã 06445)"
    ]
    assert ok.isEnabled()  # the only result is chosen
    dialog.demo_check.setChecked(True)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice() == CommuneChoice(find_commune(TAN_THANH), create_demo=True)


def test_commune_dialog_says_when_nothing_matches(qtbot: QtBot) -> None:
    dialog = CommuneDialog()
    qtbot.addWidget(dialog)
    dialog.search_edit.setText("khong co xa nay")
    assert dialog.results.count() == 0
    assert "Không tìm thấy" in dialog.hint.text()
    dialog.accept()  # ignored: nothing chosen
    assert dialog.choice() is None
    assert dialog.result() != QDialog.DialogCode.Accepted


# ----- app.run -----


def test_create_app_names_the_application(qapp: QApplication) -> None:
    app = desktop_app.create_app([])
    assert app is qapp
    assert (app.applicationName(), app.organizationName()) == ("Tổ Số", "ToSo")


def test_run_on_an_empty_folder_asks_for_the_commune_and_cancel_quits(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[CommuneDialog] = []

    def cancel(dialog: CommuneDialog) -> int:
        asked.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CommuneDialog, "exec", cancel)
    monkeypatch.setattr(desktop_app, "MainWindow", lambda store: pytest.fail("no window without a commune"))
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: pytest.fail("the event loop must not start")))
    assert desktop_app.run(tmp_path / "data", []) == 0
    assert len(asked) == 1
    with Store.open(tmp_path / "data", automatic_backup=False) as store:
        assert store.commune is None


def test_run_sets_the_chosen_commune_creates_demo_data_and_shows_the_window(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose(dialog: CommuneDialog) -> int:
        dialog.search_edit.setText(TAN_THANH)
        dialog.demo_check.setChecked(True)
        return QDialog.DialogCode.Accepted

    def create_demo(
        store: Store, *, commune_code: str | None = None, progress: Callable[[int, int], None] | None = None
    ) -> None:
        assert commune_code == TAN_THANH
        assert progress is not None
        progress(0, 1)
        store.insert("villages", {"name": "Khòn Pẩu", "kind": "thon"})
        progress(1, 1)

    seen: list[tuple[str, int]] = []

    def event_loop() -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append((widget.windowTitle(), widget.villages.proxy.rowCount()))
                widget.close()
                widget.deleteLater()
        return 0

    monkeypatch.setattr(CommuneDialog, "exec", choose)
    monkeypatch.setattr(desktop_app, "_demo_function", lambda: create_demo)
    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    assert desktop_app.run(tmp_path / "data", []) == 0
    assert seen == [("Tổ Số — Xã Tân Thành, tỉnh Lạng Sơn", 1)]
    with Store.open(tmp_path / "data", automatic_backup=False) as store:
        assert store.commune == find_commune(TAN_THANH)


def test_run_reports_an_unreadable_data_file(
    qapp: QApplication, tmp_path: Path, message_boxes: list[tuple[str, str, str]]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "toso.sqlite3").write_bytes(b"this is not a database" * 100)
    assert desktop_app.run(folder, []) == 1
    assert [(kind, title) for kind, title, _ in message_boxes] == [("critical", "Không mở được dữ liệu")]
    assert str(folder) in message_boxes[0][2]
