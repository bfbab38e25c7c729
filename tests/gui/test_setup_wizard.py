"""The first-run wizard: province, commune, officials, villages (typed, pasted or from a file) or demo data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard
from pytestqt.qtbot import QtBot

from desktop.store import settings
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.setup_wizard import SetupWizard
from sync.records import FieldError, RecordInvalid
from tests.gui.conftest import TAN_THANH, TODAY, column, type_text

PASTED = "STT\tTên thôn\tSố hộ\n1\tThôn Nà Phái\t182\n2\tBản Chang\t95\n3\tthôn nà phái\t\n4\tKhòn Pát\t60\n"


@pytest.fixture
def blank_store(tmp_path: Path) -> Iterator[Store]:
    """A new store in a temporary data folder, no commune chosen yet."""
    store = Store.open(tmp_path / "data", automatic_backup=False)
    store.today = lambda: TODAY
    yield store
    store.close()


@pytest.fixture
def blank_ctx(blank_store: Store, tmp_path: Path) -> AppContext:
    settings_file = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext.create(blank_store, tmp_path / "data", synchronous=True, settings=settings_file)


@pytest.fixture
def wizard(qtbot: QtBot, blank_ctx: AppContext) -> SetupWizard:
    wizard = SetupWizard(blank_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()  # Alt shortcuts (the mnemonics) only reach the active window
    qtbot.waitActive(wizard)
    return wizard


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is, as a user would."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)


def choose_tan_thanh(qtbot: QtBot, wizard: SetupWizard) -> None:
    """Province and commune by keyboard only: type, Enter, type, Enter."""
    page = wizard.commune_page
    type_text(qtbot, page.provinces.search_edit, "lang son")
    assert column(page.provinces.list.model(), 0) == ["Tỉnh Lạng Sơn"]
    qtbot.keyClick(page.provinces.search_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is page  # Enter on the province moves to the commune box, not on
    type_text(qtbot, page.communes.search_edit, "tan thanh")
    assert page.communes.list.currentItem().text() == "Xã Tân Thành (06445)"
    qtbot.keyClick(page.communes.search_edit, Qt.Key.Key_Return)


def test_the_wizard_by_keyboard_sets_commune_officials_server_and_pasted_villages(
    qtbot: QtBot, wizard: SetupWizard, blank_store: Store
) -> None:
    choose_tan_thanh(qtbot, wizard)
    assert wizard.currentPage() is wizard.officials_page

    form = wizard.officials_page.form
    type_text(qtbot, form.chairman_name, "hoàng văn thắng")
    qtbot.keyClick(form.chairman_title, Qt.Key.Key_Down)  # Chủ tịch → Phó Chủ tịch
    type_text(qtbot, form.vice_chairman_name, "lục thị hà")
    type_text(qtbot, form.officer_name, "nông văn hùng")
    qtbot.keyClick(form.officer_name, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.villages_page

    villages = wizard.villages_page
    QApplication.clipboard().setText(PASTED)
    villages.text_edit.setFocus()
    qtbot.keyClick(villages.text_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert column(villages.preview.model(), 0) == ["Thôn", "Bản", "Thôn"]
    assert column(villages.preview.model(), 1) == ["Nà Phái", "Chang", "Khòn Pát"]
    assert "Bỏ 1 dòng trùng" in villages.summary.text()
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Tiếp theo (a mnemonic clicks after a blink)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.server_page)

    server = wizard.server_page
    assert "Xã Tân Thành, tỉnh Lạng Sơn (mã 06445)" in server.summary.text()
    type_text(qtbot, server.url_edit, "cds.langson")
    qtbot.keyClick(server.url_edit, Qt.Key.Key_Return)  # Finish is the default button on the last page
    assert server.url_error.isVisible()
    assert blank_store.commune is None
    server.url_edit.clear()
    type_text(qtbot, server.url_edit, "https://cds.langson.gov.vn")
    qtbot.keyClick(server.url_edit, Qt.Key.Key_Return)

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert blank_store.commune is not None and blank_store.commune.code == TAN_THANH
    assert settings.get(blank_store, settings.CHAIRMAN_NAME) == "Hoàng Văn Thắng"
    assert settings.get(blank_store, settings.CHAIRMAN_TITLE) == "Phó Chủ tịch"
    assert settings.get(blank_store, settings.VICE_CHAIRMAN_NAME) == "Lục Thị Hà"
    assert settings.get(blank_store, settings.DIGITAL_OFFICER_NAME) == "Nông Văn Hùng"
    assert settings.get(blank_store, settings.SERVER_URL) == "https://cds.langson.gov.vn"
    rows = blank_store.rows("villages", order_by="created_at")
    assert [(row["kind"], row["name"]) for row in rows] == [("thon", "Nà Phái"), ("ban", "Chang"), ("thon", "Khòn Pát")]
    assert blank_store.count("categories") == 10  # set_commune's default categories came too


def test_a_name_with_digits_is_marked_and_holds_the_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    choose_tan_thanh(qtbot, wizard)
    form = wizard.officials_page.form
    type_text(qtbot, form.chairman_name, "Hoàng Văn 3")

    assert form.errors["chairman_name"].isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClick(form.chairman_name, Qt.Key.Key_Backspace)
    assert not form.errors["chairman_name"].isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_cancel_leaves_the_store_untouched(qtbot: QtBot, wizard: SetupWizard, blank_store: Store) -> None:
    choose_tan_thanh(qtbot, wizard)
    type_text(qtbot, wizard.officials_page.form.chairman_name, "Hoàng Văn Thắng")
    press(qtbot, Qt.Key.Key_Escape)

    assert wizard.result() == QDialog.DialogCode.Rejected
    assert blank_store.commune is None
    assert blank_store.get_meta("chairman_name") is None
    assert blank_store.count("categories") == 0
    assert blank_store.db.execute("SELECT count(*) FROM changes").fetchone()[0] == 0


def test_the_demo_option_fills_the_commune_instead_of_the_typed_list(
    qtbot: QtBot, wizard: SetupWizard, blank_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.ui.setup_wizard.DEMO_SESSIONS", 60)  # the same code path, quicker
    choose_tan_thanh(qtbot, wizard)
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.villages_page)
    villages = wizard.villages_page
    villages.text_edit.setPlainText("Thôn Không Dùng")
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Tạo &dữ liệu mẫu
    qtbot.waitUntil(villages.demo_choice.isChecked)
    assert not villages.text_edit.isEnabled()
    wizard.next()
    assert "Dữ liệu mẫu" in wizard.server_page.summary.text()
    qtbot.keyClick(wizard.server_page.url_edit, Qt.Key.Key_Return)

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert blank_store.commune is not None and blank_store.commune.code == TAN_THANH
    assert blank_store.count("villages") > 3 and blank_store.count("teams") > 0
    assert blank_store.count("sessions") == 60
    assert not blank_store.rows("villages", "name = ?", ["Không Dùng"])


def test_a_failed_finish_keeps_the_wizard_open_and_the_store_empty(
    qtbot: QtBot,
    wizard: SetupWizard,
    blank_store: Store,
    message_boxes: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    insert = blank_store.insert

    def refuse_second_village(type_name: str, values: dict[str, Any]) -> dict[str, Any]:
        if type_name == "villages" and blank_store.count("villages"):
            raise RecordInvalid([FieldError("name", "Tên thôn không hợp lệ.", "Invalid village name.")])
        return insert(type_name, values)

    monkeypatch.setattr(blank_store, "insert", refuse_second_village)
    choose_tan_thanh(qtbot, wizard)
    wizard.next()
    wizard.villages_page.text_edit.setPlainText("Thôn Nà Phái\nThôn Bản Chang")
    wizard.next()
    wizard.accept()

    assert wizard.isVisible()
    assert message_boxes[-1][1:] == ("Chưa thiết lập được", "Tên thôn không hợp lệ.")
    assert blank_store.commune is None
    assert blank_store.count("villages", include_deleted=True) == 0


def test_villages_can_come_from_an_excel_file(qtbot: QtBot, wizard: SetupWizard, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row in (("STT", "Tên thôn"), (1, "Thôn Nà Phái"), (2, "Tổ dân phố số 3"), (3, "Bản Chắt")):
        sheet.append(row)
    path = tmp_path / "thon.xlsx"
    book.save(path)
    choose_tan_thanh(qtbot, wizard)
    wizard.next()

    wizard.villages_page.load_file(path)

    preview = wizard.villages_page.preview.model()
    assert column(preview, 0) == ["Thôn", "Tổ dân phố", "Bản"]
    assert column(preview, 1) == ["Nà Phái", "số 3", "Chắt"]


def test_an_unreadable_file_says_so_in_vietnamese(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path, message_boxes: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / "thon.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    choose_tan_thanh(qtbot, wizard)
    wizard.next()

    wizard.villages_page.load_file(path)

    assert message_boxes[-1][1] == "Không đọc được tệp"
    assert ".xlsx hoặc .csv" in message_boxes[-1][2]


def test_arrow_keys_move_in_the_lists_while_typing_and_enter_in_the_province_list_stays(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    page = wizard.commune_page
    type_text(qtbot, page.provinces.search_edit, "thanh")  # Thanh Hóa, and the cities (thành phố)
    first = page.provinces.current_code()
    qtbot.keyClick(page.provinces.search_edit, Qt.Key.Key_Down)
    assert page.provinces.current_code() != first
    page.provinces.list.setFocus()
    qtbot.keyClick(page.provinces.list, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    assert QApplication.focusWidget() is page.communes.search_edit

    type_text(qtbot, page.communes.search_edit, "zzz")
    assert page.communes.list.count() == 0
    assert page.communes.hint.text() == "Không có đơn vị nào khớp với “zzz”."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
