"""A form for one record, built from its record type: labelled inputs with their problems shown inline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui import i18n
from desktop.ui.widgets.editors import Editor, make_editor
from sync.records import FieldError, record_type

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 1px solid #b00020;"


class RecordForm(QWidget):
    """Inputs for the chosen fields of one record type; values() feeds Store.insert/update directly."""

    edited = Signal()

    def __init__(
        self,
        type_name: str,
        field_names: Sequence[str],
        *,
        ref_items: Callable[[str], list[tuple[str, str]]] | None = None,
        custom: dict[str, Editor] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.type_name = type_name
        rtype = record_type(type_name)
        self.editors: dict[str, Editor] = {}
        self._errors: dict[str, QLabel] = {}
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in field_names:
            field = rtype.field(name)
            editor = (custom or {}).get(name) or make_editor(field, self, ref_items)
            editor.changed.connect(self.edited)
            self.editors[name] = editor
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self._errors[name] = error
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(editor.widget)
            cell_layout.addWidget(error)
            text = i18n.label(field) + (" *" if field.required else "")
            caption = QLabel(text)
            caption.setBuddy(editor.widget)
            layout.addRow(caption, cell)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(layout)
        outer.addWidget(self.general_error)

    def set_record(self, record: dict[str, Any] | None, defaults: dict[str, Any] | None = None) -> None:
        """Show a record's values (None: a new record, with defaults)."""
        source = record or {}
        rtype = record_type(self.type_name)
        for name, editor in self.editors.items():
            value = source.get(name) if record is not None else (defaults or {}).get(name, rtype.field(name).default)
            editor.set_value(value)
        self.clear_errors()

    def values(self) -> dict[str, Any]:
        """The values typed, as Store.insert/update take them."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """Mark every field with a problem and say what it is beneath it; others go at the bottom."""
        self.clear_errors()
        general = []
        for error in errors:
            label = self._errors.get(error.field)
            message = i18n.message(error)
            if label is None:
                general.append(message)
                continue
            label.setText(message)
            label.show()
            self.editors[error.field].widget.setStyleSheet(INVALID_STYLE)
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        first = next((e.field for e in errors if e.field in self.editors), None)
        if first is not None:
            self.editors[first].widget.setFocus()

    def clear_errors(self) -> None:
        """Remove every problem mark."""
        for name, label in self._errors.items():
            label.hide()
            self.editors[name].widget.setStyleSheet("")
        self.general_error.hide()
