"""The page of an official document (Nghị định 30/2020/NĐ-CP): A4, margins, fonts, header, page numbers, signature.

Every document of the app is built from these pieces, so they all look like the commune's real paperwork.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from desktop import paths
from sync.units import Commune

PAGE_WIDTH, PAGE_HEIGHT = A4
# Nghị định 30/2020, Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FONT = "TimesVN"  # Liberation Serif: metric-compatible with Times New Roman, covers Vietnamese
FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    f"{FONT}-Bold": "LiberationSerif-Bold.ttf",
    f"{FONT}-Italic": "LiberationSerif-Italic.ttf",
    f"{FONT}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
BOLD, ITALIC, BOLD_ITALIC = f"{FONT}-Bold", f"{FONT}-Italic", f"{FONT}-BoldItalic"
BODY_SIZE = 14
DRAFT_MARK = "DỰ THẢO"


class DocumentError(ValueError):
    """Data is missing or wrong for a document; said in Vietnamese before anything is rendered."""


def register_fonts() -> None:
    """Register the bundled Liberation Serif faces once (they are embedded, as subsets, in every PDF)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = paths.resources_dir() / "fonts"
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


# Paragraphs resolve <b>/<i> through the font family when they are created, so the faces must be known
# before any paragraph exists: register them as soon as documents are used at all.
register_fonts()


def text(value: object) -> str:
    """User text made safe for reportlab's paragraph markup: "<", ">" and "&" print as themselves."""
    return escape("" if value is None else str(value))


def style(
    name: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    align: Literal[0, 1, 2, 4] = TA_JUSTIFY,  # TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY
    indent: float = 0,
    before: float = 0,
    after: float = 6,
    leading: float | None = None,
) -> ParagraphStyle:
    """A paragraph style in the document font."""
    font = {(False, False): FONT, (True, False): BOLD, (False, True): ITALIC, (True, True): BOLD_ITALIC}[(bold, italic)]
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading or size * 1.3,
        alignment=align,
        firstLineIndent=indent,
        spaceBefore=before,
        spaceAfter=after,
    )


BODY = style("body", indent=1 * cm)  # justified, first line indented 1 cm, 6 pt after (Phụ lục I)
CENTER = style("center", align=TA_CENTER, after=0)
CENTER_BOLD = style("center-bold", bold=True, align=TA_CENTER, after=0)
CELL = style("cell", size=12, align=TA_LEFT, after=0)
CELL_CENTER = style("cell-center", size=12, align=TA_CENTER, after=0)
CELL_HEADER = style("cell-header", size=12, bold=True, align=TA_CENTER, after=0)


def vietnamese_date(day: date, place: str) -> str:
    """ "Tân Thành, ngày 05 tháng 02 năm 2026": days under 10 and months 1–2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def decision_number(number: int, suffix: str = "QĐ-UBND") -> str:
    """ "07/QĐ-UBND": numbers under 10 take a leading zero."""
    return f"{number:02d}/{suffix}"


@dataclass(frozen=True)
class Issuer:
    """Who issues a document: the commune's People's Committee, and where it is."""

    body_lines: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "XÃ TÂN THÀNH"), capitals
    place: str  # the place name of the date line: "Tân Thành"


def issuer_for(commune: Commune) -> Issuer:
    """The commune's People's Committee as a document's issuer ("ỦY BAN NHÂN DÂN" over "XÃ TÂN THÀNH")."""
    return Issuer(("ỦY BAN NHÂN DÂN", commune.full_name.upper()), commune.name)


class OfficialHeader(Flowable):
    """The two-column header: issuing body and number on the left, Quốc hiệu and Tiêu ngữ with the date right."""

    LEFT_WIDTH = TEXT_WIDTH * 0.42

    def __init__(self, issuer: Issuer, number_line: str | None, date_line: str) -> None:
        super().__init__()
        self.issuer, self.number_line, self.date_line = issuer, number_line, date_line
        self.width = TEXT_WIDTH
        # A long unit name ("PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM") or place wraps within its column.
        self.body_lines = [
            part for line in issuer.body_lines for part in simpleSplit(line, BOLD, 13, self.LEFT_WIDTH - 4)
        ]
        self.date_lines = simpleSplit(date_line, ITALIC, 13, self.width - self.LEFT_WIDTH - 4) if date_line else []
        lines = max(len(self.body_lines), 2)
        if number_line or date_line:
            self.height = max(lines * 15 + 30, 60 + 15 * (len(self.date_lines) - 1))
        else:
            self.height = lines * 15 + 8

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        left_center = self.LEFT_WIDTH / 2
        right_center = self.LEFT_WIDTH + (self.width - self.LEFT_WIDTH) / 2
        y = self.height - 12
        for line in self.body_lines:
            canvas.setFont(BOLD, 13)
            canvas.drawCentredString(left_center, y, line)
            y -= 15
        # A solid rule under the issuing body, between a third and a half of its line's width.
        body_width = max(pdfmetrics.stringWidth(line, BOLD, 13) for line in self.body_lines)
        rule = body_width * 0.4
        canvas.setLineWidth(0.6)
        canvas.line(left_center - rule / 2, y + 10, left_center + rule / 2, y + 10)
        if self.number_line:
            canvas.setFont(FONT, 13)
            canvas.drawCentredString(left_center, y - 8, self.number_line)

        y = self.height - 12
        canvas.setFont(BOLD, 12)
        canvas.drawCentredString(right_center, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        y -= 15
        motto = "Độc lập - Tự do - Hạnh phúc"
        canvas.setFont(BOLD, 13)
        canvas.drawCentredString(right_center, y, motto)
        motto_width = pdfmetrics.stringWidth(motto, BOLD, 13)
        canvas.line(right_center - motto_width / 2, y - 3, right_center + motto_width / 2, y - 3)
        canvas.setFont(ITALIC, 13)
        for index, line in enumerate(self.date_lines):
            canvas.drawCentredString(right_center, y - 23 - 15 * index, line)


class ShortRule(Flowable):
    """A short centred rule, under a subject line."""

    def __init__(self, width: float = 3 * cm) -> None:
        super().__init__()
        self.rule_width = width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.available = available_width
        return available_width, 8

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        start = (self.available - self.rule_width) / 2
        self.canv.line(start, 5, start + self.rule_width, 5)


class StartAnnex(Flowable):
    """Marks where an annex begins: its pages are numbered from 1 again (Phụ lục I: annexes separately).

    Put it right after the PageBreak that starts the annex, so it records the annex's first page.
    """

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_doctemplate", None)  # set by reportlab while a document builds
        if doc is not None:
            doc.annex_first_page = self.canv.getPageNumber()


class OfficialDocument(BaseDocTemplate):
    """A4 with the decree's margins; page numbers centred in the top margin, none on a first page; DỰ THẢO."""

    def __init__(self, target: str | BytesIO, *, title: str, draft: bool = False, author: str = "") -> None:
        register_fonts()
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            creator="Tổ Số",
            subject=title,
            # invariant: no creation time or random id in the file, so an issued decision renders byte for byte
            # the same years later.
            invariant=1,
            # reportlab starts every page in Helvetica, which would sit unembedded among the page's fonts.
            initialFontName=FONT,
        )
        self.draft = draft
        self.annex_first_page = 0
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            TEXT_WIDTH,
            PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=self._decorate, onPageEnd=self._number_page)]
        )

    def _number_page(self, canvas: Canvas, doc: Any) -> None:
        # At the page's end, not its start: a StartAnnex on this page has drawn by then, so the annex's
        # first page counts as its page 1 (and carries no number).
        page = canvas.getPageNumber()
        number = page - self.annex_first_page + 1 if self.annex_first_page else page
        if number > 1:
            canvas.setFont(FONT, 13)
            canvas.drawCentredString(MARGIN_LEFT + TEXT_WIDTH / 2, PAGE_HEIGHT - MARGIN_TOP / 2 - 4, str(number))

    def _decorate(self, canvas: Canvas, doc: Any) -> None:
        if self.draft:
            canvas.saveState()
            canvas.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.45))
            canvas.setFont(BOLD, 72)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, 0, DRAFT_MARK)
            canvas.restoreState()


def render(
    story: Sequence[Flowable],
    target: Path | BytesIO | None = None,
    *,
    title: str,
    draft: bool = False,
    author: str = "",
) -> bytes:
    """Build the PDF; writes it to target (atomically for a path) and returns its bytes."""
    buffer = BytesIO()
    OfficialDocument(buffer, title=title, draft=draft, author=author).build(list(story))
    data = buffer.getvalue()
    if isinstance(target, BytesIO):
        target.write(data)
    elif target is not None:
        target = Path(target)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
    return data


def data_table(
    header: Sequence[str | Flowable],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    center_columns: Sequence[int] = (),
) -> Table:
    """A bordered table whose header row repeats on every page; long cells wrap; a cell may be a Flowable."""

    def cell(value: Any, column: int) -> Any:
        if isinstance(value, Flowable):
            return value
        return Paragraph(text(value), CELL_CENTER if column in center_columns else CELL)

    body = [[h if isinstance(h, Flowable) else Paragraph(text(h), CELL_HEADER) for h in header]]
    body += [[cell(value, column) for column, value in enumerate(row)] for row in rows]
    table = Table(body, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Helvetica lands, unembedded, in the PDF
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def signature_block(
    left: Sequence[Flowable], authority: Sequence[str], signer: str, *, signature_space: float = 2.8 * cm
) -> Table:
    """Two columns: recipients (or nothing) on the left, authority lines, room to sign and seal, name on the right."""
    right: list[Any] = [
        Paragraph(text(line), style("authority", size=13, bold=True, align=TA_CENTER, after=0)) for line in authority
    ]
    right.append(Spacer(signature_space))
    right.append(Paragraph(text(signer), style("signer", size=14, bold=True, align=TA_CENTER, after=0)))
    table = Table([[list(left), right]], colWidths=[TEXT_WIDTH * 0.5, TEXT_WIDTH * 0.5])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


class Spacer(Flowable):
    """Vertical room of a given height (the reportlab Spacer takes a width too)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.space = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.space

    def draw(self) -> None:
        return
