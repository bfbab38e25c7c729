"""Start the desktop app: the QApplication, the interface language, the store, first-run set-up, the main window."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.logs import setup_logging
from desktop.store.backup import BackupError
from desktop.store.store import Store, StoreError
from desktop.ui import crash, gui_gc, i18n
from desktop.ui.about_dialog import app_icon
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.sync_controller import SyncController

APP_NAME = "Tổ Số"
ORGANISATION = "ToSo"
LANGUAGE_KEY = "ui/language"

log = logging.getLogger(__name__)


def create_app(argv: list[str]) -> QApplication:
    """The QApplication (the running one, if any), named and speaking the user's chosen language."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("toso")  # Wayland/X11 match the window to toso.desktop and its icon
    app.setWindowIcon(app_icon())
    gui_gc.install(app)  # worker threads must never collect garbage that holds widgets
    language = str(QSettings().value(LANGUAGE_KEY, i18n.DEFAULT_LANGUAGE))
    missing = i18n.install(language, app)
    if missing:
        log.warning("translation catalogues not found: %s", missing)
    return app


class Application:
    """The running app: one context, and a main window that is rebuilt when the language changes."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.window: MainWindow | None = None
        ctx.hub.language_changed.connect(self.switch_language)

    def show(self) -> MainWindow:
        """Build and show the main window."""
        self.window = MainWindow(self.ctx)
        self.window.show()
        return self.window

    def switch_language(self, language: str) -> None:
        """Use another language at once: every string is re-read by building the window anew."""
        self.ctx.settings.setValue(LANGUAGE_KEY, language)
        i18n.install(language)
        old = self.window
        area = old.stack.currentWidget() if old is not None else None
        key = next((k for k, view in (old.views.items() if old else []) if view is area), "overview")
        self.show().show_area(key)
        if old is not None:
            old.close()
            old.deleteLater()


def run(data_dir: Path, argv: list[str]) -> int:
    """Open the store in data_dir, set it up on first run, and show the main window until it closes."""
    setup_logging(data_dir)
    app = create_app(argv)
    crash.install()
    try:
        store = Store.open(data_dir)
    except (StoreError, BackupError, sqlite3.DatabaseError, OSError) as error:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "Không mở được dữ liệu"),
            QCoreApplication.translate(
                "app",
                "Không mở được dữ liệu trong thư mục:\n{folder}\n\n{detail}\n\n"
                "Nếu tệp dữ liệu bị hỏng, hãy khôi phục từ một bản sao lưu (lệnh “toso restore”).",
            ).format(folder=data_dir, detail=error),
        )
        return 1
    with store:
        ctx = AppContext.create(store, data_dir)
        try:
            if store.commune is None:
                from desktop.ui.setup_wizard import SetupWizard

                if SetupWizard(ctx).exec() != QDialog.DialogCode.Accepted or store.commune is None:
                    return 0
            Application(ctx).show()
            # After the window shows, so the first sync never delays it; it runs on the writer thread.
            ctx.sync = SyncController(ctx)
            ctx.sync.start()
            return app.exec()
        finally:
            if ctx.sync is not None:
                ctx.sync.stop()  # a running sync stops at its next checkpoint; the writer then ends
            ctx.shutdown()
