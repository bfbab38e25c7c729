"""The app's paperwork: render a document off the GUI thread, then show it in the preview to print or save.

Renderers are imported inside the functions: they pull in reportlab, which the app needs only when a document
is asked for (and the window starts faster without it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.store import stats
from desktop.store.store import Store, StoreError
from desktop.ui import i18n
from desktop.ui.context import AppContext, Job
from desktop.ui.document_preview import DocumentPreview
from desktop.ui.undo import run_undoable
from desktop.ui.widgets import messages
from desktop.ui.widgets.record_form import ERROR_STYLE
from sync.records import RecordInvalid
from sync.text import fold

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentRequest:
    """A document to make: its window title, the file name offered when saving, and how to render it."""

    title: str
    file_name: str
    render: Callable[[Store], bytes]


# ----- file names -----


def slug(value: str) -> str:
    """Text as a file-name part without diacritics: "Tổ CNSCĐ thôn Nà Phái" -> "to-cnscd-thon-na-phai"."""
    return fold(value).replace(" ", "-")


def period_slug(start: date, end: date) -> str:
    """A period in a file name: "03-2026", "quy-1-2026", "nam-2026", else "01-03-2026-den-15-03-2026"."""
    period = stats.Period(start, end)
    if period == stats.month_of(start):
        return f"{start:%m-%Y}"
    if period == stats.quarter_of(start):
        return f"quy-{(start.month - 1) // 3 + 1}-{start.year}"
    if period == stats.year_of(start):
        return f"nam-{start.year}"
    return f"{start:%d-%m-%Y}-den-{end:%d-%m-%Y}"


def decision_file_name(decision: dict[str, Any]) -> str:
    """ "QD-07-2026-thanh-lap-to-cnscd.pdf" (or kien-toan for a restructuring decision)."""
    kind = "kien-toan" if decision.get("kind") == "restructuring" else "thanh-lap"
    return f"QD-{int(decision['number']):02d}-{decision['year']}-{kind}-to-cnscd.pdf"


# ----- the requests -----


def decision_request(store: Store, decision_id: str) -> DocumentRequest:
    """The decision as the commune signs it (founding list attached)."""
    decision = store.require("decisions", decision_id)

    def render(worker_store: Store) -> bytes:
        from desktop.documents.decision import render_decision

        return render_decision(worker_store, decision_id)

    title = QCoreApplication.translate("DocumentsMenu", "Quyết định số {number}").format(
        number=stats.decision_number(int(decision["number"]))
    )
    return DocumentRequest(title, decision_file_name(decision), render)


def activity_sheet_request(store: Store, team_id: str, start: date, end: date) -> DocumentRequest:
    """The team's activity sheet over a period."""
    team = store.require("teams", team_id)

    def render(worker_store: Store) -> bytes:
        from desktop.documents.activity_sheet import render_activity_sheet

        return render_activity_sheet(worker_store, team_id, start, end)

    title = QCoreApplication.translate("DocumentsMenu", "Sổ theo dõi hoạt động — {team}").format(team=team["name"])
    return DocumentRequest(title, f"so-theo-doi-hoat-dong-{slug(team['name'])}-{period_slug(start, end)}.pdf", render)


def field_form_request(store: Store, team_id: str) -> DocumentRequest:
    """A blank field form for the team, to fill in by hand during a session."""
    team = store.require("teams", team_id)

    def render(worker_store: Store) -> bytes:
        from desktop.documents.field_form import render_field_form

        return render_field_form(worker_store, team_id)

    title = QCoreApplication.translate("DocumentsMenu", "Phiếu ghi chép — {team}").format(team=team["name"])
    return DocumentRequest(title, f"phieu-ghi-chep-{slug(team['name'])}.pdf", render)


def report_request(start: date, end: date) -> DocumentRequest:
    """The commune's report over a period."""

    def render(worker_store: Store) -> bytes:
        from desktop.documents.report import render_report

        return render_report(worker_store, start, end)

    title = QCoreApplication.translate("DocumentsMenu", "Báo cáo Tổ công nghệ số cộng đồng {start} – {end}").format(
        start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}"
    )
    return DocumentRequest(title, f"bao-cao-to-cnscd-{period_slug(start, end)}.pdf", render)


def member_list_request(on: date) -> DocumentRequest:
    """Every team's members on a day."""

    def render(worker_store: Store) -> bytes:
        from desktop.documents.member_list import render_member_list

        return render_member_list(worker_store, on)

    title = QCoreApplication.translate(
        "DocumentsMenu", "Danh sách thành viên các Tổ công nghệ số cộng đồng ngày {day}"
    ).format(day=f"{on:%d/%m/%Y}")
    return DocumentRequest(title, f"danh-sach-thanh-vien-to-cnscd-{on:%d-%m-%Y}.pdf", render)


# ----- rendering and showing -----


def _is_document_error(error: BaseException) -> bool:
    from desktop.documents.layout import DocumentError

    return isinstance(error, DocumentError)


def open_document(ctx: AppContext, parent: QWidget, request: DocumentRequest) -> Job:
    """Render in the background (wait cursor, "Đang tạo tài liệu…"), then open the preview beside the parent.

    Missing data (DocumentError) is shown in its Vietnamese words; anything else says it went to the log.
    """
    ctx.hub.status_message.emit(QCoreApplication.translate("DocumentsMenu", "Đang tạo tài liệu…"))
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def task(store: Store, _job: Job) -> bytes:
        return request.render(store)

    def finished() -> bool:
        QGuiApplication.restoreOverrideCursor()
        ctx.hub.status_message.emit("")
        return isValid(parent)  # the window may have been rebuilt (a language switch) while the job ran

    def done(pdf: bytes) -> None:
        if finished():
            show_preview(ctx, parent, request, pdf)

    def failed(error: BaseException) -> None:
        if not finished():
            return
        if _expected(error):
            text = i18n.message(error)
        else:
            text = QCoreApplication.translate("DocumentsMenu", "Lỗi không mong đợi; chi tiết đã ghi vào nhật ký.")
        messages.error(parent, QCoreApplication.translate("DocumentsMenu", "Không tạo được tài liệu"), text)

    return ctx.reader.submit(task, done=done, failed=failed)


def show_preview(ctx: AppContext, parent: QWidget, request: DocumentRequest, pdf: bytes) -> DocumentPreview:
    """Open the preview window of a rendered document (it closes itself and is freed on close)."""
    preview = DocumentPreview(pdf, request.title, request.file_name, parent.window(), ctx.settings)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.show()
    preview.raise_()
    preview.activateWindow()
    return preview


# ----- decisions: issuing and replacing -----


def _expected(error: BaseException) -> bool:
    """A failure the user can fix (refused, invalid, data missing), as opposed to a bug."""
    return isinstance(error, (StoreError, RecordInvalid)) or _is_document_error(error)


def issue(ctx: AppContext, parent: QWidget, decision_id: str) -> dict[str, Any] | None:
    """Issue a draft after the user confirms (one undo step); the issued decision, or None."""
    from desktop.store.decisions import issue_decision

    decision = ctx.store.require("decisions", decision_id)
    number = stats.decision_number(int(decision["number"]))
    question = QCoreApplication.translate(
        "DocumentsMenu",
        "Sau khi ban hành, quyết định không thể sửa hay xóa.\n\nBan hành quyết định số {number}?",
    ).format(number=number)
    if not messages.confirm(
        parent,
        QCoreApplication.translate("DocumentsMenu", "Ban hành quyết định"),
        question,
        QCoreApplication.translate("DocumentsMenu", "Ban hành"),
    ):
        return None
    try:
        issued: dict[str, Any] = run_undoable(
            ctx.undo,
            ctx.store,
            ctx.hub,
            QCoreApplication.translate("DocumentsMenu", "Ban hành quyết định số {number}").format(number=number),
            lambda store: issue_decision(store, decision_id),
        )
    except Exception as error:
        if not _expected(error):
            raise
        messages.error(
            parent, QCoreApplication.translate("DocumentsMenu", "Không ban hành được quyết định"), i18n.message(error)
        )
        return None
    ctx.hub.status_message.emit(
        QCoreApplication.translate("DocumentsMenu", "Đã ban hành quyết định số {number}.").format(number=number)
    )
    return issued


def supersede(ctx: AppContext, parent: QWidget, decision_id: str) -> dict[str, Any] | None:
    """A new draft restructuring decision prefilled from an issued one (one undo step); the draft, or None."""
    from desktop.store import decisions

    decision = ctx.store.require("decisions", decision_id)
    number = stats.decision_number(int(decision["number"]))
    try:
        draft: dict[str, Any] = run_undoable(
            ctx.undo,
            ctx.store,
            ctx.hub,
            QCoreApplication.translate("DocumentsMenu", "Soạn quyết định thay thế quyết định số {number}").format(
                number=number
            ),
            lambda store: decisions.supersede(store, decision_id),
        )
    except Exception as error:
        if not _expected(error):
            raise
        messages.error(
            parent,
            QCoreApplication.translate("DocumentsMenu", "Không soạn được quyết định thay thế"),
            i18n.message(error),
        )
        return None
    return draft


# ----- choosing a period -----


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodDialog(QDialog):
    """Choose a month (this month by default) or a from–to period for a document."""

    def __init__(self, today: date, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.month_radio = QRadioButton(self.tr("Theo &tháng:"))
        self.range_radio = QRadioButton(self.tr("Từ &ngày:"))
        group = QButtonGroup(self)
        group.addButton(self.month_radio)
        group.addButton(self.range_radio)
        self.month_edit = self._date_edit("MM/yyyy", date(today.year, today.month, 1))
        self.month_edit.setToolTip(self.tr("Tháng cần in, dạng tháng/năm"))
        self.from_edit = self._date_edit("dd/MM/yyyy", date(today.year, today.month, 1))
        self.to_edit = self._date_edit("dd/MM/yyyy", today)
        to_caption = QLabel(self.tr("đến ngà&y:"))
        to_caption.setBuddy(self.to_edit)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        grid = QGridLayout()
        grid.addWidget(self.month_radio, 0, 0)
        grid.addWidget(self.month_edit, 0, 1)
        grid.addWidget(self.range_radio, 1, 0)
        grid.addWidget(self.from_edit, 1, 1)
        grid.addWidget(to_caption, 1, 2)
        grid.addWidget(self.to_edit, 1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xem trước"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.month_radio.toggled.connect(self._mode_changed)
        self.month_edit.dateChanged.connect(lambda _day: self.month_radio.setChecked(True))
        self.month_radio.setChecked(True)
        self._mode_changed()
        self.month_edit.setFocus()

    def _date_edit(self, display: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setDisplayFormat(display)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setCalendarPopup(display.startswith("dd"))
        return edit

    def _mode_changed(self, *_args: object) -> None:
        by_month = self.month_radio.isChecked()
        self.month_edit.setEnabled(by_month)
        self.from_edit.setEnabled(not by_month)
        self.to_edit.setEnabled(not by_month)

    def set_month(self, year: int, month: int) -> None:
        """Choose a whole month."""
        self.month_radio.setChecked(True)
        self.month_edit.setDate(QDate(year, month, 1))

    def set_range(self, start: date, end: date) -> None:
        """Choose a from–to period."""
        self.range_radio.setChecked(True)
        self.from_edit.setDate(_qdate(start))
        self.to_edit.setDate(_qdate(end))

    def period(self) -> tuple[date, date] | None:
        """The days chosen, both included; None when the dates are the wrong way round."""
        if self.month_radio.isChecked():
            month = stats.month_of(_day(self.month_edit.date()))
            return month.start, month.end
        start, end = _day(self.from_edit.date()), _day(self.to_edit.date())
        return (start, end) if start <= end else None

    def accept(self) -> None:
        if self.period() is None:
            self.error.setText(self.tr("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."))
            self.error.show()
            self.from_edit.setFocus()
            return
        super().accept()
