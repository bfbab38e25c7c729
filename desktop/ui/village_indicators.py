"""A village's indicators: households meeting the 5-skill target by date, with the share and a trend chart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QMargins, QObject, Qt, QTime
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.store.describe import title
from desktop.store.store import Store, StoreError
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.models import SYNC_KEY, Column, RecordTableModel, VietnameseSortFilterProxy, plain_order, sync_label
from desktop.ui.undo import run_undoable
from desktop.ui.widgets import messages
from desktop.ui.widgets.editors import Editor
from desktop.ui.widgets.record_dialog import RecordDialog
from desktop.ui.widgets.rows import current_row_id, select_row_id
from sync.dates import display_date, parse_date
from sync.records import RecordInvalid

INDICATOR_FIELDS = ["village_id", "date", "households", "households_5skills"]
CHART_HEIGHT = 190


def share(skilled: int | None, households: int | None) -> float | None:
    """Percentage of households meeting the 5-skill target, or None when it cannot be worked out."""
    if skilled is None or not households:
        return None
    return 100.0 * skilled / households


def percent_text(value: float | None) -> str:
    """ "62,5%" the Vietnamese way (decimal comma; "50%" without a useless ",0"); "—" for no value."""
    if value is None:
        return "—"
    text = f"{value:.1f}".replace(".", ",")
    return (text[:-2] if text.endswith(",0") else text) + "%"


class IndicatorsModel(RecordTableModel):
    """One village's indicator entries, newest first, each with the share of households meeting the target."""

    CONTEXT = "IndicatorsModel"
    DATE, HOUSEHOLDS, SKILLED, SHARE = range(4)
    COLUMNS = (
        Column("date", QT_TRANSLATE_NOOP("IndicatorsModel", "Ngày"), display=display_date, order=plain_order),
        Column("households", QT_TRANSLATE_NOOP("IndicatorsModel", "Số hộ"), order=plain_order, numeric=True),
        Column(
            "households_5skills",
            QT_TRANSLATE_NOOP("IndicatorsModel", "Số hộ đạt 5 kỹ năng số"),
            order=plain_order,
            numeric=True,
        ),
        Column(
            "share",
            QT_TRANSLATE_NOOP("IndicatorsModel", "Tỷ lệ"),
            display=percent_text,
            order=lambda value: (value is None, value or 0.0),
            numeric=True,
        ),
        Column(SYNC_KEY, QT_TRANSLATE_NOOP("IndicatorsModel", "Đồng bộ"), display=sync_label),
    )
    SYNC_TYPE = "village_indicators"

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(store, parent)
        self.village_id = ""

    def set_village(self, village_id: str) -> None:
        """Show another village's indicators ("" for none)."""
        self.village_id = village_id
        self.reload()

    def read_rows(self) -> list[dict[str, Any]]:
        if not self.village_id:
            return []
        village = self.store.get("villages", self.village_id) or {}
        rows = []
        for entry in self.store.rows("village_indicators", "village_id = ?", [self.village_id], order_by="date DESC"):
            # An entry without its own household count is read against the village's.
            households = entry.get("households") if entry.get("households") is not None else village.get("households")
            rows.append(
                {**entry, "households": households, "share": share(entry.get("households_5skills"), households)}
            )
        return rows


class IndicatorChart(QChartView):
    """The share of households meeting the 5-skill target over time, as a line with its points marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFixedHeight(CHART_HEIGHT)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture of the table above; nothing to do in it
        self.points: list[tuple[str, float]] = []
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        self.line = QLineSeries()
        self.line.setPen(QPen(QColor("#1f6fb2"), 2))
        self.dots = QScatterSeries()
        self.dots.setMarkerSize(8)
        self.dots.setColor(QColor("#1f6fb2"))
        chart.addSeries(self.line)
        chart.addSeries(self.dots)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MM/yyyy")
        self.x_axis.setTickCount(4)
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 100)
        self.y_axis.setLabelFormat("%d%%")
        self.y_axis.setTickCount(5)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.line, self.dots):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.setChart(chart)

    def set_points(self, points: list[tuple[str, float]]) -> None:
        """Plot (ISO date, percentage) points, oldest first."""
        self.points = sorted(points)
        self.line.clear()
        self.dots.clear()
        moments = []
        for day, value in self.points:
            moment = QDateTime(parse_date(day), QTime(12, 0))
            moments.append(moment)
            self.line.append(moment.toMSecsSinceEpoch(), value)
            self.dots.append(moment.toMSecsSinceEpoch(), value)
        if moments:
            # A single entry or entries days apart still get a readable span of months.
            start, end = moments[0].addDays(-20), moments[-1].addDays(20)
            self.x_axis.setRange(start, end)
            self.x_axis.setTickCount(2 if len(moments) == 1 else min(5, len(moments) + 1))


class _FixedEditor(Editor):
    """The village an indicator belongs to: shown by name, not chosen (the panel already chose it)."""

    def __init__(self, record_id: str, text: str) -> None:
        super().__init__(QLabel(text))
        self.record_id = record_id

    def value(self) -> Any:
        return self.record_id

    def set_value(self, value: Any) -> None:
        self.record_id = value or self.record_id


class IndicatorsPanel(QGroupBox):
    """A village's indicator entries: summary, table, trend chart, and add/edit/delete (each undoable)."""

    def __init__(self, ctx: AppContext, run_dialog: Callable[[QDialog], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Hộ gia đình đạt 5 kỹ năng số cơ bản"))
        self.ctx = ctx
        self.run_dialog = run_dialog  # the view's, so tests drive the dialogs in one place
        self.village: dict[str, Any] | None = None
        self.model = IndicatorsModel(ctx.store, self)
        self.proxy = VietnameseSortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        view = QTableView()
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.setSortingEnabled(True)
        view.sortByColumn(IndicatorsModel.DATE, Qt.SortOrder.DescendingOrder)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setMinimumHeight(view.fontMetrics().height() * 7)
        view.activated.connect(lambda _index: self.edit())
        self.view = view
        # Adding works anywhere in the view (the view adds this action to itself); the rest in the table.
        self.add_action = self._action(
            self.tr("Thêm số liệu…"),
            "Ctrl+Shift+N",
            self.tr("Ghi số hộ và số hộ đạt 5 kỹ năng số tại một ngày (Ctrl+Shift+N; Insert trong bảng)"),
            self.add,
        )
        self.edit_action = self._action(
            self.tr("Sửa"), "F2", self.tr("Sửa dòng số liệu đang chọn (F2 hoặc Enter)"), self.edit, view
        )
        self.delete_action = self._action(
            self.tr("Xóa"),
            "Del",
            self.tr("Xóa dòng số liệu đang chọn (Delete); có thể hoàn tác bằng Ctrl+Z"),
            self.delete,
            view,
        )
        self._action(self.tr("Thêm số liệu…"), "Ins", "", self.add, view)
        self.add_button = QPushButton(self.tr("Thêm số &liệu…"))
        self.edit_button = QPushButton(self.tr("Sử&a"))
        self.delete_button = QPushButton(self.tr("&Xóa"))
        for button, action in (
            (self.add_button, self.add_action),
            (self.edit_button, self.edit_action),
            (self.delete_button, self.delete_action),
        ):
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
        view.selectionModel().currentRowChanged.connect(self._update_actions)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = IndicatorChart()
        self.no_data = QLabel(self.tr("Chưa có số liệu. Bấm “Thêm số liệu…” để ghi lần đầu."))
        self.no_data.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(view)
        layout.addWidget(self.no_data)
        layout.addWidget(self.chart)
        QWidget.setTabOrder(view, self.add_button)
        QWidget.setTabOrder(self.add_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.delete_button)

    def _action(self, text: str, key: str, tip: str, slot: Callable[[], None], owner: QWidget | None = None) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut if owner is None else Qt.ShortcutContext.WidgetShortcut
        )
        action.setToolTip(tip)
        action.triggered.connect(slot)
        if owner is not None:
            owner.addAction(action)
        return action

    # ----- showing -----

    def set_village(self, village: dict[str, Any] | None) -> None:
        """Show a village's entries (None for none), keeping the chosen entry when it is still there."""
        chosen = self.current_id()
        self.village = village
        self.model.set_village(village["id"] if village else "")
        rows = [self.model.row(i) for i in range(self.model.rowCount())]
        self.view.setVisible(bool(rows))
        self.no_data.setVisible(not rows)
        points = [(row["date"], row["share"]) for row in rows if row["share"] is not None]
        self.chart.set_points(points)
        self.chart.setVisible(bool(points))
        self.summary.setVisible(bool(rows))
        if rows:
            latest = rows[0]
            self.summary.setText(
                self.tr("Mới nhất ({date}): {skilled}/{households} hộ đạt 5 kỹ năng số — {share}").format(
                    date=display_date(latest["date"]),
                    skilled=_count(latest.get("households_5skills")),
                    households=_count(latest.get("households")),
                    share=percent_text(latest["share"]),
                )
            )
        if chosen:
            self.select(chosen)
        for widget in (self.add_action, self.add_button):
            widget.setEnabled(village is not None)
        self._update_actions()

    def current_id(self) -> str:
        """The entry chosen in the table, or ""."""
        return current_row_id(self.view)

    def select(self, indicator_id: str) -> bool:
        """Choose an entry by id."""
        return select_row_id(self.view, indicator_id)

    def _update_actions(self, *_args: object) -> None:
        chosen = bool(self.current_id())
        for widget in (self.edit_action, self.edit_button, self.delete_action, self.delete_button):
            widget.setEnabled(chosen)

    # ----- editing -----

    def dialog(self, record: dict[str, Any] | None) -> RecordDialog:
        """The form of one entry, with the share worked out as it is typed."""
        assert self.village is not None
        name = title("villages", self.village)
        latest = self.model.row(0) if self.model.rowCount() else {}
        defaults = {
            "village_id": self.village["id"],
            "date": self.ctx.store.today().isoformat(),
            "households": latest.get("households", self.village.get("households")),
            "households_5skills": latest.get("households_5skills"),
        }
        dialog = RecordDialog(
            self.ctx,
            "village_indicators",
            INDICATOR_FIELDS,
            record,
            defaults=defaults,
            custom={"village_id": _FixedEditor(self.village["id"], name)},
            parent=self,
        )
        caption = self.tr("Sửa số liệu của {village}") if record else self.tr("Ghi số liệu của {village}")
        dialog.setWindowTitle(caption.format(village=name))
        # The share as it is typed, so a slip (182 typed as 18) shows before it is saved.
        result = QLabel()
        dialog.layout().insertWidget(1, result)

        def update() -> None:
            values = dialog.form.values()
            try:
                skilled, households = int(values["households_5skills"]), int(values["households"])
            except (TypeError, ValueError):
                result.setText("")
                return
            text = self.tr("Tỷ lệ hộ đạt 5 kỹ năng số: {share}")
            result.setText(text.format(share=percent_text(share(skilled, households))))

        dialog.form.edited.connect(update)
        update()
        dialog.indicator_share = result  # type: ignore[attr-defined]
        return dialog

    def add(self) -> None:
        """Record households and households meeting the 5-skill target on a date (Ctrl+Shift+N)."""
        if self.village is None:
            return
        dialog = self.dialog(None)
        if self.run_dialog(dialog) and dialog.saved:
            self.select(dialog.saved["id"])

    def edit(self) -> None:
        """Correct the chosen entry (F2 or Enter in the table)."""
        record = self.ctx.store.get("village_indicators", self.current_id()) if self.current_id() else None
        if self.village is not None and record:
            self.run_dialog(self.dialog(record))

    def delete(self) -> None:
        """Delete the chosen entry (undoable)."""
        indicator_id = self.current_id()
        if not indicator_id:
            return
        try:
            run_undoable(
                self.ctx.undo,
                self.ctx.store,
                self.ctx.hub,
                self.tr("Xóa số liệu của thôn"),
                lambda store: store.delete("village_indicators", indicator_id),
            )
        except (RecordInvalid, StoreError) as error:
            messages.error(self, self.tr("Không xóa được số liệu"), i18n.message(error))
            return
        self.ctx.hub.status_message.emit(self.tr("Đã xóa dòng số liệu. Nhấn Ctrl+Z để hoàn tác."))


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)
