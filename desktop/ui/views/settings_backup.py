"""Sao lưu: the list of backups, "Sao lưu ngay", and restoring a backup into the open store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QFileSystemWatcher, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
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

from desktop import paths
from desktop.store.backup import (
    BackupError,
    BackupFile,
    BackupSummary,
    backup_summary,
    list_backups,
    make_backup,
    restore_into_open_store,
)
from desktop.store.commune_setup import unit_title
from desktop.store.store import Store
from desktop.ui.context import ALL_TYPES, AppContext, Job
from desktop.ui.widgets import messages
from desktop.ui.widgets.hint import hint_label
from desktop.ui.widgets.job_progress import run_with_progress
from sync.units import find_commune

# What a backup is, by the prefix desktop.store.backup and the migrations give its file name.
KIND_LABELS = (
    ("tu-dong-", QT_TRANSLATE_NOOP("Backups", "Tự động")),
    ("sao-luu-", QT_TRANSLATE_NOOP("Backups", "Sao lưu thủ công")),
    ("truoc-khoi-phuc-", QT_TRANSLATE_NOOP("Backups", "Trước khi khôi phục")),
    ("truoc-nang-cap-", QT_TRANSLATE_NOOP("Backups", "Trước khi nâng cấp")),
)
PATH_ROLE = Qt.ItemDataRole.UserRole


def kind_label(backup: BackupFile) -> str:
    """What kind of copy a backup is, in words."""
    for prefix, label in KIND_LABELS:
        if backup.path.name.startswith(prefix):
            return QCoreApplication.translate("Backups", label)
    return QCoreApplication.translate("Backups", "Khác")


def size_text(size: int) -> str:
    """A file size as people read it: "1,2 MB"."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def backup_now(ctx: AppContext, parent: QWidget | None, done: Callable[[Path], None] | None = None) -> Job | None:
    """Copy the data to the backup folder now (Tệp → Sao lưu ngay), off the GUI thread."""
    if ctx.data_dir is None:
        messages.error(
            parent,
            QCoreApplication.translate("Backups", "Không sao lưu được"),
            QCoreApplication.translate("Backups", "Dữ liệu này không nằm trong thư mục nào để sao lưu."),
        )
        return None
    folder = paths.backup_dir(ctx.data_dir)

    def task(store: Store, _job: Job) -> Path:
        return make_backup(store.db, folder)

    def finished(path: Path) -> None:
        ctx.hub.status_message.emit(QCoreApplication.translate("Backups", "Đã sao lưu vào {path}").format(path=path))
        messages.info(
            parent,
            QCoreApplication.translate("Backups", "Đã sao lưu"),
            QCoreApplication.translate(
                "Backups",
                "Đã sao lưu dữ liệu vào tệp:\n{path}\n\nNên chép thư mục sao lưu ra USB hoặc máy khác định kỳ.",
            ).format(path=path),
        )
        if done is not None:
            done(path)

    def failed(error: BaseException) -> None:
        messages.error(
            parent,
            QCoreApplication.translate("Backups", "Không sao lưu được"),
            QCoreApplication.translate(
                "Backups", "Không sao lưu được dữ liệu: {error}\nHãy kiểm tra ổ đĩa còn trống và thử lại."
            ).format(error=error),
        )

    return run_with_progress(
        ctx.writer,
        parent,
        QCoreApplication.translate("Backups", "Đang sao lưu dữ liệu…"),
        task,
        done=finished,
        failed=failed,
        can_cancel=False,
    )


class BackupsPanel(QWidget):
    """The backups on this laptop, newest first, with Sao lưu ngay and the two ways to restore."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = paths.backup_dir(ctx.data_dir) if ctx.data_dir else None
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Thời điểm"), self.tr("Loại"), self.tr("Dung lượng"), self.tr("Tệp")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table_label = QLabel(self.tr("&Các bản sao lưu trên máy này (mới nhất ở trên):"))
        table_label.setBuddy(self.table)

        self.backup_button = QPushButton(self.tr("Sao lưu &ngay"))
        self.backup_button.setToolTip(self.tr("Chép toàn bộ dữ liệu vào thư mục sao lưu"))
        self.restore_button = QPushButton(self.tr("Khôi phục &bản đang chọn…"))
        self.restore_button.setToolTip(self.tr("Thay dữ liệu hiện tại bằng bản sao lưu đang chọn (Enter)"))
        self.restore_file_button = QPushButton(self.tr("Khôi phục từ tệp &khác…"))
        self.restore_file_button.setToolTip(self.tr("Chọn một tệp sao lưu .sqlite3, ví dụ trên USB"))
        self.open_button = QPushButton(self.tr("Mở thư mục sa&o lưu"))
        self.count_label = QLabel()
        for button in (self.backup_button, self.restore_button, self.restore_file_button, self.open_button):
            button.setEnabled(self.folder is not None)

        box = QGroupBox(self.tr("Sao lưu"))
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.restore_file_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = hint_label(
            self.tr(
                "Phần mềm tự sao lưu khi mở (nhiều nhất một bản mỗi 12 giờ, giữ 10 bản tự động gần nhất). "
                "Khi khôi phục, dữ liệu hiện tại được giữ lại thành một bản “Trước khi khôi phục”, "
                "nên luôn có thể quay lại. Nên chép thư mục sao lưu ra USB định kỳ."
            )
        )
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(buttons)
        box_layout.addWidget(table_label)
        box_layout.addWidget(self.table, 1)
        box_layout.addWidget(self.count_label)
        box_layout.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addWidget(box)

        self.backup_button.clicked.connect(lambda: backup_now(self.ctx, self, lambda _path: self.refresh()))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.open_button.clicked.connect(self.open_folder)
        self.table.activated.connect(lambda _index: self.restore_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        # Automatic backups and ones made from the menu appear without asking.
        self.watcher = QFileSystemWatcher(self)
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.watcher.addPath(str(self.folder))
        self.watcher.directoryChanged.connect(lambda _path: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """List the backups again (a folder listing: quick)."""
        selected = self.selected_path()
        found = list_backups(self.folder) if self.folder is not None else []
        self.table.setRowCount(len(found))
        for row, backup in enumerate(found):
            when = QTableWidgetItem(backup.made_at.astimezone().strftime("%d/%m/%Y %H:%M"))
            when.setData(PATH_ROLE, str(backup.path))
            size = QTableWidgetItem(size_text(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name = QTableWidgetItem(backup.path.name)
            name.setToolTip(str(backup.path))
            for column, item in enumerate((when, QTableWidgetItem(kind_label(backup)), size, name)):
                self.table.setItem(row, column, item)
            if selected is not None and backup.path == selected:
                self.table.selectRow(row)
        self.count_label.setText(
            self.tr("{count} bản sao lưu").format(count=len(found)) if found else self.tr("Chưa có bản sao lưu nào.")
        )
        self._update_buttons()

    def selected_path(self) -> Path | None:
        """The backup file of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.folder is not None and self.selected_path() is not None)

    def open_folder(self) -> bool:
        """Show the backup folder in the file manager."""
        return self.folder is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def restore_selected(self) -> None:
        """Restore the selected backup, after confirming."""
        path = self.selected_path()
        if path is not None:
            self.restore_from(path)

    def restore_from_file(self) -> None:
        """Choose any backup file (from a USB stick, another folder) and restore it."""
        start = str(self.folder or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn bản sao lưu"), start, self.tr("Bản sao lưu Tổ Số (*.sqlite3);;Mọi tệp (*)")
        )
        if path:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> None:
        """Read what the backup holds, ask, then restore it in the background."""
        self.ctx.reader.submit(
            lambda _store, _job: backup_summary(path),
            done=lambda summary: self._confirm_restore(path, summary),
            failed=self._restore_failed,
        )

    def describe(self, summary: BackupSummary) -> str:
        """What a backup holds, in one sentence (with a warning when it belongs to another commune)."""
        counts = summary.counts
        text = self.tr(
            "Bản sao lưu có {villages} thôn, {teams} tổ, {people} thành viên và {sessions} buổi hỗ trợ."
        ).format(**{key: f"{value:,}".replace(",", ".") for key, value in counts.items()})
        current = self.ctx.store.commune
        if summary.commune_code and (current is None or summary.commune_code != current.code):
            try:
                other = find_commune(summary.commune_code)
                unit = f"{unit_title(other)}, {other.province_full_name}"
            except KeyError:
                unit = summary.commune_code
            text += "\n\n" + self.tr("Chú ý: bản sao lưu này của {unit} (mã {code}), không phải xã đang dùng.").format(
                unit=unit, code=summary.commune_code
            )
        return text

    def _confirm_restore(self, path: Path, summary: BackupSummary) -> None:
        question = self.tr(
            "Khôi phục dữ liệu từ tệp “{name}”?\n\n{holds}\n\n"
            "Toàn bộ dữ liệu hiện tại sẽ được thay bằng dữ liệu của bản sao lưu. "
            "Dữ liệu hiện tại được giữ lại thành một bản sao lưu “Trước khi khôi phục”."
        ).format(name=path.name, holds=self.describe(summary))
        if not messages.confirm(self, self.tr("Khôi phục dữ liệu"), question, self.tr("Khôi phục")):
            return
        assert self.folder is not None
        folder = self.folder

        def task(store: Store, _job: Job) -> Path:
            return restore_into_open_store(store, path, folder)

        run_with_progress(
            self.ctx.writer,
            self,
            self.tr("Đang khôi phục dữ liệu…"),
            task,
            done=lambda safety: self._restored(path, safety),
            failed=self._restore_failed,
            can_cancel=False,
        )

    def _restored(self, path: Path, safety: Any) -> None:
        ctx = self.ctx
        ctx.store.reload()  # this connection cached the commune and author of the data it had
        ctx.reader.submit(lambda store, _job: store.reload())
        ctx.undo.clear()  # undo steps refer to changes the restored data never had
        ctx.hub.data_changed.emit(ALL_TYPES)
        ctx.hub.settings_changed.emit()
        self.refresh()
        messages.info(
            self,
            self.tr("Đã khôi phục"),
            self.tr("Đã khôi phục dữ liệu từ “{name}”.\nDữ liệu trước khi khôi phục được giữ tại:\n{safety}").format(
                name=path.name, safety=safety
            ),
        )

    def _restore_failed(self, error: BaseException) -> None:
        text = (
            str(error) if isinstance(error, BackupError) else self.tr("Lỗi không mong đợi: {error}").format(error=error)
        )
        messages.error(self, self.tr("Không khôi phục được"), text)
