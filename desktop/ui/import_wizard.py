"""Tệp → Nhập từ Excel/CSV…: choose a file, check the columns, see what each row becomes, confirm, import.

Reading the file and planning run on ctx.reader; the import runs on ctx.writer as one transaction and one
undoable step. Nothing is written before the user presses Nhập on the last page.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget, QWizard, QWizardPage

from desktop.store.import_files import SourceTable
from desktop.store.import_plan import ImportPlan, Verdict
from desktop.store.importer import apply_plan
from desktop.store.store import Store, StoreError
from desktop.ui.context import AppContext, Job, JobCancelled
from desktop.ui.import_pages import FilePage, MappingPage, said
from desktop.ui.import_preview import PreviewPage
from desktop.ui.undo import submit_undoable
from desktop.ui.widgets import messages
from sync.dates import display_date


class ImportWizard(QWizard):
    """Four pages: file, columns, preview, confirm; the import itself is one undoable step."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table: SourceTable | None = None
        self.header_index = 0
        self.mapping: list[str | None] = []
        self.plan: ImportPlan | None = None
        self.importing = False
        self.cancel_requested = threading.Event()  # set by Hủy; the writer checks it between two writes
        self.imported: dict[str, int] | None = None  # what the import wrote, once it is done
        self.setWindowTitle(self.tr("Nhập danh sách từ Excel/CSV"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Quay lại")),
            (QWizard.WizardButton.NextButton, self.tr("&Tiếp >")),
            (QWizard.WizardButton.FinishButton, self.tr("&Nhập")),
            (QWizard.WizardButton.CancelButton, self.tr("Hủy")),
        ):
            self.setButtonText(button, text)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.confirm_page = ConfirmPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.confirm_page):
            self.addPage(page)
        # As roomy as a 1366×768 screen allows once the taskbar and the window frame are counted.
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() - QSize(40, 60) if screen else QSize(1100, 660)
        self.resize(QSize(1100, 660).boundedTo(room))
        if path:
            self.file_page.load(str(path))

    # ----- the import -----

    def accept(self) -> None:
        """Nhập: write the plan on the writer, as one undoable step; the wizard closes when it is done."""
        plan = self.plan
        if plan is None or self.importing:
            return
        self.importing = True
        self.cancel_requested.clear()
        self.confirm_page.started()
        text = self.tr("Nhập từ tệp {name}").format(name=plan.table.name)
        cancel = self.cancel_requested

        def task(store: Store, job: Job) -> Any:
            return apply_plan(store, plan, _Stoppable(job, cancel))

        submit_undoable(
            self.ctx.writer,
            self.ctx.undo,
            text,
            task,
            done=self._imported,
            failed=self._failed,
            progress=self.confirm_page.progressed,
        )

    def reject(self) -> None:
        """Hủy: while importing, stop the import (nothing is written); otherwise close."""
        if self.importing:
            self.cancel_requested.set()
            return
        super().reject()

    def _imported(self, result: Any) -> None:
        self.importing = False
        self.imported = result.counts
        summary = self.confirm_page.summary_line(result.counts)
        self.ctx.hub.status_message.emit(self.tr("Đã nhập: {summary}").format(summary=summary))
        messages.info(
            self,
            self.tr("Đã nhập xong"),
            self.tr("Đã nhập: {summary}.\nCó thể hoàn tác toàn bộ lần nhập này bằng Sửa → Hoàn tác (Ctrl+Z).").format(
                summary=summary
            ),
        )
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.importing = False
        self.confirm_page.stopped()
        if isinstance(error, JobCancelled):
            messages.info(self, self.tr("Đã hủy"), self.tr("Đã hủy nhập; dữ liệu không thay đổi."))
        elif isinstance(error, StoreError):
            messages.error(self, self.tr("Không nhập được"), said(error))
        else:
            messages.error(
                self,
                self.tr("Không nhập được"),
                self.tr("Có lỗi bất ngờ khi ghi dữ liệu; chưa có gì được nhập. Chi tiết đã ghi vào tệp nhật ký."),
            )


class _Stoppable:
    """The writer's job, also stopped by the wizard's Hủy (pressed before the job object exists, too)."""

    def __init__(self, job: Job, cancel: threading.Event) -> None:
        self.job, self.cancel = job, cancel

    def check(self) -> None:
        if self.cancel.is_set():
            raise JobCancelled
        self.job.check()

    def progress(self, done: int, total: int) -> None:
        self.job.progress(done, total)


class ConfirmPage(QWizardPage):
    """Step 4: exactly what will be created, then the import with its progress."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Bước 4/4 · Xác nhận"))
        self.setSubTitle(self.tr("Bấm Nhập để ghi vào dữ liệu. Có thể hoàn tác toàn bộ bằng Ctrl+Z."))
        self.setFinalPage(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setFormat(self.tr("Đang nhập… %v/%m"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.progress)

    def summary_line(self, counts: dict[str, int]) -> str:
        """ "2 thôn mới, 2 tổ mới, 6 thành viên mới, 1 cập nhật, 7 lượt tham gia tổ"."""
        return self.tr(
            "{villages} thôn mới, {teams} tổ mới, {people} thành viên mới, {updated} cập nhật, "
            "{memberships} lượt tham gia tổ"
        ).format(**counts)

    def initializePage(self) -> None:
        plan = self.owner.plan
        assert plan is not None
        counts = plan.counts()
        lines = [self.tr("<p>Sẽ nhập từ tệp <b>{name}</b>:</p>").format(name=html.escape(plan.table.name))]
        lines.append(f"<p style='font-size: large'><b>{html.escape(self.summary_line(counts))}</b></p><ul>")
        villages = ", ".join(v.name for v in plan.new_villages())
        teams = ", ".join(t.name for t in plan.new_teams())
        if villages:
            lines.append(self.tr("<li>Thôn mới: {names}</li>").format(names=html.escape(villages)))
        if teams:
            lines.append(self.tr("<li>Tổ mới: {names}</li>").format(names=html.escape(teams)))
        if counts["memberships"]:
            lines.append(
                self.tr("<li>Ngày bắt đầu tham gia tổ: {date}</li>").format(date=display_date(plan.start_date))
            )
        lines.append("</ul>")
        left_out = plan.count(Verdict.ERROR)
        if left_out:
            lines.append(
                self.tr("<p>{count} dòng lỗi sẽ không được nhập (có thể lưu ra tệp ở bước trước để sửa).</p>").format(
                    count=left_out
                )
            )
        self.summary.setText("".join(lines))
        self.progress.setVisible(False)

    def started(self) -> None:
        """The import began: show its progress; only Hủy stays usable."""
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
            self.owner.button(button).setEnabled(False)

    def progressed(self, done: int, total: int) -> None:
        """The writer reports how far it is."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def stopped(self) -> None:
        """The import failed or was cancelled: the page is as before."""
        self.progress.setVisible(False)
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
            self.owner.button(button).setEnabled(True)
