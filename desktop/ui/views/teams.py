"""The commune's teams: a filtered list beside the chosen team's details and members over time."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.describe import Namer
from desktop.store.store import StoreError
from desktop.ui import documents_menu, i18n
from desktop.ui.context import ALL_TYPES, AppContext
from desktop.ui.member_dialogs import AddMemberDialog, ChangeRoleDialog, EndMembershipDialog, MoveMemberDialog
from desktop.ui.models import (
    ID_ROLE,
    TeamsModel,
    VietnameseSortFilterProxy,
)
from desktop.ui.team_dialogs import DissolveTeamDialog, team_dialog
from desktop.ui.team_members import MembershipsModel, members_table
from desktop.ui.undo import run_undoable
from desktop.ui.widgets import messages
from desktop.ui.widgets.record_form import ERROR_STYLE
from desktop.ui.widgets.record_list import RecordList
from desktop.ui.widgets.rows import current_row_id, heading_label, select_row_id
from sync.dates import display_date
from sync.records import RecordInvalid, record_type

Index = QModelIndex | QPersistentModelIndex
WATCHED = {"teams", "memberships", "people", "villages", "decisions", ALL_TYPES}
STATUS_KEY = "teams/status_filter"
NAME_WIDTH = 250


class TeamStatusProxy(VietnameseSortFilterProxy):
    """The teams list, sorted and searched the Vietnamese way, showing one status or all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = ""

    def set_status(self, status: str) -> None:
        """Show only teams with this status ("" for all)."""
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self._status and isinstance(model, TeamsModel) and model.row(source_row)["status"] != self._status:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class TeamsView(QWidget):
    """Teams list with a status filter, and the chosen team: its fields, its members now and before."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team: dict[str, Any] | None = None
        self.model = TeamsModel(ctx.store, self)
        self.proxy = TeamStatusProxy(self)
        self.proxy.setSourceModel(self.model)
        self.status_combo = QComboBox()
        for text, value in ((self.tr("Đang hoạt động"), "active"), (self.tr("Đã giải thể"), "dissolved")):
            self.status_combo.addItem(text, value)
        self.status_combo.addItem(self.tr("Tất cả"), "")
        self.status_combo.setToolTip(self.tr("Chỉ hiện các tổ có trạng thái này (Alt+R)"))
        saved = str(ctx.settings.value(STATUS_KEY, "active"))
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(saved), 0))
        self.proxy.set_status(self.status_combo.currentData())
        self.list = RecordList(ctx, self.proxy, self.tr("tổ"), count_text=lambda n: self.tr("%Ln tổ", "", n))
        self._status_column()
        self.list.export_title = self.tr("Tổ công nghệ số cộng đồng")
        self.list.add_action.setText(self.tr("Thành lập"))
        self.list.add_action.setToolTip(self.tr("Thành lập tổ mới (Ctrl+N)"))
        self.list.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # Who leads and how many serve matter most; they come right after the name, before the village.
        header = self.list.view.horizontalHeader()
        for visual, column in enumerate((TeamsModel.NAME, TeamsModel.LEADER, TeamsModel.MEMBERS)):
            header.moveSection(header.visualIndex(column), visual)
        self.list.view.setSortingEnabled(True)
        self.list.view.sortByColumn(TeamsModel.NAME, Qt.SortOrder.AscendingOrder)

        self._build_detail()
        self._build_actions()
        filter_row = QHBoxLayout()
        status_label = QLabel(self.tr("T&rạng thái:"))
        status_label.setBuddy(self.status_combo)
        filter_row.addWidget(status_label)
        filter_row.addWidget(self.status_combo)
        filter_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 560])  # at 1366×768 the four member buttons still fit beside the list
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.list.search_changed.connect(self.proxy.set_search_text)
        self.list.add_requested.connect(self.found_team)
        self.list.edit_requested.connect(self.edit_team)
        self.list.delete_requested.connect(self.delete_team)
        self.list.history_requested.connect(self.show_history)
        self.list.current_changed.connect(self.show_team)
        ctx.hub.data_changed.connect(self._data_changed)
        QWidget.setTabOrder(self.status_combo, self.list.search_edit)
        QWidget.setTabOrder(self.list.search_edit, self.list.view)
        QWidget.setTabOrder(self.list.view, self.current_view)
        # Members, their buttons, the former members; dissolving the team comes last.
        chain: list[QWidget] = [self.current_view, *self.buttons[:-1], self.former_view, self.buttons[-1]]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.reload()

    # ----- building -----

    def _build_detail(self) -> None:
        self.detail = QWidget()
        self.title = heading_label()
        self.warning = QLabel(self.tr("Chưa có Tổ trưởng"))
        self.warning.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.warning.hide()
        self.fields = {
            name: QLabel() for name in ("village", "status", "founded_on", "dissolved_on", "decision", "notes")
        }
        info = QFormLayout()
        info.setContentsMargins(0, 0, 0, 0)
        teams = record_type("teams")
        captions = {
            "village": teams.field("village_id"),
            "status": teams.field("status"),
            "founded_on": teams.field("founded_on"),
            "dissolved_on": teams.field("dissolved_on"),
            "decision": teams.field("founding_decision_id"),
            "notes": teams.field("notes"),
        }
        for name, label in self.fields.items():
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            info.addRow(i18n.label(captions[name]) + ":", label)
        self.info = info
        self.current_model = MembershipsModel(self.ctx.store, current=True, parent=self)
        self.former_model = MembershipsModel(self.ctx.store, current=False, parent=self)
        self.current_proxy = VietnameseSortFilterProxy(self)
        self.current_proxy.setSourceModel(self.current_model)
        self.former_proxy = VietnameseSortFilterProxy(self)
        self.former_proxy.setSourceModel(self.former_model)
        self.current_view = members_table(self.current_proxy)
        self.current_view.setColumnHidden(MembershipsModel.END, True)
        self.current_view.sortByColumn(MembershipsModel.ROLE, Qt.SortOrder.AscendingOrder)
        self.former_view = members_table(self.former_proxy)
        self.former_view.setColumnHidden(MembershipsModel.PHONE, True)
        self.former_view.sortByColumn(MembershipsModel.END, Qt.SortOrder.DescendingOrder)
        self.current_label = QLabel()
        self.current_label.setBuddy(self.current_view)
        self.former_label = QLabel()
        self.former_label.setBuddy(self.former_view)
        self.empty = QLabel(self.tr("Chọn một tổ trong danh sách để xem thành viên."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.member_bar = QHBoxLayout()
        self.member_bar.setContentsMargins(0, 0, 0, 0)
        current_box = QWidget()
        current_layout = QVBoxLayout(current_box)
        current_layout.setContentsMargins(0, 0, 0, 0)
        current_layout.addWidget(self.current_label)
        current_layout.addWidget(self.current_view, 1)
        current_layout.addLayout(self.member_bar)
        former_box = QWidget()
        former_layout = QVBoxLayout(former_box)
        former_layout.setContentsMargins(0, 0, 0, 0)
        former_layout.addWidget(self.former_label)
        former_layout.addWidget(self.former_view, 1)
        members = QSplitter(Qt.Orientation.Vertical)
        members.addWidget(current_box)
        members.addWidget(former_box)
        members.setStretchFactor(0, 3)
        members.setStretchFactor(1, 2)
        members.setChildrenCollapsible(False)
        self.members = members

        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        self.detail_body = QWidget()
        body = QVBoxLayout(self.detail_body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(heading)
        body.addWidget(self.warning)
        body.addLayout(info)
        body.addWidget(members, 1)
        outer = QVBoxLayout(self.detail)
        outer.setContentsMargins(8, 0, 0, 0)
        outer.addWidget(self.detail_body, 1)
        outer.addWidget(self.empty, 1)
        self.heading = heading

    def _action(self, text: str, shortcut: str, tip: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_member_action = self._action(
            self.tr("Thêm thành viên…"), "Ctrl+M", self.tr("Thêm một người vào tổ (Ctrl+M)"), self.add_member
        )
        self.change_role_action = self._action(
            self.tr("Đổi chức danh…"),
            "Ctrl+R",
            self.tr("Đổi chức danh của thành viên đang chọn (Ctrl+R)"),
            self.change_role,
        )
        self.move_action = self._action(
            self.tr("Chuyển tổ…"), "Ctrl+T", self.tr("Chuyển thành viên đang chọn sang tổ khác (Ctrl+T)"), self.move
        )
        self.end_action = self._action(
            self.tr("Thôi tham gia…"),
            "Ctrl+L",
            self.tr("Thành viên đang chọn thôi tham gia tổ (Ctrl+L)"),
            self.end_membership,
        )
        self.dissolve_action = self._action(
            self.tr("Giải thể tổ…"),
            "Ctrl+Shift+D",
            self.tr("Giải thể tổ đang chọn; lịch sử vẫn được giữ (Ctrl+Shift+D)"),
            self.dissolve,
        )
        self._build_paperwork()
        self.buttons: list[QToolButton] = []
        for action in (self.add_member_action, self.change_role_action, self.move_action, self.end_action):
            self.member_bar.addWidget(self._button(action))
        self.member_bar.addStretch(1)
        self.heading.addWidget(self._button(self.dissolve_action), 0, Qt.AlignmentFlag.AlignTop)
        self.current_view.selectionModel().currentRowChanged.connect(self._update_actions)

    def _build_paperwork(self) -> None:
        """The documents to print, in one menu button on the list's tool bar (each with its own shortcut)."""
        self.activity_sheet_action = self._action(
            self.tr("Sổ theo dõi hoạt động…"),
            "Ctrl+P",
            self.tr("In sổ theo dõi hoạt động của tổ đang chọn trong một tháng hoặc một khoảng thời gian (Ctrl+P)"),
            self.print_activity_sheet,
        )
        self.field_form_action = self._action(
            self.tr("Phiếu ghi chép…"),
            "Ctrl+Shift+P",
            self.tr("In phiếu ghi chép trống để tổ đang chọn ghi tay khi hỗ trợ người dân (Ctrl+Shift+P)"),
            self.print_field_form,
        )
        self.member_list_action = self._action(
            self.tr("Danh sách thành viên"),
            "Ctrl+Shift+M",
            self.tr("In danh sách thành viên của tất cả các tổ đang hoạt động (Ctrl+Shift+M)"),
            self.print_member_list,
        )
        menu = QMenu(self)
        menu.addActions([self.activity_sheet_action, self.field_form_action, self.member_list_action])
        self.print_button = QToolButton()
        self.print_button.setText(self.tr("In tài liệu"))
        tip = self.tr("Sổ theo dõi (Ctrl+P), phiếu ghi chép (Ctrl+Shift+P), danh sách thành viên (Ctrl+Shift+M)")
        self.print_button.setToolTip(tip)
        self.print_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.print_button.setMenu(menu)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.list.toolbar.addSeparator()
        self.list.toolbar.addWidget(self.print_button)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab like any button
        button.setAutoRaise(False)
        self.buttons.append(button)
        return button

    # ----- showing -----

    def reload(self) -> None:
        """Read the teams again and show the same team as before, if it is still listed."""
        chosen, member = self.list.current_id(), self.current_member_id()
        self.model.reload()
        # Team names share a long prefix ("Tổ công nghệ số cộng đồng thôn …"): keep the end, where they differ.
        self.list.view.setColumnWidth(TeamsModel.NAME, min(self.list.view.columnWidth(TeamsModel.NAME), NAME_WIDTH))
        if not (chosen and self.list.select_id(chosen)) and not self._select_first():
            self.show_team(self.list.current_id())
        if member:
            self.select_member(member)

    def _select_first(self) -> bool:
        # Something is always shown when the list has rows: the panel is never blank for no reason.
        first = self.proxy.index(0, 0)
        return first.isValid() and self.list.select_id(str(first.data(ID_ROLE)))

    def _data_changed(self, type_name: str) -> None:
        if type_name in WATCHED:
            self.reload()

    def _status_changed(self) -> None:
        status = self.status_combo.currentData()
        self.ctx.settings.setValue(STATUS_KEY, status)
        chosen = self.list.current_id()
        self.proxy.set_status(status)
        self._status_column()
        self.list.update_count()
        if not (chosen and self.list.select_id(chosen)) and not self._select_first():
            self.show_team(self.list.current_id())

    def _status_column(self) -> None:
        # Filtered to one status, the column would repeat it on every row: its room goes to the names.
        self.list.view.setColumnHidden(TeamsModel.STATUS, bool(self.status_combo.currentData()))

    def show_team(self, team_id: str) -> None:
        """Fill the detail panel with a team ("" for none)."""
        store = self.ctx.store
        team = store.get("teams", team_id) if team_id else None
        self.team = team if team and not team.get("deleted") else None
        self.detail_body.setVisible(self.team is not None)
        self.empty.setVisible(self.team is None)
        chosen_member = self.current_member_id()
        self.current_model.set_team(self.team["id"] if self.team else "")
        self.former_model.set_team(self.team["id"] if self.team else "")
        if self.team is not None:
            self._fill_fields(self.team)
            self._fit(self.current_view)
            self._fit(self.former_view)
            if chosen_member:
                self.select_member(chosen_member)
        self._update_actions()

    def _fill_fields(self, team: dict[str, Any]) -> None:
        namer = Namer(self.ctx.store)
        fields = record_type("teams")
        self.title.setText(team["name"])
        active = team["status"] == "active"
        village = namer.name_of("villages", team.get("village_id"))
        self.fields["village"].setText(village or self.tr("Cấp xã (không thuộc thôn nào)"))
        self.fields["status"].setText(str(namer.cell(fields.field("status"), team["status"], i18n.language()) or ""))
        self.fields["founded_on"].setText(display_date(team.get("founded_on")) or self.tr("chưa ghi"))
        self.fields["dissolved_on"].setText(display_date(team.get("dissolved_on")))
        self.info.setRowVisible(self.fields["dissolved_on"], not active)
        decision = namer.name_of("decisions", team.get("founding_decision_id"))
        self.fields["decision"].setText(decision or self.tr("chưa gắn quyết định"))
        self.fields["notes"].setText(team.get("notes") or "")
        self.info.setRowVisible(self.fields["notes"], bool(team.get("notes")))
        roster = [self.current_model.row(i) for i in range(self.current_model.rowCount())]
        leaders = [row for row in roster if row["role"] == "to_truong"]
        self.warning.setVisible(active and not leaders)
        self.current_label.setText(
            self.tr("Thành viên &hiện tại ({count})").format(count=self.current_model.rowCount())
        )
        self.former_label.setText(
            self.tr("Thành viên trước đây và chức danh &cũ ({count})").format(count=self.former_model.rowCount())
        )

    def _fit(self, view: QTableView) -> None:
        view.resizeColumnsToContents()
        columns = view.model().columnCount()
        for column in range(columns):
            view.setColumnWidth(column, min(view.columnWidth(column) + 12, 220))
        # The last column (position) takes what room is left and is elided, its tooltip whole: no side scrolling.
        view.setColumnWidth(columns - 1, 60)

    def _update_actions(self, *_args: object) -> None:
        active = self.team is not None and self.team["status"] == "active"
        member = bool(self.current_member_id())
        self.add_member_action.setEnabled(active)
        self.dissolve_action.setEnabled(active)
        for action in (self.change_role_action, self.move_action, self.end_action):
            action.setEnabled(active and member)
        self.activity_sheet_action.setEnabled(self.team is not None)
        self.field_form_action.setEnabled(active)

    def current_member_id(self) -> str:
        """The membership chosen among the current members, or ""."""
        return current_row_id(self.current_view)

    def select_member(self, membership_id: str) -> bool:
        """Choose a current member's row by membership id."""
        return select_row_id(self.current_view, membership_id)

    # ----- team actions -----

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally; True when it saved (tests replace this to drive dialogs)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def found_team(self) -> None:
        """Found a new team (Ctrl+N)."""
        dialog = team_dialog(self.ctx, parent=self)
        if self.run_dialog(dialog) and dialog.saved:
            self._show_saved_team(dialog.saved["id"])

    def edit_team(self, team_id: str) -> None:
        """Edit the chosen team's name, village, dates and notes (F2)."""
        team = self.ctx.store.get("teams", team_id)
        if team:
            self.run_dialog(team_dialog(self.ctx, team, parent=self))

    def _show_saved_team(self, team_id: str) -> None:
        if not self.list.select_id(team_id):
            self.status_combo.setCurrentIndex(self.status_combo.findData(""))
            self.list.select_id(team_id)

    def delete_team(self, team_id: str) -> None:
        """Delete a team entered by mistake; one with members must be dissolved instead."""
        team = self.ctx.store.get("teams", team_id)
        if not team:
            return
        try:
            run_undoable(
                self.ctx.undo,
                self.ctx.store,
                self.ctx.hub,
                self.tr("Xóa {team}").format(team=team["name"]),
                lambda store: store.delete("teams", team_id),
            )
        except (RecordInvalid, StoreError) as error:
            messages.error(self, self.tr("Không xóa được tổ"), i18n.message(error))
            return
        self.ctx.hub.status_message.emit(self.tr("Đã xóa {team}. Nhấn Ctrl+Z để hoàn tác.").format(team=team["name"]))

    def show_history(self, team_id: str) -> None:
        """Who changed the team, and when (Ctrl+H)."""
        from desktop.ui.history_dialog import HistoryDialog  # built on demand, like every dialog

        self.run_dialog(HistoryDialog(self.ctx, "teams", team_id, self))

    def dissolve(self) -> None:
        """Dissolve the chosen team, after asking for the date (Ctrl+Shift+D)."""
        if self.team is None or self.team["status"] != "active":
            return
        name = self.team["name"]
        if self.run_dialog(DissolveTeamDialog(self.ctx, self.team["id"], self)):
            self.ctx.hub.status_message.emit(self.tr("Đã giải thể {team}. Nhấn Ctrl+Z để hoàn tác.").format(team=name))

    # ----- member actions -----

    def add_member(self) -> None:
        """Add a person to the chosen team (Ctrl+M)."""
        if self.team is not None and self.team["status"] == "active":
            self._member_dialog(AddMemberDialog(self.ctx, self.team["id"], self))

    def change_role(self) -> None:
        """Change the chosen member's role (Ctrl+R)."""
        if self.current_member_id():
            self._member_dialog(ChangeRoleDialog(self.ctx, self.current_member_id(), self))

    def move(self) -> None:
        """Move the chosen member to another team (Ctrl+T)."""
        if self.current_member_id():
            self._member_dialog(MoveMemberDialog(self.ctx, self.current_member_id(), self))

    def end_membership(self) -> None:
        """The chosen member leaves the team (Ctrl+L)."""
        if self.current_member_id():
            self._member_dialog(EndMembershipDialog(self.ctx, self.current_member_id(), self))

    def _member_dialog(self, dialog: QDialog) -> None:
        if self.run_dialog(dialog):
            saved = getattr(dialog, "saved", None)
            if isinstance(saved, dict) and saved.get("team_id") == (self.team or {}).get("id"):
                self.select_member(saved["id"])
            self.current_view.setFocus()

    # ----- paperwork -----

    def print_activity_sheet(self) -> None:
        """The chosen team's activity sheet for a month (this month unless changed) or a period (Ctrl+P)."""
        if self.team is None:
            return
        team_id = self.team["id"]
        dialog = documents_menu.PeriodDialog(
            self.ctx.store.today(), self.tr("Sổ theo dõi hoạt động — {team}").format(team=self.team["name"]), self
        )
        period = dialog.period() if self.run_dialog(dialog) else None
        if period is not None:
            request = documents_menu.activity_sheet_request(self.ctx.store, team_id, *period)
            documents_menu.open_document(self.ctx, self, request)

    def print_field_form(self) -> None:
        """A blank field form for the chosen team (Ctrl+Shift+P)."""
        if self.team is not None and self.team["status"] == "active":
            request = documents_menu.field_form_request(self.ctx.store, self.team["id"])
            documents_menu.open_document(self.ctx, self, request)

    def print_member_list(self) -> None:
        """The members of every team, as of today (Ctrl+Shift+M)."""
        request = documents_menu.member_list_request(self.ctx.store.today())
        documents_menu.open_document(self.ctx, self, request)
