"""The commune's officials (chairman, vice-chairman, digital officer): one form for set-up and Settings."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.store import settings
from desktop.store.commune_setup import NAME_SETTINGS, OFFICIAL_SETTINGS, tidy_official
from desktop.store.store import Store
from desktop.ui.widgets.record_form import ERROR_STYLE, INVALID_STYLE
from sync.text import capitalize_name

# Letters, spaces and the marks names really contain ("H'Hen Niê", "Nguyễn-Trần"); anything else is a typo.
_NAME_MARKS = set(" '’-.")


def name_problem(text: str) -> bool:
    """True when a name holds a digit or a symbol no person's name has."""
    return any(not (ch.isalpha() or ch in _NAME_MARKS) for ch in text)


class OfficialsForm(QWidget):
    """Names and titles of the officials who sign and answer for the teams; names are capitalised as typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chairman_name = self._name_edit(self.tr("Ví dụ: Hoàng Văn Thắng"))
        self.chairman_title = QComboBox()
        self.chairman_title.addItem(self.tr("Chủ tịch"), "Chủ tịch")
        self.chairman_title.addItem(self.tr("Phó Chủ tịch"), "Phó Chủ tịch")
        self.chairman_title.setToolTip(self.tr("Khi chưa có Chủ tịch, chọn Phó Chủ tịch phụ trách"))
        self.vice_chairman_name = self._name_edit(self.tr("Ví dụ: Lục Thị Hà"))
        self.officer_name = self._name_edit(self.tr("Ví dụ: Nông Văn Hùng"))
        self.officer_title = QComboBox()
        self.officer_title.setEditable(True)
        for title in (
            "Công chức Văn hóa - Xã hội",
            "Công chức Văn phòng - Thống kê",
            "Phó Chủ tịch",
            "Chuyên viên",
        ):
            self.officer_title.addItem(title)
        self.edits: dict[str, QLineEdit | QComboBox] = {
            settings.CHAIRMAN_NAME.key: self.chairman_name,
            settings.CHAIRMAN_TITLE.key: self.chairman_title,
            settings.VICE_CHAIRMAN_NAME.key: self.vice_chairman_name,
            settings.DIGITAL_OFFICER_NAME.key: self.officer_name,
            settings.DIGITAL_OFFICER_TITLE.key: self.officer_title,
        }
        self.errors: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            (settings.CHAIRMAN_NAME, self.tr("&Chủ tịch UBND xã:")),
            (settings.CHAIRMAN_TITLE, self.tr("Chức &danh người ký:")),
            (settings.VICE_CHAIRMAN_NAME, self.tr("&Phó Chủ tịch UBND xã:")),
            (settings.DIGITAL_OFFICER_NAME, self.tr("Cán bộ phụ t&rách chuyển đổi số:")),
            (settings.DIGITAL_OFFICER_TITLE, self.tr("Chức &vụ của cán bộ phụ trách:")),
        )
        for setting, caption in rows:
            widget = self.edits[setting.key]
            label = QLabel(caption)
            label.setBuddy(widget)
            if setting in NAME_SETTINGS:
                error = QLabel()
                error.setStyleSheet(ERROR_STYLE)
                error.hide()
                self.errors[setting.key] = error
                cell = QWidget()
                cell_layout = QVBoxLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.setSpacing(2)
                cell_layout.addWidget(widget)
                cell_layout.addWidget(error)
                layout.addRow(label, cell)
            else:
                layout.addRow(label, widget)
        self.chairman_title.currentIndexChanged.connect(self.changed)
        self.officer_title.currentTextChanged.connect(self.changed)
        self.set_values({})

    def _name_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(80)
        edit.textEdited.connect(lambda _text: self.validate())
        edit.textChanged.connect(self.changed)
        edit.editingFinished.connect(lambda: edit.setText(capitalize_name(edit.text())))
        return edit

    def set_values(self, values: dict[str, str]) -> None:
        """Show stored values (missing keys take their defaults)."""
        for setting in OFFICIAL_SETTINGS:
            value = values.get(setting.key) or setting.default
            widget = self.edits[setting.key]
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif widget.isEditable():
                widget.setCurrentText(value)
            else:
                index = widget.findData(value)
                widget.setCurrentIndex(max(index, 0))
        self.validate()

    def load(self, store: Store) -> None:
        """Show the values kept in a store."""
        self.set_values({s.key: settings.get(store, s) for s in OFFICIAL_SETTINGS})

    def values(self) -> dict[str, str]:
        """Setting key -> value, tidied (names capitalised)."""
        result = {}
        for setting in OFFICIAL_SETTINGS:
            widget = self.edits[setting.key]
            if isinstance(widget, QLineEdit):
                text = widget.text()
            elif widget.isEditable():
                text = widget.currentText()
            else:
                text = str(widget.currentData())
            result[setting.key] = tidy_official(setting, text)
        return result

    def validate(self) -> bool:
        """Mark names holding digits or symbols; True when every name is acceptable."""
        ok = True
        for key, label in self.errors.items():
            edit = self.edits[key]
            assert isinstance(edit, QLineEdit)
            bad = name_problem(edit.text())
            label.setText(self.tr("Họ tên chỉ gồm chữ cái, không có số hay ký hiệu.") if bad else "")
            label.setVisible(bad)
            edit.setStyleSheet(INVALID_STYLE if bad else "")
            ok = ok and not bad
        return ok
