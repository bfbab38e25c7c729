"""Đồng bộ: the province server, enrolment, the running and last sync, what waits, and what needs review."""

from __future__ import annotations

import html
import socket
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store import settings, sync_engine
from desktop.store.outbox import PendingChanges, pending_by_type, push_size
from desktop.store.server_ca import use_ca_bundle
from desktop.store.store import Store
from desktop.store.sync_engine import SyncSummary
from desktop.store.versions import newer_version_available, running_version
from desktop.ui import i18n
from desktop.ui.context import ALL_TYPES, AppContext, Job, JobCancelled
from desktop.ui.views.conflicts_panel import ConflictsPanel, local_time
from desktop.ui.widgets.hint import hint_label
from sync.client import SyncError
from sync.enrollment import EnrollmentLinkError, parse_enrollment_uri
from sync.records import record_type


def _number(value: int) -> str:
    return QLocale().toString(value)


def _kilobytes(size: int) -> str:
    kb = size / 1000
    return QLocale().toString(kb, "f", 1 if kb < 10 else 0) + " kB"


ADVICE = {
    "offline": QT_TRANSLATE_NOOP("SyncView", "Dữ liệu trên máy này vẫn an toàn; Tổ Số sẽ tự thử lại sau 5 phút."),
    "unauthorised": QT_TRANSLATE_NOOP("SyncView", "Xin cán bộ tỉnh một mã đăng ký mới rồi đăng ký lại máy này."),
    "update_required": QT_TRANSLATE_NOOP("SyncView", "Cài bản Tổ Số mới nhất rồi đồng bộ lại."),
    "tls": QT_TRANSLATE_NOOP("SyncView", "Kiểm tra địa chỉ máy chủ (https://…) với cán bộ tỉnh."),
}
OTHER_ADVICE = QT_TRANSLATE_NOOP("SyncView", "Bấm “Đồng bộ ngay” để thử lại; nếu vẫn lỗi, báo cán bộ tỉnh.")


class SyncView(QWidget):
    """The province server: connected or not, the last sync, a running sync, enrolment, and what waits."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pending: list[PendingChanges] = []
        self._loading = False
        self._stale = False

        self.server_label = QLabel()
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_label.setWordWrap(True)
        self.state_label = QLabel()
        self.last_sync_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.skew_label = QLabel()
        self.skew_label.setWordWrap(True)
        # "Đã có phiên bản mới …": the link opens in the browser, where the official downloads the installer.
        self.version_label = QLabel()
        self.version_label.setWordWrap(True)
        self.version_label.setTextFormat(Qt.TextFormat.RichText)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.version_label.setStyleSheet("QLabel { background: #fff4d6; border: 1px solid #e0b84d; padding: 6px; }")
        self.version_label.linkActivated.connect(self.open_link)
        self.version_label.hide()
        server_box = QGroupBox(self.tr("Máy chủ tỉnh"))
        server_form = QFormLayout(server_box)
        server_form.addRow(self.tr("Địa chỉ:"), self.server_label)
        server_form.addRow(self.tr("Kết nối:"), self.state_label)
        server_form.addRow(self.tr("Đồng bộ lần cuối:"), self.last_sync_label)
        server_form.addRow(self.error_label)
        server_form.addRow(self.skew_label)
        server_form.addRow(self.version_label)

        self.enrol_box = QGroupBox(self.tr("Đăng ký máy này với máy chủ tỉnh"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("ABCD-EFGH-JKLM")
        self.enrol_button = QPushButton(self.tr("Đă&ng ký"))
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_message = QLabel()
        self.enrol_message.setWordWrap(True)
        enrol_form = QFormLayout(self.enrol_box)
        enrol_form.addRow(
            hint_label(self.tr("Cán bộ tỉnh cấp địa chỉ máy chủ và một mã đăng ký dùng một lần (hết hạn sau 7 ngày)."))
        )
        enrol_form.addRow(self.tr("Địa chỉ máy chủ:"), self.url_edit)
        enrol_form.addRow(self.tr("Mã đăng ký:"), self.code_edit)
        # Only for a province that signs its own HTTPS certificate; the file is copied into the data folder.
        self.ca_file: Path | None = None
        self.ca_button = QPushButton(self.tr("Chọn tệp chứng chỉ CA của tỉnh…"))
        self.ca_button.setToolTip(self.tr("Chỉ cần khi cán bộ tỉnh gửi tệp chứng chỉ (.pem, .crt)"))
        self.ca_button.clicked.connect(self._choose_ca)
        enrol_form.addRow(self.tr("Chứng chỉ (nếu có):"), self.ca_button)
        enrol_form.addRow(self.enrol_button, self.enrol_message)
        # The enrolment sheet's QR code holds both: pasting its link (or a phone's scan) into either field fills both.
        self.url_edit.textChanged.connect(self._link_pasted)
        self.code_edit.textChanged.connect(self._link_pasted)

        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat(self.tr("Đang đồng bộ… %v/%m"))
        self.cancel_button = QPushButton(self.tr("&Dừng"))
        self.cancel_button.setToolTip(self.tr("Dừng sau phần đang gửi hoặc nhận; phần đã xong được giữ"))
        self.cancel_button.clicked.connect(self._cancel)
        self.progress_row = QWidget()
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_bar, 1)
        progress_layout.addWidget(self.cancel_button)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Loại dữ liệu"), self.tr("Số thay đổi"), self.tr("Số bản ghi"), self.tr("Dung lượng ước tính")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Thay đổi chưa gửi lên máy chủ, theo loại dữ liệu"))
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        pending_box = QGroupBox(self.tr("Dữ liệu mới chỉ có trên máy này"))
        pending_layout = QVBoxLayout(pending_box)
        pending_layout.addWidget(
            hint_label(
                self.tr(
                    "Mỗi lần thêm, sửa, xóa là một thay đổi chờ gửi lên máy chủ tỉnh. "
                    "Cho đến khi đồng bộ, dữ liệu này chỉ nằm trên máy này: hãy sao lưu thường xuyên."
                )
            )
        )
        pending_layout.addWidget(self.table, 1)
        pending_layout.addWidget(self.total_label)

        self.conflicts_panel = ConflictsPanel(ctx)

        self.sync_button = QPushButton(self.tr("Đồng bộ ngay"))
        self.sync_button.clicked.connect(self._sync_now)
        self.refresh_button = QPushButton(self.tr("&Làm mới"))
        self.refresh_button.setToolTip(self.tr("Đếm lại các thay đổi chưa gửi (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        refresh = QShortcut(QKeySequence("F5"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)
        # A disabled button's tooltip cannot be reached by keyboard, so the reason is also written out.
        self.sync_note = hint_label("")
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.sync_note, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(server_box)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.progress_row)
        layout.addLayout(buttons)
        layout.addWidget(pending_box, 1)
        layout.addWidget(self.conflicts_panel, 1)

        ctx.hub.data_changed.connect(self._data_changed)
        ctx.hub.settings_changed.connect(self.show_settings)
        ctx.hub.sync_started.connect(self._started)
        ctx.hub.sync_progress.connect(self._progressed)
        ctx.hub.sync_finished.connect(self._finished)
        self.show_settings()
        self.show_sync_state()
        self.show_newer_version()
        self.reload()

    def enrolled(self) -> bool:
        """True once this laptop holds a device token for a server."""
        folder = self.ctx.data_dir
        return (
            folder is not None
            and bool(self.ctx.store.get_meta(sync_engine.SERVER_DEVICE_ID))
            and sync_engine.read_token(folder) is not None
        )

    def show_settings(self) -> None:
        """Server address, enrolment and the last sync time, from the commune settings."""
        store = self.ctx.store
        url = settings.get(store, settings.SERVER_URL)
        enrolled = self.enrolled()
        self.server_label.setText(
            url or self.tr("Chưa cấu hình. Nhập địa chỉ máy chủ trong Cài đặt (Ctrl+9) hoặc khi đăng ký máy bên dưới.")
        )
        if not enrolled and url and not self.url_edit.text():
            self.url_edit.setText(url)
        self.enrol_box.setVisible(not enrolled)
        last = settings.get(store, settings.LAST_SYNC_AT)
        self.last_sync_label.setText(local_time(last) if last else self.tr("Chưa đồng bộ lần nào"))
        running = self.ctx.sync is not None and self.ctx.sync.running
        self.sync_button.setEnabled(enrolled and self.ctx.sync is not None and not running)
        if not enrolled:
            note = self.tr("Đăng ký máy này với máy chủ tỉnh (ở trên) để đồng bộ.")
        elif self.ctx.sync is None:
            note = self.tr("Đồng bộ nền chưa chạy.")
        else:
            note = self.tr("Tổ Số tự đồng bộ khi mở, 5 phút một lần và khoảng 20 giây sau mỗi thay đổi.")
        self.sync_note.setText(note)
        self.sync_button.setToolTip(note)

    def show_sync_state(self) -> None:
        """Connected or not, a running sync's progress, the last error with what to do, the clock warning."""
        controller = self.ctx.sync
        running = controller is not None and controller.running
        self.progress_row.setVisible(running)
        if running and controller is not None:
            self._progressed(*controller.progress)
        result = controller.last_result if controller is not None else None
        reachable = controller.reachable if controller is not None else None
        if not self.enrolled():
            self.state_label.setText(self.tr("Chưa đăng ký"))
        elif running:
            self.state_label.setText(self.tr("Đang đồng bộ…"))
        elif reachable is None:
            self.state_label.setText(self.tr("Chưa thử kết nối"))
        elif reachable:
            self.state_label.setText(self.tr("Đã kết nối"))
        else:
            self.state_label.setText(self.tr("Không kết nối được"))
        self.error_label.setVisible(isinstance(result, BaseException))
        if isinstance(result, JobCancelled):
            self.error_label.setText(self.tr("Đã dừng đồng bộ; phần đã gửi và nhận được giữ nguyên."))
        elif isinstance(result, BaseException):
            kind = result.kind if isinstance(result, SyncError) else ""
            advice = QCoreApplication.translate("SyncView", ADVICE.get(kind, OTHER_ADVICE))
            self.error_label.setText(
                self.tr("Lần đồng bộ vừa rồi không thành: {error}\n{advice}").format(
                    error=i18n.message(result), advice=advice
                )
            )
        warning = isinstance(result, SyncSummary) and result.clock_warning
        self.skew_label.setVisible(warning)
        if isinstance(result, SyncSummary) and result.skew_seconds is not None and warning:
            self.skew_label.setText(
                self.tr(
                    "Đồng hồ máy này lệch {minutes} phút so với máy chủ tỉnh: hãy chỉnh lại ngày giờ của máy "
                    "(giờ ghi trong lịch sử có thể sai)."
                ).format(minutes=_number(round(abs(result.skew_seconds) / 60)))
            )

    def show_newer_version(self) -> None:
        """Say so when the province published a newer Tổ Số than this one (learnt at the last sync)."""
        latest = newer_version_available(self.ctx.store)
        self.version_label.setVisible(latest is not None)
        if latest is None:
            self.version_label.clear()
            return
        number, url = html.escape(latest["version"]), latest["url"]
        if url:
            link = f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
            text = self.tr("Đã có phiên bản mới {version} — tải về tại {link}").format(version=number, link=link)
        else:
            text = self.tr("Đã có phiên bản mới {version} — hỏi cán bộ tỉnh nơi tải về.").format(version=number)
        self.version_label.setText(f"<b>{text}</b>")

    def open_link(self, url: str) -> None:
        """Open the download page in the browser (web addresses only, whatever the server sent)."""
        link = QUrl(url)
        if link.scheme() in ("http", "https"):
            QDesktopServices.openUrl(link)

    def _link_pasted(self, text: str) -> None:
        if "toso-enroll" not in text.lower():
            return
        try:
            link = parse_enrollment_uri(text)
        except EnrollmentLinkError as error:
            self.enrol_message.setText(str(error))
            return
        # setText emits textChanged again, with text that is no link: it returns above.
        if link.server:
            self.url_edit.setText(link.server)
        elif "toso-enroll" in self.url_edit.text().lower():
            self.url_edit.clear()  # the link was pasted there: what is left to type is the address
        self.code_edit.setText(link.code)
        self.enrol_message.setText(
            self.tr("Đã điền địa chỉ máy chủ và mã đăng ký từ liên kết. Bấm “Đăng ký” để tiếp tục.")
            if link.server
            else self.tr("Đã điền mã đăng ký từ liên kết; hãy nhập địa chỉ máy chủ.")
        )
        self.enrol_button.setFocus()

    def _sync_now(self) -> None:
        if self.ctx.sync is not None:
            self.ctx.sync.sync_now()

    def _cancel(self) -> None:
        if self.ctx.sync is not None:
            self.ctx.sync.cancel()

    def _started(self) -> None:
        self.progress_bar.setRange(0, 0)  # busy until the first batch reports how far it is
        self.show_settings()
        self.show_sync_state()

    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, done))
        self.progress_bar.setValue(done)

    def _finished(self, _result: object) -> None:
        self.show_settings()
        self.show_sync_state()
        self.show_newer_version()
        self.conflicts_panel.reload()

    def enrol(self) -> None:
        """Exchange the code for a device token on the writer thread, then sync."""
        url, code = self.url_edit.text().strip(), self.code_edit.text().strip()
        folder = self.ctx.data_dir
        if not url or not code:
            self.enrol_message.setText(self.tr("Hãy nhập cả địa chỉ máy chủ và mã đăng ký."))
            return
        if folder is None:
            return
        name, version, ca_file = socket.gethostname(), running_version(), self.ca_file

        def task(store: Store, _job: Job) -> sync_engine.Enrollment:
            if ca_file is not None:
                use_ca_bundle(store, folder, ca_file)
            return sync_engine.enroll(store, folder, url, code, name, version)

        self.enrol_button.setEnabled(False)
        self.enrol_message.setText(self.tr("Đang đăng ký…"))
        self.ctx.writer.submit(task, done=self._enrolled, failed=self._enrol_failed, changes=[ALL_TYPES])

    def _choose_ca(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Chứng chỉ CA của tỉnh"), "", self.tr("Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)")
        )
        if chosen:
            self.ca_file = Path(chosen)
            self.ca_button.setText(self.ca_file.name)

    def _enrolled(self, enrollment: sync_engine.Enrollment) -> None:
        self.enrol_button.setEnabled(True)
        self.code_edit.clear()
        self.enrol_message.clear()
        self.ctx.hub.status_message.emit(
            self.tr("Đã đăng ký máy này; đã nhận {count} bản ghi.").format(count=_number(enrollment.pulled))
        )
        self.ctx.hub.settings_changed.emit()
        if self.ctx.sync is not None:
            self.ctx.sync.sync_now()  # what was made here before enrolling goes up now

    def _enrol_failed(self, error: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        self.enrol_message.setText(i18n.message(error))

    def _data_changed(self, _type_name: str) -> None:
        # Every edit says so on the hub; a hidden view only notes it and counts again when shown.
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Count the pending changes in the background (a table scan at 100,000 sessions)."""
        if self._loading:
            self._stale = True  # counted again once the running count is in
            return
        self._loading = True
        self._stale = False

        def task(store: Store, _job: Job) -> list[PendingChanges]:
            return pending_by_type(store)

        self.ctx.reader.submit(task, done=self._loaded, failed=self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.total_label.setText(self.tr("Không đếm được các thay đổi chưa gửi: {error}").format(error=error))

    def _loaded(self, pending: list[PendingChanges]) -> None:
        self._loading = False
        self.pending = pending
        self.table.setRowCount(len(pending))
        for row, item in enumerate(pending):
            cells = (
                QTableWidgetItem(i18n.label(record_type(item.record_type))),
                QTableWidgetItem(_number(item.changes)),
                QTableWidgetItem(_number(item.records)),
                QTableWidgetItem(_kilobytes(item.size)),
            )
            for column, cell in enumerate(cells):
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        total = sum(item.changes for item in pending)
        if total:
            self.total_label.setText(
                self.tr("Tổng cộng {count} thay đổi chưa gửi; lần đồng bộ tới sẽ gửi khoảng {size}.").format(
                    count=_number(total), size=_kilobytes(push_size(pending))
                )
            )
        else:
            self.total_label.setText(self.tr("Mọi thay đổi đã được gửi lên máy chủ tỉnh."))
        if self._stale:
            self.reload()

    def pending_counts(self) -> dict[str, int]:
        """Record type -> pending changes, as shown."""
        return {item.record_type: item.changes for item in self.pending}
