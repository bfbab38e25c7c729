"""The activity sheet (sổ theo dõi hoạt động) of one team for a period: every session, totals, signatures.

No official form exists for it (domain.md), so it wears the decree's dress: the commune's header, a bold
title and subject, a bordered table whose header repeats on every page, and the signers side by side.

Portrait, like every paper the commune files: seven columns fit the 165 mm text width at 11 pt, with the long
cells (place, support given, members) wrapping, so landscape would buy nothing but a page turned sideways.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop.documents.layout import (
    DocumentError,
    OfficialHeader,
    Spacer,
    issuer_for,
    render,
    text,
    vietnamese_date,
)
from desktop.documents.sheet_parts import (
    HEADING,
    SMALL,
    SMALL_BOLD_CENTER,
    SMALL_CENTER,
    Lines,
    Signer,
    chairman,
    number,
    period_words,
    require_commune,
    require_team,
    signature_row,
    small_table,
    title_block,
)
from desktop.store import settings
from desktop.store.store import Store
from desktop.store.teams import active_memberships
from sync.dates import display_date
from sync.units import Commune

COLUMNS = ("TT", "Ngày", "Địa điểm", "Nội dung hỗ trợ", "Số người được hỗ trợ", "Thành viên tham gia", "Ghi chú")
WIDTHS = tuple(w * mm for w in (10, 22, 27, 44, 15, 33, 14))  # 165 mm: the text width
CATEGORY_COLUMNS = ("TT", "Lĩnh vực hỗ trợ", "Số buổi", "Số người được hỗ trợ")
CATEGORY_WIDTHS = tuple(w * mm for w in (12, 90, 25, 38))
NO_ACTIVITY = "Không có hoạt động trong kỳ."
HEADING_WITH_NEXT = ParagraphStyle("sheet-heading-next", parent=HEADING, keepWithNext=1)


@dataclass(frozen=True)
class Category:
    """One line of the summary by category."""

    code: str
    name: str
    sessions: int
    citizens: int


@dataclass(frozen=True)
class SheetData:
    """Everything the sheet prints, read and checked before anything is laid out."""

    commune: Commune
    team: dict[str, Any]
    start: date
    end: date
    printed_on: date
    sessions: list[dict[str, Any]]
    names: dict[str, str]  # person id -> full name
    categories: dict[str, str]  # code -> name, the live list in its order first
    leader: str
    officer: str
    chairman: str
    chairman_title: str

    @property
    def citizens(self) -> int:
        """Citizens helped over the period."""
        return sum(int(s.get("citizens_total") or 0) for s in self.sessions)

    def by_category(self) -> list[Category]:
        """Sessions and citizens per category used in the period: in the list's order, then codes no longer listed."""
        sessions: dict[str, int] = {}
        citizens: dict[str, int] = {}
        for session in self.sessions:
            for code, count in (session.get("category_counts") or {}).items():
                sessions[code] = sessions.get(code, 0) + 1
                citizens[code] = citizens.get(code, 0) + int(count or 0)
        listed = [code for code in self.categories if code in sessions]
        codes = listed + sorted(set(sessions) - set(listed), key=lambda c: (len(c), c))
        return [Category(c, self.categories.get(c, c), sessions.get(c, 0), citizens.get(c, 0)) for c in codes]


def render_activity_sheet(
    store: Store, team_id: str, start: date, end: date, *, printed_on: date | None = None
) -> bytes:
    """The team's activity sheet for start..end (both included) as PDF bytes; DocumentError for missing data."""
    data = read_sheet(store, team_id, start, end, printed_on=printed_on)
    return render(sheet_story(data), title=f"Sổ theo dõi hoạt động — {data.team['name']}")


def read_sheet(store: Store, team_id: str, start: date, end: date, *, printed_on: date | None = None) -> SheetData:
    """Read and check what the sheet needs; DocumentError (in Vietnamese) for anything missing."""
    commune = require_commune(store)
    team = require_team(store, team_id)
    if start > end:
        raise DocumentError(
            f"Kỳ in sổ không hợp lệ: ngày bắt đầu {display_date(start)} sau ngày kết thúc {display_date(end)}."
        )
    chair, chair_title = chairman(store, commune)
    sessions = store.rows(
        "sessions",
        "team_id = ? AND date BETWEEN ? AND ?",
        [team_id, start.isoformat(), end.isoformat()],
        order_by="date, coalesce(start_time, ''), created_at, id",
    )
    wanted = sorted({pid for s in sessions for pid in (s.get("member_ids") or [])})
    names = {
        p["id"]: p["full_name"]
        for p in store.rows(
            "people", "id IN (SELECT value FROM json_each(?))", [json.dumps(wanted)], include_deleted=True
        )
    }
    categories: dict[str, str] = {}  # live categories in list order first: a live name wins over a deleted one
    for row in store.rows("categories", include_deleted=True, order_by="deleted, sort_order, code"):
        categories.setdefault(row["code"], row["name"])
    leaders = [m for m in active_memberships(store, team_id, end) if m["role"] == "to_truong"]
    return SheetData(
        commune=commune,
        team=team,
        start=start,
        end=end,
        printed_on=printed_on or store.today(),
        sessions=sessions,
        names=names,
        categories=categories,
        leader=leaders[0]["person"].get("full_name", "") if leaders else "",
        officer=settings.get(store, settings.DIGITAL_OFFICER_NAME).strip(),
        chairman=chair,
        chairman_title=chair_title,
    )


def sheet_story(data: SheetData) -> list[Flowable]:
    """The sheet's flowables: header, title, the sessions table, the summary by category, the signers."""
    issuer = issuer_for(data.commune)
    story: list[Flowable] = [OfficialHeader(issuer, None, vietnamese_date(data.printed_on, issuer.place))]
    story += title_block("SỔ THEO DÕI HOẠT ĐỘNG", f"{data.team['name']} — {period_words(data.start, data.end)}")
    if data.sessions:
        story.append(sessions_table(data))
        story.append(Paragraph("Tổng hợp theo lĩnh vực", HEADING_WITH_NEXT))
        story.append(category_table(data))
    else:
        story.append(Paragraph(text(NO_ACTIVITY), HEADING))
    story.append(Spacer(14))
    story.append(signatures(data))
    return story


def sessions_table(data: SheetData) -> Table:
    """One row per session in date order, then the totals row; the header row repeats on every page."""
    rows = [session_row(index, session, data) for index, session in enumerate(data.sessions, start=1)]
    rows.append(
        [
            Paragraph(f"Cộng: {number(len(data.sessions))} buổi hỗ trợ", SMALL_BOLD_CENTER),
            Lines(),
            Lines(),
            Lines(),
            Lines(number(data.citizens), bold=True),
            Lines(),
            Lines(),
        ]
    )
    table = small_table(COLUMNS, rows, WIDTHS)
    last = len(rows)
    table.setStyle(TableStyle([("SPAN", (0, last), (3, last))]))
    return table


def session_row(index: int, session: dict[str, Any], data: SheetData) -> list[Any]:
    """The cells of one session: number, date and hours, place, support given, count, members, remarks."""
    hours = "–".join(t for t in (session.get("start_time"), session.get("end_time")) if t)
    lines = [
        f"- {text(data.categories.get(code, code))}" + ("" if count is None else f": {number(count)}")
        for code, count in (session.get("category_counts") or {}).items()
    ]
    if session.get("notes"):
        lines.append(f"<i>{text(session['notes'])}</i>".replace("\n", "<br/>"))
    members = [data.names.get(pid, "") for pid in session.get("member_ids") or []]
    return [
        Lines(str(index)),
        Lines(display_date(session["date"]), hours) if hours else Lines(display_date(session["date"])),
        Paragraph(text(session.get("place") or ""), SMALL),
        Paragraph("<br/>".join(lines), SMALL),
        Lines(number(int(session.get("citizens_total") or 0))),
        Paragraph("<br/>".join(text(name) for name in members if name), SMALL),
        Lines(),
    ]


def category_table(data: SheetData) -> Table:
    """Sessions and citizens per category over the period."""
    rows: list[list[Any]] = [
        [
            Paragraph(str(index), SMALL_CENTER),
            Paragraph(text(category.name), SMALL),
            Paragraph(number(category.sessions), SMALL_CENTER),
            Paragraph(number(category.citizens), SMALL_CENTER),
        ]
        for index, category in enumerate(data.by_category(), start=1)
    ]
    rows.append(
        [
            Paragraph("Toàn kỳ", SMALL_BOLD_CENTER),
            "",
            Paragraph(number(len(data.sessions)), SMALL_BOLD_CENTER),
            Paragraph(number(data.citizens), SMALL_BOLD_CENTER),
        ]
    )
    table = small_table(CATEGORY_COLUMNS, rows, CATEGORY_WIDTHS)
    last = len(rows)
    table.setStyle(TableStyle([("SPAN", (0, last), (1, last))]))
    return table


def signatures(data: SheetData) -> Table:
    """Who made the sheet, the team's leader, and the commune's confirmation, side by side."""
    division = data.commune.division.upper()
    return signature_row(
        [
            Signer(("NGƯỜI LẬP",), "(Ký, ghi rõ họ tên)", data.officer),
            Signer(("TỔ TRƯỞNG",), "(Ký, ghi rõ họ tên)", data.leader),
            Signer((f"XÁC NHẬN CỦA UBND {division}", data.chairman_title.upper()), "(Ký tên, đóng dấu)", data.chairman),
        ],
        (0.31, 0.31, 0.38),
    )
