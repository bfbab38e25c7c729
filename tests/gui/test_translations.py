"""Every visible string is translated: the catalogues are complete and current, and no screen keeps a
string that bypasses them.

Vietnamese is the source language; English comes from toso_en.ts and Qt's own texts in Vietnamese from
qtbase_vi.ts (see packaging/translations.py).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.main_window import AREAS, MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import translations

# Letters with Vietnamese vowel and tone marks: on an English screen they mean a string was never translated.
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
# Proper nouns stay as they are in every language: the app's name, and sample names in hints ("e.g. …").
PROPER_NOUNS = re.compile(r"Tổ Số|e\.g\. .*$")


def _vietnamese(text: str) -> bool:
    return bool(VIETNAMESE_LETTERS.search(PROPER_NOUNS.sub("", unicodedata.normalize("NFC", text)).lower()))


def test_every_catalogue_is_complete_and_compiled() -> None:
    assert translations.problems() == []


def _chrome_texts(root: QWidget) -> list[str]:
    """The interface's own words on a screen: buttons, labels, group and tab titles, headers, hints, menus."""
    texts: list[str] = []
    for button in root.findChildren(QAbstractButton):
        texts.append(button.text())
    for box in root.findChildren(QGroupBox):
        texts.append(box.title())
    for tabs in root.findChildren(QTabWidget):
        texts.extend(tabs.tabText(i) for i in range(tabs.count()))
    for edit in root.findChildren(QLineEdit):
        texts.append(edit.placeholderText())
    for label in root.findChildren(QLabel):
        if label.buddy() is not None:  # form captions, not values shown
            texts.append(label.text())
    for table in root.findChildren(QTableView):
        model = table.model()
        if model is not None:
            texts.extend(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount()))
    return [text for text in texts if text]


@pytest.fixture
def english(qapp: object) -> object:
    i18n.install("en")
    yield
    i18n.install("vi")


def test_no_screen_shows_vietnamese_words_in_english(qtbot: QtBot, ctx: AppContext, english: object) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    untranslated: dict[str, set[str]] = {}
    for area in AREAS:
        view = window.show_area(area.key)
        found = {text for text in _chrome_texts(view) if _vietnamese(text)}
        if found:
            untranslated[area.key] = found
    menus = [action.text() for action in window.menuBar().actions()]
    menus += [a.text() for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    sidebar = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    untranslated["menus and sidebar"] = {text for text in menus + sidebar if _vietnamese(text)}
    assert {key: texts for key, texts in untranslated.items() if texts} == {}


def test_list_counts_take_the_plural_each_language_needs(qtbot: QtBot, ctx: AppContext, english: object) -> None:
    from desktop.ui.views.people import PeopleView

    view = PeopleView(ctx)
    qtbot.addWidget(view)
    view.list.update_count()
    assert view.list.count_label.text() == "8 members"
    view.proxy.set_search_text("Trần Đức Bình")
    view.list.update_count()
    assert view.list.count_label.text() == "1 member"
    i18n.install("vi")
    view.list.update_count()
    assert view.list.count_label.text() == "1 thành viên"
