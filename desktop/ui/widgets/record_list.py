"""A list of records with its tool bar: search as you type, add, edit, delete, history, export — all by keyboard too."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.store.export import write_table
from desktop.ui.context import AppContext
from desktop.ui.widgets import messages
from desktop.ui.widgets.rows import current_row_id, select_row_id

# A long name or note is elided (and shown whole in its tooltip) beyond this width.
MAX_COLUMN_WIDTH = 340
# Measured and painted widths differ by a pixel or two, and a clipped tone mark changes a word.
COLUMN_PADDING = 16


class RecordList(QWidget):
    """Tool bar, search box and table over a (proxy) model whose rows carry their record id in ID_ROLE."""

    add_requested = Signal()
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    history_requested = Signal(str)
    current_changed = Signal(str)  # "" when nothing is selected
    search_changed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        model: QAbstractItemModel,
        noun: str,
        parent: QWidget | None = None,
        *,
        count_text: Callable[[int], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.noun = noun  # what the rows are called in the count: "54 thành viên"
        # The count in words, with the plural the language needs: tr("%Ln thành viên", "", n) (English: 1 member).
        self.count_text = count_text
        self.export_title = noun
        self.export_rows: Callable[[], tuple[list[str], Iterable[Sequence[object]]]] | None = None

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = self._action(
            self.tr("Thêm"),
            [QKeySequence.StandardKey.New, QKeySequence("Ins")],
            self.add_requested.emit,
            self.tr("Thêm mới (Ctrl+N)"),
        )
        self.edit_action = self._action(
            self.tr("Sửa"), [QKeySequence("F2")], self._emit_edit, self.tr("Sửa dòng đang chọn (F2 hoặc Enter)")
        )
        self.delete_action = self._action(
            self.tr("Xóa"),
            [QKeySequence.StandardKey.Delete],
            self._emit_delete,
            self.tr("Xóa dòng đang chọn (Delete); có thể hoàn tác bằng Ctrl+Z"),
        )
        self.history_action = self._action(
            self.tr("Lịch sử"), [QKeySequence("Ctrl+H")], self._emit_history, self.tr("Ai đã sửa gì, khi nào (Ctrl+H)")
        )
        self.toolbar.addSeparator()
        self.export_action = self._action(
            self.tr("Xuất Excel"),
            [QKeySequence("Ctrl+E")],
            self.export,
            self.tr("Lưu danh sách đang hiển thị ra tệp .xlsx (Ctrl+E)"),
        )

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Tìm kiếm… (không cần gõ dấu)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.search_changed)

        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Compact rows show more on a 768-pixel screen and still leave room for stacked marks (Ễ, Ộ).
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.view.doubleClicked.connect(lambda _index: self._emit_edit())
        self.view.activated.connect(lambda _index: self._emit_edit())  # Enter on a row
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        top.addWidget(self.search_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self._connect_model()

    def _action(
        self, text: str, keys: list[QKeySequence | QKeySequence.StandardKey], slot: Callable[[], None], tip: str
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def _connect_model(self) -> None:
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self.update_count)
        self.model.rowsRemoved.connect(self.update_count)
        self.model.layoutChanged.connect(self.update_count)
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(self._current_row_changed)
        self._after_reset()

    def _after_reset(self) -> None:
        self.fit_columns()
        self.update_count()
        self._current_row_changed(self.view.currentIndex(), QModelIndex())

    def fit_columns(self) -> None:
        """Columns as wide as their contents (within limits), measured on the rows loaded so far."""
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            width = min(self.view.columnWidth(column) + COLUMN_PADDING, MAX_COLUMN_WIDTH)
            self.view.setColumnWidth(column, width)

    def update_count(self, *_args: object) -> None:
        """Say how many rows the list shows."""
        rows = self.model.rowCount()
        if self.count_text is not None:
            self.count_label.setText(self.count_text(rows))
            return
        self.count_label.setText(self.tr("{count} {noun}").format(count=f"{rows:,}".replace(",", "."), noun=self.noun))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.current_id()
        for action in (self.edit_action, self.delete_action, self.history_action):
            action.setEnabled(bool(record_id))
        self.current_changed.emit(record_id)

    def current_id(self) -> str:
        """The id of the selected record, or ""."""
        return current_row_id(self.view)

    def select_id(self, record_id: str) -> bool:
        """Select the row of a record, if the list shows it."""
        return select_row_id(self.view, record_id)

    def _emit_edit(self) -> None:
        if self.current_id():
            self.edit_requested.emit(self.current_id())

    def _emit_delete(self) -> None:
        if self.current_id():
            self.delete_requested.emit(self.current_id())

    def _emit_history(self) -> None:
        if self.current_id():
            self.history_requested.emit(self.current_id())

    def visible_rows(self) -> tuple[list[str], list[list[object]]]:
        """Headers and cells of what the table shows, in its order."""
        model = self.model
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        cells = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
        return headers, cells

    def export(self) -> None:
        """Ask for a file and write the list to it (off the GUI thread)."""
        default = str(Path.home() / f"{self.export_title}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất ra Excel"), default, self.tr("Tệp Excel (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        headers, rows = self.export_rows() if self.export_rows is not None else self.visible_rows()
        title = self.export_title

        def task(_store: object, _job: object) -> int:
            return write_table(Path(path), title, headers, rows)

        self.ctx.reader.submit(
            task,
            done=lambda count: self.ctx.hub.status_message.emit(
                self.tr("Đã xuất {count} dòng ra {path}").format(count=count, path=path)
            ),
            failed=lambda error: messages.error(self, self.tr("Không xuất được tệp Excel"), str(error)),
        )
