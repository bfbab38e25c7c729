"""The commune report of a period (báo cáo kết quả hoạt động): the reports view's figures as an official document.

Every figure comes from desktop.store.stats.commune_report, the function the reports view shows, and is worded
the same way ("12/15 (80%)", "tăng 90%"), so the paper and the screen agree for the same period.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, TableStyle

from desktop.documents.charts import LABEL_SIZE, horizontal_bars, number_text, vertical_bars
from desktop.documents.layout import (
    BODY,
    CELL_HEADER,
    FONT,
    TEXT_WIDTH,
    DocumentError,
    OfficialHeader,
    ShortRule,
    Spacer,
    data_table,
    issuer_for,
    render,
    signature_block,
    style,
    text,
    vietnamese_date,
)
from desktop.documents.report_text import (
    assessment,
    directions,
    indicator_cells,
    period_name,
    period_short,
)
from desktop.store import settings, stats
from desktop.store.stats import CommuneReport, Period
from desktop.store.store import Store
from sync.dates import display_date
from sync.units import Commune

NUMBER_LINE = "Số:        /BC-UBND"  # the commune writes the number in when the report is signed
RECIPIENTS = ("- UBND tỉnh (Sở KH&CN);", "- Lưu: VT.")

TITLE = style("report-title", bold=True, align=TA_CENTER, before=18, after=0)
SUBJECT = style("report-subject", bold=True, align=TA_CENTER, after=2)
HEADING = style("report-heading", bold=True, indent=1 * cm, before=6, after=6)
NOTE = style("report-note", size=12, italic=True, indent=1 * cm, before=3, after=6)
CAPTION = style("report-caption", size=13, italic=True, align=TA_CENTER, before=2, after=6)
CELL_INDENTED = style("report-cell-sub", size=12, align=TA_LEFT, after=0)
CELL_INDENTED.leftIndent = 0.4 * cm
RECIPIENTS_TITLE = style("report-recipients-title", size=12, bold=True, italic=True, align=TA_LEFT, after=0)
RECIPIENT = style("report-recipient", size=11, align=TA_LEFT, after=0)
NARROW_PADDING = TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)])
INDICATOR_WIDTHS = (TEXT_WIDTH - 280, 100, 100, 80)
TEAM_WIDTHS = (30, 170, 105, 48, 62, TEXT_WIDTH - 415)


# ----- checks -----


def _check(store: Store, period: Period) -> tuple[Commune, str]:
    """The commune and the chairman's name, or a DocumentError saying what is missing."""
    commune = store.commune
    if commune is None:
        raise DocumentError("Máy này chưa chọn xã: hãy thiết lập xã trước khi in báo cáo.")
    if period.start > period.end:
        raise DocumentError("Kỳ báo cáo không hợp lệ: ngày bắt đầu phải trước hoặc trùng ngày kết thúc.")
    if period.start > store.today():
        raise DocumentError(
            f"Kỳ báo cáo bắt đầu ngày {display_date(period.start)}, sau ngày hôm nay: chưa có số liệu để báo cáo."
        )
    chairman = settings.get(store, settings.CHAIRMAN_NAME).strip()
    if not chairman:
        raise DocumentError(
            "Chưa có họ và tên Chủ tịch UBND xã để ký báo cáo: hãy nhập trong Cài đặt (Thông tin xã) rồi in lại."
        )
    return commune, chairman


# ----- the document -----


def render_report(store: Store, start: date, end: date, *, printed_on: date | None = None) -> bytes:
    """The commune report of a period as PDF bytes; figures as the reports view shows them for that period.

    printed_on is the date on the date line (today by default); the figures are read as the store's today
    reads them, as in the reports view. Raises DocumentError (Vietnamese) when data is missing.
    """
    period = Period(start, end)
    commune, chairman = _check(store, period)
    report = stats.commune_report(store, period)
    if not report.teams:
        raise DocumentError(
            f"Trong kỳ {period_name(period)} xã chưa có Tổ công nghệ số cộng đồng nào hoạt động: "
            "không có gì để báo cáo."
        )
    issuer = issuer_for(commune)
    day = printed_on or store.today()
    # Broken where the meaning breaks, as a typist would, rather than inside the commune's name.
    subject = (
        "Kết quả hoạt động của các Tổ công nghệ số cộng đồng",
        f"trên địa bàn {commune.full_name} {period_name(period)}",
    )
    chart = _chart(store, report, period)
    story: list[Flowable] = [
        OfficialHeader(issuer, NUMBER_LINE, vietnamese_date(day, issuer.place)),
        Paragraph("BÁO CÁO", TITLE),
        Paragraph("<br/>".join(text(line) for line in subject), SUBJECT),
        ShortRule(),
        Spacer(12),
        Paragraph(text(_introduction(commune, period)), BODY),
        *_headings("I. KẾT QUẢ THỰC HIỆN", "1. Các chỉ tiêu chủ yếu"),
        _indicators_table(store, report, period),
        *_stock_note(store, report, period),
        *chart,
        *_headings(f"{3 if chart else 2}. Kết quả hoạt động của từng tổ"),
        _teams_table(report),
        Spacer(6),
        *_headings(
            "II. ĐÁNH GIÁ CHUNG",
            "1. Kết quả đạt được",
            then=[Paragraph(text(sentence), BODY) for sentence in assessment(report, period)],
        ),
        *_headings("2. Tồn tại, hạn chế", then=[DottedLines(3)]),
        *_headings(
            "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
            then=[*(Paragraph(text(sentence), BODY) for sentence in directions(report)), DottedLines(2)],
        ),
        _closing(store, commune, period, chairman),
    ]
    return render(story, title=f"Báo cáo kết quả hoạt động của các Tổ công nghệ số cộng đồng {subject[1]}")


def _headings(*titles: str, then: Sequence[Flowable] = ()) -> list[Flowable]:
    """Section headings that never end a page: room for a table's first rows, or kept with the first paragraph."""
    headings: list[Flowable] = [Paragraph(title, HEADING) for title in titles]
    if not then:  # a table follows: it splits across pages, so only ask for room for its header and a row or two
        return [CondPageBreak(4 * cm), *headings]
    return [KeepTogether([*headings, then[0]]), *then[1:]]


def _introduction(commune: Commune, period: Period) -> str:
    return (
        "Thực hiện Công văn số 793/BTTTT-THH ngày 05/3/2022 của Bộ Thông tin và Truyền thông về việc hướng dẫn "
        "thí điểm triển khai Tổ công nghệ số cộng đồng và Kế hoạch chuyển đổi số của tỉnh, Ủy ban nhân dân "
        f"{commune.full_name} báo cáo kết quả hoạt động của các Tổ công nghệ số cộng đồng trên địa bàn "
        f"{period_name(period)} như sau:"
    )


def _header(label: str, period: str) -> Paragraph:
    return Paragraph(f"{text(label)}<br/>({text(period)})", CELL_HEADER)


def _indicators_table(store: Store, report: CommuneReport, period: Period) -> Flowable:
    # A period still running is shown as far as it has gone, like the part of the previous one it is set against.
    shown = Period(period.start, period.as_of(store.today()))
    header: list[str | Flowable] = [
        "Chỉ tiêu",
        _header("Kỳ này", period_short(period if shown.end == period.end else shown)),
        _header("Kỳ trước", period_short(report.previous_period)),
        "Thay đổi",
    ]
    rows: list[list[object]] = []
    for row in report.rows:
        cells: list[object] = list(indicator_cells(row))
        if row.key == stats.CATEGORY:
            cells[0] = Paragraph(text(cells[0]), CELL_INDENTED)
        rows.append(cells)
    table = data_table(header, rows, INDICATOR_WIDTHS, center_columns=(1, 2, 3))
    table.setStyle(NARROW_PADDING)
    return table


def _stock_note(store: Store, report: CommuneReport, period: Period) -> list[Flowable]:
    today = store.today()
    now, then = period.as_of(today), report.previous_period.as_of(today)
    note = (
        f"Ghi chú: Số tổ, số thành viên, số thôn có tổ và số hộ đạt 5 kỹ năng số tính đến ngày {display_date(now)}"
        f" (kỳ trước: đến ngày {display_date(then)})"
    )
    if now < period.end:
        note += f"; số buổi và số người được hỗ trợ kỳ này tính đến ngày {display_date(now)}"
    return [Paragraph(text(note + "."), NOTE)]


def _chart(store: Store, report: CommuneReport, period: Period) -> list[Flowable]:
    """Sessions per month over a period of several whole months; otherwise citizens helped per category;
    nothing when there is nothing to draw."""
    last = period.as_of(store.today())
    months = (last.year - period.start.year) * 12 + last.month - period.start.month + 1
    heading = Paragraph("2. Biểu đồ", HEADING)
    if period.is_whole_months() and 2 <= months <= 24:
        counts = stats.sessions_per_month(store, last, months)
        if not any(c.sessions for c in counts):
            return []
        one_year = counts[0].year == counts[-1].year
        labels = [f"T{c.month}" if one_year else f"{c.month:02d}/{c.year % 100:02d}" for c in counts]
        drawing = vertical_bars(labels, [c.sessions for c in counts], width=TEXT_WIDTH, height=6.2 * cm, unit="Số buổi")
        caption = f"Số buổi hỗ trợ theo tháng, {period_name(period)}"
    else:
        categories = sorted(
            (row for row in report.rows if row.key == stats.CATEGORY and row.current > 0),
            key=lambda row: -row.current,
        )
        if not categories:
            return []
        names = [_shorten(row.name, 180) for row in categories]
        drawing = horizontal_bars(names, [row.current for row in categories], width=TEXT_WIDTH, label_width=190)
        caption = f"Số lượt người dân được hỗ trợ theo lĩnh vực, {period_name(period)}"
    return [KeepTogether([heading, Spacer(4), drawing, Paragraph(f"Biểu đồ: {text(caption)}", CAPTION)])]


def _shorten(name: str, width: float) -> str:
    """A chart label cut with "…" to fit a width (the table above has the full name)."""
    if stringWidth(name, FONT, LABEL_SIZE) <= width:
        return name
    while name and stringWidth(name + "…", FONT, LABEL_SIZE) > width:
        name = name[:-1]
    return name.rstrip(" ,") + "…"


def _teams_table(report: CommuneReport) -> Flowable:
    header = ["TT", "Tổ", "Thôn", "Số buổi", "Số người được hỗ trợ", "Thành viên"]
    rows = [
        [
            str(index),
            team.name if team.active else f"{team.name} (đã giải thể)",
            team.village or "Cấp xã",
            number_text(team.sessions),
            number_text(team.citizens),
            number_text(team.members),
        ]
        for index, team in enumerate(report.teams, start=1)
    ]
    table = data_table(header, rows, TEAM_WIDTHS, center_columns=(0, 3, 4, 5))
    table.setStyle(NARROW_PADDING)  # six columns on 16.5 cm: the figures' headers need the room
    return table


def _closing(store: Store, commune: Commune, period: Period, chairman: str) -> Flowable:
    """The closing sentence with the recipients and the chairman's signature, kept on one page."""
    closing = (
        "Trên đây là báo cáo kết quả hoạt động của các Tổ công nghệ số cộng đồng "
        f"{period_name(period)} của Ủy ban nhân dân {commune.full_name}./."
    )
    left: list[Flowable] = [Paragraph("Nơi nhận:", RECIPIENTS_TITLE)]
    left += [Paragraph(text(line), RECIPIENT) for line in RECIPIENTS]
    title = settings.get(store, settings.CHAIRMAN_TITLE).strip() or "Chủ tịch"
    signature = signature_block(left, ("TM. ỦY BAN NHÂN DÂN", title.upper()), chairman)
    return KeepTogether([Paragraph(text(closing), BODY), Spacer(4), signature])


class DottedLines(Flowable):
    """Dotted lines across the text width for the commune to write on."""

    GAP = 20

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.line_width = available_width
        return available_width, self.count * self.GAP + 6

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.setDash(1, 2.5)
        for index in range(self.count):
            y = 8 + index * self.GAP
            canvas.line(0, y, self.line_width, y)
        canvas.restoreState()
