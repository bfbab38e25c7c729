"""A hint under a control: wrapped text a shade lighter than the window text, still easy to read."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

# Two thirds text colour, one third background: on the light Windows palette about #555 on #f0f0f0
# (contrast near 7:1); palette(mid) would be #a0a0a0, too faint on a laptop screen in daylight.
_TEXT_SHARE = 0.67


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label for explanations, readable in light and dark palettes alike."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    palette = label.palette()
    fore = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    mixed = QColor(
        round(fore.red() * _TEXT_SHARE + back.red() * (1 - _TEXT_SHARE)),
        round(fore.green() * _TEXT_SHARE + back.green() * (1 - _TEXT_SHARE)),
        round(fore.blue() * _TEXT_SHARE + back.blue() * (1 - _TEXT_SHARE)),
    )
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)
    return label
