"""Start the desktop app: the QApplication, Vietnamese translations, the store and the main window."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from desktop import paths
from desktop.store.backup import BackupError
from desktop.store.store import Store, StoreError
from desktop.ui.commune_dialog import CommuneDialog
from desktop.ui.main_window import MainWindow

APP_NAME = "Tổ Số"
ORGANISATION = "ToSo"
LOCALE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def create_app(argv: list[str]) -> QApplication:
    """The QApplication (the running one, if any), named and speaking Vietnamese."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    QLocale.setDefault(LOCALE)
    install_translations(app)
    return app


def install_translations(app: QApplication) -> bool:
    """Load Qt's own Vietnamese catalogue (qtbase_vi) from Qt's folder, else from our resources; True if found."""
    if app.property("toso_translations") is not None:
        return bool(app.property("toso_translations"))
    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(paths.resources_dir() / "translations"),
    ]
    translator = QTranslator(app)  # parented to the app, so it lives as long as the app
    found = any(translator.load(LOCALE, "qtbase", "_", folder) for folder in folders)
    if found:
        app.installTranslator(translator)
    else:
        # The PySide6 wheels carry no qtbase_vi; Qt's own texts then stay in English.
        log.info("no Vietnamese Qt catalogue (qtbase_vi) in %s", folders)
    app.setProperty("toso_translations", found)
    return found


def _show_error(title: str, text: str) -> None:
    QMessageBox.critical(None, title, text)


def _demo_function() -> Callable[..., Any] | None:
    """desktop.store.demo.create_demo, when this build has it."""
    try:
        from desktop.store.demo import create_demo
    except ImportError:
        return None
    return create_demo


class _Relay(QObject):
    """Carries a worker thread's progress and end to the GUI thread (signals cross threads queued)."""

    progressed = Signal(int, int)
    finished = Signal()


def create_demo_data(data_dir: Path, commune_code: str) -> None:
    """Fill the store with demo data off the GUI thread, showing progress; errors become a message."""
    create_demo = _demo_function()
    if create_demo is None:
        _show_error(_tr("Không tạo được dữ liệu mẫu"), _tr("Bản cài đặt này không có chức năng tạo dữ liệu mẫu."))
        return
    progress = QProgressDialog(_tr("Đang tạo dữ liệu mẫu, xin chờ trong giây lát…"), "", 0, 0)
    progress.setWindowTitle(APP_NAME)
    progress.setCancelButton(None)  # no Cancel: stopped half-way, the demo would leave half a commune
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    relay = _Relay()
    loop = QEventLoop()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            # SQLite connections belong to one thread: the worker opens its own.
            with Store.open(data_dir, automatic_backup=False) as store:
                create_demo(store, commune_code=commune_code, progress=relay.progressed.emit)
        except Exception as error:  # reported to the user below, whatever it is
            errors.append(error)
        finally:
            relay.finished.emit()

    def show_progress(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)

    relay.progressed.connect(show_progress)
    # Emitted from the worker, so delivered queued: the loop quits even if the worker ends before it starts.
    relay.finished.connect(loop.quit)
    progress.show()
    thread = threading.Thread(target=work, name="toso-demo", daemon=True)
    thread.start()
    loop.exec()
    thread.join()
    progress.close()
    if errors:
        log.error("demo data failed", exc_info=errors[0])
        _show_error(_tr("Không tạo được dữ liệu mẫu"), str(errors[0]))


def run(data_dir: Path, argv: list[str]) -> int:
    """Open the store in data_dir and show the main window until it closes; the process exit code."""
    app = create_app(argv)
    try:
        store = Store.open(data_dir)
    except (StoreError, BackupError, sqlite3.DatabaseError, OSError) as error:
        _show_error(
            _tr("Không mở được dữ liệu"),
            _tr(
                "Không mở được dữ liệu trong thư mục:\n{folder}\n\n{detail}\n\n"
                "Nếu tệp dữ liệu bị hỏng, hãy khôi phục từ một bản sao lưu (lệnh “toso restore”)."
            ).format(folder=data_dir, detail=error),
        )
        return 1
    with store:
        if store.commune is None:
            dialog = CommuneDialog()
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
            choice = dialog.choice()
            if choice is None:
                return 0
            try:
                store.set_commune(choice.commune.code)
            except StoreError as error:
                _show_error(_tr("Không thiết lập được xã"), error.vi)
                return 1
            if choice.create_demo:
                create_demo_data(data_dir, choice.commune.code)
        window = MainWindow(store)
        window.show()
        return app.exec()
