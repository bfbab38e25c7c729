"""Shared by the sync GUI tests: enrol a test laptop with the real province server, and record the hub."""

from __future__ import annotations

from pathlib import Path

from desktop.store import sync_engine
from desktop.store.store import Store
from desktop.ui.context import AppContext
from tests.gui.conftest import TAN_THANH
from tests.server.harness import ProvinceServer


def enrol(store: Store, folder: Path, server: ProvinceServer, name: str = "Máy xã") -> None:
    """Enrol a laptop's store with the server for xã Tân Thành (no sync yet: its edits stay pending)."""
    sync_engine.enroll(store, folder, server.url, server.enroll(TAN_THANH), name, "test")


class HubLog:
    """Every sync signal the hub emits, in order."""

    def __init__(self, ctx: AppContext) -> None:
        self.started = 0
        self.progress: list[tuple[int, int]] = []
        self.finished: list[object] = []
        ctx.hub.sync_started.connect(self._started)
        ctx.hub.sync_progress.connect(lambda done, total: self.progress.append((done, total)))
        ctx.hub.sync_finished.connect(self.finished.append)

    def _started(self) -> None:
        self.started += 1
