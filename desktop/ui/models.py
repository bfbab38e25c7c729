"""Table models of villages, teams and members, fed by the store, and the proxy that sorts and filters them.

The models need no widget: tests read them through rowCount(), data() and headerData() alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.store.describe import title
from desktop.store.record_sync import type_states
from desktop.store.store import Store
from desktop.store.teams import active_memberships
from desktop.ui import i18n
from sync.dates import display_date
from sync.phones import format_phone, phone_search_tokens
from sync.records import record_type
from sync.text import collation_key, fold, name_sort_key

Index = QModelIndex | QPersistentModelIndex

# A cell's position in Vietnamese order (an int), so the proxy sorts in C++ without calling back into Python.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The row's folded text (sync.text.fold): what the filter matches, blind to case, diacritics and đ/d.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
# The id of the record a row shows.
ID_ROLE = Qt.ItemDataRole.UserRole + 3
ATTENTION_COLOR = "#b00020"  # the red of inline form errors
SYNC_KEY = "sync"
# The sync state of a record's latest change, as the "Đồng bộ" column says it.
SYNC_LABELS = {
    "pending": QT_TRANSLATE_NOOP("RecordTableModel", "Chờ gửi"),
    "synced": QT_TRANSLATE_NOOP("RecordTableModel", "Đã đồng bộ"),
    "remote": QT_TRANSLATE_NOOP("RecordTableModel", "Đã đồng bộ"),
    "rejected": QT_TRANSLATE_NOOP("RecordTableModel", "Bị từ chối"),
}
INACTIVE_COLOR = "#6b6b6b"


def text_order(value: Any) -> Any:
    """Vietnamese dictionary order of a cell's text."""
    return collation_key(str(value or ""))


def person_order(value: Any) -> Any:
    """Roster order of a full name: given name, then middle, then family name."""
    return name_sort_key(str(value or ""))


def sync_label(state: Any) -> str:
    """A sync state ("pending", "synced", "remote", "rejected") in the interface language."""
    source = SYNC_LABELS.get(str(state or ""))
    return QCoreApplication.translate("RecordTableModel", str(source)) if source else ""


def sync_states(store: Store, type_name: str) -> dict[str, tuple[str, str | None]]:
    """Record id -> (state, reason) of each record's latest change: one query for the whole list."""
    return type_states(store.db, type_name)  # a refused edit stays shown after the repair pulls it back


def plain_order(value: Any) -> tuple[bool, Any]:
    """Values as stored (numbers, ISO dates, phone digits), empty cells last."""
    return (value is None or value == "", value if isinstance(value, int | str) else 0)


@dataclass(frozen=True)
class Column:
    """One column: the row key it shows, its header (a source text to translate), how it shows and sorts."""

    key: str
    header: object  # the source text, as QT_TRANSLATE_NOOP (typed as returning object) gives it
    display: Callable[[Any], str] = lambda value: "" if value is None else str(value)
    order: Callable[[Any], Any] = text_order
    numeric: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows read from the store as plain dicts, shown read-only; subclasses say which columns and rows."""

    CONTEXT: ClassVar[str] = "RecordTableModel"  # translation context of the headers
    COLUMNS: ClassVar[tuple[Column, ...]] = ()
    SYNC_TYPE: ClassVar[str | None] = None  # the record type whose sync state the "Đồng bộ" column shows

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._rows: list[dict[str, Any]] = []
        self._search_text: list[str] = []
        self._ranks: dict[int, list[int]] = {}

    def reload(self) -> None:
        """Read the rows again from the store, in Vietnamese order (a model reset)."""
        self.beginResetModel()
        self._rows = self.read_rows()
        if self.SYNC_TYPE is not None:
            states = sync_states(self.store, self.SYNC_TYPE)
            for row in self._rows:
                row[SYNC_KEY], row["sync_reason"] = states.get(row["id"], ("", None))
        self._search_text = [fold(" ".join([*self._cells(row), row.get("search_extra", "")])) for row in self._rows]
        self._ranks = {}  # filled per column on the first sort by it
        self.endResetModel()

    def read_rows(self) -> list[dict[str, Any]]:
        """The rows to show, already in the default order."""
        raise NotImplementedError

    def row(self, row: int) -> dict[str, Any]:
        """The plain dict behind a row."""
        return self._rows[row]

    def _cells(self, row: dict[str, Any]) -> list[str]:
        return [column.display(row.get(column.key)) for column in self.COLUMNS]

    def _rank(self, column: int) -> list[int]:
        ranks = self._ranks.get(column)
        if ranks is None:
            col = self.COLUMNS[column]
            # sorted() is stable, so equal cells keep the default order; every rank is distinct.
            order = sorted(range(len(self._rows)), key=lambda i: col.order(self._rows[i].get(col.key)))
            ranks = [0] * len(order)
            for rank, index in enumerate(order):
                ranks[index] = rank
            self._ranks[column] = ranks
        return ranks

    # ----- QAbstractTableModel -----

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column.key == SYNC_KEY and row.get("sync_reason"):
            return row["sync_reason"]  # why the server refused it, in its own (Vietnamese) words
        if role == Qt.ItemDataRole.ForegroundRole and column.key == SYNC_KEY and row.get(SYNC_KEY) == "rejected":
            return QColor(ATTENTION_COLOR)  # a refused record needs the official's attention
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.display(row.get(column.key))
        if role == SORT_ROLE:
            return self._rank(index.column())[index.row()]
        if role == FILTER_ROLE:
            return self._search_text[index.row()]
        if role == ID_ROLE:
            return row.get("id")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # The context is named, not taken from the runtime class, so lupdate and tr() agree.
            return QCoreApplication.translate(self.CONTEXT, str(self.COLUMNS[section].header))
        return None


def _label(type_name: str, field_name: str) -> Callable[[Any], str]:
    """Display function of a choice field: its label in the interface language."""
    field = record_type(type_name).field(field_name)
    return lambda value: i18n.choice_label(field, value)


def _active_rosters(store: Store, teams: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Today's memberships of each team, leader first (each with its "person")."""
    return {team["id"]: active_memberships(store, team["id"]) for team in teams}


class VillagesModel(RecordTableModel):
    """Villages and residential groups, with their households and active team."""

    CONTEXT = "VillagesModel"
    SYNC_TYPE = "villages"
    NAME, KIND, HOUSEHOLDS, TEAM, SYNC = range(5)
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("VillagesModel", "Tên thôn")),
        Column("kind", QT_TRANSLATE_NOOP("VillagesModel", "Loại"), display=_label("villages", "kind")),
        Column("households", QT_TRANSLATE_NOOP("VillagesModel", "Số hộ"), order=plain_order, numeric=True),
        Column("team", QT_TRANSLATE_NOOP("VillagesModel", "Tổ CNSCĐ")),
        Column(SYNC_KEY, QT_TRANSLATE_NOOP("VillagesModel", "Đồng bộ"), display=sync_label),
    )

    def read_rows(self) -> list[dict[str, Any]]:
        teams = {
            team["village_id"]: team["name"]
            for team in self.store.rows("teams", "status = 'active' AND village_id IS NOT NULL")
        }
        # The name column shows the village as written ("Bản Chắt"); the order goes by the proper name.
        villages = sorted(self.store.rows("villages"), key=lambda village: collation_key(village["name"]))
        return [
            {
                "id": village["id"],
                "name": title("villages", village),
                "kind": village["kind"],
                "households": village.get("households"),
                "team": teams.get(village["id"], ""),
            }
            for village in villages
        ]


class TeamsModel(RecordTableModel):
    """The commune's community digital technology teams, with their village, members and leader."""

    CONTEXT = "TeamsModel"
    SYNC_TYPE = "teams"
    NAME, VILLAGE, STATUS, FOUNDED, MEMBERS, LEADER, SYNC = range(7)
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("TeamsModel", "Tên tổ")),
        Column("village", QT_TRANSLATE_NOOP("TeamsModel", "Thôn")),
        Column("status", QT_TRANSLATE_NOOP("TeamsModel", "Trạng thái"), display=_label("teams", "status")),
        Column(
            "founded_on", QT_TRANSLATE_NOOP("TeamsModel", "Ngày thành lập"), display=display_date, order=plain_order
        ),
        Column("members", QT_TRANSLATE_NOOP("TeamsModel", "Số thành viên"), order=plain_order, numeric=True),
        Column("leader", QT_TRANSLATE_NOOP("TeamsModel", "Tổ trưởng"), order=person_order),
        Column(SYNC_KEY, QT_TRANSLATE_NOOP("TeamsModel", "Đồng bộ"), display=sync_label),
    )

    def read_rows(self) -> list[dict[str, Any]]:
        villages = {village["id"]: title("villages", village) for village in self.store.rows("villages")}
        teams = self.store.rows("teams")
        rosters = _active_rosters(self.store, teams)
        rows = []
        for team in teams:
            roster = rosters[team["id"]]
            leaders = [m["person"].get("full_name", "") for m in roster if m["role"] == "to_truong"]
            rows.append(
                {
                    "id": team["id"],
                    "name": team["name"],
                    "village": villages.get(team.get("village_id"), ""),
                    "status": team["status"],
                    "founded_on": team.get("founded_on"),
                    "members": len(roster),
                    "leader": ", ".join(leaders),
                }
            )
        return sorted(rows, key=lambda row: collation_key(row["name"]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self._rows):
            row = self._rows[index.row()]
            leaderless = row["status"] == "active" and not row["leader"]
            if leaderless and index.column() == self.LEADER:
                # An active team without a leader needs attention: said in the cell, in red.
                if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    return QCoreApplication.translate("TeamsModel", "Chưa có Tổ trưởng")
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QColor(ATTENTION_COLOR)
            if role == Qt.ItemDataRole.ForegroundRole and row["status"] != "active":
                return QColor(INACTIVE_COLOR)  # dissolved teams stay listed, greyed
        return super().data(index, role)


class PeopleModel(RecordTableModel):
    """Every member on record, with the teams they serve in today and their role there."""

    CONTEXT = "PeopleModel"
    SYNC_TYPE = "people"
    NAME, BIRTH_YEAR, GENDER, PHONE, POSITION, TEAMS, ROLES, SYNC = range(8)
    COLUMNS = (
        Column("full_name", QT_TRANSLATE_NOOP("PeopleModel", "Họ và tên"), order=person_order),
        Column("birth_year", QT_TRANSLATE_NOOP("PeopleModel", "Năm sinh"), order=plain_order, numeric=True),
        Column("gender", QT_TRANSLATE_NOOP("PeopleModel", "Giới tính"), display=_label("people", "gender")),
        Column("phone", QT_TRANSLATE_NOOP("PeopleModel", "Số điện thoại"), display=format_phone, order=plain_order),
        Column("position", QT_TRANSLATE_NOOP("PeopleModel", "Chức vụ")),
        Column("teams", QT_TRANSLATE_NOOP("PeopleModel", "Tổ")),
        Column("roles", QT_TRANSLATE_NOOP("PeopleModel", "Chức danh trong Tổ")),
        Column(SYNC_KEY, QT_TRANSLATE_NOOP("PeopleModel", "Đồng bộ"), display=sync_label),
    )

    def read_rows(self) -> list[dict[str, Any]]:
        teams = sorted(self.store.rows("teams"), key=lambda team: collation_key(team["name"]))
        roles = record_type("memberships").field("role")
        rosters = _active_rosters(self.store, teams)
        served: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for team in teams:
            for membership in rosters[team["id"]]:
                post = (team["id"], team["name"], i18n.choice_label(roles, membership["role"]))
                served[membership["person_id"]].append(post)
        rows = []
        for person in self.store.rows("people"):
            posts = served.get(person["id"], [])
            rows.append(
                {
                    "id": person["id"],
                    "full_name": person["full_name"],
                    "birth_year": person.get("birth_year"),
                    "gender": person.get("gender"),
                    "phone": person.get("phone") or "",
                    # One cell, as the member list annex has it: "Chức vụ / đơn vị công tác".
                    "position": ", ".join(
                        part for part in (person.get("position"), person.get("organisation")) if part
                    ),
                    "teams": "; ".join(name for _, name, _ in posts),
                    "roles": "; ".join(role for _, _, role in posts),
                    "team_ids": [team_id for team_id, _, _ in posts],  # what the team filter looks at
                    "search_extra": " ".join(phone_search_tokens(person.get("phone") or "")),
                }
            )
        return sorted(rows, key=lambda row: name_sort_key(row["full_name"]))


class VietnameseSortFilterProxy(QSortFilterProxyModel):
    """Sorts by Vietnamese collation (the source's SORT_ROLE) and filters by folded word prefixes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)  # FILTER_ROLE holds the whole row's text in every column
        self.setDynamicSortFilter(True)
        self._search = ""

    def search_text(self) -> str:
        """What the user typed into the filter."""
        return self._search

    def set_search_text(self, text: str) -> None:
        """Keep the rows with a word starting with each typed word, blind to case, diacritics and đ/d."""
        self._search = text
        words = fold(text).split()
        # One look-ahead per word, so the words may come in any order and any column; folded text
        # separates words by single spaces, so a word starts at the beginning or after a space.
        pattern = "".join(f"(?=(?:.* )?{QRegularExpression.escape(word)})" for word in words)
        self.setFilterRegularExpression(QRegularExpression(pattern))
