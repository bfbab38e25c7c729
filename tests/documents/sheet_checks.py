"""A fixed commune for the sheet tests, and checks that read a PDF back as a reader and a printer would.

Everything here goes through poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm: installed by dev.sh for the
tests) and Pillow (a reportlab dependency), so the checks need nothing the test environment lacks.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageStat

from desktop.store import settings
from desktop.store.store import Store

COMMUNE_CODE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn (2025 list)
TODAY = date(2026, 3, 1)
PRINTED_ON = date(2026, 3, 2)
MM = 72 / 25.4
A4 = (595.28, 841.89)
MARGINS = {"top": 20 * MM, "bottom": 20 * MM, "left": 30 * MM, "right": 15 * MM}
REFERENCE = Path(__file__).parent / "reference"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
# Mean absolute difference of two renderings, as a share of 255, above which a page "looks different".
IMAGE_TOLERANCE = 0.02

# (full name, birth year, phone, position, organisation, role)
ROSTER = (
    ("Lường Văn Đức", 1971, "0912345678", "Trưởng thôn", "Thôn Nà Phái", "to_truong"),
    ("Hoàng Thị Ánh", 1996, "0987654321", "Bí thư Chi đoàn", "Đoàn Thanh niên xã", "to_pho"),
    ("Nông Văn Bình", 1990, "0356789012", "Công an viên", "Công an xã Thất Khê", "thanh_vien"),
    ("Nguyễn Thị Như Quỳnh", 1988, "0868123456", "Giáo viên", "Trường Tiểu học Thất Khê", "thanh_vien"),
    ("Vi Văn Đông", 1985, "0977111222", "Nhân viên kỹ thuật", "Viettel Lạng Sơn", "thanh_vien"),
)


@dataclass
class Commune:
    """The sample commune's store and the records the tests point at."""

    store: Store
    team: dict[str, Any]
    village: dict[str, Any]
    people: dict[str, dict[str, Any]]  # by full name


def sample_commune(*, chairman: str = "Hoàng Văn Thắng", officer: str = "Lý Thị Hạnh") -> Commune:
    """A small commune with fixed data and a fixed clock: one village team of five and a February of sessions."""
    store = Store.in_memory()
    store.today = lambda: TODAY
    store.set_commune(COMMUNE_CODE)
    if chairman:
        settings.put(store, settings.CHAIRMAN_NAME, chairman)
    if officer:
        settings.put(store, settings.DIGITAL_OFFICER_NAME, officer)
    village = store.insert("villages", {"name": "Nà Phái", "kind": "thon", "households": 212})
    team = store.insert(
        "teams",
        {"name": "Tổ công nghệ số cộng đồng thôn Nà Phái", "village_id": village["id"], "founded_on": "2025-08-01"},
    )
    people = {}
    for name, year, phone, position, organisation, role in ROSTER:
        person = store.insert(
            "people",
            {"full_name": name, "birth_year": year, "phone": phone, "position": position, "organisation": organisation},
        )
        people[name] = person
        store.insert(
            "memberships",
            {"person_id": person["id"], "team_id": team["id"], "role": role, "start_date": "2025-08-01"},
        )
    ids = {name: person["id"] for name, person in people.items()}
    february = [
        (5, "19:00", "21:00", "Nhà văn hóa thôn Nà Phái", {"1": 6, "2": 3}, 9, ["Lường Văn Đức", "Vi Văn Đông"], ""),
        (9, "08:00", "10:30", "Chợ Thất Khê", {"3": 7, "4": 2}, 10, ["Hoàng Thị Ánh"], "Hướng dẫn quét mã QR"),
        (14, "19:30", "21:00", "Hộ gia đình ông Hoàng Văn Páo", {"5": 2}, 2, ["Nông Văn Bình"], ""),
        (
            21,
            "07:30",
            "11:00",
            "Nhà văn hóa thôn Nà Phái",
            {"1": 12, "6": 5, "7": 4},
            23,
            ["Lường Văn Đức", "Hoàng Thị Ánh", "Nguyễn Thị Như Quỳnh"],
            "Ngày hội Bình dân học vụ số; 2 người chỉ hỏi thông tin",
        ),
        (26, "14:00", "16:00", "Trường Tiểu học Thất Khê", {"9": 8}, 8, ["Nguyễn Thị Như Quỳnh"], ""),
    ]
    for day, start, end, place, counts, total, members, notes in february:
        store.insert(
            "sessions",
            {
                "team_id": team["id"],
                "date": date(2026, 2, day).isoformat(),
                "start_time": start,
                "end_time": end,
                "place": place,
                "category_counts": counts,
                "citizens_total": total,
                "member_ids": [ids[m] for m in members],
                "notes": notes,
            },
        )
    return Commune(store, team, village, people)


def add_sessions(commune: Commune, count: int, *, first: date = date(2025, 3, 1)) -> int:
    """Add `count` sessions to the team from a day on (a few a day, in one transaction); returns the citizens."""
    store, members = commune.store, [p["id"] for p in commune.people.values()]
    places = ("Nhà văn hóa thôn Nà Phái", "Chợ Thất Khê", "UBND xã Thất Khê", "Trạm Y tế xã Thất Khê")
    citizens = 0
    with store.transaction():
        for index in range(count):
            day = first + timedelta(days=index // 3)
            total = 3 + index % 11
            citizens += total
            store.insert(
                "sessions",
                {
                    "team_id": commune.team["id"],
                    "date": day.isoformat(),
                    "start_time": f"{8 + index % 3 * 4:02d}:00",
                    "end_time": f"{10 + index % 3 * 4:02d}:00",
                    "place": places[index % len(places)],
                    "category_counts": {str(1 + index % 10): total - 1, str(1 + (index + 3) % 10): 1},
                    "citizens_total": total,
                    "member_ids": members[index % 5 : index % 5 + 2],
                    "notes": "Ghi chú buổi thứ " + str(index + 1) if index % 7 == 0 else "",
                },
            )
    return citizens


# ----- reading a PDF back -----


@dataclass(frozen=True)
class Word:
    """One word pdftotext found, with its box in points from the page's top-left corner."""

    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def pdf_text(pdf: bytes, *, layout: bool = False) -> list[str]:
    """The text of each page as extracted: in drawing order (a table cell's lines stay together), or laid out
    as on the page."""
    mode = "-layout" if layout else "-raw"
    out = subprocess.run(["pdftotext", mode, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")[:-1]


def pdf_words(pdf: bytes) -> list[Word]:
    """Every word with its bounding box, from `pdftotext -bbox-layout`."""
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", out.stdout.decode("utf-8"))
    root = ET.fromstring(xml)
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    words = []
    for number, page in enumerate(root.iterfind(".//x:page", namespace), start=1):
        for word in page.iterfind("x:word", namespace):
            box = [float(word.attrib[key]) for key in ("xMin", "yMin", "xMax", "yMax")]
            words.append(Word(number, word.text or "", *box))
    return words


def pdf_info(pdf: bytes) -> dict[str, str]:
    """pdfinfo's fields (Pages, Page size…)."""
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines()) if v}


def pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font of the document, from pdffonts."""
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    fonts = []
    for line in out.splitlines()[2:]:
        columns = line.split()
        # name type [type…] encoding emb sub uni object ID: emb is the fifth field from the end
        fonts.append((columns[0], columns[-5] == "yes"))
    return fonts


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Every page's size in points."""
    pages = int(pdf_info(pdf)["Pages"])
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def check_page(pdf: bytes) -> list[Word]:
    """The common checks of every official paper: A4, fonts embedded, header lines, text inside the margins,
    and page numbers centred in the top margin from page 2 on (none on page 1). Returns the words."""
    sizes = page_sizes(pdf)
    assert sizes and all(abs(w - A4[0]) < 0.1 and abs(h - A4[1]) < 0.1 for w, h in sizes), sizes
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert all("LiberationSerif" in name for name, _ in fonts), fonts
    pages = pdf_text(pdf)
    # Every glyph maps back to one precomposed letter: the text a reader copies is NFC, as stored.
    assert all(unicodedata.is_normalized("NFC", page) for page in pages)
    assert QUOC_HIEU in pages[0] and TIEU_NGU in pages[0]
    words = pdf_words(pdf)
    width, height = A4
    for word in words:
        in_top_margin = word.y_max <= MARGINS["top"] + 0.5
        if in_top_margin:  # only a page number lives there, centred, from page 2
            assert word.page > 1 and word.text.isdigit(), word
            centre = (word.x_min + word.x_max) / 2
            assert abs(centre - (MARGINS["left"] + (width - MARGINS["left"] - MARGINS["right"]) / 2)) < 2, word
            continue
        assert word.x_min >= MARGINS["left"] - 0.5, word
        assert word.x_max <= width - MARGINS["right"] + 0.5, word
        assert word.y_min >= MARGINS["top"] - 0.5, word
        assert word.y_max <= height - MARGINS["bottom"] + 0.5, word
    return words


def page_numbers(words: list[Word], pages: int) -> list[str | None]:
    """The number printed in each page's top margin, or None."""
    result: list[str | None] = []
    for page in range(1, pages + 1):
        found = [w.text for w in words if w.page == page and w.y_max <= MARGINS["top"] + 0.5]
        result.append(found[0] if found else None)
    return result


def render_pages(pdf: bytes, folder: Path, *, resolution: int = 50) -> list[Path]:
    """Each page as a PNG (pdftoppm), in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", str(source), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def image_difference(first: Path, second: Path) -> float:
    """Mean absolute pixel difference of two page images, as a share of 255 (1.0 for different sizes)."""
    a, b = Image.open(first).convert("L"), Image.open(second).convert("L")
    if a.size != b.size:
        return 1.0
    return float(ImageStat.Stat(ImageChops.difference(a, b)).mean[0]) / 255


def compare_with_reference(pdf: bytes, name: str, folder: Path) -> None:
    """Every page looks like its reviewed reference image tests/documents/reference/<name>-<page>.png.

    With TOSO_UPDATE_REFERENCE=1 the references are written instead (then look at them before committing).
    """
    import os

    pages = render_pages(pdf, folder)
    if os.environ.get("TOSO_UPDATE_REFERENCE") == "1":
        REFERENCE.mkdir(exist_ok=True)
        for old in REFERENCE.glob(f"{name}-*.png"):
            old.unlink()
        for number, page in enumerate(pages, start=1):
            (REFERENCE / f"{name}-{number}.png").write_bytes(page.read_bytes())
    references = sorted(REFERENCE.glob(f"{name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    assert len(references) == len(pages), f"{name}: {len(pages)} pages, {len(references)} reference images"
    for page, reference in zip(pages, references, strict=True):
        difference = image_difference(page, reference)
        assert difference < IMAGE_TOLERANCE, f"{reference.name} differs by {difference:.2%}"
