"""The preview window (pages, zoom, print, save) and rendering a document through the reader.

The renderers are replaced by a fake that returns a fixed three-page official-looking PDF, so these tests are
about the window, not the documents (tests/documents checks those). No dialog is ever exec'd: the print dialog
and the file dialog are replaced.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPdfWriter
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.documents import layout
from desktop.store.store import Store
from desktop.ui import documents_menu
from desktop.ui.context import AppContext
from desktop.ui.document_preview import DocumentPreview, a4_layout, print_pages
from tests.gui import document_fakes
from tests.gui.document_fakes import SAMPLE, previews

A4_POINTS = (595.28, 841.89)
close_previews = document_fakes.close_previews  # a fixture (autouse): every preview closed after each test


@pytest.fixture
def preview(qtbot: QtBot) -> DocumentPreview:
    window = DocumentPreview(SAMPLE, "Quyết định số 07/QĐ-UBND", "QD-07-2026-thanh-lap-to-cnscd.pdf")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def render_png(pdf: Path, folder: Path, name: str) -> list[Path]:
    """Each page as a PNG at 50 dpi (pdftoppm)."""
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(folder / name)], check=True)
    return sorted(folder.glob(f"{name}-*.png"))


def difference(first: Path, second: Path) -> float:
    """Mean absolute pixel difference of two images, as a share of 255."""
    a, b = Image.open(first).convert("L"), Image.open(second).convert("L")
    assert a.size == b.size
    return float(ImageStat.Stat(ImageChops.difference(a, b)).mean[0]) / 255


# ----- the preview window -----


def test_the_preview_shows_every_page_and_moves_between_them(preview: DocumentPreview) -> None:
    assert preview.page_count() == 3
    assert preview.view.pageMode() == QPdfView.PageMode.MultiPage
    assert preview.page_label.text() == "Trang 1 / 3"
    assert not preview.previous_action.isEnabled()
    preview.next_action.trigger()
    assert preview.current_page() == 1
    assert preview.page_label.text() == "Trang 2 / 3"
    preview.next_action.trigger()
    assert preview.page_label.text() == "Trang 3 / 3"
    assert not preview.next_action.isEnabled()
    preview.previous_action.trigger()
    assert preview.page_label.text() == "Trang 2 / 3"


def test_zoom_in_out_and_back_to_the_width(preview: DocumentPreview) -> None:
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    fitted = preview.zoom()
    preview.zoom_in_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(fitted * 1.25)
    preview.zoom_out_action.trigger()
    preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(fitted / 1.25)
    for _ in range(20):
        preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(0.25)  # never smaller than a quarter
    preview.fit_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_every_action_has_its_shortcut_in_its_tooltip(preview: DocumentPreview) -> None:
    expected = {
        preview.print_action: "Ctrl+P",
        preview.save_action: "Ctrl+S",
        preview.zoom_in_action: "Ctrl++",
        preview.zoom_out_action: "Ctrl+-",
        preview.fit_action: "Ctrl+0",
        preview.previous_action: "Ctrl+PgUp",
        preview.next_action: "Ctrl+PgDown",
    }
    for action, keys in expected.items():
        assert keys in action.toolTip()
        assert keys in [shortcut.toString() for shortcut in action.shortcuts()]
    assert "Esc" in preview.close_button.toolTip()


def test_keys_drive_the_preview_and_escape_closes_it(qtbot: QtBot, preview: DocumentPreview) -> None:
    preview.activateWindow()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert preview.current_page() == 1
    qtbot.keyClick(preview.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    qtbot.keyClick(preview.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
    assert not preview.isVisible()


def test_printing_paints_whole_a4_pages(preview: DocumentPreview, tmp_path: Path) -> None:
    out = tmp_path / "in.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setPageLayout(a4_layout())
    assert print_pages(preview.document, writer) == 3
    del writer  # QPdfWriter finishes the file when it goes away
    pages = PdfReader(out).pages
    assert len(pages) == 3
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_POINTS, abs=0.5)
    # What reaches the paper looks like the document itself, page for page, at the same place.
    source = tmp_path / "source.pdf"
    source.write_bytes(SAMPLE)
    for printed, original in zip(
        render_png(out, tmp_path, "printed"), render_png(source, tmp_path, "source"), strict=True
    ):
        assert difference(printed, original) < 0.02


def test_the_print_dialog_choice_of_pages_is_honoured(
    preview: DocumentPreview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "trang-2-3.pdf"
    asked: list[QPrinter] = []

    def choose(printer: QPrinter) -> bool:  # what the user picks in QPrintDialog: print to file, pages 2–3
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return True

    monkeypatch.setattr(preview, "ask_print", choose)
    assert preview.print_document() == 2
    assert asked[0].pageLayout().pageSize().id() == a4_layout().pageSize().id()
    assert asked[0].fullPage()
    assert len(PdfReader(out).pages) == 2
    assert preview.message.text() == "Đã gửi 2 trang tới máy in."
    assert QGuiApplication.overrideCursor() is None


def test_cancelling_the_print_dialog_prints_nothing(preview: DocumentPreview, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview, "ask_print", lambda printer: False)
    assert preview.print_document() == 0


def test_save_as_offers_a_file_name_without_diacritics(
    preview: DocumentPreview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def ask(parent: QWidget, caption: str, path: str, filters: str) -> tuple[str, str]:
        offered.append(path)
        return str(tmp_path / "quyet-dinh"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    saved = preview.save_as()
    assert Path(offered[0]).name == "QD-07-2026-thanh-lap-to-cnscd.pdf"
    assert saved == tmp_path / "quyet-dinh.pdf"
    assert saved.read_bytes() == SAMPLE
    assert str(saved) in preview.message.text()


def test_a_failed_save_is_explained(
    preview: DocumentPreview, tmp_path: Path, message_boxes: list[tuple[str, str, str]]
) -> None:
    assert preview.save_to(tmp_path / "khong-co" / "tep.pdf") is None
    assert message_boxes[0][:2] == ("warning", "Không lưu được tệp")


# ----- rendering through the reader -----


def test_a_document_renders_in_the_background_then_opens(qtbot: QtBot, ctx: AppContext) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    statuses: list[str] = []
    ctx.hub.status_message.connect(statuses.append)
    request = documents_menu.DocumentRequest("Báo cáo", "bao-cao.pdf", lambda store: SAMPLE)
    documents_menu.open_document(ctx, parent, request)
    assert statuses == ["Đang tạo tài liệu…", ""]
    [window] = previews()
    assert window.windowTitle() == "Báo cáo"
    assert window.file_name == "bao-cao.pdf"
    assert window.page_count() == 3
    assert QGuiApplication.overrideCursor() is None


def test_missing_data_is_said_in_vietnamese_and_nothing_opens(
    qtbot: QtBot, ctx: AppContext, message_boxes: list[tuple[str, str, str]]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def render(store: Store) -> bytes:
        raise layout.DocumentError("Chưa nhập họ tên Chủ tịch UBND xã (Cài đặt → Cán bộ ký).")

    documents_menu.open_document(ctx, parent, documents_menu.DocumentRequest("Quyết định", "qd.pdf", render))
    assert message_boxes == [
        ("warning", "Không tạo được tài liệu", "Chưa nhập họ tên Chủ tịch UBND xã (Cài đặt → Cán bộ ký).")
    ]
    assert previews() == []
    assert QGuiApplication.overrideCursor() is None


def test_file_names_carry_no_diacritics() -> None:
    assert documents_menu.decision_file_name({"number": 7, "year": 2026}) == "QD-07-2026-thanh-lap-to-cnscd.pdf"
    restructuring = {"number": 12, "year": 2026, "kind": "restructuring"}
    assert documents_menu.decision_file_name(restructuring) == "QD-12-2026-kien-toan-to-cnscd.pdf"
    assert documents_menu.slug("Tổ CNSCĐ thôn Nà Phái") == "to-cnscd-thon-na-phai"
    assert documents_menu.period_slug(date(2026, 2, 1), date(2026, 2, 28)) == "02-2026"
    assert documents_menu.period_slug(date(2026, 4, 1), date(2026, 6, 30)) == "quy-2-2026"
    assert documents_menu.period_slug(date(2026, 1, 1), date(2026, 12, 31)) == "nam-2026"
    assert documents_menu.period_slug(date(2026, 3, 1), date(2026, 3, 15)) == "01-03-2026-den-15-03-2026"
