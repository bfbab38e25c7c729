"""One team's members over time: the table model of its current or former memberships, and their table view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.store.rules import ROLE_ORDER, is_active_membership
from desktop.store.store import Store
from desktop.ui.models import SYNC_KEY, Column, RecordTableModel, person_order, plain_order, sync_label
from desktop.ui.team_dialogs import role_label
from sync.dates import display_date
from sync.phones import format_phone


class MembershipsModel(RecordTableModel):
    """One team's members over time: those serving now, or those who left or held another role before."""

    CONTEXT = "MembershipsModel"
    NAME, ROLE, START, END, PHONE, POSITION = range(6)
    COLUMNS = (
        Column("full_name", QT_TRANSLATE_NOOP("MembershipsModel", "Họ và tên"), order=person_order),
        Column(
            "role",
            QT_TRANSLATE_NOOP("MembershipsModel", "Chức danh"),
            display=role_label,
            order=lambda role: ROLE_ORDER.get(role, 9),
        ),
        Column("start_date", QT_TRANSLATE_NOOP("MembershipsModel", "Từ ngày"), display=display_date, order=plain_order),
        Column("end_date", QT_TRANSLATE_NOOP("MembershipsModel", "Đến ngày"), display=display_date, order=plain_order),
        Column(
            "phone", QT_TRANSLATE_NOOP("MembershipsModel", "Số điện thoại"), display=format_phone, order=plain_order
        ),
        Column("position", QT_TRANSLATE_NOOP("MembershipsModel", "Chức vụ, đơn vị")),
        Column(SYNC_KEY, QT_TRANSLATE_NOOP("MembershipsModel", "Đồng bộ"), display=sync_label),
    )
    SYNC_TYPE = "memberships"

    def __init__(self, store: Store, *, current: bool, parent: QObject | None = None) -> None:
        super().__init__(store, parent)
        self.current = current
        self.team_id = ""

    def set_team(self, team_id: str) -> None:
        """Show the members of another team ("" for none)."""
        self.team_id = team_id
        self.reload()

    def read_rows(self) -> list[dict[str, Any]]:
        team = self.store.get("teams", self.team_id) if self.team_id else None
        if team is None or team.get("deleted"):
            return []
        today = self.store.today().isoformat()
        people = {
            person["id"]: person
            for person in self.store.rows(
                "people", "id IN (SELECT person_id FROM memberships WHERE team_id = ?)", [self.team_id]
            )
        }
        rows = []
        for membership in self.store.rows("memberships", "team_id = ?", [self.team_id]):
            # Serving now: not ended yet in a team still active (one starting later counts too).
            serving = team["status"] == "active" and (
                is_active_membership(membership, today) or (membership.get("start_date") or "") > today
            )
            if serving != self.current:
                continue
            person = people.get(membership["person_id"], {})
            place = ", ".join(part for part in (person.get("position"), person.get("organisation")) if part)
            rows.append(
                {
                    "id": membership["id"],
                    "full_name": person.get("full_name", ""),
                    "role": membership["role"],
                    "start_date": membership.get("start_date"),
                    "end_date": membership.get("end_date"),
                    "phone": person.get("phone") or "",
                    "position": place,
                }
            )
        if self.current:  # leader first, then the roster order
            return sorted(rows, key=lambda r: (ROLE_ORDER.get(r["role"], 9), person_order(r["full_name"])))
        return sorted(rows, key=lambda r: r["end_date"] or "", reverse=True)  # the latest to leave first


def members_table(model: QObject) -> QTableView:
    """A compact, sortable, read-only table like the lists'."""
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view
