"""What every view is given: the store, the signal hub, background workers and the undo stack.

Views never call each other. They change data through the store (or a worker), then say so on the hub
(`data_changed`), and every view that shows that record type reloads itself.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from desktop.store.store import Store

if TYPE_CHECKING:
    from desktop.ui.sync_controller import SyncController

log = logging.getLogger(__name__)

ALL_TYPES = "*"  # data_changed argument meaning "anything may have changed" (restore, import, sync)


class Hub(QObject):
    """The application-wide signals (Vorta's application object): jobs emit, views subscribe."""

    data_changed = Signal(str)  # a record type ("sessions"…) or ALL_TYPES
    settings_changed = Signal()
    language_changed = Signal(str)
    status_message = Signal(str)
    sync_started = Signal()
    sync_progress = Signal(int, int)  # done, total (changes sent, then records received)
    sync_finished = Signal(object)  # a SyncSummary, or the exception that ended the sync

    def changed(self, types: Iterable[str]) -> None:
        """Announce that records of these types changed."""
        for type_name in types:
            self.data_changed.emit(type_name)


class JobCancelled(Exception):
    """Raised inside a job that noticed its Cancel button was pressed."""


class Job:
    """A running background job: it reports progress and checks whether it was cancelled."""

    def __init__(self, report: Callable[[int, int], None] | None = None) -> None:
        self._cancelled = threading.Event()
        self._report = report

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancelled.is_set()

    def check(self) -> None:
        """Stop here (JobCancelled) if the job was cancelled."""
        if self.cancelled:
            raise JobCancelled

    def progress(self, done: int, total: int) -> None:
        """Report how far the job is (delivered to the GUI thread)."""
        if self._report is not None:
            self._report(done, total)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive there queued."""

    finished = Signal(object, object, object)  # callback, result or error, is_error
    progressed = Signal(object, int, int)


class Worker:
    """One background thread with its own store connection, running jobs one at a time, in order.

    SQLite connections belong to the thread that opened them, so the worker opens its own; writes go
    through one worker so they are serialised. With synchronous=True (tests) jobs run at once on the
    caller's thread with the caller's store, which keeps tests deterministic.
    """

    def __init__(self, name: str, data_dir: Path | None, gui_store: Store, hub: Hub, *, synchronous: bool) -> None:
        self.name = name
        self.data_dir = data_dir
        self.gui_store = gui_store
        self.hub = hub
        self.synchronous = synchronous or data_dir is None
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._relay.progressed.connect(lambda callback, done, total: callback(done, total))
        self._queue: queue.Queue[tuple[Callable[[Store, Job], Any], Job, Callable[..., None]] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.busy = 0

    def submit(
        self,
        task: Callable[[Store, Job], Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        changes: Iterable[str] = (),
    ) -> Job:
        """Run task(store, job) in the background; done(result) or failed(error) run on the GUI thread after.

        `changes` names the record types the task writes: the hub announces them when it ends, even on failure
        (a failed job rolled back, but views reloading costs nothing and never shows stale data).
        """
        changed = tuple(changes)

        def report(done_count: int, total: int) -> None:
            if progress is not None:
                self._relay.progressed.emit(progress, done_count, total)

        job = Job(report)

        def finish(result: Any, is_error: bool) -> None:
            self.busy -= 1
            self.hub.changed(changed)
            if is_error:
                if not isinstance(result, JobCancelled):
                    log.error("job failed in %s", self.name, exc_info=result)
                if failed is not None:
                    failed(result)
            elif done is not None:
                done(result)

        self.busy += 1
        if self.synchronous:
            try:
                result = task(self.gui_store, job)
            except Exception as error:  # handed to the failed callback, like a worker's error
                finish(error, True)
            else:
                finish(result, False)
            return job
        self._ensure_thread()
        self._queue.put((task, job, finish))
        return job

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._loop, name=f"toso-{self.name}", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        assert self.data_dir is not None
        store = Store.open(self.data_dir, automatic_backup=False)
        store.today = self.gui_store.today
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    return
                task, job, finish = item
                try:
                    result: Any = task(store, job)
                    is_error = False
                except Exception as error:  # delivered to the GUI thread, which decides what to show
                    result, is_error = error, True
                self._relay.finished.emit(finish, result, is_error)
        finally:
            store.close()

    def _deliver(self, finish: Callable[[Any, bool], None], result: Any, is_error: bool) -> None:
        finish(result, is_error)

    def stop(self) -> None:
        """Let the queued jobs finish, then end the thread (at application exit)."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout=30)


@dataclass
class AppContext:
    """Everything a view needs, built once by the application."""

    store: Store
    data_dir: Path | None
    hub: Hub
    writer: Worker
    reader: Worker
    undo: QUndoStack
    settings: QSettings
    sync: SyncController | None = None  # background sync, set once the window shows; None in most tests

    @classmethod
    def create(
        cls, store: Store, data_dir: Path | None, *, synchronous: bool = False, settings: QSettings | None = None
    ) -> AppContext:
        """The context of a running app (synchronous=True makes background jobs run inline, for tests)."""
        hub = Hub()
        return cls(
            store=store,
            data_dir=data_dir,
            hub=hub,
            writer=Worker("ghi", data_dir, store, hub, synchronous=synchronous),
            reader=Worker("doc", data_dir, store, hub, synchronous=synchronous),
            undo=QUndoStack(),
            settings=settings or QSettings(),
        )

    def shutdown(self) -> None:
        """Stop the workers cleanly (queued writes finish first)."""
        self.writer.stop()
        self.reader.stop()
