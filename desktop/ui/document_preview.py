"""A PDF document on screen before it is printed or saved: pages, zoom, print (Ctrl+P), save as (Ctrl+S)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import messages

log = logging.getLogger(__name__)

GEOMETRY_KEY = "document_preview/geometry"
FOLDER_KEY = "document_preview/folder"
MAX_PRINT_DPI = 300  # sharp on paper; 600 dpi would need 140 MB per A4 image
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0
_POINTS_PER_INCH = 72.0


def a4_layout() -> QPageLayout:
    """A4 portrait without margins: the PDF already has the decree's margins drawn in."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF())


def print_pages(document: QPdfDocument, device: QPdfWriter | QPrinter, first: int = 1, last: int = 0) -> int:
    """Paint pages first..last (1-based; last 0 = to the end) onto a printer or QPdfWriter; the number painted.

    Each page is rendered to an image at the device's resolution (at most 300 dpi) and drawn on the whole sheet,
    centred and never enlarged, so an A4 page fills an A4 sheet exactly.
    """
    count = document.pageCount()
    last = count if last <= 0 else min(last, count)
    first = max(first, 1)
    if first > last:
        return 0
    dpi = min(device.resolution(), MAX_PRINT_DPI)
    sheet = QRectF(0, 0, device.width(), device.height())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer could not be started")
    painted = 0
    try:
        for page in range(first - 1, last):
            if painted:
                device.newPage()
            size = document.pagePointSize(page)
            pixels = QSize(round(size.width() * dpi / _POINTS_PER_INCH), round(size.height() * dpi / _POINTS_PER_INCH))
            image = QImage(pixels, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.white)  # the renderer leaves the paper transparent
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            composer = QPainter(image)
            composer.drawImage(0, 0, document.render(page, pixels))
            composer.end()
            # The page's size on the device, in device pixels; fitted (not enlarged) onto the sheet.
            scale = device.resolution() / _POINTS_PER_INCH
            width, height = size.width() * scale, size.height() * scale
            fit = min(1.0, sheet.width() / width, sheet.height() / height)
            width, height = width * fit, height * fit
            target = QRectF((sheet.width() - width) / 2, (sheet.height() - height) / 2, width, height)
            painter.drawImage(target, image)
            painted += 1
    finally:
        painter.end()
    return painted


class DocumentPreview(QDialog):
    """The pages of a PDF with zoom and page buttons; print it, save it, or close (Esc)."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        file_name: str,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.file_name = file_name
        self.settings = settings
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)

        # QPdfDocument reads the bytes through the buffer for as long as it shows them: both live with the dialog.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(title)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = self._action(self.tr("In…"), [QKeySequence.StandardKey.Print], self.print_document)
        self.print_action.setToolTip(self.tr("In tài liệu ra giấy A4 (Ctrl+P)"))
        self.save_action = self._action(self.tr("Lưu thành…"), [QKeySequence.StandardKey.Save], self.save_as)
        self.save_action.setToolTip(self.tr("Lưu tài liệu thành tệp PDF (Ctrl+S)"))
        self.toolbar.addSeparator()
        self.previous_action = self._action(self.tr("Trang trước"), [QKeySequence("Ctrl+PgUp")], self.previous_page)
        self.previous_action.setToolTip(self.tr("Về trang trước (Ctrl+PgUp)"))
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance("Trang 888 / 888") + 12)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.toolbar.addWidget(self.page_label)
        self.next_action = self._action(self.tr("Trang sau"), [QKeySequence("Ctrl+PgDown")], self.next_page)
        self.next_action.setToolTip(self.tr("Sang trang sau (Ctrl+PgDown)"))
        self.toolbar.addSeparator()
        self.zoom_out_action = self._action(
            self.tr("Thu nhỏ"), [QKeySequence.StandardKey.ZoomOut, QKeySequence("Ctrl+-")], self.zoom_out
        )
        self.zoom_out_action.setToolTip(self.tr("Thu nhỏ trang (Ctrl+-)"))
        self.zoom_in_action = self._action(
            self.tr("Phóng to"),
            [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")],
            self.zoom_in,
        )
        self.zoom_in_action.setToolTip(self.tr("Phóng to trang (Ctrl++)"))
        self.fit_action = self._action(self.tr("Vừa chiều rộng"), [QKeySequence("Ctrl+0")], self.fit_width)
        self.fit_action.setToolTip(self.tr("Trang vừa khít chiều rộng cửa sổ (Ctrl+0)"))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setToolTip(self.tr("Đóng cửa sổ xem trước (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.view.pageNavigator().currentPageChanged.connect(self._update_page)
        self._update_page()
        self._restore_geometry()
        self.view.setFocus()

    def _action(self, text: str, keys: list[QKeySequence | QKeySequence.StandardKey], slot: object) -> QAction:
        action = QAction(text, self)
        action.setIconText(text)  # a tool button drops the "…" that says a dialog follows; keep it
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def _restore_geometry(self) -> None:
        saved = self.settings.value(GEOMETRY_KEY) if self.settings is not None else None
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen else QSize(1024, 768)
        # An A4 page at a readable width, and as tall as the screen allows.
        self.resize(min(900, available.width() - 40), max(480, available.height() - 60))

    def done(self, result: int) -> None:
        if self.settings is not None:
            self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)

    # ----- pages and zoom -----

    def page_count(self) -> int:
        """How many pages the document has."""
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page shown (0-based)."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        """Show a page (0-based; clamped to the document)."""
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), 0)  # zoom 0: keep the zoom
        self._update_page()

    def previous_page(self) -> None:
        """Show the page before (Ctrl+PgUp)."""
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        """Show the page after (Ctrl+PgDown)."""
        self.go_to_page(self.current_page() + 1)

    def _update_page(self, *_args: object) -> None:
        count, page = self.page_count(), self.current_page()
        self.page_label.setText(self.tr("Trang {page} / {count}").format(page=page + 1 if count else 0, count=count))
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < count - 1)

    def zoom(self) -> float:
        """The zoom now shown: 1.0 is the page at its printed size on this screen."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return float(self.view.zoomFactor())
        page_width = self.document.pagePointSize(0).width() * self.logicalDpiX() / _POINTS_PER_INCH
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        return max(MIN_ZOOM, room / page_width) if page_width > 0 else 1.0

    def set_zoom(self, factor: float) -> None:
        """Show the pages at this zoom (kept between 25% and 500%)."""
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(MIN_ZOOM, min(MAX_ZOOM, factor)))

    def zoom_in(self) -> None:
        """Larger (Ctrl++)."""
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Smaller (Ctrl+-)."""
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        """Pages as wide as the window (Ctrl+0)."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # ----- print and save -----

    def new_printer(self) -> QPrinter:
        """A printer set to A4 portrait, full page, every page of this document."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        printer.setFullPage(True)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, max(1, self.page_count()))
        return printer

    def ask_print(self, printer: QPrinter) -> bool:
        """Let the user choose printer, pages and copies; True to print (tests replace this: no dialog offscreen)."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In tài liệu"))
        dialog.setMinMax(1, max(1, self.page_count()))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> int:
        """Print (Ctrl+P): the print dialog, then the chosen pages; the number of pages sent."""
        printer = self.new_printer()
        if not self.ask_print(printer):
            return 0
        first, last = 1, 0
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            first, last = printer.fromPage(), printer.toPage()
        elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
            first = last = self.current_page() + 1
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            painted = print_pages(self.document, printer, first, last)
        except OSError as error:
            log.warning("printing failed: %s", error)
            messages.error(
                self,
                self.tr("Không in được"),
                self.tr("Máy in không nhận lệnh in. Hãy kiểm tra máy in đã bật và đã kết nối, rồi thử lại."),
            )
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.message.setText(self.tr("Đã gửi {count} trang tới máy in.").format(count=painted))
        return painted

    def default_path(self) -> Path:
        """Where "Lưu thành…" proposes to write: the folder used last time (else home), this document's name."""
        folder = self.settings.value(FOLDER_KEY) if self.settings is not None else None
        base = Path(str(folder)) if folder and Path(str(folder)).is_dir() else Path.home()
        return base / self.file_name

    def save_as(self) -> Path | None:
        """Save as (Ctrl+S): ask for a file name, then write the PDF there."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Lưu tài liệu thành tệp PDF"), str(self.default_path()), self.tr("Tệp PDF (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return self.save_to(path)

    def save_to(self, path: Path) -> Path | None:
        """Write the PDF to a file (whole or not at all); None after telling the user why it failed."""
        partial = path.with_name(path.name + ".part")
        try:
            partial.write_bytes(self.pdf)
            partial.replace(path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            messages.error(
                self,
                self.tr("Không lưu được tệp"),
                self.tr("Không ghi được {path}: {reason}").format(path=path, reason=error.strerror or error),
            )
            return None
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(path.parent))
        self.message.setText(self.tr("Đã lưu {path}").format(path=path))
        return path
