"""The support-sessions table: 100,000 sessions and more, read a page at a time as the table scrolls.

rowCount() is what has been read so far; `total` is how many sessions match (a COUNT query). Searching,
ranking places and counting run on a worker thread of the model's own, so typing never waits for them and
an export running on ctx.reader does not hold the table up; only the pages themselves (a few ms each,
always walking an index) are read on the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.store.record_sync import REJECTED, SyncState, latest_states
from desktop.store.session_queries import (
    PAGE_SIZE,
    SORT_CITIZENS,
    SORT_DATE,
    SORT_PLACE,
    SORT_TEAM,
    Cursor,
    Names,
    Preparation,
    SessionQuery,
    cells,
    count_sessions,
    install,
    needs_preparation,
    prepare,
    read_page,
)
from desktop.store.store import Store
from desktop.ui import i18n
from desktop.ui.context import ALL_TYPES, AppContext, Job, JobCancelled, Worker
from desktop.ui.models import ATTENTION_COLOR, ID_ROLE, sync_label

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex

# Record types whose changes alter what the table shows (names of teams, people and categories too).
WATCHED = {"sessions", "teams", "people", "categories", ALL_TYPES}


class SessionsModel(QAbstractTableModel):
    """Sessions matching a SessionQuery, in its order, fetched on demand (canFetchMore/fetchMore)."""

    CONTEXT = "SessionsModel"
    # The sync state second: at 1366 px the columns after the place are scrolled out of sight.
    DATE, SYNC, TIME, TEAM, PLACE, CATEGORIES, CITIZENS, MEMBERS, NOTES = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("SessionsModel", "Ngày"),
        QT_TRANSLATE_NOOP("SessionsModel", "Đồng bộ"),
        QT_TRANSLATE_NOOP("SessionsModel", "Giờ"),
        QT_TRANSLATE_NOOP("SessionsModel", "Tổ"),
        QT_TRANSLATE_NOOP("SessionsModel", "Địa điểm"),
        QT_TRANSLATE_NOOP("SessionsModel", "Lĩnh vực"),
        QT_TRANSLATE_NOOP("SessionsModel", "Số người"),
        QT_TRANSLATE_NOOP("SessionsModel", "Thành viên tham gia"),
        QT_TRANSLATE_NOOP("SessionsModel", "Ghi chú"),
    )
    # The columns session_queries.cells() fills, in its order (what an export writes): all but the sync state.
    CELL_COLUMNS = (DATE, TIME, TEAM, PLACE, CATEGORIES, CITIZENS, MEMBERS, NOTES)
    _CELL_OF: ClassVar[dict[int, int]] = {column: cell for cell, column in enumerate(CELL_COLUMNS)}
    # The columns that sort (in SQL); the others keep the order they are clicked in.
    SORT_KEYS: ClassVar[dict[int, str]] = {DATE: SORT_DATE, TEAM: SORT_TEAM, PLACE: SORT_PLACE, CITIZENS: SORT_CITIZENS}

    loaded = Signal()  # a new query's first page and count are in (total, citizens, rowCount)
    loading_changed = Signal(bool)
    failed = Signal(str)  # reading went wrong: what to tell the user

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        # Its own thread and connection, so a long export on ctx.reader never holds the table up.
        self.worker = Worker("phien", ctx.data_dir, ctx.store, ctx.hub, synchronous=ctx.reader.synchronous)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.worker.stop)
        self.query = SessionQuery()
        self.total = 0
        self.citizens = 0
        self.loading = False
        # Per row only its id and its cells as a tuple of str and int, which the garbage collector stops
        # tracking: 100,000 loaded rows of dicts made every full collection pause the table for 100 ms.
        self._ids: list[str] = []
        self._cells: list[tuple[Any, ...]] = []
        # The sync state of each row's latest change, read per page (never for all 100,000 sessions).
        self._states: list[SyncState] = []
        self._cursor: Cursor | None = None
        self._names = Names({}, {}, {})
        self._preparation: Preparation | None = None  # what the GUI connection's TEMP tables hold
        self._installed: dict[int, Preparation] = {}  # per connection (by id), so each is filled once
        self._counted: tuple[Any, ...] | None = None  # the filters the total belongs to
        self._generation = 0
        self._job: Job | None = None
        ctx.hub.data_changed.connect(self._data_changed)

    # ----- what is shown -----

    def set_query(self, query: SessionQuery) -> None:
        """Show the sessions of another query (filters, search or sort)."""
        if query != self.query:
            self.query = query
            self.reload()

    def reload(self, *, data_changed: bool = False) -> None:
        """Read the query again: prepare and count in the background, then the first page here."""
        if data_changed:
            self._preparation, self._counted = None, None  # new places, hits or totals
        self._generation += 1
        generation, query = self._generation, self.query
        if self._job is not None:
            self._job.cancel()
        prepared = self._preparation if self._preparation and self._preparation.serves(query) else None
        filters = (query.team_id, query.date_from, query.date_to, query.category, query.expression, query.unsynced)
        recount = filters != self._counted

        def task(store: Store, job: Job) -> tuple[Preparation, tuple[int, int] | None]:
            job.check()  # a newer query came while this one waited
            preparation = prepared or (prepare(store.db, query, job.check) if needs_preparation(query) else None)
            preparation = preparation or Preparation()
            job.check()
            if not recount:
                return preparation, None
            self._install(store, preparation)
            return preparation, count_sessions(store.db, query)

        self._set_loading(True)
        self._job = self.worker.submit(
            task,
            done=lambda result: self._apply(generation, filters, result),
            failed=lambda error: self._failed(generation, error),
        )

    def _install(self, store: Store, preparation: Preparation) -> None:
        if self._installed.get(id(store.db)) is not preparation:
            install(store.db, preparation)
            self._installed[id(store.db)] = preparation

    def _apply(
        self, generation: int, filters: tuple[Any, ...], result: tuple[Preparation, tuple[int, int] | None]
    ) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        preparation, counted = result
        self._job = None
        self._preparation = preparation
        store = self.ctx.store
        try:
            self._install(store, preparation)
            self._names = Names.load(store.db, i18n.language(), short=True)
            rows, cursor = read_page(store.db, self.query, None, self.page_size)
            states = self._read_states(rows)
        except Exception as error:  # a damaged or locked file: say so instead of showing stale rows
            self._failed(generation, error)
            return
        self.beginResetModel()
        self._cursor = cursor
        self._ids = [row["id"] for row in rows]
        self._cells = [tuple(cells(row, self._names)) for row in rows]
        self._states = states
        self.endResetModel()
        if counted is not None:
            self.total, self.citizens = counted
            self._counted = filters
        self._set_loading(False)
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation or isinstance(error, JobCancelled):
            return
        self._job = None
        log.error("reading sessions failed", exc_info=error)
        self._set_loading(False)
        self.failed.emit(
            QCoreApplication.translate("SessionsModel", "Không đọc được danh sách buổi hỗ trợ: {error}").format(
                error=error
            )
        )

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    def _data_changed(self, type_name: str) -> None:
        if type_name in WATCHED:
            self.reload(data_changed=True)

    def _read_states(self, rows: list[dict[str, Any]]) -> list[SyncState]:
        """The sync state of each row of a page: one query joining the page's ids with their latest change."""
        ids = [row["id"] for row in rows]
        states = latest_states(self.ctx.store.db, "sessions", ids)
        return [states.get(record_id, ("", None)) for record_id in ids]

    # ----- rows -----

    def row(self, row: int) -> dict[str, Any]:
        """The session shown in a row, read from the store."""
        return self.ctx.store.require("sessions", self._ids[row])

    def row_of(self, record_id: str) -> int:
        """The row showing a session, or -1 when it is not loaded (or not matching)."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def preparation(self) -> Preparation:
        """What the current query's pages need (for an export that reads them elsewhere)."""
        return self._preparation or Preparation()

    def sort_column(self) -> int:
        """The column the table is sorted by."""
        return next(column for column, key in self.SORT_KEYS.items() if key == self.query.sort)

    # ----- QAbstractTableModel -----

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._cursor is None:
            return
        try:
            rows, cursor = read_page(self.ctx.store.db, self.query, self._cursor, self.page_size)
            states = self._read_states(rows)
        except Exception as error:
            self._cursor = None  # do not ask again on every scroll
            self._failed(self._generation, error)
            return
        self._cursor = cursor
        if not rows:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._ids.extend(row["id"] for row in rows)
        self._cells.extend(tuple(cells(row, self._names)) for row in rows)
        self._states.extend(states)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if index.column() == self.SYNC:
            return self._sync_data(index.row(), role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._cells[index.row()][self._CELL_OF[index.column()]]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.CITIZENS:
                return str(value)
            return value if role == Qt.ItemDataRole.DisplayRole or value != "" else None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.CITIZENS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _sync_data(self, row: int, role: int) -> Any:
        state, reason = self._states[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return sync_label(state)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Why the server refused it, in its own (Vietnamese) words; otherwise the state itself.
            return reason if state == REJECTED and reason else sync_label(state) or None
        if role == Qt.ItemDataRole.ForegroundRole and state == REJECTED:
            return QColor(ATTENTION_COLOR)
        if role == ID_ROLE:
            return self._ids[row]
        return None

    def sync_state(self, row: int) -> SyncState:
        """(state, reason) of a row's latest change, as read with its page."""
        return self._states[row]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in self.SORT_KEYS:
            return QCoreApplication.translate("SessionsModel", "Bấm để sắp xếp theo cột này")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is not None:
            self.set_query(replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))
