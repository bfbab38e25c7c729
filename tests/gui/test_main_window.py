"""The main window as a whole: every area reachable by keyboard, the status bar, undo, languages, start-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop import app as app_module
from desktop.app import Application
from desktop.store.store import Store
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.main_window import AREAS, MainWindow
from desktop.ui.undo import run_undoable

SIDEBAR = [
    "Tổng quan",
    "Thôn/Tổ dân phố",
    "Tổ CNSCĐ",
    "Thành viên",
    "Hoạt động hỗ trợ",
    "Quyết định",
    "Báo cáo",
    "Đồng bộ",
    "Cài đặt",
]


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_sidebar_names_every_area_in_vietnamese(window: MainWindow) -> None:
    assert [window.sidebar.item(row).text() for row in range(window.sidebar.count())] == SIDEBAR
    assert window.windowTitle() == "Tổ Số — Xã Tân Thành, tỉnh Lạng Sơn"


@pytest.mark.parametrize("number", range(1, len(AREAS) + 1))
def test_ctrl_and_a_number_opens_each_area(window: MainWindow, qtbot: QtBot, number: int) -> None:
    qtbot.keyClick(window, str(number), Qt.KeyboardModifier.ControlModifier)
    area = AREAS[number - 1]
    assert window.sidebar.currentRow() == number - 1
    assert window.stack.currentWidget() is window.views[area.key]
    assert type(window.views[area.key]).__name__ == area.class_name


def test_the_status_bar_tells_pending_changes_and_sync_state(window: MainWindow, ctx: AppContext) -> None:
    pending = ctx.store.pending_changes()
    assert window.pending_label.text() == f"Thay đổi chưa gửi: {pending}"
    assert window.sync_label.text() == "Chưa đồng bộ"
    run_undoable(ctx.undo, ctx.store, ctx.hub, "Thêm thôn", lambda s: s.insert("villages", {"name": "Khòn Pát"}))
    assert window.pending_label.text() == f"Thay đổi chưa gửi: {pending + 1}"


def test_undo_and_redo_from_the_edit_menu(window: MainWindow, ctx: AppContext) -> None:
    run_undoable(
        ctx.undo, ctx.store, ctx.hub, "Thêm thôn Khòn Pát", lambda s: s.insert("villages", {"name": "Khòn Pát"})
    )
    assert window.undo_action.text() == "&Hoàn tác Thêm thôn Khòn Pát"
    window.undo_action.trigger()
    assert ctx.store.count("villages", "name = 'Khòn Pát'") == 0
    window.redo_action.trigger()
    assert ctx.store.count("villages", "name = 'Khòn Pát'") == 1


def test_about_names_version_licence_and_data_folder(window: MainWindow) -> None:
    about = window.show_about()  # the dialog itself is tested in tests/gui/test_about.py
    assert about.windowTitle() == "Giới thiệu Tổ Số"
    text = about.text()  # type: ignore[attr-defined]
    assert "GPL-3.0-or-later" in text and str(window.ctx.data_dir) in text
    about.close()


def test_switching_to_english_rebuilds_the_window_in_english(qtbot: QtBot, ctx: AppContext) -> None:
    application = Application(ctx)
    first = application.show()
    qtbot.addWidget(first)
    first.show_area("people")
    try:
        ctx.hub.language_changed.emit("en")
        second = application.window
        assert second is not None and second is not first
        qtbot.addWidget(second)
        assert second.sidebar.item(0).text() == "Overview"
        assert second.stack.currentWidget() is second.views["people"]
        assert ctx.settings.value(app_module.LANGUAGE_KEY) == "en"
    finally:
        i18n.install("vi")
    assert QApplication.translate("MainWindow", "Tổng quan") == "Tổng quan"


def test_qt_own_buttons_speak_vietnamese(qapp: QApplication) -> None:
    i18n.install("vi")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert QApplication.translate("QFileDialog", "File &name:") == "&Tên tệp:"


def test_starting_on_an_empty_folder_asks_for_the_commune_and_cancel_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    from desktop.ui import setup_wizard

    shown = []

    def cancel(self: QDialog) -> int:
        shown.append(type(self).__name__)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(setup_wizard.SetupWizard, "exec", cancel)
    assert app_module.run(tmp_path / "du-lieu", ["toso"]) == 0
    assert shown == ["SetupWizard"]
    with Store.open(tmp_path / "du-lieu", automatic_backup=False) as store:
        assert store.commune is None


def test_an_unreadable_data_file_is_reported_not_raised(
    tmp_path: Path, message_boxes: list, qapp: QApplication
) -> None:
    folder = tmp_path / "du-lieu"
    folder.mkdir()
    (folder / "toso.sqlite3").write_bytes(b"day khong phai co so du lieu" * 100)
    assert app_module.run(folder, ["toso"]) == 1
    kind, title, text = message_boxes[-1]
    assert kind == "critical" and title == "Không mở được dữ liệu" and "toso restore" in text
