"""Background sync: at start, every few minutes, after local edits settle, and on demand; never on the GUI thread."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer

from desktop.store import sync_engine
from desktop.store.store import Store
from desktop.store.sync_engine import SyncSummary
from desktop.ui.context import ALL_TYPES, AppContext, Job, JobCancelled
from sync.client import SyncError

log = logging.getLogger(__name__)

PERIOD_MS = 5 * 60_000  # a sync every 5 minutes while the app is open
SETTLE_MS = 20_000  # after the last local edit: a burst of typing becomes one sync, not twenty


class SyncController(QObject):
    """Runs sync_engine.sync on the writer thread (serialised with other writes) and reports on the hub."""

    def __init__(
        self, ctx: AppContext, *, period_ms: int = PERIOD_MS, settle_ms: int = SETTLE_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.progress: tuple[int, int] = (0, 0)
        self.last_result: SyncSummary | BaseException | None = None
        self.reachable: bool | None = None  # None until the first attempt answers
        self._job: Job | None = None
        self._cancel = threading.Event()
        self._again = False
        self._stopped = False
        self._announcing = False
        self.period = QTimer(self)
        self.period.setInterval(period_ms)
        self.period.timeout.connect(self.sync_now)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self.sync_now)
        ctx.hub.data_changed.connect(self._data_changed)

    @property
    def enrolled(self) -> bool:
        """True once this laptop has a device token and a server to sync with."""
        folder = self.ctx.data_dir
        store = self.ctx.store
        return (
            folder is not None
            and bool(store.get_meta(sync_engine.SERVER_DEVICE_ID))
            and sync_engine.read_token(folder) is not None
        )

    def start(self) -> None:
        """Sync once now, then every period."""
        self._stopped = False
        self.period.start()
        self.sync_now()

    def stop(self) -> None:
        """At exit: no more syncs; a running one stops at its next checkpoint (what it committed stays)."""
        self._stopped = True
        self.period.stop()
        self.settle.stop()
        self.cancel()

    def cancel(self) -> None:
        """Stop the running sync after the batch or page in flight (each commits on its own, so nothing is lost)."""
        self._cancel.set()
        if self._job is not None:
            self._job.cancel()

    def sync_now(self) -> bool:
        """Start a sync in the background; False when one is running (it runs again after) or none is possible."""
        if self._stopped or not self.enrolled:
            return False
        if self.running:
            self._again = True
            return False
        self.settle.stop()
        folder = self.ctx.data_dir
        assert folder is not None  # enrolled says so
        # Offline last time: one quick attempt, not three with back-off, so the writer is not held up for long.
        probe = self.reachable is False
        cancel = threading.Event()
        self._cancel = cancel

        def task(store: Store, job: Job) -> SyncSummary:
            job.check()
            client = sync_engine.client_for(store, folder)
            if probe:
                client.attempts = 1

            def progress(_phase: str, done: int, total: int) -> None:
                job.progress(done, total)
                if cancel.is_set():
                    raise JobCancelled

            try:
                return sync_engine.sync(store, folder, client=client, progress=progress)
            finally:
                client.close()

        self.running, self._again, self.progress = True, False, (0, 0)
        self.ctx.hub.sync_started.emit()
        job = self.ctx.writer.submit(task, done=self._done, failed=self._failed, progress=self._progressed)
        if self.running:  # a synchronous worker (tests) has already finished it
            self._job = job
        return True

    def _progressed(self, done: int, total: int) -> None:
        self.progress = (done, total)
        self.ctx.hub.sync_progress.emit(done, total)

    def _done(self, summary: SyncSummary) -> None:
        self.reachable = True
        self._finish(summary)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SyncError):
            self.reachable = error.kind != "offline"
        elif not isinstance(error, JobCancelled):
            log.error("sync failed", exc_info=error)
        self._finish(error)

    def _finish(self, result: SyncSummary | BaseException) -> None:
        self.running, self._job, self.last_result = False, None, result
        self.ctx.hub.sync_finished.emit(result)
        # Pulled records (or a part of them, before a failure) may touch any list; the flag keeps this
        # announcement from counting as a local edit that would start the next sync.
        self._announcing = True
        try:
            self.ctx.hub.data_changed.emit(ALL_TYPES)
        finally:
            self._announcing = False
        if self._again and not self._stopped:
            self.settle.start()

    def _data_changed(self, _type_name: str) -> None:
        # Every local edit restarts the countdown; the sync runs once edits have settled.
        if self._announcing or self._stopped:
            return
        if self.running:
            self._again = True
        elif self.enrolled:
            self.settle.start()
