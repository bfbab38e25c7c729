"""Background sync against a real province server: at start, after edits settle, cancelled, offline."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.store import settings, sync_engine
from desktop.store.store import Store
from desktop.store.sync_engine import SyncSummary
from desktop.ui.context import AppContext, Job, JobCancelled
from desktop.ui.sync_controller import SyncController
from desktop.ui.undo import run_undoable
from sync.client import SyncError
from tests.gui.sync_helpers import HubLog, enrol
from tests.server.harness import ProvinceServer

pytestmark = pytest.mark.usefixtures("qapp")  # timers need a running application's event dispatcher

FIXTURE_CHANGES = 29  # what tests/gui/conftest.py's fill() and set_commune() write


@pytest.fixture
def enrolled(ctx: AppContext, province_server: ProvinceServer) -> AppContext:
    assert ctx.data_dir is not None
    enrol(ctx.store, ctx.data_dir, province_server)
    return ctx


def controller_for(ctx: AppContext, settle_ms: int = 20_000) -> SyncController:
    controller = SyncController(ctx, period_ms=600_000, settle_ms=settle_ms)
    ctx.sync = controller
    return controller


def test_a_sync_runs_at_start_and_reports_on_the_hub(enrolled: AppContext, store: Store) -> None:
    log = HubLog(enrolled)
    controller = controller_for(enrolled)
    assert store.pending_changes() == FIXTURE_CHANGES

    controller.start()

    assert log.started == 1
    assert len(log.finished) == 1
    summary = log.finished[0]
    assert isinstance(summary, SyncSummary)
    assert (summary.pushed, summary.applied, summary.rejected) == (FIXTURE_CHANGES, FIXTURE_CHANGES, 0)
    assert summary.mismatched == ()
    assert log.progress and log.progress[0] == (FIXTURE_CHANGES, FIXTURE_CHANGES)
    assert store.pending_changes() == 0
    assert settings.get(store, settings.LAST_SYNC_AT)
    assert controller.reachable is True and not controller.running
    assert controller.period.isActive()
    # The sync's own "data changed" announcement is not a local edit: it starts no further sync.
    assert not controller.settle.isActive()
    controller.stop()
    assert not controller.period.isActive()


def test_a_laptop_not_enrolled_never_syncs(ctx: AppContext) -> None:
    log = HubLog(ctx)
    controller = controller_for(ctx, settle_ms=10)
    controller.start()
    run_undoable(ctx.undo, ctx.store, ctx.hub, "Thêm thôn", lambda s: s.insert("villages", {"name": "Khòn Pát"}))

    assert controller.sync_now() is False
    assert not controller.settle.isActive()
    assert log.started == 0 and log.finished == []


def test_edits_settle_into_one_sync(qtbot: QtBot, enrolled: AppContext, store: Store) -> None:
    log = HubLog(enrolled)
    controller = controller_for(enrolled, settle_ms=40)
    controller.start()
    assert len(log.finished) == 1

    for name in ("Khòn Pát", "Nà Làng", "Pò Mỏ"):
        run_undoable(
            enrolled.undo, store, enrolled.hub, "Thêm thôn", lambda s, n=name: s.insert("villages", {"name": n})
        )
    # Nothing is sent while the user is still typing; the countdown restarted with every edit.
    assert len(log.finished) == 1 and controller.settle.isActive()
    assert store.pending_changes() == 3

    qtbot.waitUntil(lambda: len(log.finished) == 2, timeout=5000)
    summary = log.finished[1]
    assert isinstance(summary, SyncSummary) and summary.pushed == 3
    assert store.pending_changes() == 0
    assert not controller.settle.isActive()
    controller.stop()


def test_cancel_stops_after_the_batch_in_flight(enrolled: AppContext, store: Store) -> None:
    log = HubLog(enrolled)
    controller = controller_for(enrolled)
    # Cancelled the moment the first batch is acknowledged: the pull never happens.
    enrolled.hub.sync_progress.connect(lambda _done, _total: controller.cancel())

    controller.start()

    assert isinstance(log.finished[-1], JobCancelled)
    assert store.pending_changes() == 0  # what the server acknowledged stays acknowledged
    assert not settings.get(store, settings.LAST_SYNC_AT)  # but the sync did not complete
    assert not controller.running
    controller.stop()


def test_a_queued_sync_is_cancelled_without_holding_up_the_window(
    qtbot: QtBot, store: Store, tmp_path: Path, province_server: ProvinceServer
) -> None:
    # Real worker threads: the writer is busy with another job, so the sync waits in its queue.
    ctx = AppContext.create(
        store, tmp_path / "data", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    enrol(store, tmp_path / "data", province_server)
    log = HubLog(ctx)
    controller = controller_for(ctx)
    release = threading.Event()

    def busy(_store: Store, _job: Job) -> None:
        release.wait(10)

    try:
        ctx.writer.submit(busy)
        assert controller.sync_now() is True
        assert controller.running and log.started == 1 and log.finished == []
        controller.cancel()
        release.set()
        qtbot.waitUntil(lambda: bool(log.finished), timeout=10_000)
    finally:
        release.set()
        controller.stop()
        ctx.shutdown()
    assert isinstance(log.finished[0], JobCancelled)
    assert store.pending_changes() == FIXTURE_CHANGES
    assert not controller.running


def test_offline_is_reported_in_vietnamese_and_retried_with_one_attempt(
    enrolled: AppContext, store: Store, province_server: ProvinceServer
) -> None:
    log = HubLog(enrolled)
    controller = controller_for(enrolled)
    province_server.stop()

    controller.start()

    error = log.finished[-1]
    assert isinstance(error, SyncError) and error.kind == "offline"
    assert "Không kết nối được với máy chủ tỉnh" in str(error)
    assert controller.reachable is False
    assert store.pending_changes() == FIXTURE_CHANGES

    province_server.start()
    assert controller.sync_now() is True
    assert isinstance(log.finished[-1], SyncSummary)
    assert controller.reachable is True
    assert store.pending_changes() == 0
    controller.stop()


def test_the_device_token_is_what_makes_a_laptop_enrolled(enrolled: AppContext) -> None:
    controller = controller_for(enrolled)
    assert controller.enrolled
    assert enrolled.data_dir is not None
    sync_engine.token_path(enrolled.data_dir).unlink()
    assert not controller.enrolled


def test_the_timer_syncs_again_while_the_app_is_open(qtbot: QtBot, enrolled: AppContext, store: Store) -> None:
    log = HubLog(enrolled)
    controller = SyncController(enrolled, period_ms=30, settle_ms=600_000)
    controller.start()
    store.insert("villages", {"name": "Khòn Pát"})  # not through the hub: only the timer can send it

    qtbot.waitUntil(lambda: store.pending_changes() == 0, timeout=5000)
    assert len(log.finished) >= 2 and all(isinstance(result, SyncSummary) for result in log.finished)
    controller.stop()
