"""Dialogs for a member's life in a team: join (someone on record or a new person), change role, move, leave.

Each is an ActionDialog: one undoable step, problems inline. Making someone Tổ trưởng offers to make the
present leader a plain member in the same step.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.store.rules import is_active_membership
from desktop.store.store import Store
from desktop.store.teams import active_memberships, add_member, change_role, end_membership, move_member
from desktop.ui.context import AppContext
from desktop.ui.models import FILTER_ROLE, ID_ROLE, VietnameseSortFilterProxy
from desktop.ui.team_dialogs import LEADER, ROLE_FIELD, ActionDialog, role_label
from desktop.ui.widgets.record_form import RecordForm
from sync.dates import display_date, parse_date
from sync.phones import format_phone, phone_search_tokens
from sync.records import FieldError
from sync.text import collation_key, fold, name_sort_key

PERSON_FIELDS = ("full_name", "gender", "birth_year", "phone", "position", "organisation")


class _PersonPicker(QWidget):
    """People on record, found by typing part of a name, phone or position without diacritics."""

    def __init__(self, store: Store, exclude: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ tên, năm sinh hoặc số điện thoại (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.items = QStandardItemModel(self)
        self.proxy = VietnameseSortFilterProxy(self)
        self.proxy.setSourceModel(self.items)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 8)
        self.empty = QLabel(self.tr("Không tìm thấy ai. Chọn “Người mới” để thêm người này."))
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self._fill(store, exclude)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self._filter("")

    def _fill(self, store: Store, exclude: set[str]) -> None:
        today = store.today().isoformat()
        teams = {team["id"]: team["name"] for team in store.rows("teams")}
        serving: dict[str, list[str]] = {}
        for membership in store.rows("memberships"):
            if is_active_membership(membership, today) and membership["team_id"] in teams:
                serving.setdefault(membership["person_id"], []).append(teams[membership["team_id"]])
        people = [person for person in store.rows("people") if person["id"] not in exclude]
        for person in sorted(people, key=lambda p: name_sort_key(p["full_name"])):
            details = [
                str(person["birth_year"]) if person.get("birth_year") else "",
                person.get("position") or "",
                format_phone(person.get("phone") or ""),
                "; ".join(serving.get(person["id"], [])),
            ]
            item = QStandardItem(" · ".join([person["full_name"], *(part for part in details if part)]))
            item.setData(person["id"], ID_ROLE)
            tokens = phone_search_tokens(person.get("phone") or "")
            item.setData(fold(" ".join([item.text(), *tokens])), FILTER_ROLE)
            item.setEditable(False)
            self.items.appendRow(item)

    def _filter(self, text: str) -> None:
        self.proxy.set_search_text(text)
        found = self.proxy.rowCount() > 0
        self.empty.setVisible(not found)
        if found and not self.list.currentIndex().isValid():
            self.list.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrow keys in the search box move through the list, so typing and choosing need no Tab.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.list.setFocus()
                QCoreApplication.sendEvent(self.list, event)
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)

    def chosen_id(self) -> str:
        """The id of the person chosen, or ""."""
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE) or "") if index.isValid() else ""

    def choose(self, person_id: str) -> bool:
        """Select a person by id (when the list shows them)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == person_id:
                self.list.setCurrentIndex(index)
                return True
        return False


class AddMemberDialog(ActionDialog):
    """Put a person in a team from a date: someone already on record, or a new person typed here."""

    def __init__(self, ctx: AppContext, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        store = ctx.store
        self.team = store.require("teams", team_id)
        self.setWindowTitle(self.tr("Thêm thành viên vào {team}").format(team=self.team["name"]))
        self.set_ok_text(self.tr("Thêm vào tổ"))
        present = {m["person_id"] for m in active_memberships(store, team_id)}
        self.existing_radio = QRadioButton(self.tr("&Người đã có trong danh sách"))
        self.new_radio = QRadioButton(self.tr("Người &mới"))
        self.existing_radio.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.existing_radio)
        modes.addButton(self.new_radio)
        mode_row = QWidget()
        mode_layout = QHBoxLayout(mode_row)
        mode_layout.setContentsMargins(0, 0, 0, 0)
        mode_layout.addWidget(self.existing_radio)
        mode_layout.addWidget(self.new_radio)
        mode_layout.addStretch(1)
        self.picker = _PersonPicker(store, present)
        self.person_form = RecordForm("people", PERSON_FIELDS)
        self.person_form.set_record(None)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.picker)
        self.pages.addWidget(self.person_form)
        self.form.addRow(self.tr("Người:"), mode_row)
        self.add_row(self.tr("&Tìm:"), self.pages, "person_id")
        self.pages_caption: QLabel = self.form.labelForField(self.pages.parentWidget())  # type: ignore[assignment]
        self.pages_caption.setBuddy(self.picker.search)
        self.role = self.role_combo(self.tr("Chức danh trong Tổ:"))
        self.start = self.date_edit(self.tr("Tham gia từ ngày:"), "start_date", "end_date")
        self.add_leader_swap()
        self.new_radio.toggled.connect(self._switch)
        self.picker.search.setFocus()
        self.resize(620, 480)

    def _switch(self, new: bool) -> None:
        self.pages.setCurrentIndex(1 if new else 0)
        self.pages_caption.setText(self.tr("Người mới:") if new else self.tr("&Tìm:"))
        if new:
            typed = self.picker.search.text().strip()
            name_edit = self.person_form.editors["full_name"].widget
            if typed and not self.person_form.values()["full_name"]:
                name_edit.setText(typed)  # type: ignore[attr-defined]
            name_edit.setFocus()
        else:
            self.picker.search.setFocus()

    def swap_target(self) -> tuple[str, str, str, str]:
        if not hasattr(self, "start"):
            return "", "", "", ""
        person = "" if self.new_radio.isChecked() else self.picker.chosen_id()
        return self.team["id"], self.role.currentData(), person, self.start.date().toString("yyyy-MM-dd")

    def check(self) -> list[FieldError]:
        if self.existing_radio.isChecked() and not self.picker.chosen_id():
            return [
                FieldError(
                    "person_id",
                    self.tr("Hãy chọn một người trong danh sách, hoặc chọn “Người mới”."),
                    self.tr("Hãy chọn một người trong danh sách, hoặc chọn “Người mới”."),
                )
            ]
        return []

    def undo_text(self) -> str:
        return self.tr("Thêm thành viên vào {team}").format(team=self.team["name"])

    def operation(self, store: Store) -> dict[str, Any]:
        day = self.start.date().toString("yyyy-MM-dd")
        if self.new_radio.isChecked():
            person_id = store.insert("people", self.person_form.values())["id"]
        else:
            person_id = self.picker.chosen_id()
        self.demote_leader(store, day)
        return add_member(store, self.team["id"], person_id, self.role.currentData(), day)

    def show_errors(self, errors: list[FieldError]) -> None:
        if self.new_radio.isChecked():
            mine = [error for error in errors if error.field in self.person_form.editors]
            if mine:
                self.person_form.show_errors(mine)
            errors = [error for error in errors if error.field not in self.person_form.editors]
        super().show_errors(errors)

    def clear_errors(self) -> None:
        super().clear_errors()
        self.person_form.clear_errors()


class _MembershipDialog(ActionDialog):
    """An operation on one membership: who it is about is shown at the top."""

    def __init__(self, ctx: AppContext, membership_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        store = ctx.store
        self.membership = store.require("memberships", membership_id)
        self.person = store.get("people", self.membership["person_id"]) or {}
        self.team = store.get("teams", self.membership["team_id"]) or {}
        self.name = self.person.get("full_name", "")

    def describe_member(self) -> str:
        """ "Tổ trưởng (từ 15/03/2025)"."""
        since = display_date(self.membership.get("start_date"))
        role = role_label(self.membership["role"])
        return QCoreApplication.translate("ActionDialog", "{role} (từ {since})").format(role=role, since=since)


class ChangeRoleDialog(_MembershipDialog):
    """Give a member another role from a date; making someone Tổ trưởng can demote the old leader in the same step."""

    def __init__(self, ctx: AppContext, membership_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, membership_id, parent)
        self.setWindowTitle(self.tr("Đổi chức danh của {name}").format(name=self.name))
        self.set_ok_text(self.tr("Đổi chức danh"))
        self.add_text(self.tr("Thành viên:"), self.name)
        self.add_text(self.tr("Tổ:"), self.team.get("name", ""))
        self.add_text(self.tr("Chức danh hiện tại:"), self.describe_member())
        other = next(choice.value for choice in ROLE_FIELD.choices if choice.value != self.membership["role"])
        self.role = self.role_combo(self.tr("Chức danh mới:"), other)
        self.start = self.date_edit(self.tr("Từ ngày:"), "start_date", "end_date")
        self.add_leader_swap()
        self.role.setFocus()

    def swap_target(self) -> tuple[str, str, str, str]:
        if not hasattr(self, "start"):
            return "", "", "", ""
        day = self.start.date().toString("yyyy-MM-dd")
        return self.membership["team_id"], self.role.currentData(), self.membership["person_id"], day

    def check(self) -> list[FieldError]:
        if self.role.currentData() == self.membership["role"]:
            text = self.tr("Chức danh mới giống chức danh hiện tại.")
            return [FieldError("role", text, text)]
        return []

    def undo_text(self) -> str:
        return self.tr("Đổi chức danh của {name}").format(name=self.name)

    def operation(self, store: Store) -> dict[str, Any]:
        day = self.start.date().toString("yyyy-MM-dd")
        self.demote_leader(store, day)
        return change_role(store, self.membership["id"], self.role.currentData(), day)


class MoveMemberDialog(_MembershipDialog):
    """Move a member to another active team from a date: the old period stays in the history."""

    def __init__(self, ctx: AppContext, membership_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, membership_id, parent)
        self.setWindowTitle(self.tr("Chuyển {name} sang tổ khác").format(name=self.name))
        self.set_ok_text(self.tr("Chuyển tổ"))
        self.add_text(self.tr("Thành viên:"), self.name)
        self.add_text(
            self.tr("Đang ở:"),
            self.tr("{team} — {role}").format(team=self.team.get("name", ""), role=role_label(self.membership["role"])),
        )
        self.target = QComboBox()
        teams = ctx.store.rows("teams", "status = 'active' AND id != ?", [self.membership["team_id"]])
        for team in sorted(teams, key=lambda t: collation_key(t["name"])):
            self.target.addItem(team["name"], team["id"])
        self.add_row(self.tr("Chuyển sang tổ:"), self.target, "team_id", "person_id")
        self.role = self.role_combo(self.tr("Chức danh ở tổ mới:"))
        self.start = self.date_edit(self.tr("Từ ngày:"), "start_date", "end_date")
        self.add_leader_swap()
        self.target.currentIndexChanged.connect(self.update_leader_swap)
        self.target.setFocus()

    def swap_target(self) -> tuple[str, str, str, str]:
        if not hasattr(self, "start"):
            return "", "", "", ""
        day = self.start.date().toString("yyyy-MM-dd")
        return self.target.currentData() or "", self.role.currentData(), self.membership["person_id"], day

    def check(self) -> list[FieldError]:
        if not self.target.currentData():
            text = self.tr("Không có tổ nào khác đang hoạt động để chuyển sang.")
            return [FieldError("team_id", text, text)]
        return []

    def undo_text(self) -> str:
        return self.tr("Chuyển {name} sang {team}").format(name=self.name, team=self.target.currentText())

    def operation(self, store: Store) -> dict[str, Any]:
        day = self.start.date().toString("yyyy-MM-dd")
        self.demote_leader(store, day)
        return move_member(store, self.membership["id"], self.target.currentData(), day, self.role.currentData())


class EndMembershipDialog(_MembershipDialog):
    """A member leaves the team from a date; the period stays in the team's history."""

    def __init__(self, ctx: AppContext, membership_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, membership_id, parent)
        self.setWindowTitle(self.tr("{name} thôi tham gia tổ").format(name=self.name))
        self.set_ok_text(self.tr("Thôi tham gia"))
        self.add_text(self.tr("Thành viên:"), self.name)
        self.add_text(self.tr("Tổ:"), self.team.get("name", ""))
        self.add_text(self.tr("Chức danh:"), self.describe_member())
        self.leave = self.date_edit(self.tr("Thôi tham gia từ ngày:"), "end_date", "start_date")
        note = self.tr("Người này vẫn được giữ trong danh sách thành viên trước đây của tổ.")
        if self.membership["role"] == LEADER:
            note += " " + self.tr("Từ ngày này tổ sẽ chưa có Tổ trưởng.")
        self.add_note(note)
        self.leave.setFocus()

    def undo_text(self) -> str:
        return self.tr("{name} thôi tham gia {team}").format(name=self.name, team=self.team.get("name", ""))

    def operation(self, store: Store) -> dict[str, Any]:
        day = parse_date(self.leave.date().toString("yyyy-MM-dd"))
        start = self.membership.get("start_date")
        if start and start >= day.isoformat():
            # Leaving on the day it began: the entry was a mistake, not a period worth keeping.
            return store.delete("memberships", self.membership["id"])
        # "Thôi tham gia từ ngày D": the last day in the team is the day before.
        return end_membership(store, self.membership["id"], day - timedelta(days=1))
