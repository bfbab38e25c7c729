"""Message boxes in one place, so every view asks and tells the same way (and tests can patch them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong and what to do."""
    QMessageBox.warning(parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something worth knowing."""
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str = "") -> bool:
    """Ask a yes/no question; the safe answer (No) is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text or QCoreApplication.translate("messages", "Đồng ý"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QCoreApplication.translate("messages", "Không"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes
