"""Small shared pieces of the views: a detail panel's heading, and finding a record's row in a table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QLabel

from desktop.ui.models import ID_ROLE


def heading_label(text: str = "") -> QLabel:
    """A detail panel's title: bold, a third larger than the text, wrapping."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def current_row_id(view: QAbstractItemView) -> str:
    """The record id (ID_ROLE of column 0) of the view's current row, or ""."""
    index = view.currentIndex()
    return str(index.siblingAtColumn(0).data(ID_ROLE) or "") if index.isValid() else ""


def select_row_id(view: QAbstractItemView, record_id: str) -> bool:
    """Make the row showing a record current and selected, and scroll to it; False when no row shows it."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ID_ROLE) == record_id:
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            view.scrollTo(index)
            return True
    return False
