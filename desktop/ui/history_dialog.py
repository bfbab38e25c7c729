"""Who changed what and when, for any one record: the change log read back in words, newest first.

Every view's "Lịch sử" action (RecordList.history_requested, Ctrl+H) opens it the same way:

    from desktop.ui.history_dialog import HistoryDialog

    HistoryDialog(ctx, "teams", record_id, self).exec()

It works for every record type of sync.records and for deleted records too (their history stays). Each
change shows when it was made (local time, dd/MM/yyyy HH:mm), who made it (the author, and the device
when it is not this laptop) and what it did; beneath it each field changed, "old → new", as people read
the values (choice labels, dd/MM/yyyy dates, formatted phones, names instead of ids).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.describe import Namer, title
from desktop.store.store import Store
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.undo import DERIVED_FIELDS
from sync.records import record_type

CONTEXT = "HistoryDialog"
OPERATIONS = {
    "insert": QT_TRANSLATE_NOOP("HistoryDialog", "Tạo mới"),
    "update": QT_TRANSLATE_NOOP("HistoryDialog", "Sửa"),
    "delete": QT_TRANSLATE_NOOP("HistoryDialog", "Xóa"),
    "restore": QT_TRANSLATE_NOOP("HistoryDialog", "Khôi phục"),
}
ARROW = " → "
# A field's cell shows one line; a note of several lines is joined with this and shown whole in the tooltip.
LINE_JOIN = " / "


@dataclass(frozen=True)
class FieldChange:
    """One field of a change, in words: its label, the value before and after ("" for none)."""

    name: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a record, ready to show."""

    when: str  # local time, dd/MM/yyyy HH:mm
    author: str
    device: str  # "" when the change was made on this laptop
    op: str  # insert, update, delete, restore
    fields: list[FieldChange] = field(default_factory=list)


def local_time(changed_at: str) -> str:
    """A stored UTC timestamp as this computer's local time, dd/MM/yyyy HH:mm."""
    try:
        moment = datetime.fromisoformat(changed_at.replace("Z", "+00:00"))
    except ValueError:
        return changed_at
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def history_entries(store: Store, type_name: str, record_id: str, language: str = "vi") -> list[HistoryEntry]:
    """A record's changes, newest first, each field's values in words."""
    rtype = record_type(type_name)
    namer = Namer(store)
    entries = []
    for change in reversed(store.history(type_name, record_id)):
        changed = change["fields"]
        fields = []
        # In the form's order rather than the log's, so every entry reads the same way.
        for f in rtype.fields:
            if f.name not in changed or f.name in DERIVED_FIELDS or change["op"] in ("delete", "restore"):
                continue
            old, new = changed[f.name]
            label = f.en if language == "en" else f.vi
            fields.append(FieldChange(f.name, label, _words(namer, f, old, language), _words(namer, f, new, language)))
        device = change.get("device_id") or ""
        entries.append(
            HistoryEntry(
                when=local_time(change["changed_at"]),
                author=change.get("author") or "",
                device="" if device == store.device_id else device,
                op=change["op"],
                fields=fields,
            )
        )
    return entries


def _words(namer: Namer, f: Any, value: Any, language: str) -> str:
    shown = namer.cell(f, value, language)
    return "" if shown is None else str(shown)


class HistoryDialog(QDialog):
    """The change log of one record, newest first; each change unfolds into its fields, "old → new"."""

    def __init__(self, ctx: AppContext, type_name: str, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.type_name = type_name
        self.record_id = record_id
        rtype = record_type(type_name)
        record = ctx.store.get(type_name, record_id)
        name = title(type_name, record) if record else ""
        self.setWindowTitle(self.tr("Lịch sử thay đổi — {name}").format(name=name or i18n.label(rtype)))

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        if record is None:
            self.heading.setText(self.tr("Không tìm thấy bản ghi này."))
        elif record.get("deleted"):
            self.heading.setText(self.tr("{kind}: {name} (đã xóa)").format(kind=i18n.label(rtype), name=name))
        else:
            self.heading.setText(self.tr("{kind}: {name}").format(kind=i18n.label(rtype), name=name))

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Thay đổi"), self.tr("Trước → sau")])
        self.tree.setAccessibleName(self.tr("Các lần thay đổi"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")  # room for stacked marks: Ễ, Ộ
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)

        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(780, 520)  # fits a 1366×768 screen with room around it

        self.entries = history_entries(ctx.store, type_name, record_id, i18n.language())
        self._fill()
        self.tree.setFocus()

    def operation_text(self, op: str) -> str:
        """What a change did, in the interface language."""
        return QCoreApplication.translate(CONTEXT, str(OPERATIONS.get(op, op)))

    def who_text(self, entry: HistoryEntry) -> str:
        """The author, and the device when the change came from another computer."""
        author = entry.author or self.tr("không rõ người sửa")
        if not entry.device:
            return author
        return self.tr("{author} (trên máy khác, mã …{device})").format(author=author, device=entry.device[-6:])

    def change_text(self, change: FieldChange, op: str, line_join: str = LINE_JOIN) -> str:
        """A field's change as one line: "old → new"; a new record shows its value alone."""
        empty = self.tr("(trống)")
        new = change.new.replace("\n", line_join) or empty
        if op == "insert":
            return new
        return (change.old.replace("\n", line_join) or empty) + ARROW + new

    def _fill(self) -> None:
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for entry in self.entries:
            top = QTreeWidgetItem(
                [
                    self.tr("{when} — {operation} — {who}").format(
                        when=entry.when, operation=self.operation_text(entry.op), who=self.who_text(entry)
                    )
                ]
            )
            top.setFont(0, bold)
            top.setData(0, Qt.ItemDataRole.UserRole, entry.op)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for change in entry.fields:
                child = QTreeWidgetItem([change.label, self.change_text(change, entry.op)])
                child.setData(0, Qt.ItemDataRole.UserRole, change.name)
                child.setToolTip(1, self.change_text(change, entry.op, "\n"))
                top.addChild(child)
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(max(self.tree.columnWidth(0), 160), 220))
        if self.entries:
            self.tree.setCurrentIndex(self.tree.model().index(0, 0))
            self.summary.setText(self.tr("{count} lần thay đổi, mới nhất ở trên cùng.").format(count=len(self.entries)))
        else:
            self.summary.setText(self.tr("Chưa có thay đổi nào được ghi lại."))
