"""Pieces the activity sheet, the blank field form and the member list share: checks, titles, signatures, boxes.

Built on layout.py (the decree's page); nothing here is specific to one document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop.documents.layout import BOLD, FONT, TEXT_WIDTH, DocumentError, ShortRule, Spacer, data_table, style, text
from desktop.store import settings
from desktop.store.store import Store
from sync.units import Commune

TITLE = style("sheet-title", size=14, bold=True, align=TA_CENTER, after=0, before=14)
SUBJECT = style("sheet-subject", size=14, bold=True, align=TA_CENTER, after=2)
NOTE = style("sheet-note", size=13, italic=True, align=TA_CENTER, after=0)
HEADING = style("sheet-heading", size=13, bold=True, align=TA_LEFT, before=10, after=4)
SMALL = style("sheet-cell", size=11, align=TA_LEFT, after=0, leading=13.5)
SMALL_CENTER = style("sheet-cell-center", size=11, align=TA_CENTER, after=0, leading=13.5)
SMALL_BOLD = style("sheet-cell-bold", size=11, bold=True, align=TA_LEFT, after=0, leading=13.5)
SMALL_HEADER = style("sheet-cell-header", size=11, bold=True, align=TA_CENTER, after=0, leading=13)
SMALL_BOLD_CENTER = style("sheet-cell-bold-center", size=11, bold=True, align=TA_CENTER, after=0, leading=13.5)
SIGN_TITLE = style("sheet-sign-title", size=13, bold=True, align=TA_CENTER, after=0, leading=16)
SIGN_HINT = style("sheet-sign-hint", size=12, italic=True, align=TA_CENTER, after=0)
SIGN_NAME = style("sheet-sign-name", size=13, bold=True, align=TA_CENTER, after=0)
SETTINGS_PLACE = "Cài đặt → Cán bộ của xã"


def require_commune(store: Store) -> Commune:
    """The store's commune; DocumentError before set-up (a document names its issuer)."""
    commune = store.commune
    if commune is None:
        raise DocumentError("Chưa chọn xã cho máy này; hãy thiết lập xã trước khi in giấy tờ.")
    return commune


def chairman(store: Store, commune: Commune) -> tuple[str, str]:
    """The chairman's name and title; DocumentError saying where to fill in a missing name."""
    name = settings.get(store, settings.CHAIRMAN_NAME).strip()
    if not name:
        raise DocumentError(
            f"Chưa có họ tên Chủ tịch UBND {commune.full_name}: hãy nhập ở {SETTINGS_PLACE} rồi in lại."
        )
    return name, settings.get(store, settings.CHAIRMAN_TITLE).strip() or "Chủ tịch"


def require_team(store: Store, team_id: str) -> dict[str, Any]:
    """A team that exists (dissolved ones included: their papers stay printable); DocumentError otherwise."""
    team = store.get("teams", team_id)
    if team is None or team.get("deleted"):
        raise DocumentError("Không tìm thấy tổ công nghệ số cần in (tổ không tồn tại hoặc đã bị xóa).")
    return team


def small_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    """layout.data_table at 11 pt with narrow padding: a wide table that must fit a portrait page."""
    table = data_table([Paragraph(text(h), SMALL_HEADER) for h in header], rows, widths)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return table


def number(value: int) -> str:
    """A count as Vietnamese print writes it: 1.234 (a dot between thousands)."""
    return f"{value:,}".replace(",", ".")


def title_block(title: str, subject: str | None = None, note: str | None = None) -> list[Flowable]:
    """The document's name in bold capitals ("\n" breaks it), its subject in bold, a short rule, an italic note."""
    story: list[Flowable] = [Paragraph(text(title).replace("\n", "<br/>"), TITLE)]
    if subject:
        story.append(Paragraph(text(subject), SUBJECT))
    story.append(ShortRule(4 * cm))
    if note:
        story.append(Paragraph(text(note), NOTE))
    story.append(Spacer(10))
    return story


@dataclass(frozen=True)
class Signer:
    """One signer of a row of signatures: title lines (bold capitals), an italic hint, the name (or blank)."""

    titles: tuple[str, ...]
    hint: str
    name: str


def signature_row(signers: Sequence[Signer], shares: Sequence[float], *, space: float = 2.4 * cm) -> Table:
    """Signers side by side, each in its share of the text width; their names line up on one line."""
    table = Table(
        [
            [
                [Paragraph(text(line), SIGN_TITLE) for line in signer.titles]
                + [Paragraph(text(signer.hint), SIGN_HINT)]
                for signer in signers
            ],
            [Spacer(space) for _ in signers],
            [Paragraph(text(signer.name), SIGN_NAME) for signer in signers],
        ],
        colWidths=[TEXT_WIDTH * share for share in shares],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def period_words(start: date, end: date) -> str:
    """ "tháng 02/2026" for a whole calendar month, else "từ ngày 05/02/2026 đến ngày 20/03/2026"."""
    next_day = date.fromordinal(end.toordinal() + 1)
    if start.day == 1 and start.year == end.year and start.month == end.month and next_day.day == 1:
        return f"tháng {start.month:02d}/{start.year}"
    return f"từ ngày {start.strftime('%d/%m/%Y')} đến ngày {end.strftime('%d/%m/%Y')}"


class TickBox(Flowable):
    """An empty square to tick by hand (Liberation Serif has no ☐, so it is drawn)."""

    def __init__(self, size: float = 9.5) -> None:
        super().__init__()
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setLineWidth(0.7)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


class DottedLine(Flowable):
    """A dotted writing line filling the width it is given (a blank of a paper form)."""

    def __init__(self, height: float = 16) -> None:
        super().__init__()
        self.line_height = height
        self.line_width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.line_width = available_width
        return available_width, self.line_height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(0.8)
        canvas.setLineCap(1)
        canvas.setDash(0.1, 2.6)  # round caps on near-empty dashes draw dots
        canvas.line(0, 2, self.line_width, 2)
        canvas.restoreState()


class Lines(Flowable):
    """Short centred lines that never need wrapping (a row number, a date, a count), drawn without the
    paragraph machinery: a 1,000-session sheet has thousands of such cells."""

    def __init__(self, *lines: str, bold: bool = False, size: float = 11, leading: float = 13.5) -> None:
        super().__init__()
        self.lines, self.font = lines, BOLD if bold else FONT
        self.size, self.leading = size, leading
        self.cell_width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.cell_width = available_width
        return available_width, self.leading * len(self.lines)

    def draw(self) -> None:
        self.canv.setFont(self.font, self.size)
        # The first baseline sits where a paragraph of the same size and leading puts it.
        y = self.leading * len(self.lines) - self.size
        for line in self.lines:
            self.canv.drawCentredString(self.cell_width / 2, y, line)
            y -= self.leading
