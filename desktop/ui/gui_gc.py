"""Garbage collection on the GUI thread only: a Qt object must never be destroyed from a worker thread.

Python's collector runs in whichever thread happens to allocate when a threshold is passed. If that is the
writer thread and the garbage holds a widget (a closed dialog in a reference cycle), Qt aborts the process —
seen once under load in the test suite. So automatic collection is switched off and a timer on the GUI thread
collects instead, with the same generational thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 250
_NAME = "toso-gui-thread-gc"


class GuiThreadCollector(QObject):
    """Collects garbage from a GUI-thread timer as often as the automatic collector would have."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(INTERVAL_MS)
        gc.disable()

    def collect(self) -> int:
        """One collection of the generation whose threshold was passed; returns the objects freed."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0


def install(app: QCoreApplication) -> GuiThreadCollector:
    """Move garbage collection to app's thread (the GUI thread); calling it again changes nothing."""
    found = app.findChild(GuiThreadCollector, _NAME)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
