"""The member list (danh sách thành viên) of all the commune's teams on a day, signed by the chairman.

One of the two papers that go up the chain (domain.md). Teams are grouped in one table, each under a bold row
"I. TỔ …" with its members numbered from 1 in roster order (leader, deputy, then Vietnamese name order).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop.documents.layout import (
    DocumentError,
    OfficialHeader,
    Spacer,
    issuer_for,
    render,
    signature_block,
    text,
    vietnamese_date,
)
from desktop.documents.sheet_parts import (
    SMALL,
    SMALL_BOLD,
    Lines,
    chairman,
    require_commune,
    small_table,
    title_block,
)
from desktop.store.store import Store
from desktop.store.teams import active_memberships
from sync.dates import display_date
from sync.phones import format_phone
from sync.records import record_type
from sync.text import collation_key
from sync.units import Commune

COLUMNS = ("TT", "Họ và tên", "Năm sinh", "Chức vụ, đơn vị công tác", "Chức danh trong Tổ", "Số điện thoại", "Ghi chú")
WIDTHS = tuple(w * mm for w in (9, 41, 13, 42, 20, 26, 14))  # 165 mm: the text width
NO_MEMBERS = "Chưa có thành viên."
ROLE = record_type("memberships").field("role")
# A team counts on a day when founded by then and not dissolved by then (as desktop.store.stats reads it).
ACTIVE_ON = (
    "(founded_on IS NULL OR founded_on <= ?) AND (dissolved_on IS NULL OR dissolved_on > ?)"
    " AND (status = 'active' OR dissolved_on IS NOT NULL)"
)


@dataclass(frozen=True)
class Group:
    """One team of the list and its members in roster order."""

    team: dict[str, Any]
    members: list[dict[str, Any]]  # memberships, each with its "person"


@dataclass(frozen=True)
class ListData:
    """Everything the list prints, read and checked before anything is laid out."""

    commune: Commune
    on: date
    printed_on: date
    groups: list[Group]
    chairman: str
    chairman_title: str


def render_member_list(store: Store, on: date | None = None, *, printed_on: date | None = None) -> bytes:
    """The commune's member list as of a day (today by default) as PDF bytes; DocumentError for missing data."""
    data = read_list(store, on, printed_on=printed_on)
    return render(
        list_story(data), title=f"Danh sách thành viên các Tổ công nghệ số cộng đồng {data.commune.full_name}"
    )


def read_list(store: Store, on: date | None = None, *, printed_on: date | None = None) -> ListData:
    """Read and check what the list needs; DocumentError (in Vietnamese) for anything missing."""
    commune = require_commune(store)
    day = on or store.today()
    chair, chair_title = chairman(store, commune)
    records = store.rows("teams", ACTIVE_ON, [day.isoformat()] * 2)
    if not records:
        unit = commune.full_name[:1].upper() + commune.full_name[1:]
        raise DocumentError(
            f"{unit} chưa có tổ công nghệ số cộng đồng nào hoạt động vào ngày {display_date(day)}: "
            "chưa có gì để lập danh sách."
        )
    # The commune-level team (no village) heads the list, then the village teams in Vietnamese name order.
    records.sort(key=lambda team: (team.get("village_id") is not None, collation_key(team["name"])))
    groups = [Group(team, active_memberships(store, team["id"], day)) for team in records]
    return ListData(commune, day, printed_on or store.today(), groups, chair, chair_title)


def list_story(data: ListData) -> list[Flowable]:
    """Header, title with its "as of" line, the grouped table, the chairman's signature."""
    issuer = issuer_for(data.commune)
    story: list[Flowable] = [OfficialHeader(issuer, None, vietnamese_date(data.printed_on, issuer.place))]
    story += title_block(
        # The commune's name on a line of its own rather than cut wherever the width ends.
        f"DANH SÁCH THÀNH VIÊN CÁC TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG\n{data.commune.full_name.upper()}",
        None,
        f"(tính đến ngày {display_date(data.on)})",
    )
    story.append(members_table(data))
    story.append(Spacer(14))
    story.append(signature_block([], ["TM. ỦY BAN NHÂN DÂN", data.chairman_title.upper()], data.chairman))
    return story


def members_table(data: ListData) -> Table:
    """Every team's row, then its members numbered from 1; the header row repeats on every page."""
    rows: list[list[Any]] = []
    spans: list[int] = []
    empty: list[int] = []
    for number, group in enumerate(data.groups, start=1):
        rows.append([Paragraph(f"{roman(number)}. {text(group.team['name'].upper())}", SMALL_BOLD)] + [""] * 6)
        spans.append(len(rows))
        if not group.members:
            rows.append([Paragraph(f"<i>{text(NO_MEMBERS)}</i>", SMALL)] + [""] * 6)
            empty.append(len(rows))
        for index, membership in enumerate(group.members, start=1):
            rows.append(member_row(index, membership))
    table = small_table(COLUMNS, rows, WIDTHS)
    table.setStyle(TableStyle([("SPAN", (0, row), (-1, row)) for row in spans + empty]))
    return table


def member_row(index: int, membership: dict[str, Any]) -> list[Any]:
    """The cells of one member: number, name, birth year, position and workplace, role, phone, remarks."""
    person = membership["person"]
    work = ", ".join(part for part in (person.get("position"), person.get("organisation")) if part)
    return [
        Lines(str(index)),
        Paragraph(text(person.get("full_name", "")), SMALL),
        Lines(str(person["birth_year"]) if person.get("birth_year") else ""),
        Paragraph(text(work), SMALL),
        Paragraph(text(ROLE.choice_label(membership["role"])), SMALL),
        Lines(format_phone(person["phone"]) if person.get("phone") else ""),
        Lines(),
    ]


def roman(number: int) -> str:
    """I, II, III… for the team rows."""
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
        (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    result = ""
    for value, letters in numerals:
        while number >= value:
            result += letters
            number -= value
    return result
