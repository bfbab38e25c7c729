"""The overview: the commune's figures at a glance, sessions per month, totals per category, what needs attention."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QMargins,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.store import stats
from desktop.store.store import StoreError
from desktop.ui import i18n
from desktop.ui.context import ALL_TYPES, AppContext
from desktop.ui.widgets import messages
from sync.dates import display_date
from sync.records import record_type

# Record types whose changes move a figure on this page (settings and the like do not).
WATCHED = {"villages", "teams", "people", "memberships", "sessions", "decisions", "village_indicators", "categories"}
Index = QModelIndex | QPersistentModelIndex


def number(value: int) -> str:
    """A whole number the way the interface language groups digits (1.234 in Vietnamese)."""
    return QLocale().toString(int(value))


def percent(value: float | None) -> str:
    """A percentage without decimals ("80%"), or "—" when there is nothing to divide by."""
    return "—" if value is None else f"{round(value)}%"


def month_label(year: int, month: int) -> str:
    """A chart axis label for a month: "T3/2026"."""
    return QCoreApplication.translate("OverviewView", "T{month}/{year}").format(month=month, year=year)


class Tile(QFrame):
    """One big figure with its caption above and a line of detail below."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("tile")
        self.setStyleSheet("#tile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.value = QLabel("…")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setStyleSheet("color: #0b5394;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        # Preferred height: every tile of the row takes the tallest one's height.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_figure(self, value: str, detail: str = "") -> None:
        """Show a figure and its detail line; the tooltip repeats both for a screen reader or a narrow tile."""
        self.value.setText(value)
        self.detail.setText(detail)
        self.setToolTip(f"{self.caption.text()}: {value}" + (f" — {detail}" if detail else ""))


class CategoryTotalsModel(QAbstractTableModel):
    """Citizens helped per activity category, this month and this year."""

    NAME, MONTH, YEAR = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[stats.CategoryTotal, stats.CategoryTotal]] = []

    def set_totals(self, month: list[stats.CategoryTotal], year: list[stats.CategoryTotal]) -> None:
        """Show new totals (the two lists hold the same categories in the same order)."""
        self.beginResetModel()
        self._rows = list(zip(month, year, strict=True))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        month, year = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return (year.name_en or year.name) if i18n.language() == "en" else year.name
            total = month if column == self.MONTH else year
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{citizens} người dân, {sessions} buổi hỗ trợ").format(
                    citizens=number(total.citizens), sessions=number(total.sessions)
                )
            return number(total.citizens)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Lĩnh vực"), self.tr("Tháng này"), self.tr("Năm nay"))[section]


class OverviewView(QWidget):
    """Tiles of today's figures, a chart of the last twelve months, category totals and the "Cần chú ý" list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: stats.Overview | None = None
        self._running = False
        self._again = False
        self._stale = False

        heading = QLabel(self.tr("Tổng quan"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.status_label = QLabel()
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.status_label)

        self.coverage_tile = Tile(self.tr("Độ phủ"))
        self.teams_tile = Tile(self.tr("Tổ đang hoạt động"))
        self.members_tile = Tile(self.tr("Thành viên"))
        self.sessions_tile = Tile(self.tr("Buổi hỗ trợ tháng này"))
        self.citizens_tile = Tile(self.tr("Người dân được hỗ trợ tháng này"))
        self.households_tile = Tile(self.tr("Hộ đạt 5 kỹ năng số"))
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for position, tile in enumerate(
            (
                self.coverage_tile,
                self.teams_tile,
                self.members_tile,
                self.sessions_tile,
                self.citizens_tile,
                self.households_tile,
            )
        ):
            tiles.addWidget(tile, 0, position)
            tiles.setColumnStretch(position, 1)

        self.bar_set = QBarSet(self.tr("Buổi hỗ trợ"))
        self.bar_set.setColor(Qt.GlobalColor.darkCyan)
        self.bar_set.setLabelColor(Qt.GlobalColor.black)
        self.series = QBarSeries()
        self.series.append(self.bar_set)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.chart = QChart()
        self.chart.addSeries(self.series)
        self.chart.legend().hide()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.setBackgroundRoundness(0)
        self.month_axis = QBarCategoryAxis()
        # Twelve "T12/2025" labels share the width of a laptop screen's chart: a size smaller keeps them whole.
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.month_axis.setLabelsFont(small)
        self.series.setLabelsPrecision(6)
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        self.chart.addAxis(self.month_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.month_axis)
        self.series.attachAxis(self.value_axis)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do on it by keyboard
        self.chart_view.setAccessibleName(self.tr("Biểu đồ số buổi hỗ trợ 12 tháng gần đây"))
        chart_box = QGroupBox(self.tr("Buổi hỗ trợ 12 tháng gần đây"))
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(6, 6, 6, 6)
        chart_layout.addWidget(self.chart_view)

        self.categories = CategoryTotalsModel(self)
        self.categories_view = QTableView()
        self.categories_view.setModel(self.categories)
        self.categories_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.categories_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.categories_view.setTabKeyNavigation(False)
        self.categories_view.setWordWrap(False)
        self.categories_view.setAlternatingRowColors(True)
        self.categories_view.verticalHeader().hide()
        self.categories_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.categories_view.horizontalHeader()
        header.setSectionResizeMode(CategoryTotalsModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CategoryTotalsModel.MONTH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CategoryTotalsModel.YEAR, QHeaderView.ResizeMode.ResizeToContents)
        self.categories_view.setAccessibleName(self.tr("Người dân được hỗ trợ theo lĩnh vực"))
        categories_box = QGroupBox(self.tr("Người dân được hỗ trợ theo lĩnh vực"))
        categories_layout = QVBoxLayout(categories_box)
        categories_layout.setContentsMargins(6, 6, 6, 6)
        categories_layout.addWidget(self.categories_view)

        self.attention_list = QListWidget()
        self.attention_list.setWordWrap(True)
        self.attention_list.setMinimumHeight(self.fontMetrics().height() * 5)
        self.attention_list.setAccessibleName(self.tr("Cần chú ý"))
        self.attention_list.setToolTip(self.tr("Enter hoặc nhấp đúp vào một dòng để xem cách xử lý"))
        self.attention_list.itemActivated.connect(self._explain)
        self.attention_box = QGroupBox(self.tr("Cần chú ý"))
        attention_layout = QVBoxLayout(self.attention_box)
        attention_layout.setContentsMargins(6, 6, 6, 6)
        attention_layout.addWidget(self.attention_list)

        middle = QHBoxLayout()
        middle.addWidget(chart_box, 3)
        middle.addWidget(categories_box, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.attention_box)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(middle, 3)
        layout.addLayout(bottom, 1)
        self.setTabOrder(self.categories_view, self.attention_list)

        ctx.hub.data_changed.connect(self._data_changed)
        self.refresh()

    # ----- computing -----

    def refresh(self) -> None:
        """Compute the figures again in the background; "Đang tính…" shows meanwhile."""
        if self._running:
            self._again = True  # one more run when this one ends, not one per change
            return
        self._running = True
        self._stale = False
        self.status_label.setText(self.tr("Đang tính…"))
        self.ctx.reader.submit(_compute, done=self._computed, failed=self._failed)

    def _data_changed(self, type_name: str) -> None:
        if type_name != ALL_TYPES and type_name not in WATCHED:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # a hidden overview catches up when it is shown again

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _computed(self, result: stats.Overview) -> None:
        if not isValid(self):  # the window was rebuilt (a language switch) while the job ran
            return
        self._running = False
        self.result = result
        self._show(result)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self._running = False
        reason = (
            i18n.message(error) if isinstance(error, StoreError) else self.tr("lỗi không mong đợi, đã ghi vào nhật ký")
        )
        self.status_label.setText(self.tr("Không tính được số liệu ({reason}).").format(reason=reason))
        if self._again:
            self._again = False
            self.refresh()

    # ----- showing -----

    def _show(self, result: stats.Overview) -> None:
        self.status_label.setText(self.tr("Số liệu đến ngày {day}").format(day=display_date(result.today)))
        cover = result.coverage
        self.coverage_tile.show_figure(
            f"{number(cover.part)}/{number(cover.whole)}",
            self.tr("thôn có tổ ({percent})").format(percent=percent(cover.percent)),
        )
        self.teams_tile.show_figure(number(result.teams), self.tr("tổ công nghệ số cộng đồng"))
        self.members_tile.show_figure(number(result.members), self.tr("người đang tham gia các tổ"))
        self.sessions_tile.show_figure(
            number(result.month.sessions), self.tr("năm nay: {count}").format(count=number(result.year.sessions))
        )
        self.citizens_tile.show_figure(
            number(result.month.citizens), self.tr("năm nay: {count}").format(count=number(result.year.citizens))
        )
        homes = result.households
        self.households_tile.show_figure(
            percent(homes.percent),
            self.tr("{part}/{whole} hộ").format(part=number(homes.part), whole=number(homes.whole))
            if homes.whole
            else self.tr("chưa có số liệu khảo sát"),
        )
        self._show_chart(result.months)
        self.categories.set_totals(result.categories_month, result.categories_year)
        self._show_attention(result.attention)

    def _show_chart(self, months: list[stats.MonthCount]) -> None:
        self.bar_set.remove(0, self.bar_set.count())
        self.bar_set.append([float(month.sessions) for month in months])
        self.month_axis.clear()
        self.month_axis.append([month_label(month.year, month.month).replace("/", "/<br>") for month in months])
        highest = max((month.sessions for month in months), default=0)
        # Headroom above the tallest bar for its label; a round top keeps the grid lines on whole numbers.
        top = max(5, highest * 1.15)
        self.value_axis.setRange(0, top)
        self.value_axis.applyNiceNumbers()

    def _show_attention(self, items: list[stats.Attention]) -> None:
        self.attention_list.clear()
        self.attention_box.setTitle(
            self.tr("Cần chú ý ({count})").format(count=number(len(items))) if items else self.tr("Cần chú ý")
        )
        if not items:
            empty = QListWidgetItem(self.tr("Không có việc gì cần chú ý."))
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.attention_list.addItem(empty)
            return
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for item in items:
            text, hint = self.describe(item)
            row = QListWidgetItem(icon, text)
            row.setToolTip(hint)
            row.setData(Qt.ItemDataRole.UserRole, hint)
            self.attention_list.addItem(row)

    def describe(self, item: stats.Attention) -> tuple[str, str]:
        """What an attention item says, and what to do about it."""
        noun = i18n.label(record_type(item.record_type)) if item.record_type else ""
        if item.kind == stats.TEAM_WITHOUT_LEADER:
            return (
                self.tr("{name} chưa có Tổ trưởng.").format(name=item.name),
                self.tr("Vào mục Tổ CNSCĐ, chọn tổ này và giao chức danh Tổ trưởng cho một thành viên."),
            )
        if item.kind == stats.VILLAGE_WITHOUT_TEAM:
            return (
                self.tr("{name} chưa có tổ công nghệ số cộng đồng.").format(name=item.name),
                self.tr("Vào mục Tổ CNSCĐ để thành lập tổ cho thôn này."),
            )
        if item.kind == stats.DRAFT_DECISION:
            return (
                self.tr("Quyết định số {number} năm {year} vẫn là dự thảo.").format(number=item.name, year=item.note),
                self.tr("Vào mục Quyết định để hoàn thiện và ban hành quyết định này."),
            )
        if item.kind == stats.REJECTED:
            return (
                self.tr("Máy chủ tỉnh không nhận thay đổi của {noun} “{name}”.").format(
                    noun=noun.lower(), name=item.name
                ),
                self.tr("Vào mục Đồng bộ để xem lý do, sửa lại rồi gửi lại."),
            )
        return (
            self.tr("{noun} “{name}” được sửa khác nhau trên máy này và trên máy chủ tỉnh.").format(
                noun=noun, name=item.name
            ),
            self.tr("Vào mục Đồng bộ để chọn giữ bản nào."),
        )

    def _explain(self, row: QListWidgetItem) -> None:
        hint = row.data(Qt.ItemDataRole.UserRole)
        if hint:
            messages.info(self, self.tr("Cần chú ý"), f"{row.text()}\n\n{hint}")


def _compute(store: Any, _job: Any) -> stats.Overview:
    """The reader job: every figure of the overview."""
    return stats.overview(store)
