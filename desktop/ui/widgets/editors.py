"""One input widget per field kind, each read and written through the same small interface."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from desktop.ui import i18n
from sync.dates import iso_date
from sync.phones import format_phone
from sync.records import Field, Kind

EMPTY_DATE = QDate(1900, 1, 1)  # QDateEdit cannot be empty; its minimum stands for "no date"


class Editor(QObject):
    """A field's input: widget, value() in the form clean_values accepts, set_value() from a stored value."""

    changed = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class LineEditor(Editor):
    """Text, names, numbers, phones, times: typed as text, cleaned by the record rules."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        edit = QLineEdit(parent)
        super().__init__(edit)
        self.edit = edit
        self.kind = field.kind
        if field.kind in (Kind.INT, Kind.YEAR):
            edit.setValidator(QIntValidator(0, 10_000_000, edit))
        if field.kind is Kind.TIME:
            edit.setPlaceholderText("hh:mm")
            edit.setInputMask("")
        edit.textChanged.connect(self.changed)

    def value(self) -> Any:
        text = self.edit.text().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        if value is None:
            self.edit.setText("")
        elif self.kind is Kind.PHONE:
            self.edit.setText(format_phone(str(value)))
        else:
            self.edit.setText(str(value))


class TextEditor(Editor):
    """Notes over several lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
        edit.setFixedHeight(edit.fontMetrics().height() * 4 + 12)
        super().__init__(edit)
        self.edit = edit
        edit.textChanged.connect(self.changed)

    def value(self) -> Any:
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(str(value or ""))


class DateEditor(Editor):
    """A date picked or typed as dd/MM/yyyy; may be left empty unless the field is required."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        edit = QDateEdit(parent)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(EMPTY_DATE)
        edit.setSpecialValueText(" ")  # the minimum date shows as blank
        super().__init__(edit)
        self.edit = edit
        self.required = field.required
        edit.dateChanged.connect(self.changed)

    def value(self) -> Any:
        date = self.edit.date()
        return None if date == EMPTY_DATE else iso_date(date.toPython())

    def set_value(self, value: Any) -> None:
        if value:
            self.edit.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
        else:
            self.edit.setDate(QDate.currentDate() if self.required else EMPTY_DATE)


class ChoiceEditor(Editor):
    """A fixed list (choice fields) or a list of records (references): shows labels, keeps values."""

    def __init__(self, items: list[tuple[str, str]], *, allow_empty: bool, parent: QWidget | None = None) -> None:
        combo = QComboBox(parent)
        super().__init__(combo)
        self.combo = combo
        self.allow_empty = allow_empty
        self.set_items(items)
        combo.currentIndexChanged.connect(self.changed)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """Replace the list, keeping the current value when it is still there."""
        current = self.value()
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.allow_empty:
            self.combo.addItem("", None)
        for value, text in items:
            self.combo.addItem(text, value)
        if len(items) > 15:
            # Long lists (people, teams) are searched by typing, diacritics and all.
            self.combo.setEditable(True)
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.combo.completer() or QCompleter(self.combo.model(), self.combo)
            completer.setFilterMode(completer.filterMode().MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index if index >= 0 else 0)


def make_editor(
    field: Field, parent: QWidget | None = None, ref_items: Callable[[str], list[tuple[str, str]]] | None = None
) -> Editor:
    """The editor for a field; references need ref_items(target_type) -> [(id, title)]."""
    if field.kind is Kind.MULTILINE:
        return TextEditor(parent)
    if field.kind is Kind.DATE:
        return DateEditor(field, parent)
    if field.kind is Kind.CHOICE:
        items = [(choice.value, i18n.label(choice)) for choice in field.choices]
        return ChoiceEditor(items, allow_empty=not field.required, parent=parent)
    if field.kind is Kind.REF:
        if ref_items is None or field.ref is None:
            raise ValueError(f"{field.name} needs ref_items")
        return ChoiceEditor(ref_items(field.ref), allow_empty=not field.required, parent=parent)
    if field.kind in (Kind.ID_LIST, Kind.TEXT_LIST, Kind.COUNTS, Kind.JSON):
        raise ValueError(f"{field.name}: a list field needs an editor of its own")
    return LineEditor(field, parent)
