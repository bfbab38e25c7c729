"""Add or edit one record in a dialog: the form stays open, with its problems marked, until the save succeeds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.store.record_sync import rejection_reason
from desktop.store.store import Store, StoreError
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.undo import run_undoable
from desktop.ui.widgets.editors import Editor
from desktop.ui.widgets.record_form import RecordForm
from sync.records import FieldError, RecordInvalid, record_type

REJECTION_STYLE = "QLabel { color: #b00020; background: #fdecee; border: 1px solid #e8a0a8; padding: 6px; }"


def rejection_text(store: Store, type_name: str, record_id: str | None) -> str:
    """What to tell the official when the server refused a record's latest change ("" when it did not)."""
    reason = rejection_reason(store.db, type_name, record_id) if record_id else None
    if reason is None:
        return ""
    if not reason:
        return QCoreApplication.translate(
            "RecordDialog", "Máy chủ tỉnh từ chối thay đổi gần nhất. Hãy sửa rồi lưu lại để gửi lại."
        )
    return QCoreApplication.translate(
        "RecordDialog", "Máy chủ tỉnh từ chối thay đổi gần nhất: {reason} Hãy sửa rồi lưu lại để gửi lại."
    ).format(reason=reason if reason.rstrip().endswith((".", "!", "?")) else reason.rstrip() + ".")


def rejection_label() -> QLabel:
    """The line above a form that says why the server refused the record (hidden until there is a reason)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(REJECTION_STYLE)
    label.setAccessibleName(QCoreApplication.translate("RecordDialog", "Lý do máy chủ tỉnh từ chối"))
    label.hide()
    return label


def show_rejection(label: QLabel, store: Store, type_name: str, record_id: str | None) -> None:
    """Fill (or hide) a rejection line for a record."""
    text = rejection_text(store, type_name, record_id)
    label.setText(text)
    label.setVisible(bool(text))


class RecordDialog(QDialog):
    """A record's form with Lưu / Hủy; saving is one undoable step."""

    def __init__(
        self,
        ctx: AppContext,
        type_name: str,
        field_names: Sequence[str],
        record: dict[str, Any] | None = None,
        *,
        defaults: dict[str, Any] | None = None,
        ref_items: Callable[[str], list[tuple[str, str]]] | None = None,
        custom: dict[str, Editor] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.type_name = type_name
        self.record = record
        self.saved: dict[str, Any] | None = None
        noun = i18n.label(record_type(type_name)).lower()
        title = self.tr("Sửa {noun}") if record else self.tr("Thêm {noun}")
        self.setWindowTitle(title.format(noun=noun))
        self.form = RecordForm(type_name, field_names, ref_items=ref_items, custom=custom, parent=self)
        self.form.set_record(record, defaults)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.rejection = rejection_label()
        show_rejection(self.rejection, ctx.store, type_name, (record or {}).get("id"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.rejection)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        """Save; on a problem, show it beside its field and stay open."""
        values = self.form.values()
        record = self.record
        if record is None:
            text = self.tr("Thêm {title}").format(title=self._describe(values))

            def operation(store: Any) -> dict[str, Any]:
                return store.insert(self.type_name, values)
        else:
            text = self.tr("Sửa {title}").format(title=self._describe(values))

            def operation(store: Any) -> dict[str, Any]:
                return store.update(self.type_name, record["id"], values)

        try:
            self.saved = run_undoable(self.ctx.undo, self.ctx.store, self.ctx.hub, text, operation)
        except RecordInvalid as error:
            self.form.show_errors(error.errors)
            return
        except StoreError as error:
            self.form.show_errors([FieldError("", error.vi, error.en)])
            return
        super().accept()

    def _describe(self, values: dict[str, Any]) -> str:
        return str(values.get("full_name") or values.get("name") or i18n.label(record_type(self.type_name)).lower())
