"""GUI tests run offscreen, and no test may open a real message box (it would wait for a click)."""

from __future__ import annotations

import os

# Before any test creates the QApplication: no display needed, the same pictures everywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.store.teams import add_member
from desktop.ui import gui_gc
from desktop.ui.context import AppContext

# An uncaught error must fail the test, not wait for a click in the crash dialog.
os.environ.setdefault("TOSO_NO_CRASH_DIALOG", "1")
# QSettings (language, window geometry) of the test run live in a throwaway folder, never the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="toso-test-config-")


@pytest.fixture(autouse=True, scope="session")
def garbage_collected_on_the_gui_thread(qapp: QApplication) -> None:
    """As in the app: worker threads (the writer, the reader) never collect garbage that may hold widgets."""
    gui_gc.install(qapp)


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


TAN_THANH = "06445"  # xã Tân Thành, tỉnh Lạng Sơn
TODAY = date(2026, 3, 2)
# Roster order: given name, then middle, then family, in the Vietnamese alphabet (Á after A, Đ after D,
# E after Đ); code-point order would put "Ánh" after "Bình" and "Đạt" after "Em".
ROSTER = ["Lê Văn An", "Nguyễn Thị Ánh", "Trần Đức Bình", "Đỗ Văn Dũng", "Phạm Văn Đạt", "Hà Thị Em"]
HOA = {"Lăng Văn Hoà", "Lăng Văn Hòa"}  # one name, the tone mark on different vowels


def fill(store: Store) -> dict[str, str]:
    """Three villages, two active teams and a dissolved one, eight people; the ids by name."""
    ids: dict[str, str] = {}
    for name, kind, households in (("Nà Phái", "thon", 182), ("Đồng Ý", "thon", None), ("Bản Chắt", "ban", 64)):
        ids[name] = store.insert("villages", {"name": name, "kind": kind, "households": households})["id"]
    ids["team Nà Phái"] = store.insert(
        "teams", {"name": "Tổ CNSCĐ thôn Nà Phái", "village_id": ids["Nà Phái"], "founded_on": "2025-03-15"}
    )["id"]
    ids["team Bản Chắt"] = store.insert(
        "teams", {"name": "Tổ CNSCĐ bản Chắt", "village_id": ids["Bản Chắt"], "founded_on": "2025-04-02"}
    )["id"]
    ids["team cũ"] = store.insert(
        "teams",
        {
            "name": "Tổ CNSCĐ thôn Đồng Ý",
            "status": "dissolved",
            "founded_on": "2024-05-02",
            "dissolved_on": "2025-06-30",
        },
    )["id"]
    people: list[dict[str, Any]] = [
        {
            "full_name": "Phạm Văn Đạt",
            "gender": "nam",
            "birth_year": 1990,
            "phone": "0912345678",
            "position": "Công an viên",
        },
        {"full_name": "Lăng Văn Hoà", "gender": "nam", "birth_year": 1985},
        {"full_name": "Nguyễn Thị Ánh", "gender": "nu", "birth_year": 1979, "position": "Trưởng thôn"},
        {"full_name": "Hà Thị Em", "gender": "nu", "birth_year": 2001},
        {"full_name": "Trần Đức Bình", "gender": "nam", "birth_year": 1968},
        {"full_name": "Lăng Văn Hòa", "gender": "nam", "birth_year": 1992},
        {"full_name": "Đỗ Văn Dũng", "gender": "nam", "birth_year": 1975},
        {"full_name": "Lê Văn An", "gender": "nam", "birth_year": 2003, "position": "Bí thư Chi đoàn"},
    ]
    for person in people:
        ids[person["full_name"]] = store.insert("people", person)["id"]
    add_member(store, ids["team Nà Phái"], ids["Nguyễn Thị Ánh"], "to_truong", "2025-03-15")
    add_member(store, ids["team Nà Phái"], ids["Phạm Văn Đạt"], "to_pho", "2025-03-15")
    add_member(store, ids["team Nà Phái"], ids["Lê Văn An"], "thanh_vien", "2025-03-15")
    add_member(store, ids["team Bản Chắt"], ids["Lê Văn An"], "to_truong", "2025-04-02")
    add_member(store, ids["team Bản Chắt"], ids["Hà Thị Em"], "thanh_vien", "2025-04-02")
    return ids


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store in a temporary data folder, set to xã Tân Thành and filled."""
    store = Store.open(tmp_path / "data", automatic_backup=False)
    store.today = lambda: TODAY
    store.set_commune(TAN_THANH)
    fill(store)
    yield store
    store.close()


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    """The app context over that store: background jobs run inline, settings in a throwaway file."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext.create(store, tmp_path / "data", synchronous=True, settings=settings)


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type into a line edit key by key; letters beyond ASCII come as key events carrying their text,
    the way Vietnamese keyboards (Unikey, EVKey) deliver them (QTest itself only knows ASCII keys)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(edit, char)
        else:
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))


def column(model: Any, col: int) -> list[str]:
    """The texts one column shows, top to bottom."""
    return [model.index(row, col).data() for row in range(model.rowCount())]


@pytest.fixture
def confirmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer "yes" to every confirmation; the questions asked are recorded."""
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, _yes: str = "") -> bool:
        asked.append(text)
        return True

    from desktop.ui.widgets import messages

    monkeypatch.setattr(messages, "confirm", confirm)
    return asked
