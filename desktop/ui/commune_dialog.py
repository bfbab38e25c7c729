"""First start: choose the commune this laptop serves, and whether to fill it with demo data."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sync.units import Commune, find_commune, search_communes

RESULT_LIMIT = 50


def unit_title(commune: Commune) -> str:
    """The commune as a title starts: "Xã Tân Thành", "Phường Tam Thanh", "Đặc khu Phú Quốc"."""
    return commune.full_name[:1].upper() + commune.full_name[1:]


@dataclass(frozen=True)
class CommuneChoice:
    """What the user chose: the commune, and whether to create demo data in it."""

    commune: Commune
    create_demo: bool


class CommuneDialog(QDialog):
    """ "Thiết lập xã": search the 2025 list of communes, diacritics optional, and pick one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thiết lập xã"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "Chọn xã, phường hoặc đặc khu mà máy này phục vụ. Gõ tên xã, tên tỉnh hoặc mã đơn vị; không cần gõ dấu."
            )
        )
        intro.setWordWrap(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Ví dụ: tan thanh lang son"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.demo_check = QCheckBox(self.tr("Tạo dữ liệu mẫu để dùng thử"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        # Qt ships no Vietnamese translation of its own buttons, so ours are named here.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đồng ý"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.demo_check)
        layout.addWidget(self.buttons)

        self.search_edit.textChanged.connect(self._search)
        self.results.itemSelectionChanged.connect(self._update_ok)
        self.results.itemDoubleClicked.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._search("")

    def label(self, commune: Commune) -> str:
        """How a commune reads in the list: "Xã Tân Thành — tỉnh Lạng Sơn (mã 06445)"."""
        return self.tr("{unit} — {province} (mã {code})").format(
            unit=unit_title(commune), province=commune.province_full_name, code=commune.code
        )

    def _search(self, text: str) -> None:
        self.results.clear()
        found = search_communes(text, limit=RESULT_LIMIT) if text.strip() else []
        for commune in found:
            item = QListWidgetItem(self.label(commune))
            item.setData(Qt.ItemDataRole.UserRole, commune.code)
            self.results.addItem(item)
        if not text.strip():
            self.hint.setText(self.tr("Gõ để tìm trong danh mục xã, phường, đặc khu từ ngày 01/7/2025."))
        elif not found:
            self.hint.setText(self.tr("Không tìm thấy đơn vị nào khớp với “{text}”.").format(text=text.strip()))
        elif len(found) >= RESULT_LIMIT:
            self.hint.setText(self.tr("Có nhiều kết quả; gõ thêm tên tỉnh để thu hẹp."))
        else:
            self.hint.setText("")
        if len(found) == 1:
            self.results.setCurrentRow(0)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen_commune() is not None)

    def accept(self) -> None:
        """Close with the chosen commune; ignored while none is chosen."""
        if self.chosen_commune() is not None:
            super().accept()

    def chosen_commune(self) -> Commune | None:
        """The selected commune, or None."""
        items = self.results.selectedItems()
        return find_commune(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def choice(self) -> CommuneChoice | None:
        """The dialog's result: the commune and whether demo data is wanted; None while none is chosen."""
        commune = self.chosen_commune()
        return None if commune is None else CommuneChoice(commune, self.demo_check.isChecked())
