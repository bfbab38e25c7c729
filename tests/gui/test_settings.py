"""Cài đặt: language, author, server address, officials, default legal bases, backups and restoring one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import paths
from desktop.store import settings
from desktop.store.backup import list_backups
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.undo import run_undoable
from desktop.ui.views.settings import SettingsView
from tests.gui.conftest import type_text

CHUNG, CAN_BO, CAN_CU, SAO_LUU = range(4)


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext) -> SettingsView:
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.resize(1176, 700)  # the view's share of a 1366×768 window
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    return view


def test_choosing_english_asks_the_app_to_switch_language(qtbot: QtBot, view: SettingsView, ctx: AppContext) -> None:
    combo = view.general.language_combo
    assert combo.currentText() == "Tiếng Việt"
    combo.setFocus()
    with qtbot.waitSignal(ctx.hub.language_changed) as blocker:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert blocker.args == ["en"]


def test_author_and_server_are_saved_and_a_bad_address_is_marked(
    qtbot: QtBot, view: SettingsView, ctx: AppContext, store: Store
) -> None:
    general = view.general
    assert not general.save_button.isEnabled()
    type_text(qtbot, general.author_edit, "Nông Thị Hoa")
    type_text(qtbot, general.url_edit, "cds langson")
    qtbot.keyClick(general.url_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert general.url_error.isVisible()
    assert settings.get(store, settings.SERVER_URL) == ""

    general.url_edit.clear()
    type_text(qtbot, general.url_edit, "https://cds.langson.gov.vn")
    assert not general.url_error.isVisible()
    with qtbot.waitSignal(ctx.hub.settings_changed):
        qtbot.keyClick(general.url_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert settings.get(store, settings.SERVER_URL) == "https://cds.langson.gov.vn"
    assert store.author == "Nông Thị Hoa"
    changed = store.insert("villages", {"name": "Khòn Pát", "kind": "thon"})
    assert store.history("villages", changed["id"])[0]["author"] == "Nông Thị Hoa"
    assert general.save_status.text() == "Đã lưu."


def test_officials_are_saved_capitalised(qtbot: QtBot, view: SettingsView, ctx: AppContext, store: Store) -> None:
    view.tabs.setCurrentIndex(CAN_BO)
    form = view.officials.form
    type_text(qtbot, form.chairman_name, "hoàng văn thắng")
    type_text(qtbot, form.officer_name, "nông  văn hùng")
    form.officer_title.setCurrentText("Công chức Văn phòng - Thống kê")
    with qtbot.waitSignal(ctx.hub.settings_changed):
        qtbot.mouseClick(view.officials.save_button, Qt.MouseButton.LeftButton)

    assert settings.get(store, settings.CHAIRMAN_NAME) == "Hoàng Văn Thắng"
    assert settings.get(store, settings.CHAIRMAN_TITLE) == "Chủ tịch"
    assert settings.get(store, settings.DIGITAL_OFFICER_NAME) == "Nông Văn Hùng"
    assert settings.get(store, settings.DIGITAL_OFFICER_TITLE) == "Công chức Văn phòng - Thống kê"
    assert form.chairman_name.text() == "Hoàng Văn Thắng"


def test_an_official_name_with_digits_is_not_saved(qtbot: QtBot, view: SettingsView, store: Store) -> None:
    view.tabs.setCurrentIndex(CAN_BO)
    type_text(qtbot, view.officials.form.vice_chairman_name, "Lục Thị 2")

    assert not view.officials.save()
    assert view.officials.form.errors["vice_chairman_name"].isVisible()
    assert settings.get(store, settings.VICE_CHAIRMAN_NAME) == ""


def test_legal_bases_are_edited_reordered_saved_and_reset(
    qtbot: QtBot, view: SettingsView, store: Store, confirmed: list[str]
) -> None:
    view.tabs.setCurrentIndex(CAN_CU)
    legal = view.legal
    defaults = settings.legal_bases(store)
    assert legal.paragraphs() == defaults

    legal.list.setFocus()
    qtbot.keyClick(legal.list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new one after the first
    assert QApplication.focusWidget() is legal.editor
    legal.editor.selectAll()
    type_text_plain = "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND xã;"
    legal.editor.insertPlainText(type_text_plain)
    assert legal.paragraphs()[1] == type_text_plain
    qtbot.keyClick(legal.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # move it to the top
    assert legal.paragraphs()[0] == type_text_plain
    legal.list.setCurrentRow(len(defaults))  # the last default paragraph
    qtbot.keyClick(legal.list, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(legal.list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert settings.legal_bases(store) == [type_text_plain, *defaults[:-1]]

    qtbot.mouseClick(legal.reset_button, Qt.MouseButton.LeftButton)
    assert confirmed and "mặc định" in confirmed[0]
    assert settings.legal_bases(store) == defaults
    assert legal.paragraphs() == defaults


def test_backup_now_adds_a_file_to_the_list(
    qtbot: QtBot, view: SettingsView, ctx: AppContext, message_boxes: list[tuple[str, str, str]]
) -> None:
    assert ctx.data_dir is not None
    folder = paths.backup_dir(ctx.data_dir)
    view.tabs.setCurrentIndex(SAO_LUU)
    backups = view.backups
    before = backups.table.rowCount()

    qtbot.mouseClick(backups.backup_button, Qt.MouseButton.LeftButton)

    found = list_backups(folder)
    assert len(found) == before + 1 and found[0].path.name.startswith("sao-luu-")
    assert backups.table.rowCount() == before + 1
    assert backups.table.item(0, 1).text() == "Sao lưu thủ công"
    assert message_boxes[-1][1] == "Đã sao lưu" and str(found[0].path) in message_boxes[-1][2]


def test_restoring_a_backup_brings_old_data_back_into_the_open_store(
    qtbot: QtBot, view: SettingsView, ctx: AppContext, store: Store, confirmed: list[str]
) -> None:
    view.tabs.setCurrentIndex(SAO_LUU)
    backups = view.backups
    qtbot.mouseClick(backups.backup_button, Qt.MouseButton.LeftButton)
    before = {row["name"] for row in store.rows("villages")}
    run_undoable(
        ctx.undo, store, ctx.hub, "Thêm thôn", lambda s: s.insert("villages", {"name": "Mới Thêm", "kind": "thon"})
    )
    settings.put(store, settings.CHAIRMAN_NAME, "Người Sau Sao Lưu")
    assert ctx.undo.count() == 1

    backups.table.selectRow(0)
    with qtbot.waitSignal(ctx.hub.data_changed) as changed:
        qtbot.keyClick(backups.restore_button, Qt.Key.Key_Space)

    assert changed.args == ["*"]
    assert "3 thôn, 3 tổ, 8 thành viên và 0 buổi hỗ trợ" in confirmed[0]
    assert {row["name"] for row in store.rows("villages")} == before
    assert store.search("moi them") == []  # the index came back with the data
    assert settings.get(store, settings.CHAIRMAN_NAME) == ""
    assert ctx.undo.count() == 0  # its steps belonged to the data that was replaced
    assert view.officials.form.chairman_name.text() == ""
    kinds = [backups.table.item(row, 1).text() for row in range(backups.table.rowCount())]
    assert "Trước khi khôi phục" in kinds


def test_restoring_a_file_that_is_no_backup_says_why(
    view: SettingsView, tmp_path: Path, store: Store, message_boxes: list[tuple[str, str, str]], confirmed: list[str]
) -> None:
    bad = tmp_path / "hong.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)

    view.backups.restore_from(bad)

    assert confirmed == []
    assert message_boxes[-1][1] == "Không khôi phục được"
    assert "hong.sqlite3" in message_boxes[-1][2]
    assert store.count("villages") == 3
