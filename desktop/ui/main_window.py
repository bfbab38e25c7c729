"""The main window: villages, teams and members in tabs, each a filterable, sortable table."""

from __future__ import annotations

import html
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.store.store import Store
from desktop.ui.commune_dialog import unit_title
from desktop.ui.models import PeopleModel, RecordTableModel, TeamsModel, VietnameseSortFilterProxy, VillagesModel

DEFAULT_SIZE = QSize(1280, 720)  # fits a 1366×768 laptop screen with the taskbar and window frame
MINIMUM_SIZE = QSize(800, 480)
MAX_COLUMN_WIDTH = 340  # a long name or note is elided (and shown whole in its tooltip) beyond this
# Room beyond the measured text: measured and painted widths can differ by a pixel or two, and a
# clipped tone mark on the last letter changes a Vietnamese word.
COLUMN_PADDING = 16


def app_version() -> str:
    """The installed version of the toso distribution, or "" when it is not installed."""
    try:
        return version("toso")
    except PackageNotFoundError:
        return ""


class TablePage(QWidget):
    """One tab: a search-as-you-type box over a sortable table of one model."""

    def __init__(self, model: RecordTableModel, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.noun = noun  # what the rows are called in the status bar: "54 thành viên"
        self.proxy = VietnameseSortFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Tìm kiếm… (không cần gõ dấu)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.proxy.set_search_text)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.hide()
        # Compact rows show more of a table on a 768-pixel-high screen; the height leaves room for
        # stacked marks (Ễ, Ộ) above and below the line.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # The header's default indicator is column 0 descending; the default order is column 0 ascending.
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)

    def reload(self) -> None:
        """Read the model again from the store and fit the columns to what they now hold."""
        self.model.reload()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            wanted = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column)) + COLUMN_PADDING
            self.view.setColumnWidth(column, min(wanted, MAX_COLUMN_WIDTH))


class MainWindow(QMainWindow):
    """Tổ Số's main window for one store."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        commune = store.commune
        if commune is None:
            self.setWindowTitle(self.tr("Tổ Số"))
        else:
            self.setWindowTitle(
                self.tr("Tổ Số — {unit}, {province}").format(
                    unit=unit_title(commune), province=commune.province_full_name
                )
            )

        self.villages = TablePage(VillagesModel(store, self), self.tr("thôn, tổ dân phố"))
        self.teams = TablePage(TeamsModel(store, self), self.tr("tổ"))
        self.people = TablePage(PeopleModel(store, self), self.tr("thành viên"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.villages, self.tr("Thôn/Tổ dân phố"))
        self.tabs.addTab(self.teams, self.tr("Tổ CNSCĐ"))
        self.tabs.addTab(self.people, self.tr("Thành viên"))
        self.setCentralWidget(self.tabs)

        self.count_label = QLabel()
        self.pending_label = QLabel()
        self.folder_label = QLabel()
        for label in (self.count_label, self.pending_label, self.folder_label):
            label.setContentsMargins(6, 0, 12, 0)  # keeps the permanent texts from running together
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.folder_label)
        folder = str(store.folder) if store.folder else self.tr("(trong bộ nhớ)")
        self.folder_label.setText(self.tr("Thư mục dữ liệu: {folder}").format(folder=folder))
        self.folder_label.setToolTip(folder)

        self._build_menus()
        for page in self.pages():
            for signal in (
                page.proxy.rowsInserted,
                page.proxy.rowsRemoved,
                page.proxy.modelReset,
                page.proxy.layoutChanged,
            ):
                signal.connect(self._update_count)
        self.tabs.currentChanged.connect(self._update_count)

        self.setMinimumSize(MINIMUM_SIZE)
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen else DEFAULT_SIZE
        self.resize(DEFAULT_SIZE.boundedTo(available).expandedTo(MINIMUM_SIZE))
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.reload_action = QAction(self.tr("&Tải lại dữ liệu"), self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.triggered.connect(self.reload)
        file_menu.addAction(self.reload_action)
        self.find_action = QAction(self.tr("&Tìm kiếm"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        file_menu.addAction(self.find_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("T&hoát"), self)
        # Windows has no standard Quit shortcut, so Ctrl+Q is set explicitly.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        self.about_action = QAction(self.tr("&Giới thiệu Tổ Số"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def pages(self) -> list[TablePage]:
        """The tabs' pages, in tab order."""
        return [self.villages, self.teams, self.people]

    def current_page(self) -> TablePage:
        """The page of the tab on show."""
        page = self.tabs.currentWidget()
        assert isinstance(page, TablePage)
        return page

    def reload(self) -> None:
        """Read every tab again from the store."""
        for page in self.pages():
            page.reload()
        self.pending_label.setText(self.tr("Thay đổi chưa đồng bộ: {count}").format(count=self.store.pending_changes()))
        self._update_count()

    def focus_search(self) -> None:
        """Put the cursor in the current tab's search box."""
        self.current_page().search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.current_page().search_edit.selectAll()

    def count_text(self, page: TablePage) -> str:
        """The status bar's row count for one page: "54 thành viên", or "2 / 54 thành viên" while filtering."""
        shown, total, noun = page.proxy.rowCount(), page.model.rowCount(), page.noun
        if page.proxy.search_text().strip():
            return self.tr("{shown} / {total} {noun}").format(shown=shown, total=total, noun=noun)
        return self.tr("{total} {noun}").format(total=total, noun=noun)

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text(self.current_page()))

    def about_text(self) -> str:
        """The text of the About box (rich text)."""
        folder = html.escape(str(self.store.folder or ""))
        return self.tr(
            "<h3>Tổ Số {version}</h3>"
            "<p>Quản lý Tổ công nghệ số cộng đồng cấp xã: thôn, tổ, thành viên và các buổi hỗ trợ người dân.</p>"
            "<p>Phần mềm tự do theo Giấy phép Công cộng GNU, phiên bản 3 trở lên (GPL-3.0-or-later).</p>"
            "<p>Thư mục dữ liệu: {folder}</p>"
        ).format(version=html.escape(app_version() or self.tr("(chưa cài đặt)")), folder=folder)

    def show_about(self) -> None:
        """Trợ giúp → Giới thiệu."""
        QMessageBox.about(self, self.tr("Giới thiệu Tổ Số"), self.about_text())
