"""Likely duplicate people, one group at a time: the user picks the record to keep and merges the others into it.

The groups come from desktop.store.people.find_duplicate_people (same name, folded, and the same phone or
birth year). A merge moves memberships and session attendance to the kept record and fills its gaps;
it runs on the writer thread (a person may have attended thousands of sessions) and Ctrl+Z undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.people import find_duplicate_people, merge_people
from desktop.store.rules import is_active_membership
from desktop.store.store import Store
from desktop.ui import i18n
from desktop.ui.context import ALL_TYPES, AppContext, Job
from desktop.ui.history_dialog import local_time
from desktop.ui.undo import submit_undoable
from desktop.ui.widgets import messages
from sync.phones import format_phone
from sync.records import record_type

WATCHED = {"people", "memberships", "teams", ALL_TYPES}
COLUMN_PADDING = 16  # measured and painted widths differ; a clipped header or tone mark reads wrong


@dataclass(frozen=True)
class Candidate:
    """One record of a duplicate group, as the dialog shows it."""

    id: str
    full_name: str
    birth_year: str
    phone: str
    position: str
    teams: str  # the teams served in today, with the role
    team_count: int
    sessions: int  # support sessions attended
    created: str  # local time, dd/MM/yyyy HH:mm


def read_groups(store: Store) -> list[list[Candidate]]:
    """The duplicate groups with what tells their records apart (runs on the reader thread)."""
    teams = {team["id"]: team["name"] for team in store.rows("teams", include_deleted=True)}
    roles = record_type("memberships").field("role")
    today = store.today().isoformat()
    groups = []
    for group in find_duplicate_people(store):
        candidates = []
        for person in group:
            posts = [
                f"{teams.get(m['team_id'], '')} ({i18n.choice_label(roles, m['role'])})"
                for m in store.rows("memberships", "person_id = ?", [person["id"]])
                if is_active_membership(m, today)
            ]
            candidates.append(
                Candidate(
                    id=person["id"],
                    full_name=person["full_name"],
                    birth_year=str(person.get("birth_year") or ""),
                    phone=format_phone(person.get("phone") or ""),
                    position=", ".join(p for p in (person.get("position"), person.get("organisation")) if p),
                    teams="; ".join(posts),
                    team_count=len(posts),
                    # A scan of the sessions' member lists: fine here, on the reader thread.
                    sessions=store.count("sessions", "member_ids LIKE ?", [f'%"{person["id"]}"%']),
                    created=local_time(person["created_at"]),
                )
            )
        groups.append(candidates)
    return groups


def default_keep(group: list[Candidate]) -> int:
    """The record to keep unless the user picks another: the one with most teams and sessions, else the oldest."""
    # Keeping the record with the most history also rewrites the fewest sessions.
    return max(range(len(group)), key=lambda i: (group[i].team_count, group[i].sessions, -i))


class DuplicatesDialog(QDialog):
    """Groups on the left; on the right the group's records, the one to keep selected, and the merge button."""

    KEEP, NAME, BIRTH_YEAR, PHONE, TEAMS, SESSIONS, CREATED = range(7)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.groups: list[list[Candidate]] = []
        self.skipped: set[frozenset[str]] = set()  # "not the same person", for as long as the dialog is open
        self.busy = False
        self.setWindowTitle(self.tr("Thành viên trùng lặp"))

        self.group_list = QListWidget()
        self.group_list.setAccessibleName(self.tr("Các nhóm có thể trùng"))
        self.group_list.setMinimumWidth(200)
        self.group_list.setMaximumWidth(220)
        self.group_list.currentRowChanged.connect(self._show_group)
        group_caption = QLabel(self.tr("&Nhóm có thể trùng:"))
        group_caption.setBuddy(self.group_list)

        self.intro = QLabel(
            self.tr(
                "Chọn bản ghi cần giữ lại. Các bản ghi còn lại được gộp vào đó: quá trình tham gia tổ và các "
                "buổi hỗ trợ được chuyển sang, thông tin còn thiếu được bổ sung. Có thể hoàn tác (Ctrl+Z)."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                "",
                self.tr("Họ và tên"),
                self.tr("Năm sinh"),
                self.tr("Số điện thoại"),
                self.tr("Tổ đang tham gia"),
                self.tr("Buổi hỗ trợ"),
                self.tr("Ngày tạo"),
            ]
        )
        self.table.setAccessibleName(self.tr("Các bản ghi của nhóm; dòng được chọn là bản ghi giữ lại"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # team names differ at their ends
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(self.TEAMS, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_plan)
        self.plan = QLabel()
        self.plan.setWordWrap(True)

        self.merge_button = QPushButton(self.tr("&Gộp vào bản ghi đã chọn"))
        self.merge_button.setToolTip(self.tr("Gộp các bản ghi còn lại vào bản ghi đang chọn (Alt+G hoặc Enter)"))
        self.merge_button.clicked.connect(self.merge)
        self.merge_button.setDefault(True)  # Enter in the table merges: the table passes Enter on to the dialog
        self.skip_button = QPushButton(self.tr("&Bỏ qua nhóm này"))
        self.skip_button.setToolTip(self.tr("Đây là những người khác nhau: không hỏi lại trong lần này (Alt+B)"))
        self.skip_button.clicked.connect(self.skip)
        self.undo_button = QPushButton(self.tr("&Hoàn tác"))
        self.undo_button.setToolTip(self.tr("Hoàn tác lần gộp vừa rồi (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        close_button = QPushButton(self.tr("Đóng"))
        close_button.setToolTip(self.tr("Đóng (Esc)"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        self.empty = QLabel(self.tr("Không có thành viên nào có vẻ bị nhập trùng."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        left = QVBoxLayout()
        left.addWidget(group_caption)
        left.addWidget(self.group_list, 1)
        right = QVBoxLayout()
        right.addWidget(self.intro)
        right.addWidget(self.table, 1)
        right.addWidget(self.empty, 1)
        right.addWidget(self.plan)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(close_button)
        right.addLayout(buttons)
        body = QHBoxLayout(self)
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        self.resize(1100, 480)  # fits a 1366×768 screen
        for first, second in (
            (self.group_list, self.table),
            (self.table, self.merge_button),
            (self.merge_button, self.skip_button),
            (self.skip_button, self.undo_button),
            (self.undo_button, close_button),
        ):
            QWidget.setTabOrder(first, second)

        ctx.hub.data_changed.connect(self._data_changed)
        ctx.undo.canUndoChanged.connect(self._update_buttons)
        self.finished.connect(self._disconnect)
        self.reload()

    # ----- loading -----

    def reload(self) -> None:
        """Find the groups again, off the GUI thread."""
        self.ctx.reader.submit(lambda store, _job: read_groups(store), done=self._loaded, failed=self._load_failed)

    def _data_changed(self, type_name: str) -> None:
        if type_name in WATCHED and not self.busy:
            self.reload()

    def _disconnect(self) -> None:
        self.ctx.hub.data_changed.disconnect(self._data_changed)
        self.ctx.undo.canUndoChanged.disconnect(self._update_buttons)

    def _loaded(self, groups: list[list[Candidate]]) -> None:
        if not shiboken6.isValid(self):  # closed while the reader worked
            return
        current = self.current_group()
        current_ids = {c.id for c in current} if current else set()
        self.groups = [g for g in groups if frozenset(c.id for c in g) not in self.skipped]
        self.group_list.blockSignals(True)
        self.group_list.clear()
        for group in self.groups:
            item = QListWidgetItem(
                self.tr("{name} — {count} bản ghi").format(name=group[0].full_name, count=len(group))
            )
            item.setToolTip(", ".join(c.full_name for c in group))
            self.group_list.addItem(item)
        self.group_list.blockSignals(False)
        # Stay on the group the user was looking at, if it is still there; else the first.
        row = next((i for i, g in enumerate(self.groups) if current_ids & {c.id for c in g}), 0)
        self.group_list.setCurrentRow(row if self.groups else -1)
        self._show_group(self.group_list.currentRow())

    def _load_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            messages.error(self, self.tr("Không tìm được thành viên trùng lặp"), i18n.message(error))

    def current_group(self) -> list[Candidate] | None:
        """The group shown on the right, or None."""
        row = self.group_list.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def _show_group(self, _row: int) -> None:
        group = self.current_group() or []
        has_group = bool(group)
        self.table.setVisible(has_group)
        self.intro.setVisible(has_group)
        self.empty.setVisible(not has_group)
        self.table.setRowCount(len(group))
        for row, candidate in enumerate(group):
            cells = (
                self.tr("Gộp vào"),
                candidate.full_name,
                candidate.birth_year,
                candidate.phone,
                candidate.teams,
                str(candidate.sessions),
                candidate.created,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == self.NAME and candidate.position:
                    item.setToolTip(f"{candidate.full_name} — {candidate.position}")
                if column in (self.BIRTH_YEAR, self.SESSIONS):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_PADDING)
        self.table.horizontalHeader().setSectionResizeMode(self.TEAMS, QHeaderView.ResizeMode.Stretch)
        if group:
            self.select_keep(default_keep(group))
        self._update_plan()

    # ----- choosing and merging -----

    def select_keep(self, row: int) -> None:
        """Mark a row of the current group as the record to keep."""
        self.table.selectRow(row)
        self.table.setCurrentCell(row, 0)

    def keep_row(self) -> int:
        """The row of the record to keep, or -1."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_plan(self) -> None:
        group, row = self.current_group(), self.keep_row()
        bold = self.table.font()
        bold.setBold(True)
        for other in range(self.table.rowCount()):
            marker = self.table.item(other, self.KEEP)
            if marker is not None:
                marker.setText(self.tr("Giữ lại") if other == row else self.tr("Gộp vào"))
                marker.setFont(bold if other == row else self.table.font())
        if not group or row < 0:
            self.plan.setText("")
        else:
            keep = group[row]
            self.plan.setText(
                self.tr("Giữ lại bản ghi {name} tạo lúc {created}; gộp {count} bản ghi còn lại vào đó.").format(
                    name=keep.full_name, created=keep.created, count=len(group) - 1
                )
            )
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        ready = not self.busy and self.current_group() is not None and self.keep_row() >= 0
        self.merge_button.setEnabled(ready)
        self.skip_button.setEnabled(not self.busy and self.current_group() is not None)
        self.undo_button.setEnabled(not self.busy and self.ctx.undo.canUndo())
        self.undo_action.setEnabled(self.undo_button.isEnabled())

    def merge(self) -> None:
        """Merge the group into the selected record, on the writer thread; one undo step."""
        group, row = self.current_group(), self.keep_row()
        if self.busy or not group or row < 0:
            return
        keep = group[row]
        drops = [c.id for c in group if c.id != keep.id]
        text = self.tr("Gộp thành viên trùng: {name}").format(name=keep.full_name)

        def operation(store: Store, _job: Job) -> dict[str, Any]:
            return merge_people(store, keep.id, drops)

        self.busy = True
        self.plan.setText(self.tr("Đang gộp…"))
        self._update_buttons()
        submit_undoable(self.ctx.writer, self.ctx.undo, text, operation, done=self._merged, failed=self._merge_failed)

    def _merged(self, kept: dict[str, Any]) -> None:
        self.ctx.hub.status_message.emit(self.tr("Đã gộp các bản ghi trùng vào {name}.").format(name=kept["full_name"]))
        self._finish_job()

    def _merge_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            messages.error(self, self.tr("Không gộp được"), i18n.message(error))
        self._finish_job()

    def _finish_job(self) -> None:
        self.busy = False
        if shiboken6.isValid(self):
            self.reload()

    def skip(self) -> None:
        """Leave this group alone: they are different people who share a name."""
        group = self.current_group()
        if group is None or self.busy:
            return
        self.skipped.add(frozenset(c.id for c in group))
        self.reload()

    def undo(self) -> None:
        """Undo the last change (the last merge, usually); the list follows."""
        if not self.busy and self.ctx.undo.canUndo():
            self.ctx.undo.undo()
