"""Hoạt động hỗ trợ: every support session in one big table with filters and search, beside the fast-entry form.

Left: filters (team, period, category), the tool bar and search box of RecordList, and the table, read a
page at a time. Right: SessionEntry, where a stack of paper forms is typed in, or the session picked in the
table is edited. F6 moves between the two; Ctrl+F goes to the search box.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.store.describe import title
from desktop.store.export import write_table
from desktop.store.session_queries import (
    PERIOD_ALL,
    PERIOD_CUSTOM,
    PERIOD_LAST_MONTH,
    PERIOD_LAST_YEAR,
    PERIOD_THIS_MONTH,
    PERIOD_THIS_YEAR,
    Names,
    cells,
    count_sessions,
    install,
    iter_sessions,
    period_range,
)
from desktop.store.store import Store, StoreError
from desktop.ui import i18n
from desktop.ui.context import ALL_TYPES, AppContext, Job
from desktop.ui.session_entry import SessionEntry
from desktop.ui.session_model import SessionsModel
from desktop.ui.undo import run_undoable
from desktop.ui.widgets import messages
from desktop.ui.widgets.job_progress import run_with_progress
from desktop.ui.widgets.record_list import RecordList
from sync.records import RecordInvalid
from sync.text import collation_key

SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs: one search per word, not per key
ENTRY_WIDTH = 440


def number(value: int) -> str:
    """A whole number grouped the way the interface language does (1.234 in Vietnamese)."""
    return i18n.LOCALES[i18n.language()].toString(int(value))


class SessionList(RecordList):
    """RecordList whose count tells how many sessions match (not how many are loaded), exporting all of them."""

    def update_count(self, *_args: object) -> None:
        """Say how many sessions match, how many citizens they helped, and how many rows are shown so far."""
        model = self.model
        assert isinstance(model, SessionsModel)
        if model.loading and not model.rowCount():
            self.count_label.setText(self.tr("Đang đọc…"))
            return
        text = self.tr("{total} buổi hỗ trợ · {citizens} lượt người được hỗ trợ").format(
            total=number(model.total), citizens=number(model.citizens)
        )
        if model.rowCount() < model.total:
            text += self.tr(" · đang hiện {loaded} dòng đầu, cuộn xuống để xem tiếp").format(
                loaded=number(model.rowCount())
            )
        if model.loading:
            text += self.tr(" · đang tìm…")
        self.count_label.setText(text)

    def fit_columns(self) -> None:
        """Fit the columns once, to the first rows; later pages and filters keep the widths (no jumping)."""
        if not getattr(self, "_fitted", False) and self.model.rowCount():
            super().fit_columns()
            self._fitted = True

    def export(self) -> None:
        """Write every matching session (not only the rows loaded) to .xlsx, off the GUI thread, cancellable."""
        model = self.model
        assert isinstance(model, SessionsModel)
        default = str(Path.home() / f"{self.export_title}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất ra Excel"), default, self.tr("Tệp Excel (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        query, preparation, language = model.query, model.preparation(), i18n.language()
        # The session's own columns: its sync state is this laptop's business, not the sheet's.
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in SessionsModel.CELL_COLUMNS]
        sheet = self.export_title

        def task(store: Store, job: Job) -> int:
            install(store.db, preparation)  # the search hits and ranks, into this thread's connection
            names = Names.load(store.db, language)
            total = count_sessions(store.db, query)[0]

            def rows() -> Any:
                for done, row in enumerate(iter_sessions(store.db, query, check=job.check), start=1):
                    if done % 500 == 0:
                        job.progress(done, total)
                    yield cells(row, names)

            return write_table(Path(path), sheet, headers, rows())

        run_with_progress(
            self.ctx.reader,
            self,
            self.tr("Đang xuất {count} buổi hỗ trợ ra Excel…").format(count=number(model.total)),
            task,
            done=lambda count: self.ctx.hub.status_message.emit(
                self.tr("Đã xuất {count} buổi hỗ trợ ra {path}").format(count=number(count), path=path)
            ),
            failed=lambda error: messages.error(self, self.tr("Không xuất được tệp Excel"), str(error)),
        )


class SessionsView(QWidget):
    """The sessions area: filters and the paged table on the left, fast entry on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = SessionsModel(ctx, self)
        self.list = SessionList(ctx, self.model, self.tr("buổi hỗ trợ"))
        self.list.export_title = self.tr("Buổi hỗ trợ")
        self.entry = SessionEntry(ctx)

        self.team_filter = QComboBox()
        self.team_filter.setToolTip(self.tr("Chỉ xem buổi hỗ trợ của một tổ"))
        self.period = QComboBox()
        self.period.setToolTip(self.tr("Chỉ xem buổi hỗ trợ trong một khoảng thời gian"))
        for key, text in (
            (PERIOD_ALL, self.tr("Mọi lúc")),
            (PERIOD_THIS_MONTH, self.tr("Tháng này")),
            (PERIOD_LAST_MONTH, self.tr("Tháng trước")),
            (PERIOD_THIS_YEAR, self.tr("Năm nay")),
            (PERIOD_LAST_YEAR, self.tr("Năm trước")),
            (PERIOD_CUSTOM, self.tr("Từ ngày… đến ngày…")),
        ):
            self.period.addItem(text, key)
        today = QDate(ctx.store.today())
        self.date_from = self._date_edit(QDate(today.year(), today.month(), 1), self.tr("Từ ngày"))
        self.date_to = self._date_edit(today, self.tr("Đến ngày"))
        self.category_filter = QComboBox()
        self.category_filter.setToolTip(self.tr("Chỉ xem buổi hỗ trợ có lĩnh vực này"))
        self.unsynced_filter = QCheckBox(self.tr("Chỉ buổi chưa đồng &bộ / bị từ chối"))
        self.unsynced_filter.setToolTip(
            self.tr("Chỉ xem buổi hỗ trợ chưa gửi được lên máy chủ tỉnh hoặc bị máy chủ từ chối")
        )

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for caption, widget in (
            (self.tr("Tổ:"), self.team_filter),
            (self.tr("Thời gian:"), self.period),
            (self.tr("Lĩnh vực:"), self.category_filter),
        ):
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(10)
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 1)
        # The dates of "Từ ngày… đến ngày…" on a line of their own, shown only for that choice.
        self.range_row = QWidget()
        dates = QHBoxLayout(self.range_row)
        dates.setContentsMargins(0, 0, 0, 0)
        for caption, widget in ((self.tr("Từ ngày:"), self.date_from), (self.tr("đến ngày:"), self.date_to)):
            label = QLabel(caption)
            label.setBuddy(widget)
            dates.addWidget(label)
            dates.addWidget(widget)
        self.range_row.hide()
        # A line of its own: beside the three lists it would squeeze the entry form at 1366 px.
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.range_row)
        second.addStretch(1)
        second.addWidget(self.unsynced_filter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(second)
        left_layout.addWidget(self.list, 1)

        self.entry_area = QScrollArea()
        self.entry_area.setWidget(self.entry)
        self.entry_area.setWidgetResizable(True)
        self.entry_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.entry_area.setMinimumWidth(360)
        self.entry_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.entry_area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([10_000, ENTRY_WIDTH])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._shortcuts()
        self._connect()
        self.refresh_filters()
        self.list.view.horizontalHeader().setSortIndicator(SessionsModel.DATE, Qt.SortOrder.DescendingOrder)
        self.list.view.setSortingEnabled(True)
        self.list.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_clicked)
        self.model.reload()

    def _date_edit(self, value: QDate, tip: str) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setToolTip(tip)
        edit.dateChanged.connect(self.apply_filters)
        return edit

    def _shortcuts(self) -> None:
        for keys, slot, widget in (
            ("F6", self.switch_focus, self),
            ("Ctrl+F", self.focus_search, self),
            ("Ctrl+N", self.new_session, self.entry_area),  # the list has its own Ctrl+N (Thêm)
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            widget.addAction(action)
        self.list.search_edit.setToolTip(self.tr("Tìm theo địa điểm, ghi chú (không cần gõ dấu) — Ctrl+F"))
        self.list.add_action.setToolTip(self.tr("Nhập phiếu mới ở khung bên phải (Ctrl+N)"))
        self.list.edit_action.setToolTip(self.tr("Sửa buổi đang chọn ở khung bên phải (F2 hoặc Enter)"))

    def _connect(self) -> None:
        self.list.add_requested.connect(self.new_session)
        self.list.edit_requested.connect(self.edit_session)
        self.list.delete_requested.connect(self.delete_session)
        self.list.history_requested.connect(self.show_history)
        self.list.current_changed.connect(self._current_changed)
        self.list.search_changed.connect(lambda _text: self._search_timer.start())
        self.team_filter.currentIndexChanged.connect(self.apply_filters)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.category_filter.currentIndexChanged.connect(self.apply_filters)
        self.unsynced_filter.toggled.connect(self.apply_filters)
        self.model.loaded.connect(self._loaded)
        self.model.loading_changed.connect(self.list.update_count)
        self.model.failed.connect(lambda text: messages.error(self, self.tr("Không đọc được dữ liệu"), text))
        self.entry.saved.connect(lambda _id: self.list.view.clearSelection())
        self.ctx.hub.data_changed.connect(self._data_changed)

    # ----- filters -----

    def refresh_filters(self) -> None:
        """Fill the team and category lists again, keeping the choice."""
        store = self.ctx.store
        teams = sorted(store.rows("teams"), key=lambda t: (t["status"] != "active", collation_key(t["name"])))
        categories = store.rows("categories", order_by="sort_order, code")
        english = i18n.language() == "en"
        for combo, everything, items in (
            (self.team_filter, self.tr("Tất cả các tổ"), [(t["id"], t["name"]) for t in teams]),
            (
                self.category_filter,
                self.tr("Mọi lĩnh vực"),
                [(c["code"], (c.get("name_en") if english else None) or c["name"]) for c in categories],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _period_changed(self) -> None:
        self.range_row.setVisible(self.period.currentData() == PERIOD_CUSTOM)
        self.apply_filters()

    def apply_filters(self) -> None:
        """Show the sessions the filters and the search box ask for."""
        self._search_timer.stop()
        period = self.period.currentData()
        if period == PERIOD_CUSTOM:
            start: date = self.date_from.date().toPython()  # type: ignore[assignment]
            end: date = self.date_to.date().toPython()  # type: ignore[assignment]
            first, last = min(start, end).isoformat(), max(start, end).isoformat()
        else:
            first, last = period_range(period, self.ctx.store.today())
        self.model.set_query(
            replace(
                self.model.query,
                team_id=self.team_filter.currentData(),
                date_from=first,
                date_to=last,
                category=self.category_filter.currentData(),
                unsynced=self.unsynced_filter.isChecked(),
                text=self.list.search_edit.text(),
            )
        )

    def _sort_clicked(self, section: int, _order: Qt.SortOrder) -> None:
        if section not in SessionsModel.SORT_KEYS:  # columns that do not sort keep the indicator where it was
            header = self.list.view.horizontalHeader()
            order = Qt.SortOrder.DescendingOrder if self.model.query.descending else Qt.SortOrder.AscendingOrder
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(), order)
            header.blockSignals(False)

    # ----- reacting -----

    def _loaded(self) -> None:
        self.list.update_count()
        editing = self.entry.editing
        if editing is not None:
            self.list.select_id(editing["id"])

    def _data_changed(self, type_name: str) -> None:
        if type_name in ("teams", "categories", "memberships", "people", ALL_TYPES):
            self.refresh_filters()
            self.entry.refresh()
        editing = self.entry.editing
        reload = type_name in ("sessions", ALL_TYPES) and editing is not None and not self.entry.dirty
        if reload and not self.entry.load(editing["id"]):  # deleted (or undone) while open
            self.entry.start_new()

    def _current_changed(self, record_id: str) -> None:
        if self.entry.dirty:
            return  # never overwrite what is being typed; F2/Enter asks first
        if record_id:
            self.entry.load(record_id)
        elif self.entry.editing is not None:
            self.entry.start_new()

    # ----- actions -----

    def new_session(self) -> None:
        """Ctrl+N: the cursor to a new form (leaving an edit if one was open)."""
        if self.entry.editing is not None and not self._may_discard():
            return
        if self.entry.editing is not None:
            self.entry.start_new()
            self.list.view.clearSelection()
        self.entry.focus_first()

    def edit_session(self, record_id: str) -> None:
        """F2, Enter or a double click: the session into the form, the cursor in its date."""
        editing = self.entry.editing
        if (editing is None or editing["id"] != record_id) and not self._may_discard():
            return
        if editing is None or editing["id"] != record_id:
            self.entry.load(record_id)
        self.entry.focus_first()

    def _may_discard(self) -> bool:
        if not self.entry.dirty:
            return True
        return messages.confirm(
            self,
            self.tr("Bỏ phiếu đang nhập?"),
            self.tr("Phiếu bên phải có thông tin chưa lưu. Bỏ những gì đã nhập?"),
            self.tr("Bỏ phiếu đang nhập"),
        )

    def delete_session(self, record_id: str) -> None:
        """Delete the selected session; Ctrl+Z brings it back."""
        record = self.ctx.store.get("sessions", record_id)
        if record is None:
            return
        described = title("sessions", record)
        try:
            run_undoable(
                self.ctx.undo,
                self.ctx.store,
                self.ctx.hub,
                self.tr("Xóa buổi hỗ trợ {title}").format(title=described),
                lambda store: store.delete("sessions", record_id),
            )
        except (RecordInvalid, StoreError) as error:
            messages.error(self, self.tr("Không xóa được buổi hỗ trợ"), str(error))
            return
        self.ctx.hub.status_message.emit(
            self.tr("Đã xóa buổi hỗ trợ {title}. Ctrl+Z để hoàn tác.").format(title=described)
        )

    def show_history(self, record_id: str) -> None:
        """Who entered and changed the session, and when."""
        from desktop.ui.history_dialog import HistoryDialog

        HistoryDialog(self.ctx, "sessions", record_id, self).exec()

    def switch_focus(self) -> None:
        """F6: between the table and the form."""
        if self.entry_area.isAncestorOf(self.focusWidget() or self):
            self.list.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if not self.list.view.currentIndex().isValid() and self.model.rowCount():
                self.list.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.entry.focus_first()

    def focus_search(self) -> None:
        """Ctrl+F: the cursor in the search box."""
        self.list.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list.search_edit.selectAll()
