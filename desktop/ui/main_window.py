"""The main window: a navigation sidebar, one view per area of work, and a status bar that tells the state."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.store import settings as commune_settings
from desktop.store.commune_setup import unit_title
from desktop.ui import i18n
from desktop.ui.context import AppContext, JobCancelled
from desktop.ui.views.conflicts_panel import local_time

DEFAULT_SIZE = QSize(1280, 720)  # fits a 1366×768 laptop screen with the taskbar and window frame
MINIMUM_SIZE = QSize(900, 560)
SIDEBAR_WIDTH = 190


@dataclass(frozen=True)
class Area:
    """One entry of the sidebar: its key, its label (a source text) and where its view class lives."""

    key: str
    label: str
    module: str
    class_name: str


AREAS = (
    Area("overview", QT_TRANSLATE_NOOP("MainWindow", "Tổng quan"), "desktop.ui.views.overview", "OverviewView"),
    Area("villages", QT_TRANSLATE_NOOP("MainWindow", "Thôn/Tổ dân phố"), "desktop.ui.views.villages", "VillagesView"),
    Area("teams", QT_TRANSLATE_NOOP("MainWindow", "Tổ CNSCĐ"), "desktop.ui.views.teams", "TeamsView"),
    Area("people", QT_TRANSLATE_NOOP("MainWindow", "Thành viên"), "desktop.ui.views.people", "PeopleView"),
    Area("sessions", QT_TRANSLATE_NOOP("MainWindow", "Hoạt động hỗ trợ"), "desktop.ui.views.sessions", "SessionsView"),
    Area("decisions", QT_TRANSLATE_NOOP("MainWindow", "Quyết định"), "desktop.ui.views.decisions", "DecisionsView"),
    Area("reports", QT_TRANSLATE_NOOP("MainWindow", "Báo cáo"), "desktop.ui.views.reports", "ReportsView"),
    Area("sync", QT_TRANSLATE_NOOP("MainWindow", "Đồng bộ"), "desktop.ui.views.sync_view", "SyncView"),
    Area("settings", QT_TRANSLATE_NOOP("MainWindow", "Cài đặt"), "desktop.ui.views.settings", "SettingsView"),
)


class MainWindow(QMainWindow):
    """Sidebar on the left, the chosen view on the right; views are built the first time they are shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views: dict[str, QWidget] = {}
        self._update_title()
        self.setMinimumSize(MINIMUM_SIZE)

        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        # Roomy entries: the sidebar is what a new user reads first, and a big target is easy to hit.
        self.sidebar.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px 8px; }")
        self.sidebar.setAccessibleName(self.tr("Các mục"))
        for number, area in enumerate(AREAS, start=1):
            item = QListWidgetItem(QCoreApplication.translate("MainWindow", area.label))
            item.setToolTip(self.tr("{label} (Ctrl+{number})").format(label=item.text(), number=number))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        self.sidebar.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        ctx.hub.data_changed.connect(self._refresh_status)
        ctx.hub.settings_changed.connect(self._update_title)
        ctx.hub.settings_changed.connect(self._refresh_status)
        ctx.hub.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.hub.sync_started.connect(self._sync_started)
        ctx.hub.sync_finished.connect(self._sync_finished)
        self._restore_geometry()
        self.sidebar.setCurrentRow(0)

    # ----- views -----

    def show_area(self, key: str) -> QWidget:
        """Switch to an area (building its view on first use) and return the view."""
        row = next(i for i, area in enumerate(AREAS) if area.key == key)
        self.sidebar.setCurrentRow(row)
        return self.views[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        area = AREAS[row]
        view = self.views.get(area.key)
        if view is None:
            view = self._build_view(area)
            self.views[area.key] = view
            self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)

    def _build_view(self, area: Area) -> QWidget:
        view_class: Callable[..., QWidget] = getattr(importlib.import_module(area.module), area.class_name)
        return view_class(self.ctx)

    # ----- menus and status -----

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.import_action = self._add(file_menu, self.tr("&Nhập từ Excel/CSV…"), "Ctrl+I", self._open_import)
        self.backup_action = self._add(file_menu, self.tr("&Sao lưu ngay"), "", self._backup_now)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Thoát"), QKeySequence.StandardKey.Quit, self.close)

        edit_menu = self.menuBar().addMenu(self.tr("&Sửa"))
        self.undo_action = self.ctx.undo.createUndoAction(self, self.tr("&Hoàn tác"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.ctx.undo.createRedoAction(self, self.tr("&Làm lại"))
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        go_menu = self.menuBar().addMenu(self.tr("Đ&i tới"))
        for number, area in enumerate(AREAS, start=1):
            action = QAction(QCoreApplication.translate("MainWindow", area.label), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=area.key: self.show_area(key))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        self._add(help_menu, self.tr("&Giới thiệu"), "", self.show_about)

    def _add(
        self, menu: object, text: str, shortcut: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _build_status_bar(self) -> None:
        self.pending_label = QLabel()
        self.sync_label = QLabel()
        self._syncing = False
        self._sync_error: Exception | None = None
        self.folder_label = QLabel()
        for label in (self.pending_label, self.sync_label, self.folder_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        self._refresh_status()

    def _refresh_status(self, *_args: object) -> None:
        store = self.ctx.store
        self.pending_label.setText(self.tr("Thay đổi chưa gửi: {count}").format(count=store.pending_changes()))
        if self._sync_error is None and not self._syncing:
            self._show_last_sync()
        folder = str(self.ctx.data_dir or "")
        self.folder_label.setText(self.tr("Dữ liệu: {folder}").format(folder=folder))
        self.folder_label.setToolTip(folder)

    def _show_last_sync(self) -> None:
        last = commune_settings.get(self.ctx.store, commune_settings.LAST_SYNC_AT)
        self.sync_label.setText(
            self.tr("Đồng bộ lần cuối: {when}").format(when=local_time(last)) if last else self.tr("Chưa đồng bộ")
        )
        self.sync_label.setToolTip("")

    def _sync_started(self) -> None:
        self._syncing = True
        self.sync_label.setText(self.tr("Đang đồng bộ…"))

    def _sync_finished(self, result: object) -> None:
        self._syncing = False
        self._sync_error = result if isinstance(result, Exception) and not isinstance(result, JobCancelled) else None
        if self._sync_error is None:
            self._show_last_sync()
            return
        # The whole message is in the tooltip and the Đồng bộ view; the status bar has room for its gist.
        text = i18n.message(self._sync_error)
        short = text.split(";")[0].split("(")[0].strip()
        self.sync_label.setText(self.tr("Lỗi đồng bộ: {error}").format(error=short))
        self.sync_label.setToolTip(text)

    def _update_title(self) -> None:
        commune = self.ctx.store.commune
        place = f"{unit_title(commune)}, {commune.province_full_name}" if commune else self.tr("chưa chọn xã")
        self.setWindowTitle(self.tr("Tổ Số — {place}").format(place=place))

    def _open_import(self) -> None:
        from desktop.ui.import_wizard import ImportWizard

        ImportWizard(self.ctx, self).exec()

    def _backup_now(self) -> None:
        from desktop.ui.views.settings import backup_now

        backup_now(self.ctx, self)

    def show_about(self) -> QDialog:
        """Version, licences and where the data is (window-modal, so the caller is not blocked)."""
        from desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ----- geometry -----

    def _restore_geometry(self) -> None:
        saved = self.ctx.settings.value("main_window/geometry")
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        screen = QGuiApplication.primaryScreen()
        size = DEFAULT_SIZE
        if screen is not None:
            available = screen.availableGeometry().size()
            size = size.boundedTo(available)
        self.resize(size)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
