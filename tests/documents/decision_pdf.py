"""Reading a decision's PDF back as a reader and a printer would: text, fonts, page size, margins, page numbers,
and its pages as pictures compared with reviewed reference images.

pypdf reads the structure; poppler-utils (pdftotext, pdftoppm; installed by packaging/dev.sh) reads the text
with its positions and draws the pages; Pillow compares the pictures.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

MM = 72 / 25.4
A4 = (595.28, 841.89)
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
SLACK = 1.0  # points: glyph boxes may overhang their advance a little
REFERENCE = Path(__file__).parent / "reference"
IMAGE_TOLERANCE = 0.02  # mean absolute pixel difference, as a share of 255
WATERMARK_WORDS = {"DỰ", "THẢO"}
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
UPDATE = os.environ.get("TOSO_UPDATE_REFERENCES") == "1"  # rewrite the references (then look at them!)


@dataclass(frozen=True)
class Word:
    """One word pdftotext found, with its box in points from the page's top-left corner."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text as pypdf extracts it (a rotated watermark stays one piece, unlike pdftotext's)."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def layout_texts(pdf: bytes) -> list[str]:
    """Each page's text in reading layout (pdftotext -layout)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        count = len(PdfReader(io.BytesIO(pdf)).pages)
        return [
            subprocess.run(
                ["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(path), "-"],
                check=True,
                capture_output=True,
            ).stdout.decode("utf-8")
            for n in range(1, count + 1)
        ]


def flat(text: str) -> str:
    """Text with every run of white space made one space, to look for phrases that may wrap."""
    return re.sub(r"\s+", " ", text)


def page_words(pdf: bytes) -> list[list[Word]]:
    """Every word of every page with its box (pdftotext -bbox-layout, XHTML)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        xhtml = subprocess.run(
            ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
        ).stdout.decode("utf-8")
    root = ET.fromstring(xhtml)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        pages.append(
            [
                Word(
                    word.text or "",
                    float(word.get("xMin", 0)),
                    float(word.get("yMin", 0)),
                    float(word.get("xMax", 0)),
                    float(word.get("yMax", 0)),
                )
                for word in page.iter("{http://www.w3.org/1999/xhtml}word")
            ]
        )
    return pages


def page_number_words(words: list[Word]) -> list[str]:
    """The words printed in the top margin (only a page number may be there)."""
    return [word.text for word in words if word.y_max <= TOP + SLACK]


def outside_margins(words: list[Word]) -> list[Word]:
    """Words outside the text area, other than a page number in the top margin and the DỰ THẢO watermark."""
    width, height = A4
    bad = []
    for word in words:
        if word.text in WATERMARK_WORDS:
            continue
        if word.y_max <= TOP + SLACK and word.text.isdigit() and abs((word.x_min + word.x_max) / 2 - centre()) < 5:
            continue  # the page number, centred in the top margin
        if (
            word.x_min < LEFT - SLACK
            or word.x_max > width - RIGHT + SLACK
            or word.y_min < TOP - SLACK
            or word.y_max > height - BOTTOM + SLACK
        ):
            bad.append(word)
    return bad


def centre() -> float:
    """The middle of the text area, across."""
    return LEFT + (A4[0] - LEFT - RIGHT) / 2


def fonts_without_file(pdf: bytes) -> list[str]:
    """Fonts used by any page that are not embedded (no /FontFile2 in their descriptor)."""
    missing = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for name, ref in (fonts.get_object() if fonts else {}).items():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants.get_object()[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if not isinstance(descriptor, DictionaryObject | type(None)):
                descriptor = descriptor.get_object()
            if descriptor is None or "/FontFile2" not in descriptor:
                missing.append(f"{name} ({font.get('/BaseFont')})")
    return missing


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's size in points."""
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(io.BytesIO(pdf)).pages]


def is_nfc(text: str) -> bool:
    """True when the text is in NFC, as every Vietnamese string of the app must be."""
    return unicodedata.is_normalized("NFC", text)


def page_images(pdf: bytes, dpi: int = 50) -> list[Image.Image]:
    """The pages drawn at a low resolution (pdftoppm), in grey."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(Path(folder) / "page")], check=True)
        files = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [Image.open(file).convert("L") for file in files]


def difference(first: Image.Image, second: Image.Image) -> float:
    """Mean absolute pixel difference of two pictures, as a share of 255 (1.0 when their sizes differ)."""
    if first.size != second.size:
        return 1.0
    return float(ImageStat.Stat(ImageChops.difference(first, second)).mean[0]) / 255


def compare_with_reference(pdf: bytes, name: str) -> list[str]:
    """Problems found comparing the pages with tests/documents/reference/NAME-N.png (empty when they match).

    With TOSO_UPDATE_REFERENCES=1 the references are written instead; look at them before committing.
    """
    images = page_images(pdf)
    if UPDATE:
        REFERENCE.mkdir(exist_ok=True)
        for old in REFERENCE.glob(f"{name}-*.png"):
            old.unlink()
        for number, image in enumerate(images, start=1):
            image.save(REFERENCE / f"{name}-{number}.png", optimize=True)
    references = sorted(REFERENCE.glob(f"{name}-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    problems = []
    if len(references) != len(images):
        problems.append(f"{name}: {len(images)} pages, the reference has {len(references)}")
    for number, (image, reference) in enumerate(zip(images, references, strict=False), start=1):
        share = difference(image, Image.open(reference).convert("L"))
        if share >= IMAGE_TOLERANCE:
            problems.append(f"{name} page {number}: differs from its reference by {share:.2%}")
    return problems
