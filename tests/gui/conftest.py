"""GUI tests run offscreen, and no test may open a real message box (it would wait for a click)."""

from __future__ import annotations

import os

# Before any test creates the QApplication: no display needed, the same pictures everywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """QMessageBox's static functions, recorded instead of shown: (kind, title, text) per call."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []

    def recorder(kind: str, answer: object):
        def show(parent: object, title: str, text: str, *args: object, **kwargs: object) -> object:
            shown.append((kind, title, text))
            return answer

        return show

    ok = QMessageBox.StandardButton.Ok
    for kind, answer in (
        ("critical", ok),
        ("warning", ok),
        ("information", ok),
        ("question", QMessageBox.StandardButton.No),
        ("about", None),
    ):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind, answer))
    return shown
