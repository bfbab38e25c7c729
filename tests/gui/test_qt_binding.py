"""The Qt binding itself must survive a long working day: PySide6 6.12.0 did not (see pyproject.toml)."""

from __future__ import annotations

import os
import subprocess
import sys

LOOP = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(30_000):  # a few hours of clicking: every call that returns nothing
    label.setText("Tổ công nghệ số cộng đồng")
    app.processEvents()
print("còn sống")
"""


def test_thirty_thousand_qt_calls_do_not_abort_the_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "còn sống" in result.stdout
