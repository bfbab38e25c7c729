"""The Đồng bộ view with a real province server: enrolling, syncing, offline errors, and "Cần xem lại"."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.store import sync_engine
from desktop.store.store import Store
from desktop.store.sync_engine import SyncSummary
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.sync_controller import SyncController
from desktop.ui.views.conflicts_panel import ACTIONS, FIELD, LOST, RECORD, WON
from desktop.ui.views.sync_view import SyncView
from tests.gui.conftest import TODAY
from tests.gui.sync_helpers import HubLog, enrol
from tests.server.harness import ProvinceServer


@pytest.fixture
def controller(ctx: AppContext) -> SyncController:
    ctx.sync = SyncController(ctx, period_ms=600_000, settle_ms=600_000)
    return ctx.sync


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext, controller: SyncController) -> SyncView:
    view = SyncView(ctx)
    qtbot.addWidget(view)
    view.resize(1176, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_enrolling_through_the_view_then_syncing(
    qtbot: QtBot, view: SyncView, store: Store, province_server: ProvinceServer
) -> None:
    assert view.enrol_box.isVisible()
    assert not view.sync_button.isEnabled()
    assert view.state_label.text() == "Chưa đăng ký"

    view.url_edit.setText(province_server.url)
    view.code_edit.setText("AAAA-BBBB-CCCC")
    qtbot.mouseClick(view.enrol_button, Qt.MouseButton.LeftButton)
    assert "Mã đăng ký không đúng" in view.enrol_message.text()
    assert view.enrol_box.isVisible()

    view.code_edit.setText(province_server.enroll("06445").lower())
    qtbot.mouseClick(view.enrol_button, Qt.MouseButton.LeftButton)

    # Enrolled, then the background sync sent what was made here before.
    assert not view.enrol_box.isVisible()
    assert view.server_label.text() == province_server.url
    assert view.sync_button.isEnabled()
    assert view.state_label.text() == "Đã kết nối"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", view.last_sync_label.text())
    assert store.pending_changes() == 0
    assert view.pending_counts() == {}
    assert view.total_label.text() == "Mọi thay đổi đã được gửi lên máy chủ tỉnh."
    assert not view.error_label.isVisible() and not view.progress_row.isVisible()


def test_offline_error_says_what_to_do_in_the_view_and_the_status_bar(
    qtbot: QtBot, ctx: AppContext, view: SyncView, store: Store, province_server: ProvinceServer
) -> None:
    assert ctx.data_dir is not None
    enrol(store, ctx.data_dir, province_server)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    seen: list[str] = []
    ctx.hub.sync_started.connect(lambda: seen.append(window.sync_label.text()))
    ctx.hub.settings_changed.emit()
    province_server.stop()

    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)

    assert seen == ["Đang đồng bộ…"]
    assert view.state_label.text() == "Không kết nối được"
    assert view.error_label.isVisible()
    assert "Không kết nối được với máy chủ tỉnh" in view.error_label.text()
    assert "Tổ Số sẽ tự thử lại sau 5 phút" in view.error_label.text()
    assert window.sync_label.text() == "Lỗi đồng bộ: Không kết nối được với máy chủ tỉnh"
    assert province_server.url in window.sync_label.toolTip()

    province_server.start()
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    assert not view.error_label.isVisible()
    assert re.fullmatch(r"Đồng bộ lần cuối: \d\d/\d\d/\d{4} \d\d:\d\d", window.sync_label.text())


def _buttons(view: SyncView, row: int) -> dict[str, QPushButton]:
    cell = view.conflicts_panel.table.cellWidget(row, ACTIONS)
    return {button.text(): button for button in cell.findChildren(QPushButton)}


def test_a_conflict_from_two_laptops_is_listed_and_kept_again_with_one_click(
    qtbot: QtBot, ctx: AppContext, view: SyncView, store: Store, province_server: ProvinceServer, tmp_path: Path
) -> None:
    assert ctx.data_dir is not None and ctx.sync is not None
    enrol(store, ctx.data_dir, province_server, "Máy văn phòng")
    log = HubLog(ctx)
    ctx.sync.sync_now()
    village_id = store.rows("villages", "name = ?", ["Nà Phái"])[0]["id"]
    other = Store.open(tmp_path / "may-b", automatic_backup=False)
    try:
        other.today = lambda: TODAY
        enrol(other, tmp_path / "may-b", province_server, "Máy cán bộ Lan")
        # Both laptops change the households from 182 offline; the other laptop's edit arrives last and wins.
        store.update("villages", village_id, {"households": 200})
        ctx.sync.sync_now()
        other.update("villages", village_id, {"households": 205})
        sync_engine.sync(other, tmp_path / "may-b")
    finally:
        other.close()
    assert view.conflicts_panel.table.rowCount() == 0

    ctx.sync.sync_now()

    summary = log.finished[-1]
    assert getattr(summary, "conflicts", None) == 1
    assert store.require("villages", village_id)["households"] == 205
    table = view.conflicts_panel.table
    assert table.rowCount() == 1
    assert table.item(0, RECORD).text() == "Thôn, tổ dân phố: Thôn Nà Phái"
    assert table.item(0, FIELD).text() == "Số hộ"
    assert table.item(0, LOST).text().startswith("200\n— Máy văn phòng, ")
    assert table.item(0, WON).text().startswith("205\n— Máy cán bộ Lan, ")

    qtbot.mouseClick(_buttons(view, 0)["Giữ giá trị này"], Qt.MouseButton.LeftButton)

    assert store.require("villages", village_id)["households"] == 200
    pending = store.db.execute(
        "SELECT fields FROM changes WHERE record_id = ? AND sync_state = 'pending'", [village_id]
    ).fetchall()
    assert pending == [('{"households": [205, 200]}',)]
    assert table.rowCount() == 0 and view.conflicts_panel.empty_label.isVisible()
    # The new edit is an ordinary one: undo puts the winning value back, redo the kept one.
    ctx.undo.undo()
    assert store.require("villages", village_id)["households"] == 205
    ctx.undo.redo()
    # Sent like any edit; it was based on the winning version, so it is no new conflict, and the
    # conflict already fetched is not fetched twice.
    ctx.sync.sync_now()
    assert store.pending_changes() == 0
    assert store.db.execute("SELECT count(*), sum(resolved) FROM conflicts").fetchone() == (1, 1)
    assert table.rowCount() == 0


def test_dismissing_keeps_the_value_in_use(qtbot: QtBot, view: SyncView, store: Store) -> None:
    village_id = store.rows("villages", "name = ?", ["Đồng Ý"])[0]["id"]
    store.db.execute(
        "INSERT INTO conflicts (server_id, record_type, record_id, field, lost_value, lost_by, lost_at,"
        " won_value, won_by, won_at) VALUES (7, 'villages', ?, 'kind', '\"ban\"', 'Máy A',"
        " '2026-03-01T02:00:00.000Z', '\"thon\"', 'Máy B', '2026-03-01T03:00:00.000Z')",
        [village_id],
    )
    view.conflicts_panel.reload()
    table = view.conflicts_panel.table
    assert table.item(0, LOST).text().startswith("Bản\n— Máy A, 01/03/2026")
    before = store.pending_changes()

    qtbot.mouseClick(_buttons(view, 0)["Bỏ qua"], Qt.MouseButton.LeftButton)

    assert table.rowCount() == 0
    assert store.require("villages", village_id)["kind"] == "thon"
    assert store.pending_changes() == before
    assert store.db.execute("SELECT resolved FROM conflicts").fetchall() == [(1,)]


def test_a_clock_far_from_the_server_is_warned_about(
    view: SyncView, ctx: AppContext, store: Store, province_server: ProvinceServer, controller: SyncController
) -> None:
    assert ctx.data_dir is not None
    enrol(store, ctx.data_dir, province_server)
    controller.sync_now()
    assert not view.skew_label.isVisible()  # the test machine's clock is the server's

    controller.last_result = SyncSummary(pushed=0, applied=0, rejected=0, pulled=0, skew_seconds=-900.0)
    view.show_sync_state()

    assert view.skew_label.isVisible()
    assert "lệch 15 phút" in view.skew_label.text()


def test_a_running_sync_shows_progress_and_can_be_stopped_from_the_view(
    qtbot: QtBot, store: Store, tmp_path: Path, province_server: ProvinceServer
) -> None:
    # Real worker threads: the writer is busy, so the sync waits in its queue while the window stays live.
    ctx = AppContext.create(
        store, tmp_path / "data", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    enrol(store, tmp_path / "data", province_server)
    ctx.sync = SyncController(ctx, period_ms=600_000, settle_ms=600_000)
    view = SyncView(ctx)
    qtbot.addWidget(view)
    view.show()
    log = HubLog(ctx)
    release = threading.Event()
    try:
        ctx.writer.submit(lambda _store, _job: release.wait(10))
        qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
        assert view.progress_row.isVisible() and view.cancel_button.isVisible()
        assert view.state_label.text() == "Đang đồng bộ…"
        assert not view.sync_button.isEnabled()

        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
        qtbot.waitUntil(lambda: bool(log.finished), timeout=10_000)
    finally:
        release.set()
        ctx.sync.stop()
        ctx.shutdown()
    assert not view.progress_row.isVisible()
    assert view.error_label.text() == "Đã dừng đồng bộ; phần đã gửi và nhận được giữ nguyên."
    assert view.sync_button.isEnabled()
    assert store.pending_changes() == 29


def test_a_chosen_file_that_is_no_certificate_stops_the_enrolment_with_a_reason(
    qtbot: QtBot, view: SyncView, store: Store, province_server: ProvinceServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    bogus = tmp_path / "ca-tinh.pem"
    bogus.write_text("không phải chứng chỉ", encoding="utf-8")
    # The file dialog is the system's; the test answers it as the official would, by choosing the file.
    monkeypatch.setattr("desktop.ui.views.sync_view.QFileDialog.getOpenFileName", lambda *a, **k: (str(bogus), ""))
    qtbot.mouseClick(view.ca_button, Qt.MouseButton.LeftButton)
    assert view.ca_button.text() == "ca-tinh.pem"

    view.url_edit.setText(province_server.url)
    view.code_edit.setText(province_server.enroll("06445"))
    qtbot.mouseClick(view.enrol_button, Qt.MouseButton.LeftButton)
    assert "không phải chứng chỉ CA" in view.enrol_message.text()
    assert view.enrol_box.isVisible() and store.get_meta(sync_engine.CA_BUNDLE) is None
