"""Add or edit one record in a dialog: the form stays open, with its problems marked, until the save succeeds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.store.store import StoreError
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.undo import run_undoable
from desktop.ui.widgets.editors import Editor
from desktop.ui.widgets.record_form import RecordForm
from sync.records import FieldError, RecordInvalid, record_type


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
        layout = QVBoxLayout(self)
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
