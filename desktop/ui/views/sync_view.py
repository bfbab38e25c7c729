"""Đồng bộ: the province server, the last sync, and what is still only on this laptop (sync itself comes later)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store import settings
from desktop.store.outbox import PendingChanges, pending_by_type, push_size
from desktop.store.store import Store
from desktop.ui import i18n
from desktop.ui.context import AppContext, Job
from desktop.ui.widgets.hint import hint_label
from sync.records import record_type


def _number(value: int) -> str:
    return QLocale().toString(value)


def _kilobytes(size: int) -> str:
    kb = size / 1000
    return QLocale().toString(kb, "f", 1 if kb < 10 else 0) + " kB"


class SyncView(QWidget):
    """Honest about sync today: where it would go, when it last went, and what waits to be sent."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pending: list[PendingChanges] = []
        self._loading = False
        self._stale = False

        self.server_label = QLabel()
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_label.setWordWrap(True)
        self.last_sync_label = QLabel()
        server_box = QGroupBox(self.tr("Máy chủ tỉnh"))
        server_form = QFormLayout(server_box)
        server_form.addRow(self.tr("Địa chỉ:"), self.server_label)
        server_form.addRow(self.tr("Đồng bộ lần cuối:"), self.last_sync_label)

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

        self.sync_button = QPushButton(self.tr("Đồng bộ ngay"))
        self.sync_button.setEnabled(False)
        self.sync_button.setToolTip(self.tr("Tính năng đồng bộ với máy chủ tỉnh sẽ có trong phiên bản tiếp theo."))
        self.refresh_button = QPushButton(self.tr("&Làm mới"))
        self.refresh_button.setToolTip(self.tr("Đếm lại các thay đổi chưa gửi (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        refresh = QShortcut(QKeySequence("F5"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)
        # A disabled button's tooltip cannot be reached by keyboard, so the reason is also written out.
        self.sync_note = hint_label(self.tr("Tính năng đồng bộ với máy chủ tỉnh sẽ có trong phiên bản tiếp theo."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.sync_note, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(server_box)
        layout.addWidget(pending_box, 1)
        layout.addLayout(buttons)

        ctx.hub.data_changed.connect(self._data_changed)
        ctx.hub.settings_changed.connect(self.show_settings)
        self.show_settings()
        self.reload()

    def show_settings(self) -> None:
        """Server address and last sync time, from the commune settings."""
        store = self.ctx.store
        url = settings.get(store, settings.SERVER_URL)
        self.server_label.setText(url or self.tr("Chưa cấu hình. Nhập địa chỉ máy chủ trong Cài đặt (Ctrl+9)."))
        last = settings.get(store, settings.LAST_SYNC_AT)
        self.last_sync_label.setText(self._when(last) if last else self.tr("Chưa đồng bộ lần nào"))

    @staticmethod
    def _when(iso: str) -> str:
        try:
            moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        except ValueError:
            return iso
        return moment.astimezone().strftime("%d/%m/%Y %H:%M")

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
