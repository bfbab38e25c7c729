"""The printable enrollment sheet for a commune official: the one-time code, the server address and a QR code."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from sync.enrollment import enrollment_uri
from sync.units import Commune

VIETNAM_TIME = timezone(timedelta(hours=7))
FONT = "TosoSheetSerif"  # Liberation Serif, bundled in resources/fonts: the PDF core fonts have no Vietnamese
BOLD = f"{FONT}-Bold"
CODE_FONT = "Courier-Bold"  # the code is ASCII only (Crockford base32): a core font needs no embedding
MARGIN = 20 * mm
QR_SIZE = 62 * mm
_FONT_FILES = {FONT: "LiberationSerif-Regular.ttf", BOLD: "LiberationSerif-Bold.ttf"}


@dataclass(frozen=True)
class EnrollmentSheet:
    """What the sheet says: whose code, the code, until when, and where the server is (None: ask the province)."""

    commune: Commune
    code: str
    expires: datetime
    server_url: str | None
    created: datetime

    @property
    def uri(self) -> str:
        """The text in the QR code."""
        return enrollment_uri(self.server_url, self.code)


def default_file_name(commune_code: str, created: datetime) -> str:
    """e.g. ma-dang-ky-06040-20261128-221530.pdf: the commune and the moment, so sheets never overwrite each other."""
    return f"ma-dang-ky-{commune_code}-{created.astimezone(VIETNAM_TIME):%Y%m%d-%H%M%S}.pdf"


def write_enrollment_sheet(path: Path, sheet: EnrollmentSheet) -> Path:
    """Write the sheet as an A4 PDF readable only by its owner (it holds a secret); returns the path."""
    data = render_enrollment_sheet(sheet)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    return path


def render_enrollment_sheet(sheet: EnrollmentSheet) -> bytes:
    """The sheet's PDF bytes."""
    _register_fonts()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Mã đăng ký Tổ Số — {sheet.commune.full_name}",
        author="Tổ Số — máy chủ tỉnh",
        initialFontName=FONT,
    )
    document.build(_story(sheet, document.width))
    return buffer.getvalue()


def _sentence_case(text: str) -> str:
    """ "xã Thất Khê" at the start of a line: "Xã Thất Khê"."""
    return text[:1].upper() + text[1:]


def _when(moment: datetime) -> str:
    return moment.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")


def _style(size: float, *, bold: bool = False, centred: bool = False, leading: float | None = None) -> ParagraphStyle:
    return ParagraphStyle(
        f"sheet-{size}-{bold}-{centred}",
        fontName=BOLD if bold else FONT,
        fontSize=size,
        leading=leading or size * 1.3,
        alignment=TA_CENTER if centred else 0,
    )


def _story(sheet: EnrollmentSheet, width: float) -> list[Flowable]:
    commune = sheet.commune
    expires = _when(sheet.expires)
    body, small = _style(13), _style(10.5)
    # Hanging indent: a wrapped line starts under the text, not under its number or bullet.
    listed = body.clone("listed", leftIndent=6 * mm, bulletIndent=0, bulletFontName=FONT, bulletFontSize=13)
    title = Paragraph("PHIẾU ĐĂNG KÝ MÁY TÍNH VỚI MÁY CHỦ TỈNH", _style(17, bold=True, centred=True))
    where = f"{_sentence_case(commune.full_name)} (mã {commune.code}), {commune.province_full_name}"
    place = Paragraph(escape(where), _style(14, centred=True))
    if sheet.server_url:
        address = Paragraph(escape(sheet.server_url), _style(13, bold=True))
    else:
        address = Paragraph("Chưa ghi trên phiếu này: hãy hỏi bộ phận công nghệ thông tin của tỉnh.", body)
    details = [
        Paragraph("Mã đăng ký:", body),
        Paragraph(escape(sheet.code), ParagraphStyle("code", fontName=CODE_FONT, fontSize=30, leading=40)),
        Spacer(1, 3 * mm),
        Paragraph("Địa chỉ máy chủ:", body),
        address,
        Spacer(1, 3 * mm),
        Paragraph(f"Hết hạn: <b>{expires}</b> (giờ Việt Nam)", body),
    ]
    holds = "địa chỉ máy chủ và mã đăng ký" if sheet.server_url else "mã đăng ký"
    qr = [_qr_drawing(sheet.uri), Paragraph(f"Mã QR chứa {holds}.", _style(9.5, centred=True))]
    top = Table([[details, qr]], colWidths=[width - QR_SIZE - 6 * mm, QR_SIZE + 6 * mm])
    top.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # a table's cells start in Helvetica, unembedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LEFTPADDING", (0, 0), (0, 0), 5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    steps = [
        "Trên máy tính của xã, mở Tổ Số.",
        "Chọn mục <b>Đồng bộ</b> ở thanh bên trái.",
        "Trong phần <b>Đăng ký máy này với máy chủ tỉnh</b>, gõ <b>Địa chỉ máy chủ</b> và <b>Mã đăng ký</b> như trên "
        "(chữ hoa hay chữ thường đều được).",
        "Bấm <b>Đăng ký</b> và chờ máy tải dữ liệu của xã về.",
    ]
    cautions = [
        f"Mã chỉ dùng được <b>một lần</b>, cho <b>một máy</b>, đến hết {expires}.",
        "Ai có mã đều có thể đăng ký một máy vào dữ liệu của xã: không chụp, không gửi qua mạng.",
        "Đăng ký xong, hãy huỷ phiếu này. Hết hạn mà chưa dùng: xin tỉnh cấp mã mới.",
        "Mất phiếu hoặc nghi bị lộ mã: báo ngay cho bộ phận công nghệ thông tin của tỉnh.",
    ]
    warning = Table(
        [[Paragraph("Lưu ý: mã này là bí mật", _style(13, bold=True))]]
        + [[Paragraph(caution, listed, bulletText="•")] for caution in cautions],
        colWidths=[width],
    )
    warning.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # a table's cells start in Helvetica, unembedded
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (0, 0), 3 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
            ]
        )
    )
    return [
        Paragraph(f"TỔ SỐ — MÁY CHỦ {escape(commune.province_full_name.upper())}", _style(11, centred=True)),
        Spacer(1, 4 * mm),
        title,
        Spacer(1, 2 * mm),
        place,
        Spacer(1, 8 * mm),
        top,
        Spacer(1, 8 * mm),
        Paragraph("Cách đăng ký máy", _style(14, bold=True)),
        Spacer(1, 2 * mm),
        *[Paragraph(step, listed, bulletText=f"{number}.") for number, step in enumerate(steps, start=1)],
        Spacer(1, 8 * mm),
        warning,
        Spacer(1, 8 * mm),
        Paragraph(f"Phiếu tạo lúc {_when(sheet.created)} (giờ Việt Nam) bởi máy chủ tỉnh của Tổ Số.", small),
    ]


def _qr_drawing(value: str) -> Drawing:
    """A QR code of QR_SIZE square (error correction M: a creased or smudged sheet still scans)."""
    widget = QrCodeWidget(value, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    scale = [QR_SIZE / (right - left), 0, 0, QR_SIZE / (top - bottom), 0, 0]
    # initialFontName: else drawing it in a table cell sets Helvetica, unembedded, though it writes no text.
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=scale, initialFontName=FONT)
    drawing.add(widget)
    return drawing


def _resources_dir() -> Path:
    # The server must not import desktop (sync never does); the bundled fonts are found the way desktop.paths
    # finds them: inside a frozen bundle, or beside the source tree.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = _resources_dir() / "fonts"
    for name, file in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
