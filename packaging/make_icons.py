"""Draw the app icon: resources/icons/toso.svg (the source), PNGs from 16 to 256 px and a Windows toso.ico.

    QT_QPA_PLATFORM=offscreen python3 packaging/make_icons.py

The picture: a blue tile with a white roof (the commune) sheltering three linked dots (a team helping
people go digital). Flat shapes with thick strokes, so it stays readable at 16 px in a taskbar.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

# {roof}, {link} and {dot} are stroke widths and the dot radius: small sizes get bolder shapes (SMALL).
SVG_TEMPLATE = """<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Tổ Số</title>
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1f7ae0"/>
      <stop offset="1" stop-color="#0b4f9e"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="url(#tile)"/>
  <!-- the roof: the commune that keeps the teams -->
  <path d="M40 118 L128 46 L216 118" fill="none" stroke="#ffffff" stroke-width="{roof}"
        stroke-linecap="round" stroke-linejoin="round"/>
  <!-- a team: three people, linked -->
  <path d="M80 194 L128 134 L176 194 Z" fill="none" stroke="#ffd23f" stroke-width="{link}" stroke-linejoin="round"/>
  <circle cx="128" cy="134" r="{dot}" fill="#ffffff"/>
  <circle cx="80" cy="194" r="{dot}" fill="#ffffff"/>
  <circle cx="176" cy="194" r="{dot}" fill="#ffffff"/>
</svg>
"""
SVG = SVG_TEMPLATE.format(roof=22, link=12, dot=22)
SMALL = SVG_TEMPLATE.format(roof=30, link=12, dot=24)  # 32 px and below


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon drawn at size × size pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """An image as PNG file bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG-compressed images (read by Windows Vista and later, and by Inno Setup)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    directory, payload = b"", b""
    for size, png in sorted(pngs.items()):
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + directory + payload


def main() -> int:
    """Write the SVG, the PNGs and the .ico into resources/icons."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "toso.svg").write_text(SVG, encoding="utf-8")
    renderers = [QSvgRenderer(QByteArray(svg.encode("utf-8"))) for svg in (SVG, SMALL)]
    if not all(renderer.isValid() for renderer in renderers):
        print("make_icons: the SVG does not parse", file=sys.stderr)
        return 1
    pngs = {size: png_bytes(render(renderers[size <= 32], size)) for size in SIZES}
    for size, png in pngs.items():
        (ICONS / f"toso-{size}.png").write_bytes(png)
    (ICONS / "toso.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    print(f"make_icons: wrote {len(pngs)} PNGs, toso.svg and toso.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
