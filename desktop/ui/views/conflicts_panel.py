"""Cần xem lại: values another laptop overwrote, side by side, each kept again with one click or dismissed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store import conflicts
from desktop.store.conflicts import Conflict
from desktop.store.describe import Namer, title
from desktop.store.store import StoreError
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.undo import run_undoable
from desktop.ui.widgets.hint import hint_label
from desktop.ui.widgets.messages import error as show_error
from sync.records import RecordInvalid, record_type

RECORD, FIELD, LOST, WON, ACTIONS = range(5)


def local_time(iso: str | None) -> str:
    """A stored UTC moment as this laptop's local dd/MM/yyyy HH:mm ("" for none)."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


class ConflictsPanel(QGroupBox):
    """The unresolved conflicts of the commune, as the last sync brought them down."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cần xem lại"), parent)
        self.ctx = ctx
        self.conflicts: list[Conflict] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Bản ghi"),
                self.tr("Thông tin"),
                self.tr("Giá trị bị ghi đè"),
                self.tr("Giá trị đang dùng"),
                self.tr("Xử lý"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (RECORD, LOST, WON):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (FIELD, ACTIONS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Các giá trị bị máy khác ghi đè khi đồng bộ"))
        self.empty_label = QLabel(self.tr("Không có gì cần xem lại."))
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Khi hai máy cùng sửa một thông tin, bản gửi lên máy chủ sau được giữ. "
                    "Giá trị bị ghi đè nằm ở đây: bấm “Giữ giá trị này” để dùng lại nó, hoặc “Bỏ qua”."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self.reload()

    def reload(self) -> None:
        """Read the unresolved conflicts again (a short list: read on the GUI thread)."""
        self.conflicts = conflicts.open_conflicts(self.ctx.store)
        namer = Namer(self.ctx.store)
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            lost = self.tr("{value}\n— {who}, {when}").format(
                value=self.value_text(namer, conflict, conflict.lost_value),
                who=conflict.lost_by or self.tr("máy không rõ"),
                when=local_time(conflict.lost_at),
            )
            won = self.tr("{value}\n— {who}, {when}").format(
                value=self.value_text(namer, conflict, conflict.won_value),
                who=conflict.won_by or self.tr("máy không rõ"),
                when=local_time(conflict.won_at),
            )
            for column, text in (
                (RECORD, self.record_text(conflict)),
                (FIELD, self.field_text(conflict)),
                (LOST, lost),
                (WON, won),
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, ACTIONS, self._actions(conflict))
        self.table.resizeRowsToContents()
        for row in range(self.table.rowCount()):
            # Two lines of text may still be lower than the buttons, which would be cut off.
            cell = self.table.cellWidget(row, ACTIONS)
            self.table.setRowHeight(row, max(self.table.rowHeight(row), cell.sizeHint().height()))
        # An empty list takes no more room than its note; a full one takes what the view can give.
        grow = QSizePolicy.Policy.Expanding if self.conflicts else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, grow)
        self.empty_label.setVisible(not self.conflicts)
        self.table.setVisible(bool(self.conflicts))

    def _actions(self, conflict: Conflict) -> QWidget:
        cell = QWidget()
        layout = QHBoxLayout(cell)
        layout.setContentsMargins(2, 2, 2, 2)
        keep = QPushButton(self.tr("Giữ giá trị này"))
        keep.setToolTip(self.tr("Dùng lại giá trị bị ghi đè (một thay đổi mới, có thể hoàn tác)"))
        keep.clicked.connect(lambda _checked=False, c=conflict: self.keep(c))
        dismiss = QPushButton(self.tr("Bỏ qua"))
        dismiss.setToolTip(self.tr("Giữ giá trị đang dùng và bỏ mục này khỏi danh sách"))
        dismiss.clicked.connect(lambda _checked=False, c=conflict: self.dismiss(c))
        layout.addWidget(keep)
        layout.addWidget(dismiss)
        return cell

    def record_text(self, conflict: Conflict) -> str:
        """The record's title, with its type."""
        try:
            kind = i18n.label(record_type(conflict.record_type))
        except KeyError:
            return conflict.record_id
        record = self.ctx.store.get(conflict.record_type, conflict.record_id)
        name = title(conflict.record_type, record) if record else self.tr("(không có trên máy này)")
        return f"{kind}: {name}"

    def field_text(self, conflict: Conflict) -> str:
        """The field's label in the language in use."""
        if conflict.field == conflicts.DELETED:
            return self.tr("Xóa/khôi phục")
        try:
            return i18n.label(record_type(conflict.record_type).field(conflict.field))
        except KeyError:
            return conflict.field

    def value_text(self, namer: Namer, conflict: Conflict, value: Any) -> str:
        """A value as people read it: names for ids, labels for choices, dd/MM/yyyy for dates."""
        if conflict.field == conflicts.DELETED:
            return self.tr("Đã xóa") if value else self.tr("Đang dùng")
        try:
            shown = namer.cell(record_type(conflict.record_type).field(conflict.field), value, i18n.language())
        except KeyError:
            shown = value
        return self.tr("(để trống)") if shown is None or shown == "" else str(shown)

    def keep(self, conflict: Conflict) -> None:
        """Write the overwritten value back as a new, undoable edit, and take the conflict off the list."""
        try:
            run_undoable(
                self.ctx.undo,
                self.ctx.store,
                self.ctx.hub,
                self.tr("Giữ giá trị bị ghi đè"),
                lambda store: conflicts.keep_lost_value(store, conflict),
            )
        except (StoreError, RecordInvalid) as failure:
            show_error(self, self.tr("Không giữ được giá trị này"), i18n.message(failure))
        self.reload()

    def dismiss(self, conflict: Conflict) -> None:
        """Keep the value in use and take the conflict off the list."""
        conflicts.resolve(self.ctx.store, conflict.id)
        self.reload()
