"""The founding or restructuring decision of community digital technology teams, as the commune signs it.

Nghị định 30/2020/NĐ-CP, Phụ lục I: header, "QUYẾT ĐỊNH" and its subject, the chairman's authority, legal bases,
articles, "Nơi nhận" and the signature; then the member list as an annex with its own page numbers. A draft prints
from the records as they are, watermarked DỰ THẢO; an issued decision prints from its frozen snapshot only, so it
comes out byte for byte the same however the roster changes later.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import cm, mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, TableStyle

from desktop.documents import layout
from desktop.documents.layout import DocumentError, Spacer, style, text
from desktop.store import decisions
from desktop.store.store import Store, StoreError
from sync.dates import parse_date
from sync.units import Commune

TITLE = style("decision-title", size=14, bold=True, align=TA_CENTER, after=0)
SUBJECT = style("decision-subject", size=14, bold=True, align=TA_CENTER, after=0)
AUTHORITY = style("decision-authority", size=14, bold=True, align=TA_CENTER, before=6, after=6)
# Single line spacing (Phụ lục I allows 1 to 1.5 lines): a one-team decision fits its page with the signature.
BASIS = style("decision-basis", italic=True, indent=1 * cm, after=6, leading=16)
DECIDES = style("decision-decides", size=14, bold=True, align=TA_CENTER, before=2, after=6)
ARTICLE = style("decision-article", indent=1 * cm, after=6, leading=16)
RECIPIENTS_HEAD = style("recipients-head", size=12, bold=True, italic=True, align=TA_LEFT, after=0)
RECIPIENT = style("recipient", size=11, align=TA_LEFT, after=0, leading=13)
ANNEX_TITLE = style("annex-title", size=14, bold=True, align=TA_CENTER, after=0)
ANNEX_NOTE = style("annex-note", size=14, italic=True, align=TA_CENTER, after=0)
GROUP = style("annex-group", size=12, bold=True, align=TA_LEFT, after=0)

ANNEX_HEADER = ("TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Chức danh trong Tổ", "Số điện thoại", "Ghi chú")
ANNEX_WIDTHS = (9 * mm, 39 * mm, 47 * mm, 23 * mm, 26 * mm, 21 * mm)  # 165 mm: the text width
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
BLANK = "\u00a0" * 6  # room to write a day by hand on an undated draft


def render_decision(store: Store, decision_id: str) -> bytes:
    """The decision as a PDF: a draft from the records (watermarked), an issued one from its snapshot.

    DocumentError says in Vietnamese what is missing (no signer, no team, a team without members…), before
    anything is rendered.
    """
    snapshot, draft = decision_content(store, decision_id)
    return layout.render(decision_story(snapshot), title=f"Quyết định số {snapshot['number_text']}", draft=draft)


def decision_content(store: Store, decision_id: str) -> tuple[dict[str, Any], bool]:
    """(what the paper says, whether it is a draft); DocumentError when it cannot be printed."""
    decision = store.get("decisions", decision_id)
    if decision is None or decision["deleted"]:
        raise DocumentError("Không tìm thấy quyết định này (có thể đã bị xóa).")
    if decision["status"] == "issued":
        snapshot = decision.get("snapshot")
        if not isinstance(snapshot, dict) or snapshot.get("version") != decisions.SNAPSHOT_VERSION:
            raise DocumentError(
                f"Quyết định số {decisions.number_text(decision['number'])} đã ban hành nhưng không có nội dung "
                "được lưu khi ban hành, nên không in lại được."
            )
        return snapshot, False
    if store.commune is None:
        raise DocumentError("Chưa chọn xã cho máy này; hãy thiết lập xã trước khi in quyết định.")
    errors = decisions.problems(store, decision)
    if errors:
        raise DocumentError("Chưa in được quyết định: " + " ".join(error.vi for error in errors))
    try:
        return decisions.build_snapshot(store, decision), True
    except StoreError as error:
        raise DocumentError(error.vi) from error


def decision_story(snapshot: dict[str, Any]) -> list[Flowable]:
    """The flowables of a decision and its annex, from a snapshot alone (nothing else is read)."""
    commune = Commune(**{key: value for key, value in snapshot["commune"].items() if key != "full_name"})
    day = parse_date(snapshot["date"]) if snapshot.get("date") else None
    date_line = (
        layout.vietnamese_date(day, commune.name)
        if day
        else f"{commune.name}, ngày{BLANK}tháng{BLANK}năm {snapshot['year']}"
    )
    story: list[Flowable] = [
        layout.OfficialHeader(layout.issuer_for(commune), f"Số: {snapshot['number_text']}", date_line),
        Spacer(16),
        Paragraph("QUYẾT ĐỊNH", TITLE),
        Paragraph(text(snapshot["subject"]), SUBJECT),
        layout.ShortRule(4 * cm),
        Spacer(6),
        Paragraph(text(snapshot["authority"]), AUTHORITY),
    ]
    story += [Paragraph(text(basis), BASIS) for basis in snapshot["legal_bases"]]
    if snapshot.get("proposal"):
        story.append(Paragraph(text(snapshot["proposal"]), BASIS))
    story.append(Paragraph("QUYẾT ĐỊNH:", DECIDES))
    paragraphs = [
        Paragraph(f"<b>Điều {number}.</b> {text(line)}" if index == 0 else text(line), ARTICLE)
        for number, article in enumerate(snapshot["articles"], start=1)
        for index, line in enumerate(article)
    ]
    story += paragraphs[:-1]
    # The signature never stands alone on a page: it keeps the last paragraph with it.
    story.append(KeepTogether([*paragraphs[-1:], Spacer(4), _signature(snapshot)]))
    story += _annex(snapshot, day)
    return story


def _signature(snapshot: dict[str, Any]) -> Flowable:
    recipients: list[Flowable] = [Paragraph("Nơi nhận:", RECIPIENTS_HEAD)]
    recipients += [Paragraph(text(line), RECIPIENT) for line in snapshot["recipients"]]
    signer = snapshot["signer"]
    return layout.signature_block(recipients, signer["authority"], signer["name"])


def _annex(snapshot: dict[str, Any], day: date | None) -> list[Flowable]:
    when = (
        layout.vietnamese_date(day, "").removeprefix(", ") if day else f"ngày{BLANK}tháng{BLANK}năm {snapshot['year']}"
    )
    note = f"(Kèm theo Quyết định số {snapshot['number_text']} {when} của {snapshot['issuer_title']})"
    teams = snapshot["teams"]
    rows: list[list[Any]] = []
    groups: list[int] = []
    for index, team in enumerate(teams):
        if len(teams) > 1:
            groups.append(len(rows) + 1)  # +1: the header row
            label = f"{ROMAN[index] if index < len(ROMAN) else index + 1}. {team['designation'].upper()}"
            rows.append([Paragraph(text(label), GROUP), "", "", "", "", ""])
        rows += [
            [str(number), m["full_name"], m["position"], m["role_label"], m["phone"], m["notes"]]
            for number, m in enumerate(team["members"], start=1)
        ]
    table = layout.data_table(ANNEX_HEADER, rows, ANNEX_WIDTHS, center_columns=(0, 3, 4))
    # Narrow side padding, so a phone number and "Thành viên" each keep to one line.
    commands: list[tuple[Any, ...]] = [("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    # A team's title row spans the table and never ends a page without the team's first member under it.
    commands += [("SPAN", (0, row), (-1, row)) for row in groups]
    commands += [("NOSPLIT", (0, row), (-1, row + 1)) for row in groups]
    table.setStyle(TableStyle(commands))
    return [
        PageBreak(),
        layout.StartAnnex(),
        Paragraph(_two_lines(snapshot["annex_title"], "DANH SÁCH THÀNH VIÊN "), ANNEX_TITLE),
        Paragraph(text(note), ANNEX_NOTE),
        layout.ShortRule(4 * cm),
        Spacer(10),
        table,
    ]


def _two_lines(title: str, first: str) -> str:
    """ "DANH SÁCH THÀNH VIÊN" over the rest, as such titles are set; escaped."""
    if title.startswith(first) and len(title) > len(first):
        return f"{text(first.strip())}<br/>{text(title[len(first) :])}"
    return text(title)
