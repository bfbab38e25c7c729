"""A search box over a short list (provinces, communes): typing filters, arrow keys move in the list meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.hint import hint_label

_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class FilteredList(QWidget):
    """A search box over a list: typing filters (diacritics optional), arrow keys move in the list meanwhile."""

    chosen = Signal(str)  # the code of the current item, "" when none
    return_pressed = Signal()

    def __init__(self, caption: str, placeholder: str, *, consume_return: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.consume_return = consume_return  # False: Enter also reaches the wizard (Tiếp theo)
        self.caption = QLabel(caption)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(placeholder)
        self.search_edit.setClearButtonEnabled(True)
        self.caption.setBuddy(self.search_edit)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hint = hint_label("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.search_edit.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.currentRowChanged.connect(lambda _row: self.chosen.emit(self.current_code()))

    def set_items(self, items: list[tuple[str, str]], empty_hint: str) -> None:
        """Show (code, text) items; the first becomes current, so Enter takes the best match."""
        self.list.blockSignals(True)
        self.list.clear()
        for code, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if items:
            self.list.setCurrentRow(0)
        self.hint.setText("" if items else empty_hint)
        self.chosen.emit(self.current_code())

    def current_code(self) -> str:
        """The code of the current item, or ""."""
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select_code(self, code: str) -> None:
        """Make the item with this code current (if shown)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.list.setCurrentRow(row)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.search_edit and event.key() in _NAVIGATION_KEYS:
            QApplication.sendEvent(self.list, QKeyEvent(event))
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.return_pressed.emit()
            return self.consume_return  # unconsumed, Enter reaches the wizard: Tiếp theo
        return super().eventFilter(watched, event)
