"""The About dialog: version, licences, the data folder and a button that opens it, the Qt in use."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import create_app
from desktop.ui.about_dialog import AboutDialog, app_icon
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> AboutDialog:
    about = AboutDialog(tmp_path / "Dữ liệu xã")
    qtbot.addWidget(about)
    return about


def test_it_names_the_version_and_both_licences(dialog: AboutDialog) -> None:
    text = dialog.text()
    assert dialog.windowTitle() == "Giới thiệu Tổ Số"
    assert f"Tổ Số {version('toso')}" in text
    assert "GPL-3.0-or-later" in text
    assert "Liberation Serif" in text and "SIL OFL" in text
    assert f"Qt {qVersion()}" in text


def test_it_shows_the_data_folder_and_opens_it(
    dialog: AboutDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert str(tmp_path / "Dữ liệu xã") in dialog.text()
    dialog.open_button.click()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "Dữ liệu xã")]


def test_without_a_data_folder_the_button_is_off(qtbot: QtBot) -> None:
    about = AboutDialog(None)
    qtbot.addWidget(about)
    assert not about.open_button.isEnabled()


def test_the_help_menu_opens_it_over_the_main_window(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    about = window.show_about()
    assert isinstance(about, AboutDialog) and about.isVisible() and about.parent() is window
    assert str(ctx.data_dir) in about.text()
    about.close()


def test_the_app_icon_is_drawn_at_every_size_and_is_the_window_icon(qapp: QApplication) -> None:
    icon = app_icon()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    create_app([])
    assert not QApplication.windowIcon().isNull()
    assert {(16, 16), (256, 256)} <= {(s.width(), s.height()) for s in QApplication.windowIcon().availableSizes()}
