"""The import wizard driven like a user would: choose the file, check columns and rows, confirm, undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QDate, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QWizard
from pytestqt.qtbot import QtBot

from desktop.store.import_plan import Verdict
from desktop.store.store import Store, StoreError
from desktop.ui.context import AppContext
from desktop.ui.import_preview import COLOURS
from desktop.ui.import_wizard import ImportWizard

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = DATA / "roster-sample.xlsx"
TABLES = ("villages", "teams", "people", "memberships")


def snapshot(store: Store) -> dict[str, int]:
    return {name: store.count(name) for name in TABLES}


@pytest.fixture
def wizard(ctx: AppContext, qtbot: QtBot) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file the open dialog answers with (set the list's one item); the dialog itself is never shown."""
    answer = [str(SAMPLE)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (answer[0], ""))
    return answer


def finish(wizard: ImportWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def to_preview(wizard: ImportWizard, qtbot: QtBot) -> None:
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page


def test_from_file_to_finish_then_undo_the_whole_import(
    wizard: ImportWizard, ctx: AppContext, qtbot: QtBot, chosen: list[str], message_boxes: list[Any]
) -> None:
    before = snapshot(ctx.store)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # nothing chosen yet

    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    assert wizard.file_page.path_edit.text() == str(SAMPLE)
    assert wizard.file_page.status.text() == "Đã đọc 20 dòng từ trang “DS thanh vien”; dòng tiêu đề cột là dòng 5."
    assert not wizard.file_page.sheet_combo.isVisible()  # one sheet: nothing to choose
    assert next_button.isEnabled()

    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    combos = wizard.mapping_page.combos
    assert [c.currentText() for c in combos] == [
        "— Không nhập —",
        "Họ và tên",
        "Năm sinh",
        "Giới tính",
        "Chức vụ",
        "Thôn, tổ dân phố",
        "Chức danh trong Tổ",
        "Số điện thoại",
        "Ghi chú",
    ]

    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    page = wizard.preview_page
    # The commune already has a team in Nà Phái with a Tổ trưởng, so Hoàng Văn Thắng (Tổ trưởng) is a 4th error.
    assert page.counts.text() == "7 dòng hợp lệ, 4 lỗi, 2 bỏ qua · 2 dòng trùng người được gộp"
    model = page.model
    assert model.rowCount() == 15
    results = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert results[10] == "Hợp lệ"
    assert results[14] == "Trùng với dòng 13 (gộp): cùng người, cùng tổ"
    assert results[17] == "Lỗi: Họ và tên: không được để trống."
    assert results[20] == "Bỏ qua: dòng tổng"
    names = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert names[9] == "Lường Văn Đức" and names[10] == "Đinh Thị Mai"
    assert model.index(4, model.PHONE).data() == "0203 3870 123"  # row 10, a landline shown in groups
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS[Verdict.ERROR]
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS[Verdict.OK]
    assert model.index(8, 0).data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS[Verdict.MERGED]
    assert page.detail.text().startswith("Dòng 7: Lỗi: Chức danh trong Tổ: “Tổ CNSCĐ thôn Nà Phái” đã có Tổ trưởng")

    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    summary = wizard.confirm_page.summary.text()
    assert "1 thôn mới, 1 tổ mới, 5 thành viên mới, 0 cập nhật, 6 lượt tham gia tổ" in summary
    assert "Thôn mới: Khòn Pát" in summary and "Tổ mới: Tổ công nghệ số cộng đồng thôn Khòn Pát" in summary
    assert "4 dòng lỗi sẽ không được nhập" in summary
    assert snapshot(ctx.store) == before  # nothing written until Nhập

    changed: list[str] = []
    ctx.hub.data_changed.connect(changed.append)
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    after = snapshot(ctx.store)
    assert {k: after[k] - before[k] for k in TABLES} == {"villages": 1, "teams": 1, "people": 5, "memberships": 6}
    assert {"villages", "teams", "people", "memberships"} <= set(changed)
    assert message_boxes[-1][1] == "Đã nhập xong"
    hai = ctx.store.rows("people", "full_name = ?", ["Triệu Văn Hải"])
    assert len(hai) == 1 and ctx.store.count("memberships", "person_id = ?", [hai[0]["id"]]) == 2

    assert ctx.undo.count() == 1 and ctx.undo.undoText() == "Nhập từ tệp roster-sample.xlsx"
    ctx.undo.undo()
    assert snapshot(ctx.store) == before
    ctx.undo.redo()
    assert snapshot(ctx.store) == after


def test_cancel_imports_nothing(wizard: ImportWizard, ctx: AppContext, qtbot: QtBot, chosen: list[str]) -> None:
    before = snapshot(ctx.store)
    to_preview(wizard, qtbot)
    wizard.next()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert snapshot(ctx.store) == before and ctx.undo.count() == 0


def test_cancel_while_importing_rolls_everything_back(
    wizard: ImportWizard, ctx: AppContext, qtbot: QtBot, chosen: list[str], message_boxes: list[Any]
) -> None:
    before = snapshot(ctx.store)
    to_preview(wizard, qtbot)
    wizard.next()
    confirm = wizard.confirm_page
    real = confirm.progressed

    def press_cancel_half_way(done: int, total: int) -> None:
        real(done, total)
        assert confirm.progress.isVisible()
        if done == 4:
            wizard.button(QWizard.WizardButton.CancelButton).click()

    confirm.progressed = press_cancel_half_way  # type: ignore[method-assign]
    finish(wizard)
    assert snapshot(ctx.store) == before and ctx.undo.count() == 0
    assert message_boxes[-1][1:] == ("Đã hủy", "Đã hủy nhập; dữ liệu không thay đổi.")
    assert wizard.isVisible() and not confirm.progress.isVisible()  # back on the page, free to try again
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_failure_while_writing_is_a_message_and_nothing_is_imported(
    wizard: ImportWizard,
    ctx: AppContext,
    qtbot: QtBot,
    chosen: list[str],
    message_boxes: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = snapshot(ctx.store)
    to_preview(wizard, qtbot)
    wizard.next()
    real_insert = ctx.store.insert
    calls = 0

    def failing_insert(type_name: str, values: dict[str, Any]) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise StoreError("Ổ đĩa đầy.", "Disk full.")
        return real_insert(type_name, values)

    monkeypatch.setattr(ctx.store, "insert", failing_insert)
    finish(wizard)
    kind, title, text = message_boxes[-1]
    assert (kind, title) == ("warning", "Không nhập được")
    assert "Ổ đĩa đầy." in text and "Chưa có dữ liệu nào được nhập" in text
    assert snapshot(ctx.store) == before and ctx.undo.count() == 0
    assert wizard.isVisible()


def test_errors_only_and_save_them_to_fix(
    wizard: ImportWizard, qtbot: QtBot, chosen: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    to_preview(wizard, qtbot)
    page = wizard.preview_page
    page.errors_only.click()
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert shown == [7, 15, 17, 18]

    out = tmp_path / "sua"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(out.with_suffix(".xlsx")).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "Lỗi"
    assert [r[1] for r in rows[1:]] == [
        "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN NÀ PHÁI",
        "Hoàng Văn Thắng",
        "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN KHÒN PÁT",
        "Vi Thị Ánh Nguyệt",
        None,
        "Hà Thị Thu",
    ]
    assert "Đã lưu các dòng lỗi ra sua.xlsx" in page.counts.text()


def test_the_start_date_is_the_one_chosen(
    wizard: ImportWizard, ctx: AppContext, qtbot: QtBot, chosen: list[str]
) -> None:
    to_preview(wizard, qtbot)
    page = wizard.preview_page
    assert page.date_edit.date() == QDate(2026, 3, 2)  # today, by default
    page.date_edit.setDate(QDate(2026, 1, 15))
    assert wizard.plan is not None and wizard.plan.start_date == "2026-01-15"
    wizard.next()
    assert "Ngày bắt đầu tham gia tổ: 15/01/2026" in wizard.confirm_page.summary.text()
    finish(wizard)
    imported = ctx.store.rows("memberships", "start_date = ?", ["2026-01-15"])
    assert len(imported) == 6


def test_a_column_mapping_without_names_cannot_go_on(wizard: ImportWizard, qtbot: QtBot, chosen: list[str]) -> None:
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    wizard.next()
    page = wizard.mapping_page
    page.combos[1].setCurrentIndex(0)  # Họ và tên → not imported
    assert page.problems.text() == "Chưa chọn cột nào là “Họ và tên”."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.combos[1].setCurrentIndex(page.combos[1].findData("full_name"))
    page.combos[4].setCurrentIndex(page.combos[4].findData("organisation"))
    assert page.problems.text() == "" and wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.plan is not None and wizard.plan.mapping[4] == "organisation"
    row = next(r for r in wizard.plan.rows if r.number == 8)
    assert row.person is not None and row.person["organisation"] == "Bí thư Chi đoàn"


def test_an_unreadable_file_says_why(wizard: ImportWizard, qtbot: QtBot, chosen: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "tcvn3.csv"
    bad.write_bytes(b"H\x8d t\x81n;N\x9am sinh\r\n")
    chosen[0] = str(bad)
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    assert wizard.file_page.status.text().startswith("Không đọc được tệp “tcvn3.csv”")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_csv_in_windows_1258_shows_a_notice(wizard: ImportWizard, qtbot: QtBot, chosen: list[str]) -> None:
    chosen[0] = str(DATA / "roster-cp1258.csv")
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    assert "Windows-1258" in wizard.file_page.notice.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_workbook_with_several_sheets_asks_which(
    wizard: ImportWizard, qtbot: QtBot, chosen: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "hai-trang.xlsx"
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Ghi chú"
    first.append(["Danh sách gửi lên tỉnh"])
    second = workbook.create_sheet("Thành viên")
    second.append(["STT", "Họ và tên", "SĐT"])
    second.append([1, "Nguyễn Văn Bình", "0912 000 999"])
    workbook.save(path)
    chosen[0] = str(path)
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    page = wizard.file_page
    assert page.sheet_combo.isVisible() and page.sheet_combo.currentText() == "Thành viên"  # the cover is passed
    assert page.status.text().startswith("Đã đọc 2 dòng từ trang “Thành viên”")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.sheet_combo.setCurrentIndex(0)
    page.sheet_combo.activated.emit(0)
    assert page.status.text().startswith("Không tìm thấy dòng tiêu đề cột")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_keyboard_order_on_each_page(wizard: ImportWizard, qtbot: QtBot, chosen: list[str]) -> None:
    page = wizard.file_page
    assert page.path_edit.nextInFocusChain() is page.browse_button
    assert "Alt+C" in page.browse_button.toolTip()
    to_preview(wizard, qtbot)
    preview = wizard.preview_page
    order = [preview.date_edit, preview.errors_only, preview.save_button, preview.view]
    positions = []
    widget = preview.date_edit
    for _ in range(30):
        if widget in order:
            positions.append(order.index(widget))
        widget = widget.nextInFocusChain()
    assert positions[:4] == [0, 1, 2, 3]


def test_mnemonics_reach_the_preview_controls(wizard: ImportWizard, qtbot: QtBot, chosen: list[str]) -> None:
    to_preview(wizard, qtbot)
    wizard.activateWindow()  # Alt shortcuts (the mnemonics) only reach the active window
    qtbot.waitActive(wizard)
    page = wizard.preview_page
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.errors_only.isChecked)  # a mnemonic clicks after a blink
    assert page.proxy.rowCount() == 4
    qtbot.keyClick(page.errors_only, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert page.date_edit.hasFocus()


def test_a_file_dropped_on_the_first_page_is_read(wizard: ImportWizard) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "roster-utf8-bom.csv"))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    wizard.file_page.dropEvent(event)
    assert wizard.file_page.path_edit.text().endswith("roster-utf8-bom.csv")
    assert wizard.table is not None and wizard.table.encoding == "utf-8-sig"


def test_with_real_background_threads(store: Store, tmp_path: Path, qtbot: QtBot, chosen: list[str]) -> None:
    settings = QSettings(str(tmp_path / "threads.ini"), QSettings.Format.IniFormat)
    ctx = AppContext.create(store, tmp_path / "data", synchronous=False, settings=settings)
    try:
        before = snapshot(store)
        wizard = ImportWizard(ctx)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.table is not None)
        wizard.next()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.plan is not None)
        wizard.next()
        finish(wizard)
        qtbot.waitUntil(lambda: wizard.imported is not None, timeout=10000)
        assert snapshot(store)["people"] == before["people"] + 5  # the GUI's connection sees the writer's commit
        ctx.undo.undo()  # a long import is undone on the writer too
        qtbot.waitUntil(lambda: snapshot(store) == before, timeout=10000)
    finally:
        ctx.shutdown()
