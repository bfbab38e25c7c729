"""Unexpected errors: written to the log with their traceback, then shown in a dialog whose details can be copied."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("toso.crash")
DISABLE_ENV = "TOSO_NO_CRASH_DIALOG"  # tests set it: a modal dialog would hang a test run


def install() -> None:
    """Route uncaught exceptions (including those raised in Qt slots) to the log and the crash dialog."""
    sys.excepthook = handle


def handle(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Log an uncaught exception and tell the user in plain words, with the details to copy for support."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    details = "".join(traceback.format_exception(kind, error, trace))
    log.error("uncaught exception\n%s", details)
    if os.environ.get(DISABLE_ENV) or QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("crash", "Lỗi không mong đợi"),
        QCoreApplication.translate(
            "crash",
            "Tổ Số gặp lỗi không mong đợi. Dữ liệu đã lưu trước đó vẫn an toàn.\n\n"
            "Hãy sao chép chi tiết bên dưới (nút “Hiện chi tiết…”) gửi cho cán bộ hỗ trợ; "
            "chi tiết cũng đã được ghi vào tệp nhật ký trong thư mục dữ liệu.",
        ),
    )
    box.setDetailedText(details)
    box.exec()
