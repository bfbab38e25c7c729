"""The blank field form (phiếu ghi chép hoạt động): paper to log support sessions by hand, typed in later.

Each framed block is one session, its blanks in the order of the app's fast-entry form (desktop/ui/
session_entry.py): team, date, start–end time, place, categories with a count each, total, members present,
notes; then who wrote it. Two blocks a page on two pages for a usual team: four sessions a printed sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop.documents.layout import (
    BOLD,
    FONT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    TEXT_WIDTH,
    DocumentError,
    OfficialHeader,
    Spacer,
    issuer_for,
    render,
    style,
    text,
)
from desktop.documents.sheet_parts import DottedLine, TickBox, require_commune, require_team, title_block
from desktop.store.store import Store
from desktop.store.teams import active_memberships
from sync.units import Commune

FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
BLOCKS = 4  # two a page on two pages for a usual team
NBSP = "\u00a0"
SIZE = 12  # the form's labels: big enough to read in a village hall, small enough for two sessions a page
LABEL = style("form-label", size=SIZE, align=TA_LEFT, after=1, before=2, leading=14)
LABEL_BOLD = style("form-label-bold", size=SIZE, bold=True, align=TA_LEFT, after=0, leading=14)
CHOICE = style("form-choice", size=11, align=TA_LEFT, after=0, leading=12.5)
PADDING = 6  # inside the block's frame
INNER = TEXT_WIDTH - 2 * PADDING
LINE = 22  # height of a line with a blank to write on (7.8 mm: room for handwriting)…
SHORTEST_LINE = 15  # …down to this when a long category list or roster must still fit two blocks on page 1
GAP = 12  # between two blocks
BOX_COLUMN = 15


@dataclass(frozen=True)
class FormData:
    """What the form prints: the commune, the team, its categories and its current members."""

    commune: Commune
    team: dict[str, Any]
    categories: list[str]  # names, in the list's order
    members: list[str]  # full names, in roster order (leader first)


def render_field_form(store: Store, team_id: str) -> bytes:
    """Blank field forms for one team as PDF bytes; DocumentError for a team without members."""
    data = read_form(store, team_id)
    return render(form_story(data), title=f"Phiếu ghi chép hoạt động — {data.team['name']}")


def read_form(store: Store, team_id: str) -> FormData:
    """Read and check what the form needs; DocumentError (in Vietnamese) for anything missing."""
    commune = require_commune(store)
    team = require_team(store, team_id)
    if team["status"] != "active":
        raise DocumentError(f"Tổ “{team['name']}” đã giải thể: không còn ghi chép hoạt động mới cho tổ này.")
    members = [m["person"].get("full_name", "") for m in active_memberships(store, team_id)]
    members = [name for name in members if name]
    if not members:
        raise DocumentError(
            f"Tổ “{team['name']}” chưa có thành viên: hãy thêm thành viên cho tổ rồi in phiếu ghi chép."
        )
    categories = [row["name"] for row in store.rows("categories", order_by="sort_order, code")]
    return FormData(commune, team, categories, members)


def form_story(data: FormData) -> list[Flowable]:
    """Header and title on the first page, then the session blocks, two a page."""
    story: list[Flowable] = [OfficialHeader(issuer_for(data.commune), None, "")]
    story += title_block("PHIẾU GHI CHÉP HOẠT ĐỘNG", data.team["name"])
    # Two blocks under the title on page 1 (page 2 has more room): writing lines shrink a little for a
    # long category list or roster before a block is left to flow onto the next page on its own.
    room = (FRAME_HEIGHT - sum(_height(flowable) for flowable in story) - GAP) / 2
    line = LINE
    while line > SHORTEST_LINE and _height(session_block(data, line)) > room:
        line -= 1
    # No forced page breaks: a block never splits, so a team with many members or categories simply gets
    # fewer blocks a page instead of pages holding one block and a gap.
    for index in range(BLOCKS):
        if index:
            story.append(Spacer(GAP))
        story.append(session_block(data, line))
    return story


def _height(flowable: Flowable) -> float:
    return float(flowable.wrap(TEXT_WIDTH, FRAME_HEIGHT)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def session_block(data: FormData, line: float = LINE) -> Table:
    """One framed session to fill in by hand; a single row, so it never splits across pages."""
    parts: list[Flowable] = [
        blank_line([("Tổ: ", False), (data.team["name"], True)], fill=False, line=line),
        blank_line(
            [
                ("Ngày:", False),
                34.0,
                ("/", False),
                34.0,
                ("/", False),
                48.0,
                (NBSP * 6 + "Giờ: từ", False),
                62.0,
                (NBSP + "đến", False),
                62.0,
            ],
            line=line,
        ),
        blank_line([("Địa điểm:", False), None], line=line),
        Paragraph("Lĩnh vực hỗ trợ và số người <i>(đánh dấu X vào ô, ghi số người vào chỗ chấm)</i>:", LABEL),
        # An emptied category list leaves lines to write the categories by hand.
        choice_grid(data.categories, 2, count_blank=True) if data.categories else blank_line([None], line=line),
        blank_line([("Tổng số người được hỗ trợ:", False), 70.0, (NBSP + "người", False)], line=line),
        Paragraph("Thành viên tham gia <i>(đánh dấu X)</i>:", LABEL),
        choice_grid(data.members, 3, count_blank=False),
        blank_line([("Ghi chú:", False), None], line=line),
        blank_line([None], line=line),
        blank_line([("Người ghi (ký, ghi rõ họ tên):", False), None], indent=INNER * 0.42, line=line),
    ]
    block = Table([[parts]], colWidths=[TEXT_WIDTH])
    block.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, "black"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return block


Part = tuple[str, bool] | float | None  # (label, bold), a blank of that many points, or a blank to the end


def blank_line(parts: Sequence[Part], *, fill: bool = True, indent: float = 0, line: float = LINE) -> Table:
    """One line of labels and dotted blanks: a label takes its own width, a blank its width or what is left."""
    widths: list[float | None] = [indent] if indent else []
    cells: list[Any] = [""] if indent else []
    for part in parts:
        if isinstance(part, tuple):
            label, bold = part
            widths.append(stringWidth(label, BOLD if bold else FONT, SIZE) + 3)
            cells.append(Paragraph(text(label), LABEL_BOLD if bold else LABEL))
        else:
            widths.append(part)
            cells.append(DottedLine(line - 4))
    if not fill:  # a printed line: the last label takes the rest and may wrap
        widths[-1] = None
    rest = INNER - sum(w for w in widths if w is not None)
    open_widths = [w for w in widths if w is None]
    final = [w if w is not None else rest / len(open_widths) for w in widths]
    table = Table([cells], colWidths=final)
    table.setStyle(_tight(valign="BOTTOM", top=3))
    return table


def choice_grid(names: Sequence[str], columns: int, *, count_blank: bool) -> Table:
    """Tick boxes with their names, down the columns in list order; a blank for a count after each if asked."""
    rows = -(-len(names) // columns)
    column_width = INNER / columns
    blank = 30.0 if count_blank else 0.0
    gap = 6.0 if count_blank else 0.0  # keeps a count's blank apart from the next column's box
    per_column = [BOX_COLUMN, column_width - BOX_COLUMN - blank - gap] + ([blank, gap] if count_blank else [])
    cells: list[list[Any]] = []
    for row in range(rows):
        line: list[Any] = []
        for column in range(columns):
            index = column * rows + row
            if index < len(names):
                line += [TickBox(), Paragraph(text(names[index]), CHOICE)]
                line += [DottedLine(12), ""] if count_blank else []
            else:
                line += [""] * len(per_column)
        cells.append(line)
    table = Table(cells, colWidths=per_column * columns)
    table.setStyle(_tight(valign="MIDDLE", top=2))
    return table


def _tight(*, valign: str, top: float) -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), top),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
