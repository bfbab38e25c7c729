"""Reports: the commune's indicators for a chosen period beside the previous period's, and the figures per team."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.store import stats
from desktop.store.export import write_table
from desktop.store.store import StoreError
from desktop.ui import documents_menu, i18n
from desktop.ui.context import ALL_TYPES, AppContext
from desktop.ui.models import Column, RecordTableModel, VietnameseSortFilterProxy, plain_order
from desktop.ui.widgets import messages
from desktop.ui.widgets.record_form import ERROR_STYLE
from sync.dates import display_date

WATCHED = {"villages", "teams", "people", "memberships", "sessions", "village_indicators", "categories", ALL_TYPES}
CUSTOM = "custom"
PRESET_LABELS = {
    "this_month": QT_TRANSLATE_NOOP("ReportsView", "Tháng này"),
    "last_month": QT_TRANSLATE_NOOP("ReportsView", "Tháng trước"),
    "this_quarter": QT_TRANSLATE_NOOP("ReportsView", "Quý này"),
    "this_year": QT_TRANSLATE_NOOP("ReportsView", "Năm nay"),
    "last_year": QT_TRANSLATE_NOOP("ReportsView", "Năm trước"),
    CUSTOM: QT_TRANSLATE_NOOP("ReportsView", "Tùy chọn từ – đến"),
}
INDICATOR_LABELS = {
    stats.TEAMS: QT_TRANSLATE_NOOP("ReportsView", "Số tổ công nghệ số cộng đồng đang hoạt động"),
    stats.MEMBERS: QT_TRANSLATE_NOOP("ReportsView", "Số thành viên các tổ"),
    stats.VILLAGES_COVERED: QT_TRANSLATE_NOOP("ReportsView", "Số thôn, tổ dân phố có tổ"),
    stats.SESSIONS: QT_TRANSLATE_NOOP("ReportsView", "Số buổi hỗ trợ"),
    stats.CITIZENS: QT_TRANSLATE_NOOP("ReportsView", "Số người dân được hỗ trợ, trong đó:"),
    stats.HOUSEHOLDS_5SKILLS: QT_TRANSLATE_NOOP("ReportsView", "Số hộ gia đình đạt 5 kỹ năng số cơ bản"),
}
# Figures read on the period's last day rather than summed over it.
STOCK_ROWS = {stats.TEAMS, stats.MEMBERS, stats.VILLAGES_COVERED, stats.HOUSEHOLDS_5SKILLS}
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsView", text)


def number(value: int) -> str:
    """A whole number grouped the way the interface language writes it."""
    return QLocale().toString(int(value))


def change_text(change: float | None) -> str:
    """A change in words: "tăng 90%", "giảm 10%", "không đổi", or "—" when there is no base to compare with."""
    if change is None:
        return "—"
    if change == 0:
        return QCoreApplication.translate("ReportsView", "không đổi")
    size = abs(change)
    # Whole percents, but a small change is not rounded away to "0%".
    shown = f"{size:.1f}".replace(".", "," if i18n.language() == "vi" else ".") if size < 1 else str(round(size))
    return (
        QCoreApplication.translate("ReportsView", "tăng {percent}%")
        if change > 0
        else QCoreApplication.translate("ReportsView", "giảm {percent}%")
    ).format(percent=shown)


def figure_text(value: int, whole: int | None) -> str:
    """One figure, or a part of a whole with its percentage ("12/15 (80%)")."""
    if whole is None:
        return number(value)
    if not whole:
        return QCoreApplication.translate("ReportsView", "chưa có số liệu")
    return f"{number(value)}/{number(whole)} ({round(100 * value / whole)}%)"


def indicator_label(row: stats.ReportRow) -> str:
    """An indicator's name; a category row is indented under the citizens it details."""
    if row.key == stats.CATEGORY:
        name = (row.name_en or row.name) if i18n.language() == "en" else row.name
        return f"    – {name}"
    return _tr(INDICATOR_LABELS[row.key])


class IndicatorsModel(QAbstractTableModel):
    """The report's indicators: this period, the previous one, and the change."""

    NAME, CURRENT, PREVIOUS, CHANGE = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: stats.CommuneReport | None = None
        self.today = date.today()

    def set_report(self, report: stats.CommuneReport | None, today: date) -> None:
        """Show a report (None: nothing yet); today says which day the stock figures were read on."""
        self.beginResetModel()
        self.report = report
        self.today = today
        self.endResetModel()

    def rows(self) -> list[stats.ReportRow]:
        """The indicator rows shown."""
        return self.report.rows if self.report else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def cells(self, row: stats.ReportRow) -> list[str]:
        """The four cells of an indicator, as shown and exported."""
        return [
            indicator_label(row),
            figure_text(row.current, row.whole),
            figure_text(row.previous, row.previous_whole),
            change_text(row.change),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        row = self.rows()[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[column]
        if role == Qt.ItemDataRole.ToolTipRole and row.key in STOCK_ROWS and column in (self.CURRENT, self.PREVIOUS):
            period = self.report.period if column == self.CURRENT else self.report.previous_period
            day = period.as_of(self.today)
            return self.tr("Tính đến ngày {day}").format(day=display_date(day))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHANGE and row.change:
            return QColor("#1b7f3b") if row.change > 0 else QColor("#b00020")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]

    def headers(self) -> list[str]:
        """Column titles, naming the two periods."""
        if self.report is None:
            return [self.tr("Chỉ tiêu"), self.tr("Kỳ này"), self.tr("Kỳ trước"), self.tr("Thay đổi")]
        return [
            self.tr("Chỉ tiêu"),
            self.tr("Kỳ này ({period})").format(period=period_text(self.report.period)),
            self.tr("Kỳ trước ({period})").format(period=period_text(self.report.previous_period)),
            self.tr("Thay đổi"),
        ]


def period_text(period: stats.Period) -> str:
    """A period as people write it: "01/03/2026 – 31/03/2026"."""
    return f"{display_date(period.start)} – {display_date(period.end)}"


class TeamFiguresModel(RecordTableModel):
    """Each team's work in the period; sorted the Vietnamese way by the proxy."""

    CONTEXT = "TeamFiguresModel"
    NAME, VILLAGE, SESSIONS, CITIZENS, MEMBERS, PARTICIPANTS = range(6)
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("TeamFiguresModel", "Tổ")),
        Column("village", QT_TRANSLATE_NOOP("TeamFiguresModel", "Thôn")),
        Column("sessions", QT_TRANSLATE_NOOP("TeamFiguresModel", "Buổi hỗ trợ"), order=plain_order, numeric=True),
        Column(
            "citizens",
            QT_TRANSLATE_NOOP("TeamFiguresModel", "Người dân được hỗ trợ"),
            order=plain_order,
            numeric=True,
        ),
        Column("members", QT_TRANSLATE_NOOP("TeamFiguresModel", "Thành viên"), order=plain_order, numeric=True),
        Column(
            "participants",
            QT_TRANSLATE_NOOP("TeamFiguresModel", "Thành viên đã tham gia hỗ trợ"),
            order=plain_order,
            numeric=True,
        ),
    )

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx.store, parent)
        self._figures: list[stats.TeamFigures] = []

    def set_figures(self, figures: list[stats.TeamFigures]) -> None:
        """Show the figures a report job computed (nothing is read here, on the GUI thread)."""
        self._figures = figures
        self.reload()

    def read_rows(self) -> list[dict[str, Any]]:
        dissolved = QCoreApplication.translate("TeamFiguresModel", "{name} (đã giải thể)")
        commune_level = QCoreApplication.translate("TeamFiguresModel", "Cấp xã")
        return [
            {
                "id": f.team_id,
                "name": f.name if f.active else dissolved.format(name=f.name),
                "village": f.village or commune_level,
                "sessions": f.sessions,
                "citizens": f.citizens,
                "members": f.members,
                "participants": f.participants,
            }
            for f in self._figures
        ]


def _table(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAccessibleName(name)
    return view


class ReportsView(QWidget):
    """Choose a period; see the commune report against the previous period and per team; export both to Excel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: stats.CommuneReport | None = None
        self._running: stats.Period | None = None
        self._wanted: stats.Period | None = None
        self._stale = False

        self.period_combo = QComboBox()
        for key, label in PRESET_LABELS.items():
            self.period_combo.addItem(_tr(label), key)
        period_caption = QLabel(self.tr("&Kỳ báo cáo:"))
        period_caption.setBuddy(self.period_combo)
        self.from_edit = self._date_edit()
        self.to_edit = self._date_edit()
        from_caption = QLabel(self.tr("Từ &ngày:"))
        from_caption.setBuddy(self.from_edit)
        to_caption = QLabel(self.tr("Đến ngà&y:"))
        to_caption.setBuddy(self.to_edit)
        self.export_action = QAction(self.tr("Xuất Excel"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.export_action.setToolTip(self.tr("Lưu cả hai bảng của báo cáo ra tệp .xlsx (Ctrl+E)"))
        self.export_action.triggered.connect(self.export)
        self.addAction(self.export_action)
        self.export_button = QToolButton()
        self.export_button.setDefaultAction(self.export_action)
        self.export_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pdf_action = QAction(self.tr("Xuất PDF"), self)
        self.pdf_action.setShortcut(QKeySequence("Ctrl+P"))
        self.pdf_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.pdf_action.setToolTip(self.tr("Xem trước báo cáo của kỳ đã chọn để in hoặc lưu thành tệp PDF (Ctrl+P)"))
        self.pdf_action.triggered.connect(self.export_pdf)
        self.addAction(self.pdf_action)
        self.pdf_button = QToolButton()
        self.pdf_button.setDefaultAction(self.pdf_action)
        self.pdf_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        bar = QHBoxLayout()
        bar.addWidget(period_caption)
        bar.addWidget(self.period_combo)
        bar.addSpacing(12)
        bar.addWidget(from_caption)
        bar.addWidget(self.from_edit)
        bar.addWidget(to_caption)
        bar.addWidget(self.to_edit)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.pdf_button)

        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        info = QHBoxLayout()
        info.addWidget(self.period_label, 1)
        info.addWidget(self.status_label)

        self.indicators = IndicatorsModel(self)
        self.indicators_view = _table(self.indicators, self.tr("Chỉ tiêu của xã"))
        header = self.indicators_view.horizontalHeader()
        header.setSectionResizeMode(IndicatorsModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (IndicatorsModel.CURRENT, IndicatorsModel.PREVIOUS, IndicatorsModel.CHANGE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        indicators_box = QGroupBox(self.tr("Chỉ tiêu của xã"))
        QVBoxLayout(indicators_box).addWidget(self.indicators_view)

        self.teams = TeamFiguresModel(ctx, self)
        self.teams_proxy = VietnameseSortFilterProxy(self)
        self.teams_proxy.setSourceModel(self.teams)
        self.teams_view = _table(self.teams_proxy, self.tr("Theo từng tổ"))
        self.teams_view.setSortingEnabled(True)
        self.teams_view.sortByColumn(TeamFiguresModel.NAME, Qt.SortOrder.AscendingOrder)
        team_header = self.teams_view.horizontalHeader()
        team_header.setSectionResizeMode(TeamFiguresModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(TeamFiguresModel.VILLAGE, TeamFiguresModel.PARTICIPANTS + 1):
            team_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        teams_box = QGroupBox(self.tr("Theo từng tổ"))
        QVBoxLayout(teams_box).addWidget(self.teams_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(indicators_box)
        splitter.addWidget(teams_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        # The indicators (about sixteen rows) fit whole on a 768-pixel screen; the team list scrolls.
        row_height = self.indicators_view.verticalHeader().defaultSectionSize()
        splitter.setSizes([row_height * 19, row_height * 7])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(info)
        layout.addWidget(splitter, 1)
        for first, second in (
            (self.period_combo, self.from_edit),
            (self.from_edit, self.to_edit),
            (self.to_edit, self.export_button),
            (self.export_button, self.pdf_button),
            (self.pdf_button, self.indicators_view),
            (self.indicators_view, self.teams_view),
        ):
            QWidget.setTabOrder(first, second)

        self.period_combo.currentIndexChanged.connect(self._preset_changed)
        self.from_edit.dateChanged.connect(self._dates_edited)
        self.to_edit.dateChanged.connect(self._dates_edited)
        ctx.hub.data_changed.connect(self._data_changed)
        self._preset_changed()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(2000, 1, 1))
        return edit

    # ----- the period -----

    def period(self) -> stats.Period | None:
        """The period chosen, or None when the custom dates are the wrong way round."""
        key = self.period_combo.currentData()
        if key != CUSTOM:
            return stats.preset_period(key, self.ctx.store.today())
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return stats.Period(start, end) if start <= end else None

    def set_period(self, key: str, start: date | None = None, end: date | None = None) -> None:
        """Choose a preset (or CUSTOM with its dates), as the user would."""
        self.period_combo.setCurrentIndex(self.period_combo.findData(key))
        if key == CUSTOM and start and end:
            self.from_edit.setDate(QDate(start))
            self.to_edit.setDate(QDate(end))

    def _preset_changed(self) -> None:
        custom = self.period_combo.currentData() == CUSTOM
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        if not custom:
            period = self.period()
            assert period is not None
            for edit, day in ((self.from_edit, period.start), (self.to_edit, period.end)):
                edit.blockSignals(True)  # showing the preset's dates is not a custom edit
                edit.setDate(QDate(day))
                edit.blockSignals(False)
        self.refresh()

    def _dates_edited(self) -> None:
        if self.period_combo.currentData() == CUSTOM:
            self.refresh()

    # ----- computing -----

    def _data_changed(self, type_name: str) -> None:
        if type_name not in WATCHED:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compute the report of the chosen period in the background (the latest choice wins)."""
        period = self.period()
        if period is None:
            self.period_label.setStyleSheet(ERROR_STYLE)
            self.period_label.setText(self.tr("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."))
            return
        self.period_label.setStyleSheet("")
        self.period_label.setText(
            self.tr("Kỳ này: {current}; so với kỳ trước: {previous}.").format(
                current=period_text(period), previous=period_text(period.compared_with(self.ctx.store.today()))
            )
        )
        self._stale = False
        self._wanted = period
        if self._running is not None:
            return  # the running job's end starts the one wanted now
        self._start(period)

    def _start(self, period: stats.Period) -> None:
        self._running = period
        self.status_label.setText(self.tr("Đang tính…"))
        self.export_action.setEnabled(False)

        def task(store: Any, _job: Any) -> stats.CommuneReport:
            return stats.commune_report(store, period)

        self.ctx.reader.submit(task, done=self._computed, failed=self._failed)

    def _finished(self) -> bool:
        """True when the report just computed is the one wanted; otherwise compute that one now."""
        if not isValid(self):  # the window was rebuilt (a language switch) while the job ran
            return False
        ran, self._running = self._running, None
        if self._wanted is not None and self._wanted != ran:
            self._start(self._wanted)
            return False
        return True

    def _computed(self, report: stats.CommuneReport) -> None:
        if not self._finished():
            return
        self.report = report
        self.indicators.set_report(report, self.ctx.store.today())
        self.teams.set_figures(report.teams)
        self.status_label.setText("")
        self.export_action.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        if not self._finished():
            return
        reason = (
            i18n.message(error) if isinstance(error, StoreError) else self.tr("lỗi không mong đợi, đã ghi vào nhật ký")
        )
        self.status_label.setText(self.tr("Không lập được báo cáo ({reason}).").format(reason=reason))

    # ----- export -----

    def export_rows(self) -> tuple[list[str], list[list[object]]]:
        """Both tables as one sheet: the indicators, a blank line, then the teams under their own headings."""
        headers = self.indicators.headers()
        rows: list[list[object]] = [self.indicators.cells(row) for row in self.indicators.rows()]
        for row, source in zip(rows, self.indicators.rows(), strict=True):
            # Plain counts stay numbers in Excel, so they can be summed there.
            if source.whole is None:
                row[1], row[2] = source.current, source.previous
        rows.append([])
        teams = self.teams
        rows.append([str(teams.headerData(c, Qt.Orientation.Horizontal)) for c in range(teams.columnCount())])
        for r in range(self.teams_proxy.rowCount()):
            source_row = teams.row(self.teams_proxy.mapToSource(self.teams_proxy.index(r, 0)).row())
            rows.append([source_row[column.key] for column in teams.COLUMNS])
        return headers, rows

    def export(self) -> None:
        """Ask for a file and write the report to it (off the GUI thread)."""
        if self.report is None:
            return
        period = self.report.period
        name = self.tr("Báo cáo Tổ CNSCĐ {start} đến {end}").format(
            start=period.start.strftime("%d-%m-%Y"), end=period.end.strftime("%d-%m-%Y")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất báo cáo ra Excel"), str(Path.home() / f"{name}.xlsx"), self.tr("Tệp Excel (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        headers, rows = self.export_rows()
        title = self.tr("Báo cáo")

        def task(_store: Any, _job: Any) -> int:
            return write_table(Path(path), title, headers, rows)

        self.ctx.reader.submit(
            task,
            done=lambda _count: self.ctx.hub.status_message.emit(
                self.tr("Đã xuất báo cáo ra {path}").format(path=path)
            ),
            failed=lambda error: messages.error(
                self, self.tr("Không xuất được tệp Excel"), self.tr("Không ghi được tệp: {error}").format(error=error)
            ),
        )

    def export_pdf(self) -> None:
        """The report of the chosen period as the commune files it: preview, then print or save (Ctrl+P)."""
        period = self.period()
        if period is None:
            messages.error(
                self, self.tr("Không xuất được báo cáo"), self.tr("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.")
            )
            return
        documents_menu.open_document(self.ctx, self, documents_menu.report_request(period.start, period.end))
