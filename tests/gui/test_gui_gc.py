"""Garbage is collected on the GUI thread, never by a worker thread that happens to allocate."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.ui import gui_gc


class Cycle:
    """A closed dialog kept alive only by a reference cycle, as a forgotten slot can make one."""

    def __init__(self) -> None:
        self.dialog = QDialog()
        self.me = self


def test_automatic_collection_is_off_and_the_gui_timer_collects(qtbot: QtBot, qapp: QApplication) -> None:
    collector = gui_gc.install(qapp)
    assert gui_gc.install(qapp) is collector  # installed once
    assert not gc.isenabled()
    cycle = Cycle()
    gone = weakref.ref(cycle)
    del cycle
    kept: list[list[list[int]]] = []
    # A worker thread allocating well past the threshold must not collect the cycle (it holds a widget)…
    worker = threading.Thread(target=lambda: kept.append([[] for _ in range(5 * gc.get_threshold()[0])]))
    worker.start()
    worker.join()
    assert gone() is not None
    # …the GUI thread's timer does, seeing the thresholds passed.
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)
    assert kept  # the worker's allocations stayed alive throughout, so the count stayed past the threshold
