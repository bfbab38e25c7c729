"""Cài đặt: language, author, province server, data folder, officials, default legal bases, backups and
decision templates."""

from __future__ import annotations

import getpass

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.store import settings
from desktop.store.commune_setup import is_server_url
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.views.settings_backup import BackupsPanel, backup_now
from desktop.ui.views.settings_templates import DecisionTemplatesPanel
from desktop.ui.widgets import messages
from desktop.ui.widgets.hint import hint_label
from desktop.ui.widgets.officials_form import OfficialsForm
from desktop.ui.widgets.record_form import ERROR_STYLE, INVALID_STYLE

__all__ = ["SettingsView", "backup_now"]


def _save_row(button: QPushButton, status: QLabel) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addWidget(status, 1)
    return row


class GeneralPanel(QWidget):
    """Language, who the history names, the province server and where the data lives."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.language_combo = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(i18n.language()), 0))
        self.language_combo.setAccessibleName(self.tr("Ngôn ngữ giao diện"))
        language_box = QGroupBox(self.tr("Ngôn ngữ"))
        language_layout = QFormLayout(language_box)
        language_label = QLabel(self.tr("&Ngôn ngữ giao diện:"))
        language_label.setBuddy(self.language_combo)
        language_layout.addRow(language_label, self.language_combo)
        language_layout.addRow(
            hint_label(self.tr("Cửa sổ được dựng lại ngay bằng ngôn ngữ mới; dữ liệu không thay đổi."))
        )

        self.author_edit = QLineEdit()
        self.author_edit.setMaxLength(80)
        self.author_edit.setPlaceholderText(self._login())
        self.url_edit = QLineEdit()
        self.url_edit.setMaxLength(300)
        self.url_edit.setPlaceholderText(self.tr("Ví dụ: https://cds.langson.gov.vn"))
        self.url_error = QLabel()
        self.url_error.setStyleSheet(ERROR_STYLE)
        self.url_error.hide()
        self.save_button = QPushButton(self.tr("&Lưu"))
        self.save_button.setToolTip(self.tr("Lưu tên người ghi nhận và địa chỉ máy chủ (Ctrl+S)"))
        self.save_status = QLabel()

        author_box = QGroupBox(self.tr("Người ghi nhận thay đổi"))
        author_layout = QFormLayout(author_box)
        author_label = QLabel(self.tr("&Họ và tên:"))
        author_label.setBuddy(self.author_edit)
        author_layout.addRow(author_label, self.author_edit)
        author_layout.addRow(
            hint_label(
                self.tr(
                    "Tên này được ghi vào lịch sử của mỗi thay đổi (ai sửa gì, khi nào). "
                    "Bỏ trống thì dùng tên đăng nhập máy tính: {login}."
                ).format(login=self._login() or "—")
            )
        )
        server_box = QGroupBox(self.tr("Máy chủ tỉnh"))
        server_layout = QFormLayout(server_box)
        url_label = QLabel(self.tr("Địa chỉ &máy chủ:"))
        url_label.setBuddy(self.url_edit)
        url_cell = QWidget()
        url_cell_layout = QVBoxLayout(url_cell)
        url_cell_layout.setContentsMargins(0, 0, 0, 0)
        url_cell_layout.addWidget(self.url_edit)
        url_cell_layout.addWidget(self.url_error)
        server_layout.addRow(url_label, url_cell)
        server_layout.addRow(
            hint_label(self.tr("Do Sở hoặc Trung tâm chuyển đổi số của tỉnh cung cấp. Có thể bỏ trống."))
        )

        folder = str(ctx.data_dir or "")
        folder_box = QGroupBox(self.tr("Thư mục dữ liệu"))
        folder_layout = QVBoxLayout(folder_box)
        self.folder_label = QLabel(folder)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("Mở thư mục &dữ liệu"))
        self.open_folder_button.setEnabled(bool(ctx.data_dir))
        self.open_folder_button.clicked.connect(lambda: self.open_folder())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button)
        folder_layout.addLayout(folder_row)
        folder_layout.addWidget(
            hint_label(
                self.tr(
                    "Muốn dùng thư mục khác (ví dụ ổ D: hoặc USB), chạy “toso --data-dir D:\\ToSo” "
                    "hoặc đặt biến môi trường {env} rồi mở lại phần mềm. "
                    "Sao chép cả thư mục này là sao chép toàn bộ dữ liệu và các bản sao lưu."
                ).format(env=paths.DATA_DIR_ENV)
            )
        )

        columns = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(language_box)
        left.addWidget(author_box)
        left.addWidget(server_box)
        left.addLayout(_save_row(self.save_button, self.save_status))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(folder_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.language_combo.activated.connect(self._language_chosen)
        self.author_edit.textEdited.connect(self._edited)
        self.url_edit.textEdited.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.load()

    @staticmethod
    def _login() -> str:
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""

    def load(self) -> None:
        """Show the stored values."""
        self.author_edit.setText(settings.get(self.ctx.store, settings.AUTHOR))
        self.url_edit.setText(settings.get(self.ctx.store, settings.SERVER_URL))
        self._show_url_error(False)
        self.save_button.setEnabled(False)

    def _edited(self) -> None:
        self.save_button.setEnabled(True)
        self.save_status.clear()
        self._show_url_error(False)

    def _show_url_error(self, show: bool) -> None:
        self.url_error.setText(
            self.tr("Địa chỉ phải bắt đầu bằng http:// hoặc https://, ví dụ https://cds.langson.gov.vn") if show else ""
        )
        self.url_error.setVisible(show)
        self.url_edit.setStyleSheet(INVALID_STYLE if show else "")

    def _language_chosen(self, index: int) -> None:
        language = str(self.language_combo.itemData(index))
        if language != i18n.language():
            self.ctx.hub.language_changed.emit(language)  # the app keeps the choice and rebuilds the window

    def save(self) -> bool:
        """Keep the author name and server address; False (with the reason beside the field) when invalid."""
        url = self.url_edit.text().strip()
        if url and not is_server_url(url):
            self._show_url_error(True)
            self.url_edit.setFocus()
            return False
        settings.put(self.ctx.store, settings.AUTHOR, self.author_edit.text())
        settings.put(self.ctx.store, settings.SERVER_URL, url)
        refresh_workers(self.ctx)
        self.save_button.setEnabled(False)
        self.save_status.setText(self.tr("Đã lưu."))
        self.ctx.hub.settings_changed.emit()
        return True

    def open_folder(self) -> bool:
        """Show the data folder in the file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))


def refresh_workers(ctx: AppContext) -> None:
    """The workers keep their own store connection, with the author cached: let them read it again."""
    for worker in (ctx.writer, ctx.reader):
        worker.submit(lambda store, _job: store.reload())


class OfficialsPanel(QWidget):
    """The commune's officials, as the decisions and reports name them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        box = QGroupBox(self.tr("Cán bộ của xã"))
        self.form = OfficialsForm()
        self.save_button = QPushButton(self.tr("&Lưu"))
        self.save_button.setToolTip(self.tr("Lưu thông tin cán bộ (Ctrl+S)"))
        self.save_status = QLabel()
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(hint_label(self.tr("Dùng để điền người ký quyết định thành lập tổ và người lập báo cáo.")))
        box_layout.addWidget(self.form)
        box_layout.addLayout(_save_row(self.save_button, self.save_status))
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        self.form.changed.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.load()

    def load(self) -> None:
        """Show the stored officials."""
        self.form.load(self.ctx.store)
        self.save_button.setEnabled(False)

    def _edited(self) -> None:
        self.save_button.setEnabled(True)
        self.save_status.clear()

    def save(self) -> bool:
        """Keep the officials; False when a name is marked invalid."""
        if not self.form.validate():
            return False
        values = self.form.values()
        with self.ctx.store.transaction():
            for key, value in values.items():
                settings.put(self.ctx.store, settings.Setting(key), value)
        self.form.set_values(values)  # shows the names as kept (capitalised)
        self.save_button.setEnabled(False)
        self.save_status.setText(self.tr("Đã lưu."))
        self.ctx.hub.settings_changed.emit()
        return True


class LegalBasesPanel(QWidget):
    """The legal bases a new decision starts with: one paragraph per item, in order."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Các căn cứ pháp lý"))
        # Room above each paragraph: a capital's hook or tone (Ủ, Ấ) is clipped by a tight row.
        self.list.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(self.editor.fontMetrics().height() * 5 + 16)
        editor_label = QLabel(self.tr("&Nội dung căn cứ đang chọn:"))
        editor_label.setBuddy(self.editor)
        list_label = QLabel(self.tr("&Căn cứ pháp lý mặc định của quyết định mới:"))
        list_label.setBuddy(self.list)

        self.add_button = QPushButton(self.tr("Thêm"))
        self.add_button.setToolTip(self.tr("Thêm một căn cứ (Ctrl+N)"))
        self.remove_button = QPushButton(self.tr("Xóa"))
        self.remove_button.setToolTip(self.tr("Xóa căn cứ đang chọn (Ctrl+Delete)"))
        self.up_button = QPushButton(self.tr("Lên"))
        self.up_button.setToolTip(self.tr("Chuyển lên trên (Alt+Mũi tên lên)"))
        self.down_button = QPushButton(self.tr("Xuống"))
        self.down_button.setToolTip(self.tr("Chuyển xuống dưới (Alt+Mũi tên xuống)"))
        self.reset_button = QPushButton(self.tr("Khôi phục &mặc định"))
        self.save_button = QPushButton(self.tr("&Lưu"))
        self.save_button.setToolTip(self.tr("Lưu danh sách căn cứ (Ctrl+S)"))
        self.save_status = QLabel()
        for button, keys, slot in (
            (self.add_button, "Ctrl+N", self.add_item),
            (self.remove_button, "Ctrl+Del", self.remove_item),
            (self.up_button, "Alt+Up", lambda: self.move_item(-1)),
            (self.down_button, "Alt+Down", lambda: self.move_item(1)),
        ):
            button.clicked.connect(slot)
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.reset_button.clicked.connect(self.reset_defaults)
        self.save_button.clicked.connect(self.save)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list, 1)
        list_row.addLayout(buttons)
        bottom = _save_row(self.save_button, self.save_status)
        bottom.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(list_label)
        layout.addLayout(list_row, 1)
        layout.addWidget(editor_label)
        layout.addWidget(self.editor)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Mỗi căn cứ là một đoạn, kết thúc bằng dấu “;” (căn cứ cuối cùng bằng dấu “.”). "
                    "“{year}” được thay bằng năm ban hành quyết định."
                )
            )
        )
        layout.addLayout(bottom)
        self.list.currentRowChanged.connect(self._show_current)
        self.editor.textChanged.connect(self._editor_changed)
        self.load()

    def load(self) -> None:
        """Show the stored paragraphs."""
        self._fill(settings.legal_bases(self.ctx.store))
        self.save_button.setEnabled(False)

    def _fill(self, paragraphs: list[str]) -> None:
        self.list.clear()
        for text in paragraphs:
            self.list.addItem(QListWidgetItem(text))
        self.list.setCurrentRow(0 if paragraphs else -1)
        self._show_current(self.list.currentRow())

    def paragraphs(self) -> list[str]:
        """The paragraphs as listed."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _show_current(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        self.editor.blockSignals(True)
        self.editor.setPlainText(item.text() if item is not None else "")
        self.editor.blockSignals(False)
        self.editor.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None)
        self.up_button.setEnabled(item is not None and row > 0)
        self.down_button.setEnabled(item is not None and row < self.list.count() - 1)

    def _editor_changed(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            item.setText(" ".join(self.editor.toPlainText().split()))  # one paragraph: line breaks are spaces
            self._edited()

    def _edited(self) -> None:
        self.save_button.setEnabled(True)
        self.save_status.clear()

    def add_item(self) -> None:
        """Add an empty paragraph after the current one and start typing it."""
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        # Data, not interface: a legal basis is printed in Vietnamese whatever the interface language.
        self.list.insertItem(row, QListWidgetItem("Căn cứ "))
        self.list.setCurrentRow(row)
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self._edited()

    def remove_item(self) -> None:
        """Remove the current paragraph."""
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._show_current(self.list.currentRow())
            self._edited()

    def move_item(self, step: int) -> None:
        """Move the current paragraph up (-1) or down (+1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._edited()

    def save(self) -> None:
        """Keep the paragraphs (empty ones dropped)."""
        settings.put_legal_bases(self.ctx.store, self.paragraphs())
        self._fill(settings.legal_bases(self.ctx.store))
        self.save_button.setEnabled(False)
        self.save_status.setText(self.tr("Đã lưu."))
        self.ctx.hub.settings_changed.emit()

    def reset_defaults(self) -> None:
        """Bring back the paragraphs Tổ Số ships with, after asking."""
        if not messages.confirm(
            self,
            self.tr("Khôi phục mặc định"),
            self.tr("Thay danh sách căn cứ hiện tại bằng danh sách mặc định của Tổ Số?"),
            self.tr("Khôi phục"),
        ):
            return
        settings.put(self.ctx.store, settings.LEGAL_BASES, "")  # the empty value brings the default back
        self.load()
        self.save_status.setText(self.tr("Đã khôi phục danh sách mặc định."))
        self.ctx.hub.settings_changed.emit()


class SettingsView(QWidget):
    """Five tabs: Chung, Cán bộ của xã, Căn cứ pháp lý, Sao lưu, Mẫu quyết định (Ctrl+Tab moves between them)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.general = GeneralPanel(ctx)
        self.officials = OfficialsPanel(ctx)
        self.legal = LegalBasesPanel(ctx)
        self.backups = BackupsPanel(ctx)
        self.templates = DecisionTemplatesPanel(ctx)
        self.tabs = QTabWidget()
        for panel, title in (
            (self.general, self.tr("Chung")),
            (self.officials, self.tr("Cán bộ của xã")),
            (self.legal, self.tr("Căn cứ pháp lý")),
            (self.backups, self.tr("Sao lưu")),
            (self.templates, self.tr("Mẫu quyết định")),
        ):
            scroll = QScrollArea()  # a small screen or large fonts scroll rather than cut
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own: its fields are
            scroll.setWidget(panel)
            self.tabs.addTab(scroll, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        save = QShortcut(QKeySequence.StandardKey.Save, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_current)
        ctx.hub.settings_changed.connect(self._settings_changed)

    def _save_current(self) -> None:
        panel = (self.general, self.officials, self.legal, self.backups, self.templates)[self.tabs.currentIndex()]
        save_button = getattr(panel, "save_button", None)
        if save_button is not None and save_button.isEnabled():
            save_button.click()

    def _settings_changed(self) -> None:
        # A restore (or another window) changed the stored values; panels with nothing unsaved show them.
        for panel in (self.general, self.officials, self.legal, self.templates):
            if not panel.save_button.isEnabled():
                panel.load()
